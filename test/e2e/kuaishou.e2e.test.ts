/**
 * Kuaishou 快手小店 on its fixture (one source, unconfirmed): a buyer whose name ends in digits keeps
 * them in the months written with one digit (the sender line runs name and time together), the
 * 请在3分钟内回复 / 已超时 groups of the session list are the 等待中 list (a folded one is no empty
 * one), a platform promotion on the shop's side is no reply, and replies go into the send box.
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

  it('a folded waiting group (its count shown, its cards not in the page): 等待中 says it cannot read the list, and shows it again unfolded', async () => {
    await openConsole(s.page, CONSOLES.kuaishou);
    await cardReady(s.page, '橙子不酸');
    await expect.poll(waitingKeys).toEqual(['用户13', '小王88', '用户12']);
    const unread = () => inPanel(s.page, '[data-kf="clock-list-unread"]').count();
    expect(await unread()).toBe(0);
    const overdueTitle = s.page.locator('.SessionListGroupItem-title', { hasText: '已超时' });
    await overdueTitle.click();
    await expect.poll(unread).toBe(1);
    // Not a list of the 3-minute group alone, as if nobody were overdue.
    expect(await waitingKeys()).toEqual([]);
    await overdueTitle.click();
    await expect.poll(waitingKeys).toEqual(['用户13', '小王88', '用户12']);
    expect(await unread()).toBe(0);
    expect(s.pageErrors).toEqual([]);
  });

  it('a platform promotion pushed after the buyer’s question answers nobody: the card’s clock keeps counting and the suggestions still answer the buyer', async () => {
    await openConsole(s.page, CONSOLES.kuaishou);
    await cardReady(s.page, '橙子不酸');
    const clock = inPanel(s.page, '[data-kf="customer-card"] [data-kf="clock"]');
    // The fixture's buyer asked on 11-30 and only the promotion came after: still waiting.
    await expect.poll(() => clock.getAttribute('data-level')).toBe('red');
    // The agent answers: that one does.
    await s.page.click('.SendBox .ql-editor');
    await s.page.keyboard.type('亲，白色很显白');
    await s.page.click('.SendBox .ant-btn-primary');
    await expect.poll(() => clock.getAttribute('data-level')).toBe('answered');
    await s.page.evaluate(() => (window as any).__ks.pushBuyerMessage('有没有M码'));
    await expect.poll(() => clock.getAttribute('data-level')).toBe('ok');
    // Another push lands, then the buyer writes again: both questions still wait for the agent.
    await s.page.evaluate(() => {
      const list = document.querySelector('.ChatMessageList')!;
      const promo = Array.from(list.querySelectorAll('.kwaishop-cs-LayoutDefaultWrapper_msgMain')).find((r) => r.textContent!.includes('立省'))!;
      list.append(promo.cloneNode(true));
    });
    await s.page.evaluate(() => (window as any).__ks.pushBuyerMessage('在吗'));
    await expect.poll(() => inPanel(s.page, '[data-kf="basis-msg"]').allTextContents()).toEqual(['有没有M码', '在吗']);
    expect(await clock.getAttribute('data-level')).toBe('ok');
    expect(s.pageErrors).toEqual([]);
  });

  it('the agent’s own reply quoting 券后价 answers the buyer (a text message is no promotion push): the card says answered', async () => {
    await openConsole(s.page, CONSOLES.kuaishou);
    await cardReady(s.page, '橙子不酸');
    const clock = inPanel(s.page, '[data-kf="customer-card"] [data-kf="clock"]');
    await expect.poll(() => clock.getAttribute('data-level')).toBe('red');
    await s.page.click('.SendBox .ql-editor');
    await s.page.keyboard.type('亲，白色显白，这款券后价只要79元');
    await s.page.click('.SendBox .ant-btn-primary');
    await expect.poll(() => clock.getAttribute('data-level')).toBe('answered');
    expect(s.pageErrors).toEqual([]);
  });

  it('a reply picked while the caret is in the buyer remark box (a Quill editor before the send box) goes into the send box', async () => {
    await openConsole(s.page, CONSOLES.kuaishou);
    await cardReady(s.page, '橙子不酸');
    await s.page.click('#remark-editor .ql-editor');
    await s.page.keyboard.type('老客户');
    await inPanel(s.page, '[data-kf="search"]').fill('咨询高峰稍候');
    await inPanel(s.page, '[data-kf="results"] .kf-tpl-main').first().click();
    await expect.poll(() => s.page.evaluate(() => (window as any).__ks.draft() as string)).toContain('咨询的朋友比较多');
    expect(await s.page.evaluate(() => (window as any).__ks.remark.getText() as string)).toBe('老客户\n');
    expect(await s.page.evaluate(() => (window as any).__ks.sent as unknown[])).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
