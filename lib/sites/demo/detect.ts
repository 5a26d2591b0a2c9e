import type { PageKind } from '../types';
import { CHAT_VIEW, ORDERS_VIEW } from './selectors';

const HOSTS = new Set(['127.0.0.1', 'localhost']);

/** The demo console on any port of 127.0.0.1/localhost, at /chat… or /orders…. */
export function isDemoUrl(url: URL): boolean {
  if (url.protocol !== 'http:' || !HOSTS.has(url.hostname)) return false;
  return /^\/(chat|orders)(\/|$)/.test(url.pathname);
}

export function detectPageKind(doc: Document): PageKind {
  if (doc.querySelector(CHAT_VIEW)) return 'chat';
  if (doc.querySelector(ORDERS_VIEW)) return 'order-list';
  return 'unknown';
}

/** The demo console routes conversations as /chat/<buyer id> or /chat/<nick> on its own origin (test/demo/site/app.js). */
export function demoChatUrl(buyer: string, page: URL, buyerId?: string | null): string {
  return `${page.origin}/chat/${encodeURIComponent(buyerId || buyer)}`;
}
