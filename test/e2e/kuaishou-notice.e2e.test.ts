/**
 * The draft notice on Kuaishou 快手小店 at 1366×768 (keys3, 2026-12-07): the send box keeps a reply
 * the panel put in it for one buyer when the agent opens another, and the panel says so with 清空
 * and 知道了. In the panel's narrow width the sentence took the row and 知道了 broke into 知道 / 了,
 * two lines of a three-character button. Now each button stays on one line.
 */
import { describe, expect, it } from 'vitest';
import { cardReady, evaluateInPanel, inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, buyerName, openConsole } from './consoles';

const s = extensionSuite({ viewport: { width: 1366, height: 768 }, pageErrors: true });

describe('Kuaishou at 1366×768', () => {
  it('the draft notice’s 清空 and its dismiss button each stay on one line', async () => {
    await openConsole(s.page, CONSOLES.kuaishou);
    await cardReady(s.page, '橙子不酸');
    await inPanel(s.page, '[data-kf="search"]').fill('咨询高峰稍候');
    await inPanel(s.page, '[data-kf="results"] .kf-tpl-main').first().click();
    await expect.poll(() => s.page.evaluate(() => (window as any).__ks.draft() as string)).toContain('咨询的朋友比较多');
    await s.page.locator('.SessionBaseCard').filter({ hasText: '用户12' }).click();
    await expect.poll(() => buyerName(s.page)).toBe('用户12');
    await inPanel(s.page, '[data-kf="draft-left"]').waitFor();
    const buttons = await evaluateInPanel(s.page, (roots) =>
      Array.from(roots[0]!.querySelectorAll<HTMLElement>('[data-kf="draft-left"] button'), (b) => {
        const style = getComputedStyle(b);
        const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
        // …and inside the notice: the sentence makes the room, not the panel's edge.
        const inside = b.getBoundingClientRect().right <= b.parentElement!.getBoundingClientRect().right;
        return { kf: b.getAttribute('data-kf'), lines: Math.round(b.getBoundingClientRect().height / line), inside };
      }),
    );
    expect(buttons).toEqual([
      { kf: 'draft-left-clear', lines: 1, inside: true },
      { kf: 'draft-left-dismiss', lines: 1, inside: true },
    ]);
    expect(s.pageErrors).toEqual([]);
  });
});
