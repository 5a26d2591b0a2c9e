/**
 * Alt+R, the remark key, with the panel folded (panel9, 2026-12-07, from a JD walk). It goes to the
 * panel's remark form, which is there only beside an open remark box (keys-qa: from the demo's
 * remark dialog it opens a folded panel and the form takes the focus). Before, everywhere else the
 * key did nothing at all, folded or not: on the JD 咚咚 workbench, Pinduoduo and the demo's chat no
 * panel opened and no line said why. Now, like Alt+K, Alt+N and Alt+1…9 with the panel folded, it
 * opens the panel (for this page), and on a chat page a line says the remark form needs an order's
 * remark box open; the agent's caret stays in the chat box. On an order page with no box open the
 * panel opens on its remark section, which says the same in its own words.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, evaluateInPanel, inPanel, openDemoChat, openDemoOrders } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';

const s = extensionSuite({});

const OPEN_BOX = 'Alt+R 跳到备注表单，但现在没有打开的备注框：先在订单上点“备注”（或旗帜）打开这个订单的备注框，表单就会出现在这里。';
const NO_BOX = 'Alt+R 用来写订单备注，但这个页面上没有打开的备注框：请先在订单页打开这个订单的备注框，再按 Alt+R。';

async function fold(p: Page): Promise<void> {
  await inPanel(p, '[data-kf="collapse"]').click();
  await inPanel(p, '[data-kf="expand"]').waitFor();
}
// The agent's 收起 is remembered: put back for the next tests.
const unfold = () => callFromExtensionPage(s.ext, 'patchSettings', { panel: { collapsed: false } });
const notice = (p: Page) => inPanel(p, '[data-kf="notice"]');
const focused = (p: Page, selector: string) => p.evaluate((css) => !!document.activeElement?.matches(css), selector);

describe.each([
  { name: 'JD 咚咚', open: (p: Page) => openConsole(p, CONSOLES.jd), input: '.EditorContent' },
  { name: 'Pinduoduo', open: (p: Page) => openConsole(p, CONSOLES.pdd), input: '#replyTextarea' },
  { name: 'the demo’s chat', open: (p: Page) => openDemoChat(p, s.h.demoUrl, { input: 'textarea' }), input: '.chat-editor .chat-input' },
])('Alt+R on a chat page ($name)', ({ open, input }) => {
  it('folded: opens the panel with a line saying the remark form needs an order’s remark box; the caret stays in the chat box', async () => {
    await open(s.page);
    await inPanel(s.page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
    await fold(s.page);
    try {
      await s.page.click(input);
      await s.page.keyboard.press('Alt+r');
      await inPanel(s.page, '[data-kf="panel"]').waitFor();
      expect(await inPanel(s.page, '[data-kf="expand"]').count()).toBe(0);
      await expect.poll(() => notice(s.page).textContent()).toContain(NO_BOX);
      expect(await focused(s.page, input)).toBe(true);
    } finally {
      await unfold();
    }
  });

  it('open: says the same instead of nothing', async () => {
    await open(s.page);
    await inPanel(s.page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
    await s.page.click(input);
    await s.page.keyboard.press('Alt+r');
    await expect.poll(() => notice(s.page).textContent()).toContain(NO_BOX);
  });
});

describe('Alt+R on an order page with no remark box open (the demo’s orders)', () => {
  it('folded: opens the panel on its remark section, which says a box must be opened first', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    await inPanel(s.page, '[data-kf="remarks"]').waitFor();
    await fold(s.page);
    try {
      await s.page.locator('body').click({ position: { x: 5, y: 5 } });
      await s.page.keyboard.press('Alt+r');
      await inPanel(s.page, '[data-kf="panel"]').waitFor();
      await expect.poll(() => inPanel(s.page, '[data-kf="remark-lint-summary"]').textContent()).toContain('打开订单的备注框后');
    } finally {
      await unfold();
    }
  });

  // keys3: with the panel open the key did nothing at all — no line, no move — on an order page
  // whose remark box the helper can find once one is open.
  it('open: says where to open the box, the line in sight in the panel', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    await inPanel(s.page, '[data-kf="remarks"]').waitFor();
    await s.page.locator('body').click({ position: { x: 5, y: 5 } });
    await s.page.keyboard.press('Alt+r');
    const line = inPanel(s.page, '[data-kf="remark-notice"]');
    await expect.poll(() => line.textContent()).toBe(OPEN_BOX);
    const inSight = () =>
      evaluateInPanel(s.page, (roots) => {
        const box = roots[0]!.querySelector('[data-kf="panel"]')!.getBoundingClientRect();
        const r = roots[0]!.querySelector('[data-kf="remark-notice"]')!.getBoundingClientRect();
        return r.top >= box.top && r.bottom <= box.bottom;
      });
    await expect.poll(inSight).toBe(true);
  });
});
