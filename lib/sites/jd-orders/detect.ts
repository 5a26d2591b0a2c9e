import type { PageKind } from '../types';
import { ORDER_CARD, ORDER_ID } from './selectors';

/** shop.jd.com/jdm/trade/orders/order-list… */
export function isJdOrdersUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'shop.jd.com' && url.pathname.startsWith('/jdm/trade/orders/order-list');
}

export function detectPageKind(doc: Document): PageKind {
  return doc.querySelector(`${ORDER_CARD} ${ORDER_ID}`) ? 'order-list' : 'unknown';
}
