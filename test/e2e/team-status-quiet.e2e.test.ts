/**
 * Team mode with an open console tab: every sync round flips the status (正在同步… → 已同步), and the
 * worker says 'team' changed at each flip. The panel used to ask the worker for the member's shift
 * (handoverTargets) at each one, from every open tab; now only when the chosen shift (or the shop's
 * hours) changed (lib/panel/controller.ts readTeamShift). Counted in the tab's content-script world,
 * where the panel sends its messages, against a real team server (team-world.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import type { TeamServer } from '../team/server';
import { callFromExtensionPage, dayShiftEndingToday, evaluateInPanel, inPanel, openDemoChat, setUpDemoShop } from './pages';
import { evaluateInContentWorld } from './panel-world';
import { call, join, startTeamShop, stopAll, syncNow } from './team-world';

const SHOP = 'e2e-status-quiet';
let server: TeamServer;
let h: Harness;
let options: Page;

beforeAll(async () => {
  server = await startTeamShop(SHOP, { 小夜: { role: 'agent', password: 'ye-pw' } });
  h = await launchWithExtension();
  const setUp = await setUpDemoShop(h);
  // By the shop's hours it is day now: a member on 夜班 gets the night order all the same.
  await callFromExtensionPage(setUp, 'patchSettings', { followups: { dayShift: await dayShiftEndingToday() } });
  await setUp.close();
  options = await join(h, server, SHOP, '小夜', 'ye-pw', 'night');
}, 600_000);

afterAll(() => stopAll(h, server));

/** A demo buyer whose order is paid: an unpaid one would put the payment reminder first for a greeting. */
const PAID_BUYER = 'tb_8834729_88';
const titles = (p: Page) => evaluateInPanel(p, (roots) => roots.flatMap((r) => [...r.querySelectorAll('[data-kf="suggestions"] .kf-tpl-title')].map((x) => x.textContent!)));

it('sends the worker nothing at sync status flips; a new chosen shift is asked for once and reorders the open panel', async () => {
  const page = await h.context.newPage();
  await openDemoChat(page, h.demoUrl, { buyer: PAID_BUYER });
  await inPanel(page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
  await page.evaluate(() => {
    const w = window as any;
    w.__demo.pushBuyerMessage(w.__demo.activeBuyer(), '你好，在不在呀');
  });
  await expect.poll(async () => (await titles(page))[0], { timeout: 15_000 }).toBe('夜班接待');

  // From here on: the panel's messages by verb, and the 'team' changes the tab hears.
  await evaluateInContentWorld(
    page,
    `(() => {
      const send = chrome.runtime.sendMessage.bind(chrome.runtime);
      Object.assign(globalThis, { __kfSent: [], __kfTicks: 0 });
      chrome.runtime.sendMessage = (m, ...rest) => (globalThis.__kfSent.push(m && m.kf), send(m, ...rest));
      chrome.storage.onChanged.addListener((c) => { if ('kf:rev:team' in c) globalThis.__kfTicks++; });
    })()`,
  );
  const seen = async () => (await evaluateInContentWorld<{ sent: string[]; ticks: number }>(page, '({ sent: globalThis.__kfSent, ticks: globalThis.__kfTicks })'))!.value;

  // Three rounds: 正在同步… and 已同步 each, heard by the tab.
  for (let i = 0; i < 3; i++) await syncNow(options);
  await expect.poll(async () => (await seen()).ticks).toBeGreaterThanOrEqual(6);

  // The member switches to 白班 (options → 团队 → 我的班次): the open panel asks once and reorders.
  await call(options, 'teamSetShift', { shift: 'day' });
  await expect
    .poll(async () => {
      const t = await titles(page);
      return t.includes('咨询高峰稍候') && !t.includes('夜班接待') ? 'day order' : t.join(' | ');
    }, { timeout: 15_000 })
    .toBe('day order');
  expect((await seen()).sent.filter((v) => v === 'handoverTargets')).toEqual(['handoverTargets']);
  await page.close();
}, 180_000);
