import type { SiteAdapter } from '../types';
import { observeChat } from '../observe';
import { pick, probeWith } from '../probe';
import { detectPageKind, isPddChatUrl } from './detect';
import { findChatInput, readBuyer, readBuyerIdentity, readMessages } from './read';
import * as S from './selectors';

const reads = { readBuyer, readBuyerIdentity, readMessages };

/** Pinduoduo merchant web chat, rebuilt from 2026 live-page evidence; checked against fixture pages only. */
export const pddAdapter: SiteAdapter = {
  id: 'pdd-chat',
  platform: 'pdd',
  name: '拼多多 商家客服',
  verifiedAgainst: 'fixture',
  chatLocation: 'page',
  matches: isPddChatUrl,
  pageKind: detectPageKind,
  ...reads,
  findChatInput,
  observeConversation(doc, signal, onChange) {
    // classChanges: switching conversations may only move the `active` class.
    observeChat(reads, doc, signal, onChange, { inputSelector: S.CHAT_INPUT, classChanges: true });
  },
  probe: (doc) =>
    probeWith(pddAdapter, doc, {
      buyer: pick(S, 'HEADER_NAME', 'ACTIVE_CONVERSATION_BOX', 'CONVERSATION_NICK'),
      buyerId: pick(S, 'CONVERSATION_UID_ATTR', 'MESSAGE_UID_ATTR'),
      messages: pick(S, 'MESSAGE_ROW', 'BUYER_SIDE', 'SHOP_SIDE', 'MESSAGE_TEXT'),
      chatInput: pick(S, 'CHAT_INPUT'),
    }),
};
