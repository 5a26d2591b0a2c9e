import type { PageKind } from '../types';
import { CHAT_INPUT, CONVERSATION_LIST, MESSAGE } from './selectors';

export function isJdChatUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'dongdong.jd.com';
}

export function detectPageKind(doc: Document): PageKind {
  return doc.querySelector(CONVERSATION_LIST) || doc.querySelector(MESSAGE) || doc.querySelector(CHAT_INPUT) ? 'chat' : 'unknown';
}
