import type { OrderRow, OrderStatus } from '../types';
import { statusFromText, textOf } from '../dom';
import * as S from './selectors';
import { isMaskedNickname, normaliseBuyerId } from '../../domain/customers/identity';

/** JD's own status words (the tab names of the order list), then the shared ones. */
const JD_STATUS: Record<string, OrderStatus> = {
  等待付款: 'unpaid',
  等待出库: 'paid',
  等待确认收货: 'shipped',
  完成: 'completed',
  已完成: 'completed',
  已取消: 'closed',
  退款中: 'refunding',
};

function statusOf(cell: Element | null): OrderStatus {
  const text = textOf(cell);
  return JD_STATUS[text] ?? (cell ? statusFromText(cell) : null) ?? 'paid';
}

export function readOrders(doc: Document): OrderRow[] {
  const rows: OrderRow[] = [];
  for (const card of Array.from(doc.querySelectorAll<HTMLElement>(S.ORDER_CARD))) {
    const orderId = textOf(card.querySelector(S.ORDER_ID)).match(/\d{8,20}/)?.[0];
    if (!orderId) continue;
    const pin = textOf(card.querySelector(S.BUYER_PIN));
    const remark = card.querySelector(S.REMARK_TEXT);
    // The pin is the same id 咚咚 shows for the buyer (its row id), so follow-ups and history made
    // from this list meet the buyer's card in chat. A masked pin names nobody.
    const buyerId = isMaskedNickname(pin) ? null : normaliseBuyerId(pin);
    rows.push({
      orderId,
      buyer: pin,
      ...(buyerId ? { buyerId } : {}),
      status: statusOf(card.querySelector(S.ORDER_STATUS)),
      // The list does not show the flag (consoles.md): the lint reads the remark by its own kind.
      flag: 'gray',
      flagUnknown: true,
      remark: textOf(remark),
      // No remark element: the card was not read (a renamed class), not a card without a remark.
      ...(remark ? {} : { unread: ['remark' as const] }),
      element: card,
    });
  }
  return rows;
}
