import type { PageKind } from '../types';
import { CHAT_INPUT, CONVERSATION_LIST, MESSAGE } from './selectors';

export function isJdChatUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'dongdong.jd.com';
}

/** The 咚咚 workbench itself (consoles.md: https://dongdong.jd.com/). */
export const CHAT_PAGE = /^\/$/;

export function detectPageKind(doc: Document): PageKind {
  return doc.querySelector(CONVERSATION_LIST) || doc.querySelector(MESSAGE) || doc.querySelector(CHAT_INPUT) ? 'chat' : 'unknown';
}
