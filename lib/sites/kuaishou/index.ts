import { chatAdapter } from '../chat-adapter';
import { CHAT_PAGE, detectPageKind, isKuaishouChatUrl } from './detect';
import { cardName, findChatInput, readBuyer, readBuyerIdentity, readRow } from './read';
import * as S from './selectors';

/** Kuaishou 快手小店 workbench. One public source, unconfirmed; checked against a fixture page only. */
export const kuaishouAdapter = chatAdapter({
  id: 'kuaishou-chat',
  platform: 'kuaishou',
  name: {
    zh: '快手小店 客服（未经实测）',
    en: 'Kuaishou chat (untested)',
    why: {
      zh: '只在仿制页面上试过，没在真实后台验证：可能读不到买家或输入框',
      en: 'Only tried on a copy of the page, not the real console: the buyer or chat box may not be read',
    },
  },
  matches: isKuaishouChatUrl,
  pageKind: detectPageKind,
  readBuyer,
  readBuyerIdentity,
  chatAt: CHAT_PAGE,
  rows: ['MESSAGE_ROW', S.MESSAGE_ROW],
  list: null,
  listsOpen: S.QUILL_EDITOR, // nothing of its page but Quill's editor survives a redesign renaming every class
  readRow,
  buyer: ['BUYER_SIDE', S.BUYER_SIDE],
  shop: ['SHOP_SIDE', S.SHOP_SIDE],
  text: S.MESSAGE_TEXT,
  conversationRow: S.SESSION_CARD,
  rowBuyer: [cardName],
  findChatInput,
  inputSelector: S.CHAT_INPUT,
  probe: {
    buyer: { MESSAGE_SENDER: S.MESSAGE_SENDER, BUYER_SIDE: S.BUYER_SIDE },
    buyerId: { BUYER_ID_ROW: S.BUYER_ID_ROW },
    messages: { MESSAGE_ROW: S.MESSAGE_ROW, BUYER_SIDE: S.BUYER_SIDE, SHOP_SIDE: S.SHOP_SIDE, MESSAGE_TEXT: S.MESSAGE_TEXT },
    chatInput: { CHAT_INPUT: S.CHAT_INPUT },
  },
});
