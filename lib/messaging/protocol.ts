import type { TemplateLibrary } from '../domain/templates/types';
import type { ScenarioId } from '../domain/scenarios';
import type { LibraryRecord } from '../storage/library';
import type { ImportSummary } from '../domain/templates/import-plan';
import type { CsvReport, GroupScenarios } from '../domain/templates/csv';
import type { AppSettings, DeepPartial } from '../storage/settings';
import type { UsageRecord } from '../storage/usage';
import type { PackedTemplateIndex } from '../domain/suggest/template-index';
import type { WriteFailed } from './protocol-backup';
import { SCENARIO_IDS } from '../domain/scenarios';
import { ID_PATTERN } from '../domain/templates/validate';
import { s, type PageSchemas } from './schema';

/** An options tab's id (the page's address hash: options.html#shop). */
export const OPTIONS_TAB = /^[a-z-]+$/;

/** Data areas whose changes are announced to every open page. */
export type DataArea = 'library' | 'settings' | 'usage' | 'customers' | 'followups' | 'rules' | 'sites' | 'guard' | 'clock' | 'learned' | 'team' | 'backups';

/** `backedUp`: a safety copy of all data was taken first (undo from 备份). */
/** `revisits`: a buyer import's VIP revisits it scheduled, their due times (the backlog is spread, 20 a day). */
/** `added`/`updated`/`unchanged`: a buyer import's records new here, changed here, or left as they were (the same, or older). */
export type ImportResult =
  | { ok: true; count: number; added?: number; updated?: number; unchanged?: number; backedUp?: boolean; revisits?: number[]; over?: string[] }
  | { ok: false; errors: string[] }
  | WriteFailed;

/**
 * `count`: templates in the file. `preview`: what
 * the import does (or, with `dryRun`, would do), for the agent to confirm first; its `updatedAt` is
 * sent back as `baseUpdatedAt`.
 */
export type LibraryImportResult = { ok: true; count: number; preview: ImportSummary; csv?: CsvReport } | { ok: false; errors: string[] } | WriteFailed;

/** The library without its pinyin initials (getLibraryInitials brings them after), with its index's bigram table. */
export interface PanelLibrary {
  library: Omit<LibraryRecord, 'initials'>;
  index: PackedTemplateIndex;
}

/**
 * The pinyin initials of the library as of `updatedAt`, in the order of its replies (null: none
 * computed). Lists, not the stored record keyed by reply id: a message of 2,000 keys is slow to
 * serialise in the worker, which answers nothing else meanwhile (the buyer card waited on it).
 */
export interface LibraryInitials {
  updatedAt: number;
  initials: { title: string[]; body: string[] } | null;
}

/** Library, settings and usage verbs (the foundation). verb → [request, response]. */
export interface CoreProtocol {
  getLibrary: [void, LibraryRecord];
  /** The library with the bigram table of its index, packed (the chat panel indexes it without normalising any text). */
  getPanelLibrary: [void, PanelLibrary];
  /** The chat panel's search by pinyin initials (zxgf), asked for once the panel is ready: not in getPanelLibrary (130 KB for a year's library). */
  getLibraryInitials: [void, LibraryInitials];
  /** With `baseUpdatedAt`: refused with code 'conflict' if the library changed since it was read. */
  saveLibrary: [TemplateLibrary & { baseUpdatedAt?: number }, LibraryRecord];
  /**
   * Validates the whole file first; an invalid file changes nothing. `dryRun`: only says what it
   * would do. Otherwise takes a backup snapshot, then merges the file into the library (`merge`) or
   * replaces the library with it; refused with code 'conflict' if the library changed since
   * `baseUpdatedAt` (the preview's `updatedAt`). `csv`: a spreadsheet's text instead of a file's
   * JSON (lib/domain/templates/csv.ts); the answer then says what became of its rows and columns.
   * `groupScenarios`: with `csv`, the situation the agent chose for a group the import does not know
   * (group name → situation id), for its new replies whose row names none; a situation that is not
   * in the catalogue refuses the import (nothing is written).
   */
  /** 话术库's 删除服装类起始话术: the untouched copies of a kind's starter replies go, after a backup (starter-kinds.ts). */
  removeStarterKind: [{ kind: 'clothing' }, { removed: string[]; kept: string[] }];
  /**
   * 话术库's offer of the welcomes an earlier 删除服装类起始话术 took (starter-kinds.ts LEFT_KINDS): the
   * ids to offer, settled in the worker's mark as they are held, added or declined (`answered`).
   */
  checkStarterReturn: [{ answered?: string[] }, { ids: string[] }];
  importLibrary: [({ json: unknown } | { csv: string; groupScenarios?: GroupScenarios }) & { merge?: boolean; dryRun?: boolean; baseUpdatedAt?: number }, LibraryImportResult];
  exportLibrary: [void, unknown];
  getSettings: [void, AppSettings];
  patchSettings: [DeepPartial<AppSettings>, AppSettings];
  recordUsage: [{ templateId: string; scenario: ScenarioId | null }, void];
  getUsage: [void, UsageRecord];
  /** Does nothing: the floor for message round trips and worker wake-up (npm run bench). */
  ping: [void, true];
  /** Shows the options page on a tab (its id, e.g. 'shop'): the one already open, else a new one. */
  openOptions: [{ tab: string }, void];
}

/**
 * What a seller page may send for each core verb (checked by dispatch.ts before the handler runs;
 * see README.md, "Schemas"). A function, so bundles that only need the types never carry it.
 */
export const corePageSchemas = (): PageSchemas<CoreProtocol> => ({
  // Not getLibrary: a seller page's panel reads getPanelLibrary (its initials after, getLibraryInitials).
  getPanelLibrary: s.none(),
  getLibraryInitials: s.none(),
  getSettings: s.none(),
  getUsage: s.none(),
  // A seller page may only remember the panel's own state.
  patchSettings: s.object({ panel: s.object({ collapsed: s.boolean() }) }),
  recordUsage: s.object({
    templateId: s.text({ max: 64, min: 1, pattern: ID_PATTERN }),
    scenario: s.optional(s.nullable(s.oneOf(SCENARIO_IDS))),
  }),
  // The fill-in form's 去设置: only a tab id goes into the options page's address.
  openOptions: s.object({ tab: s.text({ max: 20, min: 1, pattern: OPTIONS_TAB }) }),
});

/**
 * Feature protocols are declared in their own modules (protocol-*.ts) by augmenting this
 * interface, so each feature's verbs and handlers live together:
 *   declare module './protocol' { interface Protocol extends CustomerProtocol {} }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Protocol extends CoreProtocol {}

export type Verb = keyof Protocol;
export type Req<V extends Verb> = Protocol[V][0];
export type Res<V extends Verb> = Protocol[V][1];

export interface Envelope<V extends Verb = Verb> {
  kf: V;
  payload: Req<V>;
  /** The call's id, the same when the client sends it again after a worker stopped (client.ts): a
   * handler that creates a record names it by this, so the record is made once. */
  rid?: string;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export function isEnvelope(msg: unknown): msg is Envelope {
  return !!msg && typeof msg === 'object' && typeof (msg as { kf?: unknown }).kf === 'string';
}
