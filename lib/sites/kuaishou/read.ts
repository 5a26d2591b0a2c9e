import type { BuyerIdentity, ChatMessage } from '../types';
import { parseMessageTime, required, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'kuaishou';

interface Row {
  message: ChatMessage;
  sender: string;
}

function readRows(doc: Document): Row[] {
  const out: Row[] = [];
  for (const row of Array.from(doc.querySelectorAll(S.MESSAGE_ROW))) {
    const shop = row.querySelector(S.SHOP_SIDE);
    const side = shop ?? row.querySelector(S.BUYER_SIDE);
    if (!side) continue;
    const text = textOf(side.querySelector(S.MESSAGE_TEXT));
    if (!text) continue; // an image or a card
    const line = textOf(row.querySelector(S.MESSAGE_SENDER));
    const time = S.SENDER_TIME.exec(line);
    const at = time ? parseMessageTime(time[1]) : undefined;
    out.push({ message: { from: shop ? 'agent' : 'buyer', text, ...(at !== undefined ? { at } : {}) }, sender: time ? line.slice(0, time.index).trim() : line });
  }
  return out;
}

/** The buyer's name from the sender line of their latest message (the page shows no other). */
export function readBuyer(doc: Document): string | null {
  const rows = readRows(doc).filter((r) => r.message.from === 'buyer' && r.sender);
  return rows.at(-1)?.sender ?? null;
}

/** No buyer id is known on this page: the nickname stays the key. */
export function readBuyerIdentity(doc: Document): BuyerIdentity | null {
  const nickname = readBuyer(doc);
  return nickname ? { id: null, nickname } : null;
}

export function readMessages(doc: Document, limit: number): ChatMessage[] {
  return limit > 0 ? readRows(doc).map((r) => r.message).slice(-limit) : [];
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}
