/**
 * Shapes of the live consoles that the fixtures did not show before QA pass U (2026-12-05), end to
 * end with the built extension:
 * - JD's order list holds more than the status in its status column: an unpaid order is read as
 *   unpaid (a 催付 follow-up), never as paid;
 * - JD 咚咚 rows whose pin is not on the row's own id (the name's title, or an imwaiter id on a
 *   wrapper): the buyer card still meets the order list's `.user-pin` buyer;
 * - a Taobao memo form with 取消 before 确定: the save gate watches 确定.
 */
import { describe, expect, it } from 'vitest';
import { allFollowups, cardReady, inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';

const s = extensionSuite({ shop: 'keep', pageErrors: true });

const openFollowups = () => allFollowups(s.ext);

describe('JD: an unpaid order on the order list, and its buyer in 咚咚', () => {
  // The fixture's unpaid order (302917220418), bought by the 咚咚 fixture's open buyer, whose pin is
  // not the name 咚咚 shows (京东用户_小满): only the pin can join them.
  const pinOfOpenBuyer = (html: string) => html.replace('<span class="user-pin">京东用户_小满</span>', '<span class="user-pin">jd_4f2a9c81</span>');

  for (const rows of ['title', 'wrapped'] as const) {
    it(`the order list makes a 催付 follow-up, and the buyer's card in 咚咚 shows it (pin ${rows === 'title' ? 'in the name’s title' : 'on a wrapper, imwaiter'})`, async () => {
      await openConsole(s.page, CONSOLES.jdOrders, pinOfOpenBuyer);
      await expect.poll(async () => (await openFollowups()).filter((f) => f.orderId === '302917220418').map((f) => [f.kind, f.buyerId])).toEqual([['unpaid', 'jd_4f2a9c81']]);
      // No other JD order is unpaid: none got a 催付.
      expect((await openFollowups()).filter((f) => f.kind === 'unpaid' && f.platform === 'jd').length).toBe(1);
      await openConsole(s.page, { ...CONSOLES.jd, url: `${CONSOLES.jd.url}?rows=${rows}` });
      await cardReady(s.page, '京东用户_小满');
      await inPanel(s.page, '[data-kf="customer-followup"][data-id="unpaid:302917220418"]').waitFor();
      expect(s.pageErrors).toEqual([]);
    });
  }
});

describe('JD: a list printing the short status word 待付款 (a 2026 JD list script reads it so)', () => {
  it('the order is unpaid (a 催付 follow-up), not unknown', async () => {
    await openConsole(s.page, CONSOLES.jdOrders, (html) => html.replace('<span>等待付款</span>', '<span>待付款</span>'));
    await expect.poll(async () => (await openFollowups()).filter((f) => f.orderId === '302917220418').map((f) => f.kind)).toEqual(['unpaid']);
    expect(s.pageErrors).toEqual([]);
  });
});

describe('Taobao memo page with 取消 before 确定', () => {
  const cancelFirst = (html: string) => html.replace('<a class="btn btn-primary"', '<a class="btn" href="#" role="button">取消</a> <a class="btn btn-primary"');

  it('holds an invalid remark when the agent clicks 确定, and 取消 stays a cancel', async () => {
    await openConsole(s.page, CONSOLES.taobaoMemo, cancelFirst);
    await s.page.fill('textarea#memo', '缺货');
    await s.page.click('#memoForm .btn-primary');
    await inPanel(s.page, '[data-kf="remark-held"]').waitFor();
    expect(await s.page.evaluate(() => (window as any).__memo.saves as string[])).toEqual([]);
    await s.page.click('#memoForm .btn:not(.btn-primary)');
    expect(await s.page.evaluate(() => (window as any).__memo.cancels as number)).toBe(1);
    expect(s.pageErrors).toEqual([]);
  });
});
