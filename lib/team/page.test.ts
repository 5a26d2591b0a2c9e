/**
 * The team page's live updates: a lost connection noticed before a round ended is not reported
 * after that round's status (a late 离线 used to replace 已同步 until the next event); a live import
 * or round that closed a follow-up this user snoozed is told in the status; the live pull's batches
 * are imported when the worker asks (`import`, under its whole-data lock), not by the page itself.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import type { LiveEvent } from './sync';

let onLive: ((e: LiveEvent) => void) | null = null;
/** What the live pull calls when a batch arrived (startLive `ask`). */
let onBatch: (() => void) | null = null;
let imports = 0;
let pendingGate: Promise<number> = Promise.resolve(0);
let doneOver: { id: string; kind: string; title: string; buyer?: string; by?: string }[] = [];
let unreadable: string[] = [];
let reopenedList: { id: string; at: number; by?: string }[] = [];
const dropped: string[] = [];
let syncs = 0;
vi.mock('./pouch-browser', () => ({ BrowserPouch: class {} }));
/** How the engine tells the page an area changed (storageStores' `announce`). */
let announce: (area: string) => Promise<void> = async () => {};
vi.mock('./storage-bridge', () => ({ storageStores: (fn: typeof announce) => ((announce = fn), {}) }));
vi.mock('./sync', async (orig) => {
  const real = await orig<typeof import('./sync')>();
  class FakeSync {
    isLive = false;
    startLive(fn: (e: LiveEvent) => void, opts: { ask?: () => void } = {}) {
      this.isLive = true;
      onLive = fn;
      onBatch = opts.ask ?? null;
    }
    importLive = async () => (imports++, { exported: 0, pushed: 0, pulled: 0, resolved: 0, imported: 0, pending: 0, refused: [] });
    async stopLive() {}
    async close() {}
    pending = () => pendingGate;
    syncOnce = async () => (syncs++, { exported: 0, pushed: 0, pulled: 0, pending: 0, refused: [] });
    members = async () => null;
    doneOver = async () => doneOver;
    reopened = async (change: { drop?: string } = {}) => {
      if (change.drop) {
        dropped.push(change.drop);
        reopenedList = reopenedList.filter((d) => d.id !== change.drop);
      }
      return reopenedList;
    };
    unreadable = async () => unreadable;
  }
  return { ...real, TeamSync: FakeSync };
});

const sent: { kfTeamPage: string; update: { areas: string[]; status?: { state: string } } }[] = [];
let listener: (msg: unknown, sender: { id?: string; url?: string }, reply: (r: unknown) => void) => boolean | void = () => undefined;
(globalThis as unknown as { chrome: unknown }).chrome = {
  runtime: {
    id: 'ext',
    onMessage: { addListener: (fn: typeof listener) => void (listener = fn) },
    sendMessage: async (m: (typeof sent)[number]) => void sent.push(m),
  },
};
const { runTeamPage } = await import('./page');
runTeamPage();

const cfg = { server: 'http://127.0.0.1:5984', shop: 'demo', user: 'xiaowang', role: 'agent' };
const fromBackground = { id: 'ext', url: 'chrome-extension://ext/background.js' };
const ask = (msg: object) => new Promise<any>((resolve) => listener({ ...msg, config: cfg }, fromBackground, resolve));
const syncError = async () => (await import('./sync')).TeamSyncError;

beforeEach(() => void (sent.length = 0));

it('a connection lost before a round ended is not reported over that round’s status', async () => {
  await ask({ kfTeam: 'live', on: true });
  const TeamSyncError = await syncError();
  let release!: (n: number) => void;
  pendingGate = new Promise((r) => (release = r));
  onLive!({ kind: 'down', error: new TeamSyncError('offline', 'server gone') });
  // The server comes back and the agent syncs before the count of waiting records is in.
  pendingGate = Promise.resolve(0);
  expect((await ask({ kfTeam: 'sync' })).status.state).toBe('synced');
  release(2);
  await vi.waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]!.update.status).toBeUndefined();
});

it('a connection lost after the last round is reported as 离线 with what waits', async () => {
  const TeamSyncError = await syncError();
  pendingGate = Promise.resolve(3);
  onLive!({ kind: 'down', error: new TeamSyncError('offline', 'server gone') });
  await vi.waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]!.update.status).toMatchObject({ state: 'offline', pending: 3 });
});

it("a round's status names the follow-ups a colleague closed over this user's snooze, until they are read", async () => {
  expect((await ask({ kfTeam: 'sync' })).status.doneOver).toBeUndefined();
  doneOver = [{ id: 'manual:1', kind: 'manual', title: '回电话', by: '小吴' }];
  expect((await ask({ kfTeam: 'sync' })).status).toMatchObject({ state: 'synced', doneOver });
  doneOver = [];
});

it("a round's status names the follow-ups this user closed that a colleague reopened, until the popup says one was acted on", async () => {
  expect((await ask({ kfTeam: 'sync' })).status.reopened).toBeUndefined();
  reopenedList = [{ id: 'manual:2', at: 1_000, by: '小吴' }];
  expect((await ask({ kfTeam: 'sync' })).status).toMatchObject({ state: 'synced', reopened: reopenedList });
  expect(await ask({ kfTeam: 'op', req: { op: 'dismissRefused', reopened: 'manual:2' } })).toEqual({ ok: true, value: null });
  expect(dropped).toEqual(['manual:2']);
  expect((await ask({ kfTeam: 'sync' })).status.reopened).toBeUndefined();
});

it('a live import that renamed a done-over notice (its buyer deleted by a colleague, the item kept anonymous) takes the name out of the status at once', async () => {
  await ask({ kfTeam: 'live', on: true });
  doneOver = [{ id: 'manual:3', kind: 'manual', title: '回访：小丽', buyer: '小丽', by: '小吴' }];
  expect((await ask({ kfTeam: 'sync' })).status).toMatchObject({ doneOver });
  // The colleague's anonymous copy of the item arrived: as many notices as before, one without the name.
  doneOver = [{ id: 'manual:3', kind: 'manual', title: '回访：某买家', by: '小吴' }];
  await announce('followups');
  const next = (await ask({ kfTeam: 'import', unasked: true })).status;
  expect(next).toMatchObject({ state: 'synced', doneOver });
  expect(JSON.stringify(next)).not.toContain('小丽');
  // Read (知道了) elsewhere meanwhile: the next live import says none.
  doneOver = [];
  await announce('followups');
  expect((await ask({ kfTeam: 'import', unasked: true })).status).not.toHaveProperty('doneOver');
});

it('a live import that skipped a colleague’s unreadable document counts it on the status line at once', async () => {
  await ask({ kfTeam: 'live', on: true });
  expect((await ask({ kfTeam: 'sync' })).status.unreadable).toBeUndefined();
  // The live pull brought one document it could not read: nothing was imported (no area changed).
  unreadable = ['followups/fu:bad'];
  expect((await ask({ kfTeam: 'import', unasked: true })).status).toMatchObject({ state: 'synced', unreadable: 1 });
  // A readable version arrived: the count goes.
  unreadable = [];
  const next = (await ask({ kfTeam: 'import', unasked: true })).status;
  expect(next).toMatchObject({ state: 'synced' });
  expect(next).not.toHaveProperty('unreadable');
});

it('imports what the live pull brought only when the worker asks (under its whole-data lock), asking it once per wait', async () => {
  await ask({ kfTeam: 'live', on: true });
  const before = imports;
  onBatch!();
  onBatch!();
  await vi.waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]).toEqual({ kfTeamPage: 'pulled' });
  expect(imports).toBe(before);
  await ask({ kfTeam: 'import', unasked: true });
  expect(imports).toBe(before + 1);
  // A batch after that import asks again.
  onBatch!();
  await vi.waitFor(() => expect(sent).toHaveLength(2));
  expect(sent[1]).toEqual({ kfTeamPage: 'pulled' });
});

it('back online, asks the worker for the round instead of running one itself (the worker runs it under the whole-data lock)', async () => {
  await ask({ kfTeam: 'live', on: true });
  const before = syncs;
  onLive!({ kind: 'up' });
  await vi.waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]).toEqual({ kfTeamPage: 'up' });
  expect(syncs).toBe(before);
});
