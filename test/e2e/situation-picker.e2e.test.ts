/**
 * The 更改 (change situation) list closes on Escape, with real key presses, as QA F did it: the list
 * opened from the keyboard or with a click, the focus tabbed into a chip, Escape. All 26 chips stayed
 * open and the focus stayed in the list; now the list closes and the focus is back on 更改, as
 * Escape in the search and the fill-in box gives the keys back.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { chatInput, evaluateInPanel, inPanel, openDemoChat, panelFocus, setUpDemoShop } from './pages';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await launchWithExtension();
  await setUpDemoShop(h);
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await page?.close();
  page = await h.context.newPage();
  await openDemoChat(page, h.demoUrl);
  await chatInput(page).click();
});

const change = () => inPanel(page, '[data-kf="change-situation"]');
const options = () => inPanel(page, '.kf-chip-option');
const focusOnOption = () => evaluateInPanel(page, (roots) => !!roots.find((r) => r.activeElement)?.activeElement?.classList.contains('kf-chip-option'));

describe('the 更改 situation list', () => {
  it('closes on Escape from a chip, opened from the keyboard, and gives the focus back to 更改', async () => {
    await change().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => options().count()).toBeGreaterThan(20);
    await page.keyboard.press('Tab');
    expect(await focusOnOption()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => options().count()).toBe(0);
    expect(await panelFocus(page)).toBe('change-situation');
    expect(await change().getAttribute('aria-expanded')).toBe('false');
    // The keys are back where they were: Enter opens the list again.
    await page.keyboard.press('Enter');
    await expect.poll(() => options().count()).toBeGreaterThan(20);
  });

  it('closes on Escape after a click on 更改', async () => {
    await change().click();
    await expect.poll(() => options().count()).toBeGreaterThan(20);
    await page.keyboard.press('Tab');
    expect(await focusOnOption()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => options().count()).toBe(0);
    expect(await panelFocus(page)).toBe('change-situation');
  });
});
