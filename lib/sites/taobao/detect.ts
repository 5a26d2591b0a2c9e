import type { PageKind } from '../types';
import { MEMO_TEXTAREA, ORDER_TABLE } from './selectors';

const ORDER_HOSTS = new Set(['myseller.taobao.com', 'qn.taobao.com']);

/**
 * Either Taobao page the extension works on, over https: the sold-orders SPA
 * (…/home.htm/trade-platform/tp/(sold|order|detail) on myseller or qn) and the legacy memo page on
 * trade.taobao.com.
 */
export function isTaobaoUrl(url: URL): boolean {
  if (url.protocol !== 'https:') return false;
  if (ORDER_HOSTS.has(url.hostname)) return /\/trade-platform\/tp\/(sold|order|detail)/.test(url.pathname + url.hash);
  return url.hostname === 'trade.taobao.com' && url.pathname.startsWith('/trade/memo/update_sell_memo');
}

/** An order's detail page (…/tp/detail?bizOrderId=…): one order, whatever it shows yet. */
export const isDetailPage = (doc: Document) => /\/tp\/detail/.test(doc.location?.pathname + doc.location?.hash);

export function detectPageKind(doc: Document): PageKind {
  if (doc.querySelector(MEMO_TEXTAREA) || isDetailPage(doc)) return 'order-detail';
  return doc.querySelector(ORDER_TABLE) ? 'order-list' : 'unknown';
}
