import type { PageKind } from '../types';
import { CHAT_INPUT, CONVERSATION_ITEM, MESSAGE } from './selectors';

/** im.jinritemai.com: the 飞鸽 workbench (pc_seller_v2 and later paths). */
export function isDouyinChatUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'im.jinritemai.com';
}

/** The 飞鸽 workspace itself (consoles.md: /pc_seller_v2/main/workspace). */
export const CHAT_PAGE = /^\/pc_seller_v2\/main\/workspace\b/;

export function detectPageKind(doc: Document): PageKind {
  return doc.querySelector(CONVERSATION_ITEM) || doc.querySelector(MESSAGE) || doc.querySelector(CHAT_INPUT) ? 'chat' : 'unknown';
}
