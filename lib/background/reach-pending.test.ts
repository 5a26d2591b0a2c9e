/**
 * An update's open-tab work outliving the worker that started it (entrypoints/background.ts,
 * reach-tabs.ts): the new version's first worker marks it pending in storage.session; Chrome may
 * stop that worker before every open console tab got the new content script, and the next start
 * must finish it. The real entrypoint and reach-tabs.ts run here against a fake browser; what
 * they only register (handlers, alarms, team, …) is stubbed. A unit test, not a browser one: the
 * stop has to land between the mark and the last tab reached, which a test cannot time in
 * Chromium (the work takes milliseconds), and the worker's install state cannot be forced there.
 */
import { beforeEach, expect, it, vi } from 'vitest';

const w = vi.hoisted(() => ({
  /** The worker's install evaluation (a new version's first run) or a later start. */
  installing: false,
  /** storage.session: the browser's, outliving every worker. */
  session: {} as Record<string, unknown>,
  /** Console tabs that got the new content script. */
  reached: [] as number[],
  /** The worker is stopped while it injects: the injections never finish. */
  stopInjecting: false,
  onInstalled: undefined as ((reason: 'install' | 'update') => Promise<unknown>) | undefined,
  /** The buyer card's notes put back into storage.session (lib/storage/note-left.ts): each start's `update`, and a hold on it. */
  noteStarts: [] as boolean[],
  noteHold: Promise.resolve() as Promise<void>,
}));

const CONSOLE = ['http://localhost/*', 'https://*.taobao.com/*'];
const TABS = [{ id: 4 }, { id: 9 }];

vi.mock('../browser', () => ({
  browser: {
    runtime: { getManifest: () => ({ content_scripts: [{ matches: CONSOLE, js: ['content-scripts/content.js'] }] }) },
    scripting: {
      getRegisteredContentScripts: async () => [],
      executeScript: ({ target }: { target: { tabId: number } }) =>
        w.stopInjecting ? new Promise(() => {}) : Promise.resolve(void w.reached.push(target.tabId)),
    },
    tabs: { query: async ({ url }: { url: string[] }) => (url.join() === CONSOLE.join() ? TABS : []) },
    storage: {
      session: {
        get: async (k: string | string[]) => Object.fromEntries([k].flat().flatMap((x) => (x in w.session ? [[x, w.session[x]]] : []))),
        set: async (o: Record<string, unknown>) => void Object.assign(w.session, o),
        remove: async (k: string) => void delete w.session[k],
      },
    },
  },
}));
vi.mock('./extras', async () => {
  const { reachOpenTabs } = await import('./reach-tabs');
  return { preloadWorkerExtras: () => w.installing, workerExtras: () => ({ reachOpenTabs }) };
});
vi.mock('./welcome', () => ({ registerWelcome: (f: typeof w.onInstalled) => void (w.onInstalled = f) }));
vi.mock('../teach/background-api', () => ({ registerTaughtSiteScripts: () => {}, syncTaughtScriptsNow: async () => {} }));
vi.mock('../messaging/dispatch', () => ({ registerHandlers: () => {} }));
vi.mock('../messaging/handlers/data', () => ({ finishCutOff: async () => {}, upgradePrivacyAtStart: async () => {} }));
vi.mock('../messaging/handlers/followups', () => ({ registerPromiseDraftCleanup: () => {} }));
vi.mock('../messaging/handlers/core', () => ({ upgradeStarterLibrary: async () => {} }));
vi.mock('./alarms', () => ({ registerAlarms: async () => {} }));
vi.mock('./followup-jobs', () => ({ registerFollowupBackground: () => {} }));
vi.mock('./team', () => ({ registerTeamBackground: () => {} }));
vi.mock('../storage/note-left', () => ({ registerNoteLeft: () => {}, startNoteLeft: (update: boolean) => (w.noteStarts.push(update), w.noteHold) }));

const { REACH_PENDING } = await import('./reach-pending');

/** A worker starts: the real entrypoint's main(), as Chrome runs it, in modules of its own. */
async function startWorker(installing: boolean): Promise<void> {
  w.installing = installing;
  w.onInstalled = undefined;
  // Fresh modules (the unit setup loaded reach-tabs.ts over the real lib/browser, not this fake).
  vi.resetModules();
  const entry = (await import('../../entrypoints/background')).default as unknown as { main(): void };
  entry.main();
}

beforeEach(() => {
  vi.stubGlobal('defineBackground', (d: unknown) => d);
  w.session = {};
  w.reached = [];
  w.stopInjecting = false;
  w.noteStarts = [];
  w.noteHold = Promise.resolve();
});

it('an update whose worker was stopped before every open console tab got the new panel is finished at the next start', async () => {
  // The new version's first worker: marked at once, then onInstalled('update') starts the work...
  await startWorker(true);
  await vi.waitFor(() => expect(w.session[REACH_PENDING]).toBeTruthy());
  w.stopInjecting = true;
  void w.onInstalled!('update');
  // ...and Chrome stops the worker while it injects: no tab reached, the mark stays.
  await new Promise((r) => setImmediate(r));
  expect(w.reached).toEqual([]);
  expect(w.session[REACH_PENDING]).toBeTruthy();

  // The next start (woken by anything; no onInstalled this time) finishes it and clears the mark.
  w.stopInjecting = false;
  await startWorker(false);
  await vi.waitFor(() => expect(w.session[REACH_PENDING]).toBeUndefined());
  expect(w.reached.sort()).toEqual([4, 9]);

  // Done: a later start injects nothing.
  w.reached = [];
  await startWorker(false);
  await new Promise((r) => setImmediate(r));
  expect(w.reached).toEqual([]);
});

it('a fresh install clears the mark without touching the open tabs', async () => {
  await startWorker(true);
  await vi.waitFor(() => expect(w.session[REACH_PENDING]).toBeTruthy());
  await w.onInstalled!('install');
  expect(w.session[REACH_PENDING]).toBeUndefined();
  await startWorker(false);
  await new Promise((r) => setImmediate(r));
  expect(w.reached).toEqual([]);
});

it('an update puts the buyer card’s unsaved notes back before any open tab gets the new panel; a browser start does not, and a worker woken within the run leaves them', async () => {
  let putBack!: () => void;
  w.noteHold = new Promise((r) => (putBack = r));
  await startWorker(true);
  const update = w.onInstalled!('update');
  await new Promise((r) => setImmediate(r));
  // The new card would read the emptied session area: no tab is reached while the notes are not back.
  expect(w.reached).toEqual([]);
  putBack();
  await update;
  expect(w.reached.sort()).toEqual([4, 9]);
  expect(w.noteStarts.every((u) => u)).toBe(true);
  // A browser start (the session area empty, no update): its own start, nothing put back.
  w.noteStarts = [];
  await startWorker(false);
  await vi.waitFor(() => expect(w.noteStarts).toEqual([false]));
  // A worker woken within a run already marked: nothing to start.
  const { NOTE_LEFT_MARK } = await import('./reach-pending');
  w.session[NOTE_LEFT_MARK] = 1;
  w.noteStarts = [];
  await startWorker(false);
  await new Promise((r) => setImmediate(r));
  expect(w.noteStarts).toEqual([]);
});
