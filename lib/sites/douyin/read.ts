import type { BuyerIdentity, ChatMessage, WaitingConversation } from '../types';
import { asName, parseRowTime, parseWaitedFor, PICTURE_TEXT, required, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'douyin';

/**
 * The nickname in the header: its first element with text of its own, found by going down into the
 * first child with text. The header holds more than the name — a live one reads
 * `<span>name</span><span>添加备注</span>`, and badges may follow — so its whole text is no name.
 */
export function readBuyer(doc: Document): string | null {
  let el = doc.querySelector(S.HEADER);
  while (el && ![...el.childNodes].some((n) => n.nodeType === 3 && n.nodeValue!.trim())) el = [...el.children].find((c) => textOf(c)) ?? null;
  return asName(textOf(el));
}

/**
 * The evidence shows no conversation or user id in the DOM (message ids only, read by readRow), so
 * Douyin buyers keep the nickname as their key: id null.
 *
 * Not read on purpose (checked 2026-12-04): one undated Electron preload for 抖店 in the public code
 * index, not in consoles.md, takes a "userId" from a class `inputArea_<x>` on the reply box. It does
 * not hold up:
 * - Douyin's class names are CSS-module names with a build hash (`conversationCard-ePRNJi`, the
 *   rotated `tC9ap6…` ones), and `inputArea_<x>` has that very shape. Nothing tells a user id from a
 *   hash, and a hash read as an id is the same for every conversation: every buyer would share ONE
 *   card and its notes, and the nickname records would be joined to it — worse than what it fixes
 *   (two buyers sharing a nickname).
 * - No second source: the 2026 tools that describe the reply box from the live page give
 *   `textarea[data-qa-id="qa-send-message-textarea"]` and no such class; a 2026 test rebuilding a
 *   live page has a bare textarea.
 * - The same script takes the typed text from the box's `textContent`, which a <textarea> does not
 *   have: it was written against another build of the box, and elsewhere it looks ids up by name
 *   when its DOM path had none.
 * Read it only when a dated source or a live page shows the class carrying the id a conversation
 * list or API also shows.
 */
export function readBuyerIdentity(doc: Document): BuyerIdentity | null {
  const nickname = readBuyer(doc);
  return nickname ? { id: null, nickname } : null;
}

/**
 * One message wrapper (S.MESSAGE), a buyer's picture read as PICTURE_TEXT; undefined for a system
 * notice, a picture on the shop's side, a card not the buyer's
 * (buyerCard), the platform robot's reply (byRobot) or the notice of a recalled message (S.RECALL_TEXT). A bubble names
 * its side, its text in `pre` or else its own; the agent's newest bubble may briefly name none, and
 * its row's right-to-left layout still says it is the shop's (S.SHOP_BUBBLE): read, or right after a
 * send the buyer would look still waiting.
 */
export function readRow(wrapper: Element): ChatMessage | undefined {
  const bubble = wrapper.querySelector(S.BUBBLE);
  if (bubble && recalled(bubble)) return undefined;
  const typed = bubble ? bubble.querySelector(S.MESSAGE_TEXT) : wrapper.querySelector(`${S.SHOP_ROW} ${S.MESSAGE_TEXT}`);
  const text = textOf(typed ?? bubble);
  const from = bubble?.matches(S.BUYER_BUBBLE) ? 'buyer' : 'agent';
  const m: ChatMessage | undefined =
    !bubble && wrapper.querySelector(S.CARD.ROOT)
      ? buyerCard(wrapper)
      : text
        ? from === 'agent' && byRobot(wrapper, bubble) ? undefined : { from, text }
        : from === 'buyer' && bubble!.querySelector(S.PICTURE) ? { from, text: PICTURE_TEXT } : undefined;
  // The page's own id (S.MESSAGE_ID_ATTR, just inside the wrapper): the same text twice is two messages.
  return m && { ...m, id: wrapper.querySelector(`[${S.MESSAGE_ID_ATTR}]`)?.getAttribute(S.MESSAGE_ID_ATTR) || undefined };
}

/** The notice of a recalled message: no typed text (a buyer who types 撤回 is read), its own text says 撤回 (S.RECALL_TEXT). */
const recalled = (el: Element) => !el.querySelector(S.MESSAGE_TEXT) && S.RECALL_TEXT.test(textOf(el));

/**
 * The ids of the recall notices the open conversation shows (SiteAdapter.readRecalled): the
 * [data-id] holder of a row the page turned into one. Whether it keeps the recalled message's id or
 * gets its own is not recorded; either way it is a row of this conversation and of no namesake's.
 */
export const readRecalled = (doc: Document) =>
  [...doc.querySelectorAll(`${S.MESSAGE} [${S.MESSAGE_ID_ATTR}]`)].flatMap((h) => (recalled(h) && h.getAttribute(S.MESSAGE_ID_ATTR)) || []);

/** What a buyer's product card says where its title is not shown. */
export const CARD_TEXT = '[商品卡片]';

/**
 * A product card on the buyer's side (its row laid out left to right) is the buyer's turn, read as
 * its product title (the longest line after the header label), else 「[商品卡片]」: a buyer who only
 * sent a card waits. A card on the shop's side, or in a row that shows no side, is not read: no
 * public source shows how a card the agent sends is drawn (checked 2026-12-06; every reader looks for
 * cards on the buyer's side only), and a shape no source shows claims no answer — the buyer still
 * shows waiting until the agent writes.
 */
function buyerCard(wrapper: Element): ChatMessage | undefined {
  const card = wrapper.querySelector(S.CARD.ROOT)!;
  const side = card.closest(S.SIDE_ROW);
  if (!side || !wrapper.contains(side) || side.matches(S.SHOP_ROW)) return undefined;
  const lines = [...card.querySelectorAll(S.CARD.LINE)].slice(1).map(textOf);
  return { from: 'buyer', text: lines.sort((a, b) => b.length - a.length)[0] || CARD_TEXT };
}

/**
 * A shop-side row the platform's reply robot sent (S.ROBOT_SENDER above its bubble): not read, so
 * it neither stops the buyer's wait nor marks them answered — agents are judged on their own replies.
 */
const byRobot = (wrapper: Element, bubble: Element | null) =>
  [...wrapper.querySelectorAll('*')].some((el) => !bubble?.contains(el) && S.ROBOT_SENDER.test(textOf(el)));

const rowName = (row: Element) => row.querySelector(S.ROW_NAME)?.getAttribute('title')?.trim() ?? '';
/** A row's list (ROW_STATE_ATTR): 当前会话, 最近联系 or the platform's own conversation. */
const rowState = (row: Element) => row.getAttribute(S.ROW_STATE_ATTR) ?? '';
/**
 * The buyer of a list row (the adapter's readConversations and conversationAt: 当前会话 and 最近联系
 * rows, by nickname); none for the platform's own conversation (系统通知, 智能客服), which is no buyer.
 */
export const rowBuyer = (row: Element) => (S.SYSTEM_CONV.test(rowState(row)) ? '' : rowName(row));

/**
 * The buyers waiting for an answer, keyed by nickname (no id on the page; a name listed twice, its
 * first row): the 当前会话 rows under a waiting group's label (待回复, 已超时; a row belongs to the
 * label before it), and any buyer's row the page marks needReply (S.NEEDS_REPLY: also a 最近联系 row,
 * or a list without the split). The wait starts at now minus the row's timer ("45秒"), or at the
 * time of day it shows; a row showing neither is left out. A list with no waiting label lists only
 * the marked rows: a group with nobody in it has no label, so no label is nobody waiting in it, not
 * a list we cannot read (the clock still counts the open conversation). The platform's own
 * conversation is no buyer.
 */
export function readWaiting(doc: Document, now = Date.now()): WaitingConversation[] {
  const byKey = new Map<string, WaitingConversation>();
  let waits = false;
  for (const el of doc.querySelectorAll(`${S.GROUP_LABEL},${S.CONVERSATION_ITEM}`)) {
    if (!el.matches(S.CONVERSATION_ITEM)) {
      waits = S.WAITING_GROUP.test(el.getAttribute('data-btm')!);
      continue;
    }
    const state = rowState(el);
    if (S.SYSTEM_CONV.test(state) || !((waits && !S.NOT_CURRENT.test(state)) || el.matches(S.NEEDS_REPLY))) continue;
    const buyer = rowName(el);
    const timer = textOf(el.querySelector(S.ROW_TIMER));
    const waited = parseWaitedFor(timer);
    const since = waited === undefined ? parseRowTime(timer, now) : now - waited;
    if (buyer && since !== undefined && !byKey.has(buyer)) byKey.set(buyer, { key: buyer, buyer, since });
  }
  return [...byKey.values()];
}

/** Clicks the list row of this nickname (eCan opens conversations by a click on the row, 2026). */
export function openConversation(doc: Document, key: string): boolean {
  const row = [...doc.querySelectorAll<HTMLElement>(S.CONVERSATION_ITEM)].find((r) => rowName(r) === key);
  row?.click();
  return !!row;
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}
