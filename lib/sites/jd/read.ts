import type { BuyerIdentity, ChatMessage, WaitingConversation } from '../types';
import { CONSOLE_ZONE, isShown, lastRead, listBuyers, NOT_TEXT, parseMessageTime, parseRowTime, required, sideMessage, textOf } from '../dom';
import { DAY, fromWall, wallOf } from '../../domain/time';
import { SiteElementMissing } from '../types';
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

/** The buyer's pin from the open row (rowPin). */
export function readBuyerIdentity(doc: Document): BuyerIdentity | null {
  const nickname = readBuyer(doc);
  if (!nickname) return null;
  return { id: rowPin(openRow(doc)), nickname };
}

/**
 * One message row (S.MESSAGE); undefined for a system line (no side element) and for a shop-side
 * row without text. A buyer-side row without text (a picture, a card: the 2026-09-07 capture did not
 * record a standalone picture, and its card only as `.message_componet-left > .CardWrapper.ProductCard`)
 * is the buyer's turn, read as NOT_TEXT: skipped, it left the shop's reply last after a buyer's photo.
 */
export function readRow(row: Element): ChatMessage | undefined {
  const at = parseMessageTime(row.querySelector(S.MESSAGE_TIME)?.textContent);
  const m = sideMessage(row, S.SHOP_SIDE, S.BUYER_SIDE, S.MESSAGE_TEXT, at);
  return m || row.querySelector(S.SHOP_SIDE) || !row.querySelector(S.BUYER_SIDE) ? m : { from: 'buyer', text: NOT_TEXT, at };
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}

/** The list's rows, those in the shown pane first (a hidden pane lists the same buyers again). */
function listRows(doc: Document): HTMLElement[] {
  const shown: HTMLElement[] = [];
  const hidden: HTMLElement[] = [];
  const memo = new Map<Element, boolean>();
  for (const r of doc.querySelectorAll<HTMLElement>(S.LIST_ROW)) (!r.closest(`.${S.TAB_INACTIVE_CLASS}`) && isShown(r, memo) ? shown : hidden).push(r);
  return shown.concat(hidden);
}

/** A row's key: the pin from its id, else the name it shows. */
function rowKey(row: Element): string | null {
  return rowPin(row) ?? (rowName(row) || null);
}

/**
 * A row that shows a day and no time of day (昨天, 前天, 11-28: consoles.md's `.alluser-item-date-w`, "20:16",
 * "昨天"): the buyer has waited at least since that day ended, so the wait is counted from the next midnight
 * (shop time) — a lower bound, as Pinduoduo's whole-minute labels are. Left out (until 2026-12-07), the
 * buyers waiting longest, last night's, were missing from a 等待中 list that showed this morning's (JD walk).
 */
function dayEnded(text: string, now: number): number | undefined {
  const today = wallOf(now, CONSOLE_ZONE);
  const back = ({ 昨天: 1, 前天: 2 } as Record<string, number>)[text.trim()];
  if (back) return fromWall(today.year, today.month, today.day - back + 1, 0, CONSOLE_ZONE);
  const md = /^(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!md) return undefined;
  const end = (year: number) => fromWall(year, Number(md[1]), Number(md[2]) + 1, 0, CONSOLE_ZONE);
  // This year's, or last year's when this year's is still to come (as parseMessageTime); never after now.
  const at = end(today.year);
  return Math.min(at > now + DAY ? end(today.year - 1) : at, now);
}

/**
 * Buyers whose row in the 正在咨询 tab's pane carries the unanswered marker (a 历史咨询 row, an
 * earlier conversation, is no consultation waiting for a first answer), by pin, with the row's
 * preview (S.ROW_PREVIEW: what the buyer wrote last, shown in the 等待中 list), the wait starting at the row's time (its
 * last message, the buyer's while unanswered; to the minute; shop time). A row that shows a day and no time
 * of day ("昨天", "11-28") waits from that day's end (dayEnded). The marker rests on one undated
 * script; the one dated capture of the live page (2026-09-07, 0 customers) could not show it. A
 * row shows no other mark of an answered conversation that public code reads (checked 2026-12-06:
 * the tools that list 咚咚 rows read name, preview `.alluser-item-breifdesc` and time, and open each
 * row to read its last message's side). So where the 正在咨询(N) header counts customers and no row
 * carries the marker, the page may have renamed the marker or everyone may have been answered. Only
 * the open conversation tells them apart: its buyer wrote last (openWaits) and still no row is marked,
 * so the marker is not read: SiteElementMissing, and the 等待中 list says it cannot read who waits
 * instead of showing nobody waiting. Where the shop spoke last there, nobody waiting is believed (it
 * said 读不出 whenever everyone had been answered; a renamed marker then shows nobody until the open
 * buyer writes).
 */
export function readWaiting(doc: Document, now = Date.now()): WaitingConversation[] {
  const byKey = new Map<string, WaitingConversation>();
  let marked = false;
  const pane = consultingPane(doc);
  for (const row of listRows(doc)) {
    if (!row.querySelector(S.UNREPLIED_MARK) || (pane && !pane.contains(row))) continue;
    marked = true;
    const key = rowKey(row);
    const buyer = textOf(row.querySelector(S.CONVERSATION_NAME));
    const shown = textOf(row.querySelector(S.ROW_TIME));
    const since = parseRowTime(shown, now) ?? dayEnded(shown, now);
    if (!key || !buyer || since === undefined || byKey.has(key)) continue;
    const preview = textOf(row.querySelector(S.ROW_PREVIEW));
    byKey.set(key, { key, buyer, since, ...(preview && { preview }) });
  }
  if (!marked && (!pane || inConsultation(doc, pane)) && [...doc.querySelectorAll(S.GROUP_HEAD)].some((h) => Number(S.CONSULTING.exec(textOf(h))?.[1]) > 0) && openWaits(doc))
    throw new SiteElementMissing(SITE, 'UNREPLIED_MARK');
  return [...byKey.values()];
}

/**
 * The open conversation is one in consultation: its row (selected, the header's name) is in the
 * 正在咨询 pane. One opened from 历史咨询 is not: its buyer having written last says nothing of the marker.
 */
function inConsultation(doc: Document, pane: Element): boolean {
  const header = textOf(doc.querySelector(S.HEADER_NAME));
  return [...pane.querySelectorAll(S.ACTIVE_CONVERSATION)].some((r) => !header || textOf(r.querySelector(S.CONVERSATION_NAME)) === header);
}

/**
 * The 正在咨询 tab's pane: the pane at that tab's place among the tabs, where tabs and panes pair
 * up; else null, and every pane is read (as before 2026-12-06).
 */
function consultingPane(doc: Document): Element | null {
  const list = doc.querySelector(S.CONVERSATION_LIST);
  const tabs = list ? [...list.querySelectorAll(S.TAB)] : [];
  const panes = list?.querySelectorAll(S.TAB_PANE) ?? [];
  const at = tabs.findIndex((t) => t.matches(S.CONSULTING_TAB));
  return at >= 0 && tabs.length === panes.length ? panes[at]! : null;
}

/** The open conversation's last message read is the buyer's (its last row with text, from the end). */
const openWaits = (doc: Document) => lastRead(doc.querySelectorAll(S.MESSAGE), 1, readRow)[0]?.from === 'buyer';

export const rowName = (row: Element) => textOf(row.querySelector(S.CONVERSATION_NAME));
/**
 * A row's pin: from the id on the row or the nearest wrapper holding one, else from the name's
 * `title`. Without it the card keys on the shown name and no longer meets the order list's
 * `.user-pin` buyer (jd-orders/read.ts).
 */
export const rowPin = (row: Element | null) =>
  S.ROW_ID.exec(row?.closest(S.ROW_ID_HOLDER)?.id ?? '')?.[1] ?? (row?.querySelector(S.CONVERSATION_NAME)?.getAttribute('title') || null);

/** The buyers of the list's rows with their pins, the shown pane's first. */
export function readConversations(doc: Document): BuyerIdentity[] {
  return listBuyers(listRows(doc), rowName, rowPin);
}

/** Clicks the row with this pin, in the shown pane first (as the one tool that opens rows does). */
export function openConversation(doc: Document, key: string): boolean {
  const row = listRows(doc).find((r) => rowKey(r) === key);
  row?.click();
  return !!row;
}
