/**
 * Local backups (snapshots of all user data, taken and restored by lib/storage/backup.ts, listed in
 * the 备份 tab): what one holds in the agent's terms, and which are kept. Each kind has its own
 * allowance, so the snapshots taken by themselves before a library import or a restore never push
 * out the daily ones or those the agent took: after a run of bad imports, the backups an agent
 * reaches for are still there. Pure; in worker-extras.js (lib/background/extras-modules.ts) except
 * `dailyMaybeDue`, which the hourly job asks without loading it.
 */
import type { StoreName } from '../storage/db';

/**
 * 'before-import': before a library import; 'before-import-all': before an import of 全部数据;
 * 'before-import-customers' and 'before-import-learned': before the buyer-notes and learned-picks
 * imports, which merge into what is there; 'before-starter-removal': before 话术库's 删除服装类起始话术.
 * All safety copies.
 */
export type SnapshotReason =
  | 'scheduled'
  | 'manual'
  | 'before-restore'
  | 'before-delete'
  | 'before-import'
  | 'before-import-all'
  | 'before-import-customers'
  | 'before-import-learned'
  | 'before-starter-removal';

export interface Snapshot {
  v: 1;
  id: string;
  takenAt: number;
  reason: SnapshotReason;
  stores: Partial<Record<StoreName, [string, unknown][]>>;
  /**
   * The stores a safety copy holds when it holds only what its operation can change (importing
   * learned picks copies the picks, not 20,000 buyers); a restore replaces these and leaves the
   * rest. Absent: all data (a store missing from such a snapshot is restored empty, as it was then).
   */
  scope?: StoreName[];
}

export interface SnapshotInfo {
  id: string;
  takenAt: number;
  reason: SnapshotReason;
  /** Records per store. */
  counts: Partial<Record<StoreName, number>>;
  /** What the agent would get back, in their terms (the 备份 tab shows these). */
  contents: SnapshotContents;
  /** Only these stores are in it (Snapshot.scope); absent: all data. */
  scope?: StoreName[];
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

/** What the 备份 tab lists of a snapshot: its record counts and contents, without the data. */
export function snapshotInfo(s: Snapshot): SnapshotInfo {
  const counts: SnapshotInfo['counts'] = {};
  for (const [name, entries] of Object.entries(s.stores)) counts[name as StoreName] = entries?.length ?? 0;
  const at = (name: StoreName, key: string) => {
    const entries = s.stores[name];
    return Array.isArray(entries) ? entries.find(([k]) => k === key)?.[1] : undefined;
  };
  // The library is one record holding every reply; 'meta' holds the settings and other records.
  const lib = at('library', 'library') as { templates?: unknown } | undefined;
  const contents: SnapshotContents = {
    templates: Array.isArray(lib?.templates) ? lib.templates.length : null,
    buyers: counts.customers ?? 0,
    followups: counts.followups ?? 0,
    learned: counts.learned ?? 0,
    settings: at('meta', 'settings') !== undefined,
  };
  return { id: s.id, takenAt: s.takenAt, reason: s.reason, counts, contents, ...(s.scope && { scope: s.scope }) };
}

/** The kinds that share an allowance: the daily job's, the agent's own, the safety copies before an import or a restore. */
export type SnapshotPool = 'daily' | 'manual' | 'safety';

export const SNAPSHOT_POOL: Readonly<Record<SnapshotReason, SnapshotPool>> = {
  scheduled: 'daily',
  manual: 'manual',
  'before-import': 'safety',
  'before-import-customers': 'safety',
  'before-import-learned': 'safety',
  'before-import-all': 'safety',
  'before-starter-removal': 'safety',
  'before-restore': 'safety',
  // Not taken any more (deleting data leaves the backups too); older copies may still hold one.
  'before-delete': 'safety',
};

/** The newest this many of each pool are kept: a week of dailies, five of the rest. */
export const KEEP_PER_POOL: Readonly<Record<SnapshotPool, number>> = { daily: 7, manual: 5, safety: 5 };

/** A scheduled snapshot is skipped while the newest daily one is younger than this. */
export const SNAPSHOT_MIN_AGE_MS = 20 * 60 * 60 * 1000;

export interface KeptSnapshot {
  id: string;
  takenAt: number;
  reason: string;
}

/** A reason this copy does not know (a newer copy's) counts with the safety copies, never with the agent's own. */
export function poolOf(reason: string): SnapshotPool {
  return Object.hasOwn(SNAPSHOT_POOL, reason) ? SNAPSHOT_POOL[reason as SnapshotReason] : 'safety';
}

/**
 * The ids past their pool's allowance: all but the newest KEEP_PER_POOL of each pool. The ids in
 * `keep` are never among them and take their pool's places first (the copy being restored: the
 * safety copy taken before the restore then pushes out the oldest *other* one, so the copy the
 * agent restored is still listed afterwards; it ages out with later copies as usual).
 */
export function staleSnapshots(list: readonly KeptSnapshot[], keep: readonly string[] = []): string[] {
  const kept = new Set(keep);
  const seen: Record<SnapshotPool, number> = { daily: 0, manual: 0, safety: 0 };
  for (const s of list) if (kept.has(s.id)) seen[poolOf(s.reason)]++;
  const stale: string[] = [];
  for (const s of [...list].sort((a, b) => b.takenAt - a.takenAt)) {
    const pool = poolOf(s.reason);
    if (!kept.has(s.id) && ++seen[pool] > KEEP_PER_POOL[pool]) stale.push(s.id);
  }
  return stale;
}

/** Whether the daily snapshot is due: no daily one younger than SNAPSHOT_MIN_AGE_MS (the agent's own and safety copies do not count). */
export function dailySnapshotDue(list: readonly KeptSnapshot[], now: number): boolean {
  return !list.some((s) => s.reason === 'scheduled' && now - s.takenAt < SNAPSHOT_MIN_AGE_MS);
}

/** A snapshot's id: when it was taken and why, so that the hourly check can read both from the ids alone. */
export const snapshotId = (takenAt: number, reason: string) => `snap-${new Date(takenAt).toISOString()}-${reason}`;

/**
 * dailySnapshotDue read from the backups' ids alone (snapshotId), by the worker's hourly check: the
 * listing and the snapshot run from worker-extras.js, loaded only when this says one may be due (an
 * id not of that shape says nothing, so the full check runs and decides).
 */
export const dailyMaybeDue = (ids: readonly string[], now: number) => !ids.some((id) => id.endsWith('-scheduled') && now - Date.parse(id.slice(5, -10)) < SNAPSHOT_MIN_AGE_MS);
