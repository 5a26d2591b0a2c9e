/**
 * Test-only helpers for handler tests (the worker's verbs in Node). Not imported by product code.
 */
import { vi } from 'vitest';

/**
 * The test file's storage.local: a plain map the test can read and clear. Kept on globalThis, not
 * in this module: a test that starts "a fresh worker" with vi.resetModules() (cut-off.test.ts) gets
 * a fresh copy of this module too, and storage.local is the browser's — it must outlive the worker.
 */
export function localArea(): Record<string, unknown> {
  const g = globalThis as { kfTestLocalArea?: Record<string, unknown> };
  return (g.kfTestLocalArea ??= {});
}

/**
 * What `lib/browser` gives the worker, with storage.local over `localArea()`. `more` adds other
 * areas (alarms, …), runtime members and storage members (onChanged, …). Use as
 * `vi.mock('../../browser', async () => (await import('../testing')).fakeBrowser())`.
 */
export function fakeBrowser(
  more: { runtime?: Record<string, unknown>; storage?: Record<string, unknown>; [area: string]: unknown } = {},
) {
  const local = localArea();
  const { runtime, storage, ...areas } = more;
  return {
    browser: {
      storage: {
        ...storage,
        local: {
          set: vi.fn(async (x: Record<string, unknown>) => void Object.assign(local, x)),
          get: vi.fn(async (k: string) => (k in local ? { [k]: local[k] } : {})),
          remove: vi.fn(async (k: string) => void delete local[k]),
          clear: vi.fn(async () => void Object.keys(local).forEach((k) => delete local[k])),
        },
      },
      ...areas,
      runtime: { id: 'ext', getURL: (p = '') => `chrome-extension://ext/${p.replace(/^\//, '')}`, ...runtime },
    },
  };
}

/**
 * fakeBrowser for a test that starts the team coordinator (lib/background/team.ts): the hooks it
 * registers but the test does not drive (storage changes, alarms, connections) inert; `runtime`,
 * the messages the test passes as Chrome would.
 */
export function teamWorkerBrowser(runtime: Record<string, unknown>) {
  return fakeBrowser({
    storage: { onChanged: { addListener: () => {}, removeListener: () => {} } },
    alarms: { onAlarm: { addListener: () => {} }, create: async () => {}, clear: async () => true },
    runtime: { onConnect: { addListener: () => {} }, ...runtime },
  });
}
