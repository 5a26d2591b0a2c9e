/**
 * Where the agent handles an item: the buyer's chat, or the order page for money and returns. A
 * pure function of the item and the consoles' URL rules (lib/sites/urls.ts), so the popup offers
 * 打开 only on items that have a page, and the worker opens the same page (lib/background/open-followup.ts).
 */
import { chatUrlFor } from '../../sites/urls';
import type { Followup, FollowupKind } from './types';

/** Kinds handled on the order (refund, postage, the returned parcel) rather than in the chat. */
const ORDER_PAGE_FIRST = new Set<FollowupKind>(['refund-to-pay', 'postage-refund', 'return-pending']);

export function webUrl(value: string | undefined): URL | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

/**
 * The page to open for the item, or null when it has none: a to-do typed in the popup names a buyer
 * but no console page, so there is nothing to open.
 */
export function targetUrl(item: Pick<Followup, 'kind' | 'url' | 'buyer' | 'buyerId'>): string | null {
  const page = webUrl(item.url);
  // The console's adapter knows its chat addresses (lib/sites); consoles without one open the stored page.
  const chat = item.buyer && page ? chatUrlFor(item.buyer, page, item.buyerId) : null;
  if (ORDER_PAGE_FIRST.has(item.kind)) return page?.href ?? chat;
  return chat ?? page?.href ?? null;
}
