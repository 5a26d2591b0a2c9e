/** Small helpers for the e2e tests: the panel (in its closed shadow root) and the demo console's hooks. */
import type { Locator, Page } from 'playwright-core';
import { cardFrame, evaluateInPanel, PanelLocator } from './panel-world';
import type { Followup } from '../../lib/domain/followups/types';
import type { FollowupList } from '../../lib/messaging/protocol-followups';

export { cardFrame, evaluateInPanel, PanelLocator } from './panel-world';

/**
 * The panel and elements inside it (or inside its buyer-card frame). The shadow root is closed in
 * the build users get, so these reach it from the extension's content-script world (see
 * panel-world.ts); the returned object has the Locator methods the tests use.
 */
export const panel = (page: Page) => new PanelLocator(page, [{ css: '[data-kf="panel"]' }], '[data-kf="panel"]');
export const inPanel = (page: Page, selector: string) => new PanelLocator(page, [{ css: selector }], selector);

/**
 * Alt+n of the suggested reply titled `title`, once the suggestions for the buyer's message are settled.
 * Waits with its own deadline, not vitest's expect.poll: the demo and the benches import this file
 * outside vitest, where importing vitest throws ("Vitest failed to access its internal state").
 */
export async function altKeyOf(p: Page, title: string, timeout = 15_000): Promise<string> {
  const list = inPanel(p, '[data-kf="suggestions"]');
  const deadline = Date.now() + timeout;
  for (;;) {
    const titles = await inPanel(p, '[data-kf="suggestions"] .kf-tpl-title').allTextContents();
    if ((await list.getAttribute('data-signals')) === 'ready' && titles.includes(title)) return `Alt+${titles.indexOf(title) + 1}`;
    if (Date.now() > deadline) throw new Error(`no settled suggestion titled ${title} (the suggestions are ${JSON.stringify(titles)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
export const chatInput = (page: Page) => page.locator('.chat-editor .chat-input');

export type InputKind = 'textarea' | 'contenteditable' | 'controlled';

/** Opens the demo chat with a given input kind and waits for the panel; automatic messages off. */
export async function openDemoChat(page: Page, demoUrl: string, opts: { input?: InputKind; buyer?: string; query?: string } = {}) {
  const path = opts.buyer ? `/chat/${encodeURIComponent(opts.buyer)}` : '/chat';
  const qs = new URLSearchParams();
  if (opts.input) qs.set('input', opts.input);
  if (opts.query) for (const [k, v] of new URLSearchParams(opts.query)) qs.set(k, v);
  await page.goto(`${demoUrl}${path}${qs.size ? `?${qs}` : ''}`);
  await page.evaluate(() => (window as any).__demo.setAutoMessages(false));
  await panel(page).waitFor();
}

export const demo = {
  draft: (page: Page) => page.evaluate(() => (window as any).__demo.draft() as string),
  sent: (page: Page) => page.evaluate(() => (window as any).__demo.sent.length as number),
  inputLog: (page: Page) => page.evaluate(() => (window as any).__demo.inputLog as { type: string; value: string }[]),
  push: (page: Page, text: string, nick?: string) =>
    page.evaluate(([t, n]) => (window as any).__demo.pushBuyerMessage(n ?? (window as any).__demo.activeBuyer(), t), [text, nick] as const),
  reset: (page: Page) => page.evaluate(() => (window as any).__demo.reset()),
};

/**
 * An extension page that sends the worker nothing of its own once it is shown: the options page on
 * its import/export tab, which loads no data (the other tabs reload theirs whenever it changes, so
 * a test's write makes them message the worker). Resolved once the tab is drawn, after the page's
 * one start-up message (its settings) was answered. For tests that stop the worker and wake it.
 */
export async function openQuietExtensionPage(h: { openExtensionPage(path: string): Promise<Page> }): Promise<Page> {
  const page = await h.openExtensionPage('options.html#import');
  await page.locator('[data-kf="import-export"]').waitFor();
  return page;
}

/** Sends a protocol message from an extension page (options/popup) — used to set up data. */
export async function callFromExtensionPage<T = unknown>(page: Page, verb: string, payload?: unknown): Promise<T> {
  const reply = await page.evaluate(([v, p]) => (globalThis as any).chrome.runtime.sendMessage({ kf: v, payload: p }), [verb, payload] as const);
  if (!reply?.ok) throw new Error(`${verb} failed: ${JSON.stringify(reply)}`);
  return reply.value as T;
}

/**
 * 小美 of 橙子旗舰店 with a 23:59 cut-off (the demo's unpaid orders are reminders at any hour) and the
 * list's wait `unpaidAfterMinutes`, then the demo order list read in a tab of its own.
 */
export async function demoOrdersRead(h: { openExtensionPage(path: string): Promise<Page>; context: { newPage(): Promise<Page> }; demoUrl: string }, unpaidAfterMinutes: number): Promise<{ ext: Page; orders: Page }> {
  await clearOfMidnight();
  const ext = await h.openExtensionPage('options.html');
  await callFromExtensionPage(ext, 'patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '23:59' }, followups: { unpaidAfterMinutes } });
  const orders = await h.context.newPage();
  await openDemoOrders(orders, h.demoUrl);
  return { ext, orders };
}

/** Every follow-up the popup's list holds (open, snoozed, done), through the worker's listFollowups. */
export async function allFollowups(page: Page): Promise<Followup[]> {
  return (await callFromExtensionPage<FollowupList>(page, 'listFollowups', { perGroup: 500 })).groups.flatMap((g) => g.items);
}

/** The follow-up `id`, or undefined when the list has none. */
export async function followupById(page: Page, id: string): Promise<Followup | undefined> {
  return (await allFollowups(page)).find((f) => f.id === id);
}

/**
 * Resolves once `page` has heard of the next change to `area` (made after this call) and drawn what
 * it reloaded: its tabs asked for the new value before this helper's own request, which the worker
 * answers after theirs. For a change that shows nothing on that page.
 */
export async function nextChangeSeen(page: Page, area: string): Promise<() => Promise<void>> {
  await page.evaluate((key) => {
    const w = globalThis as any;
    w.__kfNextChange = new Promise<void>((resolve) => {
      const listener = (changes: Record<string, unknown>) => {
        if (!(key in changes)) return;
        w.chrome.storage.onChanged.removeListener(listener);
        resolve();
      };
      w.chrome.storage.onChanged.addListener(listener);
    });
  }, `kf:rev:${area}`);
  return () =>
    page.evaluate(async () => {
      const w = globalThis as any;
      await w.__kfNextChange;
      await w.chrome.runtime.sendMessage({ kf: 'getSettings' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
}

// ---- order pages and the remark dialog ----------------------------------------------------------

/** Opens the demo's sold-orders page and waits for the panel. */
export async function openDemoOrders(page: Page, demoUrl: string) {
  await page.goto(`${demoUrl}/orders?auto=0`);
  await panel(page).waitFor();
}

export const orderRow = (page: Page, orderId: string) => page.locator(`.sold-order[data-order-id="${orderId}"]`);

/** The demo's remark dialog: its textarea and its own 保存 button. */
export const remarkDialog = {
  open: (page: Page, orderId: string) => orderRow(page, orderId).locator('a.remark-link').click(),
  root: (page: Page) => page.locator('[role="dialog"].remark-dialog'),
  textarea: (page: Page) => page.locator('[role="dialog"].remark-dialog textarea'),
  save: (page: Page) => page.locator('[role="dialog"].remark-dialog button.save'),
  saves: (page: Page) => page.evaluate(() => (window as any).__demo.remarkSaves as { orderId: string; flag: string; remark: string }[]),
};

/**
 * The shop every e2e test works in: agent 小美 of 橙子旗舰店, cut-off 16:00 (confirmed by the owner: its
 * replies state it). Returns the options page used.
 */
export async function setUpDemoShop(h: { openExtensionPage(path: string): Promise<Page> }): Promise<Page> {
  const options = await h.openExtensionPage('options.html');
  await callFromExtensionPage(options, 'patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '16:00' }, setup: { cutoff: true } });
  return options;
}

/** Opens the toolbar popup and waits for its follow-up list. */
export async function openPopup(h: { openExtensionPage(path: string): Promise<Page> }): Promise<Page> {
  const p = await h.openExtensionPage('popup.html');
  await p.locator('[data-kf="followups"]').waitFor();
  return p;
}

/** The notes a newly opened popup shows on the (first) follow-up titled `title`; the popup is closed again. */
export async function popupNote(h: { openExtensionPage(path: string): Promise<Page> }, title: string): Promise<string> {
  const popup = await openPopup(h);
  try {
    const note = popup.locator('[data-kf="followup"]', { hasText: title }).first().locator('[data-kf="followup-note"]');
    await note.waitFor();
    return (await note.textContent())!;
  } finally {
    await popup.close();
  }
}

/** The `data-kf` of the element focused inside the panel (or inside its buyer-card frame), else null. */
export async function panelFocus(page: Page): Promise<string | null> {
  const inRoot = await evaluateInPanel(page, (roots) => {
    const el = roots.map((r) => r.activeElement).find(Boolean);
    return el ? { tag: el.tagName, kf: el.getAttribute('data-kf') } : null;
  }).catch(() => null);
  if (inRoot?.tag !== 'IFRAME') return inRoot?.kf ?? null;
  const frame = cardFrame(page);
  return frame ? frame.evaluate(() => document.activeElement?.getAttribute('data-kf') ?? null).catch(() => null) : null;
}

/** Waits until the buyer card (in its frame) shows `nick`'s notes; throws with what it showed instead. */
export async function cardReady(page: Page, nick: string, timeout = 10_000): Promise<void> {
  const card = inPanel(page, '[data-kf="customer-card"]');
  const deadline = Date.now() + timeout;
  let seen = '';
  for (;;) {
    seen = (await card.count()) === 1 ? `${await card.getAttribute('data-buyer')}|${await card.getAttribute('data-state')}` : 'no card';
    if (seen === `${nick}|ready`) return;
    if (Date.now() > deadline) throw new Error(`the card did not show ${nick} (it shows ${seen})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Resolves once the buyer card has taken every message the content script sent its frame so far,
 * for checks that something did not happen to the card (no waiting for time): the agent selects the
 * chat header's name (a shorter stretch when the card already holds that one), the content script
 * sends the selection to the frame on the one port it sends everything on, and the card shows it.
 */
export async function cardCaughtUp(page: Page, timeout = 10_000): Promise<void> {
  const held = await inPanel(page, '[data-kf="customer-selection"]').getAttribute('title', { timeout });
  const text = await page.evaluate((held) => {
    const w = window as unknown as { __kfSelected?: string };
    const node = document.querySelector('.chat-header .chat-buyer-nick')!.firstChild!;
    const full = node.textContent!;
    const end = full === held || full === w.__kfSelected ? full.length - 1 : full.length;
    const range = document.createRange();
    range.setStart(node, 0);
    range.setEnd(node, end);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return (w.__kfSelected = full.slice(0, end));
  }, held);
  await inPanel(page, `[data-kf="customer-selection"][title=${JSON.stringify(text)}]`).waitFor({ state: 'attached', timeout });
}

/** The corners of the element (2 px in) where the agent's click would not land on it: outside the window, or on something else (the panel covers them). */
export function coveredCorners(l: Locator): Promise<string[]> {
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const corners: [string, number, number][] = [
      ['top-left', r.left + 2, r.top + 2],
      ['top-right', r.right - 2, r.top + 2],
      ['bottom-left', r.left + 2, r.bottom - 2],
      ['bottom-right', r.right - 2, r.bottom - 2],
    ];
    return corners
      .filter(([, x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return !hit || !(el === hit || el.contains(hit));
      })
      .map(([name, x, y]) => `${name} (${Math.round(x)}, ${Math.round(y)}): ${document.elementFromPoint(x, y)?.tagName ?? 'outside the window'}`);
  });
}

/** The shop's clock (Beijing) `minutes` from now, as HH:MM: shift hours set around the real time make a test pass at any hour. */
export function bjClock(minutes: number): string {
  const m = (((bjMinute() + minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * Day-shift hours around now that end before midnight (Beijing), so an item due at the shift's end
 * (咨询未拍 after the cut-off) is due today, on the popup's open 今天 list. Two hours either side,
 * cut at 23:59: a shift of now ± 2 h run at 22:05 ends at 00:05 tomorrow, and such an item sat in
 * the folded 以后 (CI at 14:00 UTC). In the last two minutes of the day it waits for midnight, so
 * a caller's hook needs up to 2 minutes more than the default timeout. An item made in the shift's
 * last hour (from 22:59 when it ends at 23:59) is due by the next noon instead (sameDayDue).
 */
export async function dayShiftEndingToday(): Promise<{ start: string; end: string }> {
  await clearOfMidnight();
  return { start: bjClock(-120), end: bjMinute() + 120 >= 1440 ? '23:59' : bjClock(120) };
}

/**
 * A day shift from two hours ago (from 00:01 in the first two hours of the day) that ends at the
 * shop's midnight: an item due at its end is due at tomorrow's first minute. Not 00:00–00:00, which
 * is 全天白班 (no night shift to hand to). Same wait as dayShiftEndingToday.
 */
export async function dayShiftEndingAtMidnight(): Promise<{ start: string; end: string }> {
  await clearOfMidnight();
  return { start: bjMinute() >= 120 ? bjClock(-120) : '00:01', end: '00:00' };
}

/** The longest clearOfMidnight waits (from 23:58 Beijing to 00:01, and 5 s), with a little to spare. */
export const MIDNIGHT_WAIT_MS = 190_000;

/** The shop's (Beijing) minute of the day at `at` (now by default). */
export function bjMinute(at: number = Date.now()): number {
  return (Math.floor(at / 60_000) + 480) % 1440;
}

/**
 * Waits out the shop's midnight when it is under two minutes away or under a minute past (to
 * 00:01), so a test that sets times of day around "now" (a cut-off at 23:59, a shift from 00:01)
 * does not straddle it. The wait is at most MIDNIGHT_WAIT_MS: a test or hook that may call it (also
 * through dayShiftEndingToday/dayShiftEndingAtMidnight) adds that to the time its own steps need.
 */
export function clearOfMidnight(): Promise<void> {
  return clearOfBjTime('00:01', 3 * 60_000);
}

/**
 * A due time later today in the shop's (Beijing) day: an hour from now, or just before the shop's midnight when
 * that comes first. An item due tomorrow sits in the popup's folded 明天 section, where a test cannot click its row
 * (Date.now() + 1 h failed so from 23:00 to 24:00 Beijing). Call after clearOfMidnight (at least two minutes left).
 */
export function dueLaterToday(): number {
  const left = 1440 - bjMinute();
  return Date.now() + Math.min(60, left - 1) * 60_000;
}

/**
 * Waits out the shop's (Beijing) time `hhmm` when it is under `leadMs` away, to 5 s past it, so
 * steps that must all fall on one side of it (an item made at 11:59:55 is due at 12:00) do not
 * straddle it. The wait is at most leadMs + 5 s: the caller's test or hook adds that to its time.
 */
export async function clearOfBjTime(hhmm: string, leadMs: number): Promise<void> {
  const [h, m] = hhmm.split(':').map(Number);
  const day = 86_400_000;
  const until = ((((h! * 60 + m!) * 60_000 - ((Date.now() + 8 * 3_600_000) % day)) % day) + day) % day;
  if (until < leadMs) await new Promise((r) => setTimeout(r, until + 5_000));
}
