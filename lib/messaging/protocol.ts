import type { TemplateLibrary } from '../domain/templates/types';
import type { ScenarioId } from '../domain/scenarios';
import type { LibraryRecord } from '../storage/library';
import type { AppSettings, DeepPartial } from '../storage/settings';
import type { UsageRecord } from '../storage/usage';

/** Data areas whose changes are announced to every open page. */
export type DataArea = 'library' | 'settings' | 'usage' | 'customers' | 'followups' | 'rules';

export type ImportResult = { ok: true; count: number } | { ok: false; errors: string[] };

/** verb → [request, response]. Verb names say what they do. */
export interface Protocol {
  getLibrary: [void, LibraryRecord];
  saveLibrary: [TemplateLibrary, LibraryRecord];
  /** Validates the whole file first; an invalid file changes nothing. */
  importLibrary: [{ json: unknown }, ImportResult];
  exportLibrary: [void, unknown];
  getSettings: [void, AppSettings];
  patchSettings: [DeepPartial<AppSettings>, AppSettings];
  recordUsage: [{ templateId: string; scenario: ScenarioId | null }, void];
  getUsage: [void, UsageRecord];
}

export type Verb = keyof Protocol;
export type Req<V extends Verb> = Protocol[V][0];
export type Res<V extends Verb> = Protocol[V][1];

/** Verbs a content script (inside a seller page) may call. Everything else: extension pages only. */
export const CONTENT_VERBS: ReadonlySet<Verb> = new Set<Verb>([
  'getLibrary',
  'getSettings',
  'patchSettings',
  'recordUsage',
  'getUsage',
]);

export interface Envelope<V extends Verb = Verb> {
  kf: V;
  payload: Req<V>;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export function isEnvelope(msg: unknown): msg is Envelope {
  return !!msg && typeof msg === 'object' && typeof (msg as { kf?: unknown }).kf === 'string';
}
