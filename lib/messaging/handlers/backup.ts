import { browser } from '../../browser';
import { announceChange } from '../client';
import { Conflict, InvalidPayload, obj, type HandlerSet } from './types';
import type { BackupProtocol, WriteFailed } from '../protocol-backup';
import { DATA_STORES, listSnapshots, scrubFromSnapshots, snapshotIfDue, takeSnapshot } from '../../storage/backup';
import { db, toStorageError, type StoreName } from '../../storage/db';
import { resetSuggestEngine } from './learned';
import { customersReplaced } from '../../storage/customers';
import { invalidateFollowupCache } from '../../storage/followups';
import { workerExtras } from '../../background/extras';
import { syncTaughtScriptsQuietly } from '../../teach/background-api';
import { dailyMaybeDue } from '../../domain/backups';
import { loadBundled } from '../../storage/bundled';

/**
 * The worker's stores as the restore and the put-back use them (lib/background/restore-run.ts), and the
 * shipped starter: a restored library takes its corrected wordings.
 */
export const restoreIO = { db, dataStores: DATA_STORES, toStorageError, starter: () => loadBundled('starter-library') };

/** After a restore or a put-back wrote (or may have): every cache read again, every page told. */
export async function rewritten(): Promise<void> {
  resetSuggestEngine();
  customersReplaced();
  invalidateFollowupCache();
  // The taught sites may be others now: the content script runs on the restored ones only.
  await syncTaughtScriptsQuietly();
  // 'backups' too: the copy taken first is listed in every open 备份 tab.
  await announceEverything();
}

/** Extension pages only: a seller page can neither read nor restore snapshots. */
export const backupHandlers: HandlerSet<BackupProtocol> = {
  listBackups: { handle: () => listSnapshots() },
  createBackup: {
    async handle() {
      const taken = await takeSnapshot('manual');
      await announceChange('backups');
      return taken;
    },
  },
  restoreBackup: {
    alone: 'restore',
    async handle(payload) {
      const id = obj(payload, 'restoreBackup').id;
      if (typeof id !== 'string' || !id.startsWith('snap-')) throw new InvalidPayload('restoreBackup: id');
      const r = await workerExtras().restore.run({ ...restoreIO, local: browser.storage.local }, id);
      if (r.ok || r.copy) await rewritten();
      return r;
    },
  },
};

/**
 * A safety copy of what an import writes (SAFETY_SCOPE, lib/background/backups-run.ts) before it
 * writes (listed at once in open 备份 tabs), so the import can be undone from 备份.
 */
export async function safetyCopyBefore(reason: 'before-import-customers' | 'before-import-learned'): Promise<string> {
  const { id } = await takeSnapshot(reason);
  await announceChange('backups');
  return id;
}

/**
 * An import's write after its safety copy (`copy()`, read when the write fails: null, none was taken):
 * should it fail partway, the stores it writes are put back from the copy, and the result says
 * whether that worked — never "refused, unchanged" for data that may have changed. A conflict
 * (another page saved first) is thrown before anything is written, as it was.
 */
export async function writeOrPutBack<T>(copy: () => string | null, stores: readonly Exclude<StoreName, 'backups'>[], write: () => Promise<T>): Promise<T | WriteFailed> {
  try {
    return await write();
  } catch (err) {
    const id = copy();
    if (!id || err instanceof Conflict) throw err;
    const r = await workerExtras().restore.putBack(restoreIO, id, stores, err);
    await rewritten();
    return r;
  }
}

/** Every data area changed (a restore, an import or a delete of everything): every open page reads again. */
export async function announceEverything(): Promise<void> {
  for (const area of ['library', 'settings', 'usage', 'customers', 'followups', 'rules', 'sites', 'guard', 'clock', 'learned', 'team', 'backups'] as const) await announceChange(area);
}

/**
 * The hourly backup job: a snapshot when the newest is old enough, listed at once in open 备份 tabs.
 * Most hours none is due, and the ids say so without loading worker-extras.js (dailyMaybeDue).
 */
export async function scheduledBackup(now: number): Promise<boolean> {
  const taken = dailyMaybeDue(await db.keys('backups'), now) && (await snapshotIfDue(now));
  if (taken) await announceChange('backups');
  return taken;
}

/**
 * Deleted personal data (buyers, their name claims, learned picks) leaves every local backup too;
 * open 备份 tabs are told when a backup held any of it (their counts change).
 */
export async function forgetInBackups(...args: Parameters<typeof scrubFromSnapshots>): Promise<void> {
  if (await scrubFromSnapshots(...args)) await announceChange('backups');
}
