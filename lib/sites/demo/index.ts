import type { SiteAdapter } from '../types';
import { observeChat, observeDom } from '../observe';
import { demoChatUrl, detectPageKind, isDemoUrl } from './detect';
import { conversationAt, findChatInput, findRemarkEditor, readBuyer, readBuyerIdentity, readConversations, readMessages, readOrders, readRow } from './read';
import { BUYER_SIDE_ORDER, CHAT_INPUT, MESSAGE, REMARK_DIALOG } from './selectors';
import * as S from './selectors';
import { statusFromText } from '../dom';
import type { OrderStatus } from '../types';

/** Our own demo console (test/demo/site), served on 127.0.0.1/localhost by test/demo/server.mjs. */
export const demoAdapter: SiteAdapter = {
  id: 'demo',
  platform: 'demo',
  name: { zh: '演示工作台', en: 'Demo console' },
  verifiedAgainst: 'demo',
  chatLocation: 'page',
  matches: isDemoUrl,
  pageKind: detectPageKind,
  readBuyer,
  readBuyerIdentity,
  readMessages,
  readConversations,
  conversationRow: S.CONVERSATION_ITEM,
  conversationAt,
  findChatInput,
  observeConversation(doc, signal, onChange) {
    // The input itself, as on every other console: with the whole editor block here, an input removed
    // from inside it was neither heard (typing inside is ignored) nor missed (the block stayed).
    observeChat({ readBuyerIdentity, rows: MESSAGE, readRow, inputSelector: CHAT_INPUT }, doc, signal, onChange);
  },
  readOrders,
  // /chat/<buyer id> where the item has one (the demo's nicknames can be shared), else /chat/<nick>.
  chatUrl: demoChatUrl,
  readBuyerOrderStatuses: (doc) =>
    Array.from(doc.querySelectorAll(BUYER_SIDE_ORDER))
      .map((el) => statusFromText(el))
      .filter((x): x is OrderStatus => x !== null),
  findRemarkEditor,
  observeOrders(doc, signal, onChange) {
    observeDom(doc, signal, onChange, { events: ['change'], eventsInside: REMARK_DIALOG });
  },
  probe: {
    buyer: { ACTIVE_CONVERSATION: S.ACTIVE_CONVERSATION, CONVERSATION_NICK: S.CONVERSATION_NICK, HEADER_NICK: S.HEADER_NICK },
    buyerId: { BUYER_ID_ATTR: S.BUYER_ID_ATTR },
    messages: { MESSAGE: S.MESSAGE, MESSAGE_TEXT: S.MESSAGE_TEXT },
    chatInput: { CHAT_INPUT: S.CHAT_INPUT },
    orders: { ORDER_TABLE: S.ORDER_TABLE, LABEL_ORDER_ID: S.LABEL_ORDER_ID },
    remarkEditor: { REMARK_DIALOG: S.REMARK_DIALOG, REMARK_TEXTAREA: S.REMARK_TEXTAREA },
  },
};
