/**
 * An agent whose computer is set to UTC (the shop is in Beijing) and whose interface is English
 * (QA pass I, defects 3, 7 and 8): the card dates a note on the shop's day, every extension page is
 * titled in English, and English text draws its apostrophe from a Latin font (a CJK font draws ’
 * full-width: "buyer’ s").
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { callFromExtensionPage, cardFrame, cardReady, evaluateInPanel, inPanel, openDemoChat, openPopup } from './pages';
import { extensionSuite } from './suite';
import { appendEvent, makeEvent, newCustomer } from '@/lib/domain/customers/customer';

const HOUR = 3_600_000;

const s = extensionSuite({ timezone: 'UTC', page: 'none' });

/**
 * How wide the ’ of "buyer’s" is drawn where `at` is (a span appended there, in that element's
 * font): about 3–4 px at 13–14 px in a Latin font, a full em (13–14 px) in a CJK font.
 */
const APOSTROPHE = `(at) => {
  const span = document.createElement('span');
  span.textContent = 'buyer’s';
  at.append(span);
  const range = document.createRange();
  range.setStart(span.firstChild, 5);
  range.setEnd(span.firstChild, 6);
  const width = range.getBoundingClientRect().width;
  span.remove();
  return width;
}`;
const apostropheIn = (where: Page | Frame, selector: string) =>
  where.evaluate(({ fn, selector }) => (0, eval)(fn)(document.querySelector(selector)), { fn: APOSTROPHE, selector });

describe('a buyer note on a computer set to UTC', () => {
  it('is dated on the shop’s (Beijing) day: a note of 02:00 on 1 January in Beijing says 01-01, not the computer’s 12-31 of the year before', async () => {
    // 1 January, 02:00 Beijing = 31 December, 18:00 UTC: the computer's day and year are both the earlier ones.
    const year = new Date(Date.now() + 8 * HOUR).getUTCFullYear();
    const at = Date.UTC(year, 0, 1, 2) - 8 * HOUR;
    const buyer = appendEvent(newCustomer('demo', '小鹿乱撞0521', at, 'u-1001'), makeEvent('note', at, '只要蓝色的'));
    await callFromExtensionPage(s.ext, 'importCustomers', { json: { format: 'kefu-customers', version: 2, exportedAt: at, customers: [buyer] } });
    const page = await s.h.context.newPage();
    try {
      await openDemoChat(page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
      await cardReady(page, '小鹿乱撞0521');
      expect(await page.evaluate(() => new Date().getTimezoneOffset())).toBe(0); // Chromium did take the zone
      const note = inPanel(page, '[data-kf="customer-history"] li[data-kind="note"]');
      await expect.poll(() => note.textContent()).toContain('只要蓝色的');
      expect(await note.locator('time').textContent()).toBe('01-01');
    } finally {
      await page.close();
    }
  });
});

describe('the English interface', () => {
  s.interfaceIn('en');

  it('titles the popup, the buyer card’s frame, the options page and the side panel in English, with lang="en"', async () => {
    const popup = await openPopup(s.h);
    const options = await s.h.openExtensionPage('options.html');
    const side = await s.h.openExtensionPage('sidepanel.html');
    const page = await s.h.context.newPage();
    try {
      await openDemoChat(page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
      await cardReady(page, '小鹿乱撞0521');
      const card = cardFrame(page)!;
      const named = (p: Page | Frame) => p.evaluate(() => `${document.documentElement.lang} ${document.title}`);
      await expect.poll(() => named(popup)).toBe('en Today\'s follow-ups');
      await expect.poll(() => named(card)).toBe('en Buyer notes');
      await expect.poll(() => named(options)).toBe('en Service Desk Helper · Settings');
      await expect.poll(() => named(side)).toBe('en Service Desk Helper');
    } finally {
      await Promise.all([popup.close(), options.close(), side.close(), page.close()]);
    }
  });

  it('draws ’ in a Latin font, not full-width: "Based on the buyer’s latest message" in the panel, and in the card, the popup and the options page', async () => {
    const popup = await openPopup(s.h);
    const options = await s.h.openExtensionPage('options.html');
    const page = await s.h.context.newPage();
    try {
      await openDemoChat(page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
      await cardReady(page, '小鹿乱撞0521');
      const basis = inPanel(page, '[data-kf="basis"] > summary');
      await expect.poll(() => basis.textContent()).toMatch(/^Based on the buyer’s (latest message|last \d messages)$/);
      // The panel's own line, as drawn: the ’ is the 19th character.
      const inPanelWidth = await evaluateInPanel(page, (roots) => {
        const text = roots.map((r) => r.querySelector('[data-kf="basis"] > summary')).find(Boolean)!.firstChild!;
        const range = document.createRange();
        range.setStart(text, 18);
        range.setEnd(text, 19);
        return { char: range.toString(), width: range.getBoundingClientRect().width };
      });
      expect(inPanelWidth.char).toBe('’');
      expect(inPanelWidth.width).toBeLessThan(7);
      expect(await apostropheIn(cardFrame(page)!, '[data-kf="customer-card"]')).toBeLessThan(7);
      expect(await apostropheIn(popup, 'body')).toBeLessThan(7);
      expect(await apostropheIn(options, 'body')).toBeLessThan(7);
    } finally {
      await Promise.all([popup.close(), options.close(), page.close()]);
    }
  });
});
