import type { SnapshotInfo } from '../storage/backup';
import type { StorageErrorCode } from '../storage/db';

/**
 * Why a restore, or an import's write, did not finish, and what state it left the data in:
 * - `missing`: the backup is gone (deleted meanwhile); `damaged`: it cannot be read back whole.
 *   Both are found before anything is written.
 * - `unchanged`: writing failed before any of the data was replaced (each store is replaced in one
 *   transaction, all or nothing).
 * - `undone`: writing failed partway and what was written was put back as it was before.
 * - `mixed`: writing failed partway and putting back failed too: part of the data is new, part as
 *   before; the safety copy taken first (`copy`, in 备份) brings everything back.
 */
export type WriteProblem = 'missing' | 'damaged' | 'unchanged' | 'undone' | 'mixed';

/** A write that did not finish: the problem, the storage error behind it, the safety copy taken first. */
export interface WriteFailed {
  ok: false;
  problem: WriteProblem;
  cause?: StorageErrorCode;
  /** The developer's detail of the cause (shown in brackets, never alone). */
  detail?: string;
  /** The id of the safety copy taken before writing began, if one was. */
  copy?: string;
  errors: [];
}

export type RestoreResult = ({ ok: true } & SnapshotInfo) | WriteFailed;

export interface BackupProtocol {
  listBackups: [void, SnapshotInfo[]];
  createBackup: [void, SnapshotInfo];
  /** Replaces all user data with the snapshot (after saving the current data as a snapshot), or says why not and what it left. */
  restoreBackup: [{ id: string }, RestoreResult];
}

declare module './protocol' {
  interface Protocol extends BackupProtocol {}
}
