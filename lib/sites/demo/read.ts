import type { BuyerIdentity, ChatMessage, FlagColor, OrderRow, RemarkEditor, WaitingConversation } from '../types';
import { flagOfRadio, findByText, lastRead, listBuyers, rowBuyerAt, flagAndRemark, labelValue, parseChineseDateTime, parseYuan, required, statusFromText, textOf } from '../dom';
import * as S from './selectors';

const SITE = 'demo';

export function readBuyer(doc: Document): string | null {
  if (!doc.querySelector(S.CHAT_VIEW)) return null;
  const active = doc.querySelector(S.ACTIVE_CONVERSATION)?.querySelector(S.CONVERSATION_NICK);
  const nick = textOf(active ?? doc.querySelector(S.HEADER_NICK));
  return nick || null;
}

/** The open buyer with the demo's buyer id (the active conversation's, else the header's). */
export function readBuyerIdentity(doc: Document): BuyerIdentity | null {
  const nickname = readBuyer(doc);
  if (!nickname) return null;
  const holder = doc.querySelector(S.ACTIVE_CONVERSATION) ?? doc.querySelector(S.HEADER_WITH_ID);
  const id = holder?.getAttribute(S.BUYER_ID_ATTR)?.trim() || null;
  return { id, nickname };
}

/** One message (S.MESSAGE); undefined without text. */
export function readRow(el: Element): ChatMessage | undefined {
  const text = textOf(el.querySelector(S.MESSAGE_TEXT));
  if (!text) return;
  const at = Date.parse(el.querySelector(S.MESSAGE_TIME)?.getAttribute('datetime') ?? '');
  return { from: el.getAttribute('data-from') === 'agent' ? 'agent' : 'buyer', text, ...(Number.isFinite(at) ? { at } : {}) };
}

export function readMessages(doc: Document, limit: number): ChatMessage[] {
  return lastRead(doc.querySelectorAll(S.MESSAGE), limit, readRow);
}

/** Conversations in the list whose buyer waits for an answer, with when the wait began. */
export function readWaiting(doc: Document): WaitingConversation[] {
  const out: WaitingConversation[] = [];
  for (const item of Array.from(doc.querySelectorAll(S.CONVERSATION_ITEM))) {
    const buyer = textOf(item.querySelector(S.CONVERSATION_NICK));
    const since = Date.parse(item.querySelector(S.CONVERSATION_WAITING)?.getAttribute('datetime') ?? '');
    if (buyer && Number.isFinite(since)) out.push({ key: itemKey(item) ?? buyer, buyer, since });
  }
  return out;
}

const itemNick = (item: Element) => textOf(item.querySelector(S.CONVERSATION_NICK));
const itemId = (item: Element) => item.getAttribute(S.BUYER_ID_ATTR)?.trim() || null;

/** The buyers in the conversation list, with their ids. */
export function readConversations(doc: Document): BuyerIdentity[] {
  return listBuyers(doc.querySelectorAll(S.CONVERSATION_ITEM), itemNick, itemId);
}

/** The buyer of the list item a click landed in. */
export function conversationAt(target: Element): BuyerIdentity | null {
  return rowBuyerAt(target, S.CONVERSATION_ITEM, itemNick, itemId);
}

/** A list item's buyer id, else its nickname. */
function itemKey(item: Element): string | null {
  return itemId(item) || itemNick(item) || null;
}

/** Opens a conversation from the list by its key (the demo reacts to clicks on list items). */
export function openConversation(doc: Document, key: string): boolean {
  const item = Array.from(doc.querySelectorAll<HTMLElement>(S.CONVERSATION_ITEM)).find((el) => itemKey(el) === key);
  item?.click();
  return !!item;
}

export function findChatInput(doc: Document): HTMLElement {
  return required(SITE, 'chat input', doc.querySelector<HTMLElement>(S.CHAT_INPUT));
}

export function readOrders(doc: Document): OrderRow[] {
  const rows: OrderRow[] = [];
  for (const table of Array.from(doc.querySelectorAll<HTMLElement>(S.ORDER_TABLE))) {
    const orderId = labelValue(table, S.LABEL_ORDER_ID)?.match(/\d{15,20}/)?.[0];
    if (!orderId) continue;
    const items = Array.from(table.querySelectorAll(S.ORDER_ITEM_TITLE)).map(textOf).filter(Boolean);
    rows.push({
      orderId,
      buyer: labelValue(table, S.LABEL_BUYER) ?? '',
      status: statusFromText(table) ?? 'unknown',
      createdAt: parseChineseDateTime(labelValue(table, S.LABEL_CREATED)),
      amountYuan: parseYuan(labelValue(table, S.LABEL_AMOUNT)),
      items: items.join('；') || undefined,
      ...flagAndRemark(table, S.ORDER_MEMO_FLAG, S.LABEL_REMARK),
      element: table,
    });
  }
  return rows;
}

export function findRemarkEditor(doc: Document): RemarkEditor | null {
  for (const root of Array.from(doc.querySelectorAll<HTMLElement>(S.REMARK_DIALOG))) {
    const textarea = root.querySelector<HTMLTextAreaElement>(S.REMARK_TEXTAREA);
    if (!textarea) continue;
    const orderId = labelValue(root, S.LABEL_ORDER_ID);
    if (!orderId) continue;
    const saveButton = required(SITE, 'remark save button', findByText(root, S.REMARK_BUTTON, S.TEXT_SAVE));
    return {
      orderId,
      textarea,
      saveButton,
      root,
      readFlag(): FlagColor | null {
        // The dialog checks one radio for every order (灰色 for an unflagged one): none checked, or a
        // value that is no flag index, is a control not read — never gray (lib/sites/README.md).
        const checked = root.querySelector<HTMLInputElement>(`${S.REMARK_FLAG_RADIO}:checked`);
        return flagOfRadio(checked);
      },
    };
  }
  return null;
}
