import type { PageKind } from '../types';
import { CHAT_INPUT, CONVERSATION_BOX, MESSAGE_ROW } from './selectors';

/** mms.pinduoduo.com/chat-merchant/… (the chat SPA uses a hash route). */
export function isPddChatUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'mms.pinduoduo.com' && url.pathname.startsWith('/chat-merchant');
}

/** The chat workbench itself (path + hash; consoles.md: chat-merchant/index.html#/). */
export const CHAT_PAGE = /^\/chat-merchant\/index\.html(#\/?)?$/;

export function detectPageKind(doc: Document): PageKind {
  return doc.querySelector(CONVERSATION_BOX) || doc.querySelector(MESSAGE_ROW) || doc.querySelector(CHAT_INPUT) ? 'chat' : 'unknown';
}
