import { chatAdapter } from '../chat-adapter';
import { CHAT_PAGE, detectPageKind, isDouyinChatUrl } from './detect';
import { findChatInput, readBuyer, readBuyerIdentity, readRecalled, readRow, rowBuyer } from './read';
import * as S from './selectors';

/** Douyin 抖店 飞鸽 seller chat, from 2026 live-page evidence (data-qa-id hooks); checked against fixture pages only. */
export const douyinAdapter = chatAdapter({
  id: 'douyin-chat',
  platform: 'douyin',
  name: { zh: '抖店 飞鸽', en: 'Douyin Feige chat' },
  matches: isDouyinChatUrl,
  pageKind: detectPageKind,
  readBuyer,
  readBuyerIdentity,
  chatAt: CHAT_PAGE,
  rows: ['MESSAGE', S.MESSAGE],
  list: null,
  readRow,
  readRecalled,
  buyer: ['BUYER_BUBBLE', S.BUYER_BUBBLE],
  shop: ['SHOP_BUBBLE', S.SHOP_BUBBLE],
  text: S.MESSAGE_TEXT,
  conversationRow: S.CONVERSATION_ITEM,
  rowBuyer: [rowBuyer],
  findChatInput,
  inputSelector: S.CHAT_INPUT,
  probe: {
    buyer: { HEADER: S.HEADER },
    buyerId: 'none',
    messages: { MESSAGE: S.MESSAGE, BUYER_BUBBLE: S.BUYER_BUBBLE, SHOP_BUBBLE: S.SHOP_BUBBLE, MESSAGE_TEXT: S.MESSAGE_TEXT },
    chatInput: { CHAT_INPUT: S.CHAT_INPUT },
  },
});
