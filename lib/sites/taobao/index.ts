import type { SiteAdapter } from '../types';
import { SiteElementMissing } from '../types';
import { observeDom } from '../observe';
import { ordersExpectedAt } from '../dom';
import { detectPageKind, isTaobaoUrl } from './detect';
import { findRemarkEditor, readOrders } from './read';
import * as S from './selectors';

/**
 * Taobao/Tmall seller order pages (sold orders SPA and the legacy memo page). Chat happens in the
 * Qianniu desktop client, so the chat methods report "no chat here" and the panel offers copying.
 * Written from public notes; checked against fixture pages only.
 */
export const taobaoAdapter: SiteAdapter = {
  id: 'taobao-orders',
  platform: 'taobao',
  name: { zh: '淘宝/天猫 卖家中心', en: 'Taobao/Tmall seller center' },
  verifiedAgainst: 'fixture',
  chatLocation: 'desktop-client',
  matches: isTaobaoUrl,
  pageKind: detectPageKind,
  readBuyer: () => null,
  readMessages: () => [],
  findChatInput() {
    // Always caught (no input: canInsert false); chatLocation 'desktop-client' has the panel offer copying.
    throw new SiteElementMissing('taobao', 'chat input');
  },
  observeConversation() {
    /* no chat in this tab */
  },
  readOrders,
  findRemarkEditor,
  // Every address it matches is an order page: the sold list, an order's detail (read since a
  // 2026-09-27 source showed it: selectors.ts DETAIL_*), the memo page.
  ordersExpected: (doc) => ordersExpectedAt(doc, isTaobaoUrl),
  observeOrders(doc, signal, onChange) {
    observeDom(doc, signal, onChange, { events: ['change'], eventsInside: 'form, [role="dialog"]' });
  },
  probe: {
    orders: { ORDER_TABLE: S.ORDER_TABLE, ORDER_BODY_TABLE: S.ORDER_BODY_TABLE, ORDER_BUYER: S.ORDER_BUYER, ORDER_FLAG: S.ORDER_FLAG, LABEL_REMARK: S.LABEL_REMARK },
    orderIds: { ORDER_HEAD: S.ORDER_HEAD, LABEL_ORDER_ID: S.LABEL_ORDER_ID, LABEL_ORDER_ID_SHORT: S.LABEL_ORDER_ID_SHORT },
    remarkEditor: { MEMO_TEXTAREA: S.MEMO_TEXTAREA, MEMO_FLAG_RADIO: S.MEMO_FLAG_RADIO, MEMO_SUBMIT: S.MEMO_SUBMIT },
  },
};
