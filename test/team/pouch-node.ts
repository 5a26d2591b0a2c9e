/** PouchDB for Node tests and the benchmark: the extension's plugins with the memory adapter. */
import PouchDB from 'pouchdb-core';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import memory from 'pouchdb-adapter-memory';
import { createRequire } from 'node:module';
import type { PouchStatic } from '../../lib/team/pouch-types';
import { TeamSync, type TeamIdentity } from '../../lib/team/sync';
import type { LocalStores } from '../../lib/team/local-stores';

// PouchDB's errors are copies of module-level objects, stack included: every "not_found: missing"
// pointed at pouchdb-errors' own line. Without that stack each copy takes the place it was made.
const fromCore = createRequire(createRequire(import.meta.url).resolve('pouchdb-core'));
for (const e of Object.values(fromCore('pouchdb-errors') as Record<string, unknown>)) if (e instanceof Error && Object.hasOwn(e, 'stack')) delete (e as { stack?: string }).stack;

export const NodePouch: PouchStatic = PouchDB.plugin(http).plugin(replication).plugin(memory);

/**
 * fetch, sent again once when the server closed a kept-alive connection just as it was reused
 * (undici: "other side closed"; Node's server drops idle sockets after 5 s, and under load the
 * client's own idle timer fires late). Chromium resends a request in that case by itself, so the
 * simulated machines behave like browsers. Every request PouchDB replication makes may be repeated.
 */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const code = ((err as { cause?: { code?: string } }).cause ?? {}).code;
    if (code !== 'UND_ERR_SOCKET') throw err;
    return fetch(url, init);
  }
}

/**
 * A fetch that logs in once with CouchDB's _session and then sends the session cookie, as the
 * browser does for the extension (where the cookie jar is the browser's).
 */
export function sessionFetch(server: string, user: string, password: string): (url: string, init?: RequestInit) => Promise<Response> {
  let cookie: string | null = null;
  async function login(): Promise<void> {
    const r = await fetch(`${server}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: user, password }) });
    if (!r.ok) throw Object.assign(new Error(`login refused: ${r.status}`), { status: r.status });
    cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] ?? null;
  }
  return async (url, init = {}) => {
    if (!cookie) await login();
    const headers = new Headers(init.headers as HeadersInit);
    headers.set('cookie', cookie!);
    let res = await fetchOnce(url, { ...init, headers });
    if (res.status === 401) {
      // The session ended (server restarted with a new secret, or timed out): log in again once.
      await login();
      headers.set('cookie', cookie!);
      res = await fetchOnce(url, { ...init, headers });
    }
    const fresh = res.headers.get('set-cookie');
    if (fresh?.startsWith('AuthSession=')) cookie = fresh.split(';')[0]!;
    return res;
  };
}

/**
 * One simulated machine's engine, as the tests and the bench build it: PouchDB in memory, its
 * replicas named with `prefix`, talking to `server` with `fetch` — by default signed in as `user`
 * with the password the tests give every member (`${user}-pw`).
 */
export function nodeTeamSync(o: {
  server: string;
  shop: string;
  user: string;
  role?: TeamIdentity['role'];
  prefix: string;
  stores: LocalStores;
  password?: string;
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  silenceMs?: number;
}): TeamSync {
  return new TeamSync({
    PouchDB: NodePouch,
    identity: { shop: o.shop, user: o.user, role: o.role ?? 'agent' },
    server: o.server,
    remoteOptions: { fetch: o.fetch ?? sessionFetch(o.server, o.user, o.password ?? `${o.user}-pw`) },
    localOptions: { adapter: 'memory' },
    localPrefix: o.prefix,
    stores: o.stores,
    ...(o.silenceMs ? { silenceMs: o.silenceMs } : {}),
  });
}
