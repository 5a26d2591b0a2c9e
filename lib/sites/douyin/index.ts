import { chatAdapter } from '../chat-adapter';
import { pick } from '../probe';
import { detectPageKind, isDouyinChatUrl } from './detect';
import { findChatInput, readBuyer, readBuyerIdentity, readRow } from './read';
import * as S from './selectors';

/** Douyin 抖店 飞鸽 seller chat, from 2026 live-page evidence (data-qa-id hooks); checked against fixture pages only. */
export const douyinAdapter = chatAdapter({
  id: 'douyin-chat',
  platform: 'douyin',
  name: '抖店 飞鸽',
  matches: isDouyinChatUrl,
  pageKind: detectPageKind,
  readBuyer,
  readBuyerIdentity,
  rows: S.MESSAGE,
  readRow,
  findChatInput,
  inputSelector: S.CHAT_INPUT,
  probe: {
    buyer: pick(S, 'HEADER'),
    buyerId: 'none',
    messages: pick(S, 'MESSAGE', 'BUYER_BUBBLE', 'SHOP_BUBBLE', 'MESSAGE_TEXT'),
    chatInput: pick(S, 'CHAT_INPUT'),
  },
});
