import type { SiteAdapter } from '../types';
import { observeChat } from '../observe';
import { pick, probeWith } from '../probe';
import { detectPageKind, isKuaishouChatUrl } from './detect';
import { findChatInput, readBuyer, readBuyerIdentity, readMessages } from './read';
import * as S from './selectors';

const reads = { readBuyer, readBuyerIdentity, readMessages };

/** Kuaishou 快手小店 workbench. One public source, unconfirmed; checked against a fixture page only. */
export const kuaishouAdapter: SiteAdapter = {
  id: 'kuaishou-chat',
  platform: 'kuaishou',
  name: '快手小店 客服（未确认）',
  verifiedAgainst: 'fixture',
  chatLocation: 'page',
  matches: isKuaishouChatUrl,
  pageKind: detectPageKind,
  ...reads,
  findChatInput,
  observeConversation(doc, signal, onChange) {
    observeChat(reads, doc, signal, onChange, { inputSelector: S.CHAT_INPUT });
  },
  probe: (doc) =>
    probeWith(kuaishouAdapter, doc, {
      buyer: pick(S, 'MESSAGE_SENDER', 'BUYER_SIDE'),
      buyerId: 'none',
      messages: pick(S, 'MESSAGE_ROW', 'BUYER_SIDE', 'SHOP_SIDE', 'MESSAGE_TEXT'),
      chatInput: pick(S, 'CHAT_INPUT'),
    }),
};
