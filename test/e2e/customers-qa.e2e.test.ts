/**
 * 客户档案 in the options page, as the QA pass found it: the retention period saved on leaving the
 * box, with no word of what the daily job would then delete; and no way to correct a buyer's fields
 * without their chat. Real Chromium, the built extension, the demo console.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buyerNotesSuite } from './suite';
import { callFromExtensionPage, cardReady, inPanel, openDemoChat } from './pages';
import { applyPatch, newCustomer } from '../../lib/domain/customers';
import type { AppSettings } from '../../lib/storage/settings';

const s = buyerNotesSuite();
const DAY = 86_400_000;

const retention = async () => (await callFromExtensionPage<AppSettings>(s.ext, 'getSettings')).privacy.retentionDays;

beforeEach(async () => {
  await callFromExtensionPage(s.ext, 'patchSettings', { privacy: { retentionDays: 0, maskPii: true } });
  await callFromExtensionPage(s.ext, 'forgetLearned', { all: true });
});

describe('客户档案 → 保留天数', () => {
  it('saves only with 保存 or Enter, after saying how many buyers and learned picks it would delete, and keeps what is typed when settings change elsewhere', async () => {
    // A buyer last served 60 days ago, one served today, and a learned pick from 60 days ago.
    const then = Date.now() - 60 * DAY;
    const stale = applyPatch(newCustomer('demo', '两个月没来', then), { note: '要加绒款' }, then, { maskPii: true });
    await callFromExtensionPage(s.ext, 'importCustomers', { json: { format: 'kefu-customers', version: 2, exportedAt: then, customers: [stale] } });
    await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'demo', nickname: '今天来过', patch: { note: '只发顺丰' } });
    await callFromExtensionPage(s.ext, 'importLearned', {
      json: { kind: 'kf-learned', v: 1, exportedAt: then, picks: [{ id: 'old-1', at: then, text: '能便宜点吗', scenario: 'bargain', templateId: null, source: 'chip' }] },
    });

    const options: Page = await s.h.openExtensionPage('options.html#customers');
    try {
      const box = options.locator('[data-kf="retention-days"]');
      await expect.poll(() => box.inputValue()).toBe('0');
      // Typed, then the agent leaves the box: nothing is saved.
      await box.fill('3');
      await box.press('Tab');
      await options.locator('[data-kf="retention-unsaved"]').waitFor();

      // Settings saved elsewhere (another tab turns masking off) do not replace what was typed.
      await callFromExtensionPage(s.ext, 'patchSettings', { privacy: { maskPii: false } });
      await expect.poll(() => options.locator('[data-kf="mask-pii"]').isChecked()).toBe(false);
      expect(await box.inputValue()).toBe('3');

      await options.locator('[data-kf="retention-save"]').click();
      const dialog = options.locator('[data-kf="retention-confirm"]');
      await expect.poll(() => dialog.textContent()).toContain('会永久删除 1 位客户的档案和 1 条学习记录（都已超过 3 天没有用到），本机备份中的也会一起删除，无法恢复。');
      expect(await retention()).toBe(0);
      await options.locator('[data-kf="retention-confirm-no"]').click();
      await expect.poll(() => box.inputValue()).toBe('0');
      expect(await retention()).toBe(0);

      // A period that deletes nothing now is saved at once, with Enter.
      await box.fill('365');
      await box.press('Enter');
      await expect.poll(retention).toBe(365);
      expect(await dialog.count()).toBe(0);

      // 30 days: asked, then confirmed.
      await box.fill('30');
      await box.press('Enter');
      await dialog.waitFor();
      expect(await retention()).toBe(365);
      await options.locator('[data-kf="retention-confirm-yes"]').click();
      await expect.poll(retention).toBe(30);
      expect(await options.locator('[data-kf="retention-status"]').textContent()).toBe('已保存：超过 30 天未接待、未修改的客户会被自动清理。');
      // Nothing is deleted before the daily job: the preview only counted.
      expect(await callFromExtensionPage(s.ext, 'previewRetention', { days: 30 })).toEqual({ customers: 1, learned: 1 });
    } finally {
      await options.close();
    }
  });
});

describe('客户档案 → 编辑', () => {
  it("corrects a buyer's tags, height and note without their chat, masked and checked as the card does, and the open chat's card shows it", async () => {
    const buyer = { platform: 'demo', nickname: '小鹿乱撞0521', buyerId: 'u-1001' };
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { tags: ['VIP2'], sizes: { heightCm: 162 } } });
    await openDemoChat(s.page, s.h.demoUrl, { buyer: buyer.nickname });
    await cardReady(s.page, buyer.nickname);
    expect(await inPanel(s.page, '[data-kf="customer-tag"]').allTextContents()).toEqual(['VIP2']);

    const options: Page = await s.h.openExtensionPage('options.html#customers');
    try {
      const row = options.locator('tr[data-key="demo#u-1001"]');
      await row.locator('[data-kf="customer-edit"]').click();
      const form = options.locator('[data-kf="customer-edit-form"]');
      const field = (f: string) => form.locator(`[data-field="${f}"]`);
      expect(await field('heightCm').inputValue()).toBe('162');
      await field('tags').fill('VIP3，批发');
      await field('heightCm').fill('1650');
      await field('note').fill('改电话 13812345678');
      await field('tags').press('Enter');
      // A typo in the height is said, and nothing is saved.
      await expect.poll(() => form.locator('[data-kf="customer-edit-problems"]').textContent()).toBe('身高 (cm)：应填 40–230 之间的数字，没有保存');
      await field('heightCm').fill('165');
      await form.locator('[data-kf="customer-edit-save"]').click();
      await form.waitFor({ state: 'detached' });
      expect(await options.locator('[data-kf="customers-message"]').textContent()).toBe('已保存「小鹿乱撞0521」的修改。');
      await expect.poll(() => row.locator('[data-kf="customer-notes"]').textContent()).toContain('改电话 138****5678');
      expect(await row.locator('td').nth(2).textContent()).toBe('VIP3，批发');

      // The chat page open meanwhile shows the corrected card, without a reload.
      await expect.poll(() => inPanel(s.page, '[data-kf="customer-tag"]').allTextContents(), { timeout: 5000 }).toEqual(['VIP3', '批发']);
      expect(await inPanel(s.page, '[data-kf="customer-sizes"] [data-size="heightCm"]').textContent()).toContain('165cm');
      expect(await inPanel(s.page, '[data-kf="customer-note"]').textContent()).toBe('改电话 138****5678');
      expect(await s.page.evaluate(() => (window as any).__demo.sent.length)).toBe(0);
    } finally {
      await options.close();
    }
  });
});
