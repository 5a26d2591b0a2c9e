/**
 * 客户档案's deletions against a change made elsewhere while their confirmation is open (robust5).
 * The confirmation counts what will go (previewBuyerDeletion) when it opens; an agent reads it, then
 * another options tab or the chat panel adds a buyer or an open follow-up, then they click 确定. The
 * deletion used to take what it found at that moment: a buyer saved after the confirmation went too
 * (and out of the local backups, so for good), and a follow-up opened meanwhile was deleted without
 * the choice to keep it anonymous that the confirmation offers when there is one. Now the page counts
 * again before deleting: when anything moved, nothing is deleted, and the confirmation shows the new
 * counts and says they changed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { extensionSuite } from './suite';
import { callFromExtensionPage } from './pages';

const s = extensionSuite({ page: 'none' });
const nicknames = async () => ((await callFromExtensionPage<{ items: { nickname: string }[] }>(s.ext, 'exportCustomers', {})).items.map((c) => c.nickname).sort());

describe('a deletion confirmed after a change elsewhere', () => {
  beforeEach(() => callFromExtensionPage(s.ext, 'deleteAllCustomers', { confirm: true, openFollowups: 'delete' }));

  it('全部删除: a buyer saved elsewhere after the confirmation showed is not deleted by it; the confirmation shows the new count, and a second 确定 deletes both', async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'demo', nickname: '早就在的买家', patch: { note: '要开发票' } });
    const page = await s.h.openExtensionPage('options.html#customers');
    try {
      await page.locator('[data-kf="customers-delete-all"]').click();
      const ask = page.locator('[data-kf="customers-delete-all-confirm"]');
      await expect.poll(() => ask.textContent()).toContain('确定删除全部 1 位客户的记录吗');
      // Another tab (or the chat panel) saves a note for a buyer new to the records.
      await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'demo', nickname: '刚加的买家', patch: { note: '周六送货' } });
      await ask.locator('[data-kf="customers-delete-all-yes"]').click();
      await expect.poll(() => ask.locator('[data-kf="forget-changed"]').textContent()).toContain('刚在别处有了变化');
      expect(await ask.textContent()).toContain('确定删除全部 2 位客户的记录吗');
      expect(await nicknames()).toEqual(['刚加的买家', '早就在的买家'].sort());
      expect(await page.locator('[data-kf="customers-import-result"]').count()).toBe(0);
      // Confirmed as it now reads: both go.
      await ask.locator('[data-kf="customers-delete-all-yes"]').click();
      await expect.poll(() => page.locator('[data-kf="customers-import-result"]').textContent()).toContain('已删除 2 位客户的记录');
      expect(await nicknames()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('删除 one buyer: a follow-up opened for them elsewhere meanwhile is not deleted unasked; the confirmation now offers to keep it anonymous', async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'demo', nickname: '要删的买家', buyerId: 'u-7001', patch: { note: '老客户' } });
    const page = await s.h.openExtensionPage('options.html#customers');
    try {
      const row = page.locator('tr[data-key="demo#u-7001"]');
      await row.locator('[data-kf="customer-delete"]').click();
      const ask = row.locator('[data-kf="customer-delete-ask"]');
      await ask.waitFor();
      expect(await ask.locator('[data-kf="forget-open"]').count()).toBe(0);
      // The chat panel opens a follow-up for this buyer meanwhile.
      const item = await callFromExtensionPage<{ id: string }>(s.ext, 'addFollowup', { kind: 'manual', title: '回电确认收货地址', buyer: '要删的买家', buyerId: 'u-7001', platform: 'demo' });
      await ask.locator('[data-kf="customer-delete-confirm"]').click();
      await expect.poll(() => ask.locator('[data-kf="forget-changed"]').textContent()).toContain('刚在别处有了变化');
      expect(await ask.locator('[data-kf="forget-open"]').textContent()).toMatch(/^还有 1 条未完成的跟进/);
      expect(await nicknames()).toEqual(['要删的买家']);
      // Kept anonymous, as the agent now chooses.
      await ask.locator('[data-kf="forget-keep-open"]').click();
      await expect.poll(() => page.locator('[data-kf="customers-message"]').textContent()).toContain('已删除');
      expect(await nicknames()).toEqual([]);
      const kept = JSON.stringify(await callFromExtensionPage(s.ext, 'listFollowups', { perGroup: 50 }));
      expect(kept).toContain(item.id);
      expect(kept).not.toContain('要删的买家');
    } finally {
      await page.close();
    }
  });
});
