/**
 * 恢复 (options → 备份) and putting data back after an import's write failed, run from
 * worker-extras.js with the worker's stores lent as `io` (as all-data-run.ts is): they run only
 * when the agent asks, or when a write failed.
 *
 * The stores are separate databases (lib/storage/db.ts), so no one transaction spans them: each
 * store is replaced in one transaction of its own (`db.replace`, all or nothing), and when one fails
 * the stores already replaced are put back from the safety copy taken first. Only when putting back
 * fails too is the data left part new, part old — and then the result says so, and names the copy.
 */
import type { StorageErrorCode, StoreName } from '../storage/db';
import { takeSnapshot, type BackupIO } from './backups-run';
import type { Snapshot } from '../domain/backups';
import { snapshotInfo } from '../domain/backups';
import type { RestoreResult, WriteFailed, WriteProblem } from '../messaging/protocol-backup';
import type { TemplateLibrary } from '../domain/templates/types';
import { rewordStarter } from '../domain/templates/starter-rewords';
import { RUN_KEY, type WholeRun } from '../storage/whole-run';

type DataStore = Exclude<StoreName, 'backups'>;

export interface RestoreIO extends BackupIO {
  toStorageError: (err: unknown) => { code: StorageErrorCode; message: string };
  /** The shipped starter library (its current wordings), read only when a restore writes. */
  starter?: () => Promise<TemplateLibrary>;
  /** storage.local, for the mark a 恢复 leaves while it writes (lib/storage/whole-run.ts); a put-back leaves none. */
  local?: { set(x: Record<string, unknown>): Promise<void>; remove(k: string): Promise<void> };
}

/**
 * The snapshot as a restore writes it: a backup made before an update holds the starter replies the
 * update corrected in their old, false wording (QA pass P, defect 3); untouched copies take today's,
 * as the update gave them (rewordStarter), and the library says so (`reworded`, from 'restore') for
 * the 话术库 tab. The backup itself stays as it was. Its initials are dropped: some bodies changed, and
 * the worker computes them again at the first read.
 */
function withCurrentWordings(snap: Snapshot, starter: TemplateLibrary, now: number): Snapshot {
  const library = snap.stores.library?.map(([key, value]): [string, unknown] => {
    const rec = value as TemplateLibrary & { initials?: unknown };
    // A record the first prototype stored (a bare array) has no starter ids yet: nothing to correct.
    const r = key === 'library' && Array.isArray(rec?.templates) && Array.isArray(rec.groups) ? rewordStarter(rec, starter, now, 'restore') : null;
    if (!r) return [key, value];
    const { initials: _, ...kept } = rec;
    return [key, { ...kept, templates: r.templates, reworded: r.reworded }];
  });
  return library ? { ...snap, stores: { ...snap.stores, library } } : snap;
}

const failed = (io: RestoreIO, problem: WriteProblem, err?: unknown, copy?: string): WriteFailed => {
  const e = err === undefined ? null : io.toStorageError(err);
  return { ok: false, problem, ...(e && { cause: e.code, detail: e.message }), ...(copy && { copy }), errors: [] };
};

/** A snapshot whose every store is a list of [key, record]: one that can be written back whole. */
function usable(snap: unknown, names: readonly string[]): snap is Snapshot {
  const s = snap as Snapshot | undefined;
  if (s?.v !== 1 || !s.stores || typeof s.stores !== 'object') return false;
  return Object.entries(s.stores).every(
    ([name, entries]) => names.includes(name) && Array.isArray(entries) && entries.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string'),
  );
}

/** Replaces `names`, one store at a time, with the snapshot's records; stops at the first failure. */
async function replaceStores(io: RestoreIO, snap: Snapshot, names: readonly DataStore[]): Promise<{ done: DataStore[]; error?: unknown }> {
  const done: DataStore[] = [];
  for (const name of names) {
    try {
      await io.db.replace(name, (snap.stores[name] ?? []) as [string, unknown][]);
    } catch (error) {
      return { done, error };
    }
    done.push(name);
  }
  return { done };
}

/**
 * Puts `names` back from the safety copy `copy` after a write that failed with `err` (undone), or
 * says that they could not all be put back (mixed).
 */
export async function putBack(io: RestoreIO, copy: string, names: readonly DataStore[], err: unknown): Promise<WriteFailed> {
  const snap = await io.db.get<Snapshot>('backups', copy).catch(() => undefined);
  const back = usable(snap, io.dataStores) ? await replaceStores(io, snap, names) : { done: [], error: true };
  return failed(io, back.error ? 'mixed' : 'undone', err, copy);
}

/** Writes snapshot `snap` (checked usable) over its scope, with today's starter wordings. */
async function writeSnapshot(io: RestoreIO, snap: Snapshot, now: number) {
  // A copy of part of the data (a safety copy before an import) puts back that part only.
  const scope = Array.isArray(snap.scope) ? io.dataStores.filter((n) => snap.scope!.includes(n)) : undefined;
  const starter = await io.starter?.().catch(() => null);
  return { scope, write: () => replaceStores(io, starter ? withCurrentWordings(snap, starter, now) : snap, scope ?? io.dataStores) };
}

/**
 * Replaces all user data with the snapshot `id`'s, after a 'before-restore' copy of the current
 * data (which never pushes out the snapshot being restored). Nothing is written unless the snapshot
 * can be written back whole and the copy was taken.
 */
export async function restoreSnapshot(io: RestoreIO, id: string, now = Date.now()): Promise<RestoreResult> {
  let snap: unknown;
  try {
    snap = await io.db.get<Snapshot>('backups', id);
  } catch (err) {
    return failed(io, 'unchanged', err);
  }
  if (!snap) return failed(io, 'missing');
  if (!usable(snap, io.dataStores)) return failed(io, 'damaged');
  const { scope, write } = await writeSnapshot(io, snap, now);
  let copy: string;
  try {
    // The copy taken first is of the restored part only.
    copy = (await takeSnapshot(io, 'before-restore', now, [id], scope)).id;
  } catch (err) {
    return failed(io, 'unchanged', err);
  }
  // Marked while it writes: a worker stopped in between left the data part old, part restored, with
  // no word said (lock4); the next one finishes it (finishRestore).
  await io.local?.set({ [RUN_KEY]: { verb: 'restore', id, copy, at: now } satisfies WholeRun });
  try {
    const r = await write();
    if (!r.error) return { ok: true, ...snapshotInfo(snap) };
    if (!r.done.length) return failed(io, 'unchanged', r.error, copy);
    return putBack(io, copy, r.done, r.error);
  } finally {
    await io.local?.remove(RUN_KEY);
  }
}

/**
 * A 恢复 a stopped worker left half written, at the next start: written again from the same backup
 * (a restore only replaces stores, so twice is the same as once), with no second copy (the mark's
 * `copy` holds the data from before). False when it cannot be: the backup gone or unusable, a store failing.
 */
export async function finishRestore(io: RestoreIO, id: string, now = Date.now()): Promise<boolean> {
  const snap = await io.db.get<Snapshot>('backups', id).catch(() => undefined);
  return usable(snap, io.dataStores) && !(await (await writeSnapshot(io, snap, now)).write()).error;
}
