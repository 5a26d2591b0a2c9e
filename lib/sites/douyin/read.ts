import type { BuyerIdentity, ChatMessage } from '../types';
import { required, textOf } from '../dom';
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

export function readMessages(doc: Document, limit: number): ChatMessage[] {
  if (limit <= 0) return [];
  const out: ChatMessage[] = [];
  for (const wrapper of Array.from(doc.querySelectorAll(S.MESSAGE))) {
    const shop = wrapper.querySelector(S.SHOP_BUBBLE);
    const side = shop ?? wrapper.querySelector(S.BUYER_BUBBLE);
    if (!side) continue; // a system notice
    const text = textOf(side.querySelector(S.MESSAGE_TEXT));
    if (!text) continue; // an image or a card
    out.push({ from: shop ? 'agent' : 'buyer', text });
  }
  return out.slice(-limit);
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}
