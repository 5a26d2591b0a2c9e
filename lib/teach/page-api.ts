/**
 * Extension-page side (side panel, popup, options) of teach mode and of working on another tab:
 * which tab we serve, what its content script can do, insertion there, copying, teaching.
 * Nothing here runs at import time.
 */
import { browser, type Tabs } from '../browser';
import { parseOrigin, originPattern } from '../sites/taught/record';
import { sendToTab } from './tab-messages';
import { teachTab, type TabStatus, type TeachDeps, type TeachOutcome } from './flow';
import { CONTENT_SCRIPT_FILE } from './scripts';

export interface TargetInfo {
  tabId: number | null;
  /** null when the browser does not tell us (a site we have no access to yet). */
  url: string | null;
  host: string | null;
  status: TabStatus | null;
}

type Scripting = { executeScript(i: { target: { tabId: number }; files: string[] }): Promise<unknown> };

export function browserTeachDeps(): TeachDeps {
  return {
    requestPermission: (pattern) => browser.permissions.request({ origins: [pattern] }),
    ping: (tabId) => sendToTab(tabId, 'ping').catch(() => null),
    inject: async (tabId) => {
      const s = (browser as unknown as { scripting?: Scripting }).scripting;
      if (!s) throw new Error('scripting API unavailable');
      await s.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    },
    startTeach: (tabId) => sendToTab(tabId, 'startTeach'),
  };
}

/**
 * The tab this page serves: `?tab=<id>` when the opener names one (the options page's "re-teach",
 * tests that open the side panel as a tab), else the active tab of this window. Our own pages are
 * never a target.
 */
export async function currentTarget(): Promise<TargetInfo> {
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  let tab: Tabs.Tab | null | undefined = null;
  if (Number.isInteger(forced) && forced > 0) tab = await browser.tabs.get(forced).catch(() => null);
  else [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined || tab.url?.startsWith(browser.runtime.getURL(''))) return { tabId: null, url: null, host: null, status: null };
  const url = tab.url ?? null;
  const status = await sendToTab(tab.id, 'ping').catch(() => null);
  return { tabId: tab.id, url, host: url && parseOrigin(url) ? new URL(url).host : null, status };
}

/** Calls `listener` when the agent switches tabs or the served tab loads a new page. */
export function onTargetChanged(listener: () => void): () => void {
  const onActivated = () => listener();
  const onUpdated = (_id: number, info: Tabs.OnUpdatedChangeInfoType) => {
    if (info.status === 'complete' || info.url) listener();
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  window.addEventListener('focus', onActivated);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    window.removeEventListener('focus', onActivated);
  };
}

/** Clipboard write from an extension page; falls back to execCommand (we hold clipboardWrite). */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    if (!ok) throw new Error('clipboard unavailable');
  }
}

/**
 * Teach mode on a tab, inside the agent's click. `typedSite` is the address the agent typed when
 * the browser does not tell us the tab's URL (no access to that site yet).
 */
export function teachTarget(target: TargetInfo, typedSite?: string): Promise<TeachOutcome> {
  const url = target.url ?? (typedSite ? siteFromTyped(typedSite) : undefined);
  return teachTab(target.tabId === null ? null : { id: target.tabId, url }, browserTeachDeps());
}

/** "im.jinritemai.com" or a pasted address → an https origin URL. */
export function siteFromTyped(typed: string): string | undefined {
  const s = typed.trim();
  if (!s) return undefined;
  return parseOrigin(/^https?:\/\//i.test(s) ? s : `https://${s}`) ?? undefined;
}

/** Grants a taught site's access (options page: a site imported from a colleague's file). */
export function requestSiteAccess(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(origin)] });
}

export function hasSiteAccess(origin: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(origin)] });
}

/** Resolves when the tab has finished loading. */
function tabLoaded(tabId: number): Promise<void> {
  return new Promise((resolve) => {
    const listener = (id: number, info: Tabs.OnUpdatedChangeInfoType) => {
      if (id === tabId && info.status === 'complete') {
        browser.tabs.onUpdated.removeListener(listener);
        resolve();
      }
    };
    browser.tabs.onUpdated.addListener(listener);
  });
}

/**
 * Options page "re-teach": access first (inside the click), then open the page it was taught on and
 * start the picker there.
 */
export async function reteachSite(site: { origin: string; url: string }): Promise<TeachOutcome> {
  const granted = await requestSiteAccess(site.origin).catch(() => false);
  if (!granted) return { ok: false, reason: 'denied', origin: site.origin };
  const tab = await browser.tabs.create({ url: site.url, active: true });
  if (tab.id === undefined) return { ok: false, reason: 'no-tab' };
  await tabLoaded(tab.id);
  return teachTab({ id: tab.id, url: site.url }, { ...browserTeachDeps(), requestPermission: async () => true });
}
