/**
 * 学习记录 → 忘记 on a full disk (fail2), in the built extension in real Chromium: the worker's
 * IndexedDB refuses writes as a full disk does (as storage-full.e2e.test.ts makes it). The pick was
 * deleted here first and the backups' rewrite then refused, so it stayed in the backups with nothing
 * left here to forget again. Now the backups are cleaned first: refused, the pick is still here and
 * still in the backups; the same button forgets it from both once there is room.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { callFromExtensionPage, setUpDemoShop } from './pages';
import type { LearnedSummary } from '../../lib/messaging/protocol-learned';
import type { SnapshotInfo } from '../../lib/storage/backup';
import { diskFull as setDiskFull } from './stores';

const s = {} as { h: Harness; ext: Page };
beforeAll(async () => {
  s.h = await launchWithExtension();
  s.ext = await setUpDemoShop(s.h);
}, 120_000);
afterAll(async () => {
  await s.h?.close();
});

/** The worker's IndexedDB writes fail as on a full disk (on), or work again (off). */
const diskFull = async (on: boolean) => setDiskFull(await s.h.serviceWorker(), on);

it('a forget the disk refuses forgets nothing: the pick stays here and in the backup, and the same button forgets it from both once there is room', async () => {
  const at = Date.now();
  const picks = [
    { id: 'fail2-a', at, text: '发票抬头能写公司吗', scenario: 'invoice', templateId: null, source: 'chip' },
    { id: 'fail2-b', at: at - 1000, text: '寄回去的运费谁出', scenario: 'return-shipping', templateId: null, source: 'chip' },
  ];
  expect(await callFromExtensionPage(s.ext, 'importLearned', { json: { kind: 'kf-learned', v: 1, exportedAt: at, picks } })).toMatchObject({ ok: true, count: 2 });
  const manual = (await callFromExtensionPage<SnapshotInfo>(s.ext, 'createBackup')).id;
  const inBackup = async () => (await callFromExtensionPage<SnapshotInfo[]>(s.ext, 'listBackups')).find((b) => b.id === manual)!.contents.learned;
  const here = async () => (await callFromExtensionPage<LearnedSummary>(s.ext, 'getLearned', {})).count;
  expect([await here(), await inBackup()]).toEqual([2, 2]);

  const opts = await s.h.openExtensionPage('options.html#learned');
  const message = () => opts.locator('[data-kf="learned-message"]').textContent();
  try {
    await opts.locator('[data-pick-id="fail2-a"] [data-kf="learned-forget"]').waitFor();
    await diskFull(true);
    await opts.locator('[data-pick-id="fail2-a"] [data-kf="learned-forget"]').click();
    await expect.poll(message).toMatch(/^没能忘记完：存储空间已满。/);
    await diskFull(false);
    // Before: 1 here and 2 in the backup — forgotten here, kept in the backup.
    expect([await here(), await inBackup()]).toEqual([2, 2]);
    await expect.poll(() => opts.locator('[data-kf="learned-count"]').textContent()).toBe('已学习 2 条');

    await opts.locator('[data-pick-id="fail2-a"] [data-kf="learned-forget"]').click();
    await expect.poll(message).toBe('已忘记 1 条。');
    expect([await here(), await inBackup()]).toEqual([1, 1]);
  } finally {
    await diskFull(false);
    await opts.close();
  }
});
