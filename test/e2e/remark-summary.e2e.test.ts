/**
 * The order list's remark summary says how many orders it checked, and never that every remark on
 * the page is fine when the page shows orders it did not read. Before, on the Taobao sold list with
 * two orders' tables moved into an element the adapter does not know (a layout change), it read the
 * first order only and said 本页备注都符合规范 over the other two, one of them with a bad remark.
 */
import { describe, expect, it } from 'vitest';
import { inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';

const s = extensionSuite({ pageErrors: true });

/** The second and third orders' tables wrapped in an element the adapter does not know. */
const wrapLastTwo = (html: string) => html.replace(/(<\/table>\s*)(<table>[\s\S]*<\/table>)/, '$1<div class="order-group">$2</div>');
/** The list body's class renamed: no order table is found at all. */
const renameBody = (html: string) => html.replace('class="next-table-body"', 'class="next-table-content"');
/** The list without its third order (the one whose remark breaks the rules). */
const dropThird = (html: string) => html.replace(/<table>(?:(?!<table>)[\s\S])*?370812736450918273[\s\S]*?<\/table>/, '');

const summary = () => inPanel(s.page, '[data-kf="remark-lint-summary"]');
const countLine = () => inPanel(s.page, '[data-kf="remark-lint-count"]');
const notRead = () => inPanel(s.page, '[data-kf="remark-unread"][data-part="orders"]');

describe('the Taobao sold list’s remark summary', () => {
  it('the whole list read: says how many orders it checked and how many remarks break the rules', async () => {
    await openConsole(s.page, CONSOLES.taobaoSold);
    await expect.poll(() => countLine().textContent()).toBe('本页检查了 3 个订单，1 条备注不符合规范');
    expect(await notRead().count()).toBe(0);
    expect(s.pageErrors).toEqual([]);
  });

  it('every order read and fine: says all fine, with the count', async () => {
    await openConsole(s.page, CONSOLES.taobaoSold, dropThird);
    await expect.poll(() => countLine().textContent()).toBe('本页检查了 2 个订单，备注都符合规范');
    expect(await notRead().count()).toBe(0);
  });

  it('two orders in an element it does not know: says 1 checked and 2 not read, never 都符合规范', async () => {
    await openConsole(s.page, CONSOLES.taobaoSold, wrapLastTwo);
    await expect.poll(() => notRead().textContent()).toContain('页面上有 3 个订单编号，其中 2 单没有读到');
    expect(await notRead().textContent()).toContain('检查页面');
    expect(await countLine().textContent()).toBe('本页检查了 1 个订单，读到的备注符合规范');
    expect(await summary().textContent()).not.toContain('都符合规范');
    expect(s.pageErrors).toEqual([]);
  });

  it('the list body renamed (no order read): says none was checked and 3 not read', async () => {
    await openConsole(s.page, CONSOLES.taobaoSold, renameBody);
    await expect.poll(() => notRead().textContent()).toContain('页面上有 3 个订单编号，其中 3 单没有读到');
    expect(await countLine().textContent()).toBe('本页没有检查任何订单的备注');
    expect(await summary().textContent()).not.toContain('都符合规范');
  });
});

describe('the Taobao sold list’s remark summary, in English', () => {
  s.interfaceIn('en');

  it('counts what it checked, and says all fine only over a list read whole', async () => {
    await openConsole(s.page, CONSOLES.taobaoSold, dropThird);
    await expect.poll(() => countLine().textContent()).toBe('Checked 2 orders on this page: every remark follows the rules');
    await s.freshPage();
    await openConsole(s.page, CONSOLES.taobaoSold);
    await expect.poll(() => countLine().textContent()).toBe('Checked 3 orders on this page: 1 remark breaks the rules');
  });

  it('two orders in an element it does not know: says they were not read, not that every remark follows the rules', async () => {
    await openConsole(s.page, CONSOLES.taobaoSold, wrapLastTwo);
    await expect
      .poll(() => notRead().textContent())
      .toBe('The page shows 3 order numbers, and 2 of those orders could not be read (the page may have changed): their remarks were not checked. “Check page” shows what was not found.');
    expect(await countLine().textContent()).toBe('Checked 1 order on this page: the remark read follows the rules');
    expect(await summary().textContent()).not.toMatch(/every remark|[\u4e00-\u9fff]/);
    expect(s.pageErrors).toEqual([]);
  });
});
