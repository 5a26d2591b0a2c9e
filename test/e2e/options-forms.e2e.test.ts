/**
 * The options page's forms, as QA F saw them at 1366×768: on 跟进 each field started where its label
 * ended (a ragged column); on 话术库 "Filter replies" and "New group name" were small unstyled native
 * inputs beside styled ones. Fields now start on one line under each other, and every text field
 * has the same border, padding and font.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite } from './suite';

const s = extensionSuite({ page: 'none' });
beforeAll(async () => {
  await s.ext.setViewportSize({ width: 1366, height: 768 });
});

/** What makes a text field look like one: border, padding, radius, font size. */
const look = (p: Page, selector: string) =>
  p.locator(selector).first().evaluate((e) => {
    const s = getComputedStyle(e);
    return { border: s.borderTopWidth + ' ' + s.borderTopStyle + ' ' + s.borderTopColor, padding: s.paddingLeft, radius: s.borderTopLeftRadius, font: s.fontSize };
  });

describe('the options forms', () => {
  it('lines the fields of 跟进 up in one column', async () => {
    await s.ext.goto(s.ext.url().replace(/#.*$/, '') + '#followups');
    const form = s.ext.locator('[data-kf="followup-settings"]');
    await form.waitFor();
    const lefts = await form.locator('.kf-row > input:not([type="checkbox"])').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(lefts.length).toBeGreaterThanOrEqual(4);
    expect(new Set(lefts).size).toBe(1);
  });

  it('keeps the cut-off time readable beside its long hint, in a wide and a narrow window', async () => {
    await s.ext.goto(s.ext.url().replace(/#.*$/, '') + '#shop');
    const cutoff = s.ext.locator('input[name="cutoff"]');
    await cutoff.waitFor();
    // The whole "16:00" and the picker's icon need about 7em; squeezed by a long hint it was 18 px.
    for (const width of [1366, 900]) {
      await s.ext.setViewportSize({ width, height: 768 });
      expect(await cutoff.evaluate((e) => e.getBoundingClientRect().width)).toBeGreaterThanOrEqual(90);
    }
    await s.ext.setViewportSize({ width: 1366, height: 768 });
  });

  it('styles 话术库’s filter and new-group fields like the form fields', async () => {
    await s.ext.goto(s.ext.url().replace(/#.*$/, '') + '#shop');
    await s.ext.locator('.kf-row > input').first().waitFor();
    const field = await look(s.ext, '.kf-row > input:not([type="checkbox"])');
    await s.ext.goto(s.ext.url().replace(/#.*$/, '') + '#templates');
    await s.ext.locator('[data-kf="template-filter"]').waitFor();
    expect(await look(s.ext, '[data-kf="template-filter"]')).toEqual(field);
    expect(await look(s.ext, '[data-kf="new-group"]')).toEqual(field);
    // Named for screen readers, not by a placeholder alone.
    expect(await s.ext.locator('[data-kf="template-filter"]').getAttribute('aria-label')).toBe('筛选话术');
  });
});
