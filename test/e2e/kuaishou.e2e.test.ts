/**
 * Kuaishou 快手小店 on its fixture (one source, unconfirmed): a buyer whose name ends in digits keeps
 * them in the months written with one digit (the sender line runs name and time together), and the
 * 请在3分钟内回复 / 已超时 groups of the session list are the 等待中 list.
 */
import { describe, expect, it } from 'vitest';
import { cardReady, inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, buyerName, openConsole } from './consoles';

const s = extensionSuite({ shop: 'close', pageErrors: true });

const openCard = (name: string) => s.page.locator('.SessionBaseCard').filter({ hasText: name }).click();
const setDate = (month: number, day: number) => s.page.evaluate(([m, d]) => (window as any).__ks.setDate(m, d), [month, day]);
const waitingKeys = () => inPanel(s.page, '[data-kf="clock-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));

describe('Kuaishou', () => {
  it('in January, 用户12 and 用户13 are two buyers with their own cards, and in September 小王88 keeps both 8s', async () => {
    await openConsole(s.page, CONSOLES.kuaishou);
    await cardReady(s.page, '橙子不酸');
    await setDate(1, 5);
    await openCard('用户12');
    await expect.poll(() => buyerName(s.page)).toBe('用户12');
    await cardReady(s.page, '用户12');
    await openCard('用户13');
    await expect.poll(() => buyerName(s.page)).toBe('用户13');
    await cardReady(s.page, '用户13');
    await setDate(9, 30);
    await openCard('小王88');
    await expect.poll(() => buyerName(s.page)).toBe('小王88');
    await cardReady(s.page, '小王88');
    expect(s.pageErrors).toEqual([]);
  });

  it('等待中 lists the buyers of 请在3分钟内回复 and 已超时 (the overdue first), never 已回复 nor the open buyer; a click opens one', async () => {
    await openConsole(s.page, CONSOLES.kuaishou);
    await cardReady(s.page, '橙子不酸');
    // 用户13's card adds an order count to the name: the list keys the buyer without it.
    await expect.poll(waitingKeys).toEqual(['用户13', '小王88', '用户12']);
    await inPanel(s.page, '[data-kf="clock-item"][data-key="小王88"]').click();
    await expect.poll(() => buyerName(s.page)).toBe('小王88');
    await expect.poll(waitingKeys).toEqual(['用户13', '橙子不酸', '用户12']);
    expect(await inPanel(s.page, '[data-kf="clock-list"]').textContent()).not.toContain('阿木木');
    expect(s.pageErrors).toEqual([]);
  });
});
