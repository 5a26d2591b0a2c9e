/**
 * The local snapshots' bodies (lib/storage/backup.ts is what the worker and the team page call),
 * run from worker-extras.js with the stores lent as `io`, as all-data-run.ts is: the hourly job,
 * an import's safety copy and a deleted buyer's scrub each load the extras anyway (a snapshot's
 * listing and pruning are theirs), so keeping these in background.js only cost parse time at every wake.
 */
import type { db as Db, StoreName } from '../storage/db';
import { dailySnapshotDue, snapshotId, snapshotInfo, staleSnapshots, type Snapshot, type SnapshotInfo } from '../domain/backups';

type DataStore = Exclude<StoreName, 'backups'>;

export interface BackupIO {
  db: typeof Db;
  /** Every store a snapshot holds (all but the backups). */
  dataStores: readonly DataStore[];
}

const INFO = 'info:';

/** The snapshot's data and its listing, written together. */
async function putSnapshot(io: BackupIO, snap: Snapshot): Promise<SnapshotInfo> {
  const info = snapshotInfo(snap);
  await io.db.setMany('backups', [[snap.id, snap], [INFO + snap.id, info]]);
  return info;
}

export async function listSnapshots(io: BackupIO): Promise<SnapshotInfo[]> {
  const keys = await io.db.keys('backups');
  const listed = new Set(keys.filter((k) => k.startsWith(INFO)).map((k) => k.slice(INFO.length)));
  const infos = (await io.db.getMany<SnapshotInfo>('backups', [...listed].map((id) => INFO + id))).filter((i): i is SnapshotInfo => !!i?.id);
  // Snapshots taken before listings were kept apart: listed once from their data, one at a time.
  for (const id of keys.filter((k) => !k.startsWith(INFO) && !listed.has(k))) {
    const s = await io.db.get<Snapshot>('backups', id);
    if (s?.v === 1 && s.stores) infos.push(await putSnapshot(io, s));
  }
  return infos.sort((a, b) => b.takenAt - a.takenAt);
}

/**
 * What an import's safety copy holds: the stores that import writes (those its write puts back from
 * the copy should it fail, writeOrPutBack), not all data — at 20,000 buyers a copy of everything
 * took seconds before a one-pick import of learned picks.
 */
export const SAFETY_SCOPE: Partial<Record<Snapshot['reason'], readonly DataStore[]>> = {
  'before-import': ['library', 'meta'],
  'before-starter-removal': ['library', 'meta'],
  'before-import-customers': ['customers', 'buyer-names', 'followups'],
  'before-import-learned': ['learned'],
};

/**
 * `keep`: snapshots this one must not push out (the one about to be restored). `only`: the stores
 * it holds (a restore's copy of what the restore replaces); absent, those of SAFETY_SCOPE for an
 * import's safety copy, else all data.
 */
export async function takeSnapshot(
  io: BackupIO,
  reason: Snapshot['reason'],
  now = Date.now(),
  keep: readonly string[] = [],
  only: readonly DataStore[] | undefined = SAFETY_SCOPE[reason],
): Promise<SnapshotInfo> {
  const stores: Snapshot['stores'] = {};
  const names = only ? io.dataStores.filter((n) => only.includes(n)) : io.dataStores;
  for (const name of names) stores[name] = await io.db.entries<unknown>(name);
  const id = snapshotId(now, reason);
  const info = await putSnapshot(io, { v: 1, id, takenAt: now, reason, stores, ...(only && { scope: [...names] }) });
  // Each kind within its own allowance: a safety copy never pushes out a daily or a manual one.
  const stale = staleSnapshots(await listSnapshots(io), keep);
  if (stale.length) await io.db.delMany('backups', stale.flatMap((id) => [id, INFO + id]));
  return info;
}

/** Takes the daily snapshot unless a recent daily one exists. Returns whether one was taken. */
export async function snapshotIfDue(io: BackupIO, now = Date.now()): Promise<boolean> {
  if (!dailySnapshotDue(await listSnapshots(io), now)) return false;
  await takeSnapshot(io, 'scheduled', now);
  return true;
}

/**
 * Removes records from every snapshot: deleting a buyer (or all buyers, or a retention purge) must
 * not leave their personal data behind in local backups. Returns whether any snapshot held them.
 */
export async function scrubFromSnapshots(io: BackupIO, name: DataStore, keys: readonly string[] | 'all'): Promise<boolean> {
  const drop = keys === 'all' ? null : new Set(keys);
  if (drop && drop.size === 0) return false;
  return editSnapshots(io, name, (before) => {
    const after = drop ? before.filter(([k]) => !drop.has(k)) : [];
    return after.length === before.length ? before : after;
  });
}

/**
 * Rewrites one store's records in every snapshot (a deleted buyer's follow-ups anonymised, their
 * name taken out of the remark override log); `edit` returns its argument when nothing changes.
 * Returns whether any snapshot changed.
 */
export async function editSnapshots(io: BackupIO, name: DataStore, edit: (entries: [string, unknown][]) => [string, unknown][]): Promise<boolean> {
  let changed = false;
  // One snapshot in memory at a time, read and written in one transaction: two edits at once (a
  // buyer's deletion and the privacy upgrade, say) each keep the other's — read-then-put let the
  // later put bring a deleted buyer back. Its listing's counts follow, from the snapshot as stored.
  // A snapshot the edit leaves alone is not written (a shop's runs to tens of megabytes); one it
  // changes is edited again inside the transaction, from what is stored then.
  const touches = (s: Snapshot | undefined): s is Snapshot => !!s && s.v === 1 && Array.isArray(s.stores?.[name]) && edit(s.stores[name]!) !== s.stores[name];
  for (const { id } of await listSnapshots(io)) {
    if (!touches(await io.db.get<Snapshot>('backups', id))) continue;
    let edited = false;
    await io.db.update<Snapshot | undefined>('backups', id, (s) => {
      if (!s || s.v !== 1 || !Array.isArray(s.stores?.[name])) return s;
      const before = s.stores[name]!;
      const after = edit(before);
      if (after === before) return s;
      edited = true;
      return { ...s, stores: { ...s.stores, [name]: after } };
    });
    if (!edited) continue;
    const now = await io.db.get<Snapshot>('backups', id);
    if (now) await io.db.set('backups', INFO + id, snapshotInfo(now));
    changed = true;
  }
  return changed;
}
