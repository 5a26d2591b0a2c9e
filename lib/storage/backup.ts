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
import { dailySnapshotDue, type Snapshot, type SnapshotInfo } from '../domain/backups';
import { workerExtras } from '../background/extras';

export type { Snapshot, SnapshotContents, SnapshotInfo } from '../domain/backups';

type DataStore = Exclude<StoreName, 'backups'>;
/** Every store a snapshot holds and a restore replaces. */
export const DATA_STORES = STORE_NAMES.filter((s): s is DataStore => s !== 'backups');
const INFO = 'info:';

/** The snapshot's data and its listing, written together. */
async function putSnapshot(snap: Snapshot): Promise<SnapshotInfo> {
  const info = workerExtras().backups.snapshotInfo(snap);
  await db.setMany('backups', [[snap.id, snap], [INFO + snap.id, info]]);
  return info;
}

export async function listSnapshots(): Promise<SnapshotInfo[]> {
  const keys = await db.keys('backups');
  const listed = new Set(keys.filter((k) => k.startsWith(INFO)).map((k) => k.slice(INFO.length)));
  const infos = (await db.getMany<SnapshotInfo>('backups', [...listed].map((id) => INFO + id))).filter((i): i is SnapshotInfo => !!i?.id);
  // Snapshots taken before listings were kept apart: listed once from their data, one at a time.
  for (const id of keys.filter((k) => !k.startsWith(INFO) && !listed.has(k))) {
    const s = await db.get<Snapshot>('backups', id);
    if (s?.v === 1 && s.stores) infos.push(await putSnapshot(s));
  }
  return infos.sort((a, b) => b.takenAt - a.takenAt);
}

/** `keep`: snapshots this one must not push out (the one about to be restored). */
export async function takeSnapshot(reason: Snapshot['reason'], now = Date.now(), keep: readonly string[] = []): Promise<SnapshotInfo> {
  const stores: Snapshot['stores'] = {};
  for (const name of DATA_STORES) stores[name] = await db.entries<unknown>(name);
  const id = `snap-${new Date(now).toISOString()}-${reason}`;
  const info = await putSnapshot({ v: 1, id, takenAt: now, reason, stores });
  // Each kind within its own allowance: a safety copy never pushes out a daily or a manual one.
  const stale = workerExtras().backups.staleSnapshots(await listSnapshots(), keep);
  if (stale.length) await db.delMany('backups', stale.flatMap((id) => [id, INFO + id]));
  return info;
}

/** Takes the daily snapshot unless a recent daily one exists. Returns whether one was taken. */
export async function snapshotIfDue(now = Date.now()): Promise<boolean> {
  if (!dailySnapshotDue(await listSnapshots(), now)) return false;
  await takeSnapshot('scheduled', now);
  return true;
}

/**
 * Removes records from every snapshot: deleting a buyer (or all buyers, or a retention purge) must
 * not leave their personal data behind in local backups. Returns whether any snapshot held them.
 */
export async function scrubFromSnapshots(name: DataStore, keys: readonly string[] | 'all'): Promise<boolean> {
  const drop = keys === 'all' ? null : new Set(keys);
  if (drop && drop.size === 0) return false;
  return editSnapshots(name, (before) => {
    const after = drop ? before.filter(([k]) => !drop.has(k)) : [];
    return after.length === before.length ? before : after;
  });
}

/**
 * Rewrites one store's records in every snapshot (a deleted buyer's follow-ups anonymised, their
 * name taken out of the remark override log); `edit` returns its argument when nothing changes.
 * Returns whether any snapshot changed.
 */
export async function editSnapshots(name: DataStore, edit: (entries: [string, unknown][]) => [string, unknown][]): Promise<boolean> {
  let changed = false;
  // One snapshot in memory at a time; its listing's counts change with it.
  for (const { id } of await listSnapshots()) {
    const s = await db.get<Snapshot>('backups', id);
    if (!s || s.v !== 1 || !Array.isArray(s.stores?.[name])) continue;
    const before = s.stores[name]!;
    const after = edit(before);
    if (after === before) continue;
    await putSnapshot({ ...s, stores: { ...s.stores, [name]: after } });
    changed = true;
  }
  return changed;
}
