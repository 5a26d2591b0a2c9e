/**
 * JD seller order list, "2026新版" (shop.jd.com/jdm/trade/orders/order-list?tabType=…), written
 * 2026-12-01 from shared/consoles.md "Evidence from live consoles, 2026", JD order list (one source).
 * The evidence shows neither the flag colour nor the remark editor, so this adapter reads orders and
 * remarks only: it lints remarks, it never writes one. Checked against test/fixtures/jd-orders.html only.
 */

/** One order card. consoles.md 2026. */
export const ORDER_CARD = '.card';
/** The order id inside a card. consoles.md 2026. */
export const ORDER_ID = '.shop-order-id .order-info-btn span';
/** The buyer's pin. consoles.md 2026. */
export const BUYER_PIN = '.user-pin';
/** The vendor remark text. consoles.md 2026. */
export const REMARK_TEXT = '.remark-cell__text';
/** The order status column. consoles.md 2026. */
export const ORDER_STATUS = '[prop="orderStatus"]';
/**
 * Inside ORDER_STATUS, which holds more than the status (the promised ship date): the element whose
 * span is the status text (`.order-status span`). One public JD order script, 2026 (QA pass U).
 */
export const ORDER_STATUS_TEXT = '.order-status';
