import { chatAdapter } from '../chat-adapter';
import { CHAT_PAGE, detectPageKind, isJdChatUrl } from './detect';
import { findChatInput, readBuyer, readBuyerIdentity, readConversations, readRow, rowName, rowPin } from './read';
import * as S from './selectors';

/** JD 咚咚 web chat, rebuilt from 2026 live-page evidence; checked against a fixture page only. */
export const jdAdapter = chatAdapter({
  id: 'jd-chat',
  platform: 'jd',
  name: { zh: '京东 咚咚工作台', en: 'JD DongDong' },
  matches: isJdChatUrl,
  pageKind: detectPageKind,
  readBuyer,
  readBuyerIdentity,
  chatAt: CHAT_PAGE,
  rows: ['MESSAGE', S.MESSAGE],
  list: S.MESSAGE_LIST,
  rowMark: S.MESSAGE_MARK,
  readRow,
  buyer: ['BUYER_SIDE', S.BUYER_SIDE],
  shop: ['SHOP_SIDE', S.SHOP_SIDE],
  text: S.MESSAGE_TEXT,
  readConversations,
  conversationRow: S.LIST_ROW,
  rowBuyer: [rowName, rowPin],
  findChatInput,
  inputSelector: S.CHAT_INPUT,
  classChanges: true, // the selected row is marked by a class only
  probe: {
    buyer: { HEADER_NAME: S.HEADER_NAME, ACTIVE_CONVERSATION: S.ACTIVE_CONVERSATION, CONVERSATION_NAME: S.CONVERSATION_NAME },
    buyerId: { CONVERSATION_LIST: S.CONVERSATION_LIST, ACTIVE_CONVERSATION: S.ACTIVE_CONVERSATION },
    messages: { MESSAGE: S.MESSAGE, BUYER_SIDE: S.BUYER_SIDE, SHOP_SIDE: S.SHOP_SIDE, MESSAGE_TEXT: S.MESSAGE_TEXT },
    chatInput: { CHAT_INPUT: S.CHAT_INPUT },
  },
});
