/**
 * The buyer card: notes, sizes, tags and history of the open buyer. Shown in a frame of its own
 * (components/customers/CardFrame.tsx → entrypoints/card/), so buyer data stays out of the page.
 */
import { h } from 'preact';
import type { PanelFeature } from '../page-feature';
import { CardFrame } from '@/components/customers/CardFrame';

export const buyerCard: PanelFeature = {
  name: 'buyer-card',
  init({ card, addSection }) {
    addSection({ name: 'buyer-card', slot: 'chat', order: 10, component: () => h(CardFrame, { host: card }) });
    card.start();
  },
};
