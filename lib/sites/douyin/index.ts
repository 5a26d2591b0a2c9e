import { chatAdapter } from '../chat-adapter';
import { pick } from '../probe';
import { detectPageKind, isDouyinChatUrl } from './detect';
import { findChatInput, readBuyer, readBuyerIdentity, readMessages } from './read';
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
  readMessages,
  findChatInput,
  inputSelector: S.CHAT_INPUT,
  probe: {
    buyer: pick(S, 'HEADER'),
    buyerId: 'none',
    messages: pick(S, 'MESSAGE', 'BUYER_BUBBLE', 'SHOP_BUBBLE', 'MESSAGE_TEXT'),
    chatInput: pick(S, 'CHAT_INPUT'),
  },
});
