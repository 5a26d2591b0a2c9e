import type { BuyerIdentity, ChatMessage, WaitingConversation } from '../types';
import { isShown, parseChineseDateTime, parseRowTime, parseWaitedFor, PICTURE_TEXT, required, sideMessage, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'pdd';

/**
 * The open conversation's row box. Several boxes may carry `active` (the buyer is listed in more
 * than one group, or a collapsed group kept a stale marker): the shown ones win, and among those
 * the one whose nickname matches the header.
 */
function openBox(doc: Document): Element | null {
  const active = Array.from(doc.querySelectorAll(S.ACTIVE_CONVERSATION_BOX));
  const shown = active.filter((r) => isShown(r));
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
  // The message rows only without a row uid: the conversation observer asks on every page change.
  const rows = fromRow ? [] : doc.querySelectorAll(`${S.MESSAGE_ROW} [${S.MESSAGE_UID_ATTR}]`);
  return { id: fromRow || rows[rows.length - 1]?.getAttribute(S.MESSAGE_UID_ATTR)?.trim() || null, nickname };
}

/**
 * One message row (S.MESSAGE_ROW), a buyer's picture read as PICTURE_TEXT; undefined for a system
 * notice, a card, a picture on the shop's side, and for the
 * platform robot's reply (S.ROBOT_REPLY): agents are judged on their own response, and a buyer only
 * the robot answered still waits for a person.
 */
export function readRow(row: Element): ChatMessage | undefined {
  if (row.querySelector(S.ROBOT_REPLY)) return undefined;
  // The row id's epoch ms is the instant itself, in no zone; the printed line (shop time, see
  // lib/sites/dom.ts) only where a row has no id.
  const idMs = S.MESSAGE_ROW_ID.exec(row.id)?.[1];
  const at = idMs ? Number(idMs) : parseChineseDateTime(row.querySelector(S.MESSAGE_TIME)?.textContent);
  const m = sideMessage(row, S.SHOP_SIDE, S.BUYER_SIDE, S.MESSAGE_TEXT, at);
  // A picture the buyer sent (their photo of the parcel after the shop's reply) is their turn.
  if (m || row.querySelector(`${S.SHOP_SIDE},${S.GOODS_CARD}`) || !row.querySelector(S.BUYER_SIDE)?.querySelector(S.PICTURE)) return m;
  return { from: 'buyer', text: PICTURE_TEXT, at };
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}

/** A row box's buyer uid (from data-random "<uid>-0-<group>"), or null. */
export function uidOf(box: Element): string | null {
  return S.CONVERSATION_UID.exec(box.getAttribute(S.CONVERSATION_UID_ATTR) ?? '')?.[1] ?? null;
}

/**
 * When a waiting row's wait began: from "已等待N分钟" where the row says it (whole units: a lower
 * bound), else the row's last message time (the countdown row's buyer wrote last). Undefined for a
 * row without an unanswered marker or without a readable time.
 */
function waitStart(box: Element, now: number): number | undefined {
  const over = box.querySelector(S.UNREPLY_OVER_TIME);
  if (!over && !box.querySelector(S.UNREPLY_COUNTDOWN)) return undefined;
  const waited = parseWaitedFor(textOf(over));
  if (waited !== undefined) return now - waited;
  return parseRowTime(textOf(box.querySelector(S.ROW_TIME)), now);
}

/**
 * Buyers the conversation list marks unanswered, by uid (a buyer listed in several groups counts
 * once, with the longest wait); collapsed groups count too.
 */
export function readWaiting(doc: Document, now = Date.now()): WaitingConversation[] {
  const byKey = new Map<string, WaitingConversation>();
  for (const box of Array.from(doc.querySelectorAll(S.CONVERSATION_BOX))) {
    const since = waitStart(box, now);
    if (since === undefined) continue;
    const buyer = textOf(box.querySelector(S.CONVERSATION_NICK));
    const key = uidOf(box) ?? buyer;
    if (!key || !buyer) continue;
    const prev = byKey.get(key);
    if (!prev || since < prev.since) byKey.set(key, { key, buyer, since });
  }
  return [...byKey.values()];
}

export const boxNick = (box: Element) => textOf(box.querySelector(S.CONVERSATION_NICK));


/**
 * Clicks the row of the conversation with this uid (a shown row first, as eCan.ai picks it, 2026-09-25).
 * The live page ignores such a synthetic click: a CDP script's notes (2026-09), and eCan.ai's own first
 * live run (2026-10-01: a row .click() never switched; it now clicks through CDP input). Kept for a
 * page that follows it; the reply clock checks that the open buyer changed and tells the agent when
 * it did not, which on the live page is every time.
 */
export function openConversation(doc: Document, key: string): boolean {
  const boxes = Array.from(doc.querySelectorAll<HTMLElement>(S.CONVERSATION_BOX)).filter((b) => (uidOf(b) ?? textOf(b.querySelector(S.CONVERSATION_NICK))) === key);
  const box = boxes.find((b) => isShown(b)) ?? boxes[0];
  box?.click();
  return !!box;
}
