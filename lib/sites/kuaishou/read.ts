import { SiteElementMissing, type BuyerIdentity, type ChatMessage, type WaitingConversation } from '../types';
import { isShown, lastRead, parseMessageTime, required, sideMessage, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'kuaishou';

interface Sender {
  name: string;
  at?: number;
}

/** Days in each month, a leap year's: "2-30" is no date, so it is never the cut. */
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A sender line's name and time. The page runs them together with the month unpadded, so a name's
 * last digits touch the month: of the cuts that leave a real date, "用户121-5" is 用户12 on 1-5 (never
 * 用户1 on 21-5). Where two do (用户12-22: 用户1 on 2-22 or 用户 on 12-22; every line of October to
 * December: 橙子11-30 or 橙子1 on 1-30), the later time wins. The two are 10 or 11 months apart and
 * the conversation on screen is a recent one: only a buyer line older than that could be cut wrong.
 */
export function splitSender(line: string): Sender {
  const m = S.SENDER_TIME.exec(line);
  if (!m) return { name: line };
  const [, digits = '', day = '', clock] = m;
  const head = line.slice(0, m.index);
  let best: Sender | undefined;
  for (const k of [1, 2]) {
    const month = digits.slice(-k);
    const name = (head + digits.slice(0, -k)).trim();
    if (month.length < k || month[0] === '0' || +month > 12 || !+day || +day > MONTH_DAYS[+month - 1]! || !name) continue;
    const cut = { name, at: parseMessageTime(`${month}-${day} ${clock}`) };
    if (!best || cut.at! > best.at!) best = cut;
  }
  // No real date: the digits stay with the name rather than a guess cutting it.
  return best ?? { name: (head + digits).trim() };
}

/** A card's buyer name (no id on the page): the adapter's readConversations and conversationAt read it. */
export const cardName = (card: Element) => textOf(card.querySelector(S.CARD_NAME)).replace(S.ORDER_COUNT, '');

interface Row {
  message: ChatMessage;
  sender: string;
}

/**
 * One message row (S.MESSAGE_ROW) and the sender line's name; undefined for an image or a card, and
 * for a platform promotion on the shop's side (S.PROMO_TEXT in a row that is no plain text message,
 * S.PLAIN_TEXT_CARD): read as the agent's, a coupon push after the buyer's question stopped the wait
 * and marked them answered while nobody had replied. The agent's own text quoting 券后价 is a reply.
 */
function rowOf(row: Element): Row | undefined {
  const sender = splitSender(textOf(row.querySelector(S.MESSAGE_SENDER)));
  const message = sideMessage(row, S.SHOP_SIDE, S.BUYER_SIDE, S.MESSAGE_TEXT, sender.at);
  if (message?.from === 'agent' && S.PROMO_TEXT.test(message.text) && !row.querySelector(S.PLAIN_TEXT_CARD)) return undefined;
  return message && { message, sender: sender.name };
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

/**
 * What a page's ids said so far. `names`: each id read with the name first read beside it, the least
 * recently read first. `shared`: ids read with two names, never taken again.
 */
export interface IdNames {
  names: Map<string, string>;
  shared: Set<string>;
}

/**
 * At most this many ids with their names per page (a workbench left open all day meets a few hundred
 * buyers). The least recently read is forgotten first: read again with another name, it is taken as
 * new. That is the safe side: an id that is no buyer's (the shop's) comes with every conversation, so
 * it stays among the recent ones and is caught at the second name; only a buyer not seen for
 * IDS_KEPT conversations is forgotten, and their id is still theirs.
 */
export const IDS_KEPT = 300;
/**
 * Shared ids kept per page. Forgetting one would take it again (one buyer's notes on another's card),
 * so none is forgotten: past this many, the page's ids are evidently not the buyers' and none is taken
 * any more (the nickname is the key, as on a page without ids); the set then stops growing.
 */
export const SHARED_KEPT = 50;

export const newIdNames = (): IdNames => ({ names: new Map(), shared: new Set() });

/** The id read beside this name, or null where this page's ids already named someone else with it. */
export function vouchId({ names, shared }: IdNames, id: string, name: string): string | null {
  if (shared.size > SHARED_KEPT || shared.has(id)) return null;
  const known = names.get(id);
  names.delete(id); // set again below, as the most recently read
  if (known && known !== name) return shared.add(id), null;
  if (names.set(id, name).size > IDS_KEPT) names.delete(names.keys().next().value!);
  return id;
}

/** Per page (its body). */
const idNamesOf = new WeakMap<object, IdNames>();

/**
 * The open buyer: the name from their sender line, the id from the message list's row ids
 * (S.BUYER_ID_ROW, one source, unconfirmed), else none (the nickname is the key, as before). The id
 * is taken only where the first and last row agree (rows of two conversations during a switch give
 * none), and never once the same id came with another name on this page (vouchId): a buyer id names
 * one buyer, so an id shared by two names is not the buyer's (the shop's own, say) and would put one
 * buyer's notes on another's card.
 */
export function readBuyerIdentity(doc: Document): BuyerIdentity | null {
  const nickname = readBuyer(doc);
  if (!nickname) return null;
  const rows = doc.querySelectorAll(S.BUYER_ID_ROW);
  const first = S.BUYER_ID_OF_ROW.exec(rows[0]?.id ?? '')?.[1];
  const last = S.BUYER_ID_OF_ROW.exec(rows[rows.length - 1]?.id ?? '')?.[1];
  let id: string | null = null;
  if (first && first === last) {
    const key = doc.body ?? doc;
    const memory = idNamesOf.get(key) ?? newIdNames();
    idNamesOf.set(key, memory);
    id = vouchId(memory, first, nickname);
  }
  return id || !hasNamesake(doc, nickname) ? { id, nickname } : { id, nickname, namesakes: true };
}

/**
 * Two cards of this name in the list: two conversations carry it (the cards show no id, so nothing
 * tells which one is open). Without an id both open on one nickname record; the card says so. (That
 * the list shows a conversation once is our reading: no source shows a buyer in two groups at once,
 * as Pinduoduo's list does.)
 */
const hasNamesake = (doc: Document, nickname: string) => [...doc.querySelectorAll(S.SESSION_CARD)].filter((c) => cardName(c) === nickname).length > 1;

/**
 * The send box's editor. On a page without the send box (renamed), its only Quill editor; none where
 * it has several (one may be a remark box) or where the send box shows without its editor.
 */
export function findChatInput(doc: Document): HTMLElement {
  const quills = () => doc.querySelectorAll<HTMLElement>(S.QUILL_EDITOR);
  const alone = () => (!doc.querySelector(S.SEND_BOX_EDITOR) && quills().length === 1 ? quills()[0] : null);
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT) ?? alone());
}

/** Over three minutes waited in 已超时 (the other group's limit); 请在N分钟内回复 tells no lower bound. */
const OVERDUE_MS = 3 * 60_000;

/**
 * The buyers of the list's waiting groups, by nickname. The cards show no time, so the wait starts
 * at its lower bound: now in 请在3分钟内回复, three minutes ago in 已超时 (the reply clock keeps a
 * buyer's earliest start while listed). Cards a group keeps in the page while folded count too; a
 * waiting group whose count says "(N)" above 0 with no card in the page (folded, its cards not
 * rendered) does not say who waits: SiteElementMissing, so the panel says it cannot read the waiting
 * list instead of showing nobody waiting.
 */
export function readWaiting(doc: Document, now = Date.now()): WaitingConversation[] {
  const byKey = new Map<string, WaitingConversation>();
  for (const group of doc.querySelectorAll(S.LIST_GROUP)) {
    const title = textOf(group.querySelector(S.GROUP_NAME));
    const since = title.includes('已超时') ? now - OVERDUE_MS : /分钟内回复/.test(title) ? now : NaN;
    const cards = since ? group.querySelectorAll(S.SESSION_CARD) : [];
    if (since && !cards.length && +(S.GROUP_COUNT_N.exec(textOf(group.querySelector(S.GROUP_COUNT)))?.[1] ?? 0) > 0) {
      throw new SiteElementMissing(SITE, 'SESSION_CARD');
    }
    for (const card of cards) {
      const buyer = cardName(card);
      const prev = byKey.get(buyer);
      if (buyer && !(prev && prev.since <= since)) byKey.set(buyer, { key: buyer, buyer, since });
    }
  }
  return [...byKey.values()];
}

/** Clicks the card of this buyer, a shown one first (a worker script opens cards by a click). */
export function openConversation(doc: Document, key: string): boolean {
  const cards = Array.from(doc.querySelectorAll<HTMLElement>(S.SESSION_CARD)).filter((c) => cardName(c) === key);
  const card = cards.find((c) => isShown(c)) ?? cards[0];
  card?.click();
  return !!card;
}
