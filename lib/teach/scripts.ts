/**
 * Background side: our content script is registered for every taught origin we have access to
 * (scripting.registerContentScripts), so a taught page gets the panel on its next load. Re-synced
 * on every service-worker start, after every change of the taught sites, and when the agent grants
 * or withdraws a site's access in the browser. Idempotent: it only adds what is missing and removes
 * what is no longer wanted.
 */
import { originPattern } from '../sites/taught/record';

export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';
const PREFIX = 'kf-taught-';

export const scriptIdFor = (origin: string) => PREFIX + origin.replace(/[^a-z0-9]/gi, '_');

export interface RegisteredScript {
  id: string;
  matches?: string[];
}

export interface ScriptingApi {
  getRegistered(): Promise<RegisteredScript[]>;
  register(scripts: { id: string; matches: string[]; js: string[]; runAt: 'document_idle'; persistAcrossSessions: boolean }[]): Promise<void>;
  unregister(ids: string[]): Promise<void>;
  /** permissions.contains for one host pattern. */
  hasAccess(pattern: string): Promise<boolean>;
}

export interface SyncResult {
  registered: string[];
  unregistered: string[];
}

export async function syncTaughtScripts(origins: readonly string[], api: ScriptingApi): Promise<SyncResult> {
  const wanted = new Map<string, string>();
  for (const origin of origins) {
    if (await api.hasAccess(originPattern(origin)).catch(() => false)) wanted.set(scriptIdFor(origin), originPattern(origin));
  }
  const existing = (await api.getRegistered()).filter((s) => s.id.startsWith(PREFIX));
  const stale = existing.filter((s) => wanted.get(s.id) !== s.matches?.[0] || (s.matches?.length ?? 0) !== 1).map((s) => s.id);
  const keep = new Set(existing.map((s) => s.id).filter((id) => !stale.includes(id)));
  if (stale.length) await api.unregister(stale);
  const add = [...wanted].filter(([id]) => !keep.has(id));
  if (add.length) {
    await api.register(add.map(([id, pattern]) => ({ id, matches: [pattern], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle' as const, persistAcrossSessions: true })));
  }
  return { registered: add.map(([id]) => id), unregistered: stale };
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs syncs one after another (two overlapping registrations of one id would fail). */
export function queueSync(run: () => Promise<unknown>): Promise<void> {
  const next = queue.then(run, run);
  queue = next.catch(() => {});
  return next.then(() => {});
}
