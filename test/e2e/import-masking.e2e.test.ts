/**
 * What an import brings in is stored as masking stores it now (settings → 隐私 → 脱敏, on by
 * default), on the paths that used to keep a file's text in clear or doubled: the learned picks of a
 * file (学习记录 → 导入, and the picks inside 导入全部数据), masked as a pick made here is (maskPick);
 * and a 合并 of follow-up notes or a CSV sheet's 备注 onto a buyer, where a line kept here in clear
 * and the file's masked copy of it used to become two lines (one line now, masked). Real Chromium,
 * the built extension, the options page and the popup.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, popupNote } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({ page: 'none' });

const PHONE = '13912345678';
const pick = (id: string, text: string) => ({ id, at: Date.now() - 60_000, text, scenario: 'tracking', templateId: null, source: 'chip' });

/** The learned picks the options page lists (学习记录 → 最近), as the agent reads them. */
async function listedPick(options: Page, id: string): Promise<string> {
  const cell = options.locator(`[data-pick-id="${id}"] td`).first();
  await cell.waitFor();
  return (await cell.textContent())!;
}

describe('学习记录 → 导入', () => {
  it('masks a phone number in an imported pick: the list and a later export show none of it', async () => {
    const options = await s.h.openExtensionPage('options.html#learned');
    try {
      const file = { kind: 'kf-learned', v: 1, exportedAt: 1, picks: [pick('mask5-file-1', `换了新手机号 ${PHONE} 快递到哪了`)] };
      await options.locator('[data-kf="learned-import"]').setInputFiles({ name: 'picks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await expect.poll(() => options.locator('[data-kf="learned-message"]').textContent()).toMatch(/^已导入 1 条新记录/);
      const shown = await listedPick(options, 'mask5-file-1');
      expect(shown).toContain('快递到哪了');
      expect(shown).not.toMatch(/\d{4}/);
      const exported = await callFromExtensionPage<{ picks: { text: string }[] }>(s.ext, 'exportLearned');
      expect(JSON.stringify(exported)).not.toContain(PHONE.slice(3));
    } finally {
      await options.close();
    }
  });
});

describe('导入全部数据 (合并)', () => {
  it('masks the file’s learned picks, and keeps a follow-up line here in clear and the file’s masked copy of it as one masked line', async () => {
    // Written while masking was off: the note keeps the phone in clear.
    await callFromExtensionPage(s.ext, 'patchSettings', { privacy: { maskPii: false } });
    const { id } = await callFromExtensionPage<{ id: string }>(s.ext, 'addFollowup', { kind: 'manual', title: '回访周女士', note: `回访 ${PHONE} 没接`, dueAt: Date.now() - 60_000 });
    await callFromExtensionPage(s.ext, 'updateFollowup', { id, action: 'note', text: '下午再打' });
    await callFromExtensionPage(s.ext, 'patchSettings', { privacy: { maskPii: true } });
    expect((await popupNote(s.h, '回访周女士')).split('\n')).toEqual([`回访 ${PHONE} 没接`, '下午再打']);

    // The other computer's export: masked there, one line more; and a pick whose phone it kept.
    const theirs = await callFromExtensionPage<Record<string, any>>(s.ext, 'exportAllData');
    const item = theirs.followups.items.find((f: { id: string }) => f.id === id);
    const file = {
      format: 'kefu-all-data',
      version: 1,
      exportedAt: Date.now(),
      followups: { ...theirs.followups, items: [{ ...item, note: '回访 139****5678 没接\n下午再打\n对方电脑：改成周五送' }] },
      learned: { kind: 'kf-learned', v: 1, exportedAt: 1, picks: [pick('mask5-all-1', `收件人换了 电话${PHONE} 还没发货吗`)] },
    };
    const options = await s.h.openExtensionPage('options.html#import');
    try {
      await options.locator('[data-kf="all-import-file"]').setInputFiles({ name: 'all.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await options.locator('[data-kf="all-import-confirm"]').waitFor();
      await options.locator('[data-kf="all-import-merge"]').click();
      await expect.poll(() => options.locator('[data-kf="all-result"]').textContent()).toContain('已合并导入');
      await options.locator('[data-tab="learned"]').click();
      const shown = await listedPick(options, 'mask5-all-1');
      expect(shown).toContain('还没发货');
      expect(shown).not.toMatch(/\d{4}/);
    } finally {
      await options.close();
    }
    expect((await popupNote(s.h, '回访周女士')).split('\n')).toEqual(['回访 139****5678 没接', '下午再打', '对方电脑：改成周五送']);
  });
});

describe('客户档案 → 导入 CSV 表格', () => {
  it('does not add a row’s masked copy of a note line the buyer keeps in clear: one line, masked', async () => {
    await callFromExtensionPage(s.ext, 'patchSettings', { privacy: { maskPii: false } });
    await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'taobao', nickname: '橘子汽水', patch: { note: `回访 ${PHONE} 没接` } });
    await callFromExtensionPage(s.ext, 'patchSettings', { privacy: { maskPii: true } });
    const options = await s.h.openExtensionPage('options.html#customers');
    try {
      await options.locator('[data-kf="customers-total"]').waitFor();
      const sheet = '旺旺,平台,备注\r\n橘子汽水,淘宝,回访 139****5678 没接\r\n';
      await options.locator('[data-kf="customers-csv-file"]').setInputFiles({ name: '名单.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
      await options.locator('[data-kf="customers-csv-confirm"] [data-kf="customers-csv-yes"]').click();
      await expect.poll(() => options.locator('[data-kf="customers-import-result"]').textContent()).toContain('已从表格导入');
      expect(await callFromExtensionPage<{ note: string }>(s.ext, 'getCustomer', { platform: 'taobao', nickname: '橘子汽水' })).toMatchObject({ note: '回访 139****5678 没接' });
    } finally {
      await options.close();
    }
  });
});
