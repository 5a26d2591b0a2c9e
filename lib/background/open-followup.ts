/**
 * "Open" on a follow-up: the page where the agent handles it (the buyer's chat, or the order page
 * for money and returns), opened or focused, with the item's scenario waiting for that buyer's
 * chat panel (kept in storage with an expiry: the worker may stop before the tab asks). Which page
 * that is, is decided in lib/domain/followups/target.ts, which the popup asks too before it offers 打开.
 */
import { browser } from '../browser';
import type { Followup } from '../domain/followups';
import { targetUrl, webUrl } from '../domain/followups/target';
import { setPendingSuggestion } from '../storage/followups';

/**
 * Focuses a tab already showing `url` (host permissions let us see console tabs' URLs), else opens
 * one — only on a host this extension may run on: a console the manifest names, a page the shop
 * taught (granted when taught). A colleague's item may name any site (the popup says which,
 * target.ts foreignHost). Whether it opened.
 */
async function openOrFocus(url: string): Promise<boolean> {
  const y = new URL(url);
  if (!(await browser.permissions.contains({ origins: [`${y.origin}/*`] }))) return false;
  const open = (await browser.tabs.query({})).find((tab) => {
    const x = webUrl(tab.url);
    return !!x && x.origin === y.origin && decodeURIComponent(x.pathname) === decodeURIComponent(y.pathname) && x.search === y.search;
  });
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true }).catch(() => {});
  } else await browser.tabs.create({ url });
  return true;
}

export async function openFollowupItem(item: Followup, now = Date.now()): Promise<string | null> {
  // Also without a situation to show (a call-back, a handover): the chat still puts the keys in its chat box.
  if (item.buyer) {
    await setPendingSuggestion(
      { buyer: item.buyer, ...(item.buyerId ? { buyerId: item.buyerId } : {}), platform: item.platform, ...(item.suggestScenario ? { scenario: item.suggestScenario } : {}), followupId: item.id },
      now,
    );
  }
  const url = targetUrl(item);
  return url && (await openOrFocus(url)) ? url : null;
}
