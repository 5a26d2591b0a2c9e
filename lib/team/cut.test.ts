/**
 * A round cut while it waits for a server that accepts requests and never answers (TeamSync.syncOnce
 * `signal`, sent by the worker when 删除全部数据 / 导入全部数据 / 恢复 starts waiting): it ends at once as
 * offline, with what waited still waiting, instead of after the 45 s limit of each request.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeTeamSync } from '../../test/team/pouch-node';
import { MemoryStores } from '../../test/team/memory-stores';
import { TeamSyncError } from './sync';

let server: Server;
let base: string;
const held = new Set<ServerResponse>();
let arrived: () => void = () => {};

beforeAll(async () => {
  server = createServer((_req, res) => {
    held.add(res);
    res.on('close', () => held.delete(res));
    arrived();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  await new Promise((r) => server.close(r));
});

const T0 = Date.UTC(2026, 11, 1, 2, 0);

describe('a cut team round', { timeout: 30_000 }, () => {
  it('ends as offline as soon as it is cut, keeping the note it was sending for the next round', async () => {
    const stores = new MemoryStores();
    stores.addNote('小明', '答应周五前补发', T0);
    const sync = nodeTeamSync({ server: base, shop: 'cut-shop', user: 'a1', prefix: 'cut1-', stores, fetch: (url, init) => fetch(url, init) });
    const first = new Promise<void>((r) => (arrived = r));
    const ctl = new AbortController();
    const order: string[] = [];
    const ended = sync.syncOnce({ signal: ctl.signal }).then(
      () => 'synced',
      (e: unknown) => (e instanceof TeamSyncError ? e.kind : String(e)),
    );
    // The round is waiting on the server (which holds the request for ever) when the verb arrives.
    await first;
    order.push('cut');
    ctl.abort(new TypeError('fetch failed: the round was cut for a whole-data verb'));
    order.push(await ended);
    expect(order).toEqual(['cut', 'offline']);
    // Nothing was sent or lost: the note still waits (exported into the replica, not pushed).
    expect(await sync.pending()).toBeGreaterThan(0);
    // A round cut before it starts does nothing at all.
    const gone = new AbortController();
    gone.abort(new TypeError('fetch failed: cut'));
    await expect(sync.syncOnce({ signal: gone.signal })).rejects.toMatchObject({ kind: 'offline' });
    await sync.close();
  });
});
