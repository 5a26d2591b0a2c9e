import type { ChatMessage } from '../types';
import { required, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'jd';

export function readBuyer(doc: Document): string | null {
  return textOf(doc.querySelector(S.ACTIVE_CONVERSATION)?.querySelector(S.CONVERSATION_NAME)) || null;
}

export function readMessages(doc: Document, limit: number): ChatMessage[] {
  if (limit <= 0) return [];
  const out: ChatMessage[] = [];
  for (const row of Array.from(doc.querySelectorAll(S.MESSAGE))) {
    const text = textOf(row.querySelector(S.MESSAGE_TEXT) ?? row);
    if (text) out.push({ from: row.classList.contains(S.MESSAGE_BUYER_CLASS) ? 'buyer' : 'agent', text });
  }
  return out.slice(-limit);
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}

/** Buyers whose conversations are marked unreplied. */
export function readUnrepliedBuyers(doc: Document): string[] {
  return Array.from(doc.querySelectorAll(S.UNREPLIED)).map((el) => textOf(el.querySelector(S.CONVERSATION_NAME))).filter(Boolean);
}
