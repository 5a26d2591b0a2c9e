import type { OrderRow } from '../types';
import { statusFromText, textOf } from '../dom';
import * as S from './selectors';
import { isMaskedNickname, normaliseBuyerId } from '../../domain/customers/identity';

/**
 * The status in the status column: the first text of its status element (else of the column) that
 * is a known status word, the column also holding other lines (the promised ship date). A word we do
 * not know is 'unknown', never a guess: read as paid, an unpaid order lost its 催付 (QA pass U).
 */
function statusOf(cell: Element | null): OrderRow['status'] {
  return (cell && statusFromText(cell.querySelector(S.ORDER_STATUS_TEXT) ?? cell)) || 'unknown';
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
