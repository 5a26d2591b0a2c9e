/**
 * A buyer card note saved while 删除全部数据 is under way (lib/messaging/turn.ts): the save waits
 * behind the deletion, and the deletion may itself wait behind work still running. The card says
 * all data is being deleted in both cases (the worker's mark while the deletion waits, not only
 * while it runs: it used to say the worker was not answering), and once the deletion is done the
 * note is not written into the emptied store (it used to be): the card says it was not saved, the
 * text stays in the box. Real Chromium, the built extension, the demo console; the work is held by a
 * transaction another extension page keeps open on the notes' database.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buyerNotesSuite } from './suite';
import { cardReady, inPanel, openDemoChat } from './pages';
import { holdStore } from './stores';

const s = buyerNotesSuite();

const BUYER = '小鹿乱撞0521';
const NOTE = '说好周三前补发赠品，记得跟进';

const send = (ext: Page, verb: string, payload: unknown) => ext.evaluate(([v, p]) => (globalThis as any).chrome.runtime.sendMessage({ kf: v, payload: p }), [verb, payload] as const);

async function saveNoteDuringDeletion(ext: Page, page: Page, deletionWaits: boolean) {
  await openDemoChat(page, s.h.demoUrl, { buyer: BUYER });
  await cardReady(page, BUYER);
  const hold = await holdStore(ext, 'kf-customers');
  // Work already running when 删除全部数据 comes: a read of the notes, held by the transaction.
  const before = deletionWaits ? send(ext, 'getCustomers', { platform: 'demo', buyers: [{ nickname: '别的买家' }] }) : null;
  const deleted = send(ext, 'deleteAllData', { confirm: true });
  if (!deletionWaits) await expect.poll(() => ext.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('kf:whole-run'))['kf:whole-run']?.verb), { timeout: 5000 }).toBe('delete');

  await inPanel(page, '[data-kf="customer-note-input"]').fill(NOTE);
  await inPanel(page, '[data-kf="customer-note-save"]').click();
  await expect.poll(() => inPanel(page, '[data-kf="customer-save-whole-run"]').textContent(), { timeout: 3000 }).toBe('正在删除全部数据，完成前这条备注不会保存；你输入的内容留在这里。');
  expect(await inPanel(page, '[data-kf="customer-save-slow"]').count()).toBe(0);

  await hold.release();
  if (before) expect(await before).toMatchObject({ ok: true });
  expect(await deleted).toEqual({ ok: true, value: { deleted: true } });
  await expect.poll(() => inPanel(page, '[data-kf="customer-save-error"]').textContent(), { timeout: 5000 }).toBe('全部数据已删除，这条备注没有保存。文字仍在输入框里，需要的话请再保存一次。');
  expect(await inPanel(page, '[data-kf="customer-save-whole-run"]').count()).toBe(0);
  expect(await inPanel(page, '[data-kf="customer-note-input"]').inputValue()).toBe(NOTE);
  // The store after: the deletion left no record of the buyer, and the note typed before it was not written after it.
  expect(await send(ext, 'getCustomers', { platform: 'demo', buyers: [{ nickname: BUYER }] })).toEqual({ ok: true, value: [null] });
}

describe('a buyer card note saved during 删除全部数据', () => {
  it('is not saved after the deletion: the card says so and keeps the text', async () => {
    await saveNoteDuringDeletion(s.ext, s.page, false);
  }, 60_000);

  it('says all data is being deleted while the deletion still waits for work before it, and does not save the note after it', async () => {
    await saveNoteDuringDeletion(s.ext, s.page, true);
  }, 60_000);
});
