/**
 * Team mode through a real pouchdb-server on loopback (started here, stopped at the end):
 *
 * - team_converge_s_50_agents: 50 simulated agents (PouchDB memory replicas, stores in memory with
 *   lib/storage's semantics), each writing 200 buyer notes and 20 follow-ups in 10 bursts, syncing
 *   after each burst (one-shot replication, as the extension does); the clock stops when every
 *   replica holds every document the server holds (buyers and follow-ups databases).
 *   Floor: one fresh replica pulling the finished data set once (team_converge_floor_s_one_pull).
 * - team_sync_ms_p95_one_note: a note written by one agent until it is on another agent's card, both
 *   online: the writer's sync round then the reader's (the engine's latency; the extension adds its
 *   debounce, 2 s, or the reader's next alarm/live round). Floor: a bare HTTP round trip to the
 *   server (team_roundtrip_ms_p95).
 *
 * KF_TEAM_BENCH_AGENTS / _NOTES / _FOLLOWUPS shrink the run for a quick look.
 */
import { addMember, initShop } from '../../lib/team/provision';
import { TeamSync } from '../../lib/team/sync';
import { dbName } from '../../lib/team/names';
import { customerKey } from '../../lib/domain/customers';
import { FOLLOWUP_VERSION, type Followup } from '../../lib/domain/followups';
import { startTeamServer } from '../team/server';
import { NodePouch, sessionFetch } from '../team/pouch-node';
import { MemoryStores } from '../team/memory-stores';

const AGENTS = Number(process.env.KF_TEAM_BENCH_AGENTS ?? 50);
const NOTES = Number(process.env.KF_TEAM_BENCH_NOTES ?? 200);
const FOLLOWUPS = Number(process.env.KF_TEAM_BENCH_FOLLOWUPS ?? 20);
const BURSTS = 10;
const SHOP = 'bench';

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}
const round1 = (n: number) => Math.round(n * 10) / 10;

export async function benchTeam(): Promise<Record<string, number>> {
  const server = await startTeamServer();
  let machines = 0;
  const made: TeamSync[] = [];
  const auth = { authorization: 'Basic ' + Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64') };
  try {
    await initShop(server.admin, SHOP);
    const names = Array.from({ length: AGENTS }, (_, i) => `agent${i}`);
    for (const n of names) await addMember(server.admin, SHOP, n, 'agent', `${n}-pw`);
    const machine = (user: string) => {
      const stores = new MemoryStores();
      const sync = new TeamSync({
        PouchDB: NodePouch,
        identity: { shop: SHOP, user, role: 'agent' },
        server: server.url,
        remoteOptions: { fetch: sessionFetch(server.url, user, `${user}-pw`) },
        localOptions: { adapter: 'memory' },
        localPrefix: `bench${++machines}-`,
        stores,
      });
      made.push(sync);
      return { user, stores, sync };
    };

    // Floor for the one-note latency: a bare authenticated round trip.
    const rtt: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await fetch(`${server.url}/${dbName(SHOP, 'buyers')}`, { headers: auth }).then((r) => r.text());
      rtt.push(performance.now() - t);
    }

    // One note, both online.
    const [w, r] = [machine(names[0]!), machine(names[1 % AGENTS]!)];
    await w.sync.syncOnce();
    await r.sync.syncOnce();
    const oneNote: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      w.stores.addNote('延迟测试', `第${i}条`, Date.now());
      await w.sync.syncOnce();
      await r.sync.syncOnce();
      const card = r.stores.customerMap.get(customerKey('demo', '延迟测试'));
      if (!card?.history.some((e) => e.text === `第${i}条`)) throw new Error('the note did not arrive');
      oneNote.push(performance.now() - t);
    }
    await w.sync.close();
    await r.sync.close();

    // Fifty agents writing while replicating. A round that fails (the server refuses connections
    // under this load) is retried after a pause, as the extension's next alarm or write would.
    let failedRounds = 0;
    const syncRetrying = async (a: { sync: TeamSync }) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await a.sync.syncOnce();
        } catch (err) {
          failedRounds++;
          if (attempt >= 10) throw err;
          await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
        }
      }
    };
    const agents = names.map(machine);
    const started = performance.now();
    await Promise.all(
      agents.map(async (a, ai) => {
        for (let b = 0; b < BURSTS; b++) {
          const now = Date.now();
          for (let i = 0; i < NOTES / BURSTS; i++) {
            const n = b * (NOTES / BURSTS) + i;
            a.stores.addNote(`买家${(ai * 7 + n) % 200}`, `${a.user} 第${n}条备注`, now + n);
          }
          for (let i = 0; i < FOLLOWUPS / BURSTS; i++) {
            const id = `manual:${a.user}:${b}:${i}`;
            const f: Followup = { v: FOLLOWUP_VERSION, id, kind: 'manual', title: `回访 ${id}`, reason: '测试', createdAt: now, dueAt: now + 3_600_000, status: 'open', source: 'manual' };
            a.stores.putFollowup(f);
          }
          await syncRetrying(a);
        }
      }),
    );
    const serverCount = async (area: 'buyers' | 'followups') =>
      ((await fetch(`${server.url}/${dbName(SHOP, area)}`, { headers: auth }).then((x) => x.json())) as { doc_count: number }).doc_count;
    const expectedEvents = AGENTS * NOTES;
    let rounds = 0;
    for (;;) {
      const [sb, sf] = [await serverCount('buyers'), await serverCount('followups')];
      const counts = await Promise.all(agents.map(async (a) => [(await a.sync.local.buyers.info()).doc_count, (await a.sync.local.followups.info()).doc_count]));
      if (sb >= expectedEvents && sf >= 2 * AGENTS * FOLLOWUPS && counts.every(([b, f]) => b === sb && f === sf)) break;
      if (++rounds > 30) throw new Error(`no convergence after 30 rounds: server ${sb}/${sf}, replicas ${JSON.stringify(counts.slice(0, 5))}…`);
      await Promise.all(agents.map((a) => syncRetrying(a)));
    }
    const converge = (performance.now() - started) / 1000;
    // Every card on every machine shows every note (checked on three machines: first, middle, last).
    for (const a of [agents[0]!, agents[Math.floor(AGENTS / 2)]!, agents[AGENTS - 1]!]) {
      let notes = 0;
      for (const c of a.stores.customerMap.values()) notes += c.history.length + c.droppedEvents;
      if (notes < expectedEvents) throw new Error(`${a.user} shows ${notes} of ${expectedEvents} notes`);
    }

    // Floor: a fresh replica pulling the finished data set once.
    const fresh = machine(names[0]!);
    const tf = performance.now();
    await fresh.sync.syncOnce();
    const floor = (performance.now() - tf) / 1000;

    return {
      team_converge_s_50_agents: round1(converge),
      team_converge_rounds_after_writes: rounds,
      team_converge_failed_rounds_retried: failedRounds,
      team_converge_floor_s_one_pull: round1(floor),
      team_sync_ms_p50_one_note: Math.round(pct(oneNote, 50)),
      team_sync_ms_p95_one_note: Math.round(pct(oneNote, 95)),
      team_roundtrip_ms_p95: round1(pct(rtt, 95)),
    };
  } finally {
    for (const s of made) await s.close().catch(() => undefined);
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchTeam().then((r) => console.log(r));
}
