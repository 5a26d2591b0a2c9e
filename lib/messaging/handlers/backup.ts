import { announceChange } from '../client';
import { InvalidPayload, obj, type HandlerSet } from './types';
import type { BackupProtocol } from '../protocol-backup';
import { listSnapshots, restoreSnapshot, scrubFromSnapshots, snapshotIfDue, takeSnapshot } from '../../storage/backup';
import { resetSuggestEngine } from './learned';
import { customersReplaced } from '../../storage/customers';

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
    async handle(payload) {
      const id = obj(payload, 'restoreBackup').id;
      if (typeof id !== 'string' || !id.startsWith('snap-')) throw new InvalidPayload('restoreBackup: id');
      const restored = await restoreSnapshot(id);
      resetSuggestEngine();
      customersReplaced();
      // 'backups' too: the snapshot taken before the restore is listed in every open 备份 tab.
      await announceEverything();
      return restored;
    },
  },
};

/**
 * A safety copy of all data before an import writes (listed at once in open 备份 tabs), so the
 * import can be undone from 备份.
 */
export async function safetyCopyBefore(reason: 'before-import-customers' | 'before-import-learned'): Promise<void> {
  await takeSnapshot(reason);
  await announceChange('backups');
}

/** Every data area changed (a restore, an import or a delete of everything): every open page reads again. */
export async function announceEverything(): Promise<void> {
  for (const area of ['library', 'settings', 'usage', 'customers', 'followups', 'rules', 'sites', 'guard', 'clock', 'learned', 'team', 'backups'] as const) await announceChange(area);
}

/** The hourly backup job: a snapshot when the newest is old enough, listed at once in open 备份 tabs. */
export async function scheduledBackup(now: number): Promise<boolean> {
  const taken = await snapshotIfDue(now);
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
