/**
 * The round the team page asks for when the server answers again (live mode's 'up'): the worker
 * runs it as its unasked rounds, under the whole-data lock (lib/messaging/turn.ts) — never beside
 * 删除全部数据, 导入全部数据 or 恢复 — and a whole-data verb that arrives cuts it. The page used to run
 * it by itself, writing the stores while a deletion ran.
 */
import { afterEach, expect, it, vi } from 'vitest';
import { localArea } from '../messaging/testing';

const local = localArea();
type Listener = (msg: unknown, sender: { id?: string; url?: string }) => unknown;
const listeners: Listener[] = [];
/** What the worker sent the team page, and the sync round the page has not answered yet. */
const toPage: { kfTeam?: string; unasked?: boolean }[] = [];
let answer: ((r: unknown) => void) | null = null;
const synced = { status: { state: 'synced', pending: 0 }, areas: [] };
vi.mock('../browser', async () =>
  (await import('../messaging/testing')).teamWorkerBrowser({
    onMessage: { addListener: (fn: Listener) => void listeners.push(fn) },
    sendMessage: async (m: { kfTeam?: string; unasked?: boolean }) => {
      toPage.push(m);
      if (m.kfTeam === 'cut') {
        answer?.({ status: { state: 'offline', pending: 1 }, areas: [] });
        answer = null;
      }
      if (m.kfTeam !== 'sync') return undefined;
      return new Promise((r) => (answer = r));
    },
  }),
);
vi.mock('../teach/background-api', () => ({ syncTaughtScriptsQuietly: async () => {} }));
(globalThis as unknown as { chrome: unknown }).chrome = { offscreen: { createDocument: async () => {}, closeDocument: async () => {} } };

const { TEAM_CONFIG_KEY } = await import('../team/config');
local[TEAM_CONFIG_KEY] = { server: 'http://127.0.0.1:5984', shop: 'demo', user: 'xiaowang', role: 'agent' };
const { registerTeamBackground } = await import('./team');
const { inTurn } = await import('../messaging/turn');

const fromPage = { id: 'ext', url: 'chrome-extension://ext/team-sync.html' };
const syncs = () => toPage.filter((m) => m.kfTeam === 'sync');
/**
 * "Nothing happened": fake time from here, then every timer the worker set runs out (however long
 * it waits) with the promises it starts settled — a round sent late still shows, a fixed sleep missed it.
 */
const settleEverything = () => vi.runAllTimersAsync();
afterEach(() => void vi.useRealTimers());

it('runs the page’s back-online round after a whole-data verb, never beside it, and lets the next verb cut it', async () => {
  registerTeamBackground();
  // The start-up round, answered.
  await vi.waitFor(() => expect(syncs()).toHaveLength(1));
  answer!(synced);
  answer = null;
  await vi.waitFor(() => expect(local['kf:team:status']).toMatchObject({ state: 'synced' }));
  await new Promise((r) => setTimeout(r, 0));

  // 删除全部数据 under way when the server comes back.
  let endWipe!: () => void;
  const wipe = inTurn(true, () => new Promise<void>((r) => (endWipe = r)));
  await vi.waitFor(() => expect(endWipe).toBeTypeOf('function'));
  vi.useFakeTimers();
  for (const l of listeners) l({ kfTeamPage: 'up' }, fromPage);
  await settleEverything();
  expect(syncs()).toHaveLength(1);
  // No round was under way for the verb to cut: the next one can only be the page's.
  expect(toPage.some((m) => m.kfTeam === 'cut')).toBe(false);
  vi.useRealTimers();
  endWipe();
  await wipe;
  // After it, as an unasked round (one a whole-data verb may cut).
  await vi.waitFor(() => expect(syncs()).toHaveLength(2));
  expect(syncs()[1]).toMatchObject({ unasked: true });

  // A silent server: the next whole-data verb cuts the round and runs at once.
  const order: string[] = [];
  await inTurn(true, async () => void order.push('import'));
  expect(toPage.some((m) => m.kfTeam === 'cut')).toBe(true);
  expect(order).toEqual(['import']);
  expect(local['kf:team:status']).toMatchObject({ state: 'offline' });
});

it('ignores the message from anything but the team page', async () => {
  // The round after the import above, answered: rounds go one at a time, so while it waited for the
  // page a round the message started would have waited too, and shown nothing whatever the check.
  await vi.waitFor(() => expect(answer).toBeTypeOf('function'));
  answer!(synced);
  answer = null;
  await vi.waitFor(() => expect(local['kf:team:status']).toMatchObject({ state: 'synced' }));
  const n = syncs().length;
  vi.useFakeTimers();
  for (const l of listeners) l({ kfTeamPage: 'up' }, { id: 'ext', url: 'https://shop.example/chat' });
  await settleEverything();
  expect(syncs()).toHaveLength(n);
});
