import type { BuyerIdentity, ChatMessage } from '../types';
import { required, sideMessage, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'douyin';

export function readBuyer(doc: Document): string | null {
  const name = textOf(doc.querySelector(S.HEADER));
  return name && name.length <= 64 ? name : null;
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
