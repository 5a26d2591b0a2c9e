import type { BuyerIdentity, ChatMessage } from '../types';
import { asName, required, sideMessage, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'douyin';

/**
 * The nickname in the header: its first element with text of its own, found by going down into the
 * first child with text. The header holds more than the name — a live one reads
 * `<span>name</span><span>添加备注</span>`, and badges may follow — so its whole text is no name.
 */
export function readBuyer(doc: Document): string | null {
  let el = doc.querySelector(S.HEADER);
  while (el && ![...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue!.trim())) el = [...el.children].find((c) => textOf(c)) ?? null;
  return asName(textOf(el));
}

/**
 * The evidence shows no conversation or user id in the DOM (message ids only), so Douyin buyers keep
 * the nickname as their key: id null.
 *
 * Not read on purpose (checked 2026-12-04): one undated Electron preload for 抖店 in the public code
 * index, not in consoles.md, takes a "userId" from a class `inputArea_<x>` on the reply box. It does
 * not hold up:
 * - Douyin's class names are CSS-module names with a build hash (`conversationCard-ePRNJi`, the
 *   rotated `tC9ap6…` ones), and `inputArea_<x>` has that very shape. Nothing tells a user id from a
 *   hash, and a hash read as an id is the same for every conversation: every buyer would share ONE
 *   card and its notes, and the nickname records would be joined to it — worse than what it fixes
 *   (two buyers sharing a nickname).
 * - No second source: the 2026 tools that describe the reply box from the live page give
 *   `textarea[data-qa-id="qa-send-message-textarea"]` and no such class; a 2026 test rebuilding a
 *   live page has a bare textarea.
 * - The same script takes the typed text from the box's `textContent`, which a <textarea> does not
 *   have: it was written against another build of the box, and elsewhere it looks ids up by name
 *   when its DOM path had none.
 * Read it only when a dated source or a live page shows the class carrying the id a conversation
 * list or API also shows.
 */
export function readBuyerIdentity(doc: Document): BuyerIdentity | null {
  const nickname = readBuyer(doc);
  return nickname ? { id: null, nickname } : null;
}

/** One message wrapper (S.MESSAGE); undefined for a system notice, an image or a card. */
export function readRow(wrapper: Element): ChatMessage | undefined {
  return sideMessage(wrapper, S.SHOP_BUBBLE, S.BUYER_BUBBLE, S.MESSAGE_TEXT);
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}
