/**
 * A buyer whose nickname is one long unbroken run (120 letters and digits, no spaces) on every
 * console fixture at 1366×768, in Chromium with the built extension: wherever the panel names that
 * buyer — the header, the buyer card, replies filled with the nickname, the 等待中 list, the line
 * about an unfinished 承诺答复 — the text breaks (or is ellipsised) inside the panel, with the full
 * name still there to read (as text, or as the item's title). It used to run 700+ px past the
 * panel's edge, out of sight, with the rows' buttons pushed out along with it.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardFrame, cardReady, evaluateInPanel, inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, buyerName, openConsole } from './consoles';

const LONG = 'Kf9'.repeat(40); // 120 characters, nowhere to break

const s = extensionSuite({ viewport: { width: 1366, height: 768 }, shop: 'none' });

/**
 * The console renames the buyer `from` everywhere it shows them (text and attributes such as title),
 * breaking the name inside its own columns as a real console does (else the page itself grows wider
 * than the window, and the panel folds, rightly, for a console that cannot be narrowed).
 */
async function rename(p: Page, from: string, to: string): Promise<void> {
  await p.addStyleTag({ content: 'body * { overflow-wrap: anywhere; }' });
  await p.evaluate(
    ([from, to]) => {
      const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.nodeValue?.includes(from)) n.nodeValue = n.nodeValue.split(from).join(to);
      for (const el of document.body.querySelectorAll('*')) {
        for (const a of [...el.attributes]) if (a.value.includes(from)) el.setAttribute(a.name, a.value.split(from).join(to));
      }
    },
    [from, to] as const,
  );
}

/**
 * What of the panel is drawn past its right edge, where nobody can see or click it: each element's
 * box as far as its own clipping ancestors inside the panel let it show (an ellipsised name is
 * clipped, not past the edge); and the buyer card's page wider than its frame.
 */
async function pastTheEdge(p: Page): Promise<string[]> {
  const inRoot = await evaluateInPanel(p, (roots) => {
    const out: string[] = [];
    for (const root of roots) {
      const panel = root.querySelector('[data-kf="panel"]');
      if (!panel) continue;
      const edge = panel.getBoundingClientRect().right;
      // Elements and the text in them (a word can run out of a box that itself fits).
      const walk = document.createTreeWalker(panel, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const el = n instanceof Element ? n : n.parentElement!;
        const range = document.createRange();
        range.selectNodeContents(n);
        const box = n instanceof Element ? n.getBoundingClientRect() : range.getBoundingClientRect();
        if (!box.width) continue;
        let right = box.right;
        for (let a = n instanceof Element ? el.parentElement : el; a && a !== panel; a = a.parentElement) {
          if (getComputedStyle(a).overflowX !== 'visible') right = Math.min(right, a.getBoundingClientRect().right);
        }
        const what = `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}[data-kf=${el.getAttribute('data-kf') ?? ''}]${n instanceof Element ? '' : ' text'}`;
        if (right > edge + 1) out.push(`${what} ${Math.round(right - edge)} px past`);
      }
    }
    return out;
  });
  const card = cardFrame(p);
  const inCard = card ? await card.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth).catch(() => 0) : 0;
  return inCard > 0 ? [...inRoot, `the buyer card, ${inCard} px past`] : inRoot;
}

describe('a buyer with a 120-character nickname and no spaces', () => {
  it('on the Pinduoduo console: header, card, filled replies, the 等待中 list and the unfinished 承诺答复 line stay inside the panel, the full name kept', async () => {
    await openConsole(s.page, CONSOLES.pdd);
    await cardReady(s.page, 'S*******n');
    await rename(s.page, 'S*******n', LONG);
    await expect.poll(() => buyerName(s.page)).toBe(LONG);
    await cardReady(s.page, LONG);
    // The replies filled with the nickname (the suggestions' previews) are there.
    await expect.poll(() => evaluateInPanel(s.page, (roots, name) => roots.some((r) => [...r.querySelectorAll('.kf-tpl-body')].some((b) => b.textContent!.includes(name))), LONG)).toBe(true);
    expect(await pastTheEdge(s.page)).toEqual([]);

    // A promised answer begun for them, then another buyer opened: they wait in the list, and a line names them.
    await inPanel(s.page, '[data-kf="fu-promised"]').click();
    await inPanel(s.page, '[data-kf="fu-note"]').fill('查一下仓库再回复');
    await s.page.locator('.all-chat-list .chat-item-box[data-random^="5931407726-"]').click();
    await expect.poll(() => buyerName(s.page)).toBe('橘子汽水2020');
    await inPanel(s.page, '[data-kf="fu-unsaved"]').waitFor();
    expect(await inPanel(s.page, '[data-kf="fu-unsaved"]').textContent()).toContain(LONG);
    const waiting = inPanel(s.page, `[data-kf="clock-item"][data-key="7205118833"]`);
    expect(await waiting.getAttribute('title')).toContain(LONG);
    expect(await pastTheEdge(s.page)).toEqual([]);
  });

  it('on every other console fixture: the panel stays inside its edge', async () => {
    // The chat consoles name their buyer in the header; of the order pages, only an order's detail page
    // (Taobao's 订单详情: one buyer, whose card it shows) names one.
    const named = ['jd', 'douyin', 'douyinV2', 'kuaishou', 'taobaoDetail'];
    const renamed: string[] = [];
    for (const [name, fx] of Object.entries(CONSOLES)) {
      if (fx === CONSOLES.pdd) continue;
      await openConsole(s.page, fx);
      // The panel is up before it has read the buyer: wait for the name where there is one.
      if (named.includes(name)) await expect.poll(() => inPanel(s.page, '[data-kf="buyer-name"] bdi').count(), { message: name }).toBeGreaterThan(0);
      const was = (await inPanel(s.page, '[data-kf="buyer-name"] bdi').count()) ? await buyerName(s.page) : null;
      if (was) {
        // Douyin's header holds labels after the name, as the live one does (添加备注): the name alone is read.
        if (fx.file.startsWith('douyin')) {
          await s.page.evaluate(() => document.querySelector('#topbar-left-info *:not(:has(*))')!.insertAdjacentHTML('afterend', '<span>添加备注</span><span>老客户</span>'));
        }
        await rename(s.page, was, LONG);
        await expect.poll(() => buyerName(s.page), { message: name }).toBe(LONG);
        renamed.push(name);
      }
      expect(await pastTheEdge(s.page), name).toEqual([]);
    }
    // Every chat console and the order's detail page named its buyer, and no list or memo page did.
    expect(renamed.sort()).toEqual(named.sort());
  });
});
