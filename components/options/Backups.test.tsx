// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { Backups } from './Backups';
import { mountTab } from './testing';
import { CallError } from '@/lib/messaging/client';
import { setLocale } from '@/lib/i18n';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { onComputerZone } from '@/lib/domain/testing';
import type { SnapshotInfo } from '@/lib/storage/backup';

vi.mock('@/lib/browser', () => ({ browser: {} }));

// 06:50 UTC = 14:50 in Beijing (shop time).
const snap = (id: string, takenAt = Date.UTC(2026, 0, 1, 6, 50)): SnapshotInfo => ({
  id,
  takenAt,
  reason: 'manual',
  counts: { customers: 8, library: 1, followups: 0, meta: 5, learned: 2 },
  contents: { templates: 103, buyers: 8, followups: 0, learned: 2, settings: true },
});

describe('the 备份 tab', () => {
  it('a full disk at 立即备份 says no backup was made, that the data is as it was (a backup writes none of it) and what to do, in English too', async () => {
    for (const [locale, said] of [
      ['zh-CN', '没能备份：存储空间已满。你的数据没有改动；请腾出磁盘空间或稍等片刻后再点一次。'],
      ['en', 'Could not back up: the storage is full. Your data is unchanged; free some disk space or wait a moment, then click again.'],
    ] as const) {
      setLocale(locale);
      const tab = await mountTab(<Backups />, {
        getSettings: () => DEFAULT_APP_SETTINGS,
        listBackups: () => [snap('snap-1')],
        createBackup: () => {
          throw new CallError('quota', 'The quota has been exceeded.');
        },
      });
      await tab.click('[data-kf="backup-now"]');
      const text = tab.q('[data-kf="backup-message"]')!.textContent;
      setLocale('zh-CN');
      // Before: 操作失败：存储空间已满 (Failed: the storage is full).
      expect(text).toBe(said);
    }
  });

  it('says in Chinese first why a restore failed (the background’s English detail only in brackets after it)', async () => {
    setLocale('zh-CN');
    const tab = await mountTab(<Backups />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listBackups: () => [snap('snap-1')],
      restoreBackup: () => {
        throw new CallError('unknown', 'snapshot snap-1 is damaged (customers)');
      },
    });
    await tab.click('[data-kf="backup-restore"]');
    await tab.click('[data-kf="backup-restore-confirm"]');
    const text = tab.q('[data-kf="backup-message"]')!.textContent!;
    expect(text).toMatch(/^没能恢复：出现意外错误（snapshot snap-1 is damaged \(customers\)）。$/);
  });

  it('names what a backup holds: replies, buyers, follow-ups, learned picks, and whether the settings are in it', async () => {
    setLocale('zh-CN');
    const starter = { ...snap('snap-2', Date.UTC(2026, 0, 2)), contents: { templates: null, buyers: 0, followups: 3, learned: 0, settings: false } };
    const tab = await mountTab(<Backups />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [starter, snap('snap-1')] });
    const cells = [...tab.m.root.querySelectorAll('[data-kf="backup-counts"]')].map((c) => c.textContent);
    expect(cells).toEqual(['初始话术库 · 客户 0 位 · 跟进 3 项 · 学习记录 0 条 · 不含设置（恢复后为默认设置）', '话术 103 条 · 客户 8 位 · 跟进 0 项 · 学习记录 2 条 · 含设置']);
    setLocale('en');
    try {
      await tab.changed();
      expect(tab.q('tr[data-id="snap-1"] [data-kf="backup-counts"]')!.textContent).toBe('103 replies · 8 buyers · 0 follow-ups · 2 learned picks · with settings');
    } finally {
      setLocale('zh-CN');
    }
  });

  it('says that deleted buyers and forgotten learned picks leave every backup, and promises no backup before a delete', async () => {
    setLocale('zh-CN');
    const tab = await mountTab(<Backups />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [] });
    const help = tab.q('[data-kf="backups"] .kf-help')!.textContent!;
    expect(help).toContain('恢复备份之前，会先把当前数据另存为一份备份');
    expect(help).toMatch(/删除客户（单个删除、全部删除，或超过保留天数自动清理）和忘记学习记录时，这些记录也会从所有本机备份中删除，恢复备份也找不回来/);
    expect(help).not.toContain('全部删除之前也会先备份');
  });

  it('says how many of each kind are kept, and names each backup’s kind', async () => {
    setLocale('zh-CN');
    const list = [
      { ...snap('snap-5', Date.UTC(2026, 0, 5)), reason: 'before-import-learned' as const },
      { ...snap('snap-4', Date.UTC(2026, 0, 4)), reason: 'before-import-customers' as const },
      { ...snap('snap-3', Date.UTC(2026, 0, 3)), reason: 'before-import' as const },
      { ...snap('snap-2', Date.UTC(2026, 0, 2)), reason: 'before-restore' as const },
      snap('snap-1'),
      { ...snap('snap-0', Date.UTC(2025, 11, 31)), reason: 'scheduled' as const },
    ];
    const tab = await mountTab(<Backups />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [...list] });
    expect(tab.q('[data-kf="backups"] .kf-help')!.textContent).toContain('每日自动备份最近 7 份，手动备份最近 5 份，恢复前和导入前的备份合计最近 5 份，多次导入或恢复不会挤掉每日和手动备份');
    const kinds = () => [...tab.m.root.querySelectorAll('[data-kf="backup-row"] td:nth-child(2)')].map((c) => c.textContent);
    expect(kinds()).toEqual(['导入学习记录前', '导入客户档案前', '导入话术库前', '恢复前', '手动', '每日自动']);
    setLocale('en');
    try {
      await tab.changed();
      expect(tab.q('[data-kf="backups"] .kf-help')!.textContent).toContain('the newest 7 daily backups, 5 manual ones and 5 taken before a restore or an import');
      expect(kinds()).toEqual(['Before learned picks import', 'Before buyer notes import', 'Before library import', 'Before restore', 'Manual', 'Daily']);
    } finally {
      setLocale('zh-CN');
    }
  });

  it('names the copy taken before a 全部数据 import as such, not as a library import', async () => {
    setLocale('zh-CN');
    const list = [{ ...snap('snap-2', Date.UTC(2026, 0, 3)), reason: 'before-import-all' as const }, { ...snap('snap-1'), reason: 'before-import' as const }];
    const tab = await mountTab(<Backups />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [...list] });
    const kinds = () => [...tab.m.root.querySelectorAll('[data-kf="backup-row"] td:nth-child(2)')].map((c) => c.textContent);
    expect(kinds()).toEqual(['导入文件前', '导入话术库前']);
    setLocale('en');
    try {
      await tab.changed();
      expect(kinds()).toEqual(['Before a file import', 'Before library import']);
    } finally {
      setLocale('zh-CN');
    }
  });

  it('tells apart backups taken in the same minute: to the second, and numbered within one second', async () => {
    setLocale('zh-CN');
    // Newest first, as listBackups returns them: 14:50:41.9, 14:50:41.2, 14:50:12, 14:49:59 (shop time).
    const at = (s: number) => Date.UTC(2026, 0, 1, 6, 50) + s * 1000;
    const list = [snap('d', at(41.9)), snap('c', at(41.2)), snap('b', at(12)), snap('a', at(-1))];
    const tab = await mountTab(<Backups />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [...list], restoreBackup: () => ({}) });
    const times = [...tab.m.root.querySelectorAll('[data-kf="backup-row"] td:first-child')].map((c) => c.textContent);
    expect(times).toEqual(['2026-01-01 14:50:41 (2)', '2026-01-01 14:50:41 (1)', '2026-01-01 14:50:12', '2026-01-01 14:49:59']);
    // The confirmation names the same time, so the agent restores the one they chose.
    await tab.click('tr[data-id="c"] [data-kf="backup-restore"]');
    expect(tab.q('tr[data-id="c"] [role="alertdialog"]')!.textContent).toContain('用 2026-01-01 14:50:41 (1) 的备份替换当前全部数据吗');
  });

  it('lists a backup another tab took, without a reload', async () => {
    const list = [snap('snap-1')];
    const tab = await mountTab(<Backups />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [...list] });
    expect(tab.m.root.querySelectorAll('[data-kf="backup-row"]')).toHaveLength(1);
    list.unshift(snap('snap-2', Date.UTC(2026, 0, 3)));
    await tab.changed();
    expect([...tab.m.root.querySelectorAll('[data-kf="backup-row"]')].map((r) => r.getAttribute('data-id'))).toEqual(['snap-2', 'snap-1']);
  });

  describe('on a computer in Los Angeles', () => {
    onComputerZone('America/Los_Angeles');

    it('shows when a backup was taken in shop time, as the popup and the remarks do', async () => {
      setLocale('zh-CN');
      const tab = await mountTab(<Backups />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [snap('snap-1')] });
      expect(tab.q('tr[data-id="snap-1"] td')!.textContent).toBe('2026-01-01 14:50:00');
    });
  });
});
