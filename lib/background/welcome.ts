/**
 * The first hour. A fresh install opens the options page on 店铺设置 with its first-run checklist
 * (`?welcome`: the shop name, the agent's name, shift times, which consoles); an update or a browser
 * update opens nothing. Both run `onUpgrade` (upgradeStarterLibrary, lib/messaging/handlers/core.ts:
 * corrected starter wordings, starter replies added since; at an install it only notes what the
 * machine has); an update also gives the open console tabs the new panel (reachOpenTabs,
 * reach-tabs.ts). The panel's fill-in form asks for the same page when a reply needs the shop
 * or agent name that is not set yet (the `openOptions` verb).
 */
import { browser, type Tabs } from '../browser';
import { workerExtras } from './extras';

export function registerWelcome(onUpgrade?: (reason: 'install' | 'update') => Promise<unknown>): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void workerExtras().openOptionsTab('shop', true);
    // An install or an update of the extension itself (not of the browser): the stored library takes
    // corrected starter wordings and the starter replies added since; an install records that it has
    // them all, so one the agent deletes is not added back at the next update.
    if (reason === 'install' || reason === 'update') void onUpgrade?.(reason).catch(() => {});
  });
}

/**
 * Shows the options page on `tab`. An options page already open is brought forward with only its
 * hash changed (the page switches tabs and keeps any unsaved edit); else a new tab opens. With
 * several open, the one the agent used last; one closed meanwhile (a listed tab can be closing)
 * is passed over for the next, so the link never fails and never opens a second page beside a
 * live one.
 */
export async function openOptionsTab(tab: string, welcome = false): Promise<void> {
  const page = browser.runtime.getURL('/options.html');
  const address = (t: Tabs.Tab) => t.url || t.pendingUrl || '';
  const open = (await browser.tabs.query({}))
    .filter((t) => t.id !== undefined && address(t).startsWith(page))
    .sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  for (const t of open) {
    const shown = await browser.tabs.update(t.id!, { url: `${address(t).split('#')[0]}#${tab}`, active: true }).catch(() => null);
    if (!shown) continue;
    if (t.windowId !== undefined) await browser.windows.update(t.windowId, { focused: true }).catch(() => {});
    return;
  }
  await browser.tabs.create({ url: `${page}${welcome ? '?welcome' : ''}#${tab}` });
}
