/**
 * The page check's order count on Taobao's sold list (2026-12-05: it counted the search form's fields and sub-orders as orders). It counts the
 * parent orders of the list body, one id per order head: the search form's 订单编号 / 订单号 fields
 * above the list and a sub-order's own 订单号 line are no orders. Before, any text after either label
 * anywhere on the page counted, so a list read right said ✗ "读到 3 条，页面上却有 5 个订单编号", and
 * the single-order memo page, which has no list, said "页面上却有 1 个订单编号". Both languages.
 */
import { describe, expect, it } from 'vitest';
import { inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole, type ConsoleFixture } from './consoles';

const s = extensionSuite({ pageErrors: true });

/** All three orders' rows in one body table: a grouping the adapter does not know, read as one order. */
const merged = (html: string) => html.replace(/<\/tbody>\s*<\/table>\s*<table>\s*<tbody>/g, '');

/** Opens `fx` and the page check; its orders line (✓/✗ and text) and its remark-editor line's ✓/✗, if any. */
async function checkLines(fx: ConsoleFixture, transform?: (html: string) => string) {
  await openConsole(s.page, fx, transform);
  await inPanel(s.page, '[data-kf="check-open"]').click();
  await inPanel(s.page, '[data-kf="page-check"]').waitFor();
  const orders = inPanel(s.page, '[data-kf="check-line"][data-what="orders"]');
  await orders.waitFor();
  return { ok: await orders.getAttribute('data-ok'), text: (await orders.textContent()) ?? '' };
}

describe('the page check counts the sold list’s orders, not every order-id label on the page', () => {
  it('a list read right is ✓ 3 beside a search form with 订单编号 / 订单号 fields and a sub-order’s 订单号 line', async () => {
    const line = await checkLines(CONSOLES.taobaoSold);
    // The fixture carries both: the search form above the list, a second id inside the second order.
    expect(await s.page.locator('form', { hasText: '订单编号' }).count()).toBe(1);
    expect(await s.page.locator('div.next-table-body > table').nth(1).getByText('订单号：').count()).toBe(2);
    expect(line.ok).toBe('true');
    expect(line.text).toContain('订单行 3 条');
    expect(line.text).not.toContain('页面上却有');
    // Every order was read: the third one's bad remark is marked on its own table.
    expect(await s.page.locator('div.next-table-body > table:has(> [data-kf="remark-lint"])').textContent()).toContain('370812736450918273');
    expect(s.pageErrors).toEqual([]);
  });

  it('orders merged into one table are still ✗ with the list’s own count (3), not the page’s labels', async () => {
    const line = await checkLines(CONSOLES.taobaoSold, merged);
    expect(line.ok).toBe('false');
    expect(line.text).toContain('读到 1 条，页面上却有 3 个订单编号');
  });

  it('the single-order memo page makes no claim about a list', async () => {
    const line = await checkLines(CONSOLES.taobaoMemo);
    expect(line.text).not.toContain('页面上却有');
    expect(line.text).not.toContain('订单编号');
    expect(await inPanel(s.page, '[data-kf="check-line"][data-what="remark-editor"]').getAttribute('data-ok')).toBe('true');
  });
});

describe('the same in English', () => {
  s.interfaceIn('en');

  it('a list read right is ✓ 3 beside the search form and the sub-order line', async () => {
    const line = await checkLines(CONSOLES.taobaoSold);
    expect(line.ok).toBe('true');
    expect(line.text).toMatch(/Order rows\s*3$/);
  });

  it('orders merged into one table: read 1, shown 3', async () => {
    const line = await checkLines(CONSOLES.taobaoSold, merged);
    expect(line.ok).toBe('false');
    expect(line.text).toContain('read 1, but the page shows 3 order numbers');
  });

  it('the memo page makes no claim about a list', async () => {
    const line = await checkLines(CONSOLES.taobaoMemo);
    expect(line.text).not.toContain('order numbers');
    expect(line.text).not.toContain('the page shows');
  });
});
