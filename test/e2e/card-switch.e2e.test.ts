/**
 * The buyer card at a conversation switch started by the agent's click on a row (lib/panel/README.md,
 * "A conversation switch"): the content script tells the card frame the row's buyer before the
 * page's own click handler runs, so the frame draws while the page switches; the page's read then
 * confirms the buyer or corrects the card. Real clicks (Playwright's, trusted) on the demo console.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { buyerNotesSuite } from './suite';
import { cardCaughtUp, cardFrame, cardReady, inPanel, openDemoChat } from './pages';

const s = buyerNotesSuite();

type Win = { __kfDrawn: string[]; __busy?: { start: number; end: number; header: string } };

/** Records in the card frame every buyer its card names from now on, with the time (epoch ms). */
async function watchCard(page: Page): Promise<Frame> {
  const frame = cardFrame(page)!;
  await frame.evaluate(() => {
    const w = window as unknown as Win & { __kfAt: Record<string, number> };
    w.__kfDrawn = [];
    w.__kfAt = {};
    const look = () => {
      const c = document.querySelector('[data-kf="customer-card"]');
      const who = c?.getAttribute('data-buyer') ?? '';
      if (who && w.__kfDrawn.at(-1) !== who) w.__kfDrawn.push(who);
      if (who && c?.getAttribute('data-state') === 'ready') w.__kfAt[who] ??= performance.timeOrigin + performance.now();
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    look();
  });
  return frame;
}
const drawnIn = (frame: Frame) => frame.evaluate(() => (window as unknown as Win).__kfDrawn);
const header = (page: Page) => page.locator('.chat-header .chat-buyer-nick').textContent();
const row = (page: Page, nick: string) => page.locator(`.conv-item[data-nick="${nick}"]`);

/**
 * Checks the card stays on `nick` (it is not put back on someone else later), ordered after all a
 * switch leaves pending, with no waiting for time: the page's frame after a click, when the panel
 * checks whether the page followed it (its callback, registered during the click, runs before this
 * one); the switch's full read, which the agent's pointer on the panel runs at once if it still
 * waits; and every message the content script has sent the card frame by then (cardCaughtUp).
 * The card names no one else meanwhile, not even for a moment.
 */
async function staysOn(page: Page, frame: Frame, nick: string): Promise<void> {
  await cardReady(page, nick);
  const drawn = await drawnIn(frame);
  expect(drawn.at(-1)).toBe(nick);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
  await inPanel(page, '[data-kf="buyer"] .kf-label').click();
  await cardCaughtUp(page);
  // Not even for a moment: the selection's own message names the open buyer again.
  expect(await drawnIn(frame)).toEqual(drawn);
  await cardReady(page, nick, 100);
}

describe("the card at a switch started by the agent's click on a conversation row", () => {
  it("is drawn from the click, while the page's own handler has not switched yet", async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    const frame = await watchCard(s.page);
    // A slow console: 1.5 s of the page's own work in the list before its row handler switches.
    await s.page.evaluate(() => {
      document.querySelector('ul.conv-list')!.addEventListener(
        'click',
        () => {
          const t0 = performance.now();
          while (performance.now() - t0 < 1500);
          (window as unknown as Win).__busy = {
            start: performance.timeOrigin + t0,
            end: performance.timeOrigin + performance.now(),
            header: document.querySelector('.chat-buyer-nick')?.textContent ?? '',
          };
        },
        { capture: true, once: true },
      );
    });
    await row(s.page, '爱吃橙子的猫').click();
    await cardReady(s.page, '爱吃橙子的猫');
    expect(await header(s.page)).toBe('爱吃橙子的猫');
    const busy = (await s.page.evaluate(() => (window as unknown as Win).__busy))!;
    const shownAt = await frame.evaluate(() => (window as unknown as { __kfAt: Record<string, number> }).__kfAt['爱吃橙子的猫']!);
    // The page still showed the previous buyer when its work ended; the card had the clicked one
    // well before (times from two processes' clocks: compared with a margin of 500 ms).
    expect(busy.header).toBe('米粒妈妈');
    expect(busy.end - busy.start).toBeGreaterThanOrEqual(1500);
    expect(shownAt).toBeLessThan(busy.end - 500);
    expect(await drawnIn(frame)).toEqual(['米粒妈妈', '爱吃橙子的猫']);
    await staysOn(s.page, frame, '爱吃橙子的猫');
  });

  it('goes back to the open buyer when the page ignores the click', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    const frame = await watchCard(s.page);
    // The page's list swallows this click before the row's own handler (after ours, on the document).
    await s.page.evaluate(() => {
      document.querySelector('ul.conv-list')!.addEventListener('click', (e) => e.stopPropagation(), { capture: true, once: true });
    });
    await row(s.page, '爱吃橙子的猫').click();
    await expect.poll(() => drawnIn(frame)).toEqual(['米粒妈妈', '爱吃橙子的猫', '米粒妈妈']);
    expect(await header(s.page)).toBe('米粒妈妈');
    await staysOn(s.page, frame, '米粒妈妈');
    // The next click the page follows is drawn as usual.
    await row(s.page, '爱吃橙子的猫').click();
    await staysOn(s.page, frame, '爱吃橙子的猫');
  });

  it('shows the buyer the page opened when the row named someone else', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    const frame = await watchCard(s.page);
    // The row reads as 小鹿乱撞0521 (u-1001); the page's handler opens its own conversation, 爱吃橙子的猫.
    await s.page.evaluate(() => {
      const li = document.querySelector<HTMLElement>('.conv-item[data-nick="爱吃橙子的猫"]')!;
      li.dataset.buyerId = 'u-1001';
      li.querySelector('.conv-nick')!.textContent = '小鹿乱撞0521';
    });
    await s.page.locator('.conv-item[data-nick="爱吃橙子的猫"]').click();
    expect(await header(s.page)).toBe('爱吃橙子的猫');
    await staysOn(s.page, frame, '爱吃橙子的猫');
    expect(await drawnIn(frame)).toEqual(['米粒妈妈', '小鹿乱撞0521', '爱吃橙子的猫']);
  });

  it('follows switches without a click of the agent (the page’s own script, history) as before', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    const frame = await watchCard(s.page);
    // A click the page dispatched itself is not the agent's: the page's switch is read as before.
    await s.page.evaluate(() => document.querySelector<HTMLElement>('.conv-item[data-nick="爱吃橙子的猫"]')!.click());
    await staysOn(s.page, frame, '爱吃橙子的猫');
    // An in-page navigation of the page's own (back/forward).
    await s.page.evaluate(() => {
      history.pushState(null, '', '/chat/u-1001');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await staysOn(s.page, frame, '小鹿乱撞0521');
    expect(await drawnIn(frame)).toEqual(['米粒妈妈', '爱吃橙子的猫', '小鹿乱撞0521']);
  });
});
