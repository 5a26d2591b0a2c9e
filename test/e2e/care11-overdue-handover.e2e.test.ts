/**
 * A Taobao morning, sold list → popup (walk8, session 35). The sold list shows an order paid three
 * evenings ago, after the cut-off, still not shipped: its 延迟发货 item is overdue since the morning
 * after its ship day. At 09:10 the day agent hands it to the night shift. It used to become
 * 「截止 23:59」 with the popup's count at 逾期 0: the night shift that took it did not see that it
 * was late. Then a purple remark saved on the order's memo page (a page that shows no buyer) used to
 * turn 「延迟发货：雨后彩虹_lily」 into a bare 「延迟发货」.
 *
 * The browser runs under libfaketime (test/e2e/faketime.ts) at 09:10 Beijing, in the day shift
 * (08:00–20:00); the list's creation times are moved to that morning's dates.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { faketimeEnvAt, nextBeijingMinute } from './faketime';
import { CONSOLES, openConsole } from './consoles';
import { inPanel, openPopup, setUpDemoShop } from './pages';

const ORDER = '3709981726354019283'; // 雨后彩虹_lily's, paid, not shipped
const DAY = 86_400_000;
const HOUR = 3_600_000;

const real = Date.now();
const at = nextBeijingMinute(9 * 60 + 10, real);
/** The Beijing date `days` before the faked morning, 'YYYY-MM-DD'. */
const bjDate = (days: number) => new Date(at + 8 * HOUR - days * DAY).toISOString().slice(0, 10);
/** 'M-DD', as the popup writes a day other than today. */
const short = (iso: string) => `${Number(iso.slice(5, 7))}-${iso.slice(8, 10)}`;

/** The sold list as read that morning: the order placed three evenings before, after the 16:00 cut-off. */
const morning = (html: string) =>
  html
    .replace('2026-11-23 09:14:05', `${bjDate(0)} 08:31:05`)
    .replace('2026-11-22 20:31:47', `${bjDate(3)} 20:31:47`)
    .replace('2026-11-19 11:02:10', `${bjDate(6)} 11:02:10`);

let h: Harness | undefined;
afterAll(async () => {
  await h?.close();
});

const delayRow = (popup: Page) => popup.locator(`[data-kf="followup"][data-id="delay:${ORDER}"]`);

async function expandAll(p: Page) {
  const collapsed = p.locator('[data-kf="section-toggle"][aria-expanded="false"], [data-kf="group-toggle"][aria-expanded="false"]');
  for (let n = await collapsed.count(); n > 0; n = await collapsed.count()) await collapsed.first().click();
}

describe('a late order on the Taobao sold list, in the popup at 09:10', () => {
  it('handed to the night shift, it stays 已逾期 (counted from the due time shown), and the count stays 逾期 1', { timeout: 180_000 }, async () => {
    h = await launchWithExtension({ env: faketimeEnvAt(at, real) });
    await (await setUpDemoShop(h)).close();
    const page = await h.context.newPage();
    await openConsole(page, CONSOLES.taobaoSold, morning);
    await inPanel(page, `[data-kf="fu-row"][data-order-id="${ORDER}"]`).waitFor();

    const popup = await openPopup(h);
    const now = await popup.evaluate(() => Date.now());
    expect(now).toBeGreaterThanOrEqual(at);
    expect(now).toBeLessThan(at + 5 * 60_000);
    const row = delayRow(popup);
    await expect.poll(async () => {
      await expandAll(popup);
      return row.count();
    }).toBe(1);
    expect(await row.getAttribute('data-section')).toBe('overdue');
    expect(await row.locator('[data-kf="followup-title"]').textContent()).toBe('延迟发货：雨后彩虹_lily');
    // Due the morning after the ship day (08:00), and the hours count from there: 25 of them, said beside it.
    expect(await row.locator('[data-kf="followup-reason"]').textContent()).toContain(`应在 ${bjDate(2)} 发出`);
    expect(await row.locator('[data-kf="followup-when"]').textContent()).toBe(`已逾期 25 小时（截止 ${short(bjDate(1))} 08:00）`);
    expect(await popup.locator('[data-kf="summary"]').getAttribute('data-overdue')).toBe('1');

    // H on the row, then the night shift (the next one).
    await row.click();
    await popup.keyboard.press('h');
    const picker = row.locator('[data-kf="handover-to"]');
    await picker.selectOption('shift:night');
    await expect.poll(() => popup.locator('[data-kf="popup-status"]').textContent()).toBe('已交给夜班');
    await expect.poll(() => row.locator('[data-kf="handover-tag"]').textContent()).toBe('交给夜班');
    expect(await row.locator('[data-kf="followup-when"]').textContent()).toBe(`已逾期 25 小时（截止 ${short(bjDate(1))} 08:00）`);
    expect(await popup.locator('[data-kf="summary"]').getAttribute('data-overdue')).toBe('1');
    // The title is read whole on one line: the long overdue time goes under it rather than cutting the buyer's
    // name in two (雨后彩虹 / _lily at the popup's width).
    expect((await row.locator('[data-kf="followup-title"]').boundingBox())!.height).toBeLessThan(24);
    await popup.close();

    // Opened again (what the night shift's agent does at 20:00 too): still overdue, not 截止 23:59.
    const again = await openPopup(h);
    await expandAll(again);
    expect(await again.locator('[data-kf="summary"]').getAttribute('data-overdue')).toBe('1');
    expect(await delayRow(again).locator('[data-kf="followup-when"]').textContent()).toMatch(/^已逾期 /);
    expect(await delayRow(again).locator('[data-kf="followup-when"]').textContent()).not.toContain('23:59');
    await again.close();
    await page.close();
  });

  it('a purple remark saved on its memo page (no buyer there) keeps 延迟发货：雨后彩虹_lily', { timeout: 120_000 }, async () => {
    const page = await h!.context.newPage();
    await openConsole(page, CONSOLES.taobaoMemo);
    await page.click('#flag5');
    const field = (k: string) => inPanel(page, `[data-kf="remark-form"] :is(input,select)[data-field="${k}"]`);
    await field('shipDate').waitFor();
    await field('shipDate').fill(bjDate(-4));
    await field('reason').fill('缺货');
    await inPanel(page, '[data-kf="remark-use"]').click();
    await expect.poll(() => page.inputValue('textarea#memo')).toContain('缺货');
    await page.click('#memoForm .btn');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __memo: { saves: string[] } }).__memo.saves.length)).toBe(1);

    const popup = await openPopup(h!);
    const row = delayRow(popup);
    // The remark's promise: the item now reads it (a check before the promised day), with the buyer still named.
    await expect.poll(async () => {
      await expandAll(popup);
      return row.locator('[data-kf="followup-reason"]').textContent();
    }).toContain(bjDate(-4));
    expect(await row.locator('[data-kf="followup-title"]').textContent()).toBe('延迟发货：雨后彩虹_lily');
    await popup.close();
    await page.close();
  });
});
