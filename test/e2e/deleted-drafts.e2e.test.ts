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

/** 客户档案 → 删除 → 确认 on the options page, for the one buyer `nick` finds. */
async function deleteInOptions(nick: string): Promise<void> {
  const options = await s.h.openExtensionPage('options.html#customers');
  try {
    await options.locator('[data-kf="customers-search"]').fill(nick);
    await expect.poll(() => options.locator('[data-kf="customer-nick"]').allTextContents()).toEqual([nick]);
    await options.locator('[data-kf="customer-delete"]').click();
    await options.locator('[data-kf="customer-delete-confirm"]').click();
    await expect.poll(() => options.locator('[data-kf="customers-message"]').textContent()).toContain(`已删除「${nick}」的记录`);
  } finally {
    await options.close();
  }
}

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

    await deleteInOptions(X);
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

  it('a tab that brought back the note another tab typed (reloaded, it shows the latest one left) drops it too: not there on a switch back, and Enter saves nothing', async () => {
    const other = await s.h.context.newPage();
    try {
      for (const p of [s.page, other]) {
        await p.bringToFront(); // typing goes to the front tab
        await openDemoChat(p, s.h.demoUrl, { buyer: X });
        await cardReady(p, X);
      }
      // Tab A: a saved note, so 客户档案 lists her; then a note typed and not saved.
      await s.page.bringToFront();
      await noteInput(s.page).fill('只收顺丰');
      await noteInput(s.page).press('Enter');
      await expect.poll(() => inPanel(s.page, '[data-kf="customer-history"] li[data-kind="note"]').count()).toBe(1);
      await noteInput(s.page).fill(NOTE);
      await expect.poll(session).toContain(NOTE);
      // Tab B never typed for her: reloaded, its card brings back A's note; then another buyer writes.
      await other.bringToFront();
      await other.reload();
      await cardReady(other, X);
      await expect.poll(() => noteInput(other).inputValue()).toBe(NOTE);
      await switchTo(other, Y);

      await deleteInOptions(X);
      expect(await session()).not.toContain(NOTE);

      // Neither tab has it: A's open card at once, B's on the switch back.
      await expect.poll(() => noteInput(s.page).inputValue()).toBe('');
      await switchTo(other, X);
      expect(await noteInput(other).inputValue()).toBe('');
      await noteInput(other).press('Enter');
      expect(await callFromExtensionPage(s.ext, 'getCustomer', { platform: 'demo', nickname: X, seen: false })).toBeNull();
    } finally {
      await other.close();
    }
  }, 60_000);
});
