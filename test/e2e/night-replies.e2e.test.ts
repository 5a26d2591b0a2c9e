import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bjClock, callFromExtensionPage, inPanel, openDemoChat } from './pages';
import { evaluateInPanel } from './panel-world';
import { extensionSuite } from './suite';

// The shop's day-shift hours are set around the real clock, so "now" is night (or day) at any hour
// CI runs: ranking reads the shift from them (README of lib/domain/suggest, "The shift").
const s = extensionSuite({});

async function setShiftHours(start: string, end: string) {
  await callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start, end } } });
}

/** What the panel shows: the situation chips and the reply cards' titles, in card order (Alt+1 first). */
const shown = (p: Page) =>
  evaluateInPanel(p, (roots) => ({
    chips: roots.flatMap((r) => [...r.querySelectorAll<HTMLElement>('[data-kf="chip"]')].map((c) => c.dataset.scenario!)),
    titles: roots.flatMap((r) => [...r.querySelectorAll('[data-kf="suggestions"] .kf-tpl-title')].map((x) => x.textContent!)),
  }));

/** Pushes a buyer message and waits until its situation's chip and cards are on screen. */
async function cardsFor(p: Page, text: string, chip: string): Promise<string[]> {
  await p.evaluate((msg) => {
    const w = window as any;
    w.__demo.pushBuyerMessage(w.__demo.activeBuyer(), msg);
  }, text);
  let titles: string[] = [];
  await expect.poll(async () => {
    const now = await shown(p);
    titles = now.titles;
    return now.chips.includes(chip) && now.titles.length > 0;
  }, { timeout: 10_000 }).toBe(true);
  return titles;
}

const BARGAIN = '再便宜六十块吧，不行叫你们领导来';
const GREETING = '你好，在不在呀';
/** A demo buyer whose order is paid: an unpaid one would put the payment reminder first for a greeting. */
const PAID_BUYER = 'tb_8834729_88';

describe('replies at the hour of the shift', () => {
  it('at night the first cards promise no supervisor in minutes and greet with the night reception', async () => {
    // Day shift from two to four hours from now: now is night.
    await setShiftHours(bjClock(120), bjClock(240));
    await openDemoChat(s.page, s.h.demoUrl, { buyer: PAID_BUYER });
    await inPanel(s.page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
    const bargain = await cardsFor(s.page, BARGAIN, 'bargain');
    expect(bargain[0]).not.toBe('超权限请示主管');
    // The greeting's cards follow the bargain's: wait for the night reception to lead them.
    await cardsFor(s.page, GREETING, 'greeting');
    await expect.poll(async () => (await shown(s.page)).titles[0], { timeout: 10_000 }).toBe('夜班接待');
    expect((await shown(s.page)).titles).not.toContain('咨询高峰稍候');
  });

  it('by day the same messages keep the daytime order', async () => {
    // Day shift from two hours ago to two hours from now: now is day.
    await setShiftHours(bjClock(-120), bjClock(120));
    await openDemoChat(s.page, s.h.demoUrl, { buyer: PAID_BUYER });
    await inPanel(s.page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
    const bargain = await cardsFor(s.page, BARGAIN, 'bargain');
    expect(bargain[0]).toBe('超权限请示主管');
    await cardsFor(s.page, GREETING, 'greeting');
    await expect.poll(async () => (await shown(s.page)).titles.includes('咨询高峰稍候'), { timeout: 10_000 }).toBe(true);
    expect((await shown(s.page)).titles).not.toContain('夜班接待');
  });
});
