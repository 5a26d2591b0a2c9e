/**
 * A remark line filled in before midnight and used after it carries the new day (QA W, defect 3):
 * the form fixed its clock when the box opened, so the night agent's line at 00:00 was signed with
 * yesterday. Chromium runs under libfaketime at a constant offset that puts its clock 90 s before
 * the shop's (Beijing) midnight when it starts; the test waits for the preview to turn, not a set time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { faketimeEnvAt } from './faketime';
import { callFromExtensionPage, inPanel, openDemoOrders, remarkDialog, setUpDemoShop } from './pages';
import { PRESET_A, isoDate } from '../../lib/domain/remarks';

const PURPLE = '3930018273645518290'; // 缺货，晚点发
const DAY = 86_400_000;

/** The next Beijing midnight after `now`. */
const nextMidnight = (now: number) => Math.floor((now + 8 * 3_600_000) / DAY) * DAY + DAY - 8 * 3_600_000;

let h: Harness;
let page: Page;
let midnight: number;

beforeAll(async () => {
  const now = Date.now();
  midnight = nextMidnight(now + 90_000);
  // On this process's clock, itself moved when the suite runs under libfaketime (faketimeEnvAt adds to that).
  h = await launchWithExtension({ env: faketimeEnvAt(midnight - 90_000, now) });
  const options = await setUpDemoShop(h);
  await callFromExtensionPage(options, 'saveRuleSet', PRESET_A);
  page = await h.context.newPage();
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('a remark line across midnight', () => {
  it('filled in at 23:59 and used after 00:00, it is signed with the new day; the open form turns to it at midnight', async () => {
    const before = isoDate(midnight - 1, 480);
    const after = isoDate(midnight, 480);
    const shipDate = isoDate(midnight + 4 * DAY, 480);
    await openDemoOrders(page, h.demoUrl);
    await remarkDialog.open(page, PURPLE);
    await inPanel(page, '[data-kf="remark-form"]').waitFor();
    // The browser's clock is the shop's last minute of the day (libfaketime took).
    const pageNow = await page.evaluate(() => Date.now());
    expect(pageNow).toBeLessThan(midnight);
    expect(pageNow).toBeGreaterThan(midnight - 120_000);
    await inPanel(page, 'input[data-field="shipDate"]').fill(shipDate);
    await inPanel(page, 'input[data-field="reason"]').fill('缺货');
    const line = (day: string) => `【延迟发货】可发货日：${shipDate}｜原因：缺货｜小美 ${day}`;
    await expect.poll(() => inPanel(page, '[data-kf="remark-preview"]').textContent()).toBe(line(before));
    // Past midnight the preview says the new day without the box being opened again.
    await expect.poll(() => inPanel(page, '[data-kf="remark-preview"]').textContent(), { timeout: 150_000 }).toBe(line(after));
    expect(await page.evaluate(() => Date.now())).toBeGreaterThanOrEqual(midnight);
    await inPanel(page, '[data-kf="remark-use"]').click();
    await expect.poll(() => remarkDialog.textarea(page).inputValue()).toBe(`缺货，晚点发\n${line(after)}`);
    await remarkDialog.save(page).click();
    await expect.poll(() => remarkDialog.saves(page)).toEqual([{ orderId: PURPLE, flag: 'purple', remark: `缺货，晚点发\n${line(after)}` }]);
  }, 240_000);
});
