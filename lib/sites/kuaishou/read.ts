import type { BuyerIdentity, ChatMessage } from '../types';
import { lastRead, parseMessageTime, required, sideMessage, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'kuaishou';

interface Row {
  message: ChatMessage;
  sender: string;
}

/** One message row (S.MESSAGE_ROW) and the sender line's name; undefined for an image or a card. */
function rowOf(row: Element): Row | undefined {
  const line = textOf(row.querySelector(S.MESSAGE_SENDER));
  const time = S.SENDER_TIME.exec(line);
  const message = sideMessage(row, S.SHOP_SIDE, S.BUYER_SIDE, S.MESSAGE_TEXT, time ? parseMessageTime(time[1]) : undefined);
  return message && { message, sender: time ? line.slice(0, time.index).trim() : line };
}

export const readRow = (row: Element) => rowOf(row)?.message;

/** The buyer's name from the sender line of their latest message (the page shows no other). */
export function readBuyer(doc: Document): string | null {
  const buyerRow = (el: Element) => {
    const r = rowOf(el);
    return r?.message.from === 'buyer' ? r.sender : '';
  };
  return lastRead(doc.querySelectorAll(S.MESSAGE_ROW), 1, buyerRow)[0] ?? null;
}

/** No buyer id is known on this page: the nickname stays the key. */
export function readBuyerIdentity(doc: Document): BuyerIdentity | null {
  const nickname = readBuyer(doc);
  return nickname ? { id: null, nickname } : null;
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}
