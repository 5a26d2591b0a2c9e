/**
 * A chat tab stays open all day and the agent switches buyers hundreds of times in it. The console
 * replaces its whole conversation view at every switch; nothing of the extension may keep the view
 * it took away (the panel's fit check once kept every replaced chat box in a ResizeObserver, and
 * with it the whole detached view: about 200 DOM nodes and 14 listeners a switch, without end —
 * 420,000 nodes after 2,000 switches).
 *
 * Counted, not timed: the page's DOM nodes and event listeners (DevTools' own counters, after a
 * forced full garbage collection), at the same conversation after the first round of switches and
 * after a second round as long. The first round fills what the page and the panel keep on purpose
 * (every buyer's card, drafts); a leak grows the second round as much as the first, a healthy page
 * not at all. The bound is this run's own: less than one conversation view over the whole round.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardReady, openDemoChat } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({ shop: 'close' });

async function counters(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
    return { nodes, listeners: jsEventListeners };
  } finally {
    await cdp.detach();
  }
}

describe('a chat tab where the agent switches buyers all day', () => {
  it('keeps none of the conversations it switched away from: a second round of switches leaves the page no bigger', async () => {
    const page = s.page;
    await openDemoChat(page, s.h.demoUrl);
    await page.bringToFront();
    const convs: { id: string; nick: string }[] = await page.evaluate(() =>
      (window as any).__demo.conversations().map((c: { id: string; nick: string }) => ({ id: c.id, nick: c.nick })),
    );
    expect(convs.length).toBeGreaterThan(2);
    await cardReady(page, await page.evaluate(() => (window as any).__demo.activeBuyer()));
    // Each round visits every conversation three times and ends where it started.
    const round = 3 * convs.length;
    let n = 0;
    const switchRound = async () => {
      for (let i = 0; i < round; i++) {
        const c = convs[++n % convs.length]!;
        await page.locator(`li.conv-item[data-buyer-id="${c.id}"]`).click();
        await cardReady(page, c.nick);
      }
    };

    const start = await counters(page);
    await switchRound();
    const first = await counters(page);
    /** One conversation view of the console, as drawn now: what a kept one would cost. */
    const view = await page.evaluate(() => {
      let count = 1;
      const walk = document.createTreeWalker(document.querySelector('.chat-view')!, NodeFilter.SHOW_ALL);
      while (walk.nextNode()) count++;
      return count;
    });
    await switchRound();
    const second = await counters(page);

    const report = JSON.stringify({ switchesPerRound: round, start, first, second, view });
    expect(second.nodes - first.nodes, report).toBeLessThan(view);
    expect(second.listeners - first.listeners, report).toBeLessThan(round);
  }, 240_000);
});
