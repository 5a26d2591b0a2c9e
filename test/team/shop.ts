/**
 * One provisioned shop on a real pouchdb-server for a team test file: the server started and the
 * shop's members added before the file's tests, every machine closed and the server stopped after.
 * `machine` is a simulated member's machine (memory stores, a PouchDB memory replica).
 */
import { afterAll, beforeAll } from 'vitest';
import { addMember, initShop } from '../../lib/team/provision';
import type { TeamRole } from '../../lib/team/names';
import type { TeamSync } from '../../lib/team/sync';
import { startTeamServer, type TeamServer } from './server';
import { nodeTeamSync } from './pouch-node';
import { MemoryStores } from './memory-stores';

export const TEAM_USERS: Record<'boss' | 'a1' | 'a2', { password: string; role: TeamRole }> = {
  boss: { password: 'boss-pw', role: 'supervisor' },
  a1: { password: 'a1-pw', role: 'agent' },
  a2: { password: 'a2-pw', role: 'agent' },
};

export function teamShop(shop: string) {
  let server: TeamServer | undefined;
  let machines = 0;
  const open: TeamSync[] = [];
  beforeAll(async () => {
    server = await startTeamServer();
    await initShop(server.admin, shop);
    for (const [name, u] of Object.entries(TEAM_USERS)) await addMember(server.admin, shop, name, u.role, u.password);
  }, 600_000);
  afterAll(async () => {
    for (const s of open) await s.close();
    await server?.stop();
  });
  /** A fresh replica prefix, so machines never share a local database. */
  const prefix = (tag = 'm') => `${tag}${++machines}-`;
  /** Closed after the file (a sync made outside `machine`). */
  const keep = <S extends TeamSync>(sync: S): S => (open.push(sync), sync);
  /** Not closed after the file (a sync the test leaves hanging on purpose). */
  const drop = (sync: TeamSync) => void open.splice(open.indexOf(sync), 1);
  const machine = (user: keyof typeof TEAM_USERS, replica = prefix(), stores = new MemoryStores()) => {
    const u = TEAM_USERS[user];
    const sync = keep(nodeTeamSync({ server: server!.url, shop, user, role: u.role, password: u.password, prefix: replica, stores }));
    return { stores, sync, prefix: replica };
  };
  return {
    get server(): TeamServer {
      return server!;
    },
    prefix,
    keep,
    drop,
    machine,
    adminAuth: () => 'Basic ' + btoa(`${server!.admin.user}:${server!.admin.password}`),
  };
}
