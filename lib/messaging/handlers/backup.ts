import { announceChange } from '../client';
import { InvalidPayload, obj, type HandlerSet } from './types';
import type { BackupProtocol } from '../protocol-backup';
import { listSnapshots, restoreSnapshot, takeSnapshot } from '../../storage/backup';
import { resetSuggestEngine } from './learned';
import { customersReplaced } from '../../storage/customers';

/** Extension pages only: a seller page can neither read nor restore snapshots. */
export const backupHandlers: HandlerSet<BackupProtocol> = {
  listBackups: { handle: () => listSnapshots() },
  createBackup: { handle: () => takeSnapshot('manual') },
  restoreBackup: {
    async handle(payload) {
      const id = obj(payload, 'restoreBackup').id;
      if (typeof id !== 'string' || !id.startsWith('snap-')) throw new InvalidPayload('restoreBackup: id');
      const restored = await restoreSnapshot(id);
      resetSuggestEngine();
      customersReplaced();
      for (const area of ['library', 'settings', 'usage', 'customers', 'followups', 'rules', 'sites', 'learned'] as const) await announceChange(area);
      return restored;
    },
  },
};
