/**
 * A buyer deleted from the options page (客户档案 → 删除) while a console tab still holds what the
 * agent typed for them and did not save: the card's quick note (kept in the card frame's memory for
 * a switch back) and a 承诺答复. The worker takes its session copies (lib/storage/forget-drafts.ts);
 * the open tab used to keep its own until a reload, and one Enter saved the deleted buyer's note
 * again. Real Chromium, the built extension, the demo console, the options page's own buttons.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buyerNotesSuite } from './suite';
import { callFromExtensionPage, cardReady, inPanel, openDemoChat } from './pages';

const s = buyerNotesSuite();

const X = '米粒妈妈';
const Y = '小鹿乱撞0521';
const NOTE = '她说下周搬家，新地址还没定';
const PROMISE = '问好仓库有没有加大码再告诉她';

const noteInput = (p: Page) => inPanel(p, '[data-kf="customer-note-input"]');
const session = () => s.ext.evaluate(() => (globalThis as any).chrome.storage.session.get(null).then((o: unknown) => JSON.stringify(o)) as Promise<string>);
const switchTo = async (p: Page, nick: string) => {
  await p.locator(`.conv-item[data-nick="${nick}"]`).click();
  await cardReady(p, nick);
};

describe('a buyer deleted in the options page while a console tab holds their unsaved text', () => {
  it('the open tab drops the card note and the 承诺答复 typed for them at once: not on their card, not named on another buyer’s panel, and Enter saves nothing', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: X });
    await cardReady(s.page, X);
    // A saved note, so 客户档案 lists her; then a note typed and not saved, and a promise not added.
    await noteInput(s.page).fill('只收顺丰');
    await noteInput(s.page).press('Enter');
    await expect.poll(() => inPanel(s.page, '[data-kf="customer-history"] li[data-kind="note"]').count()).toBe(1);
    await noteInput(s.page).fill(NOTE);
    await inPanel(s.page, '[data-kf="fu-promised"]').click();
    await inPanel(s.page, '[data-kf="fu-note"]').click();
    await s.page.keyboard.type(PROMISE);
    await expect.poll(session).toContain(NOTE);
    await expect.poll(session).toContain(PROMISE);
    // Another buyer wrote: the card keeps her note for the switch back, the panel names her promise.
    await switchTo(s.page, Y);
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-unsaved"]').textContent().catch(() => '')).toContain(PROMISE);

    const options = await s.h.openExtensionPage('options.html#customers');
    try {
      await options.locator('[data-kf="customers-search"]').fill(X);
      await expect.poll(() => options.locator('[data-kf="customer-nick"]').allTextContents()).toEqual([X]);
      await options.locator('[data-kf="customer-delete"]').click();
      await options.locator('[data-kf="customer-delete-confirm"]').click();
      await expect.poll(() => options.locator('[data-kf="customers-message"]').textContent()).toContain(`已删除「${X}」的记录`);
    } finally {
      await options.close();
    }
    expect(await session()).not.toContain(NOTE);

    // Gone from the tab at once, without a reload.
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-unsaved"]').count()).toBe(0);
    await switchTo(s.page, X);
    expect(await noteInput(s.page).inputValue()).toBe('');
    expect(await inPanel(s.page, '[data-kf="fu-note"]').count()).toBe(0);
    await noteInput(s.page).press('Enter');
    expect(await callFromExtensionPage(s.ext, 'getCustomer', { platform: 'demo', nickname: X, seen: false })).toBeNull();
    expect(await session()).not.toContain(PROMISE);
  }, 60_000);
});
