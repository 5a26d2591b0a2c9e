import type { ChatMessage } from '../types';
import { required, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'pdd';

export function readBuyer(doc: Document): string | null {
  return textOf(doc.querySelector(S.ACTIVE_CONVERSATION)?.querySelector(S.CONVERSATION_NICK)) || null;
}

export function readMessages(doc: Document, limit: number): ChatMessage[] {
  if (limit <= 0) return [];
  const out: ChatMessage[] = [];
  for (const row of Array.from(doc.querySelectorAll(S.MESSAGE))) {
    const text = textOf(row.querySelector(S.MESSAGE_TEXT) ?? row);
    if (text) out.push({ from: row.classList.contains(S.AGENT_MESSAGE_CLASS) ? 'agent' : 'buyer', text });
  }
  if (out.length) return out.slice(-limit);
  // The message rows are an assumption; the list preview is documented. Better one message than none.
  const preview = textOf(doc.querySelector(S.ACTIVE_CONVERSATION)?.querySelector(S.CONVERSATION_PREVIEW));
  return preview ? [{ from: 'buyer', text: preview }] : [];
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}
