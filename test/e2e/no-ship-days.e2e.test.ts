/**
 * A shop that does not ship every day (QA pass W, defect 7): the owner ticks the weekdays in the
 * options page, and a reply's {付款发货} names the day it really ships, never 今天 or 明天 on a day
 * the warehouse is closed. Today's and tomorrow's weekdays (Beijing) are the ones ticked, so the
 * test holds on any day and at any hour: the shipping day is always the day after tomorrow.
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage, chatInput, clearOfMidnight, demo, inPanel, MIDNIGHT_WAIT_MS, openDemoChat } from './pages';
import { extensionSuite } from './suite';

const MIN = 60_000;
const s = extensionSuite();

/** Beijing's calendar day `days` from now: its weekday (0 = Sunday) and the date as agents write it (12月4日). */
const beijingDay = (days: number) => {
  const d = new Date(Date.now() + 8 * 60 * MIN + days * 24 * 60 * MIN);
  return { weekday: d.getUTCDay(), text: `${d.getUTCMonth() + 1}月${d.getUTCDate()}日` };
};
const WEEKDAY = '日一二三四五六';

describe('days the shop does not ship', () => {
  it('ticked in the options page, they are skipped by the reply’s shipping day: /cf names the day after tomorrow by its weekday', async () => {
    // Today and tomorrow are ticked: across the shop's midnight tomorrow would be today, and the day
    // after it (not ticked) would ship 明天. None starts in the day's last two minutes.
    await clearOfMidnight();
    const o = s.ext;
    await o.reload();
    await o.locator('[data-tab="shop"]').click();
    const form = o.locator('[data-kf="shop-settings"]');
    const [today, tomorrow] = [beijingDay(0), beijingDay(1)];
    await form.locator(`input[data-weekday="${today.weekday}"]`).check();
    await form.locator(`input[data-weekday="${tomorrow.weekday}"]`).check();
    // A date line that is no date is said and nothing is saved; corrected, the form saves.
    await form.locator('textarea[name="noShipDates"]').fill('国庆');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[data-kf="status"]').textContent()).toBe('没看懂不发货日期“国庆”，没有保存：请写成 2027-01-01 或 2027-02-05 ~ 2027-02-12');
    expect((await callFromExtensionPage<{ shop: { noShip?: unknown } }>(o, 'getSettings')).shop.noShip).toBeUndefined();
    await form.locator('textarea[name="noShipDates"]').fill('2031-10-01 至 2031-10-07');
    await form.locator('button[type=submit]').click();
    await expect.poll(() => form.locator('[data-kf="status"]').textContent()).toBe('已保存');
    try {
      const stored = await callFromExtensionPage<{ shop: { noShip?: { weekdays: number[]; dates: unknown[] } } }>(o, 'getSettings');
      expect(stored.shop.noShip?.weekdays).toEqual([today.weekday, tomorrow.weekday].sort());
      expect(stored.shop.noShip?.dates).toEqual([{ from: '2031-10-01', to: '2031-10-07' }]);

      await openDemoChat(s.page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
      await chatInput(s.page).click();
      await s.page.keyboard.press('Alt+K');
      await s.page.keyboard.type('/cf');
      const hit = inPanel(s.page, '[data-kf="results"] [data-template-id="pay-remind"] .kf-tpl-main');
      await hit.waitFor();
      await s.page.keyboard.press('Enter');
      // Read after the reply went in: a run across Beijing midnight names the day it was inserted on.
      const shipDay = beijingDay(2);
      const expected = `亲，看到您拍下的宝贝还没付款哦～现在付款，周${WEEKDAY[shipDay.weekday]}（${shipDay.text}）就能发出，早付款早收到，有什么疑问也可以问我～`;
      await expect.poll(() => demo.draft(s.page)).toBe(expected);
      expect(await demo.draft(s.page)).not.toMatch(/今天|明天/);
      expect(await demo.sent(s.page)).toBe(0);
    } finally {
      await callFromExtensionPage(o, 'patchSettings', { shop: { noShip: { weekdays: [], dates: [] } } });
    }
  }, 60_000 + MIDNIGHT_WAIT_MS);
});
