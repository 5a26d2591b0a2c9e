/**
 * The night shift's last minutes (one machine, no team mode, default day shift 08:00–20:00). Chromium
 * runs under libfaketime at an offset that puts its clock at 07:40 Beijing when it starts: the night
 * agent promises a buyer an answer from the chat panel and hands it 交给 白班. domain.md: night-shift
 * handover items are done before noon. Before, the item was due 24 h after the promise (07:40 the
 * next morning), folded under 以后, and the day agent did not find it in today's list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { faketimeEnvAt, nextBeijingMinute } from './faketime';
import { bjMinute, callFromExtensionPage, evaluateInPanel, inPanel, openDemoChat, openPopup, setUpDemoShop } from './pages';

const START = 7 * 60 + 40;

let h: Harness;
let ext: Page;

beforeAll(async () => {
  // The next 07:40:00 Beijing on this process's clock (faketimeEnvAt adds to an inherited offset).
  const now = Date.now();
  h = await launchWithExtension({ env: faketimeEnvAt(nextBeijingMinute(START, now), now) });
  ext = await setUpDemoShop(h);
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('handed to the day shift at 07:40', () => {
  it('a promised answer handed 交给白班 is due by noon today, listed under 今天; a typed time stays', async () => {
    const chat = await h.context.newPage();
    await openDemoChat(chat, h.demoUrl, { buyer: 'tb_8834729_88' });
    await inPanel(chat, '[data-kf="fu-handover"]').waitFor();
    await evaluateInPanel(chat, (roots) => {
      const select = roots[0]!.querySelector('[data-kf="fu-handover"]') as HTMLSelectElement;
      select.value = 'shift:day';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await inPanel(chat, '[data-kf="fu-promised"]').click();
    await inPanel(chat, '[data-kf="fu-note"]').fill('问仓库这款有没有加厚款');
    await inPanel(chat, '[data-kf="fu-add"]').click();
    await expect.poll(() => inPanel(chat, '[data-kf="fu-status"]').textContent()).toContain('已交给白班');
    await chat.close();
    const now = await ext.evaluate(() => Date.now());
    // Still the night shift (before 08:00 Beijing).
    expect(bjMinute(now)).toBeGreaterThanOrEqual(START);
    expect(bjMinute(now)).toBeLessThan(8 * 60);

    const popup = await openPopup(h);
    const folded = popup.locator('[data-kf="section-toggle"][aria-expanded="false"], [data-kf="group-toggle"][aria-expanded="false"]');
    for (let n = await folded.count(); n > 0; n = await folded.count()) await folded.first().click();
    const row = popup.locator('[data-kf="followup"][data-kind="promised-answer"]');
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-section')).toBe('today');
    expect(await row.locator('[data-kf="handover-tag"]').textContent()).toBe('交给白班');
    expect(await row.locator('[data-kf="followup-when"]').textContent()).toContain('12:00');
    await popup.close();

    // The same handover with a time the agent typed (the buyer was told tomorrow 18:00): that time stays.
    const list = await callFromExtensionPage<{ dueAt: number }>(ext, 'addFollowup', {
      kind: 'promised-answer',
      buyer: 'u-1005',
      toShift: 'day',
      dueAt: now + 34 * 3_600_000,
    });
    expect(list.dueAt).toBe(now + 34 * 3_600_000);
  }, 180_000);
});
