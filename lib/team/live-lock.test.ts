/**
 * Live mode's imports and the whole-data lock (lib/messaging/turn.ts). The team page (page.ts) and
 * the worker's coordinator (lib/background/team.ts) run here together, their messages passed as
 * Chrome would; the shop's server is in-memory PouchDB. A colleague's note arriving through the
 * live pull while 导入全部数据 / 恢复 / 删除全部数据 holds the lock used to be written into the stores
 * by the page at once, between the verb's steps (mixed data); now the batch waits for the worker's
 * turn, is imported after the verb — and after 删除全部数据 (team mode left) not at all.
 */
import { afterAll, expect, it, vi } from 'vitest';
import { MemoryStores } from '../../test/team/memory-stores';
import { NodePouch } from '../../test/team/pouch-node';
import { customerKey } from '../domain/customers';
import { localArea } from '../messaging/testing';
import type { PouchStatic } from './pouch-types';

const SERVER = 'http://127.0.0.1:5984';
/** Every PouchDB the page or the colleague opens, in memory; the server's databases by their names. */
const MemPouch = function (name: string) {
  return new NodePouch(name.startsWith(`${SERVER}/`) ? `srv-${name.slice(SERVER.length + 1)}` : name, { adapter: 'memory' } as never);
} as unknown as PouchStatic;
const mine = new MemoryStores();

const local = localArea();
type PageListener = (msg: unknown, sender: { id?: string; url?: string }, reply: (r: unknown) => void) => boolean | void;
type WorkerListener = (msg: unknown, sender: { id?: string; url?: string }) => unknown;
const pageListeners: PageListener[] = [];
const workerListeners: WorkerListener[] = [];
/** What the page told the worker by itself. */
const fromPage: { kfTeamPage?: string }[] = [];
/** How many of the page's next `pulled` messages are lost. */
let dropPulled = 0;

vi.mock('./pouch-browser', () => ({ BrowserPouch: MemPouch }));
vi.mock('./storage-bridge', () => ({ storageStores: () => mine }));
vi.mock('../teach/background-api', () => ({ syncTaughtScriptsQuietly: async () => {} }));
vi.mock('../browser', async () =>
  (await import('../messaging/testing')).teamWorkerBrowser({
    onMessage: { addListener: (fn: WorkerListener) => void workerListeners.push(fn) },
    // The worker → the team page (its reply, as chrome.runtime gives it).
    sendMessage: (m: unknown) =>
      new Promise((res) => {
        let async = false;
        for (const l of pageListeners) async = l(m, { id: 'ext', url: 'chrome-extension://ext/background.js' }, res) === true || async;
        if (!async) res(undefined);
      }),
  }),
);
(globalThis as unknown as { chrome: unknown }).chrome = {
  offscreen: { createDocument: async () => {}, closeDocument: async () => {} },
  runtime: {
    id: 'ext',
    onMessage: { addListener: (fn: PageListener) => void pageListeners.push(fn) },
    // The team page → the worker.
    sendMessage: async (m: { kfTeamPage?: string }) => {
      fromPage.push(m);
      // Lost on the way (the worker stopped after taking it): sent, never acted on.
      if (m.kfTeamPage === 'pulled' && dropPulled > 0) return void dropPulled--;
      for (const l of workerListeners) l(m, { id: 'ext', url: 'chrome-extension://ext/team-sync.html' });
    },
  },
};

const { TEAM_CONFIG_KEY, TEAM_STATUS_KEY } = await import('./config');
const { TeamSync } = await import('./sync');
const config = { server: SERVER, shop: 'lockshop', user: 'xiaowang', role: 'agent' };
local[TEAM_CONFIG_KEY] = config;
const { registerTeamBackground, leaveTeam, loadTeamConfig } = await import('../background/team');
const { runTeamPage } = await import('./page');
const { inTurn } = await import('../messaging/turn');

const colleague = new MemoryStores();
const theirs = new TeamSync({ PouchDB: MemPouch, identity: { shop: 'lockshop', user: 'xiaoli', role: 'agent' }, server: SERVER, localPrefix: 'colleague-', stores: colleague });
afterAll(() => theirs.close().catch(() => undefined));

const T0 = Date.UTC(2026, 11, 5, 3, 0);
const notes = (nick: string) => (mine.customerMap.get(customerKey('demo', nick))?.history ?? []).map((e) => e.text);
const toPage = (m: unknown) => new Promise((res) => pageListeners.forEach((l) => l(m, { id: 'ext', url: 'chrome-extension://ext/background.js' }, res)));
/** The live pull has the colleague's note in this machine's replica; its import had every chance to run. */
async function pulled(nick: string): Promise<void> {
  const replica = new NodePouch('kf-team-kf-lockshop-buyers', { adapter: 'memory' } as never);
  await vi.waitFor(async () => expect((await replica.allDocs()).rows.some((r) => r.id.includes(nick))).toBe(true), { timeout: 10_000 });
  await vi.waitFor(() => expect(fromPage.some((m) => m.kfTeamPage === 'pulled') || notes(nick).length > 0).toBe(true), { timeout: 10_000 });
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
}

it('starts in team mode, live', { timeout: 30_000 }, async () => {
  runTeamPage();
  registerTeamBackground();
  await vi.waitFor(() => expect(local[TEAM_STATUS_KEY]).toMatchObject({ state: 'synced' }), { timeout: 10_000 });
  // A UI opened: the worker turns live mode on.
  await toPage({ kfTeam: 'live', config, on: true });
});

it('imports a colleague’s note whose `pulled` message was lost, with no round run', { timeout: 30_000 }, async () => {
  // Right after the first round, before any test's verb starts another one.
  const syncedAt = (local[TEAM_STATUS_KEY] as { lastSyncAt?: number }).lastSyncAt;
  dropPulled = 1;
  colleague.addNote('小吴', '尺码换成L再发', T0 + 90_000);
  await theirs.syncOnce();
  // Before, the batch waited in the replica for the next round (the alarm's, up to 5 min).
  await vi.waitFor(() => expect(notes('小吴')).toEqual(['尺码换成L再发']), { timeout: 20_000 });
  expect(dropPulled).toBe(0);
  expect((local[TEAM_STATUS_KEY] as { lastSyncAt?: number }).lastSyncAt).toBe(syncedAt);
  // The in-memory server's live feed goes quiet after a few idle seconds (this stand-in, not
  // CouchDB's): the UI closed and opened again starts it afresh for the next test.
  await toPage({ kfTeam: 'live', config, on: false });
  await toPage({ kfTeam: 'live', config, on: true });
});

it('writes a colleague’s note that arrives during 导入全部数据 after it, never in the middle', { timeout: 30_000 }, async () => {
  const during: string[][] = [];
  await inTurn(true, async () => {
    // The import replaced the buyers …
    mine.customerMap.clear();
    // … when a colleague's note comes down the live pull …
    colleague.addNote('小林', '下午三点前回电', T0);
    await theirs.syncOnce();
    await pulled('小林');
    // … before the import's last step.
    during.push(notes('小林'));
  });
  expect(during).toEqual([[]]);
  // Nothing lost: imported once the verb is over.
  await vi.waitFor(() => expect(notes('小林')).toEqual(['下午三点前回电']), { timeout: 10_000 });
});

it('cuts a live import a whole-data verb meets between two areas; what it left comes after the verb', { timeout: 30_000 }, async () => {
  // The buyers' part of the import is being written (a store write is not cut) when 恢复 arrives.
  let entered = false;
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const merge = mine.mergeCustomers.bind(mine);
  mine.mergeCustomers = async (list) => {
    entered = true;
    await gate;
    return merge(list);
  };
  colleague.addNote('小赵', '发票抬头要改', T0 + 120_000);
  colleague.putFollowup({ v: 2, id: 'manual:lock5', kind: 'manual', title: '回访：小赵', reason: '改发票', buyer: '小赵', platform: 'demo', createdAt: T0, dueAt: T0 + 3_600_000, status: 'open', source: 'manual' });
  await theirs.syncOnce();
  await vi.waitFor(() => expect(entered).toBe(true), { timeout: 10_000 });
  const followups = new NodePouch('kf-team-kf-lockshop-followups', { adapter: 'memory' } as never);
  await vi.waitFor(async () => expect((await followups.allDocs()).rows.some((r) => r.id === 'fu:manual:lock5')).toBe(true), { timeout: 10_000 });
  const during: boolean[] = [];
  const verb = inTurn(true, async () => {
    during.push(mine.followupMap.has('manual:lock5'));
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
    during.push(mine.followupMap.has('manual:lock5'));
  });
  open();
  await verb;
  mine.mergeCustomers = merge;
  // Cut after the buyers, before the follow-ups: nothing written while the verb ran.
  expect(during).toEqual([false, false]);
  // The follow-ups' batch was not marked as imported: the round after the verb brings it.
  await vi.waitFor(() => expect(mine.followupMap.has('manual:lock5')).toBe(true), { timeout: 10_000 });
  expect(notes('小赵')).toEqual(['发票抬头要改']);
});

it('writes nothing a colleague sends during 删除全部数据, after it either', { timeout: 30_000 }, async () => {
  await inTurn(true, async () => {
    colleague.addNote('小周', '换货单号已发', T0 + 60_000);
    await theirs.syncOnce();
    await pulled('小周');
    // As deleteAllData: team mode left, then every store emptied.
    if (await loadTeamConfig()) await leaveTeam();
    mine.customerMap.clear();
  });
  // Every turn the worker started meanwhile (the live import queued behind the deletion) is over.
  await inTurn(true, async () => {});
  expect(notes('小周')).toEqual([]);
  expect(mine.customerMap.size).toBe(0);
});
