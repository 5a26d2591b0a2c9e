/**
 * A full disk, end to end in Chromium with the built extension. With unlimitedStorage the origin
 * has no quota short of the disk (wxt.config.ts, lib/storage/README.md), so a write fails for quota
 * only when the disk itself is full — which a test cannot arrange, and the DevTools quota override
 * does not apply to an unlimited origin. The test makes the worker's IndexedDB refuse writes the
 * way a full disk does (QuotaExceededError) and checks what the agent meets: a note saved on the
 * buyer card says the storage is full, the typed text stays, nothing saved before is lost, and the
 * same note saves once there is room again.
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage, cardReady, inPanel, openDemoChat } from './pages';
import { buyerNotesSuite } from './suite';

const s = buyerNotesSuite();
const BUYER = '米粒妈妈';
const notes = () => inPanel(s.page, '[data-kf="customer-history"] li[data-kind="note"]').allTextContents();

/** The worker's IndexedDB writes fail as on a full disk (on), or work again (off). */
async function diskFull(on: boolean): Promise<void> {
  const sw = await s.h.serviceWorker();
  await sw.evaluate((full) => {
    const g = globalThis as any;
    const proto = IDBObjectStore.prototype as any;
    g.__kfPut ??= proto.put;
    proto.put = full
      ? function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
      : g.__kfPut;
  }, on);
}

describe('when the disk is full', () => {
  it('a note saved on the buyer card says the storage is full, keeps the text, loses nothing, and saves once there is room', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: BUYER });
    await cardReady(s.page, BUYER);
    const input = inPanel(s.page, '[data-kf="customer-note-input"]');
    await input.fill('只发顺丰');
    await inPanel(s.page, '[data-kf="customer-note-save"]').click();
    await expect.poll(notes).toEqual([expect.stringContaining('只发顺丰')]);

    await diskFull(true);
    try {
      await input.fill('地址改到公司');
      await inPanel(s.page, '[data-kf="customer-note-save"]').click();
      await expect.poll(() => inPanel(s.page, '[data-kf="customer-save-error"]').textContent()).toContain('存储空间已满');
      expect(await input.inputValue()).toBe('地址改到公司');
    } finally {
      await diskFull(false);
    }
    // Nothing saved before was lost, and nothing half-written.
    const stored = await callFromExtensionPage<{ items: { nickname: string; history: { kind: string; text: string }[] }[] }>(s.ext, 'listCustomers', {});
    expect(stored.items.map((c) => [c.nickname, c.history.filter((e) => e.kind === 'note').map((e) => e.text)])).toEqual([[BUYER, ['只发顺丰']]]);

    await inPanel(s.page, '[data-kf="customer-note-save"]').click();
    await expect.poll(() => input.inputValue()).toBe('');
    await expect.poll(async () => (await notes()).join('|')).toMatch(/地址改到公司.*只发顺丰|只发顺丰.*地址改到公司/);
    expect(await inPanel(s.page, '[data-kf="customer-save-error"]').count()).toBe(0);
  });
});
