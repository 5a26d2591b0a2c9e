/**
 * QA R, defect 2: an agent on several consoles has the same nickname as a buyer on Pinduoduo and on
 * JD. The popup showed two identical rows 「咨询未拍：橘子汽水2020」, so 完成 or 推迟 could land on the
 * other console's buyer. Each row now says its console, and 打开 goes to that console's chat.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CONSOLES, openConsole } from './consoles';
import { callFromExtensionPage, cardReady, inPanel, openPopup, dayShiftEndingToday, MIDNIGHT_WAIT_MS } from './pages';
import { extensionSuite } from './suite';

const NICK = '橘子汽水2020';

let pdd: Page;
let jd: Page;
let popup: Page;


const s = extensionSuite({ page: 'none' });
beforeAll(async () => {
  // The day shift around now, whatever the hour of the run: an inquiry noted in the night hours (Beijing
  // 20:00–08:00 by default) is the night shift's handover, due by the next noon: in 以后, which the
  // popup opens closed, so no row was on screen from 20:00 to midnight. The shift ends today: one
  // ending after midnight made the inquiry due tomorrow, in 以后 again (22:00–24:00). Cut-off 23:59: an
  // inquiry is due before it (23:29, or 23:59 itself), today at any hour — after the cut-off it is due
  // at the shift's end, and made in the shift's last hour (from 22:59 here) by the next noon, in 以后.
  await callFromExtensionPage(s.ext, 'patchSettings', { shop: { cutoff: '23:59' }, followups: { dayShift: await dayShiftEndingToday() } });
  pdd = await s.h.context.newPage();
  await openConsole(pdd, CONSOLES.pdd);
  await pdd.evaluate(() => (window as any).__pdd.open('5931407726'));
  jd = await s.h.context.newPage();
  // JD's open buyer given the same nickname: two buyers, one name, two consoles.
  await openConsole(jd, CONSOLES.jd, (html) => html.replaceAll('京东用户_小满', NICK));
  for (const page of [pdd, jd]) {
    await page.bringToFront();
    await cardReady(page, NICK);
    await inPanel(page, '[data-kf="fu-inquiry"]').click();
  }
  // Added by the worker, then listed: the popup shows changes as they come (the first test waits for both).
  popup = await openPopup(s.h);
  await popup.setViewportSize({ width: 420, height: 600 });
}, 180_000 + MIDNIGHT_WAIT_MS);

const row = (platform: string) => popup.locator('[data-kf="followup"]', { has: popup.locator(`[data-kf="followup-platform"][data-platform="${platform}"]`) });
const activeTab = () => s.ext.evaluate(async () => (await (globalThis as any).chrome.tabs.query({ active: true })).map((t: { url: string }) => new URL(t.url).host));

describe('the popup, one nickname a buyer on two consoles', () => {
  it('says on each row which console it is, and the two rows no longer read the same', async () => {
    const rows = popup.locator('[data-kf="followup"][data-kind="inquiry"]');
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.locator('[data-kf="followup-platform"]').allTextContents()).sort()).toEqual(['京东', '拼多多']);
    const texts = await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).innerText));
    expect(texts[0]).not.toBe(texts[1]);
    for (const p of ['pdd', 'jd']) expect(await row(p).locator('[data-kf="followup-title"]').textContent()).toBe(`咨询未拍：${NICK}`);
  });

  it('keeps the tag and the title on the row’s first line, inside the popup’s width', async () => {
    for (const p of ['pdd', 'jd']) {
      const tag = (await row(p).locator('[data-kf="followup-platform"]').boundingBox())!;
      const title = (await row(p).locator('[data-kf="followup-title"]').boundingBox())!;
      // One line each, side by side (the tag left of the title, their tops within a few pixels).
      expect(tag.height).toBeLessThan(24);
      expect(tag.x + tag.width).toBeLessThanOrEqual(title.x);
      expect(Math.abs(tag.y + tag.height / 2 - (title.y + title.height / 2))).toBeLessThan(6);
    }
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  });

  it('opens the chat of the console the row names', async () => {
    await row('jd').click();
    await row('jd').locator('[data-action="open"]').click();
    await expect.poll(activeTab).toEqual(['dongdong.jd.com']);
    await popup.bringToFront();
    await row('pdd').click();
    await row('pdd').locator('[data-action="open"]').click();
    await expect.poll(activeTab).toEqual(['mms.pinduoduo.com']);
  });
});

describe('the popup in English, a console tag as long as Pinduoduo', () => {
  s.interfaceIn('en');
  let en: Page;
  beforeAll(async () => {
    en = await openPopup(s.h);
    await en.setViewportSize({ width: 420, height: 600 });
  });

  it('shows the whole console name inside its tag, on one line beside the title', async () => {
    const rows = en.locator('[data-kf="followup"][data-kind="inquiry"]');
    await expect.poll(() => rows.count()).toBe(2);
    const tags = rows.locator('[data-kf="followup-platform"]');
    // The text fits its box (no letters spilling over the border or cut off), in one line.
    for (const fit of await tags.evaluateAll((els) => els.map((e) => e.scrollWidth <= e.clientWidth && e.getClientRects().length === 1))) expect(fit).toBe(true);
    expect((await tags.allTextContents()).sort()).toEqual(['JD', 'PDD']);
    // One width, so the titles start in one column (the tag's box fits its longest name, 拼多多).
    const widths = await tags.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
    expect(widths[0]).toBe(widths[1]);
    // The tooltip and what is said of the row keep the full name.
    expect(await en.locator('[data-kf="followup-platform"][data-platform="pdd"]').getAttribute('title')).toBe('Platform: Pinduoduo');
    for (const p of ['pdd', 'jd']) {
      const tag = (await en.locator(`[data-kf="followup-platform"][data-platform="${p}"]`).boundingBox())!;
      const title = (await en.locator('[data-kf="followup"]', { has: en.locator(`[data-platform="${p}"]`) }).locator('[data-kf="followup-title"]').boundingBox())!;
      expect(tag.x + tag.width).toBeLessThanOrEqual(title.x);
    }
  });
});

describe('the popup, the tag rule over the whole list, not the rows loaded', () => {
  it('tags the rows on screen when another console’s item waits in a folded section', async () => {
    // Only JD's today: the PDD item moved to 以后 (not loaded until opened), one console on screen.
    const pddItem = (await callFromExtensionPage<{ groups: { items: { id: string; platform?: string }[] }[] }>(s.ext, 'listFollowups'))
      .groups.flatMap((g) => g.items)
      .find((f) => f.platform === 'pdd')!;
    await callFromExtensionPage(s.ext, 'updateFollowup', { id: pddItem.id, action: 'snooze', until: Date.now() + 3 * 24 * 3600_000 });
    const p = await openPopup(s.h);
    const jdRow = p.locator('[data-kf="followup"][data-kind="inquiry"]');
    await expect.poll(() => jdRow.count()).toBe(1);
    await expect.poll(() => jdRow.locator('[data-kf="followup-platform"]').allTextContents()).toEqual(['京东']);
    await p.close();
  });
});
