import { chatAdapter } from '../chat-adapter';
import { pick } from '../probe';
import { detectPageKind, isKuaishouChatUrl } from './detect';
import { findChatInput, readBuyer, readBuyerIdentity, readRow } from './read';
import * as S from './selectors';

/** Kuaishou 快手小店 workbench. One public source, unconfirmed; checked against a fixture page only. */
export const kuaishouAdapter = chatAdapter({
  id: 'kuaishou-chat',
  platform: 'kuaishou',
  name: '快手小店 客服（未确认）',
  matches: isKuaishouChatUrl,
  pageKind: detectPageKind,
  readBuyer,
  readBuyerIdentity,
  rows: S.MESSAGE_ROW,
  readRow,
  findChatInput,
  inputSelector: S.CHAT_INPUT,
  probe: {
    buyer: pick(S, 'MESSAGE_SENDER', 'BUYER_SIDE'),
    buyerId: 'none',
    messages: pick(S, 'MESSAGE_ROW', 'BUYER_SIDE', 'SHOP_SIDE', 'MESSAGE_TEXT'),
    chatInput: pick(S, 'CHAT_INPUT'),
  },
});
