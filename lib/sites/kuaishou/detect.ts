import type { PageKind } from '../types';
import { CHAT_INPUT, MESSAGE_ROW, SESSION_CARD } from './selectors';

/** im.kwaixiaodian.com (the workbench). */
export function isKuaishouChatUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'im.kwaixiaodian.com';
}

/** The workbench itself (consoles.md: im.kwaixiaodian.com/workbench). */
export const CHAT_PAGE = /^\/workbench\b/;

export function detectPageKind(doc: Document): PageKind {
  return doc.querySelector(SESSION_CARD) || doc.querySelector(MESSAGE_ROW) || doc.querySelector(CHAT_INPUT) ? 'chat' : 'unknown';
}
