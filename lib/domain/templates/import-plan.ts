/**
 * What importing a library file would do to the library on this machine, before anything is
 * written, so the agent can choose knowingly:
 *
 * - merge (the default offered): each template in the file replaces the one with the same id, new
 *   ids are added at the end, and every template the file does not mention stays. Template ids are
 *   stable keys (the starter's never change, the editor makes fresh ones, an export keeps them), so
 *   an edited export coming back updates in place, and a file of three replies adds three replies.
 * - replace: the library becomes exactly the file (what a shop's master library is for).
 *
 * A merge can break one rule neither side breaks alone: a kept template and a template from the
 * file may use the same /code. Those are listed by title; the merged library is still returned
 * (its own validation refuses it), so the caller can say why merging is not possible.
 */
import type { Locale } from '../../i18n/lookup';
import type { Template, TemplateLibrary } from './types';
import { LIBRARY_FORMAT, LIBRARY_VERSION, normalizeTemplate, parseLibraryImport, type ParseLibraryResult } from './validate';
import { rewordStarter, type Reworded } from './starter-rewords';

export interface CodeClash {
  code: string;
  /** The title of the template in the file. */
  incoming: string;
  /** The title of the kept template that already uses the code. */
  existing: string;
}

export interface ImportSummary {
  /** The library's `updatedAt` the counts were made from (a write based on them checks it is still so). */
  updatedAt: number;
  /** Templates in the library now. */
  current: number;
  /** Templates in the file. */
  incoming: number;
  /** In the file with an id the library does not have. */
  added: number;
  /** In the file with an id the library has, with other content. */
  updated: number;
  /** The titles, as stored here, of the `updated` ones: the replies the file's content would rewrite. */
  changedTitles?: string[];
  /** In the file exactly as in the library. */
  unchanged: number;
  /** In the library but not in the file: kept by a merge, deleted by a replace. */
  notInFile: number;
  /** Codes a merge would give to two templates. */
  codeClashes: CodeClash[];
  /** Why the file cannot be merged into this library (empty: it can), in the interface's language. */
  mergeErrors: string[];
  /**
   * Starter replies the file holds untouched in a wording an update retracted as false: they come in
   * with today's wording (counted above as such), and the 话术库 tab says so.
   */
  reworded?: string[];
}

export type ImportPlan =
  /** The file itself is refused (`parseLibraryImport`'s problems). */
  | { ok: false; errors: string[] }
  | {
      ok: true;
      /** The file's library, checked: what a replace writes. */
      library: TemplateLibrary;
      summary: ImportSummary;
      /** The library after a merge, checked as a whole (a code clash or the size limits refuse it). */
      merged: ParseLibraryResult;
      /** What a write of either keeps for the 话术库 tab's notice: the file's old starter wordings given today's. */
      reworded?: Reworded;
    };

/** Whether two templates say the same once both are in canonical shape (trimmed, code lowercased …). */
export function sameTemplate(a: Template, b: Template): boolean {
  return JSON.stringify(normalizeTemplate(a)) === JSON.stringify(normalizeTemplate(b));
}

/**
 * Checks the file (`json`: parsed, or its text) as `parseLibraryImport` does, then counts it against
 * `current`, the stored library (its `updatedAt`: 0 if never saved). `locale`: the interface's
 * language, for every problem. `starter`: the shipped starter library — a file made before an update
 * (an old export, 导入全部数据's library) has its untouched starter replies in a retracted wording
 * given today's, as the update gave the stored ones (rewordStarter), before anything is counted.
 */
export function planLibraryImport(json: unknown, current: TemplateLibrary & { updatedAt?: number }, locale?: Locale, starter?: TemplateLibrary, now = Date.now()): ImportPlan {
  const parsed = parseLibraryImport(json, locale);
  if (!parsed.ok) return parsed;
  const reworded = starter ? rewordStarter(parsed.library, starter, now, 'import') : null;
  const incoming = reworded ?? parsed.library;
  const fromFile = new Map(incoming.templates.map((x) => [x.id, x]));
  const have = new Map(current.templates.map((x) => [x.id, x]));
  let updated = 0;
  let unchanged = 0;
  const changedTitles: string[] = [];
  for (const x of incoming.templates) {
    const old = have.get(x.id);
    if (old) {
      if (sameTemplate(old, x)) unchanged++;
      else {
        updated++;
        changedTitles.push(old.title);
      }
    }
  }
  const kept = current.templates.filter((x) => !fromFile.has(x.id));
  const keptByCode = new Map(kept.filter((x) => x.code).map((x) => [x.code!, x]));
  const codeClashes: CodeClash[] = [];
  for (const x of incoming.templates) {
    const other = x.code ? keptByCode.get(x.code) : undefined;
    if (other) codeClashes.push({ code: x.code!, incoming: x.title, existing: other.title });
  }
  const merged = parseLibraryImport(
    {
      format: LIBRARY_FORMAT,
      version: LIBRARY_VERSION,
      groups: [...new Set([...current.groups, ...incoming.groups])],
      templates: [...current.templates.map((x) => fromFile.get(x.id) ?? x), ...incoming.templates.filter((x) => !have.has(x.id))],
    },
    locale,
  );
  return {
    ok: true,
    library: incoming,
    summary: {
      updatedAt: current.updatedAt ?? 0,
      current: current.templates.length,
      incoming: incoming.templates.length,
      added: incoming.templates.length - updated - unchanged,
      updated,
      changedTitles,
      unchanged,
      notInFile: kept.length,
      codeClashes,
      mergeErrors: merged.ok ? [] : merged.errors,
      ...(reworded && { reworded: reworded.reworded.ids }),
    },
    merged,
    ...(reworded && { reworded: reworded.reworded }),
  };
}
