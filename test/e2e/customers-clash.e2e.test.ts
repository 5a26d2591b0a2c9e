/**
 * One buyer edited in two places at once (QA D4): two options pages on 客户档案 → 编辑, or an options
 * page and the panel's buyer card. A field changed in both is said before saving, with the value
 * there, and the agent chooses; different fields still merge. Real Chromium, the built extension.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buyerNotesSuite } from './suite';
import { callFromExtensionPage, cardReady, chatInput, inPanel, openDemoChat, panelFocus } from './pages';
import type { Customer } from '../../lib/domain/customers/types';

const s = buyerNotesSuite();
const buyer = { platform: 'demo', nickname: '小鹿乱撞0521', buyerId: 'u-1001' };
/** The buyer as stored, read without side effects. */
const stored = async () => (await callFromExtensionPage<(Customer | null)[]>(s.ext, 'getCustomers', { platform: 'demo', buyers: [buyer] }))[0]!;

/** An options page on 客户档案 with the buyer's edit form open. */
async function openForm(): Promise<Page> {
  const p = await s.h.openExtensionPage('options.html#customers');
  await p.locator('tr[data-key="demo#u-1001"] [data-kf="customer-edit"]').click();
  await p.locator('[data-kf="customer-edit-form"]').waitFor();
  return p;
}
const field = (p: Page, f: string) => p.locator(`[data-kf="customer-edit-form"] [data-field="${f}"]`);

describe('客户档案 → 编辑 in two options pages', () => {
  it('tells the second page, before it saves, that the field it changed was saved elsewhere, with the value there, and lets it choose', async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { preferences: '原来喜欢宽松' } });
    const P = await openForm();
    const Q = await openForm();
    try {
      // Q starts typing; then P changes the same field and saves.
      await Q.bringToFront();
      await field(Q, 'preferences').fill('乙页改成喜欢修身');
      await field(Q, 'addressNote').fill('乙页加的：放门口快递柜');
      await P.bringToFront();
      await field(P, 'preferences').fill('甲页改成不要黑色');
      await P.locator('[data-kf="customer-edit-save"]').click();
      await P.locator('[data-kf="customer-edit-form"]').waitFor({ state: 'detached' });
      expect((await stored()).preferences).toBe('甲页改成不要黑色');

      // Q is told before saving: which field, and what it says there now; what Q typed is still there.
      await Q.bringToFront();
      const notice = Q.locator('[data-kf="changed-elsewhere"]');
      await expect.poll(() => notice.locator('li[data-clash-field="preferences"]').textContent(), { timeout: 5000 }).toBe('偏好：甲页改成不要黑色');
      expect(await notice.locator('li').count()).toBe(1);
      expect(await field(Q, 'preferences').inputValue()).toBe('乙页改成喜欢修身');

      // Saving now would overwrite P's edit unasked: nothing is saved until Q chooses.
      await Q.locator('[data-kf="customer-edit-save"]').click();
      await expect.poll(() => Q.locator('[data-kf="customer-edit-form"] [role="alert"].kf-bad').textContent()).toBe('没有保存：这样保存会覆盖别处刚保存的修改。请先在上方选择用哪一边的。');
      expect((await stored()).preferences).toBe('甲页改成不要黑色');

      // 用那边的 for that field: Q's other edit is still saved, P's preferences stay.
      await notice.locator('[data-kf="clash-load"]').click();
      expect(await field(Q, 'preferences').inputValue()).toBe('甲页改成不要黑色');
      await Q.locator('[data-kf="customer-edit-save"]').click();
      await Q.locator('[data-kf="customer-edit-form"]').waitFor({ state: 'detached' });
      expect(await stored()).toMatchObject({ preferences: '甲页改成不要黑色', addressNote: '乙页加的：放门口快递柜' });
    } finally {
      await P.close();
      await Q.close();
    }
  });

  it('用我的覆盖 saves the second page’s value knowingly; a field only one page changed merges without a notice', async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { preferences: '原来喜欢宽松', note: '原来的备注' } });
    const P = await openForm();
    const Q = await openForm();
    try {
      await Q.bringToFront();
      await field(Q, 'note').fill('乙页改的备注');
      await P.bringToFront();
      await field(P, 'note').fill('甲页改的备注');
      await field(P, 'heightCm').fill('168');
      await P.locator('[data-kf="customer-edit-save"]').click();
      await P.locator('[data-kf="customer-edit-form"]').waitFor({ state: 'detached' });

      await Q.bringToFront();
      const notice = Q.locator('[data-kf="changed-elsewhere"]');
      await expect.poll(() => notice.locator('li').allTextContents(), { timeout: 5000 }).toEqual(['备注：甲页改的备注']);
      // The height P set, which Q did not touch, is shown in Q's form as saved.
      expect(await field(Q, 'heightCm').inputValue()).toBe('168');
      await notice.locator('[data-kf="clash-overwrite"]').click();
      await Q.locator('[data-kf="customer-edit-save"]').click();
      await Q.locator('[data-kf="customer-edit-form"]').waitFor({ state: 'detached' });
      const c = await stored();
      expect(c).toMatchObject({ note: '乙页改的备注', preferences: '原来喜欢宽松' });
      expect(c.sizes.heightCm).toBe(168);
    } finally {
      await P.close();
      await Q.close();
    }
  });
});

describe('客户档案 → 编辑 while the panel edits the same buyer', () => {
  it("says a field the panel's card saved meanwhile, and keeps a note added in the panel with Alt+N", async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { preferences: '原来喜欢宽松' } });
    await openDemoChat(s.page, s.h.demoUrl, { buyer: buyer.nickname });
    await cardReady(s.page, buyer.nickname);
    const Q = await openForm();
    try {
      await field(Q, 'preferences').fill('设置页改成喜欢修身');

      // In the chat: a quick note (Alt+N), then the card's own editor changes the preferences.
      await s.page.bringToFront();
      await chatInput(s.page).click();
      await s.page.keyboard.press('Alt+KeyN');
      await expect.poll(() => panelFocus(s.page)).toBe('customer-note-input');
      await s.page.keyboard.type('面板里记的：周五前要到');
      await s.page.keyboard.press('Enter');
      await expect.poll(() => inPanel(s.page, '[data-kf="customer-note-input"]').inputValue()).toBe('');
      await inPanel(s.page, '[data-kf="customer-edit"]').click();
      await inPanel(s.page, '[data-kf="customer-editor"] [data-field="preferences"]').fill('面板改成只要纯棉');
      await inPanel(s.page, '[data-kf="customer-editor"] [data-kf="customer-edit-save"]').click();
      await inPanel(s.page, '[data-kf="customer-editor"]').waitFor({ state: 'detached' });

      await Q.bringToFront();
      const notice = Q.locator('[data-kf="changed-elsewhere"]');
      await expect.poll(() => notice.locator('li').allTextContents(), { timeout: 5000 }).toEqual(['偏好：面板改成只要纯棉']);
      await notice.locator('[data-kf="clash-load"]').click();
      await field(Q, 'addressNote').fill('设置页加的地址备注');
      await Q.locator('[data-kf="customer-edit-save"]').click();
      await Q.locator('[data-kf="customer-edit-form"]').waitFor({ state: 'detached' });
      const c = await stored();
      expect(c).toMatchObject({ preferences: '面板改成只要纯棉', addressNote: '设置页加的地址备注' });
      expect(c.history.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual(['面板里记的：周五前要到']);
      expect(await s.page.evaluate(() => (window as any).__demo.sent.length)).toBe(0);
    } finally {
      await Q.close();
    }
  });

  it("keeps a field the options page saved while the panel's card editor was open on another field", async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { preferences: '原来喜欢宽松', note: '原来的备注' } });
    await openDemoChat(s.page, s.h.demoUrl, { buyer: buyer.nickname });
    await cardReady(s.page, buyer.nickname);
    await inPanel(s.page, '[data-kf="customer-edit"]').click();
    await inPanel(s.page, '[data-kf="customer-editor"] [data-field="note"]').fill('面板改的备注');

    const Q = await openForm();
    try {
      await field(Q, 'preferences').fill('设置页改成喜欢修身');
      await Q.locator('[data-kf="customer-edit-save"]').click();
      await Q.locator('[data-kf="customer-edit-form"]').waitFor({ state: 'detached' });
    } finally {
      await Q.close();
    }
    await s.page.bringToFront();
    await inPanel(s.page, '[data-kf="customer-editor"] [data-kf="customer-edit-save"]').click();
    await inPanel(s.page, '[data-kf="customer-editor"]').waitFor({ state: 'detached' });
    expect(await stored()).toMatchObject({ preferences: '设置页改成喜欢修身', note: '面板改的备注' });
  });

  it("tells the card's open form, before it saves, that a field it changed was saved in the options page, with the value there; 用那边的 keeps its other edit", async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { preferences: '原来喜欢宽松' } });
    await openDemoChat(s.page, s.h.demoUrl, { buyer: buyer.nickname });
    await cardReady(s.page, buyer.nickname);
    const card = (sel: string) => inPanel(s.page, `[data-kf="customer-editor"] ${sel}`);
    await inPanel(s.page, '[data-kf="customer-edit"]').click();
    await card('[data-field="preferences"]').fill('面板改成喜欢修身');
    await card('[data-field="addressNote"]').fill('面板加的：放门口快递柜');

    const Q = await openForm();
    try {
      await field(Q, 'preferences').fill('设置页改成不要黑色');
      await Q.locator('[data-kf="customer-edit-save"]').click();
      await Q.locator('[data-kf="customer-edit-form"]').waitFor({ state: 'detached' });
    } finally {
      await Q.close();
    }

    // The card says it before saving: which field, what it says there now; what the agent typed stays.
    await s.page.bringToFront();
    const notice = card('[data-kf="changed-elsewhere"]');
    await expect.poll(() => notice.locator('li').allTextContents(), { timeout: 5000 }).toEqual(['偏好：设置页改成不要黑色']);
    expect(await card('[data-field="preferences"]').inputValue()).toBe('面板改成喜欢修身');
    await card('[data-kf="customer-edit-save"]').click();
    await expect.poll(() => card('[data-kf="customer-edit-held"]').textContent()).toBe('没有保存：这样保存会覆盖别处刚保存的修改。请先在上方选择用哪一边的。');
    expect((await stored()).preferences).toBe('设置页改成不要黑色');

    await notice.locator('[data-kf="clash-load"]').click();
    expect(await card('[data-field="preferences"]').inputValue()).toBe('设置页改成不要黑色');
    await card('[data-kf="customer-edit-save"]').click();
    await inPanel(s.page, '[data-kf="customer-editor"]').waitFor({ state: 'detached' });
    expect(await stored()).toMatchObject({ preferences: '设置页改成不要黑色', addressNote: '面板加的：放门口快递柜' });
  });

  it("用我的覆盖 in the card saves its value knowingly over another tab's card", async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { note: '原来的备注' } });
    await openDemoChat(s.page, s.h.demoUrl, { buyer: buyer.nickname });
    await cardReady(s.page, buyer.nickname);
    await inPanel(s.page, '[data-kf="customer-edit"]').click();
    await inPanel(s.page, '[data-kf="customer-editor"] [data-field="note"]').fill('这个标签页改的备注');

    // The same buyer's card in another tab saves the note first.
    const other = await s.h.context.newPage();
    try {
      await openDemoChat(other, s.h.demoUrl, { buyer: buyer.nickname });
      await cardReady(other, buyer.nickname);
      await inPanel(other, '[data-kf="customer-edit"]').click();
      await inPanel(other, '[data-kf="customer-editor"] [data-field="note"]').fill('另一个标签页改的备注');
      await inPanel(other, '[data-kf="customer-editor"] [data-field="heightCm"]').fill('168');
      await inPanel(other, '[data-kf="customer-editor"] [data-kf="customer-edit-save"]').click();
      await inPanel(other, '[data-kf="customer-editor"]').waitFor({ state: 'detached' });
    } finally {
      await other.close();
    }

    await s.page.bringToFront();
    const notice = inPanel(s.page, '[data-kf="customer-editor"] [data-kf="changed-elsewhere"]');
    await expect.poll(() => notice.locator('li').allTextContents(), { timeout: 5000 }).toEqual(['备注：另一个标签页改的备注']);
    // The height the other tab set, which this form did not touch, is shown as saved.
    expect(await inPanel(s.page, '[data-kf="customer-editor"] [data-field="heightCm"]').inputValue()).toBe('168');
    await notice.locator('[data-kf="clash-overwrite"]').click();
    await inPanel(s.page, '[data-kf="customer-editor"] [data-kf="customer-edit-save"]').click();
    await inPanel(s.page, '[data-kf="customer-editor"]').waitFor({ state: 'detached' });
    const c = await stored();
    expect(c.note).toBe('这个标签页改的备注');
    expect(c.sizes.heightCm).toBe(168);
  });
});
