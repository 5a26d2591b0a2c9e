/**
 * Automatic local snapshots of all user data (every store except the backups themselves), taken on
 * a schedule by the background, the newest few kept, restorable from the options page. Snapshots
 * stay in the extension origin; they protect against a bad import or an accidental delete-all, not
 * against losing the machine (that is what export is for).
 */
import { db, STORE_NAMES, type StoreName } from './db';

export const KEEP_SNAPSHOTS = 5;
/** A scheduled snapshot is skipped when the newest one is younger than this. */
export const SNAPSHOT_MIN_AGE_MS = 20 * 60 * 60 * 1000;

export interface Snapshot {
  v: 1;
  id: string;
  takenAt: number;
  reason: 'scheduled' | 'manual' | 'before-restore' | 'before-delete' | 'before-import';
  stores: Partial<Record<StoreName, [string, unknown][]>>;
}

export interface SnapshotInfo {
  id: string;
  takenAt: number;
  reason: Snapshot['reason'];
  /** Records per store. */
  counts: Partial<Record<StoreName, number>>;
  /** What the agent would get back, in their terms (the 备份 tab shows these). */
  contents: SnapshotContents;
}

export interface SnapshotContents {
  /** Replies in the saved library; null: none saved, a restore brings back the starter library. */
  templates: number | null;
  buyers: number;
  followups: number;
  learned: number;
  /** The shop's settings (agent, shop, cut-off…) are in it; without them a restore resets them to the defaults. */
  settings: boolean;
}

type DataStore = Exclude<StoreName, 'backups'>;
const DATA_STORES = STORE_NAMES.filter((s): s is DataStore => s !== 'backups');

function info(s: Snapshot): SnapshotInfo {
  const counts: SnapshotInfo['counts'] = {};
  for (const [name, entries] of Object.entries(s.stores)) counts[name as StoreName] = entries?.length ?? 0;
  const at = (name: DataStore, key: string) => s.stores[name]?.find(([k]) => k === key)?.[1];
  // The library is one record holding every reply; 'meta' holds the settings and other records.
  const lib = at('library', 'library') as { templates?: unknown } | undefined;
  const contents: SnapshotContents = {
    templates: Array.isArray(lib?.templates) ? lib.templates.length : null,
    buyers: counts.customers ?? 0,
    followups: counts.followups ?? 0,
    learned: counts.learned ?? 0,
    settings: at('meta', 'settings') !== undefined,
  };
  return { id: s.id, takenAt: s.takenAt, reason: s.reason, counts, contents };
}

export async function listSnapshots(): Promise<SnapshotInfo[]> {
  const all = await db.values<Snapshot>('backups');
  return all.filter((s) => s && s.v === 1).map(info).sort((a, b) => b.takenAt - a.takenAt);
}

export async function takeSnapshot(reason: Snapshot['reason'], now = Date.now()): Promise<SnapshotInfo> {
  const stores: Snapshot['stores'] = {};
  for (const name of DATA_STORES) stores[name] = await db.entries<unknown>(name);
  const id = `snap-${new Date(now).toISOString()}-${reason}`;
  const snap: Snapshot = { v: 1, id, takenAt: now, reason, stores };
  await db.set('backups', id, snap);
  const list = await listSnapshots();
  const stale = list.slice(KEEP_SNAPSHOTS).map((s) => s.id);
  if (stale.length) await db.delMany('backups', stale);
  return info(snap);
}

/** Takes a scheduled snapshot unless a recent one exists. Returns whether one was taken. */
export async function snapshotIfDue(now = Date.now()): Promise<boolean> {
  const newest = (await listSnapshots())[0];
  if (newest && now - newest.takenAt < SNAPSHOT_MIN_AGE_MS) return false;
  await takeSnapshot('scheduled', now);
  return true;
}

/**
 * Replaces all user data with the snapshot's. A 'before-restore' snapshot of the current data is
 * taken first, so a restore can itself be undone.
 */
export async function restoreSnapshot(id: string, now = Date.now()): Promise<SnapshotInfo> {
  const snap = await db.get<Snapshot>('backups', id);
  if (!snap || snap.v !== 1 || !snap.stores || typeof snap.stores !== 'object') throw new Error(`no usable snapshot ${id}`);
  for (const [name, entries] of Object.entries(snap.stores)) {
    if (!DATA_STORES.includes(name as DataStore) || !Array.isArray(entries)) throw new Error(`snapshot ${id} is damaged (${name})`);
  }
  await takeSnapshot('before-restore', now);
  for (const name of DATA_STORES) {
    await db.clear(name);
    const entries = snap.stores[name];
    if (entries?.length) await db.setMany(name, entries as [string, unknown][]);
  }
  return info(snap);
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
  for (const s of await db.values<Snapshot>('backups')) {
    if (!s || s.v !== 1 || !Array.isArray(s.stores?.[name])) continue;
    const before = s.stores[name]!;
    const after = edit(before);
    if (after === before) continue;
    await db.set('backups', s.id, { ...s, stores: { ...s.stores, [name]: after } });
    changed = true;
  }
  return changed;
}
