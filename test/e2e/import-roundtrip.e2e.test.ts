/**
 * The app's own backups come back, and every import masks as a save masks (lib/domain/customers/README.md,
 * "Two records of one buyer" and "Masking"). Before:
 * - a buyer whose two notes were joined with 合并到这位买家 (kept whole past 5,000 characters) could not
 *   be imported back from the app's own export: the whole file was refused, every other buyer with it;
 * - the 客户档案 JSON import and 导入全部数据 stored phone numbers and e-mails in clear with masking on.
 * Real Chromium, the built extension, the demo console and the options page.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buyerNotesSuite } from './suite';
import { callFromExtensionPage, cardReady, inPanel, openDemoChat } from './pages';
import type { Customer } from '../../lib/domain/customers/types';

const s = buyerNotesSuite();
const buyer = { platform: 'demo', nickname: '小鹿乱撞0521', buyerId: 'u-1001' };
const other = { platform: 'demo', nickname: '星辰大海ing' };
const read = async (b: Record<string, string>) => (await callFromExtensionPage<(Customer | null)[]>(s.ext, 'getCustomers', { platform: 'demo', buyers: [b] }))[0] ?? null;
const total = () => callFromExtensionPage<{ total: number }>(s.ext, 'listCustomers', {}).then((r) => r.total);
const mine = '甲'.repeat(3000);
const old = '乙'.repeat(3000);

/** The buyer's id record and a record under the name alone, joined on the card: a note of 6,001 characters. */
async function mergeTwoLongNotes(): Promise<void> {
  await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { note: mine } });
  await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'demo', nickname: buyer.nickname, patch: { note: old } });
  await callFromExtensionPage(s.ext, 'patchCustomer', { ...other, patch: { note: '只发顺丰' } });
  await openDemoChat(s.page, s.h.demoUrl, { buyer: buyer.nickname });
  await cardReady(s.page, buyer.nickname);
  await inPanel(s.page, '[data-kf="customer-old-merge"]').click();
  await inPanel(s.page, '[data-kf="customer-old-merge-confirm"]').click();
  await expect.poll(async () => (await read(buyer))?.note.length, { timeout: 5000 }).toBe(6001);
}

async function download(page: Page, button: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  return readFile(await file.path());
}

const OVER = /有 1 处超过上限，已原样完整导入，一个字也没删.*第 1 条「小鹿乱撞0521」：备注多了 1001 个字（最多 5000 个字）/;

describe('a buyer kept whole past a limit comes back from the app\'s own backups', () => {
  it('客户档案: its export imports back whole with the other buyers, the buyer over the limit named', async () => {
    await mergeTwoLongNotes();
    const options = await s.h.openExtensionPage('options.html#customers');
    try {
      await options.locator('[data-kf="customers-total"]').waitFor();
      const file = await download(options, '[data-kf="customers-export"]');
      await callFromExtensionPage(s.ext, 'deleteAllCustomers', { confirm: true });
      await expect.poll(total).toBe(0);
      await options.locator('[data-kf="customers-import-file"]').setInputFiles({ name: 'back.json', mimeType: 'application/json', buffer: file });
      const result = options.locator('[data-kf="customers-import-result"]');
      await expect.poll(() => result.textContent()).toContain('已导入 2 位客户');
      expect(await result.textContent()).toMatch(OVER);
      expect((await read(buyer))!.note).toBe(`${mine}\n${old}`);
      expect((await read(other))!.note).toBe('只发顺丰');
    } finally {
      await options.close();
    }
  });

  it('导入全部数据: its export imports back whole, the confirmation and the result naming the buyer over the limit', async () => {
    await mergeTwoLongNotes();
    const options = await s.h.openExtensionPage('options.html#import');
    try {
      const file = await download(options, '[data-kf="all-export"]');
      await callFromExtensionPage(s.ext, 'deleteAllCustomers', { confirm: true });
      await expect.poll(total).toBe(0);
      await options.locator('[data-kf="all-import-file"]').setInputFiles({ name: 'all.json', mimeType: 'application/json', buffer: file });
      await expect.poll(() => options.locator('[data-kf="all-import-over"]').textContent()).toMatch(/客户档案：第 1 条「小鹿乱撞0521」：备注多了 1001 个字/);
      await options.locator('[data-kf="all-import-merge"]').click();
      await expect.poll(() => options.locator('[data-kf="all-result"]').textContent()).toContain('已合并导入');
      expect(await options.locator('[data-kf="all-result"]').textContent()).toMatch(/有 1 处超过上限，已原样完整导入/);
      expect((await read(buyer))!.note).toBe(`${mine}\n${old}`);
      expect((await read(other))!.note).toBe('只发顺丰');
    } finally {
      await options.close();
    }
  });

  it('备份: a local backup restores the buyer whole', async () => {
    await mergeTwoLongNotes();
    const options = await s.h.openExtensionPage('options.html#backups');
    try {
      await options.locator('[data-kf="backups"]').waitFor();
      await options.locator('[data-kf="backup-now"]').click();
      await expect.poll(() => options.locator('[data-kf="backup-message"]').textContent()).toContain('已备份');
      const row = options.locator('[data-kf="backup-row"]').first();
      await expect.poll(() => row.locator('[data-kf="backup-counts"]').textContent()).toMatch(/客户 2/);
      await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { note: '删短了' } });
      await row.locator('[data-kf="backup-restore"]').click();
      await row.locator('[data-kf="backup-restore-confirm"]').click();
      await expect.poll(() => options.locator('[data-kf="backup-message"]').textContent()).toContain('已恢复');
      expect((await read(buyer))!.note).toBe(`${mine}\n${old}`);
    } finally {
      await options.close();
    }
  });
});

describe('imports mask phones and e-mails while masking is on', () => {
  const clear = '导入 电话13812345678 邮箱qianqi@qq.com';
  const masked = '导入 电话138****5678 邮箱qi***@qq.com';
  const fileOf = (customers: unknown[]) => ({ format: 'kefu-customers', version: 2, exportedAt: Date.now(), customers });
  const recordOf = async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { note: 'x' } });
    const [c] = (await callFromExtensionPage<{ items: Customer[] }>(s.ext, 'exportCustomers', {})).items;
    return { ...c!, note: clear, preferences: '备用 13900001111', updatedAt: Date.now() + 1000 };
  };

  it('客户档案 JSON import', async () => {
    const record = await recordOf();
    const options = await s.h.openExtensionPage('options.html#customers');
    try {
      await options.locator('[data-kf="mask-pii"]').waitFor();
      expect(await options.locator('[data-kf="mask-pii"]').isChecked()).toBe(true);
      await options.locator('[data-kf="customers-import-file"]').setInputFiles({ name: 'in.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(fileOf([record]))) });
      await expect.poll(() => options.locator('[data-kf="customers-import-result"]').textContent()).toContain('更新');
      expect(await read(buyer)).toMatchObject({ note: masked, preferences: '备用 139****1111' });
    } finally {
      await options.close();
    }
  });

  it('导入全部数据', async () => {
    const record = await recordOf();
    const file = await callFromExtensionPage<Record<string, any>>(s.ext, 'exportAllData');
    const options = await s.h.openExtensionPage('options.html#import');
    try {
      const json = JSON.stringify({ ...file, customers: fileOf([record]) });
      await options.locator('[data-kf="all-import-file"]').setInputFiles({ name: 'all.json', mimeType: 'application/json', buffer: Buffer.from(json) });
      await options.locator('[data-kf="all-import-merge"]').click();
      await expect.poll(() => options.locator('[data-kf="all-result"]').textContent()).toContain('已合并导入');
      expect(await read(buyer)).toMatchObject({ note: masked, preferences: '备用 139****1111' });
    } finally {
      await options.close();
    }
  });

  it('CSV import', async () => {
    const options = await s.h.openExtensionPage('options.html#customers');
    try {
      await options.locator('[data-kf="customers-total"]').waitFor();
      // No 平台 column: read as 淘宝, the confirmation's first choice.
      const sheet = `买家,备注,手机\n${other.nickname},邮箱qianqi@qq.com,13812345678\n`;
      await options.locator('[data-kf="customers-csv-file"]').setInputFiles({ name: 'vip.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
      await options.locator('[data-kf="customers-csv-yes"]').click();
      await expect.poll(() => options.locator('[data-kf="customers-import-result"]').textContent()).toMatch(/1/);
      const taobao = async () => (await callFromExtensionPage<(Customer | null)[]>(s.ext, 'getCustomers', { platform: 'taobao', buyers: [{ nickname: other.nickname }] }))[0]?.note;
      await expect.poll(taobao).toBe('邮箱qi***@qq.com；电话：138****5678');
    } finally {
      await options.close();
    }
  });
});
