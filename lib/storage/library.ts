import { noteLocalChange } from './changes';
import { db } from './db';
import { migrate, type RecordSchema } from './versioned';
import type { Template, TemplateLibrary } from '../domain/templates/types';
import type { Reworded } from '../domain/templates/starter-rewords';
import { loadBundled } from './bundled';
import { workerExtras } from '../background/extras';

/** The template library as stored (store 'library', key 'library'). */
export interface LibraryRecord extends TemplateLibrary {
  v: 2;
  updatedAt: number;
  /**
   * Pinyin initials per template id ([title, body]) for search by initials (cf → 催付), computed in
   * the background so the in-page panel never loads pinyin data. Missing = not computed yet.
   */
  initials?: Record<string, [string, string]>;
  /** Starter replies an update gave a corrected wording (rewordStarter), until the library is saved again. */
  reworded?: Reworded;
}

/**
 * v0: the first prototype stored a bare array of templates with a single `scenario` string.
 * v1: { templates, groups } with `scenarios: string[]`.
 * v2: + `updatedAt` (lets two tabs tell which copy is newer).
 */
export const LIBRARY_SCHEMA: RecordSchema<LibraryRecord> = {
  version: 2,
  steps: [
    // Run from worker-extras.js (as the customers' and follow-ups' v0 steps): only a record the
    // first prototype stored takes it, and the worker's bundle has a budget.
    (r) => workerExtras().library.libraryV0toV1(r),
    (r) => ({ ...r, updatedAt: typeof r.updatedAt === 'number' ? r.updatedAt : 0 }),
  ],
  finish(r) {
    if (!Array.isArray(r.templates) || !Array.isArray(r.groups)) throw new Error('library record is damaged');
    const rec: LibraryRecord = {
      v: 2,
      groups: r.groups.map(String),
      templates: r.templates as Template[],
      updatedAt: Number(r.updatedAt) || 0,
    };
    if (r.initials && typeof r.initials === 'object') rec.initials = r.initials as LibraryRecord['initials'];
    if (r.reworded) rec.reworded = r.reworded as Reworded;
    return rec;
  },
};

const KEY = 'library';

export async function loadLibrary(): Promise<LibraryRecord> {
  const raw = await db.get<unknown>('library', KEY);
  if (raw === undefined) {
    // The starter library, fetched from the extension's files (not bundled into the worker).
    return { v: 2, ...(await loadBundled('starter-library')), updatedAt: 0 };
  }
  return migrate(raw, LIBRARY_SCHEMA);
}

/** The stored shape of a library (the initials only when computed). */
function toRecord(lib: TemplateLibrary & Pick<LibraryRecord, 'reworded'>, updatedAt: number, initials?: Record<string, [string, string]>): LibraryRecord {
  const record: LibraryRecord = { v: 2, groups: lib.groups, templates: lib.templates, updatedAt, reworded: lib.reworded };
  if (initials) record.initials = initials;
  return record;
}

export async function saveLibrary(
  lib: TemplateLibrary,
  now = Date.now(),
  initials?: Record<string, [string, string]>,
): Promise<LibraryRecord> {
  const record = toRecord(lib, now, initials);
  await db.set('library', KEY, record);
  await noteLocalChange('library', [KEY]);
  return record;
}

/**
 * Saves only if the stored library is still the one the editor started from (`base` = its
 * updatedAt), in one transaction; otherwise changes nothing and returns 'conflict', so an editor in
 * another tab never silently overwrites a change made here (the caller applies its change to the
 * newer library again, or asks the agent when that change was to the same template).
 */
export async function saveLibraryIfUnchanged(
  lib: TemplateLibrary & Pick<LibraryRecord, 'reworded'>,
  base: number,
  now = Date.now(),
  initials?: Record<string, [string, string]>,
): Promise<LibraryRecord | 'conflict'> {
  let result: LibraryRecord | 'conflict' = 'conflict';
  await db.update<unknown>('library', KEY, (old) => {
    const current = old === undefined ? 0 : migrate(old, LIBRARY_SCHEMA).updatedAt;
    return current === base ? (result = toRecord(lib, Math.max(now, base + 1), initials)) : old;
  });
  if (result !== 'conflict') await noteLocalChange('library', [KEY]);
  return result;
}
