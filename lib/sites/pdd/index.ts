import { chatAdapter } from '../chat-adapter';
import { CHAT_PAGE, detectPageKind, isPddChatUrl } from './detect';
import { boxNick, findChatInput, readBuyer, readBuyerIdentity, readRow, uidOf } from './read';
import * as S from './selectors';

/** Pinduoduo merchant web chat, rebuilt from 2026 live-page evidence; checked against fixture pages only. */
export const pddAdapter = chatAdapter({
  id: 'pdd-chat',
  platform: 'pdd',
  name: { zh: '拼多多 商家客服', en: 'Pinduoduo chat' },
  matches: isPddChatUrl,
  pageKind: detectPageKind,
  readBuyer,
  readBuyerIdentity,
  chatAt: CHAT_PAGE,
  rows: ['MESSAGE_ROW', S.MESSAGE_ROW],
  list: S.MESSAGE_LIST,
  rowMark: S.MESSAGE_ROW_MARK,
  readRow,
  buyer: ['BUYER_SIDE', S.BUYER_SIDE],
  shop: ['SHOP_SIDE', S.SHOP_SIDE],
  text: S.MESSAGE_TEXT,
  conversationRow: S.CONVERSATION_BOX,
  rowBuyer: [boxNick, uidOf],
  findChatInput,
  inputSelector: S.CHAT_INPUT,
  classChanges: true, // switching conversations may only move the `active` class
  probe: {
    buyer: { HEADER_NAME: S.HEADER_NAME, ACTIVE_CONVERSATION_BOX: S.ACTIVE_CONVERSATION_BOX, CONVERSATION_NICK: S.CONVERSATION_NICK },
    buyerId: { CONVERSATION_UID_ATTR: S.CONVERSATION_UID_ATTR, MESSAGE_UID_ATTR: S.MESSAGE_UID_ATTR },
    messages: { MESSAGE_ROW: S.MESSAGE_ROW, BUYER_SIDE: S.BUYER_SIDE, SHOP_SIDE: S.SHOP_SIDE, MESSAGE_TEXT: S.MESSAGE_TEXT },
    chatInput: { CHAT_INPUT: S.CHAT_INPUT },
  },
});
