/**
 * Where the agent handles an item: the buyer's chat, or the order page for money and returns. A
 * pure function of the item and the consoles' URL rules (lib/sites/urls.ts), so the popup offers
 * 打开 only on items that have a page, and the worker opens the same page (lib/background/open-followup.ts).
 */
import { chatUrlFor, platformOfUrl } from '../../sites/urls';
import { CONSOLE_MATCHES } from '../../sites/matches';
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
 * A page the extension works on: a supported console (the manifest's hosts, the adapters' URL
 * tests) or one of the shop's taught pages (`taught`: their origins). An item's page comes from a
 * colleague's machine in team mode, so it may name any site (qaO 2026-12-05: 打开 led to a
 * look-alike login page); only these are opened.
 */
export function isConsolePage(url: URL, taught: readonly string[] = []): boolean {
  return platformOfUrl(url) !== null || CONSOLE_MATCHES.some((m) => m.slice(0, -2) === url.origin) || taught.includes(url.origin);
}

/** The host of an item's page that is not a console's (isConsolePage), to name it as text; else null. */
export function foreignHost(item: Pick<Followup, 'url'>, taught: readonly string[] = []): string | null {
  const page = webUrl(item.url);
  return page && !isConsolePage(page, taught) ? page.host : null;
}

/**
 * The page the popup offers to open (打开): targetUrl, unless it is on no console or taught page
 * (foreignHost). The worker checks its host permissions instead (open-followup.ts): the same hosts.
 */
export function openableUrl(item: Pick<Followup, 'kind' | 'url' | 'buyer' | 'buyerId'>, taught: readonly string[]): string | null {
  return foreignHost(item, taught) ? null : targetUrl(item);
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
