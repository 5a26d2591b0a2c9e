/**
 * Convergence when requests fail (the short-replica question of the 50-agent bench): several
 * machines write notes in bursts while their requests to a real pouchdb-server on loopback fail at
 * random — refused before reaching the server, or cut off after the server did the work and before
 * the answer arrived. Some machines pull live, the others by rounds. Once the network behaves,
 * every machine's replica and its stores hold every note exactly once. Without `settle` (sync.ts)
 * a failed replication went on past the batches it dropped and a machine's replica stayed short for
 * good (3 of 9 runs; e.g. 904 of 1,200). Also: a push meeting the end of a session.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, initShop } from './provision';
import type { TeamSync } from './sync';
import { dbName } from './names';
import { startTeamServer, type TeamServer } from '../../test/team/server';
import { nodeTeamSync, sessionFetch } from '../../test/team/pouch-node';
import { MemoryStores } from '../../test/team/memory-stores';
import { customerKey } from '../domain/customers';
import { startNetProxy } from '../../test/team/net-proxy';

const SHOP = 'fault-shop';
const MACHINES = 6;
const BURSTS = 5;
const PER_BURST = 40;
/**
 * Buyers per machine: each machine notes its own. With every machine creating the same buyers'
 * profiles (six roots per profile, merged by every machine while requests failed), the local
 * test replicas (PouchDB's memory adapter, leveldb-core over memdown — not what the extension
 * uses) ended, about once in 15–30 runs under load, with a revision-tree leaf whose body was never
 * stored: pushes then failed with "missing" and a changes read crashed inside the adapter, leaving
 * its round waiting for ever (the CI failure of 2026-12-02). See lib/team/README.md, "A bodiless
 * leaf". Merging profiles edited on several machines is covered without faults in sync.test.ts.
 */
const BUYERS_PER_MACHINE = 2;
const buyerNames = Array.from({ length: MACHINES * BUYERS_PER_MACHINE }, (_, i) => `故障${Math.floor(i / BUYERS_PER_MACHINE)}-${i % BUYERS_PER_MACHINE}`);
let server: TeamServer;
const open: TeamSync[] = [];

beforeAll(async () => {
  server = await startTeamServer();
  await initShop(server.admin, SHOP);
  for (let i = 0; i < MACHINES; i++) await addMember(server.admin, SHOP, `f${i}`, 'agent', `f${i}-pw`);
}, 600_000);
afterAll(async () => {
  for (const s of open) await s.close().catch(() => undefined);
  await server?.stop();
}, 60_000);

/** A seeded generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

it('a session that ends just before a push sends its documents (pouchdb-server refuses each one instead of answering 401) loses nothing', { timeout: 60_000 }, async () => {
  // What an expired session looks like there: the request goes without the cookie, once (armed
  // after the first round, so it meets the notes).
  const endsOnce = (user: string, path: string) => {
    const inner = sessionFetch(server.url, user, `${user}-pw`);
    let armed = false;
    const fetchFn = async (url: string, init?: RequestInit): Promise<Response> => {
      if (armed && new URL(url).pathname.endsWith(path)) {
        armed = false;
        return fetch(url, init);
      }
      return inner(url, init);
    };
    return { fetch: fetchFn as typeof fetch, arm: () => void (armed = true) };
  };
  const machine = (user: string, prefix: string, fetch: typeof globalThis.fetch) => {
    const stores = new MemoryStores();
    const sync = nodeTeamSync({ server: server.url, shop: SHOP, user, prefix, stores, fetch });
    open.push(sync);
    return { stores, sync };
  };
  const wf = endsOnce('f0', '/_bulk_docs');
  const w = machine('f0', 'sess-w-', wf.fetch);
  const r = machine('f1', 'sess-r-', sessionFetch(server.url, 'f1', 'f1-pw') as typeof fetch);
  await w.sync.syncOnce();
  await r.sync.syncOnce();
  wf.arm();
  for (let i = 0; i < 12; i++) w.stores.addNote(`会话${i % 3}`, `会话到期前的第${i}条`, Date.UTC(2026, 11, 2) + i);
  const sent = await w.sync.syncOnce();
  expect(sent.denied).toBe(0);
  const auth = 'Basic ' + btoa(`${server.admin.user}:${server.admin.password}`);
  let onServer = 0;
  for (let i = 0; i < 3; i++) {
    const key = customerKey('demo', `会话${i}`);
    const q = new URLSearchParams({ startkey: JSON.stringify(`ev:${key}:`), endkey: JSON.stringify(`ev:${key}:\ufff0`) });
    onServer += ((await fetch(`${server.url}/${dbName(SHOP, 'buyers')}/_all_docs?${q}`, { headers: { authorization: auth } }).then((x) => x.json())) as { rows: unknown[] }).rows.length;
  }
  expect(onServer).toBe(12);
  await r.sync.syncOnce();
  const texts = [0, 1, 2].flatMap((i) => r.stores.customerMap.get(customerKey('demo', `会话${i}`))?.history.map((e) => e.text) ?? []);
  expect(texts.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `会话到期前的第${i}条`).sort());
});

it('a server that accepts requests and stops answering: the round gives up as offline instead of waiting for ever; the next round sends everything', { timeout: 60_000 }, async () => {
  const proxy = await startNetProxy(server.url);
  try {
    const stores = new MemoryStores();
    const sync = nodeTeamSync({ server: proxy.url, shop: SHOP, user: 'f2', prefix: 'hold-', stores, silenceMs: 5_000 });
    open.push(sync);
    await sync.syncOnce();
    for (let i = 0; i < 5; i++) stores.addNote('沉默', `服务器不回答时的第${i}条`, Date.UTC(2026, 11, 2) + i);
    proxy.setMode('hold');
    const err = await sync.syncOnce().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ name: 'TeamSyncError', kind: 'offline' });
    expect(await sync.pending()).toBeGreaterThan(0);
    proxy.setMode('pass');
    await sync.syncOnce();
    expect(await sync.pending()).toBe(0);
    const key = customerKey('demo', '沉默');
    const q = new URLSearchParams({ startkey: JSON.stringify(`ev:${key}:`), endkey: JSON.stringify(`ev:${key}:\ufff0`) });
    const auth = 'Basic ' + btoa(`${server.admin.user}:${server.admin.password}`);
    const rows = ((await fetch(`${server.url}/${dbName(SHOP, 'buyers')}/_all_docs?${q}`, { headers: { authorization: auth } }).then((x) => x.json())) as { rows: unknown[] }).rows;
    expect(rows).toHaveLength(5);
  } finally {
    await proxy.close();
  }
});

it('requests failing at random before or after the server acts: every machine ends with every note once', { timeout: 240_000 }, async () => {
  const rnd = random(20261202);
  let faults = true;
  let failed = 0;
  const machines = Array.from({ length: MACHINES }, (_, i) => {
    const user = `f${i}`;
    const inner = sessionFetch(server.url, user, `${user}-pw`);
    const flaky = async (url: string, init?: RequestInit): Promise<Response> => {
      const r = rnd();
      // Not the database info: PouchDB asks for it after every batch only to report progress, and
      // leaves that promise unhandled (the process would stop; the bench counts these instead).
      const info = (init?.method ?? 'GET') === 'GET' && /\/kf-[^/]+\/?$/.test(new URL(url).pathname);
      if (faults && !info && r < 0.04) {
        failed++;
        throw new TypeError('fetch failed');
      }
      const res = await inner(url, init);
      if (faults && !info && r > 0.96) {
        // The server did the work; the answer is lost.
        failed++;
        await res.body?.cancel();
        throw new TypeError('fetch failed');
      }
      return res;
    };
    const stores = new MemoryStores();
    // A request the server never answers is given up after 10 s (45 s in the extension) and
    // counts as one more fault; without the limit one such request held the round for ever (CI).
    const sync = nodeTeamSync({ server: server.url, shop: SHOP, user, prefix: `fault${i}-`, stores, fetch: flaky, silenceMs: 10_000 });
    open.push(sync);
    return { user, stores, sync, live: i % 2 === 0 };
  });
  const tryRound = (m: (typeof machines)[number]) => m.sync.syncOnce().catch(() => undefined);
  for (const m of machines) if (m.live) m.sync.startLive(() => undefined, { maxBackoffMs: 300 });

  await Promise.all(
    machines.map(async (m, mi) => {
      for (let b = 0; b < BURSTS; b++) {
        for (let i = 0; i < PER_BURST; i++) {
          const n = b * PER_BURST + i;
          m.stores.addNote(`故障${mi}-${n % BUYERS_PER_MACHINE}`, `${m.user} 第${n}条`, Date.UTC(2026, 11, 2) + n);
        }
        await tryRound(m);
      }
    }),
  );

  faults = false;
  const expected = MACHINES * BURSTS * PER_BURST;
  const count = (m: (typeof machines)[number]) => {
    const texts: string[] = [];
    for (const c of m.stores.customerMap.values()) if (c.nickname.startsWith('故障')) texts.push(...c.history.map((e) => e.text));
    return texts;
  };
  for (let round = 0; round < 10 && machines.some((m) => count(m).length < expected); round++) {
    for (const m of machines) await tryRound(m);
    await new Promise((r) => setTimeout(r, 300));
  }
  for (const m of machines) if (m.live) await m.sync.stopLive();
  for (const m of machines) await m.sync.syncOnce();

  expect(failed).toBeGreaterThan(20);
  const auth = 'Basic ' + btoa(`${server.admin.user}:${server.admin.password}`);
  const range = (nick: string) => ({ startkey: `ev:${customerKey('demo', nick)}:`, endkey: `ev:${customerKey('demo', nick)}:\ufff0` });
  let onServer = 0;
  for (const nick of buyerNames) {
    const q = new URLSearchParams(Object.entries(range(nick)).map(([k, v]) => [k, JSON.stringify(v)]));
    onServer += ((await fetch(`${server.url}/${dbName(SHOP, 'buyers')}/_all_docs?${q}`, { headers: { authorization: auth } }).then((r) => r.json())) as { rows: unknown[] }).rows.length;
  }
  expect(onServer).toBe(expected);
  for (const m of machines) {
    let inReplica = 0;
    for (const nick of buyerNames) inReplica += (await m.sync.local.buyers.allDocs(range(nick))).rows.length;
    const texts = count(m);
    expect({ user: m.user, inReplica, notes: texts.length, distinct: new Set(texts).size, pending: await m.sync.pending() }).toEqual({
      user: m.user,
      inReplica: expected,
      notes: expected,
      distinct: expected,
      pending: 0,
    });
  }
});
