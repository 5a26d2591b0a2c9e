/**
 * No request to the shop's server follows a redirect (since 2026-12-05): a server answering 307 to
 * another address would get the same request — a push's records, a sign-in's password — sent there
 * again, to another host or over plain http. Here server A sends everything to B; B must receive
 * nothing, and the round fails saying where A pointed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nodeTeamSync } from '../../test/team/pouch-node';
import { MemoryStores } from '../../test/team/memory-stores';
import { TeamSyncError, type TeamSync } from './sync';
import { addMember, ProvisionError } from './provision';

const servers: Server[] = [];
const atB: string[] = [];
let a = '';
let b = '';
const open: TeamSync[] = [];

async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const s = createServer(handler);
  servers.push(s);
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  b = await listen((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      atB.push(`${req.method} ${req.url} ${body}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
  a = await listen((req, res) => {
    req.resume();
    res.writeHead(307, { location: `${b}${req.url}` });
    res.end();
  });
});
afterAll(async () => {
  for (const s of open) await s.close().catch(() => undefined);
  for (const s of servers) await new Promise((ok) => s.close(ok));
});

it('a round against a server that redirects sends nothing to where it points, and fails naming that address', { timeout: 60_000 }, async () => {
  const stores = new MemoryStores();
  stores.addNote('转址测试', '电话 13800000000', Date.UTC(2026, 11, 5, 2));
  // Plain fetch, no sign-in: every request goes to A as the replication makes it.
  const sync = nodeTeamSync({ server: a, shop: 'redir-shop', user: 'r1', prefix: 'redir-', stores, fetch: (url, init) => fetch(url, init) });
  open.push(sync);
  const err = await sync.syncOnce().then(
    () => null,
    (e: unknown) => e,
  );
  expect(atB).toEqual([]);
  expect(err).toBeInstanceOf(TeamSyncError);
  expect((err as TeamSyncError).kind).toBe('redirect');
  expect((err as TeamSyncError).message).toBe(b);
  // Kept for the next round, to the right address.
  expect(await sync.pending()).toBeGreaterThan(0);
});

it('npm run team refuses a redirect too: the admin credentials and members’ passwords go nowhere else', async () => {
  atB.length = 0;
  const err = await addMember({ url: a, user: 'admin', password: 'admin-pw' }, 'redir-shop', '小李', 'agent', 'li-secret').then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(atB).toEqual([]);
  expect(err).toBeInstanceOf(ProvisionError);
  expect(err?.message).toContain(`redirected the request to ${b}; not followed`);
});
