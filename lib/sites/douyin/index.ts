import type { SiteAdapter } from '../types';
import { observeChat } from '../observe';
import { pick, probeWith } from '../probe';
import { detectPageKind, isDouyinChatUrl } from './detect';
import { findChatInput, readBuyer, readBuyerIdentity, readMessages } from './read';
import * as S from './selectors';

const reads = { readBuyer, readBuyerIdentity, readMessages };

/** Douyin 抖店 飞鸽 seller chat, from 2026 live-page evidence (data-qa-id hooks); checked against fixture pages only. */
export const douyinAdapter: SiteAdapter = {
  id: 'douyin-chat',
  platform: 'douyin',
  name: '抖店 飞鸽',
  verifiedAgainst: 'fixture',
  chatLocation: 'page',
  matches: isDouyinChatUrl,
  pageKind: detectPageKind,
  ...reads,
  findChatInput,
  observeConversation(doc, signal, onChange) {
    observeChat(reads, doc, signal, onChange, { inputSelector: S.CHAT_INPUT });
  },
  probe: (doc) =>
    probeWith(douyinAdapter, doc, {
      buyer: pick(S, 'HEADER'),
      buyerId: 'none',
      messages: pick(S, 'MESSAGE', 'BUYER_BUBBLE', 'SHOP_BUBBLE', 'MESSAGE_TEXT'),
      chatInput: pick(S, 'CHAT_INPUT'),
    }),
};
