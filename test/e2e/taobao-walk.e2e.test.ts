/**
 * A Taobao shop agent's day on the order pages (walk8, 2026-12-07), at a 1366×768 screen, on the
 * legacy memo page (test/fixtures/taobao-memo.html).
 * - A re-send typed by hand under the red flag (补发… 原因：发错货) was checked as a gray 无效订单 remark
 *   ("请改旗帜或改备注"): 原因 is a label of the gray rule, and of others. Re-flagged gray, it would not ship.
 * - In the English interface the remark form's preview broke words and dates anywhere
 *   (`word-break: break-all`): its empty text read "The remark appears once the required fields are fill / ed".
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluateInPanel, inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';

const s = extensionSuite({ viewport: { width: 1366, height: 768 }, pageErrors: true });

/** The words of the remark preview's text that the panel draws across two lines (each word should sit on one). */
const splitWords = (page: Page) =>
  evaluateInPanel(page, (roots) => {
    const box = roots.map((r) => r.querySelector('[data-kf="remark-preview"]')).find(Boolean)!;
    const split: string[] = [];
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const m of node.textContent!.matchAll(/[A-Za-z0-9][A-Za-z0-9.-]*/g)) {
        const range = document.createRange();
        range.setStart(node, m.index!);
        range.setEnd(node, m.index! + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push(m[0]);
      }
    }
    return split;
  });

describe('a re-send typed by hand on the Taobao memo page', () => {
  it('under the red flag is told what the red flag asks, not that it was written for the gray flag (无效订单)', async () => {
    await openConsole(s.page, CONSOLES.taobaoMemo);
    await s.page.click('#flag1');
    await s.page.fill('textarea#memo', '补发：白色M码 原因：发错货 小美 12/8');
    const check = inPanel(s.page, '[data-kf="remark-check"]');
    await expect.poll(() => check.textContent()).toContain('已核对可发货');
    expect(await check.textContent()).not.toContain('无效订单');
    expect(await check.textContent()).not.toContain('灰旗');
    expect(s.pageErrors).toEqual([]);
  });
});

describe('the remark form’s preview on the Taobao memo page, English interface, 1366×768', () => {
  s.interfaceIn('en');

  it('wraps between words: no English word nor date of the preview is cut over two lines', async () => {
    await openConsole(s.page, CONSOLES.taobaoMemo);
    await s.page.click('#flag5');
    const preview = inPanel(s.page, '[data-kf="remark-preview"]');
    await expect.poll(() => preview.textContent()).toBe('The remark appears once the required fields are filled');
    // It takes two lines in the panel's width: where it breaks is what the agent reads.
    expect((await preview.boundingBox())!.height).toBeGreaterThan(40);
    expect(await splitWords(s.page)).toEqual([]);
    // A filled line: the ship date and the signature's date stay whole.
    await inPanel(s.page, '[data-kf="remark-form"] input[data-field="shipDate"]').fill('2030-12-12');
    await inPanel(s.page, '[data-kf="remark-form"] input[data-field="reason"]').fill('Out of stock, restock due from the supplier in Ningbo');
    await expect.poll(() => preview.textContent()).toMatch(/^【延迟发货】可发货日：2030-12-12｜原因：Out of stock/);
    expect(await splitWords(s.page)).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
