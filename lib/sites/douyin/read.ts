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
