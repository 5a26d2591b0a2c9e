/**
 * Provisioning a shop on its CouchDB (server-admin credentials; run by `npm run team`, never by
 * the extension). Every step is idempotent: it reads what is there and writes only what differs,
 * so running `init` or `add-agent` twice changes nothing the second time.
 */
import { DESIGN_DOC_ID, validateDocUpdate } from './validate';
import { isRedirect, redirectTarget } from './remote-fetch';
import { DOC_PREFIX, TEAM_AREAS, TEAM_ROLES, dbName, isShopId, isUserName, roleName, userDocId, type TeamRole } from './names';

export interface AdminServer {
  /** e.g. http://127.0.0.1:5984 (no trailing slash needed). */
  url: string;
  user: string;
  password: string;
}

export class ProvisionError extends Error {
  override name = 'ProvisionError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** What one command changed, one line per change (empty = everything was already in place). */
export type Changes = string[];

function authHeader(s: AdminServer): string {
  return 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(`${s.user}:${s.password}`)));
}

async function request(s: AdminServer, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const base = s.url.replace(/\/+$/, '');
  let res: Response;
  try {
    res = await fetch(`${base}/${path}`, {
      method,
      headers: { authorization: authHeader(s), 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      // Never followed: a 307/308 would send the body (members' passwords) again to the address
      // it names, another host or plain http.
      redirect: 'manual',
    });
  } catch (err) {
    throw new ProvisionError(`cannot reach ${base}: ${(err as Error).message}`);
  }
  if (isRedirect(res)) {
    await res.body?.cancel().catch(() => undefined);
    const to = redirectTarget(`${base}/${path}`, res);
    throw new ProvisionError(`${method} /${path}: the server redirected the request${to ? ` to ${to}` : ''}; not followed, nothing was sent there. Give the server's final address (--server).`, res.status);
  }
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = { reason: text };
  }
  if (res.status === 401 || res.status === 403) {
    throw new ProvisionError(`${method} /${path}: the server refused the admin credentials (${json?.reason ?? res.status})`, res.status);
  }
  return { status: res.status, json };
}

function fail(what: string, r: { status: number; json: any }): never {
  throw new ProvisionError(`${what}: ${r.json?.error ?? 'error'} ${r.json?.reason ?? ''} (HTTP ${r.status})`.trim(), r.status);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkShop(shop: string): void {
  if (!isShopId(shop)) throw new ProvisionError(`shop id "${shop}" must be lowercase letters, digits or '-', starting with a letter (at most 40)`);
}

/** Creates the shop's databases, security documents and validation functions. */
export async function initShop(s: AdminServer, shop: string): Promise<Changes> {
  checkShop(shop);
  const changes: Changes = [];
  const security = {
    admins: { names: [], roles: [] },
    members: { names: [], roles: TEAM_ROLES.map((r) => roleName(shop, r)) },
  };
  for (const area of TEAM_AREAS) {
    const db = dbName(shop, area);
    const info = await request(s, 'GET', encodeURIComponent(db));
    if (info.status === 404) {
      const made = await request(s, 'PUT', encodeURIComponent(db));
      if (made.status !== 201 && made.status !== 202 && made.status !== 412) fail(`create ${db}`, made);
      changes.push(`created database ${db}`);
    } else if (info.status !== 200) fail(`read ${db}`, info);

    const sec = await request(s, 'GET', `${encodeURIComponent(db)}/_security`);
    if (sec.status !== 200) fail(`read ${db}/_security`, sec);
    if (!sameJson(normaliseSecurity(sec.json), security)) {
      const put = await request(s, 'PUT', `${encodeURIComponent(db)}/_security`, security);
      if (put.status !== 200) fail(`write ${db}/_security`, put);
      changes.push(`set members of ${db}`);
    }

    const want = { language: 'javascript', validate_doc_update: validateDocUpdate(shop, area) };
    const ddoc = await request(s, 'GET', `${encodeURIComponent(db)}/${DESIGN_DOC_ID}`);
    if (ddoc.status === 200 && ddoc.json.validate_doc_update === want.validate_doc_update && ddoc.json.language === want.language) continue;
    if (ddoc.status !== 200 && ddoc.status !== 404) fail(`read ${db}/${DESIGN_DOC_ID}`, ddoc);
    const body = ddoc.status === 200 ? { ...want, _rev: ddoc.json._rev } : want;
    const put = await request(s, 'PUT', `${encodeURIComponent(db)}/${DESIGN_DOC_ID}`, body);
    if (put.status !== 201 && put.status !== 202) fail(`write ${db}/${DESIGN_DOC_ID}`, put);
    changes.push(`${ddoc.status === 200 ? 'updated' : 'installed'} the role checks of ${db}`);
  }
  return changes;
}

function normaliseSecurity(sec: any): unknown {
  const part = (p: any) => ({ names: Array.isArray(p?.names) ? p.names : [], roles: Array.isArray(p?.roles) ? p.roles : [] });
  return { admins: part(sec?.admins), members: part(sec?.members) };
}

/**
 * Refuses to work on a shop `init` never set up (its library database is missing): listing the
 * members of a misspelt shop used to print nothing and exit 0, as for a shop with no members.
 */
async function requireShop(s: AdminServer, shop: string): Promise<void> {
  const db = dbName(shop, 'library');
  const r = await request(s, 'GET', encodeURIComponent(db));
  if (r.status === 404) throw new ProvisionError(`shop ${shop} is not set up on ${s.url} (no database ${db}): check --shop, or run init first 店铺 ${shop} 还没有建立，请检查店铺编号或先运行 init`);
  if (r.status !== 200) fail(`read ${db}`, r);
}

/**
 * Creates the user or gives an existing one this shop's role (the other role of the same shop is
 * removed: a person is agent or supervisor, not both). The password is set when given; an
 * existing user keeps theirs when it is not.
 */
export async function addMember(s: AdminServer, shop: string, name: string, role: TeamRole, password?: string): Promise<Changes> {
  checkShop(shop);
  if (!isUserName(name)) throw new ProvisionError(`user name "${name}" may not contain ':' or start with '_'`);
  await requireShop(s, shop);
  const id = `_users/${encodeURIComponent(userDocId(name))}`;
  const cur = await request(s, 'GET', id);
  if (cur.status !== 200 && cur.status !== 404) fail(`read user ${name}`, cur);
  if (cur.status === 404 && !password) throw new ProvisionError(`user ${name} does not exist yet: give a password (--password)`);
  const other = roleName(shop, role === 'agent' ? 'supervisor' : 'agent');
  const want = roleName(shop, role);
  const oldRoles: string[] = cur.status === 200 && Array.isArray(cur.json.roles) ? cur.json.roles : [];
  const roles = [...oldRoles.filter((r) => r !== other && r !== want), want];
  const rolesChanged = !sameJson([...oldRoles].sort(), [...roles].sort());
  if (cur.status === 200 && !rolesChanged && !password) return publishMembers(s, shop);
  const doc = cur.status === 200 ? { ...cur.json, roles } : { _id: userDocId(name), name, type: 'user', roles };
  if (password) doc.password = password;
  const put = await request(s, 'PUT', id, doc);
  if (put.status !== 201 && put.status !== 202) fail(`write user ${name}`, put);
  const changes: Changes = [];
  if (cur.status === 404) changes.push(`created user ${name} as ${role}`);
  else if (rolesChanged) changes.push(`made ${name} ${role} of ${shop}`);
  if (cur.status === 200 && password) changes.push(`set the password of ${name}`);
  return [...changes, ...(await publishMembers(s, shop))];
}

/** Takes this shop's roles away from a user (the user and their other shops stay). */
export async function removeMember(s: AdminServer, shop: string, name: string): Promise<Changes> {
  checkShop(shop);
  const id = `_users/${encodeURIComponent(userDocId(name))}`;
  const cur = await request(s, 'GET', id);
  if (cur.status === 404) return publishMembers(s, shop);
  if (cur.status !== 200) fail(`read user ${name}`, cur);
  const mine = new Set(TEAM_ROLES.map((r) => roleName(shop, r)));
  const oldRoles: string[] = Array.isArray(cur.json.roles) ? cur.json.roles : [];
  const roles = oldRoles.filter((r) => !mine.has(r));
  if (roles.length === oldRoles.length) return publishMembers(s, shop);
  const put = await request(s, 'PUT', id, { ...cur.json, roles });
  if (put.status !== 201 && put.status !== 202) fail(`write user ${name}`, put);
  return [`removed ${name} from ${shop}`, ...(await publishMembers(s, shop))];
}

export interface Member {
  name: string;
  role: TeamRole;
}

/** The shop's members (reads the _users database; admin only). */
export async function listMembers(s: AdminServer, shop: string): Promise<Member[]> {
  checkShop(shop);
  await requireShop(s, shop);
  const r = await request(s, 'GET', '_users/_all_docs?include_docs=true');
  if (r.status !== 200) fail('read _users', r);
  const out: Member[] = [];
  for (const row of r.json.rows ?? []) {
    const roles: string[] = row.doc?.roles ?? [];
    for (const role of TEAM_ROLES) if (roles.includes(roleName(shop, role))) out.push({ name: row.doc.name, role });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/**
 * The member list as a document in the shop's library database (`members`), so every member's
 * extension can offer the others as handover targets: agents cannot read `_users`. Written only
 * by the admin (here) and only when it differs; the role checks let no agent change it.
 */
export async function publishMembers(s: AdminServer, shop: string): Promise<Changes> {
  const members = await listMembers(s, shop);
  const path = `${encodeURIComponent(dbName(shop, 'library'))}/${DOC_PREFIX.members}`;
  const cur = await request(s, 'GET', path);
  if (cur.status === 404 && !members.length) return [];
  if (cur.status !== 200 && cur.status !== 404) fail(`read ${path}`, cur);
  if (cur.status === 200 && sameJson(cur.json.members, members)) return [];
  const put = await request(s, 'PUT', path, { type: 'members', members, ...(cur.status === 200 ? { _rev: cur.json._rev } : {}) });
  if (put.status !== 201 && put.status !== 202) fail(`write ${path}`, put);
  return [`published the member list of ${shop} (${members.length})`];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Buyer-data clean-up of the learned picks on the server (`npm run team -- purge`): deletes every
 * pick its author marked forgotten (the supervisor's machine does the same on its next round), and
 * with `days` every pick made longer ago than that (the shop's retention period), then compacts the
 * database so no earlier revision keeps the words. What stays of a deleted pick is CouchDB's
 * tombstone (`_id`, `_rev`, `_deleted`) — kept on purpose: it is what tells a replica that was
 * offline meanwhile to drop its copy instead of sending it back.
 */
export async function purgePicks(s: AdminServer, shop: string, opts: { days?: number; now?: number } = {}): Promise<Changes> {
  checkShop(shop);
  const db = encodeURIComponent(dbName(shop, 'picks'));
  const all = await request(s, 'GET', `${db}/_all_docs?include_docs=true&startkey=${encodeURIComponent(JSON.stringify(DOC_PREFIX.pick))}&endkey=${encodeURIComponent(JSON.stringify(`${DOC_PREFIX.pick}\ufff0`))}`);
  if (all.status !== 200) fail(`read ${dbName(shop, 'picks')}`, all);
  const limit = opts.days !== undefined && opts.days > 0 ? (opts.now ?? Date.now()) - opts.days * DAY_MS : null;
  let forgotten = 0;
  let expired = 0;
  const docs: { _id: string; _rev: string; _deleted: true }[] = [];
  for (const row of all.json.rows ?? []) {
    const d = row.doc;
    if (!d) continue;
    if (d.type === 'forgotten') forgotten++;
    else if (limit !== null && d.type === 'pick' && typeof d.pick?.at === 'number' && d.pick.at < limit) expired++;
    else continue;
    docs.push({ _id: d._id, _rev: d._rev, _deleted: true });
  }
  const changes: Changes = [];
  if (docs.length) {
    const put = await request(s, 'POST', `${db}/_bulk_docs`, { docs });
    if (put.status !== 201 && put.status !== 200) fail(`delete picks in ${dbName(shop, 'picks')}`, put);
    const failed = (put.json as { error?: string }[]).filter((r) => r.error).length;
    if (failed) throw new ProvisionError(`${failed} of ${docs.length} picks in ${dbName(shop, 'picks')} were not deleted (changed meanwhile?); run purge again`);
    if (forgotten) changes.push(`deleted ${forgotten} picks their authors forgot`);
    if (expired) changes.push(`deleted ${expired} picks older than ${opts.days} days`);
  }
  // Always: a delete made by a supervisor's machine leaves the old revision until compaction too.
  const compact = await request(s, 'POST', `${db}/_compact`, {});
  if (compact.status !== 202 && compact.status !== 200) fail(`compact ${dbName(shop, 'picks')}`, compact);
  return changes;
}

/** How many documents one `_purge` request names (CouchDB 3 refuses more than `max_document_id_number`, 100 by default). */
const PURGE_BATCH = 100;

/**
 * Removes the tombstones of deleted buyers from the server (`npm run team -- purge`, since 2026-12-04). A
 * deleted profile (`buyer:<key>`) or note (`ev:<key>:…`) keeps its document id — the buyer's key,
 * i.e. platform and console id or the nickname — in the database's changes feed for good, readable by
 * every member; CouchDB's `_purge` (server admin) is the only thing that removes it. Every leaf of a
 * deleted buyer document is purged, so the id leaves the database.
 *
 * Safe for the deletion itself: what keeps a deleted buyer deleted is the `del:h:<hex>` document,
 * which is live and stays. A machine that was offline since and still holds the buyer may push its
 * copy again (a tombstone does not stop that either: CouchDB prefers a live revision); the first
 * machine that imports it deletes it again, and the next purge removes the new tombstones. Follow-up
 * ids are random (`fu:<id>`) and picks' too: no name in them.
 */
export async function purgeDeletedBuyers(s: AdminServer, shop: string): Promise<Changes> {
  checkShop(shop);
  const name = dbName(shop, 'buyers');
  const db = encodeURIComponent(name);
  const feed = await request(s, 'GET', `${db}/_changes?style=all_docs`);
  if (feed.status !== 200) fail(`read the changes of ${name}`, feed);
  const gone: [string, string[]][] = [];
  for (const r of (feed.json?.results ?? []) as { id: string; deleted?: boolean; changes: { rev: string }[] }[]) {
    if (r.deleted && (r.id.startsWith(DOC_PREFIX.buyer) || r.id.startsWith(DOC_PREFIX.buyerEvent))) gone.push([r.id, r.changes.map((c) => c.rev)]);
  }
  for (let i = 0; i < gone.length; i += PURGE_BATCH) {
    const r = await request(s, 'POST', `${db}/_purge`, Object.fromEntries(gone.slice(i, i + PURGE_BATCH)));
    // pouchdb-server (the tests' server) has no _purge and answers 400 only_multipart_accepted.
    if (r.status !== 201 && r.status !== 200 && r.status !== 202) fail(`the server did not purge ${gone.length} deleted buyer documents in ${name} (CouchDB 2.3 or later has _purge; pouchdb-server has not), their ids still name the buyers`, r);
  }
  return gone.length ? [`removed ${gone.length} deleted buyer documents (profiles and notes, their ids name the buyer) from ${name}`] : [];
}
