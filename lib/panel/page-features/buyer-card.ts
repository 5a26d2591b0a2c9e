/**
 * The buyer card: notes, sizes, tags and history of the open buyer. Shown in a frame of its own
 * (components/customers/CardFrame.tsx → entrypoints/card/), so buyer data stays out of the page.
 */
import { h } from 'preact';
import type { PanelFeature } from '../page-feature';
import { CardFrame } from '@/components/customers/CardFrame';

export const buyerCard: PanelFeature = {
  name: 'buyer-card',
  init({ card, addSection, adapter, doc }) {
    // On a chat page, and on an order's detail page that names its one buyer (PanelState.orderBuyer):
    // the agent writing its remark or shipping it reads her notes there. Never on a list of many buyers.
    addSection({ name: 'buyer-card', slot: 'top', order: 10, when: (s) => s.pageKind === 'chat' || !!s.orderBuyer, component: () => h(CardFrame, { host: card }) });
    // The listed conversations' buyers: the frame reads their cards ahead (a switch draws at once).
    const list = adapter.readConversations;
    card.start(list ? { listed: () => list(doc).map((b) => ({ nickname: b.nickname, buyerId: b.id })) } : {});
  },
};
