/**
 * Pure code the worker needs for some verbs only — the remark rules (presets, validation, parsing),
 * the library's and the buyer notes' import/export checks, the guard settings' check, the
 * reply-clock summary and the CSV exports — kept out of background.js, which Chrome parses at every
 * worker wake. It is a second script in the package, worker-extras.js (entrypoints/worker-extras.ts,
 * the modules listed in extras-modules.ts), loaded with importScripts() the first time a verb asks
 * for it in a worker's life (`workerExtras()`, synchronous).
 *
 * Chrome lets a service worker importScripts() only scripts it imported while it was being
 * installed; a new one later throws ("importScripts() of new scripts after service worker
 * installation is not allowed"), and import() is refused in service workers altogether. So the
 * worker also imports the file once at its install evaluation (`preloadWorkerExtras()`, at
 * startup, state 'parsed'); Chrome keeps that copy with the installed worker and serves every later
 * import from it, after any number of restarts (test/e2e/worker-extras.e2e.test.ts stops the worker
 * and checks). An update installs a new worker, which imports the new file. Firefox runs the
 * background as a page: its manifest lists worker-extras.js before background.js (wxt.config.ts).
 * In Node (unit tests) test/setup-unit.ts registers the modules directly.
 *
 * Only pure, stateless code belongs in the extras: the script has its own copy of every module it
 * imports, so a module holding state (storage, caches) would exist twice, and a class thrown there
 * is not the worker's class for `instanceof`.
 */
import type { WorkerExtras } from './extras-modules';

export type { WorkerExtras };

const KEY = '__kfWorkerExtras';
export const WORKER_EXTRAS_FILE = '/worker-extras.js';

interface WorkerGlobal {
  [KEY]?: WorkerExtras;
  importScripts?: (...urls: string[]) => void;
  serviceWorker?: { state: string };
}
const g = globalThis as unknown as WorkerGlobal;

/** Called by worker-extras.js when it runs (and by the unit-test setup). */
export function registerWorkerExtras(extras: WorkerExtras): void {
  g[KEY] = extras;
}

/** The extras, importing worker-extras.js first if this worker has not yet. */
export function workerExtras(): WorkerExtras {
  if (!g[KEY] && typeof g.importScripts === 'function') g.importScripts(WORKER_EXTRAS_FILE);
  const extras = g[KEY];
  if (!extras) throw new Error(`${WORKER_EXTRAS_FILE} is not loaded`);
  return extras;
}

/**
 * At the worker's install evaluation (the only time Chrome lets it import a script it has not
 * imported before): import the extras once so later wakes may. A worker started again later is
 * 'activated' and skips this. Where the state cannot be read, import at once (correct, if slower).
 * True at that install evaluation: a new version's first run (lib/background/reach-pending.ts).
 */
export function preloadWorkerExtras(): boolean {
  if (typeof g.importScripts !== 'function') return false;
  const state = g.serviceWorker?.state;
  const installing = state === 'parsed' || state === 'installing';
  if (installing || state === undefined) workerExtras();
  return installing;
}
