import { chatAdapter } from '../chat-adapter';
import { pick } from '../probe';
import { detectPageKind, isPddChatUrl } from './detect';
import { conversationAt, findChatInput, openConversation, readBuyer, readBuyerIdentity, readConversations, readRow, readWaiting } from './read';
import * as S from './selectors';

/** Pinduoduo merchant web chat, rebuilt from 2026 live-page evidence; checked against fixture pages only. */
export const pddAdapter = chatAdapter({
  id: 'pdd-chat',
  platform: 'pdd',
  name: '拼多多 商家客服',
  matches: isPddChatUrl,
  pageKind: detectPageKind,
  readBuyer,
  readBuyerIdentity,
  rows: S.MESSAGE_ROW,
  readRow,
  readWaiting: (doc) => readWaiting(doc),
  readConversations,
  conversationAt,
  openConversation,
  findChatInput,
  inputSelector: S.CHAT_INPUT,
  classChanges: true, // switching conversations may only move the `active` class
  probe: {
    buyer: pick(S, 'HEADER_NAME', 'ACTIVE_CONVERSATION_BOX', 'CONVERSATION_NICK'),
    buyerId: pick(S, 'CONVERSATION_UID_ATTR', 'MESSAGE_UID_ATTR'),
    messages: pick(S, 'MESSAGE_ROW', 'BUYER_SIDE', 'SHOP_SIDE', 'MESSAGE_TEXT'),
    chatInput: pick(S, 'CHAT_INPUT'),
  },
});
