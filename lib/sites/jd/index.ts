import type { SiteAdapter } from '../types';
import { observeChat } from '../observe';
import { pick, probeWith } from '../probe';
import { detectPageKind, isJdChatUrl } from './detect';
import { findChatInput, readBuyer, readBuyerIdentity, readMessages } from './read';
import * as S from './selectors';

const reads = { readBuyer, readBuyerIdentity, readMessages };

/** JD 咚咚 web chat, rebuilt from 2026 live-page evidence; checked against a fixture page only. */
export const jdAdapter: SiteAdapter = {
  id: 'jd-chat',
  platform: 'jd',
  name: '京东 咚咚工作台',
  verifiedAgainst: 'fixture',
  chatLocation: 'page',
  matches: isJdChatUrl,
  pageKind: detectPageKind,
  ...reads,
  findChatInput,
  observeConversation(doc, signal, onChange) {
    observeChat(reads, doc, signal, onChange, { inputSelector: S.CHAT_INPUT, classChanges: true });
  },
  probe: (doc) =>
    probeWith(jdAdapter, doc, {
      buyer: pick(S, 'HEADER_NAME', 'ACTIVE_CONVERSATION', 'CONVERSATION_NAME'),
      buyerId: pick(S, 'CONVERSATION_LIST', 'ACTIVE_CONVERSATION'),
      messages: pick(S, 'MESSAGE', 'BUYER_SIDE', 'SHOP_SIDE', 'MESSAGE_TEXT'),
      chatInput: pick(S, 'CHAT_INPUT'),
    }),
};
