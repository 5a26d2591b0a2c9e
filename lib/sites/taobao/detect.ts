import type { PageKind } from '../types';
import { MEMO_TEXTAREA, ORDER_TABLE } from './selectors';

const ORDER_HOSTS = new Set(['myseller.taobao.com', 'qn.taobao.com']);

/** Sold-orders SPA: …/home.htm/trade-platform/tp/(sold|order|detail) on myseller or qn. */
export function isTaobaoOrdersUrl(url: URL): boolean {
  return url.protocol === 'https:' && ORDER_HOSTS.has(url.hostname) && /\/trade-platform\/tp\/(sold|order|detail)/.test(url.pathname + url.hash);
}

/** Either Taobao page the extension works on. */
export function isTaobaoUrl(url: URL): boolean {
  return isTaobaoOrdersUrl(url) || isTaobaoMemoUrl(url);
}

/** Legacy memo page on trade.taobao.com. */
export function isTaobaoMemoUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'trade.taobao.com' && url.pathname.startsWith('/trade/memo/update_sell_memo');
}

export function detectPageKind(doc: Document): PageKind {
  if (doc.querySelector(MEMO_TEXTAREA)) return 'order-detail';
  if (doc.querySelector(ORDER_TABLE)) {
    const path = doc.location?.pathname ?? '';
    return /\/tp\/detail/.test(path) ? 'order-detail' : 'order-list';
  }
  return 'unknown';
}
