import type { BuyerIdentity, ChatMessage } from '../types';
import { isShown, parseChineseDateTime, required, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'pdd';

/**
 * The open conversation's row box. Several boxes may carry `active` (the buyer is listed in more
 * than one group, or a collapsed group kept a stale marker): the shown ones win, and among those
 * the one whose nickname matches the header.
 */
function openBox(doc: Document): Element | null {
  const active = Array.from(doc.querySelectorAll(S.ACTIVE_CONVERSATION_BOX));
  const shown = active.filter(isShown);
  const candidates = shown.length ? shown : active;
  const header = textOf(doc.querySelector(S.HEADER_NAME));
  return candidates.find((b) => header && textOf(b.querySelector(S.CONVERSATION_NICK)) === header) ?? candidates[0] ?? null;
}

export function readBuyer(doc: Document): string | null {
  return textOf(doc.querySelector(S.HEADER_NAME)) || textOf(openBox(doc)?.querySelector(S.CONVERSATION_NICK)) || null;
}

/** The buyer uid: from the open row's data-random, else from the message rows' currentuid. */
export function readBuyerIdentity(doc: Document): BuyerIdentity | null {
  const nickname = readBuyer(doc);
  if (!nickname) return null;
  const fromRow = S.CONVERSATION_UID.exec(openBox(doc)?.getAttribute(S.CONVERSATION_UID_ATTR) ?? '')?.[1];
  const rows = doc.querySelectorAll(`${S.MESSAGE_ROW} [${S.MESSAGE_UID_ATTR}]`);
  const fromMessages = rows[rows.length - 1]?.getAttribute(S.MESSAGE_UID_ATTR)?.trim();
  return { id: fromRow || fromMessages || null, nickname };
}

export function readMessages(doc: Document, limit: number): ChatMessage[] {
  if (limit <= 0) return [];
  const out: ChatMessage[] = [];
  for (const row of Array.from(doc.querySelectorAll(S.MESSAGE_ROW))) {
    // The shop side first: a robot reply quoting the buyer must not count as the buyer's.
    const shop = row.querySelector(S.SHOP_SIDE);
    const side = shop ?? row.querySelector(S.BUYER_SIDE);
    if (!side) continue; // a system notice
    const text = textOf(side.querySelector(S.MESSAGE_TEXT));
    if (!text) continue; // an image or a card
    const idMs = S.MESSAGE_ROW_ID.exec(row.id)?.[1];
    const at = parseChineseDateTime(row.querySelector(S.MESSAGE_TIME)?.textContent) ?? (idMs ? Number(idMs) : undefined);
    out.push({ from: shop ? 'agent' : 'buyer', text, ...(at !== undefined ? { at } : {}) });
  }
  return out.slice(-limit);
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}
