/**
 * Automatic local snapshots of all user data (every store except the backups themselves), taken on
 * a schedule by the background, the newest few of each kind kept (lib/domain/backups.ts), restorable
 * from the options page. Snapshots stay in the extension origin; they protect against a bad import
 * or an accidental delete-all, not against losing the machine (that is what export is for).
 *
 * Each snapshot is two records in `kf-backups`: the data under its id (`snap-…`) and what the 备份
 * tab lists of it under `info:` + id, so listing (the tab, the hourly job, the pruning after every
 * snapshot) never reads the data itself: a shop's snapshot runs to tens of megabytes
 * (lib/storage/README.md), and a dozen of them read at once would not fit in the worker.
 */
import { db, STORE_NAMES, type StoreName } from './db';
import type { Snapshot } from '../domain/backups';
import { workerExtras } from '../background/extras';

export type { Snapshot, SnapshotContents, SnapshotInfo } from '../domain/backups';

type DataStore = Exclude<StoreName, 'backups'>;
/** Every store a snapshot holds and a restore replaces. */
export const DATA_STORES = STORE_NAMES.filter((s): s is DataStore => s !== 'backups');

// The bodies run from worker-extras.js (lib/background/backups-run.ts), lent these stores.
const io = { db, dataStores: DATA_STORES };
const run = () => workerExtras().backups;

/** Every snapshot's listing, newest first (the data itself is not read). */
export const listSnapshots = () => run().list(io);

/**
 * `keep`: snapshots this one must not push out (the one about to be restored). An import's safety
 * copy holds only what that import writes (SAFETY_SCOPE, lib/background/backups-run.ts).
 */
export const takeSnapshot = (reason: Snapshot['reason'], now?: number, keep?: readonly string[]) => run().take(io, reason, now, keep);

/** Takes the daily snapshot unless a recent daily one exists. Returns whether one was taken. */
export const snapshotIfDue = (now?: number) => run().ifDue(io, now);

/**
 * Removes records from every snapshot: deleting a buyer (or all buyers, or a retention purge) must
 * not leave their personal data behind in local backups. Returns whether any snapshot held them.
 */
export const scrubFromSnapshots = (name: DataStore, keys: readonly string[] | 'all') => run().scrub(io, name, keys);

/**
 * Rewrites one store's records in every snapshot (a deleted buyer's follow-ups anonymised, their
 * name taken out of the remark override log); `edit` returns its argument when nothing changes.
 * Returns whether any snapshot changed.
 */
export const editSnapshots = (name: DataStore, edit: (entries: [string, unknown][]) => [string, unknown][]) => run().edit(io, name, edit);
