/**
 * A note saved on the buyer card while 删除全部数据 runs in the worker: the save waits behind it
 * (lib/messaging/turn.ts). The card used to say only that the worker was not answering (after 4 s);
 * it now says at once that all data is being deleted, read from the worker's whole-data mark in
 * storage.local, and the text stays. Real Chromium, the built extension, the demo console; the
 * deletion is held by a transaction another extension page keeps open on the notes' database.
 */
import { describe, expect, it } from 'vitest';
import { buyerNotesSuite } from './suite';
import { cardReady, inPanel, openDemoChat } from './pages';
import { holdStore } from './stores';

const s = buyerNotesSuite();

describe('a buyer card note saved during 删除全部数据', () => {
  it('says at once that all data is being deleted, not that the worker is silent, and keeps the text', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
    await cardReady(s.page, '小鹿乱撞0521');
    // Holds kf-customers: the deletion's clear of that store waits until the transaction ends.
    const hold = await holdStore(s.ext, 'kf-customers');
    const deleted = s.ext.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ kf: 'deleteAllData', payload: { confirm: true } }));
    await expect.poll(() => s.ext.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('kf:whole-run'))['kf:whole-run']?.verb), { timeout: 5000 }).toBe('delete');

    await inPanel(s.page, '[data-kf="customer-note-input"]').fill('下周一再联系，先别催');
    await inPanel(s.page, '[data-kf="customer-note-save"]').click();
    await expect
      .poll(() => inPanel(s.page, '[data-kf="customer-save-whole-run"]').textContent(), { timeout: 3000 })
      .toBe('正在删除全部数据，完成前这条备注不会保存；你输入的内容留在这里。');
    expect(await inPanel(s.page, '[data-kf="customer-save-slow"]').count()).toBe(0);
    expect(await inPanel(s.page, '[data-kf="customer-note-input"]').inputValue()).toBe('下周一再联系，先别催');

    await hold.release();
    expect(await deleted).toEqual({ ok: true, value: { deleted: true } });
    await expect.poll(() => inPanel(s.page, '[data-kf="customer-save-whole-run"]').count(), { timeout: 5000 }).toBe(0);
  }, 60_000);
});
