import { chatAdapter } from '../chat-adapter';
import { detectPageKind, isKuaishouChatUrl } from './detect';
import { findChatInput, readBuyer, readBuyerIdentity, readRow } from './read';
import * as S from './selectors';

/** Kuaishou 快手小店 workbench. One public source, unconfirmed; checked against a fixture page only. */
export const kuaishouAdapter = chatAdapter({
  id: 'kuaishou-chat',
  platform: 'kuaishou',
  name: {
    zh: '快手小店 客服（未经实测）',
    en: 'Kuaishou chat (untested)',
    why: {
      zh: '助手对快手后台页面的识别只依据一份公开资料，还没在真实后台上验证过：买家或输入框可能认不出，点“检查页面”可查看；话术仍可复制。',
      en: 'Built from one public description of the Kuaishou console, not yet checked on the real one: the buyer or the chat box may not be found (Check page shows what is read); replies can still be copied.',
    },
  },
  matches: isKuaishouChatUrl,
  pageKind: detectPageKind,
  readBuyer,
  readBuyerIdentity,
  rows: S.MESSAGE_ROW,
  readRow,
  buyer: ['BUYER_SIDE', S.BUYER_SIDE],
  shop: ['SHOP_SIDE', S.SHOP_SIDE],
  text: S.MESSAGE_TEXT,
  findChatInput,
  inputSelector: S.CHAT_INPUT,
  probe: {
    buyer: { MESSAGE_SENDER: S.MESSAGE_SENDER, BUYER_SIDE: S.BUYER_SIDE },
    buyerId: 'none',
    messages: { MESSAGE_ROW: S.MESSAGE_ROW, BUYER_SIDE: S.BUYER_SIDE, SHOP_SIDE: S.SHOP_SIDE, MESSAGE_TEXT: S.MESSAGE_TEXT },
    chatInput: { CHAT_INPUT: S.CHAT_INPUT },
  },
});
