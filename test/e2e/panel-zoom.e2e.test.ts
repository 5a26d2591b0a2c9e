/**
 * The chat box and its 发送 beside the open panel on a zoomed laptop screen, in Chromium with the
 * built extension: 1280×720 at 150% (an 853×480 CSS viewport drawn at 1.5 device pixels per CSS
 * pixel) and 1366×768 at 125% (1093×614 at 1.25).
 * - The bundled demo console (what `npm run demo` shows a new user first) keeps its chat box and 发送
 *   in the window, the page's to click and type in, beside the open panel. It used to lay out its
 *   chat in fixed side columns around a flexible middle, in a row as tall as its messages: at 150%
 *   the chat box was 18 px wide and 1,950 px down, at 125% 发送 was cut off at the window's bottom.
 * - A console laid out like that (fixed columns around its chat; the demo with its columns pinned
 *   stands for it) narrows for the panel, but its chat box does not survive it: the panel starts
 *   folded, saying why, and the chat box is the page's at a usable width.
 * - The fixture consoles keep the panel open beside a chat box and 发送 that are the page's.
 * Hit tests use the page's own `elementFromPoint`: what the agent's click would land on.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { coveredCorners, demo, evaluateInPanel, inPanel, panel, type InputKind } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole, type ConsoleFixture } from './consoles';

const SIZES = [
  { name: '1280×720 at 150%', viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 },
  { name: '1366×768 at 125%', viewport: { width: 1093, height: 614 }, deviceScaleFactor: 1.25 },
];
const CHAT_FIXTURES: [string, ConsoleFixture, string, string][] = [
  ['Pinduoduo', CONSOLES.pdd, '#replyTextarea', 'button.send-btn'],
  ['JD 咚咚', CONSOLES.jd, '.EditorContent[contenteditable="true"]', '.SendButtonGroup > .send-button'],
  ['Douyin', CONSOLES.douyin, 'textarea[data-qa-id="qa-send-message-textarea"]', '[data-qa-id="qa-send-message-button"]'],
  ['Kuaishou', CONSOLES.kuaishou, '.SendBox div.ql-editor[contenteditable="true"]', 'button.ant-btn-primary'],
];
const DEMO_CSS = readFileSync(resolve(import.meta.dirname, '..', 'demo', 'site', 'app.css'), 'utf8');
/** A console whose chat sits between fixed side columns, whatever width the page is given. */
const FIXED_COLUMNS = `.chat-view { grid-template-columns: 260px minmax(0, 1fr) 240px !important; } .buyer-side { display: block !important; }`;


/** The chat box and 发送 are the page's, whole, and the chat box is wide enough to write in. */
async function usable(input: Locator, send: Locator, what: string) {
  await expect.poll(() => coveredCorners(input), { message: `${what}: chat box` }).toEqual([]);
  await expect.poll(() => coveredCorners(send), { message: `${what}: 发送` }).toEqual([]);
  expect((await input.boundingBox())!.width, `${what}: chat box width`).toBeGreaterThanOrEqual(160);
}

const folded = (p: Page) => inPanel(p, '[data-kf="expand"]').count();
const panelWidth = (p: Page) => evaluateInPanel(p, (roots) => Math.round(roots.map((r) => r.querySelector('[data-kf="panel"]')).find(Boolean)!.getBoundingClientRect().width));

/** The demo chat with automatic buyer messages off, once the panel has read it (open or folded). */
async function openDemo(p: Page, demoUrl: string, input: InputKind) {
  await p.goto(`${demoUrl}/chat?input=${input}&auto=0`);
  await inPanel(p, '[data-kf="panel"], [data-kf="expand"]').first().waitFor();
}

for (const size of SIZES) {
  describe(size.name, () => {
    const s = extensionSuite({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, shop: 'close' });

    it('the demo console keeps its chat box and 发送 in the window beside the open panel: the agent clicks into it and types', async () => {
      for (const kind of ['textarea', 'contenteditable'] as const) {
        await openDemo(s.page, s.h.demoUrl, kind);
        await panel(s.page).waitFor();
        const input = s.page.locator('.chat-editor .chat-input');
        await usable(input, s.page.locator('.chat-editor .send-btn'), kind);
        expect(await folded(s.page), kind).toBe(0);
        expect(await panelWidth(s.page), kind).toBe(340);
        // No sideways scrolling: the s.page fits beside the panel.
        expect(await s.page.evaluate(() => document.documentElement.scrollWidth), kind).toBe(size.viewport.width);
        await input.click();
        await s.page.keyboard.insertText('稍等我查一下');
        await expect.poll(() => demo.draft(s.page), { message: kind }).toContain('稍等我查一下');
        expect(await demo.sent(s.page), kind).toBe(0);
      }
    });

    it('a console whose chat sits between fixed columns: the panel folds when the chat box would be too narrow to use, saying why; else it stays open', async () => {
      await s.page.route('**/app.css', (r) => r.fulfill({ contentType: 'text/css', body: DEMO_CSS + FIXED_COLUMNS }));
      await openDemo(s.page, s.h.demoUrl, 'textarea');
      const input = s.page.locator('.chat-editor .chat-input');
      const send = s.page.locator('.chat-editor .send-btn');
      // 853 − 340 leave 13 px between the columns; 1093 − 340 leave 253 px, enough to write in.
      if (size.viewport.width - 340 - 500 < 160) {
        const tab = inPanel(s.page, '[data-kf="expand"]');
        await tab.waitFor();
        expect(await tab.getAttribute('title')).toContain('聊天框太窄');
        await usable(input, send, 'folded panel');
        // Opened by the agent, the panel says why it was folded, and stays open.
        await tab.click();
        await panel(s.page).waitFor();
        expect(await inPanel(s.page, '[data-kf="notice"]').textContent()).toContain('聊天框太窄');
        await s.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        expect(await folded(s.page)).toBe(0);
      } else {
        await panel(s.page).waitFor();
        await usable(input, send, 'open panel');
        expect(await folded(s.page)).toBe(0);
      }
    });

    it('the fixture consoles keep the panel open beside a chat box and 发送 that are the page’s; their order pages keep it open', async () => {
      for (const [name, fx, input, send] of CHAT_FIXTURES) {
        await openConsole(s.page, fx);
        await usable(s.page.locator(input), s.page.locator(send, { hasText: '发送' }), name);
        expect(await folded(s.page), name).toBe(0);
        expect(await panelWidth(s.page), name).toBe(340);
      }
      for (const fx of [CONSOLES.taobaoSold, CONSOLES.jdOrders]) {
        await openConsole(s.page, fx);
        expect(await folded(s.page), fx.file).toBe(0);
      }
    });
  });
}
