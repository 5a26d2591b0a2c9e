import type { SiteAdapter } from '../types';
import { SiteElementMissing } from '../types';
import { observeDom } from '../observe';
import { ordersExpectedAt } from '../dom';
import { detectPageKind, isJdOrdersUrl } from './detect';
import { readOrders } from './read';
import * as S from './selectors';

/**
 * JD seller order list (2026 layout): reads orders and lints their remarks. It has no remark editor:
 * the evidence does not show how JD's remark dialog is built, so nothing is written.
 */
export const jdOrdersAdapter: SiteAdapter = {
  id: 'jd-orders',
  platform: 'jd',
  name: { zh: '京东 商家后台 订单', en: 'JD orders' },
  verifiedAgainst: 'fixture',
  // JD's chat is the 咚咚 workbench, another page of the same shop.
  chatLocation: 'page',
  matches: isJdOrdersUrl,
  pageKind: detectPageKind,
  readBuyer: () => null,
  readMessages: () => [],
  findChatInput() {
    // Always caught (canInsert false): JD's chat is on dongdong.jd.com (chatLocation above).
    throw new SiteElementMissing('jd-orders', 'chat input');
  },
  observeConversation() {
    /* no chat on the order list */
  },
  readOrders,
  findRemarkEditor: () => null,
  ordersExpected: (doc) => ordersExpectedAt(doc, isJdOrdersUrl),
  observeOrders(doc, signal, onChange) {
    observeDom(doc, signal, onChange);
  },
  probe: { orders: { ORDER_CARD: S.ORDER_CARD, ORDER_ID: S.ORDER_ID, BUYER_PIN: S.BUYER_PIN, REMARK_TEXT: S.REMARK_TEXT, ORDER_STATUS: S.ORDER_STATUS } },
};
