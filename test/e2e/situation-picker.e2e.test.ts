/**
 * The 更改 (change situation) list closes on Escape, with real key presses, as QA F did it: the list
 * opened from the keyboard or with a click, the focus tabbed into a chip, Escape. All 26 chips stayed
 * open and the focus stayed in the list; now the list closes and the focus is back on 更改, as
 * Escape in the search and the fill-in box gives the keys back. A pick with Enter left the focus
 * nowhere (the list was a role=listbox of buttons); it is a group of buttons and the focus goes to
 * the chip just chosen.
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

  it('is a labelled group of buttons, and a situation picked with Enter leaves the focus on its chip: Enter there reopens the list', async () => {
    await change().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => options().count()).toBeGreaterThan(20);
    const list = inPanel(page, '[data-kf="situation-list"]');
    expect(await list.getAttribute('role')).toBe('group');
    expect(await list.getAttribute('aria-label')).toBe('选择情境');
    expect(await evaluateInPanel(page, (roots) => roots.some((r) => r.querySelector('[role="listbox"]')))).toBe(false);
    await page.keyboard.press('Tab');
    const picked = await evaluateInPanel(page, (roots) => roots.find((r) => r.activeElement)!.activeElement!.getAttribute('data-scenario'));
    expect(picked).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect.poll(() => options().count()).toBe(0);
    // The focus is on the chip just chosen (it was nowhere: the page's body).
    expect(await panelFocus(page)).toBe('chip');
    expect(await evaluateInPanel(page, (roots) => roots.find((r) => r.activeElement)!.activeElement!.getAttribute('data-scenario'))).toBe(picked);
    await page.keyboard.press('Enter');
    await expect.poll(() => options().count()).toBeGreaterThan(20);
    expect(await inPanel(page, `.kf-chip-option[data-scenario="${picked}"]`).getAttribute('aria-current')).toBe('true');
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
