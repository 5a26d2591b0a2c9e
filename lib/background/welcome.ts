/**
 * The first hour. A fresh install opens the options page on 店铺设置 with its first-run checklist
 * (`?welcome`: the shop name, the agent's name, shift times, which consoles); an update or a browser
 * update opens nothing (an update runs `onUpdate`: rewordStarterLibrary, lib/messaging/handlers/core.ts, and reachOpenTabs, reach-tabs.ts). The panel's fill-in form asks for the same page when a reply needs the shop
 * or agent name that is not set yet (the `openOptions` verb).
 */
import { browser } from '../browser';

export function registerWelcome(onUpdate?: () => Promise<unknown>): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void openOptionsTab('shop', true);
    // An update of the extension itself: the stored library takes corrected starter wordings.
    else if (reason === 'update') void onUpdate?.().catch(() => {});
  });
}

/**
 * Shows the options page on `tab`. An options page already open is brought forward with only its
 * hash changed (the page switches tabs and keeps any unsaved edit); else a new tab opens.
 */
export async function openOptionsTab(tab: string, welcome = false): Promise<void> {
  const page = browser.runtime.getURL('/options.html');
  const open = (await browser.tabs.query({})).find((t) => t.url?.startsWith(page));
  if (open?.id !== undefined && open.url) {
    await browser.tabs.update(open.id, { url: `${open.url.split('#')[0]}#${tab}`, active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true }).catch(() => {});
    return;
  }
  await browser.tabs.create({ url: `${page}${welcome ? '?welcome' : ''}#${tab}` });
}
