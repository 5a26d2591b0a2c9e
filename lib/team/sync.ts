/**
 * Team sync engine: the machine's stores ↔ local PouchDB replicas ↔ the shop's CouchDB.
 *
 * One `syncOnce()` (serialised; alarms, debounced local writes, startup and an open UI call it):
 *  1. export — records written locally since the last round (the dirty keys) become documents in
 *     the local replicas (merged with what is there, never overwriting a newer edit);
 *  2. replicate — one-shot push then pull per database; PouchDB keeps checkpoints in `_local`
 *     documents on both sides, so a stopped service worker resumes where it stopped;
 *  3. resolve — documents that came back with conflicts are merged (buyer profile field by field,
 *     follow-up status by a fixed order) and the losing revisions removed; a reply (template) edited
 *     on two machines is left in conflict for the supervisor, who sees both versions;
 *  4. import — documents changed since the last import are merged into the local stores.
 *
 * For follow-ups and the library, "did this side change?" is answered by a base: the hash of what
 * was last exported or imported for that document, kept in a `_local` document of the replica.
 */
import { dbName, DOC_PREFIX, type TeamArea, type TeamRole } from './names';
import { fieldTime, REPLACEABLE_FIELDS, type Customer, type CustomerEvent } from '../domain/customers';
import type { Followup } from '../domain/followups';
import type { DoneOver, ReopenedOver } from './config';
import type { Template } from '../domain/templates/types';
import { rewordStarter } from '../domain/templates/starter-rewords';
import {
  body,
  buyerBody,
  buyerId,
  canonical,
  customerOfBody,
  DELETION_REF,
  deletionId,
  deletionRef,
  eventId,
  isCovered,
  mergeDeletions,
  followupId,
  hashOf,
  mergeBuyerBodies,
  maskedBuyerBody,
  maskedClash,
  mergeFollowup,
  mergeGroups,
  pickId,
  siteId,
  templateId,
  type BuyerBody,
  type DeletionBody,
  type EventBody,
  type FollowupBody,
  type FollowupEventBody,
  type GroupsBody,
  type MembersBody,
  type PickBody,
  type ForgottenBody,
  type ProposalBody,
  type ProposalDecision,
  type RulesBody,
  type SiteBody,
  type TemplateBody,
} from './docs';
import { emptyDirty, readDeletions, type Deleted, type Dirty, type LocalStores, type SiteVersion } from './local-stores';
import { upgradeRuleSet, validateRuleSet, type RuleSet } from '../domain/remarks';
import { parseTaughtSite, type TaughtSite } from '../sites/taught/record';
import { isLearnedPick } from '../storage/learned';
import { deletionAt, readDoc } from './read-docs';
import { limitText } from '../domain/limit-text';
import { maskPii } from '../domain/customers/privacy';
import type { ChangesResult, Doc, PouchDatabase, PouchStatic, Replication, ReplicationResult } from './pouch-types';
import { refusingRedirects, type RedirectRefused, withSilenceLimit, type FetchFn } from './remote-fetch';

export interface TeamIdentity {
  shop: string;
  user: string;
  role: TeamRole;
}

export interface TeamSyncOptions {
  PouchDB: PouchStatic;
  identity: TeamIdentity;
  /** The server, e.g. https://couch.example.com (no credentials in it). */
  server: string;
  /** Options for the remote databases: `fetch` (session cookie) or, in Node tests, `auth`. */
  remoteOptions?: Record<string, unknown>;
  /** Options for the local replicas (adapter). */
  localOptions?: Record<string, unknown>;
  /** Prefix of the local replica names (one machine = one prefix in tests). */
  localPrefix?: string;
  stores: LocalStores;
  now?: () => number;
  /** A request to the server is given up after this long without a byte (remote-fetch.ts). */
  silenceMs?: number;
}

/** `redirect`: the server sent a request elsewhere (the message is where, or ''); not followed. */
export type SyncErrorKind = 'offline' | 'auth' | 'forbidden' | 'server' | 'redirect';

/** Versions of one document in the order they were made (the revision breaks a tie, the same on every machine). */
const byEdit = (a: { at: number; rev: string }, b: { at: number; rev: string }): number => a.at - b.at || (a.rev < b.rev ? -1 : 1);

/**
 * A close here undone by a colleague's later reopen (mergeFollowup): the item was done and is not,
 * and its `reopenedAt` is later than that close. The rules' own reopens carry no `reopenedAt`.
 */
function reopenedOver(before: Followup, after: Followup): boolean {
  return before.status === 'done' && after.status !== 'done' && after.reopenedAt !== undefined && after.reopenedAt > (before.closedAt ?? -Infinity);
}

export class TeamSyncError extends Error {
  override name = 'TeamSyncError';
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface TeamProposal {
  id: string;
  template: Template;
  by: string;
  at: number;
  decision?: ProposalDecision;
  /** Accepted, then another proposal for the same reply was accepted after it: who proposed that one. */
  replacedBy?: string;
  /** Waiting: the other proposals for the same reply still waiting (who proposed them). */
  alsoWaiting?: string[];
  /** Waiting: the latest proposal accepted for the same reply (accepting this one replaces it). */
  lastAccepted?: { by: string; at: number };
}

/** The remark rule set edited on two supervisor machines: every version, oldest edit first. */
export interface RulesConflict {
  versions: { rev: string; ruleSet: RuleSet; by: string; at: number }[];
}

/** A taught site edited on two supervisor machines: every version (`site` null = forgotten there). */
export interface SiteConflict {
  origin: string;
  versions: { rev: string; site: TaughtSite | null; by: string; at: number }[];
}

/** What the live pull reports (startLive): documents imported, or the connection's state. */
export type LiveEvent =
  | { kind: 'imported'; report: Pick<SyncReport, 'pulled' | 'resolved' | 'imported' | 'pushed'> }
  | { kind: 'down'; error: TeamSyncError }
  | { kind: 'up' };

export interface SyncReport {
  exported: number;
  pushed: number;
  pulled: number;
  resolved: number;
  imported: number;
  /** Writes the server refused (e.g. an agent's edit of a reply). */
  denied: number;
  /** The documents refused (ids; the server's checkpoint moves past them, so they are not sent again). */
  refused: string[];
  /**
   * What waits to be sent when the round ended (pending({ askServer })), counted before the next
   * round or live import can write: counted after syncOnce returned, a round queued behind this one
   * could already be exporting, and its writes were shown as this round's "n 条待同步".
   */
  pending: number;
}

const DONE_OVER = '_local/kf-told';
/** The two lists of `_local/kf-told`: `list` the done-over notices (its name from before the reopen ones). */
interface Told {
  list: DoneOver[];
  reopened: ReopenedOver[];
}
/** `had` with `add` in place of the entries of the same ids, `add` last. */
const upsert = <T extends { id: string }>(had: readonly T[], add: readonly T[] = []): T[] => [...had.filter((d) => !add.some((a) => a.id === d.id)), ...add];
/** Reopen notices kept (the newest): a notice nobody acts on in the popup does not pile up. */
const REOPENED_KEPT = 50;

/** The databases kept in sync. */
const SYNCED: readonly TeamArea[] = ['library', 'buyers', 'followups', 'picks'];
const BATCH = 200;

export function classifyError(err: unknown): TeamSyncError {
  if (err instanceof TeamSyncError) return err;
  // By name: PouchDB's replication hands on a copy of the error, not the instance.
  if ((err as RedirectRefused | null)?.name === 'RedirectRefused') return new TeamSyncError('redirect', String((err as RedirectRefused).to ?? ''));
  const e = err as { status?: number; name?: string; message?: string; reason?: string; error?: string } | null;
  const status = e?.status;
  const msg = e?.reason ?? e?.message ?? String(err);
  if (status === 401) return new TeamSyncError('auth', msg);
  if (status === 403) return new TeamSyncError('forbidden', msg);
  // Only a failed request is "offline": an error of this machine's own (a TypeError while reading
  // a document, seen 2026-12-05) has no status either, and sent the agent to check the network.
  if (status === 0 || /fetch|network|ECONNREFUSED|ECONNRESET|socket|Failed to fetch|abort|timed? ?out|silen/i.test(`${e?.name} ${msg}`)) {
    return new TeamSyncError('offline', msg);
  }
  if (!status) return new TeamSyncError('server', msg);
  return new TeamSyncError('server', `${status} ${msg}`);
}

function randomHex(n: number): string {
  const b = new Uint8Array(n / 2);
  crypto.getRandomValues(b);
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * Waits for a replication and, if it fails, cancels it. PouchDB 9's replication does not stop when
 * it fails: the batch it was working on goes on, and when it ends it asks for the next changes from
 * where the failed request had already moved on to, past the batches it dropped when it failed —
 * then writes its checkpoint beyond them. Those documents were never fetched (or sent), and no later
 * replication looks at them again: a replica stays short for good (the 50-agent bench's machine
 * hundreds of notes short; lib/team/faults.test.ts found it with requests failing at random).
 * Cancelled at once, the failed replication writes no further checkpoint.
 */
async function settle(rep: Replication): Promise<ReplicationResult> {
  try {
    return await rep;
  } catch (err) {
    rep.cancel();
    throw err;
  }
}

/**
 * A remote database as the replication uses it, with two corrections:
 *
 * - A session that ended is not taken for a refusal. pouchdb-server (checked, 4.2.0) answers a
 *   `_bulk_docs` whose session cookie has expired — its sessions end 10 minutes after signing in,
 *   however busy — as an anonymous caller's: 201, every document refused with `unauthorized`,
 *   where other requests get a 401. PouchDB's replication counts those as "denied" and moves its
 *   checkpoint past them, so a push that met the end of a session lost what it sent, for good (the
 *   50-agent bench runs longer than a session). Here a refusal of that kind is checked with a
 *   request that does fail without a session (the database's info: a 401 ends the replication
 *   before its checkpoint moves, or signs in again where the fetch can) and the refused documents
 *   are sent once more; only what is refused again (the member was removed) stays refused.
 * - The remote's id (GET /, the server's uuid, which names the checkpoints) is asked once per
 *   engine: a request less before every push, and a GET / failing under load no longer names a
 *   different replication (the URL) that would start again from sequence 0.
 */
function guardedRemote(db: PouchDatabase): PouchDatabase {
  const ask = db.id.bind(db);
  let known: string | null = null;
  db.id = async () => {
    if (known) return known;
    const id = await ask();
    // Without a uuid (the server did not answer) PouchDB falls back to the URL: not kept.
    if (!/^https?:/.test(id)) known = id;
    return id;
  };
  const bulkDocs = db.bulkDocs.bind(db);
  db.bulkDocs = async (req: Doc[] | { docs: Doc[]; new_edits?: boolean }, opts?: Record<string, unknown>) => {
    const res = await bulkDocs(req as Doc[], opts);
    const refused = new Set(res.filter((r) => r.error === 'unauthorized').map((r) => r.id));
    if (!refused.size) return res;
    await db.info();
    const docs = Array.isArray(req) ? req : req.docs;
    const retry = docs.filter((d) => refused.has(d._id));
    const again = await bulkDocs((Array.isArray(req) ? retry : { ...req, docs: retry }) as Doc[], opts);
    if (again.length === retry.length) {
      const byId = new Map(again.map((r) => [r.id, r]));
      return res.map((r) => (refused.has(r.id) ? (byId.get(r.id) ?? r) : r));
    }
    // With new_edits: false the server lists only the documents it refused.
    return [...res.filter((r) => !refused.has(r.id)), ...again];
  };
  return db;
}

/** The field that holds what a supervisor chooses between, for the documents left in conflict for a choice. */
const VERSIONED_FIELD: Record<string, 'template' | 'ruleSet' | 'site'> = { template: 'template', rules: 'ruleSet', site: 'site' };

/** How many different contents (reply, rule set or taught site) a document's versions hold. */
/** How many colleagues' documents or versions a listing left out as unreadable (options → 团队 says it). */
export interface Skipped {
  n: number;
}

/** Who wrote a version and when, as a listing shows it (a name of the wrong kind or length is not shown as sent). */
function byAt(d: Doc): { by: string; at: number } {
  const at = Number(d.at);
  return { by: typeof d.by === 'string' ? limitText(d.by, 64) : '', at: Number.isFinite(at) && at >= 0 ? at : 0 };
}

function distinct(versions: readonly Doc[]): number {
  const field = VERSIONED_FIELD[String(versions[0]?.type)] ?? 'template';
  return new Set(versions.map((d) => canonical(d[field]))).size;
}

interface Base {
  hash: string;
  rev?: string;
}

/** The document a deleted buyer (key) or follow-up (id) is kept as. */
function docIdOf(area: 'buyers' | 'followups', key: string): string {
  return area === 'buyers' ? buyerId(key) : followupId(key);
}

export class TeamSync {
  readonly local: Record<TeamArea, PouchDatabase>;
  readonly remote: Record<TeamArea, PouchDatabase>;
  /** The same databases for the live pull, whose requests a cut round leaves alone. */
  private readonly liveRemote: Record<TeamArea, PouchDatabase>;
  private readonly stores: LocalStores;
  private readonly me: TeamIdentity;
  private readonly now: () => number;
  private running: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** The running round's cut (syncOnce `signal`), which every request to the server (not the live pull's) follows. */
  private cut: AbortSignal | null = null;
  /** Supervisor: the shop's rule set in the replica was checked for old preset defaults (correctRules). */
  private rulesChecked = false;
  /** Continuous pulls while a UI is open (startLive). */
  private live: { reps: Replication[]; timers: (ReturnType<typeof setTimeout> | undefined)[]; down: Set<TeamArea>; importing: Promise<void> | null; again: boolean } | null = null;
  /** `id@rev` the live pull brought from the server since the last round: not counted as waiting to be sent. */
  private fromServer = new Set<string>();

  constructor(opts: TeamSyncOptions) {
    this.stores = opts.stores;
    this.me = opts.identity;
    this.now = opts.now ?? Date.now;
    const server = opts.server.replace(/\/+$/, '');
    const fetchFn = (opts.remoteOptions?.fetch as FetchFn | undefined) ?? ((url: string, init?: RequestInit) => fetch(url, init));
    // No redirect is followed: it would send the shop's records (and the session cookie's worth of
    // trust) to wherever the answer points, maybe another host or plain http (remote-fetch.ts).
    const limited = withSilenceLimit(refusingRedirects(fetchFn), opts.silenceMs);
    // A round's requests also end when the round is cut (syncOnce `signal`); the live pull's have their own remotes.
    const cuttable: FetchFn = (url, init = {}) => {
      const cut = this.cut;
      return limited(url, cut ? { ...init, signal: init.signal ? AbortSignal.any([init.signal, cut]) : cut } : init);
    };
    const remoteOptions = { ...opts.remoteOptions, fetch: cuttable };
    const liveOptions = { ...opts.remoteOptions, fetch: limited };
    const local = {} as Record<TeamArea, PouchDatabase>;
    const remote = {} as Record<TeamArea, PouchDatabase>;
    const liveRemote = {} as Record<TeamArea, PouchDatabase>;
    for (const area of SYNCED) {
      const name = dbName(opts.identity.shop, area);
      // Picks replica: compacted on every write, so a forgotten pick's words leave this machine's
      // copy too (not only the current revision). The others: deleted documents only (compactDeleted).
      local[area] = new opts.PouchDB(`${opts.localPrefix ?? ''}${name}`, { ...opts.localOptions, ...(area === 'picks' ? { auto_compaction: true } : {}) });
      remote[area] = guardedRemote(new opts.PouchDB(`${server}/${name}`, { skip_setup: true, ...remoteOptions }));
      liveRemote[area] = guardedRemote(new opts.PouchDB(`${server}/${name}`, { skip_setup: true, ...liveOptions }));
    }
    this.local = local;
    this.remote = remote;
    this.liveRemote = liveRemote;
  }

  /** Runs `fn` after every earlier call finished (one round at a time). */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.running.then(fn, fn);
    this.running = next.catch(() => undefined);
    return next;
  }

  /**
   * One full round; throws TeamSyncError (offline, auth, …) after keeping everything local.
   * `signal`: aborting it cuts the round as a dropped connection would — every request to the
   * server fails at once, what arrived is imported, what waits stays local for the next round —
   * so a whole-data verb in the worker (lib/messaging/turn.ts) does not wait out a silent server.
   * Cut before it started, the round does nothing.
   */
  syncOnce(opts: { firstJoin?: boolean; signal?: AbortSignal } = {}): Promise<SyncReport> {
    return this.serial(async () => {
      if (opts.signal?.aborted) throw classifyError(opts.signal.reason);
      this.cut = opts.signal ?? null;
      try {
        return await this.round(opts.firstJoin ?? false);
      } finally {
        this.cut = null;
      }
    });
  }

  /** syncOnce's work. */
  private async round(firstJoin: boolean): Promise<SyncReport> {
    const report: SyncReport = { exported: 0, pushed: 0, pulled: 0, resolved: 0, imported: 0, denied: 0, refused: [], pending: 0 };
    // Joining with an empty replica (a new machine, or one that left, which deletes it): the
    // server's documents of the signed areas come first, so that a colleague's note, status
    // change or pick this machine imported before is known and not sent again signed by this
    // user (the server refuses it, and the status said so). Not the library: a supervisor's
    // version there is told from a colleague's by its base, which a fresh replica lacks, and goes
    // up as a conflict to choose from. A failure here is the push's to report: the export runs.
    if (firstJoin) {
      for (const area of ['buyers', 'followups', 'picks'] as const) {
        const pull = await settle(this.local[area].replicate.from(this.remote[area], { batch_size: BATCH })).catch(() => null);
        if (pull) await this.setMeta(area, 'pulled', { seq: pull.last_seq });
      }
    }
    report.exported = await this.exportLocal(firstJoin);
    try {
      for (const area of SYNCED) {
        if (await this.unpushed(area)) {
          const push = await this.push(area);
          report.pushed += push.docs_written;
          report.denied += push.doc_write_failures;
          for (const e of push.errors as { id?: unknown }[]) if (typeof e?.id === 'string') report.refused.push(e.id);
        }
        // While live, the continuous pull has usually brought everything already (it moves the
        // 'pulled' mark); a round still pulls what it has not, so 立即同步 means what it says.
        // Two pulls at once are safe: each checkpoint names only documents already written.
        if (await this.unpulled(area)) {
          const pull = await settle(this.local[area].replicate.from(this.remote[area], { batch_size: BATCH }));
          report.pulled += pull.docs_written;
          await this.setMeta(area, 'pulled', { seq: pull.last_seq });
        }
      }
    } catch (err) {
      throw classifyError(err);
    } finally {
      // Whatever arrived before a failure is merged and shown.
      const r = await this.importRemote();
      report.resolved += r.resolved;
      report.imported += r.imported;
    }
    if (report.resolved) for (const area of SYNCED) report.pushed += (await this.push(area)).docs_written;
    // Everything in the replicas now is on the server too (sent, or received from it).
    for (const area of SYNCED) await this.setMeta(area, 'pushed', { seq: (await this.local[area].info()).update_seq });
    this.fromServer.clear();
    report.pending = await this.pending({ askServer: true });
    return report;
  }

  /**
   * Has the replica changed since the last round ended? If not, its push is skipped: an empty
   * replication still costs several requests (server id, checkpoints, changes), which is most of a
   * round for a machine that only reads. Pulls likewise (unpulled).
   */
  private async unpushed(area: TeamArea): Promise<boolean> {
    const pushed = ((await this.getMeta(area, 'pushed')) as { seq?: number | string } | null)?.seq;
    return pushed === undefined || String((await this.local[area].info()).update_seq) !== String(pushed);
  }

  /** Has the server's database changed since the last pull? One request instead of an empty pull's five. */
  private async unpulled(area: TeamArea): Promise<boolean> {
    const seen = ((await this.getMeta(area, 'pulled')) as { seq?: number | string } | null)?.seq;
    if (seen === undefined) return true;
    return (await this.remote[area].changes({ since: seen, limit: 1 })).results.length > 0;
  }

  private push(area: TeamArea): Promise<ReplicationResult> {
    return settle(this.local[area].replicate.to(this.remote[area], { batch_size: BATCH }));
  }

  /**
   * Documents written locally and not yet sent, plus records not yet turned into documents.
   * `askServer` (after a round that reached the server): the revisions the replica gained since the
   * round are checked against the server, one request per database that has any. The live pull
   * writes what it brings into the replica before it reports it (fromServer), so a round ending at
   * that moment would count a document that came from the server as waiting to be sent ("1 条待同步"
   * right after 已同步 was due). Without the server (offline, or it does not answer) they are counted.
   */
  async pending(opts: { askServer?: boolean } = {}): Promise<number> {
    let n = await this.stores.countDirty();
    for (const area of SYNCED) {
      const since = ((await this.getMeta(area, 'pushed')) as { seq?: number | string } | null)?.seq ?? 0;
      const ch = await this.local[area].changes({ since, limit: 10_000 });
      const waiting = ch.results.filter((r) => !r.id.startsWith('_design/') && !this.fromServer.has(`${r.id}@${r.changes[0]?.rev}`));
      if (!waiting.length) continue;
      n += opts.askServer ? await this.unsent(area, waiting).catch(() => waiting.length) : waiting.length;
    }
    return n;
  }

  /** How many of these changes name a revision the server lacks. */
  private async unsent(area: TeamArea, changes: ChangesResult['results']): Promise<number> {
    const revs: Record<string, string[]> = {};
    for (const r of changes) if (r.changes[0]) revs[r.id] = [r.changes[0].rev];
    return Object.keys(await this.remote[area].revsDiff(revs)).length;
  }

  // ------------------------------------------------------------------------------- _local meta

  private async getMeta(area: TeamArea, name: string): Promise<Record<string, unknown> | null> {
    try {
      return await this.local[area].get(`_local/kf-${name}`);
    } catch (err) {
      if ((err as { status?: number }).status === 404) return null;
      throw err;
    }
  }

  private async setMeta(area: TeamArea, name: string, value: Record<string, unknown>): Promise<void> {
    // The live pull writes 'pulled' beside the rounds: a write that met another is made again.
    for (let attempt = 0; ; attempt++) {
      const old = await this.getMeta(area, name);
      try {
        await this.local[area].put({ ...value, _id: `_local/kf-${name}`, ...(old?._rev ? { _rev: old._rev as string } : {}) });
        return;
      } catch (err) {
        if ((err as { status?: number }).status !== 409 || attempt >= 5) throw err;
      }
    }
  }

  private async bases(area: TeamArea, ids: readonly string[]): Promise<Map<string, Base>> {
    const out = new Map<string, Base>();
    await Promise.all(
      ids.map(async (id) => {
        const m = await this.getMeta(area, `base:${id}`);
        if (m) out.set(id, { hash: String(m.hash), ...(m.rev ? { rev: String(m.rev) } : {}) });
      }),
    );
    return out;
  }

  private async setBases(area: TeamArea, bases: Map<string, Base>): Promise<void> {
    await Promise.all([...bases].map(([id, b]) => this.setMeta(area, `base:${id}`, { ...b })));
  }

  private async docs(area: TeamArea, ids: readonly string[]): Promise<Map<string, Doc | null>> {
    const out = new Map<string, Doc | null>();
    if (!ids.length) return out;
    const res = await this.local[area].allDocs({ keys: [...ids], include_docs: true });
    for (const row of res.rows) out.set(row.key, row.doc && !row.value?.deleted ? row.doc : null);
    return out;
  }

  /** Like docs(), with a document this version cannot read (readDoc) taken as absent. */
  private async readable(area: TeamArea, ids: readonly string[]): Promise<Map<string, Doc | null>> {
    const out = await this.docs(area, ids);
    const now = this.now();
    for (const [id, d] of out) if (d) out.set(id, readDoc(area, d, now));
    return out;
  }

  /** Writes documents into a replica (500 at a time); throws if it refuses one. Returns each one's new revision. */
  private async write(area: TeamArea, docs: Doc[]): Promise<{ id: string; rev?: string }[]> {
    const written: { id: string; rev?: string }[] = [];
    for (let i = 0; i < docs.length; i += 500) {
      const res = await this.local[area].bulkDocs(docs.slice(i, i + 500));
      const bad = res.find((r) => r.error);
      if (bad) throw new Error(`local replica refused ${bad.id}: ${bad.reason ?? bad.error}`);
      written.push(...res);
    }
    return written;
  }

  /** Writes library documents, then the bases of what was sent, each with the revision its document got. */
  private async writeLibrary(docs: Doc[], newBases: Map<string, Base>): Promise<void> {
    for (const r of await this.write('library', docs)) {
      const b = newBases.get(r.id);
      if (b && r.rev) b.rev = r.rev;
    }
    await this.setBases('library', newBases);
  }

  // ------------------------------------------------------------------------------------ export

  /** Local records written since the last round → documents in the local replicas. */
  private async exportLocal(firstJoin: boolean): Promise<number> {
    // On joining, every record goes up (it stays in flight until written, like any dirty key).
    const all: Dirty = firstJoin
      ? {
          customers: await this.stores.customerKeys(),
          followups: await this.stores.followupIds(),
          library: true,
          rules: true,
          sites: (await this.stores.sites()).map((s) => s.origin),
          picks: await this.stores.pickIds(),
          forgot: [],
          deletedCustomers: [],
          deletedFollowups: [],
        }
      : emptyDirty();
    // A failure leaves the keys in flight: the next round takes them again.
    const dirty = await this.stores.takeDirty(all);
    let n = 0;
    // Deletions first: a buyer deleted and met again since is written as a new record after them.
    n += await this.exportDeletions('buyers', readDeletions(dirty.deletedCustomers));
    n += await this.exportDeletions('followups', readDeletions(dirty.deletedFollowups));
    for (let i = 0; i < dirty.customers.length; i += 500) n += await this.exportCustomers(dirty.customers.slice(i, i + 500));
    for (let i = 0; i < dirty.followups.length; i += 500) n += await this.exportFollowups(dirty.followups.slice(i, i + 500));
    if (this.me.role === 'supervisor') {
      if (dirty.library) n += await this.exportLibrary();
      n += await this.correctRules();
      if (dirty.rules) n += await this.exportRules();
      if (dirty.sites.length) n += await this.exportSites(dirty.sites);
    }
    for (let i = 0; i < dirty.picks.length; i += 500) n += await this.exportPicks(dirty.picks.slice(i, i + 500));
    for (let i = 0; i < dirty.forgot.length; i += 500) n += await this.exportForgotten(dirty.forgot.slice(i, i + 500));
    await this.stores.ackDirty();
    return n;
  }

  private async exportCustomers(keys: readonly string[]): Promise<number> {
    const locals = await this.stores.customers(keys);
    // A buyer the team deleted since this machine wrote it is not sent again: it leaves here too.
    const gone = await this.deletedHere('buyers', locals, (c) => c.createdAt);
    const eventIds: string[] = [];
    for (const c of locals.values()) for (const e of c.history) eventIds.push(eventId(c.key, e.id));
    // Profiles with their bodies; events only whether they exist (they are never changed).
    const [profiles, events] = await Promise.all([
      this.docs('buyers', [...locals.keys()].map(buyerId)),
      eventIds.length ? this.local.buyers.allDocs({ keys: eventIds }) : Promise.resolve({ rows: [] as { key: string; error?: string }[] }),
    ]);
    const rows = new Map(events.rows.map((r) => [r.key, r]));
    const mask = await this.masks();
    const out: Doc[] = [];
    for (const c of locals.values()) {
      const id = buyerId(c.key);
      const had = profiles.get(id) ?? null;
      // A profile this version cannot read (readDoc) is written over with this machine's.
      const theirs = had && readDoc('buyers', had, this.now());
      const mine = buyerBody(c);
      const joined = theirs ? mergeBuyerBodies([body(theirs) as unknown as BuyerBody, mine]) : mine;
      // Sent as this machine stores it: masked while the shop masks, an older version's text the team's copy kept too (docs.ts maskedBuyerBody).
      const merged = mask ? maskedBuyerBody(joined) : joined;
      if (!had || canonical(merged) !== canonical(body(had))) out.push({ ...merged, _id: id, ...(had?._rev ? { _rev: had._rev } : {}) } as unknown as Doc);
      for (const e of c.history) {
        const eid = eventId(c.key, e.id);
        const r = rows.get(eid);
        // Absent: new here. Deleted (the supervisor removed it): not brought back.
        if (r && !r.error) continue;
        const ev: EventBody = { type: 'event', key: c.key, event: e, by: this.me.user };
        out.push({ ...ev, _id: eid } as unknown as Doc);
      }
    }
    await this.write('buyers', out);
    if (gone) await this.stores.announce('customers');
    return out.length;
  }

  private async exportFollowups(ids: readonly string[]): Promise<number> {
    const locals = await this.stores.followups(ids);
    if (await this.deletedHere('followups', locals, (f) => f.createdAt)) await this.stores.announce('followups');
    const docIds = [...locals.keys()].map(followupId);
    const [docs, bases] = await Promise.all([this.docs('followups', docIds), this.bases('followups', docIds)]);
    const out: Doc[] = [];
    const newBases = new Map<string, Base>();
    const localWrites = new Map<string, { expect: string; item: Followup }>();
    const overruled: { item: Followup; mine: boolean }[] = [];
    const reopened: { item: Followup; mine: boolean }[] = [];
    const seen = new Map<string, Followup>();
    for (const [id, item] of locals) {
      const did = followupId(id);
      const h = hashOf(item);
      const base = bases.get(did);
      if (base?.hash === h) continue;
      const had = docs.get(did) ?? null;
      // An item this version cannot read (readDoc) is written over with this machine's.
      const theirs = had ? ((readDoc('followups', had, this.now())?.item as Followup | undefined) ?? null) : null;
      const changedThere = theirs && hashOf(theirs) !== base?.hash;
      const merged = theirs && changedThere ? mergeFollowup(item, theirs) : item;
      // Snoozed here since the last round, done by a colleague meanwhile: the snooze is lost.
      if (item.status === 'snoozed' && merged.status === 'done') overruled.push({ item, mine: true });
      if (reopenedOver(item, merged)) reopened.push({ item: merged, mine: true });
      seen.set(id, merged);
      if (theirs && canonical(theirs) === canonical(merged)) {
        newBases.set(did, { hash: hashOf(merged) });
      } else {
        const b: FollowupBody = { type: 'followup', item: merged };
        out.push({ ...b, _id: did, ...(had?._rev ? { _rev: had._rev } : {}) } as unknown as Doc);
        if (!theirs || theirs.status !== merged.status) {
          const at = this.now();
          const ev: FollowupEventBody = { type: 'fuevent', item: id, from: theirs?.status ?? null, to: merged.status, at, by: this.me.user };
          out.push({ ...ev, _id: `${DOC_PREFIX.followupEvent}${id}:${at}:${randomHex(8)}` } as unknown as Doc);
        }
        newBases.set(did, { hash: hashOf(merged) });
      }
      if (merged !== item) localWrites.set(id, { expect: h, item: merged });
    }
    await this.write('followups', out);
    await this.setBases('followups', newBases);
    await this.tellDoneOver(overruled);
    await this.tellReopened(reopened, seen);
    if (localWrites.size) {
      await this.stores.updateFollowups([...localWrites.keys()], (id, local) => {
        const w = localWrites.get(id)!;
        return local && hashOf(local) === w.expect ? w.item : null;
      });
      await this.stores.announce('followups');
    }
    return out.length;
  }

  /**
   * Buyers (`buyers`) or follow-ups (`followups`) the user deleted here → a `del:` document each
   * (when, by whom; a later deletion of the same record moves its time on) and the deletion of
   * every document of theirs made by then: profile and notes, item and status changes. Another
   * machine that meets the `del:` document deletes its copy and never sends it again (importRemote,
   * deletedHere). Returns how many documents were written.
   */
  private async exportDeletions(area: 'buyers' | 'followups', deleted: Map<string, number>): Promise<number> {
    const entries = [...deleted];
    let n = 0;
    for (let i = 0; i < entries.length; i += 500) {
      const chunk = new Map(entries.slice(i, i + 500));
      const had = await this.deletionsOf(area, [...chunk.keys()]);
      const out: Doc[] = [];
      for (const [key, at] of chunk) {
        const d = had.get(key);
        if (d && d.at >= at) continue;
        const b: DeletionBody = { type: 'deletion', of: await this.refOf(area, key), at, by: this.me.user };
        out.push({ ...b, _id: deletionId(b.of), ...(d?.rev ? { _rev: d.rev } : {}) } as unknown as Doc);
      }
      out.push(...(await this.coveredDocs(area, chunk)));
      await this.write(area, out);
      n += out.length;
    }
    return n;
  }

  /**
   * The `del:` documents of these keys in the replica: when each was deleted (the later of its
   * document and one written before deletion references, which named the record itself), and the
   * revision of its document, if there is one yet.
   */
  private async deletionsOf(area: 'buyers' | 'followups', keys: readonly string[]): Promise<Map<string, { at: number; rev?: string }>> {
    const ids = await Promise.all(keys.map(async (k) => [deletionId(await this.refOf(area, k)), deletionId(docIdOf(area, k))] as const));
    const docs = await this.docs(area, ids.flat());
    const out = new Map<string, { at: number; rev?: string }>();
    const now = this.now();
    keys.forEach((key, i) => {
      const [d, older] = ids[i]!.map((id) => docs.get(id) ?? undefined);
      // A deletion without a usable time, or dated beyond this machine's clock (deletionAt), deletes
      // nothing; its revision is kept, so a real deletion of the record here is written over it.
      const at = Math.max(deletionAt(d, now) ?? -Infinity, deletionAt(older, now) ?? -Infinity);
      if (at > -Infinity) out.set(key, { at, ...(d ? { rev: d._rev! } : {}) });
      else if (d) out.set(key, { at, rev: d._rev! });
    });
    return out;
  }

  /** deletionRef of a record, remembered for the engine's life (a batch of deletions looks up every local key once). */
  private refs = new Map<string, Promise<string>>();
  private refOf(area: 'buyers' | 'followups', key: string): Promise<string> {
    const docId = docIdOf(area, key);
    let r = this.refs.get(docId);
    if (!r) this.refs.set(docId, (r = deletionRef(this.me.shop, docId)));
    return r;
  }

  /**
   * The records that arrived deletions name: an older deletion names its document (the key follows
   * its prefix); a deletionRef is matched against this machine's own records (a record it does not
   * have, it has nothing to drop of). The later time per key.
   */
  private async deletedKeys(area: 'buyers' | 'followups', dels: readonly DeletionBody[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const later = (key: string, at: number) => out.set(key, Math.max(at, out.get(key) ?? at));
    const byRef = new Map<string, number>();
    for (const d of dels) {
      const of = String(d.of);
      if (of.startsWith(DELETION_REF)) byRef.set(of, Math.max(Number(d.at), byRef.get(of) ?? -Infinity));
      else later(of.slice(docIdOf(area, '').length), Number(d.at));
    }
    if (byRef.size) {
      // With the names joined here into an id's record: a deletion of such a name's record reaches it (unjoin).
      const keys = area === 'buyers' ? [...(await this.stores.customerKeys()), ...((await this.stores.joinedNames?.()) ?? [])] : await this.stores.followupIds();
      for (const key of keys) {
        const at = byRef.get(await this.refOf(area, key));
        if (at !== undefined) later(key, at);
      }
    }
    return out;
  }

  /**
   * The deletions of what the replica still holds of these records from before their deletion
   * time: the profile or item, and the notes or status changes (`ev:<key>:…`, `fe:<id>:…`).
   */
  private async coveredDocs(area: 'buyers' | 'followups', deleted: ReadonlyMap<string, number>): Promise<Doc[]> {
    const keys = [...deleted.keys()];
    const main = await this.docs(area, keys.map((k) => docIdOf(area, k)));
    const out: Doc[] = [];
    for (const key of keys) {
      const at = deleted.get(key)!;
      const d = main.get(docIdOf(area, key));
      if (d && isCovered(d, at) && this.mayDelete(d)) out.push(this.tombstone(d));
      const prefix = `${area === 'buyers' ? DOC_PREFIX.buyerEvent : DOC_PREFIX.followupEvent}${key}:`;
      const events = await this.local[area].allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\ufff0` });
      for (const row of events.rows) {
        const e = row.doc;
        // `fe:a:` also starts `fe:a:b:…` (another item's id may extend this one): the document names its own.
        if (e && (e.key === key || e.item === key) && isCovered(e, at) && this.mayDelete(e)) out.push(this.tombstone(e));
      }
    }
    return out;
  }

  /**
   * A colleague deleted a nickname-only record this machine joined into a console id's record
   * (since 2026-12-05, storage-bridge.ts `mergeCustomers`). The deletion reaches what that record brought, not
   * the rest of the id's record (2026-12-05, README "Deleted buyers and follow-ups"): its notes (the ids
   * of its `ev:<nickname key>:…` documents, written by the deletion's time) leave the id's record
   * here, and the copies this machine sent as the id's notes are deleted on the server (where the
   * role check lets it), so no machine — the colleague's included — gets them back. Returns those
   * deletions.
   */
  private async unjoin(deleted: ReadonlyMap<string, number>): Promise<Doc[]> {
    const out: Doc[] = [];
    const drops: { key: string; ids: string[] }[] = [];
    for (const [key, at] of deleted) {
      const into = await this.stores.joinedInto?.(key);
      const rec = into ? (await this.stores.customers([into])).get(into) : undefined;
      if (!into || !rec) continue;
      const notes = rec.history.filter((e) => e.at <= at);
      // Deleted or not (the colleague's machine may have deleted them already): they were its notes.
      const theirs = await this.local.buyers.allDocs({ keys: notes.map((e) => eventId(key, e.id)) });
      const ids = notes.filter((_, i) => { const r = theirs.rows[i] as { error?: string } | undefined; return r && !r.error; }).map((e) => e.id);
      if (!ids.length) continue;
      drops.push({ key: into, ids });
      const copies = await this.local.buyers.allDocs({ include_docs: true, keys: ids.map((id) => eventId(into, id)) });
      for (const r of copies.rows as { doc?: Doc | null }[]) if (r.doc && this.mayDelete(r.doc)) out.push(this.tombstone(r.doc));
    }
    if (drops.length) await this.stores.dropNotes?.(drops);
    return out;
  }

  /**
   * What the server's role check lets this member delete (validate.ts): the supervisor anything; an
   * agent a profile or an item, and only their own notes and status changes. A colleague's note of
   * a buyer an agent deleted stays in the replica (not imported, not shown) until its author's or
   * the supervisor's machine deletes it on the server, and that deletion arrives here.
   */
  private mayDelete(d: Doc): boolean {
    if (this.me.role === 'supervisor') return true;
    if (d._id.startsWith(DOC_PREFIX.buyer) || d._id.startsWith(DOC_PREFIX.followup)) return true;
    return d.by === this.me.user;
  }

  private tombstone(d: Doc): Doc {
    return { _id: d._id, _rev: d._rev!, _deleted: true, kfDeleted: true, by: this.me.user } as Doc;
  }

  /**
   * Of the records about to be exported, those the team deleted after this machine made them
   * (a colleague deleted the buyer while this one was offline, or before it joined): taken out of
   * `locals` and deleted here too. Returns whether any was.
   */
  private async deletedHere<T>(area: 'buyers' | 'followups', locals: Map<string, T>, createdAt: (r: T) => number): Promise<boolean> {
    const dels = await this.deletionsOf(area, [...locals.keys()]);
    const gone: Deleted[] = [];
    for (const [key, d] of dels) {
      if (d.at === -Infinity || createdAt(locals.get(key)!) > d.at) continue;
      locals.delete(key);
      gone.push({ key, at: d.at });
    }
    if (!gone.length) return false;
    await (area === 'buyers' ? this.stores.dropCustomers(gone) : this.stores.dropFollowups(gone));
    return true;
  }

  /** Supervisor only: the library's replies and groups → documents. */
  private async exportLibrary(): Promise<number> {
    const lib = await this.stores.library();
    const existing = await this.local.library.allDocs({ include_docs: true, startkey: DOC_PREFIX.template, endkey: `${DOC_PREFIX.template}\ufff0` });
    const docIds = new Set([...lib.templates.map((t) => templateId(t.id)), ...existing.rows.map((r) => r.id), DOC_PREFIX.groups]);
    const [docs, bases] = await Promise.all([this.docs('library', [...docIds]), this.bases('library', [...docIds])]);
    const out: Doc[] = [];
    const newBases = new Map<string, Base>();
    const now = this.now();
    const mineById = new Map(lib.templates.map((t) => [templateId(t.id), t]));
    for (const did of docIds) {
      if (did === DOC_PREFIX.groups) continue;
      const mine = mineById.get(did);
      const had = docs.get(did) ?? null;
      const base = bases.get(did);
      const h = mine ? hashOf(mine) : 'deleted';
      if (base?.hash === h) continue;
      if (!base && !mine) continue; // a reply that arrived and is not imported yet
      const theirs = had ? (had.template as Template) : null;
      if (theirs && canonical(theirs) === canonical(mine)) {
        newBases.set(did, { hash: h, rev: had!._rev! });
        continue;
      }
      const changedThere = (theirs ? hashOf(theirs) : 'deleted') !== base?.hash && base !== undefined;
      if (!mine) {
        if (had && !changedThere) out.push({ _id: did, _rev: had._rev!, _deleted: true });
        newBases.set(did, { hash: h });
        continue;
      }
      const tb: TemplateBody = { type: 'template', template: mine, by: this.me.user, at: now };
      if (had && changedThere && base?.rev) {
        newBases.set(did, { hash: h, rev: await this.branch(did, base.rev, tb) });
        continue;
      }
      out.push({ ...tb, _id: did, ...(had?._rev ? { _rev: had._rev } : {}) } as unknown as Doc);
      newBases.set(did, { hash: h });
    }
    const groupsDoc = docs.get(DOC_PREFIX.groups) ?? null;
    const gBase = bases.get(DOC_PREFIX.groups);
    const gh = hashOf(lib.groups);
    if (gBase?.hash !== gh) {
      const theirs = groupsDoc ? (groupsDoc.groups as string[]) : null;
      const groups = theirs && hashOf(theirs) !== gBase?.hash ? mergeGroups(lib.groups, theirs) : lib.groups;
      if (!theirs || canonical(theirs) !== canonical(groups)) {
        const gb: GroupsBody = { type: 'groups', groups };
        out.push({ ...gb, _id: DOC_PREFIX.groups, ...(groupsDoc?._rev ? { _rev: groupsDoc._rev } : {}) } as unknown as Doc);
      }
      newBases.set(DOC_PREFIX.groups, { hash: hashOf(groups) });
    }
    await this.writeLibrary(out, newBases);
    return out.length;
  }

  /**
   * Edited here and elsewhere since this machine last met the document: a second branch on top of
   * the version both started from (`baseRev`), so the supervisor sees both — a plain write would
   * hide the other. Returns the new revision.
   */
  private async branch(id: string, baseRev: string, b: TemplateBody | RulesBody | SiteBody): Promise<string> {
    const gen = Number(baseRev.split('-')[0]) + 1;
    const hex = randomHex(32);
    const doc = { ...b, _id: id, _rev: `${gen}-${hex}`, _revisions: { start: gen, ids: [hex, baseRev.split('-')[1]!] } };
    await this.local.library.bulkDocs([doc as unknown as Doc], { new_edits: false });
    return `${gen}-${hex}`;
  }

  /**
   * Supervisor: the rule set. Like a reply, its base (what this machine last sent or took) tells
   * whether the shop's copy changed meanwhile: edited on both sides, it becomes a conflict the
   * supervisor settles in options → 团队 (`rulesConflict`), never a silent later-edit-wins.
   */
  private async exportRules(): Promise<number> {
    const mine = await this.stores.rules();
    // Never edited here: the preset is not the shop's choice.
    if (!mine.updatedAt) return 0;
    return this.exportVersioned([{ id: DOC_PREFIX.rules, body: { type: 'rules', ruleSet: mine.ruleSet, by: this.me.user, at: mine.updatedAt } }]);
  }

  /** Supervisor: taught sites saved or forgotten here (`site: null`), by the same rule as the rule set. */
  private async exportSites(origins: readonly string[]): Promise<number> {
    const mine = new Map((await this.stores.sites()).map((s) => [s.origin, s]));
    return this.exportVersioned(
      origins.map((origin) => {
        const site = mine.get(origin) ?? null;
        return { id: siteId(origin), body: { type: 'site', origin, site, by: this.me.user, at: site ? site.updatedAt : this.now() } };
      }),
    );
  }

  /**
   * The rule set or taught sites as this supervisor machine has them → documents. The base of each
   * (what this machine last sent or took) tells whether the shop's copy changed meanwhile; changed on
   * both sides, this machine's version becomes a second branch on the common revision (`branch`), a
   * conflict the supervisor settles in options → 团队. Returns how many versions were written.
   */
  private async exportVersioned(items: readonly { id: string; body: RulesBody | SiteBody }[]): Promise<number> {
    const ids = items.map((x) => x.id);
    const [docs, bases] = await Promise.all([this.docs('library', ids), this.bases('library', ids)]);
    const out: Doc[] = [];
    const newBases = new Map<string, Base>();
    let branched = 0;
    for (const { id, body: b } of items) {
      const field = VERSIONED_FIELD[b.type]!;
      const mine = field === 'ruleSet' ? (b as RulesBody).ruleSet : (b as SiteBody).site;
      const had = docs.get(id) ?? null;
      const base = bases.get(id);
      const h = hashOf(mine);
      if (had && canonical(had[field]) === canonical(mine)) {
        newBases.set(id, { hash: h, rev: had._rev! });
        continue;
      }
      if (mine === null && !had) continue; // a site taught and forgotten between two rounds
      if (base?.hash === h) continue; // unchanged here: the replica's newer version is not imported yet
      // A machine that joined before bases were kept for rules and sites: the later edit, as it was then.
      if (had && !base && Number(had.at) > b.at) continue;
      if (had && base?.rev && hashOf(had[field]) !== base.hash) {
        newBases.set(id, { hash: h, rev: await this.branch(id, base.rev, b) });
        branched++;
      } else {
        out.push({ ...b, _id: id, ...(had?._rev ? { _rev: had._rev } : {}) } as unknown as Doc);
        newBases.set(id, { hash: h });
      }
    }
    await this.writeLibrary(out, newBases);
    return out.length + branched;
  }

  /**
   * Learned picks added here (masked when they were made) → one document each. A pick the team
   * forgot (a marker or the supervisor's delete) is not sent again, and leaves this machine too.
   */
  private async exportPicks(ids: readonly string[]): Promise<number> {
    const mine = await this.stores.picks(ids);
    const res = await this.local.picks.allDocs({ keys: ids.map(pickId), include_docs: true });
    const out: Doc[] = [];
    const gone: string[] = [];
    for (const [i, id] of ids.entries()) {
      const row = res.rows[i]!;
      const pick = mine.get(id);
      if (!pick) continue;
      if (row.error) {
        const pb: PickBody = { type: 'pick', pick, by: this.me.user };
        out.push({ ...pb, _id: pickId(id) } as unknown as Doc);
      } else if (row.value?.deleted || row.doc?.type === 'forgotten') gone.push(id);
    }
    await this.write('picks', out);
    if (gone.length) await this.forgetHere(gone);
    return out.length;
  }

  /**
   * Picks the user forgot here (学习记录, the retention period) → forgotten for the team: the
   * supervisor deletes them; a member replaces each pick of their own with a signed marker that
   * holds no buyer words (the server refuses a marker on anyone else's pick). Someone else's pick
   * forgotten by an agent leaves only this machine.
   */
  private async exportForgotten(ids: readonly string[]): Promise<number> {
    const res = await this.local.picks.allDocs({ keys: ids.map(pickId), include_docs: true });
    const out: Doc[] = [];
    for (const row of res.rows) {
      const doc = row.doc;
      if (row.error || row.value?.deleted || !doc || doc.type !== 'pick') continue;
      if (this.me.role === 'supervisor') out.push({ _id: doc._id, _rev: doc._rev!, _deleted: true });
      else if (doc.by === this.me.user) {
        const fb: ForgottenBody = { type: 'forgotten', by: this.me.user, at: this.now() };
        out.push({ ...fb, _id: doc._id, _rev: doc._rev! } as unknown as Doc);
      }
    }
    await this.write('picks', out);
    return out.length;
  }

  /** Removes picks from this machine's memory (the team forgot them). */
  private async forgetHere(ids: readonly string[]): Promise<void> {
    await this.stores.removePicks(ids);
    await this.stores.announce('learned');
  }

  // ------------------------------------------------------------------------------------ import

  /**
   * Everything changed in the local replicas since the last import → conflicts merged → stores.
   * `signal` (a live import, cut by a whole-data verb): aborted, no further area is written — each
   * area's checkpoint moves only after its whole import, so what is left is read again later.
   */
  private async importRemote(signal?: AbortSignal): Promise<{ resolved: number; imported: number }> {
    let resolved = 0;
    let imported = 0;
    const unreadable = new Set(await this.unreadable());
    const had = unreadable.size;
    for (const area of SYNCED) {
      if (signal?.aborted) break;
      const since = ((await this.getMeta(area, 'imported')) as { seq?: number | string } | null)?.seq ?? 0;
      const ch = await this.local[area].changes({ since, include_docs: true, conflicts: true, style: 'all_docs' });
      if (!ch.results.length) continue;
      const docs: Doc[] = [];
      const now = this.now();
      for (const r of ch.results) {
        if (!r.doc || r.id.startsWith('_design/')) continue;
        // A document this version cannot read (a colleague's machine, or someone, wrote fields of
        // the wrong kind) is left out and counted; the round and the checkpoint go on (readDoc).
        let doc = readDoc(area, r.doc, now);
        // Replies, the rule set and taught sites stay in conflict until the supervisor chooses
        // (options → 团队), unless their versions all say the same. Versions fetched once, for both.
        const merged = r.doc.type === 'buyer' || r.doc.type === 'followup' || r.doc.type === 'deletion';
        if (r.doc._conflicts?.length && (merged || (doc && this.settlesSame(doc)))) {
          const all = await this.versionsOf(area, r.doc);
          const good = all.flatMap((d) => readDoc(area, d, now) ?? []);
          if (merged && good.length) {
            doc = await this.resolve(area, all, good);
            resolved++;
          } else if (doc && distinct(all) === 1) {
            doc = await this.resolve(area, all, good);
            resolved++;
          }
        }
        if (doc) {
          docs.push(doc);
          unreadable.delete(`${area}/${r.id}`);
        } else unreadable.add(`${area}/${r.id}`);
      }
      let ok = true;
      if (area === 'buyers' || area === 'followups') {
        const d = await this.importDeletions(area, docs);
        resolved += d.written; // written into the replica: pushed at the end of this round
        imported += d.dropped + (area === 'buyers' ? await this.importBuyers(d.docs) : await this.importFollowups(d.docs));
      }
      else if (area === 'picks') {
        const r = await this.importPicks(docs);
        imported += r.imported;
        resolved += r.deleted; // written into the replica: pushed at the end of this round
      }
      else {
        const rules = await this.importRules(docs);
        resolved += rules.fixed; // written into the replica: pushed at the end of this round
        imported += rules.imported + (await this.importSites(docs));
        const lib = await this.importLibrary(docs);
        if (lib === null) ok = false;
        else {
          imported += lib.imported;
          resolved += lib.fixed; // written into the replica: pushed at the end of this round
        }
      }
      // A library save that met a concurrent local edit is retried next round from the same point.
      if (ok) await this.setMeta(area, 'imported', { seq: ch.last_seq });
    }
    if (unreadable.size || had) await this.setMeta('library', 'unreadable', { ids: [...unreadable] });
    if (!signal?.aborted) for (const area of SYNCED) await this.compactDeleted(area);
    // After the import's deletions, and a round's (the export's deletedHere ran before it): a
    // notice's item missing now is gone, one rewritten (a deleted buyer's kept anonymous) is named as
    // it is now. A failure here costs the round nothing.
    await this.toldAsStored().catch(() => undefined);
    return { resolved, imported };
  }

  /**
   * Colleagues' documents this machine could not read (`area/id`), kept until a readable version
   * or the document's deletion arrives: the status says how many were left out (page.ts).
   */
  async unreadable(): Promise<string[]> {
    const ids = (await this.getMeta('library', 'unreadable'))?.ids;
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  }

  /**
   * Deleted documents' earlier revisions removed from this machine's replica. A deletion writes a
   * tombstone, and PouchDB keeps every earlier revision's body until compaction: a deleted buyer's
   * note, phone and address stayed in the browser's database (until 2026-12-05). Only deleted
   * documents are compacted, each once (the replica's changes since the last pass): a live profile's
   * earlier revisions are what a conflict's merge reads as the version both sides started from
   * (`commonVersion`), so compacting everything (auto_compaction) would lose the clash notices.
   * Runs after the import, so the deletions it wrote itself (a colleague's notes of a buyer deleted
   * by the team) are in the changes too.
   */
  private async compactDeleted(area: TeamArea): Promise<void> {
    const since = ((await this.getMeta(area, 'compacted')) as { seq?: number | string } | null)?.seq ?? 0;
    const ch = await this.local[area].changes({ since });
    if (!ch.results.length) return;
    for (const r of ch.results) if (r.deleted) await this.local[area].compactDocument(r.id, 0);
    await this.setMeta(area, 'compacted', { seq: ch.last_seq });
  }

  /**
   * A reply, the rule set or a taught site whose versions all say the same (two supervisor machines
   * joined with the same starter library, or made the same edit) is nothing to choose: a
   * supervisor's machine settles it at once (the winner stays). Only the supervisor may write the
   * library. True when this machine should look (the caller counts the distinct versions).
   */
  private settlesSame(doc: Doc): boolean {
    return this.me.role === 'supervisor' && VERSIONED_FIELD[String(doc.type)] !== undefined;
  }

  /** Every version of a document: the winning revision first, then each conflicting one (fetched once). */
  private async versionsOf(area: TeamArea, doc: Doc): Promise<Doc[]> {
    const others = await Promise.all((doc._conflicts ?? []).map((rev) => this.local[area].get(doc._id, { rev }) as Promise<Doc>));
    return [doc, ...others];
  }

  /**
   * The latest revision every version descends from (what each started from), when this replica
   * still has its body (a revision it held as the current one; replicas are not compacted, except
   * the picks' and deleted documents); null otherwise. Tells a field a version edited from one it only carried along.
   */
  private async commonVersion(area: TeamArea, all: readonly Doc[]): Promise<Doc | null> {
    try {
      const paths = await Promise.all(all.map(async (d) => ((await this.local[area].get(d._id, { rev: d._rev, revs: true })) as Doc & { _revisions: { start: number; ids: string[] } })._revisions));
      // Positions counted from the root: a path's id at position p is ids[start - p].
      const low = Math.min(...paths.map((r) => r.start));
      for (let pos = low; pos >= 1; pos--) {
        const ids = new Set(paths.map((r) => r.ids[r.start - pos]));
        if (ids.size === 1 && !ids.has(undefined as never)) return (await this.local[area].get(all[0]!._id, { rev: `${pos}-${[...ids][0]}` })) as Doc;
      }
    } catch {
      // A body this replica never held: no base, and no clash is recorded (the merge is unchanged).
    }
    return null;
  }

  /**
   * Merges every conflicting revision (`all`, the winner first) into the winning one and removes the
   * losers. `good`: the versions that can be read (readDoc), at least one — only they are merged, so
   * an unreadable version (even the winner) is replaced by the readable ones.
   */
  private async resolve(area: TeamArea, all: Doc[], good: Doc[]): Promise<Doc> {
    const [doc, ...losers] = all as [Doc, ...Doc[]];
    const first = good[0]!;
    let mergedBody: Record<string, unknown>;
    if (area === 'buyers' && first.type === 'buyer') {
      const common = await this.commonVersion(area, all);
      const base = common && readDoc(area, common, this.now());
      const merged = mergeBuyerBodies(good.map((d) => body(d) as unknown as BuyerBody), base as unknown as BuyerBody | null);
      // Written here and pushed: masked while the shop masks, the texts the merge replaced too (exportCustomers).
      mergedBody = (await this.masks() ? maskedBuyerBody(merged) : merged) as unknown as Record<string, unknown>;
    } else if (area === 'followups' && first.type === 'followup') {
      const item = good.map((d) => d.item as Followup).reduce((a, b) => mergeFollowup(a, b));
      mergedBody = { type: 'followup', item };
    } else if (first.type === 'deletion') {
      mergedBody = mergeDeletions(good.map((d) => body(d) as unknown as DeletionBody)) as unknown as Record<string, unknown>;
    } else {
      // Append-only events cannot conflict; anything else keeps the winner.
      mergedBody = body(first);
    }
    const { _conflicts: _c, ...winner } = doc;
    // An agent's machine meets the same conflict again with every change of the document: when the
    // winner already says the merged thing, there is nothing to write.
    if (this.me.role !== 'supervisor' && canonical(mergedBody) === canonical(body(doc))) return { ...mergedBody, _id: doc._id, _rev: doc._rev } as Doc;
    // Only the supervisor may remove the losing revisions (validate.ts: an agent's removal could hide
    // a profile or a deletion record). An agent's machine writes the merged version over the winner
    // and leaves the losers; the server keeps the conflict until the supervisor's machine settles it,
    // and merging them again gives the same result (every field keeps its own time).
    const removals = this.me.role === 'supervisor' ? losers.map((l) => ({ _id: l._id, _rev: l._rev!, _deleted: true, kfSuperseded: true })) : [];
    const writes: Doc[] = [{ ...mergedBody, _id: doc._id, _rev: winner._rev } as Doc, ...removals];
    const res = await this.local[area].bulkDocs(writes);
    const rev = res[0]?.rev ?? winner._rev;
    return { ...mergedBody, _id: doc._id, _rev: rev } as Doc;
  }

  /**
   * Deletions among what arrived: a `del:` document deletes this machine's copy of the record (made
   * by then) and what the replica still holds of it from before; a profile, note, item or status
   * change from before a deletion this replica knows (a machine that was offline sent it after the
   * deletion, or one that joined later) is deleted instead of imported, so it never comes back.
   * Returns the documents left to import, the replica writes (pushed by the round) and the local
   * records deleted.
   */
  private async importDeletions(area: 'buyers' | 'followups', docs: readonly Doc[]): Promise<{ docs: Doc[]; written: number; dropped: number }> {
    const keyOf = (d: Doc): string | null =>
      d._deleted ? null : d.type === 'buyer' ? (d as unknown as BuyerBody).customer.key : d.type === 'event' ? String(d.key) : d.type === 'followup' ? (d.item as Followup).id : d.type === 'fuevent' ? String(d.item) : null;
    const arrived = await this.deletedKeys(area, docs.filter((d) => d.type === 'deletion' && !d._deleted) as unknown as DeletionBody[]);
    const keys = [...new Set(docs.flatMap((d) => keyOf(d) ?? []))].filter((k) => !arrived.has(k));
    const known = new Map([...(await this.deletionsOf(area, keys))].flatMap(([k, d]) => (d.at > -Infinity ? [[k, d.at] as const] : [])));
    for (const [k, at] of arrived) known.set(k, at);
    if (!known.size) return { docs: [...docs], written: 0, dropped: 0 };
    const out: Doc[] = [];
    const writes = new Map<string, Doc>();
    for (const d of docs) {
      const key = keyOf(d);
      const at = key === null ? undefined : known.get(key);
      if (at !== undefined && isCovered(d, at)) {
        if (this.mayDelete(d)) writes.set(d._id, this.tombstone(d));
      } else out.push(d);
    }
    for (const d of await this.coveredDocs(area, arrived)) if (!writes.has(d._id)) writes.set(d._id, d);
    if (area === 'buyers') for (const d of await this.unjoin(arrived)) if (!writes.has(d._id)) writes.set(d._id, d);
    await this.write(area, [...writes.values()]);
    const gone = [...arrived].map(([key, at]) => ({ key, at }));
    if (gone.length) {
      await (area === 'buyers' ? this.stores.dropCustomers(gone) : this.stores.dropFollowups(gone));
      await this.stores.announce(area === 'buyers' ? 'customers' : 'followups');
    }
    return { docs: out, written: writes.size, dropped: gone.length };
  }

  /**
   * Buyers whose profile or events changed → merged into the stores. Each event document enters
   * the changes feed once, so a buyer this machine already has gets only the events of this batch
   * (mergeCustomer unions the history by event id); re-reading every event of every touched buyer
   * each round cost O(team notes) per round. The whole history is read only for a buyer new to the
   * stores, or one whose events came in before its profile (kept in `_local/kf-orphans` until then).
   */
  private async importBuyers(docs: readonly Doc[]): Promise<number> {
    const touched = new Map<string, { profile?: Doc; events: CustomerEvent[] }>();
    const entry = (key: string) => {
      let e = touched.get(key);
      if (!e) touched.set(key, (e = { events: [] }));
      return e;
    };
    const gone = new Map<string, string[]>();
    for (const d of docs) {
      if (d._deleted) {
        // A note deleted on the server (a colleague's deletion reached a joined record, unjoin) leaves this record too.
        const cut = d._id.lastIndexOf(':');
        if (d._id.startsWith(DOC_PREFIX.buyerEvent) && cut > DOC_PREFIX.buyerEvent.length) {
          const key = d._id.slice(DOC_PREFIX.buyerEvent.length, cut);
          gone.set(key, [...(gone.get(key) ?? []), d._id.slice(cut + 1)]);
        }
        continue;
      }
      if (d.type === 'buyer') entry((d as unknown as BuyerBody).customer.key).profile = d;
      else if (d.type === 'event') entry((d as unknown as EventBody).key).events.push((d as unknown as EventBody).event);
    }
    if (gone.size && this.stores.dropNotes) {
      await this.stores.dropNotes([...gone].map(([key, ids]) => ({ key, ids })));
      await this.stores.announce('customers');
    }
    if (!touched.size) return 0;
    const keys = [...touched.keys()];
    const stored = await this.readable('buyers', keys.filter((k) => !touched.get(k)!.profile).map(buyerId));
    const orphans = new Set(((await this.getMeta('buyers', 'orphans'))?.keys as string[] | undefined) ?? []);
    const orphansBefore = orphans.size;
    const known = new Set(await this.stores.customerKeys());
    const incoming: Customer[] = [];
    const clashes = new Map<string, NonNullable<BuyerBody['clash']>>();
    const mask = await this.masks();
    for (const key of keys) {
      const t = touched.get(key)!;
      const p = t.profile ?? stored.get(buyerId(key));
      if (!p) {
        orphans.add(key); // its events are imported with the profile when it arrives
        continue;
      }
      let evs = t.events;
      if (!known.has(key) || orphans.has(key)) {
        const all = await this.local.buyers.allDocs({ include_docs: true, startkey: `${DOC_PREFIX.buyerEvent}${key}:`, endkey: `${DOC_PREFIX.buyerEvent}${key}:\ufff0` });
        const now = this.now();
        evs = all.rows.flatMap((r) => {
          const d = r.doc && readDoc('buyers', r.doc, now);
          return d && d.key === key ? [(d as unknown as EventBody).event] : [];
        });
        orphans.delete(key);
      }
      incoming.push(customerOfBody(body(p) as unknown as BuyerBody, evs));
      // A colleague's merge may have kept a replaced text in clear: read as this machine stores text (docs.ts maskedClash).
      const had = (p as unknown as BuyerBody).clash;
      const clash = had && mask ? maskedClash(had, (p as unknown as BuyerBody).customer) : had;
      if (clash) clashes.set(key, clash);
    }
    if (clashes.size) await this.noteReplaced(incoming, clashes, mask);
    if (incoming.length) {
      await this.stores.mergeCustomers(incoming);
      await this.stores.announce('customers');
    }
    if (orphans.size || orphansBefore) await this.setMeta('buyers', 'orphans', { keys: [...orphans] });
    return incoming.length;
  }

  /**
   * A profile merged from versions edited at the same time replaced some text of this machine's
   * (its value and edit time are among the merge's `clash`, and the stores still hold them): the
   * import tells the agent (Customer.replaced, shown on the card). The newest edit still wins.
   * Texts are compared masked (the edit time says which edit it was): a machine that masks merged
   * or sent the clash masked (maskedClash) while this one may hold the text in clear, and the clear
   * text an older version of this machine sent still finds its re-masked copy here. `mask`: this
   * machine masks, and the notice keeps the text masked.
   */
  private async noteReplaced(incoming: Customer[], clashes: ReadonlyMap<string, NonNullable<BuyerBody['clash']>>, mask = false): Promise<void> {
    const mine = await this.stores.customers([...clashes.keys()]);
    for (const c of incoming) {
      const here = mine.get(c.key);
      const clash = clashes.get(c.key);
      if (!here || !clash) continue;
      for (const f of REPLACEABLE_FIELDS) {
        const at = fieldTime(here, f);
        const masked = maskPii(here[f]);
        if (masked === maskPii(c[f]) || !(clash[f] ?? []).some((e) => e.at === at && maskPii(e.text) === masked)) continue;
        c.replaced = { ...c.replaced, [f]: { text: mask ? masked : here[f], at: fieldTime(c, f) } };
      }
    }
  }

  /**
   * Follow-ups this user snoozed that end done by a colleague (closed on another machine while this
   * one was offline, or about the same time; done wins, docs.ts): kept in `_local/kf-told` until the
   * user has read it (doneOver), so they do not wait for the item to come back at the snooze time.
   * `mine`: snoozed here since the last round; otherwise the item's last snooze must be this user's
   * (its status changes, `fe:<id>:…`, say who) — a colleague's snooze is theirs to be told of.
   */
  private async tellDoneOver(items: readonly { item: Followup; mine: boolean }[]): Promise<void> {
    const add: DoneOver[] = [];
    for (const { item, mine } of items) {
      const events = await this.statusChanges(item.id);
      const last = (to: Followup['status']) => events.find((e) => e.to === to)?.by;
      const by = last('done');
      if (by === this.me.user || (!mine && last('snoozed') !== this.me.user)) continue;
      add.push({ id: item.id, kind: item.kind, title: item.title, ...(item.buyer ? { buyer: item.buyer } : {}), ...(by ? { by } : {}), ...(item.snoozedUntil ? { until: item.snoozedUntil } : {}) });
    }
    if (add.length) await this.doneOver({ add });
  }

  /** An item's status changes (`fe:<id>:…`) in this replica, the newest first. */
  private async statusChanges(id: string): Promise<FollowupEventBody[]> {
    const prefix = `${DOC_PREFIX.followupEvent}${id}:`;
    const rows = (await this.local.followups.allDocs({ include_docs: true, startkey: prefix, endkey: `${prefix}\ufff0` })).rows;
    const events = rows.map((r) => (r.doc ? readDoc('followups', r.doc, this.now()) : null) as unknown as FollowupEventBody | null).filter((e): e is FollowupEventBody => !!e && e.type === 'fuevent');
    return events.sort((a, b) => b.at - a.at);
  }

  /**
   * Follow-ups this user marked done that a colleague reopened after (the later reopen wins,
   * mergeFollowup): kept in `_local/kf-told` beside doneOver until the user acts on the item or
   * opens it in the popup, so the item they closed does not come back open unexplained. `mine`:
   * changed here since the last round, its close taken for this user's; otherwise the newest
   * `done` status change must be theirs. Who reopened it: the newest change out of done, when it is
   * not this user's (their other machine). `seen`: the items as this round leaves them; a notice of
   * one no longer as its reopen left it goes — closed again (here or by a colleague, from the panel
   * as well), or reopened again since (its `reopenedAt` is not the notice's: a colleague's close and
   * second reopen, a purple remark's new ship date). Before (until 2026-12-06) a notice of an item
   * reopened again stayed in `_local/kf-told` and in every round's status, which the popup then
   * had to leave unsaid.
   */
  private async tellReopened(items: readonly { item: Followup; mine: boolean }[], seen: ReadonlyMap<string, Followup>): Promise<void> {
    const stale = (d: ReopenedOver) => {
      const f = seen.get(d.id);
      return !!f && (f.status === 'done' || f.reopenedAt !== d.at);
    };
    // Written only when a notice goes: most rounds touch items with none.
    if (seen.size) await this.told((t) => ({ reopened: t.reopened.filter((d) => !stale(d)) }));
    const add: ReopenedOver[] = [];
    for (const { item, mine } of items) {
      const events = await this.statusChanges(item.id);
      if (!mine && events.find((e) => e.to === 'done')?.by !== this.me.user) continue;
      const by = events.find((e) => e.from === 'done' && e.to !== 'done')?.by;
      if (by === this.me.user) continue;
      add.push({ id: item.id, at: item.reopenedAt!, ...(by ? { by } : {}) });
    }
    if (add.length) await this.reopened({ add });
  }

  /**
   * The follow-ups this user snoozed that a colleague closed, not yet read (`add` more, or `clear`
   * them once read): this machine's only, never sent.
   */
  async doneOver(change: { add?: readonly DoneOver[]; clear?: boolean } = {}): Promise<DoneOver[]> {
    const { add, clear } = change;
    if (!add?.length && !clear) return (await this.told()).list;
    return (await this.told((t) => ({ list: clear ? [] : upsert(t.list, add) }))).list;
  }

  /**
   * The follow-ups this user closed that a colleague reopened, not yet seen (`add` more, `drop` one
   * the user acted on or opened): this machine's only, never sent.
   */
  async reopened(change: { add?: readonly ReopenedOver[]; drop?: string } = {}): Promise<ReopenedOver[]> {
    const { add, drop } = change;
    if (!add?.length && drop === undefined) return (await this.told()).reopened;
    return (await this.told((t) => ({ reopened: upsert(t.reopened.filter((d) => d.id !== drop), add) }))).reopened;
  }

  /** This machine masks buyer text (the shop's maskPii; stores without the setting: no). */
  private async masks(): Promise<boolean> {
    return (await this.stores.masking?.()) === true;
  }

  /**
   * The notices of `_local/kf-told` as the stores have the items now, in the round that sees them
   * (after the import, whatever way an item changed): a notice of an item no longer there goes, from
   * both lists — deleted here (客户档案 → 删除 or 全部删除, which the worker also drops at once:
   * `drop`), by a colleague (importDeletions), or pruned (done long ago, the retention purge). Before
   * (until 2026-12-06) such a notice stayed until the 50 newest pushed it out — a done-over notice
   * with its title and buyer still shown above the popup's list. A done-over notice copies the item's
   * title and buyer: it names the item as the item is stored now. A buyer deleted while their open
   * item was kept anonymous (here, by a colleague, or by the retention purge; lib/domain/customers/forget.ts)
   * left their name in the notice until it was read (found 2026-12-06). A reopen notice holds only
   * the id, the time and the colleague.
   */
  private async toldAsStored(): Promise<void> {
    const { list, reopened } = await this.told();
    const ids = [...list, ...reopened].map((d) => d.id);
    if (!ids.length) return;
    const have = await this.stores.followups(ids);
    const named = (d: DoneOver): DoneOver => {
      const { title, buyer } = have.get(d.id)!;
      const next: DoneOver = { ...d, title };
      if (buyer) next.buyer = buyer;
      else delete next.buyer;
      return next;
    };
    await this.told((t) => ({ list: t.list.filter((d) => have.has(d.id)).map(named), reopened: t.reopened.filter((d) => have.has(d.id)) }));
  }

  /** Notices of these follow-ups, in either list, dropped (their items were deleted); one write, none when there were none. */
  async drop(ids: readonly string[]): Promise<void> {
    const kept = (d: { id: string }) => !ids.includes(d.id);
    await this.told((t) => ({ list: t.list.filter(kept), reopened: t.reopened.filter(kept) }));
  }

  /**
   * `_local/kf-told`, both lists; with `edit`, the lists it returns replace theirs in one
   * read-modify-write (the reopen notices cut to the newest REOPENED_KEPT), written only when a list
   * changed. Every change of the notices goes through here.
   */
  private async told(edit?: (t: Told) => Partial<Told>): Promise<Told> {
    const db = this.local.followups;
    const doc = (await db.get(DONE_OVER).catch(() => null)) as ({ _rev?: string } & Record<string, unknown>) | null;
    const read = <K extends keyof Told>(f: K) => (Array.isArray(doc?.[f]) ? doc[f] : []) as Told[K];
    const had: Told = { list: read('list'), reopened: read('reopened') };
    if (!edit) return had;
    const changed = edit(had);
    const next: Told = { ...had, ...changed, reopened: (changed.reopened ?? had.reopened).slice(-REOPENED_KEPT) };
    if (JSON.stringify(next) === JSON.stringify(had)) return had;
    await db.put({ ...doc, _id: DONE_OVER, ...next } as unknown as Doc);
    return next;
  }

  private async importFollowups(docs: readonly Doc[]): Promise<number> {
    const items = docs.filter((d) => d.type === 'followup' && !d._deleted);
    if (!items.length) return 0;
    const bases = await this.bases('followups', items.map((d) => d._id));
    const newBases = new Map<string, Base>();
    const byId = new Map<string, Followup>();
    for (const d of items) {
      const item = d.item as Followup;
      if (bases.get(d._id)?.hash === hashOf(item)) continue;
      byId.set(item.id, item);
    }
    if (!byId.size) return 0;
    const mergedLocally: string[] = [];
    const overruled: { item: Followup; mine: boolean }[] = [];
    const reopened: { item: Followup; mine: boolean }[] = [];
    const seen = new Map<string, Followup>();
    await this.stores.updateFollowups([...byId.keys()], (id, local) => {
      const theirs = byId.get(id)!;
      const base = bases.get(followupId(id));
      newBases.set(followupId(id), { hash: hashOf(theirs) });
      const changedHere = !!local && hashOf(local) !== base?.hash;
      if (local?.status === 'snoozed' && theirs.status === 'done') overruled.push({ item: local, mine: changedHere });
      seen.set(id, theirs);
      if (!local || !changedHere) {
        if (local && reopenedOver(local, theirs)) reopened.push({ item: theirs, mine: false });
        return theirs;
      }
      if (canonical(local) === canonical(theirs)) return null;
      // Changed here too since the last round: merged; the next export sends the merge.
      mergedLocally.push(id);
      const merged = mergeFollowup(local, theirs);
      if (reopenedOver(local, merged)) reopened.push({ item: merged, mine: true });
      seen.set(id, merged);
      return merged;
    });
    await this.setBases('followups', newBases);
    await this.tellDoneOver(overruled);
    await this.tellReopened(reopened, seen);
    if (mergedLocally.length) await this.stores.putBackDirty({ ...emptyDirty(), followups: mergedLocally });
    await this.stores.announce('followups');
    return byId.size;
  }

  /**
   * The shop's rule set (the winning version while two are in conflict — the same on every
   * machine): an agent's copy follows it; a supervisor's follows it unless edited here since the
   * base (then the next export makes both versions a visible conflict) or later than it.
   *
   * A set saved before a preset's default was corrected (convention B's yellow asked for 改价金额)
   * is taken corrected, as this machine's own stored set was (upgradeRuleSet: only fields still
   * exactly as the old preset had them). Before (until 2026-12-05), the correction made here at start-up
   * held until the next pull stored the shop's old set again, and its marker stopped a second run.
   * A supervisor's machine also writes the corrected set over the shop's (`fixed`, pushed at the end
   * of the round), so the server and machines on an older version hold it too; agents never write
   * the rules (validate.ts).
   */
  private async importRules(docs: readonly Doc[]): Promise<{ imported: number; fixed: number }> {
    const none = { imported: 0, fixed: 0 };
    const d = docs.find((x) => x._id === DOC_PREFIX.rules && !x._deleted);
    if (!d) return none;
    const doc = d as unknown as RulesBody;
    const checked = validateRuleSet(doc.ruleSet);
    if (!checked.ok) {
      console.warn(`[kf] team rules from ${doc.by} not applied: ${checked.errors[0]?.messageEn ?? ''}`);
      return none;
    }
    const up = upgradeRuleSet(checked.ruleSet);
    const shop = up?.ruleSet ?? checked.ruleSet;
    const id = DOC_PREFIX.rules;
    const base = (await this.bases('library', [id])).get(id);
    const mine = await this.stores.rules();
    const sup = this.me.role === 'supervisor';
    let imported = 0;
    if (canonical(mine.ruleSet) !== canonical(shop)) {
      // This machine's storage corrected its copy after the base was taken: not an edit of its own.
      if (sup && base && mine.updatedAt && hashOf(mine.ruleSet) !== base.hash && !(await this.onlyCorrected(base, mine.ruleSet))) return none;
      if (!(await this.stores.applyRules(shop, doc.at, !sup))) return none;
      imported = 1;
    }
    const fixed = up && sup ? await this.writeCorrected(d, shop) : 0;
    if (!fixed) await this.setBases('library', new Map([[id, { hash: hashOf(shop), rev: d._rev! }]]));
    if (imported) await this.stores.announce('rules');
    return { imported, fixed };
  }

  /**
   * Supervisor, once per engine, before the push: the shop's set as this machine last took it,
   * saved before a preset default was corrected, is written corrected — a supervisor machine whose
   * own copy was corrected at start-up imports nothing new, so the import alone would never send it.
   */
  private async correctRules(): Promise<number> {
    if (this.rulesChecked) return 0;
    this.rulesChecked = true;
    const d = (await this.local.library.get(DOC_PREFIX.rules, { conflicts: true }).catch(() => null)) as Doc | null;
    const checked = d && validateRuleSet(d.ruleSet);
    const up = checked?.ok && upgradeRuleSet(checked.ruleSet);
    if (!up) return 0;
    // A version this machine has not imported yet is corrected by the import.
    const base = (await this.bases('library', [DOC_PREFIX.rules])).get(DOC_PREFIX.rules);
    return base?.hash === hashOf(checked.ruleSet) ? this.writeCorrected(d!, up.ruleSet) : 0;
  }

  /**
   * The shop's rule set `d` written again as `ruleSet` (its old preset defaults corrected) into the
   * replica, signed by this supervisor, its edit time kept; the base moves to it. Not while versions
   * are in conflict: the supervisor's choice settles them (resolveRulesConflict). Returns 1 if written.
   */
  private async writeCorrected(d: Doc, ruleSet: RuleSet): Promise<number> {
    if (d._conflicts?.length) return 0;
    const res = await this.local.library.put({ ...body(d), ruleSet, by: this.me.user, _id: DOC_PREFIX.rules, _rev: d._rev! }).catch(() => null);
    if (!res?.rev) return 0;
    await this.setBases('library', new Map([[DOC_PREFIX.rules, { hash: hashOf(ruleSet), rev: res.rev }]]));
    return 1;
  }

  /**
   * This supervisor machine's set is its base's (what it last sent or took) with only the
   * correction of old preset defaults that its storage makes once (upgradeRuleSet).
   */
  private async onlyCorrected(base: Base, mine: RuleSet): Promise<boolean> {
    if (!base.rev) return false;
    const was = (await this.local.library.get(DOC_PREFIX.rules, { rev: base.rev }).catch(() => null)) as RulesBody | null;
    const up = was && upgradeRuleSet(was.ruleSet);
    return !!up && canonical(up.ruleSet) === canonical(mine);
  }

  /** The shop's taught sites (and the ones it forgot), by the same rule as the rule set. */
  private async importSites(docs: readonly Doc[]): Promise<number> {
    const list = new Map<string, SiteVersion & { rev: string }>();
    for (const d of docs) {
      if (d.type !== 'site' || d._deleted) continue;
      const b = d as unknown as SiteBody;
      const site = b.site === null ? null : parseTaughtSite(b.site);
      if (b.site !== null && (!site || site.origin !== b.origin)) {
        console.warn(`[kf] taught site ${String(b.origin)} from ${b.by} not applied: damaged`);
        continue;
      }
      list.set(b.origin, { origin: b.origin, site, at: Number(b.at) || 0, rev: d._rev! });
    }
    if (!list.size) return 0;
    const bases = await this.bases('library', [...list.keys()].map(siteId));
    const mine = new Map((await this.stores.sites()).map((s) => [s.origin, s]));
    const sup = this.me.role === 'supervisor';
    const took = new Map<string, Base>();
    const fresh: SiteVersion[] = [];
    for (const v of list.values()) {
      const id = siteId(v.origin);
      const here = mine.get(v.origin) ?? null;
      if (canonical(v.site) === canonical(here)) took.set(id, { hash: hashOf(v.site), rev: v.rev });
      // Changed here since the base: the next export makes both versions a visible conflict.
      else if (!(sup && bases.has(id) && hashOf(here) !== bases.get(id)!.hash)) fresh.push({ origin: v.origin, site: v.site, at: v.at });
    }
    const changed = fresh.length ? await this.stores.applySites(fresh, !sup) : [];
    for (const origin of changed) {
      const v = list.get(origin)!;
      took.set(siteId(origin), { hash: hashOf(v.site), rev: v.rev });
    }
    await this.setBases('library', took);
    if (changed.length) await this.stores.announce('sites');
    return changed.length;
  }

  /**
   * Picks from the team join the learned memory; forgotten ones (deleted, or marked by their
   * author) leave it. A supervisor's machine deletes the marked documents, so the next push
   * removes them from the server (and compaction the words they held); returns how many.
   */
  private async importPicks(docs: readonly Doc[]): Promise<{ imported: number; deleted: number }> {
    const add: PickBody['pick'][] = [];
    const gone: string[] = [];
    const marked: Doc[] = [];
    for (const d of docs) {
      if (!d._id.startsWith(DOC_PREFIX.pick)) continue;
      if (d._deleted || d.type === 'forgotten') gone.push(d._id.slice(DOC_PREFIX.pick.length));
      else if (isLearnedPick(d.pick)) add.push(d.pick);
      if (d.type === 'forgotten' && !d._deleted) marked.push(d);
    }
    if (add.length) await this.stores.addPicks(add);
    if (gone.length) await this.stores.removePicks(gone);
    if (add.length || gone.length) await this.stores.announce('learned');
    let deleted = 0;
    if (marked.length && this.me.role === 'supervisor') {
      const res = await this.local.picks.bulkDocs(marked.map((d) => ({ _id: d._id, _rev: d._rev!, _deleted: true })));
      deleted = res.filter((r) => !r.error).length;
    }
    return { imported: add.length + gone.length, deleted };
  }

  /**
   * null = the local library changed while importing (retried next round).
   *
   * A colleague's machine on an older version (or the shop's documents from before an update) holds
   * starter replies in a wording an update retracted as false: an untouched copy is taken in today's
   * wording (rewordStarter, as the update, a restore and a file import do), an edited one as written.
   * Before (until 2026-12-05), the pull put the retracted wording back into this machine's 话术库. A supervisor's
   * machine also writes today's wording over the shop's document (`fixed`, pushed at the end of the
   * round; signed by this supervisor, its `at` kept), so the server and the older machines hold it
   * too — once: the older machine takes it without sending anything back (its base moves to it), and
   * this machine's base is the corrected revision. An older machine that writes the old wording again
   * (its own restore or import) costs one more correction, not a loop. Agents write nothing
   * (validate.ts); their base stays the shop's revision, so it is not imported again. Not while the
   * document's versions are in conflict: the supervisor's choice settles them.
   */
  private async importLibrary(docs: readonly Doc[]): Promise<{ imported: number; fixed: number } | null> {
    const changed = docs.filter((d) => d._id.startsWith(DOC_PREFIX.template) || d._id === DOC_PREFIX.groups);
    if (!changed.length) return { imported: 0, fixed: 0 };
    const lib = await this.stores.library();
    const bases = await this.bases('library', changed.map((d) => d._id));
    const starter = await this.stores.starter?.().catch(() => null);
    const sup = this.me.role === 'supervisor';
    const newBases = new Map<string, Base>();
    const corrections: { doc: Doc; template: Template }[] = [];
    // By document id, in the library's order (a new reply goes last, as before).
    const templates = new Map(lib.templates.map((t) => [templateId(t.id), t]));
    let groups = [...lib.groups];
    let n = 0;
    for (const d of changed) {
      const base = bases.get(d._id);
      if (d._id === DOC_PREFIX.groups) {
        const theirs = d.groups as string[];
        if (base?.hash === hashOf(theirs)) continue;
        groups = !base || hashOf(groups) === base.hash ? [...theirs] : mergeGroups(groups, theirs);
        newBases.set(d._id, { hash: hashOf(theirs), rev: d._rev! });
        n++;
        continue;
      }
      const sent = d._deleted ? null : (d.template as Template);
      const th = sent ? hashOf(sent) : 'deleted';
      if (base?.hash === th) continue;
      const theirs = sent && starter ? (rewordStarter({ groups: [], templates: [sent] }, starter)?.templates[0] ?? sent) : sent;
      const taken = theirs ? hashOf(theirs) : 'deleted';
      const mine = templates.get(d._id) ?? null;
      const mh = mine ? hashOf(mine) : 'deleted';
      // Only a supervisor's library changes here; an agent's copy always follows the shop's.
      const changedHere = sup && mh !== taken && (base ? mh !== base.hash : mine !== null);
      if (changedHere) continue; // edited on both sides: the next export makes it a visible conflict
      if (theirs) {
        templates.set(d._id, theirs);
        if (theirs.group && !groups.includes(theirs.group)) groups.push(theirs.group);
      } else templates.delete(d._id);
      if (sup && theirs && theirs !== sent && !d._conflicts?.length) corrections.push({ doc: d, template: theirs });
      else newBases.set(d._id, { hash: th, ...(d._rev ? { rev: d._rev } : {}) });
      n++;
    }
    if (!n) return { imported: 0, fixed: 0 };
    const saved = await this.stores.saveLibrary({ groups, templates: [...templates.values()] }, lib.updatedAt);
    if (!saved) return null;
    let fixed = 0;
    for (const { doc, template } of corrections) {
      const res = await this.local.library.put({ ...body(doc), template, by: this.me.user, _id: doc._id, _rev: doc._rev! }).catch(() => null);
      // Not written (the replica moved on meanwhile): the shop's revision is the base, as an agent's.
      newBases.set(doc._id, res?.rev ? { hash: hashOf(template), rev: res.rev } : { hash: hashOf(doc.template), rev: doc._rev! });
      if (res?.rev) fixed++;
    }
    await this.setBases('library', newBases);
    await this.stores.announce('library');
    return { imported: n, fixed };
  }

  // ------------------------------------------------------------------ conflicts, proposals

  /**
   * A reply as this version shows it: an untouched starter reply in a wording an update retracted
   * as false (a colleague's machine on an older version proposed or edited it) in today's, as
   * importLibrary takes it into 话术库 — the review showed the false wording, and choosing or
   * accepting it put that wording back (until 2026-12-05).
   */
  private async reworded(): Promise<(t: Template) => Template> {
    const starter = await this.stores.starter?.().catch(() => null);
    return (t) => (starter && t ? (rewordStarter({ groups: [], templates: [t] }, starter)?.templates[0] ?? t) : t);
  }

  /** Replies edited on two machines: every version (retracted starter wordings reworded), for the supervisor to choose from. */
  async templateConflicts(skipped: Skipped = { n: 0 }): Promise<{ id: string; versions: { rev: string; template: Template; by: string; at: number }[] }[]> {
    const res = await this.local.library.allDocs({ include_docs: true, conflicts: true, startkey: DOC_PREFIX.template, endkey: `${DOC_PREFIX.template}\ufff0` });
    const out = [];
    const now = this.now();
    const shown = await this.reworded();
    for (const row of res.rows) {
      const doc = row.doc;
      if (!doc?._conflicts?.length) continue;
      const all = await this.versionsOf('library', doc);
      if (distinct(all) < 2) continue;
      // Only the versions the library would take are offered; choosing one replaces them all.
      const good = all.filter((d) => readDoc('library', d, now));
      skipped.n += all.length - good.length;
      if (!good.length) continue;
      out.push({
        id: (good[0]!.template as Template).id,
        versions: good.map((d) => ({ rev: d._rev!, template: shown(d.template as Template), ...byAt(d) })),
      });
    }
    return out;
  }

  /** The supervisor's choice (one of the versions, or an edit of them) replaces them all. */
  resolveTemplateConflict(chosen: Template): Promise<void> {
    return this.serial(async () => {
      const mine = (await this.stores.library()).templates.find((t) => t.id === chosen.id);
      const tb: TemplateBody = { type: 'template', template: chosen, by: this.me.user, at: this.now() };
      await this.replaceVersions(templateId(chosen.id), tb, mine ? hashOf(mine) : 'deleted');
    });
  }

  /**
   * One body replaces every version of the library document `id`: the current revision is written
   * over, the conflicting ones deleted. The base is this machine's current copy (`baseHash`), so
   * the next import replaces that copy with the choice.
   */
  private async replaceVersions(id: string, body: TemplateBody | RulesBody | SiteBody, baseHash: string): Promise<void> {
    const doc = (await this.local.library.get(id, { conflicts: true })) as Doc;
    const res = await this.local.library.bulkDocs([
      { ...body, _id: id, _rev: doc._rev! } as unknown as Doc,
      ...(doc._conflicts ?? []).map((rev) => ({ _id: id, _rev: rev, _deleted: true })),
    ]);
    await this.setBases('library', new Map([[id, { hash: baseHash, rev: res[0]!.rev! }]]));
  }

  /** The rule set edited on two supervisor machines: every version, or null when there is one. */
  async rulesConflict(skipped: Skipped = { n: 0 }): Promise<RulesConflict | null> {
    let doc: Doc;
    try {
      doc = (await this.local.library.get(DOC_PREFIX.rules, { conflicts: true })) as Doc;
    } catch (err) {
      if ((err as { status?: number }).status === 404) return null;
      throw err;
    }
    if (!doc._conflicts?.length) return null;
    const all = await this.versionsOf('library', doc);
    if (distinct(all) < 2) return null;
    const versions = all.flatMap((d) => {
      const checked = validateRuleSet(d.ruleSet);
      return checked.ok ? [{ rev: d._rev!, ruleSet: checked.ruleSet, ...byAt(d) }] : [];
    });
    skipped.n += all.length - versions.length;
    return versions.length ? { versions: versions.sort(byEdit) } : null;
  }

  /**
   * The supervisor's rule set (one version, or colours taken from several — validated by the
   * caller) replaces every version; the next import puts it into this machine's store, the next
   * push onto the server and from there onto every replica.
   */
  resolveRulesConflict(ruleSet: RuleSet): Promise<void> {
    return this.serial(async () => {
      const mine = await this.stores.rules();
      const rb: RulesBody = { type: 'rules', ruleSet, by: this.me.user, at: Math.max(this.now(), mine.updatedAt + 1) };
      await this.replaceVersions(DOC_PREFIX.rules, rb, hashOf(mine.ruleSet));
    });
  }

  /** Taught sites edited (or forgotten) differently on two supervisor machines: every version. */
  async siteConflicts(skipped: Skipped = { n: 0 }): Promise<SiteConflict[]> {
    const res = await this.local.library.allDocs({ include_docs: true, conflicts: true, startkey: DOC_PREFIX.site, endkey: `${DOC_PREFIX.site}\ufff0` });
    const out: SiteConflict[] = [];
    for (const row of res.rows) {
      const doc = row.doc;
      if (!doc?._conflicts?.length) continue;
      const all = await this.versionsOf('library', doc);
      if (distinct(all) < 2) continue;
      // A version is a taught page this machine would keep, or forgotten (null).
      const versions = all.flatMap((d) => {
        const site = d.site == null ? null : parseTaughtSite(d.site);
        return d.site != null && !site ? [] : [{ rev: d._rev!, site, ...byAt(d) }];
      });
      skipped.n += all.length - versions.length;
      if (versions.length) out.push({ origin: String(doc.origin), versions: versions.sort(byEdit) });
    }
    return out;
  }

  /** The supervisor's choice for a taught site (a version, or null = forgotten) replaces every version. */
  resolveSiteConflict(origin: string, site: TaughtSite | null): Promise<void> {
    return this.serial(async () => {
      const mine = (await this.stores.sites()).find((s) => s.origin === origin) ?? null;
      const sb: SiteBody = { type: 'site', origin, site, by: this.me.user, at: Math.max(this.now(), (mine?.updatedAt ?? 0) + 1) };
      await this.replaceVersions(siteId(origin), sb, hashOf(mine));
    });
  }

  /** An agent proposes a reply; the supervisor accepts (it joins the library) or rejects it. */
  propose(template: Template): Promise<string> {
    return this.serial(async () => {
      const id = `${DOC_PREFIX.proposal}${this.me.user}:${template.id}:${randomHex(8)}`;
      const p: ProposalBody = { type: 'proposal', template, by: this.me.user, at: this.now() };
      await this.local.library.put({ ...p, _id: id } as unknown as Doc);
      return id;
    });
  }

  /** Proposals as this machine's replica has them: the supervisor's queue (undecided) or the agent's own. */
  async proposals(opts: { decided?: boolean; by?: string } = {}, skipped: Skipped = { n: 0 }): Promise<TeamProposal[]> {
    const res = await this.local.library.allDocs({ include_docs: true, startkey: DOC_PREFIX.proposal, endkey: `${DOC_PREFIX.proposal}\ufff0` });
    const now = this.now();
    // Only what readDoc can read (a reply the library would take, a name, a time): one proposal
    // without its reply used to break the whole review pane.
    const read = res.rows.flatMap((r) => (r.doc ? [readDoc('library', r.doc, now)] : []));
    skipped.n += read.filter((d) => !d).length;
    // Shown (and accepted, handlers/team.ts takes the review's copy) in today's starter wordings.
    const shown = await this.reworded();
    const all: TeamProposal[] = read
      .flatMap((d) => (d ? [{ id: d._id, ...(body(d) as unknown as ProposalBody) }] : []))
      .map((p) => ({ id: p.id, template: shown(p.template), by: p.by, at: p.at, ...(p.decision ? { decision: p.decision } : {}) }));
    // Two proposals for one reply can both be accepted, the later replacing the earlier: the review
    // says so before, and the earlier proposer learns it after (their 已采纳 text is gone).
    const sameReply = (p: TeamProposal) => all.filter((q) => q.id !== p.id && q.template?.id === p.template?.id);
    const acceptedAt = (q: TeamProposal) => (q.decision?.accepted ? Number(q.decision.at) || 0 : -1);
    return all
      .filter((p) => (opts.decided === undefined || !!p.decision === opts.decided) && (opts.by === undefined || p.by === opts.by))
      .map((p) => {
        const others = sameReply(p);
        if (p.decision?.accepted) {
          const later = others.filter((q) => acceptedAt(q) > acceptedAt(p)).sort((a, b) => acceptedAt(b) - acceptedAt(a))[0];
          return later ? { ...p, replacedBy: later.by } : p;
        }
        if (p.decision) return p;
        const waiting = others.filter((q) => !q.decision).map((q) => q.by);
        // Accepted after this one was written: this one was made against the older text.
        const last = others.filter((q) => acceptedAt(q) > p.at).sort((a, b) => acceptedAt(b) - acceptedAt(a))[0];
        return {
          ...p,
          ...(waiting.length ? { alsoWaiting: waiting } : {}),
          ...(last ? { lastAccepted: { by: last.by, at: acceptedAt(last) } } : {}),
        };
      })
      .sort((a, b) => a.at - b.at);
  }

  /**
   * Supervisor: records the decision on a proposal. Written to the server first, so the server's
   * role check decides (a refusal throws TeamSyncError 'forbidden' with its reason, offline throws
   * 'offline', and nothing changes here); then pulled into this replica.
   */
  decideProposal(id: string, decision: { accepted: boolean; reason?: string }): Promise<TeamProposal> {
    return this.serial(async () => {
      if (!id.startsWith(DOC_PREFIX.proposal)) throw new TeamSyncError('server', `not a proposal: ${id}`);
      let doc: Doc;
      try {
        doc = (await this.remote.library.get(id)) as Doc;
        const d: ProposalDecision = { accepted: decision.accepted, by: this.me.user, at: this.now() };
        const why = decision.reason?.trim();
        if (why) d.reason = why.slice(0, 200);
        const res = await this.remote.library.put({ ...doc, decision: d });
        doc = { ...doc, decision: d, _rev: res.rev };
        await settle(this.local.library.replicate.from(this.remote.library, { doc_ids: [id] }));
      } catch (err) {
        throw classifyError(err);
      }
      const p = body(doc) as unknown as ProposalBody;
      return { id, template: p.template, by: p.by, at: p.at, decision: p.decision! };
    });
  }

  /** The shop's members, from the list the provisioning command keeps in the library database. */
  async members(): Promise<MembersBody['members']> {
    try {
      const doc = (await this.local.library.get(DOC_PREFIX.members)) as unknown as MembersBody;
      return Array.isArray(doc.members) ? doc.members.filter((m) => typeof m?.name === 'string' && (m.role === 'agent' || m.role === 'supervisor')) : [];
    } catch (err) {
      if ((err as { status?: number }).status === 404) return [];
      throw err;
    }
  }

  /** Supervisor: removes a proposal (after adding it to the library, or to reject it). */
  closeProposal(id: string): Promise<void> {
    return this.serial(async () => {
      const doc = (await this.local.library.get(id)) as Doc;
      await this.local.library.put({ _id: id, _rev: doc._rev!, _deleted: true });
    });
  }

  // -------------------------------------------------------------------------------------- live

  get isLive(): boolean {
    return this.live !== null;
  }

  /**
   * Continuous pull replication of every shared database (while a UI is open). Each batch that
   * arrives goes through the same import as a round (importRemote, serialised with rounds, from the
   * replica's own changes since the last import), so nothing can be imported twice or skipped;
   * checkpoints are PouchDB's, shared with the one-shot pulls, so a restart resumes from them.
   * A dropped connection is retried with backoff (`down`, then `up` once a request succeeds again);
   * the server refusing the session ends the live pull (`down` with kind auth) until the next start.
   * Pushes stay with the rounds (the caller starts one promptly after a local write).
   *
   * `ask`: the batches are not imported here; `ask()` says one arrived, and the caller runs
   * `importLive` when it may write the stores (the extension: under the worker's whole-data lock,
   * lib/messaging/turn.ts — imported here, a colleague's change was written in the middle of
   * 删除全部数据, 导入全部数据 or 恢复).
   */
  startLive(onEvent: (e: LiveEvent) => void, opts: { maxBackoffMs?: number; ask?: () => void } = {}): void {
    if (this.live || this.closed) return;
    const live: NonNullable<TeamSync['live']> = { reps: [], timers: [], down: new Set(), importing: null, again: false };
    this.live = live;
    const max = opts.maxBackoffMs ?? 30_000;
    const importSoon = () => {
      if (live.importing) {
        live.again = true;
        return;
      }
      live.importing = (async () => {
        do {
          live.again = false;
          try {
            const report = await this.importLive();
            if (this.live === live) onEvent({ kind: 'imported', report });
          } catch (err) {
            if (this.live === live) onEvent({ kind: 'down', error: classifyError(err) });
          }
        } while (live.again && this.live === live);
        live.importing = null;
      })();
    };
    const run = (area: TeamArea, i: number, backoff: number) => {
      // PouchDB's own retry (retry: true) restarts beside the failed replication, which goes on
      // and may write a checkpoint past documents it dropped (see settle): here a failed live pull
      // is cancelled first and a new one started after the backoff.
      const rep = this.local[area].replicate.from(this.liveRemote[area], { live: true, retry: false, batch_size: BATCH });
      live.reps[i] = rep;
      const up = () => {
        if (live.down.delete(area) && !live.down.size && this.live === live) onEvent({ kind: 'up' });
      };
      rep.on('change', (info: { docs?: Doc[]; last_seq: number | string }) => {
        for (const d of info.docs ?? []) this.fromServer.add(`${d._id}@${d._rev}`);
        up();
        // The docs are in the replica now (the checkpoint follows): rounds need not pull them again.
        void this.serial(() => this.setMeta(area, 'pulled', { seq: info.last_seq })).catch(() => undefined);
        (opts.ask ?? importSoon)();
      });
      rep.on('paused', (err: unknown) => {
        if (!err) {
          backoff = 0;
          up();
        }
      });
      rep.on('error', (err: unknown) => {
        rep.cancel();
        if (this.live !== live) return;
        const e = classifyError(err);
        const first = !live.down.size;
        live.down.add(area);
        if (first || e.kind === 'auth') onEvent({ kind: 'down', error: e });
        // A refused session ends it (signing in again is the agent's); anything else is retried.
        if (e.kind === 'auth') return;
        const wait = backoff ? Math.min(backoff * 2, max) : 1000;
        live.timers[i] = setTimeout(() => this.live === live && run(area, i, wait), wait);
      });
    };
    SYNCED.forEach((area, i) => run(area, i, 0));
  }

  /**
   * What the live pull brought (the replicas' changes since the last import) → the stores, after
   * the round or import under way. `signal` cuts it (a whole-data verb waits for it): at once before
   * it starts, else between areas and during the push of merged conflicts; what is left stays in
   * the replica, unmarked, for the next import or round. Throws TeamSyncError.
   */
  importLive(signal?: AbortSignal): Promise<SyncReport> {
    return this.serial(async () => {
      const report: SyncReport = { exported: 0, pushed: 0, pulled: 0, resolved: 0, imported: 0, denied: 0, refused: [], pending: 0 };
      if (signal?.aborted) return report;
      this.cut = signal ?? null;
      try {
        Object.assign(report, await this.importRemote(signal));
        // Merging conflicts wrote new revisions: they go up now, as after a round.
        if (report.resolved) for (const area of SYNCED) report.pushed += (await this.push(area)).docs_written;
        return report;
      } catch (err) {
        // Cut during the push: what merged goes up with the next round (not counted as sent).
        if (signal?.aborted) return report;
        throw classifyError(err);
      } finally {
        this.cut = null;
      }
    });
  }

  /** Ends the live pull (the last UI closed); rounds pull again. Waits for an import under way. */
  async stopLive(): Promise<void> {
    const live = this.live;
    if (!live) return;
    this.live = null;
    for (const t of live.timers) if (t) clearTimeout(t);
    for (const rep of live.reps) rep.cancel();
    // A cancelled replication settles once its current request ends; not waited for beyond 5 s.
    const settled = Promise.all(live.reps.map((r) => r.then(() => undefined, () => undefined)));
    await Promise.race([settled, new Promise((r) => setTimeout(r, 5000))]);
    await live.importing;
  }

  /** `destroy`: the local replicas deleted too (leaving team mode), through PouchDB, which closes its own connections first. */
  async close(destroy = false): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.stopLive();
    await this.running;
    for (const area of SYNCED) {
      await (destroy ? this.local[area].destroy() : this.local[area].close());
      await this.remote[area].close();
      await this.liveRemote[area].close();
    }
  }
}
