import type { PageKind } from '../types';
import { findByText } from '../dom';
import { CHAT_INPUT, CONVERSATION_ITEM, TAB, TEXT_LIVE_TAB } from './selectors';

export function isJdChatUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'dongdong.jd.com';
}

export function detectPageKind(doc: Document): PageKind {
  const live = findByText(doc, TAB, TEXT_LIVE_TAB);
  return live || doc.querySelector(CONVERSATION_ITEM) || doc.querySelector(CHAT_INPUT) ? 'chat' : 'unknown';
}
