/**
 * 退出团队模式 in the worker: until the team page has deleted the replicas and the worker answered,
 * the status is 'leaving' for every page — a live update answering meanwhile used to store 已同步
 * (and announce 'team'), and a page reloaded then found the configuration gone and offered the
 * sign-in form while the replicas were still there (CI 2026-12-06). A join waits for the leave; a
 * leave the worker stopped in the middle of is finished when it starts again.
 */
import { expect, it, vi } from 'vitest';
import { localArea } from '../messaging/testing';

const local = localArea();
type Listener = (msg: unknown, sender: { id?: string; url?: string }) => unknown;
const listeners: Listener[] = [];
/** What the worker sent the team page; the leave it has not answered yet. */
const toPage: { kfTeam?: string; firstJoin?: boolean }[] = [];
let leaveDone: (() => void) | null = null;
vi.mock('../browser', async () =>
  (await import('../messaging/testing')).teamWorkerBrowser({
    onMessage: { addListener: (fn: Listener) => void listeners.push(fn) },
    sendMessage: async (m: { kfTeam?: string }) => {
      toPage.push(m);
      if (m.kfTeam === 'leave') return new Promise((r) => (leaveDone = () => r({ ok: true })));
      if (m.kfTeam === 'sync') return { status: { state: 'synced', pending: 0 }, areas: [] };
      return undefined;
    },
  }),
);
vi.mock('../teach/background-api', () => ({ syncTaughtScriptsQuietly: async () => {} }));
(globalThis as unknown as { chrome: unknown }).chrome = { offscreen: { createDocument: async () => {}, closeDocument: async () => {} } };

const { TEAM_CONFIG_KEY, TEAM_STATUS_KEY } = await import('../team/config');
const config = { server: 'http://127.0.0.1:5984', shop: 'demo', user: 'xiaowang', role: 'agent' as const };
const { connectTeam, leaveTeam, loadTeamConfig, registerTeamBackground } = await import('./team');

const fromPage = { id: 'ext', url: 'chrome-extension://ext/team-sync.html' };

it('says 正在退出 until the replicas are deleted, whatever a live update answers meanwhile, and a join waits for it', async () => {
  registerTeamBackground();
  await connectTeam(config);
  expect(local[TEAM_STATUS_KEY]).toMatchObject({ state: 'synced' });
  const left = leaveTeam();
  await vi.waitFor(() => expect(leaveDone).toBeTypeOf('function'));
  expect(local[TEAM_STATUS_KEY]).toMatchObject({ state: 'leaving' });
  expect(local[TEAM_CONFIG_KEY]).toBeUndefined();
  // The live pull's last batch, answered while the replicas are being deleted.
  for (const l of listeners) l({ kfTeamPage: 'update', update: { status: { state: 'synced', pending: 0 }, areas: ['customers'] } }, fromPage);
  await new Promise((r) => setTimeout(r, 10));
  expect(local[TEAM_STATUS_KEY]).toMatchObject({ state: 'leaving' });
  // Another tab's join: it waits, and is not undone by the leave.
  const syncs = () => toPage.filter((m) => m.kfTeam === 'sync').length;
  const before = syncs();
  const joined = connectTeam({ ...config, user: 'xiaoli' });
  await new Promise((r) => setTimeout(r, 10));
  expect(local[TEAM_CONFIG_KEY]).toBeUndefined();
  expect(syncs()).toBe(before);
  leaveDone!();
  expect(await left).toEqual({ state: 'off', pending: 0 });
  expect(await joined).toMatchObject({ state: 'synced' });
  expect(local[TEAM_CONFIG_KEY]).toMatchObject({ user: 'xiaoli' });
  expect(await loadTeamConfig()).toMatchObject({ user: 'xiaoli' });
});

it('finishes, when the worker starts, a leave it was stopped in the middle of: the replicas deleted, then 未开启', async () => {
  local[TEAM_STATUS_KEY] = { state: 'leaving', pending: 0 };
  local[TEAM_CONFIG_KEY] = config;
  leaveDone = null;
  vi.resetModules();
  const again = await import('./team');
  again.registerTeamBackground();
  await vi.waitFor(() => expect(leaveDone).toBeTypeOf('function'));
  expect(local[TEAM_CONFIG_KEY]).toBeUndefined();
  expect(local[TEAM_STATUS_KEY]).toMatchObject({ state: 'leaving' });
  leaveDone!();
  await vi.waitFor(() => expect(local[TEAM_STATUS_KEY]).toEqual({ state: 'off', pending: 0 }));
});
