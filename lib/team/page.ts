/**
 * The team page (offscreen document): owns the PouchDB replicas and runs sync rounds when the
 * background asks. Only chrome.runtime is available here, so results go back in the reply and the
 * background stores the status and announces changed areas.
 *
 * While a UI is open the background turns live mode on (`live`): continuous pulls whose batches
 * are imported as they arrive; what they changed, a dropped connection (离线) and its return (then
 * a round, to send what waited) reach the background as `kfTeamPage: 'update'` messages.
 */
import { BrowserPouch } from './pouch-browser';
import { TeamSync, TeamSyncError, type LiveEvent } from './sync';
import { storageStores } from './storage-bridge';
import { isTeamConfig, type TeamConfig, type TeamStatus } from './config';
import type { TeamOpReply, TeamOpRequest, TeamPageReply } from '../background/team';
import type { Template } from '../domain/templates/types';
import type { RuleSet } from '../domain/remarks';
import type { TaughtSite } from '../sites/taught/record';
import { roleName, type TeamRole } from './names';

let engine: { key: string; sync: TeamSync; identity: { shop: string; user: string; role: TeamRole } } | null = null;

function engineFor(cfg: TeamConfig, changed: Set<TeamPageReply['areas'][number]>): TeamSync {
  const key = `${cfg.server}|${cfg.shop}|${cfg.user}`;
  // A changed role (the server's member list) is taken by the engine in place: closing it would cut
  // off a live pull or a round still using its databases.
  if (engine?.key === key) {
    engine.identity.role = cfg.role;
    return engine.sync;
  }
  void engine?.sync.close();
  const identity = { shop: cfg.shop, user: cfg.user, role: cfg.role };
  const sync = new TeamSync({
    PouchDB: BrowserPouch,
    identity,
    server: cfg.server,
    // The session cookie set when the agent signed in (options → 团队) goes with every request.
    remoteOptions: { fetch: (url: string, opts: RequestInit) => fetch(url, { ...opts, credentials: 'include' }) },
    localPrefix: 'kf-team-',
    stores: storageStores(async (area) => void changed.add(area)),
  });
  engine = { key, sync, identity };
  return sync;
}

const changedAreas = new Set<TeamPageReply['areas'][number]>();

/** When the last round ended (performance.now()): a lost connection noticed before it is old news. */
let roundEndedAt = -Infinity;
/** The last round's status: a live import that closed a follow-up this user snoozed adds to it. */
let lastStatus: TeamStatus | null = null;

/** The areas imports changed since they were last reported (each reported once, by a round or a live update). */
function takeAreas(): TeamPageReply['areas'] {
  const areas = [...changedAreas];
  changedAreas.clear();
  return areas;
}

/**
 * Who the server says this session is: the user's role in the shop now, `removed` when signed in
 * but no longer given a role in it (npm run team -- remove), null when signed out (the session
 * ended) or the server could not say.
 */
async function membership(cfg: TeamConfig): Promise<TeamRole | 'removed' | null> {
  try {
    // Redirects refused, as for every request to the server (remote-fetch.ts): an error, so null.
    const res = await fetch(`${cfg.server}/_session`, { credentials: 'include', headers: { accept: 'application/json' }, redirect: 'error' });
    const ctx = ((await res.json()) as { userCtx?: { name?: string | null; roles?: string[] } }).userCtx;
    if (!ctx || ctx.name !== cfg.user) return null;
    const roles = ctx.roles ?? [];
    return roles.includes(roleName(cfg.shop, 'supervisor')) ? 'supervisor' : roles.includes(roleName(cfg.shop, 'agent')) ? 'agent' : 'removed';
  } catch {
    return null;
  }
}

/**
 * A failed round or live pull in words. A refusal (401/403) is checked against the session: a
 * removed member is told so (signing in again could only fail), a changed role is reported.
 */
async function statusOf(cfg: TeamConfig, e: TeamSyncError, pending: number): Promise<TeamStatus> {
  const state = e.kind === 'offline' ? 'offline' : e.kind === 'auth' ? 'auth' : 'error';
  // The status line says the server sent the request elsewhere (and where, when known).
  if (e.kind === 'redirect') return { state, pending, redirect: e.message };
  if (e.kind === 'auth' || e.kind === 'forbidden') {
    const who = await membership(cfg);
    if (who === 'removed') return { state: 'removed', pending, message: cfg.shop };
    if (who && who !== cfg.role) return { state, pending, message: e.message, role: who };
  }
  return { state, pending, message: e.message };
}

/** Writes the server refused that the user has not yet been shown as read (options → 团队 → 知道了). */
const REFUSED = '_local/kf-refused';
type Refused = NonNullable<TeamStatus['refused']>;

async function refusedWrites(sync: TeamSync, add: readonly string[] = [], clear = false): Promise<Refused> {
  const db = sync.local.library;
  const doc = (await db.get(REFUSED).catch(() => null)) as { _rev?: string; list?: Refused } | null;
  let list: Refused = clear ? [] : Array.isArray(doc?.list) ? doc.list : [];
  if (!add.length && !clear) return list;
  // A reply is named by the title this machine sent (the refused revision stays in the replica).
  const named = await Promise.all(
    add.map(async (id) => {
      const title = id.startsWith('tpl:') ? ((await db.get(id).catch(() => null)) as { template?: { title?: string } } | null)?.template?.title : undefined;
      return title ? { id, title } : { id };
    }),
  );
  list = [...list.filter((r) => !add.includes(r.id)), ...named];
  await db.put({ _id: REFUSED, ...(doc?._rev ? { _rev: doc._rev } : {}), list });
  return list;
}

/**
 * Rounds nobody asked for (the background's timer, alarm, start-up) under way: a whole-data verb
 * in the worker cuts them (`cut`) rather than wait for a silent server — before (until 2026-12-05) it
 * waited up to a minute for the 45 s request limits and was then refused, with every panel queued
 * behind it. Cut, a round ends as offline with everything kept (TeamSync.syncOnce `signal`).
 */
const cuttable = new Set<AbortController>();

async function round(cfg: TeamConfig, firstJoin: boolean, cut?: AbortController): Promise<TeamPageReply> {
  const sync = engineFor(cfg, changedAreas);
  let status: TeamStatus;
  try {
    const report = await sync.syncOnce({ firstJoin, signal: cut?.signal });
    status = { state: 'synced', pending: report.pending, lastSyncAt: Date.now() };
    const refused = await refusedWrites(sync, report.refused).catch(() => []);
    if (refused.length) status.refused = refused;
    const doneOver = await sync.doneOver().catch(() => []);
    if (doneOver.length) status.doneOver = doneOver;
    const reopened = await sync.reopened().catch(() => []);
    if (reopened.length) status.reopened = reopened;
    const unreadable = (await sync.unreadable().catch(() => [])).length;
    if (unreadable) status.unreadable = unreadable;
    // A write refused: the role may have changed since the member list was last pulled.
    const who = report.refused.length ? await membership(cfg) : null;
    if (who === 'removed') status = { ...status, state: 'removed', message: cfg.shop };
    else if (who && who !== cfg.role) status.role = who;
  } catch (err) {
    const e = err instanceof TeamSyncError ? err : new TeamSyncError('server', (err as Error)?.message ?? String(err));
    status = await statusOf(cfg, e, await sync.pending().catch(() => 0));
  }
  if (cut) cuttable.delete(cut);
  roundEndedAt = performance.now();
  lastStatus = status;
  const members = await sync.members().catch(() => null);
  // The role the shop's member list gives now (npm run team -- add-agent demotes a supervisor): the
  // background keeps it, so the options page, the review pane and what is sent follow it.
  const listed = members?.find((m) => m.name === cfg.user)?.role;
  if (!status.role && listed && listed !== cfg.role && status.state === 'synced') status.role = listed;
  return { status, areas: takeAreas(), ...(members ? { members } : {}) };
}

/** An update the background did not ask for (live mode): areas to announce, maybe a status. */
const runtime = () => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime;
function tell(update: Omit<TeamPageReply, 'status'> & { status?: TeamStatus }): void {
  void runtime().sendMessage({ kfTeamPage: 'update', update }).catch(() => undefined);
}

/**
 * A batch the live pull brought is waiting for the worker's turn (`pulled` sent, `import` not yet
 * come): later batches wait with it. The worker imports under its whole-data lock (as an unasked,
 * cuttable holder, lib/background/team.ts); imported here by itself, a colleague's change was
 * written between the steps of 删除全部数据, 导入全部数据 or 恢复 (lock5).
 */
let asked = false;
/**
 * Until the `import` comes, the page asks again (REASK_MS, doubling to a minute): a `pulled` lost on
 * the way — the worker stopped after taking it, the send failed with no later batch to ask again —
 * left the colleague's change in the replica until the next round (up to 5 min). A second ask while
 * the worker's import waits behind a whole-data verb costs one more import that finds nothing.
 */
export const REASK_MS = 5000;
let reask: ReturnType<typeof setTimeout> | undefined;
function askImport(): void {
  if (asked) return;
  asked = true;
  sendPulled(REASK_MS);
}
function sendPulled(wait: number): void {
  clearTimeout(reask);
  reask = setTimeout(() => asked && sendPulled(Math.min(wait * 2, 60_000)), wait);
  void runtime().sendMessage({ kfTeamPage: 'pulled' }).catch(() => undefined);
}
/** The worker's import (or a round, which imports too) came: nothing more to ask. */
function answered(): void {
  asked = false;
  clearTimeout(reask);
}

/** The live pull's batches imported (the worker's `import`), or as much as a cut left time for. */
async function liveImport(cfg: TeamConfig, cut?: AbortController): Promise<Omit<TeamPageReply, 'status'> & { status?: TeamStatus }> {
  answered();
  const sync = engineFor(cfg, changedAreas);
  try {
    await sync.importLive(cut?.signal);
  } catch (err) {
    const e = err instanceof TeamSyncError ? err : new TeamSyncError('server', (err as Error)?.message ?? String(err));
    // Counting what waits takes a moment; a round that ended meanwhile (the server came back and the
    // agent synced) knows better, and its 已同步 must not be replaced by this older 离线.
    const seen = performance.now();
    const status = await statusOf(cfg, e, await sync.pending().catch(() => 0));
    return { areas: takeAreas(), ...(roundEndedAt > seen ? {} : { status }) };
  } finally {
    if (cut) cuttable.delete(cut);
  }
  const areas = takeAreas();
  // Said while a page is open, not at the next round: a colleague's close of an item this user
  // snoozed, and how many colleagues' documents could not be read (a live import that skipped
  // one imports nothing, so it changes no area).
  const fu = areas.includes('followups');
  const [doneOver, reopened, unreadable] = await Promise.all([fu ? sync.doneOver().catch(() => null) : null, fu ? sync.reopened().catch(() => null) : null, sync.unreadable().catch(() => null)]);
  const was = lastStatus;
  let status: TeamStatus | null = null;
  // Compared whole, not counted: a notice renamed (its buyer deleted while the item was kept
  // anonymous, TeamSync.toldAsStored) is news too, or the name stayed in the status until a round.
  if (was && doneOver && JSON.stringify(doneOver) !== JSON.stringify(was.doneOver ?? [])) {
    status = { ...was, doneOver };
    if (!doneOver.length) delete status.doneOver;
  }
  // A colleague's reopen of an item this user closed: a new notice, or a newer reopen of the same item.
  if (was && reopened && JSON.stringify(reopened) !== JSON.stringify(was.reopened ?? [])) {
    status = { ...(status ?? was), reopened };
    if (!reopened.length) delete status.reopened;
  }
  if (was?.state === 'synced' && unreadable && unreadable.length !== (was.unreadable ?? 0)) {
    status = { ...(status ?? was), unreadable: unreadable.length };
    if (!unreadable.length) delete status.unreadable;
  }
  if (status) lastStatus = status;
  return { areas, ...(status ? { status } : {}) };
}

/** Live mode on or off; a no-op when it already is. */
async function setLive(cfg: TeamConfig, on: boolean): Promise<void> {
  // Off: only an engine already open can be live (no replicas opened just to stop nothing).
  if (!on) return engine?.sync.stopLive();
  const sync = engineFor(cfg, changedAreas);
  if (sync.isLive) return;
  sync.startLive((e: LiveEvent) => {
    if (e.kind === 'down') {
      const seen = performance.now();
      void sync
        .pending()
        .catch(() => 0)
        .then((n) => statusOf(cfg, e.error, n))
        .then((status) => tell({ areas: takeAreas(), ...(roundEndedAt > seen ? {} : { status }) }));
    } else if (e.kind === 'up') {
      // The server answers again: a round sends what waited and sets the status — asked of the
      // worker, which runs it as its unasked rounds (under the whole-data lock, cut by a whole-data
      // verb): run here, it wrote the stores beside 删除全部数据 or an import (lock4).
      void runtime().sendMessage({ kfTeamPage: 'up' }).catch(() => undefined);
    }
  }, { ask: askImport });
}

/** One review/proposal operation on this machine's replicas (options → 团队, the library editor). */
async function op(cfg: TeamConfig, req: TeamOpRequest): Promise<TeamOpReply> {
  const sync = engineFor(cfg, changedAreas);
  try {
    switch (req.op) {
      case 'review': {
        // What the lists left out as unreadable is said there, in the status line's words.
        const skipped = { n: 0 };
        const [proposals, conflicts, rules, sites] = await Promise.all([sync.proposals({ decided: false }, skipped), sync.templateConflicts(skipped), sync.rulesConflict(skipped), sync.siteConflicts(skipped)]);
        return { ok: true, value: { proposals, conflicts, rules, sites, skipped: skipped.n } };
      }
      case 'myProposals':
        return { ok: true, value: await sync.proposals({ by: cfg.user }) };
      case 'propose':
        return { ok: true, value: await sync.propose(req.template as Template) };
      case 'decide':
        return { ok: true, value: await sync.decideProposal(req.id, { accepted: req.accepted, reason: req.reason }) };
      case 'resolveConflict':
        await sync.resolveTemplateConflict(req.template as Template);
        return { ok: true, value: null };
      case 'resolveRules':
        await sync.resolveRulesConflict(req.ruleSet as RuleSet);
        return { ok: true, value: null };
      case 'dismissRefused':
        // `doneOver`: the popup's 知道了 under the follow-ups a colleague closed; `reopened`: an item a colleague
        // reopened was acted on (its popup row, any verb writing it) or opened; `gone`: items the user deleted
        // (both lists); else options' under refused writes.
        await (req.doneOver ? sync.doneOver({ clear: true }) : typeof req.reopened === 'string' ? sync.reopened({ drop: req.reopened }) : Array.isArray(req.gone) ? sync.drop(req.gone) : refusedWrites(sync, [], true));
        return { ok: true, value: null };
      case 'resolveSite':
        await sync.resolveSiteConflict(req.origin, req.site as TaughtSite | null);
        return { ok: true, value: null };
    }
  } catch (err) {
    const e = err instanceof TeamSyncError ? err : new TeamSyncError('server', (err as Error)?.message ?? String(err));
    return { ok: false, kind: e.kind, message: e.message };
  }
}

/**
 * Leaving team mode: the engine closed and every team replica on this machine deleted (any shop's,
 * `_pouch_kf-team-…`). They hold the shop's shared records — colleagues' buyers, notes, follow-ups
 * and picks, the deletion records, the tombstones' ids — which this machine keeps only for syncing;
 * what the agent has (customers, follow-ups, library, picks, imported ones included) is in the
 * stores, which stay. A rejoin pulls the shop again (TeamSync.syncOnce, firstJoin).
 */
async function leave(): Promise<void> {
  const was = engine;
  engine = null;
  await was?.sync.close(true);
  // Any other shop's left by an earlier version (none open here). A deletion still blocked after
  // 5 s is left: the worker closes this page next, which would cancel it anyway.
  for (const { name } of await indexedDB.databases()) {
    if (!name?.startsWith('_pouch_kf-team-')) continue;
    await new Promise<void>((done) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = req.onerror = () => done();
      setTimeout(done, 5000);
    });
  }
}

interface RuntimeLike {
  id: string;
  onMessage: { addListener(fn: (msg: any, sender: { id?: string; url?: string }, reply: (r: unknown) => void) => boolean | void): void };
}

export function runTeamPage(): void {
  // Raw chrome.runtime: an offscreen document has no other API, and the reply is asynchronous.
  const runtime = (globalThis as unknown as { chrome: { runtime: RuntimeLike } }).chrome.runtime;
  runtime.onMessage.addListener((msg: { kfTeam?: string; config?: unknown; firstJoin?: boolean; unasked?: boolean; live?: boolean; on?: boolean; req?: TeamOpRequest }, sender, reply) => {
    // The background only: a content script carries the extension's id too, but its url is the seller page's.
    const fromExtension = sender.id === runtime.id && !!sender.url?.startsWith(`chrome-extension://${runtime.id}/`);
    if (!fromExtension || !['sync', 'import', 'op', 'live', 'leave', 'cut'].includes(msg?.kfTeam as string)) return false;
    if (msg.kfTeam === 'cut') {
      for (const c of cuttable) c.abort(new TypeError('fetch failed: the round was cut for a whole-data verb'));
      cuttable.clear();
      return false;
    }
    if (msg.kfTeam === 'leave') {
      void leave().then(() => reply({ ok: true }), () => reply({ ok: false }));
      return true;
    }
    if (msg.kfTeam === 'live') {
      if (!isTeamConfig(msg.config)) reply({ ok: false });
      else void setLive(msg.config, msg.on === true).then(() => reply({ ok: true }), () => reply({ ok: false }));
      return true;
    }
    if (msg.kfTeam === 'op') {
      if (!isTeamConfig(msg.config) || !msg.req) reply({ ok: false, kind: 'server', message: 'bad team request' } satisfies TeamOpReply);
      else void op(msg.config, msg.req).then(reply);
      return true;
    }
    if (!isTeamConfig(msg.config)) {
      reply({ status: { state: 'error', pending: 0, message: 'bad team configuration' }, areas: [] } satisfies TeamPageReply);
      return false;
    }
    const cfg = msg.config;
    // Registered now, not when the round starts: a cut sent right after this message reaches it.
    const cut = msg.unasked ? new AbortController() : undefined;
    if (cut) cuttable.add(cut);
    if (msg.kfTeam === 'import') {
      void liveImport(cfg, cut).then(reply);
      return true;
    }
    // A round imports what the live pull brought too: a batch whose `pulled` the worker lost (it
    // stopped) is asked again at the next one.
    answered();
    // A round asked for while a UI is open turns live mode on (again, after this page restarted).
    void (msg.live ? setLive(cfg, true) : Promise.resolve()).then(() => round(cfg, msg.firstJoin === true, cut)).then(reply);
    return true;
  });
}
