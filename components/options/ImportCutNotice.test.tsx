// @vitest-environment happy-dom
/**
 * The notice of a 导入全部数据 the browser cut off (lib/storage/whole-run.ts): the worker leaves the
 * record in storage.local; the options page and the popup say it with the safety copy's name and
 * time as 备份 lists it, and 恢复到导入前 restores that copy in one click.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mountTab } from './testing';
import { ImportCutNotice } from './ImportCutNotice';
import { useApi } from './OptionsContext';
import { setLocale, t } from '@/lib/i18n';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { IMPORT_CUT_KEY } from '@/lib/storage/whole-run';
import type { SnapshotInfo } from '@/lib/storage/backup';

const local: Record<string, unknown> = {};
vi.mock('@/lib/browser', () => ({
  browser: {
    storage: {
      local: {
        get: async (k: string) => (k in local ? { [k]: local[k] } : {}),
        remove: async (k: string) => void delete local[k],
      },
    },
  },
}));

// 06:50:07 UTC = 14:50:07 in Beijing (shop time).
const copy: SnapshotInfo = {
  id: 'snap-before',
  takenAt: Date.UTC(2026, 11, 5, 6, 50, 7),
  reason: 'before-import-all',
  counts: { customers: 3, library: 1, followups: 2, meta: 5, learned: 0 },
  contents: { templates: 20, buyers: 3, followups: 2, learned: 0, settings: true },
};

function Notice() {
  return <ImportCutNotice api={useApi()} />;
}

beforeEach(() => {
  for (const k of Object.keys(local)) delete local[k];
  setLocale('zh-CN');
});

describe('the notice of a cut-off 导入全部数据', () => {
  it('names the copy from before the import as 备份 does, and 恢复到导入前 restores it and says so', async () => {
    local[IMPORT_CUT_KEY] = { copy: 'snap-before', at: copy.takenAt, rid: 'abc' };
    const restoreBackup = vi.fn(() => ({ ok: true, ...copy }));
    const tab = await mountTab(<Notice />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [copy], restoreBackup });
    expect(tab.q('[data-kf="import-cut"]')!.textContent).toBe(
      '上次「导入文件…」没有做完：浏览器在导入途中停止了扩展后台，数据可能只导入了一部分。导入前的数据在「备份」里：「导入文件前」2026-12-05 14:50:07。恢复到导入前保留现状',
    );
    await tab.click('[data-kf="import-cut-restore"]');
    expect(restoreBackup).toHaveBeenCalledWith({ id: 'snap-before' });
    expect(tab.q('[data-kf="import-cut"]')).toBeNull();
    expect(tab.q('[data-kf="import-cut-said"]')!.textContent).toBe('已恢复到导入前的数据，可以重新导入文件。');
    // Answered: not said again.
    expect(local[IMPORT_CUT_KEY]).toBeUndefined();
  });

  it('in English, with no Chinese left', async () => {
    setLocale('en');
    local[IMPORT_CUT_KEY] = { copy: 'snap-before', at: copy.takenAt };
    const tab = await mountTab(<Notice />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [copy] });
    const text = tab.q('[data-kf="import-cut"]')!.textContent!;
    expect(text).toContain('"Before a file import", 2026-12-05 14:50:07');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('保留现状 removes it; a failed restore says so and keeps it', async () => {
    local[IMPORT_CUT_KEY] = { copy: 'snap-before', at: copy.takenAt };
    const tab = await mountTab(<Notice />, {
      getSettings: () => DEFAULT_APP_SETTINGS,
      listBackups: () => [copy],
      restoreBackup: () => ({ ok: false, problem: 'unchanged', cause: 'quota', errors: [] }),
    });
    await tab.click('[data-kf="import-cut-restore"]');
    expect(tab.q('[data-kf="import-cut-said"]')!.textContent).toMatch(/^恢复没有完成：存储空间已满.*数据没有改动/);
    expect(local[IMPORT_CUT_KEY]).toBeDefined();
    await tab.click('[data-kf="import-cut-keep"]');
    expect(tab.q('[data-kf="import-cut"]')).toBeNull();
    expect(local[IMPORT_CUT_KEY]).toBeUndefined();
  });

  it('without the copy any more, says so and offers no restore; with no record, says nothing', async () => {
    local[IMPORT_CUT_KEY] = { copy: 'snap-gone', at: copy.takenAt };
    const tab = await mountTab(<Notice />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [copy] });
    expect(tab.q('[data-kf="import-cut"]')!.textContent).toContain('导入前的备份已不在「备份」里');
    expect(tab.q('[data-kf="import-cut-restore"]')).toBeNull();
    delete local[IMPORT_CUT_KEY];
    await tab.changed();
    expect(tab.q('[data-kf="import-cut"]')).toBeNull();
  });
});

describe('the notice of a cut-off 恢复', () => {
  const before: SnapshotInfo = { ...copy, id: 'snap-before-restore', reason: 'before-restore' };

  it('says the next start finished it from the same backup, names the copy from before it, and 退回到恢复前 restores that copy', async () => {
    local[IMPORT_CUT_KEY] = { copy: before.id, at: before.takenAt, restore: 'done' };
    const restoreBackup = vi.fn(() => ({ ok: true, ...before }));
    const tab = await mountTab(<Notice />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [before], restoreBackup });
    const text = tab.q('[data-kf="import-cut"]')!.textContent!;
    expect(text).toContain('扩展重新启动后已从同一份备份把恢复做完');
    expect(text).toContain('恢复前的数据在「备份」里：「恢复前」2026-12-05 14:50:07。');
    // Nothing to keep or drop: it is only read.
    expect(tab.q('[data-kf="import-cut-keep"]')!.textContent).toBe(t('restoreCut.ok'));
    expect(t('restoreCut.ok')).not.toBe(t('importCut.keep'));
    await tab.click('[data-kf="import-cut-restore"]');
    expect(restoreBackup).toHaveBeenCalledWith({ id: before.id });
    expect(tab.q('[data-kf="import-cut-said"]')!.textContent).toBe('已退回到恢复前的数据。');
    expect(local[IMPORT_CUT_KEY]).toBeUndefined();
  });

  it('one it could not finish says the data may be mixed; in English with no Chinese left', async () => {
    setLocale('en');
    local[IMPORT_CUT_KEY] = { copy: before.id, at: before.takenAt, restore: 'cut' };
    const tab = await mountTab(<Notice />, { getSettings: () => DEFAULT_APP_SETTINGS, listBackups: () => [before] });
    const text = tab.q('[data-kf="import-cut"]')!.textContent!;
    expect(text).toContain('could not finish it');
    expect(text).toContain('"Before restore", 2026-12-05 14:50:07');
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
