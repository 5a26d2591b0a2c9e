/**
 * Live mode (a UI open): continuous pulls through a real pouchdb-server on loopback. What arrives
 * goes through the rounds' import; a stopped server is reported and retried; stopping live mode or
 * restarting the machine resumes from the checkpoints with every note exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, initShop } from './provision';
import type { LiveEvent, TeamSync } from './sync';
import { startTeamServer, type TeamServer } from '../../test/team/server';
import { nodeTeamSync } from '../../test/team/pouch-node';
import { MemoryStores } from '../../test/team/memory-stores';
import { customerKey } from '../domain/customers';

const SHOP = 'live-shop';
let server: TeamServer;
let machines = 0;
const open: TeamSync[] = [];
const T0 = Date.UTC(2026, 11, 2, 4, 0);

beforeAll(async () => {
  server = await startTeamServer();
  await initShop(server.admin, SHOP);
  for (const n of ['a1', 'a2']) await addMember(server.admin, SHOP, n, 'agent', `${n}-pw`);
}, 600_000);
afterAll(async () => {
  for (const s of open) await s.close();
  await server?.stop();
});

function machine(user: 'a1' | 'a2', prefix = `live${++machines}-`, stores = new MemoryStores()) {
  const sync = nodeTeamSync({ server: server.url, shop: SHOP, user, prefix, stores });
  open.push(sync);
  const events: LiveEvent[] = [];
  return { stores, sync, events, live: () => sync.startLive((e) => events.push(e), { maxBackoffMs: 500 }) };
}

const notes = (m: { stores: MemoryStores }, nick: string) => (m.stores.customerMap.get(customerKey('demo', nick))?.history ?? []).map((e) => e.text).sort();

describe('live replication while a UI is open', { timeout: 60_000 }, () => {
  it("a note reaches the other agent's card without a round on that machine, once", async () => {
    const [w, r] = [machine('a1'), machine('a2')];
    await w.sync.syncOnce();
    await r.sync.syncOnce();
    r.live();
    w.stores.addNote('小林', '白班记：要发顺丰', T0);
    await w.sync.syncOnce();
    await expect.poll(() => notes(r, '小林'), { timeout: 15_000 }).toEqual(['白班记：要发顺丰']);
    expect(r.events.some((e) => e.kind === 'imported' && e.report.imported > 0)).toBe(true);
    // A round on the reader now finds nothing new, and nothing is waiting to be sent there.
    const round = await r.sync.syncOnce();
    expect(round.imported).toBe(0);
    expect(await r.sync.pending()).toBe(0);
    expect(notes(r, '小林')).toEqual(['白班记：要发顺丰']);
    await r.sync.stopLive();
  });

  it('the server stopped while live: 离线 is reported, and after the restart the live pull comes back with what was written', async () => {
    const [w, r] = [machine('a1'), machine('a2')];
    await w.sync.syncOnce();
    await r.sync.syncOnce();
    r.live();
    await server.halt();
    try {
      await expect.poll(() => r.events.find((e) => e.kind === 'down'), { timeout: 20_000 }).toMatchObject({ kind: 'down', error: { kind: 'offline' } });
      w.stores.addNote('小停', '服务器停时记的', T0);
      await expect(w.sync.syncOnce()).rejects.toMatchObject({ kind: 'offline' });
    } finally {
      await server.restart();
    }
    await w.sync.syncOnce();
    await expect.poll(() => r.events.some((e) => e.kind === 'up'), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => notes(r, '小停'), { timeout: 20_000 }).toEqual(['服务器停时记的']);
    await r.sync.stopLive();
  });

  it('live stopped (the last UI closed): rounds pull again; a restarted machine resumes from the checkpoints, every note once', async () => {
    const w = machine('a1');
    const stores = new MemoryStores();
    const r = machine('a2', 'live-restart-', stores);
    await w.sync.syncOnce();
    await r.sync.syncOnce();
    r.live();
    for (let i = 0; i < 30; i++) w.stores.addNote(`客${i % 3}`, `第${i}条`, T0 + i);
    await w.sync.syncOnce();
    await expect.poll(() => [0, 1, 2].reduce((n, i) => n + notes(r, `客${i}`).length, 0), { timeout: 15_000 }).toBe(30);
    await r.sync.stopLive();
    expect(r.sync.isLive).toBe(false);
    w.stores.addNote('客0', '关掉界面后的', T0 + 100);
    await w.sync.syncOnce();
    const round = await r.sync.syncOnce();
    expect(round.pulled).toBeGreaterThan(0);
    expect(notes(r, '客0')).toContain('关掉界面后的');
    await r.sync.close();

    // The same machine again (the page restarted), live at once: only what is new comes in.
    const again = machine('a2', 'live-restart-', stores);
    again.live();
    w.stores.addNote('客1', '重启后的', T0 + 200);
    await w.sync.syncOnce();
    await expect.poll(() => notes(again, '客1').includes('重启后的'), { timeout: 15_000 }).toBe(true);
    const imported = again.events.flatMap((e) => (e.kind === 'imported' ? [e.report.imported] : [])).reduce((a, b) => a + b, 0);
    expect(imported).toBe(1);
    const all = [0, 1, 2].flatMap((i) => notes(again, `客${i}`));
    expect(all).toHaveLength(32);
    expect(new Set(all).size).toBe(32);
  });
});
