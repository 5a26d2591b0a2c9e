import type { BuyerIdentity, ChatMessage } from '../types';
import { isShown, parseMessageTime, required, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'jd';

/** The selected row in the shown tab pane (a hidden pane may keep an old selection). */
function openRow(doc: Document): Element | null {
  const rows = Array.from(doc.querySelectorAll(S.ACTIVE_CONVERSATION)).filter((r) => r.closest(S.CONVERSATION_LIST));
  const inShownPane = rows.filter((r) => !r.closest(`.${S.TAB_INACTIVE_CLASS}`) && isShown(r));
  const header = textOf(doc.querySelector(S.HEADER_NAME));
  const pool = inShownPane.length ? inShownPane : rows;
  return pool.find((r) => header && textOf(r.querySelector(S.CONVERSATION_NAME)) === header) ?? pool[0] ?? null;
}

export function readBuyer(doc: Document): string | null {
  return textOf(doc.querySelector(S.HEADER_NAME)) || textOf(openRow(doc)?.querySelector(S.CONVERSATION_NAME)) || null;
}

/** The buyer's pin from the open row's id (u_<pin>imcustomer<venderId>). */
export function readBuyerIdentity(doc: Document): BuyerIdentity | null {
  const nickname = readBuyer(doc);
  if (!nickname) return null;
  return { id: S.ROW_ID.exec(openRow(doc)?.id ?? '')?.[1] ?? null, nickname };
}

export function readMessages(doc: Document, limit: number): ChatMessage[] {
  if (limit <= 0) return [];
  const out: ChatMessage[] = [];
  for (const row of Array.from(doc.querySelectorAll(S.MESSAGE))) {
    const shop = row.querySelector(S.SHOP_SIDE);
    const side = shop ?? row.querySelector(S.BUYER_SIDE);
    if (!side) continue; // a system line
    const text = textOf(side.querySelector(S.MESSAGE_TEXT));
    if (!text) continue; // an image
    const at = parseMessageTime(row.querySelector(S.MESSAGE_TIME)?.textContent);
    out.push({ from: shop ? 'agent' : 'buyer', text, ...(at !== undefined ? { at } : {}) });
  }
  return out.slice(-limit);
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}
