/**
 * Team mode: the panel ranks replies by the shift each member chose (options → 团队 → 我的班次), not by
 * the clock (lib/domain/suggest/README.md, "The shift"). Two agents of one shop on their own machines
 * (pouchdb-server on 127.0.0.1, team-world.ts): 小夜 on 夜班, 小白 on 白班. The shop's hours are set
 * around the real clock (pages.ts), so the test means the same at any hour CI runs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import type { TeamServer } from '../team/server';
import { bjClock, callFromExtensionPage, clearOfMidnight, dayShiftEndingToday, evaluateInPanel, inPanel, MIDNIGHT_WAIT_MS, openDemoChat, setUpDemoShop } from './pages';
import { join, startTwoMachines, stopAll } from './team-world';

const SHOP = 'e2e-shift-rank';
let server: TeamServer;
let night: Harness;
let day: Harness;

beforeAll(async () => {
  const started = await startTwoMachines(SHOP, {
    小夜: { role: 'agent', password: 'ye-pw' },
    小白: { role: 'agent', password: 'bai-pw' },
  });
  ({ server } = started);
  night = started.sup;
  day = started.agent;
  await setUpDemoShop(night);
  await setUpDemoShop(day);
  await join(night, server, SHOP, '小夜', 'ye-pw', 'night');
  await join(day, server, SHOP, '小白', 'bai-pw', 'day');
}, 600_000);

afterAll(() => stopAll(night, day, server));

/** The shop's day-shift hours on one machine (each machine keeps its own; team mode does not share them). */
async function shiftHours(h: Harness, hours: { start: string; end: string }): Promise<void> {
  const page = await h.openExtensionPage('options.html#import');
  await callFromExtensionPage(page, 'patchSettings', { followups: { dayShift: hours } });
  await page.close();
}

/** The reply cards' titles in card order (Alt+1 first) and the situation chips, as the agent sees them. */
const shown = (p: Page) =>
  evaluateInPanel(p, (roots) => ({
    chips: roots.flatMap((r) => [...r.querySelectorAll<HTMLElement>('[data-kf="chip"]')].map((c) => c.dataset.scenario!)),
    titles: roots.flatMap((r) => [...r.querySelectorAll('[data-kf="suggestions"] .kf-tpl-title')].map((x) => x.textContent!)),
  }));

const BARGAIN = '再便宜六十块吧，不行叫你们领导来';
const GREETING = '你好，在不在呀';
/** A demo buyer whose order is paid: an unpaid one would put the payment reminder first for a greeting. */
const PAID_BUYER = 'tb_8834729_88';

/**
 * The card orders of each shift for a bargain that asks for a supervisor, then a greeting
 * (test/e2e/night-replies.e2e.test.ts checks them by the clock alone).
 */
const ORDER: Record<'day' | 'night', { bargain(t: string[]): boolean; greeting(t: string[]): boolean }> = {
  // No supervisor promised first; the night reception greets, the daytime welcome is gone.
  night: { bargain: (t) => t[0] !== '超权限请示主管', greeting: (t) => t[0] === '夜班接待' && !t.includes('咨询高峰稍候') },
  day: { bargain: (t) => t[0] === '超权限请示主管', greeting: (t) => t.includes('咨询高峰稍候') && !t.includes('夜班接待') },
};

/**
 * Opens the chat on `h`, has the buyer bargain and then greet, and waits until each message's cards
 * are in `shift`'s order. Waited for, not read once: until the member's chosen shift has come from
 * the worker, the panel ranks by the clock (the shop's hours), which these tests set the other way.
 */
async function seesOrderOf(h: Harness, shift: 'day' | 'night'): Promise<void> {
  const page = await h.context.newPage();
  try {
    await openDemoChat(page, h.demoUrl, { buyer: PAID_BUYER });
    await inPanel(page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
    for (const [text, chip] of [[BARGAIN, 'bargain'], [GREETING, 'greeting']] as const) {
      await page.evaluate((msg) => {
        const w = window as any;
        w.__demo.pushBuyerMessage(w.__demo.activeBuyer(), msg);
      }, text);
      // The titles seen, in the failure message, when they never come in that order.
      await expect
        .poll(async () => {
          const now = await shown(page);
          return now.chips.includes(chip) && now.titles.length > 0 && ORDER[shift][chip](now.titles) ? shift : `${chip}: ${now.titles.join(' | ')}`;
        }, { timeout: 10_000 })
        .toBe(shift);
    }
  } finally {
    await page.close();
  }
}

it('in the daytime (by the shop’s hours) the member on 夜班 gets the night order; the one on 白班 does not', async () => {
  const hours = await dayShiftEndingToday();
  await shiftHours(night, hours);
  await shiftHours(day, hours);
  await seesOrderOf(night, 'night');
  await seesOrderOf(day, 'day');
}, 60_000 + MIDNIGHT_WAIT_MS);

it('at night (by the shop’s hours) the member on 白班 keeps the daytime order; the one on 夜班 the night order', async () => {
  // The day shift from two to four hours from now: now is night.
  await clearOfMidnight();
  const hours = { start: bjClock(120), end: bjClock(240) };
  await shiftHours(night, hours);
  await shiftHours(day, hours);
  await seesOrderOf(day, 'day');
  await seesOrderOf(night, 'night');
}, 60_000 + MIDNIGHT_WAIT_MS);
