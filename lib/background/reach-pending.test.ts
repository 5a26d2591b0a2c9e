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
        get: async (k: string) => (k in w.session ? { [k]: w.session[k] } : {}),
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
