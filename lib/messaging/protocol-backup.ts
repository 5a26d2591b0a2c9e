import type { SnapshotInfo } from '../storage/backup';

export interface BackupProtocol {
  listBackups: [void, SnapshotInfo[]];
  createBackup: [void, SnapshotInfo];
  /** Replaces all user data with the snapshot (after saving the current data as a snapshot). */
  restoreBackup: [{ id: string }, SnapshotInfo];
}

declare module './protocol' {
  interface Protocol extends BackupProtocol {}
}
