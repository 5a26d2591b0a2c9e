/**
 * The follow-up list in IndexedDB (`kf-followups`, one record per item, keyed by its id).
 *
 * Every change is one readwrite transaction that reads the whole list, runs a pure function over
 * it (a rule from lib/domain/followups, or the agent's action) and writes only what changed.
 * IndexedDB runs overlapping readwrite transactions one after the other, so two order pages
 * reporting at the same moment, or a page report racing the agent's "done", never lose each
 * other's change: the second sees the first's result.
 *
 * Reads for the popup and the badge go through a small cache (invalidated by every write here and
 * by `invalidateFollowupCache()` when another module changed the store, e.g. a backup restore). It is
 * only a cache: the service worker may be stopped at any moment and the next read refills it.
 */
import { db, store, toStorageError } from './db';
import { noteLocalChange } from './changes';
import {
  sameBuyer,
  kindPriority,
  applyRuleResult,
  effectiveDue,
  joinNote,
  readFollowup,
  type Followup,
  type FollowupSettings,
  type RuleResult,
} from '../domain/followups';
import type { ScenarioId } from '../domain/scenarios';
import type { Platform } from '../sites/types';
import { workerExtras } from '../background/extras';
import { followupSettingsOf, loadSettings } from './settings';

let cache: Followup[] | null = null;
let generation = 0;
let ready: Promise<unknown> | null = null;

export function invalidateFollowupCache(): void {
  generation++;
  cache = null;
}

/**
 * In `meta`: the stored items' handover due times follow handoverDeadline (1); and the night marking
 * is kept to what a person hands over, each handover storing its shift (2, nightMarkingNow).
 */
export const HANDOVER_DUE_KEY = 'followups:handover';
const HANDOVER_STEP = 2;

/**
 * Once per worker life, before the list is first read or written, until the marker is set: items
 * handed over before handoverDeadline were due the minute the receiving shift came on, so the night
 * shift found them overdue at 20:00; they are stored with the due time the rule gives now
 * (upgradeHandoverDue, lib/domain/followups/handover.ts, which says which items and why one the
 * agent snoozed is left alone), and the marker is set. Every read and write here waits for it. The
 * marker is in `meta`, which the snapshots hold: restoring one taken before this version brings the
 * old items back without it, and the worker's next start moves them. The pure step is in
 * worker-extras.js (it runs once, not worth parsing at every wake); where the extras are not loaded
 * (the team page) the worker does it. Each machine of a team moves its own copies (the change is
 * not queued for the team).
 */
const followupsReady = () =>
  (ready ??= db
    .get('meta', HANDOVER_DUE_KEY)
    .then(async (done) => Number(done) >= HANDOVER_STEP || (await db.setMany('followups', workerExtras().followups.upgradeHandoverDue(await db.values('followups'), followupSettingsOf(await loadSettings()))), await db.set('meta', HANDOVER_DUE_KEY, HANDOVER_STEP)))
    .catch((err) => console.warn('[kf]', err)));

/** A prototype (v0) record's step, from worker-extras.js (such records are rare: background.js does not carry it). */
const fromV0 = (r: Record<string, unknown>) => workerExtras().followups.fromV0(r);

/** Stored values → current records; unreadable ones are skipped (and kept in storage untouched). */
function parse(raw: readonly unknown[], now: number): Followup[] {
  const byId = new Map<string, Followup>();
  for (const r of raw) {
    try {
      const f = readFollowup(r, now, fromV0);
      byId.set(f.id, f);
    } catch (err) {
      console.warn('[kf] skipped a follow-up record', err);
    }
  }
  return [...byId.values()];
}

function byDue(a: Followup, b: Followup): number {
  return effectiveDue(a) - effectiveDue(b) || kindPriority(a.kind) - kindPriority(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Done items are kept this long after they were closed, then pruned (pruneFollowups). */
export const DONE_KEEP_DAYS = 30;

/**
 * A stored record of a done item closed before `limit` (DONE_KEEP_DAYS ago): history nothing shows,
 * due to be pruned by the hourly job. Read off the raw record, so it is never parsed (a record
 * without a usable time compares false and is kept).
 */
const prunable = (r: { status?: unknown; closedAt?: number; createdAt?: number } | null, limit: number) =>
  r?.status === 'done' && (Number.isFinite(r.closedAt) ? r.closedAt! : r.createdAt!) < limit;

/**
 * Every item (open, snoozed and done), but done items past DONE_KEEP_DAYS: a year of closed history
 * waiting for the hourly prune is not parsed and sorted at every popup open of a freshly woken
 * worker (writes read the whole store themselves, in `transact`).
 */
export async function loadFollowups(now = Date.now()): Promise<Followup[]> {
  if (cache) return cache;
  await followupsReady();
  const g = generation;
  const limit = now - DONE_KEEP_DAYS * 24 * 60 * 60 * 1000;
  // Kept in todayView's order (due time, kind, id): the list's sorts then run over sorted input,
  // which is linear, so the popup's list of thousands costs little more than one pass.
  const items = parse((await db.values<Parameters<typeof prunable>[0]>('followups')).filter((r) => !prunable(r, limit)), now).sort(byDue);
  // A write that finished while we were reading makes this read stale: do not cache it.
  if (g === generation) cache = items;
  return items;
}

interface Change<T> {
  put?: Followup[];
  del?: string[];
  /**
   * The deletions are the user's (the follow-ups of a buyer they deleted): in team mode they
   * delete the team's copies too. Other deletions (pruning, a restore) stay on this machine.
   */
  teamToo?: boolean;
  value: T;
}

/**
 * Runs `fn` over the whole list inside one readwrite transaction and writes (`put`) and deletes
 * (`del`) what it says; `fn` must be synchronous. Exported for changes to many items at once (a
 * deleted buyer's items, an import of everything).
 */
export async function transact<T>(now: number, fn: (items: Followup[]) => Change<T>): Promise<T> {
  await followupsReady();
  let written: string[] = [];
  let deleted: string[] = [];
  try {
    const value = await store('followups')('readwrite', (os) =>
      new Promise<T>((resolve, reject) => {
        const tx = os.transaction;
        let out: Change<T> | undefined;
        const req = os.getAll();
        req.onsuccess = () => {
          try {
            out = fn(parse(req.result, now));
            for (const f of out.put ?? []) os.put(f, f.id);
            for (const id of out.del ?? []) os.delete(id);
          } catch (err) {
            reject(err);
            tx.abort();
          }
        };
        tx.oncomplete = () => {
          written = (out!.put ?? []).map((f) => f.id);
          if (out!.teamToo) deleted = out!.del ?? [];
          resolve(out!.value);
        };
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
      }),
    );
    await noteLocalChange('followups', written);
    await noteLocalChange('deleted-followups', deleted);
    return value;
  } catch (err) {
    // IndexedDB failures (quota, abort) become StorageError; a bug in `fn` stays what it is.
    throw typeof DOMException !== 'undefined' && err instanceof DOMException ? toStorageError(err) : err;
  } finally {
    invalidateFollowupCache();
  }
}

/**
 * Team sync: for each id, `fn` gets the stored item (undefined when there is none) and returns its
 * replacement, or null to leave it; one transaction. Returns the ids of the items stored with the
 * handover due time moved (upgradeHandoverDue): a colleague still on a version from before
 * handoverDeadline hands items over due the minute the receiving shift starts (20:00, 08:00), and
 * sends them — or an edit of an item this machine had moved — to the team; they are stored as this
 * machine's own were moved once (followupsReady), and the caller sends the moved item back, so the
 * team's copy is corrected too. The step only matches the old rule's due time, so an item made by
 * any newer version is never touched.
 */
export async function updateFollowupsById(ids: readonly string[], fn: (id: string, local: Followup | undefined) => Followup | null, now = Date.now()): Promise<string[]> {
  const settings = followupSettingsOf(await loadSettings());
  return transact(now, (items) => {
    const byId = new Map(items.map((f) => [f.id, f]));
    const put: Followup[] = [];
    for (const id of ids) {
      const next = fn(id, byId.get(id));
      if (next) put.push(next);
    }
    const moved = new Map(workerExtras().followups.upgradeHandoverDue(put, settings));
    return { put: put.map((f) => moved.get(f.id) ?? f), value: [...moved.keys()] };
  });
}

/**
 * The team deleted these follow-ups on another machine: each item made by then goes (one made
 * since is a new one). Not reported: the deletion came from the team.
 */
export async function dropTeamDeletedFollowups(list: readonly { key: string; at: number }[], now = Date.now()): Promise<void> {
  const at = new Map(list.map((d) => [d.key, d.at]));
  await transact(now, (items) => ({ del: items.filter((f) => at.has(f.id) && f.createdAt <= at.get(f.id)!).map((f) => f.id), value: undefined }));
}

/**
 * Runs a rule against the stored list and applies its result, atomically. Returns how many items
 * changed (0: nothing written, no need to announce anything). What a page dictates is due by its
 * kind's rule at any hour: reading a page at night hands nothing over (NIGHT_HANDED_KINDS).
 */
export async function applyFollowupRule(rule: (existing: readonly Followup[]) => RuleResult, now: number): Promise<number> {
  return transact(now, (items) => {
    const result = rule(items);
    if (result.upserts.length === 0 && result.closes.length === 0) return { value: 0 };
    const before = new Map(items.map((f) => [f.id, f]));
    const after = applyRuleResult(items, result, now);
    const put = after.filter((f) => before.get(f.id) !== f);
    return { put, value: put.length };
  });
}

/**
 * Adds an item the agent made (panel, manual, handover). The same id already open (an inquiry
 * registered twice) keeps the first item and gains the new note; a done one is replaced. A note
 * that no longer fits that item throws NotesFull: refused whole, nothing written, nothing cut.
 */
export async function addFollowup(item: Followup, now = Date.now()): Promise<Followup> {
  return transact(now, (items) => {
    const had = items.find((f) => f.id === item.id);
    if (!had) return { put: [item], value: item };
    const note = item.note?.trim();
    if (had.status === 'done') {
      // The same item made again after it was closed starts afresh but keeps the log it had: the
      // earlier lines first, whole, like a team merge (notes.ts) — they used to go with the old item.
      const lines = had.note ? [had.note, ...(note && !had.note.split('\n').includes(note) ? [note] : [])] : note ? [note] : [];
      // Made again by the agent: a reopen (a colleague's close made before it does not undo it, mergeFollowup).
      const fresh: Followup = { ...item, reopenedAt: now };
      if (lines.length) fresh.note = lines.join('\n');
      else delete fresh.note;
      return { put: [fresh], value: fresh };
    }
    if (!note || had.note?.split('\n').includes(note)) return { value: had };
    const merged: Followup = { ...had, note: joinNote(had.note, note) };
    return { put: [merged], value: merged };
  });
}

/** Changes one item atomically (done, snooze, note, reopen). null when there is no such item. */
export async function changeFollowup(id: string, fn: (item: Followup) => Followup, now = Date.now()): Promise<Followup | null> {
  return transact(now, (items) => {
    const had = items.find((f) => f.id === id);
    if (!had) return { value: null };
    const next = fn(had);
    return next === had ? { value: had } : { put: [next], value: next };
  });
}

/** Forgets done items closed more than `keepDays` ago (their sources are long gone from the pages). */
export async function pruneFollowups(now: number, keepDays = DONE_KEEP_DAYS): Promise<number> {
  const limit = now - keepDays * 24 * 60 * 60 * 1000;
  return transact(now, (items) => {
    const del = items.filter((f) => prunable(f, limit)).map((f) => f.id);
    return { del, value: del.length };
  });
}

// ---- "open" from the popup: which scenario the buyer's chat panel shows first ------------------

export interface PendingSuggestion {
  buyer: string;
  /** The console's id of the buyer, when the item has one: then only that buyer's chat takes it. */
  buyerId?: string;
  platform?: Platform;
  /** The item's situation, shown first; none: the chat only takes the keys (its chat box). */
  scenario?: ScenarioId;
  followupId: string;
  expiresAt: number;
}

export const PENDING_KEY = 'followups:pending';
/** Long enough for a console tab to load and its panel to ask; short enough not to surprise later. */
export const PENDING_TTL_MS = 5 * 60 * 1000;
const PENDING_MAX = 20;

interface PendingRecord {
  v: 1;
  list: PendingSuggestion[];
}

function pendingList(old: unknown, now: number): PendingSuggestion[] {
  const list = (old as PendingRecord | undefined)?.list;
  return Array.isArray(list) ? list.filter((p) => p && typeof p.expiresAt === 'number' && p.expiresAt > now) : [];
}

const samePlatform = (a?: Platform, b?: Platform) => !a || !b || a === b;

/** The chat's buyer is the item's buyer (console ids decide where both have one; see sameBuyer). */
const isFor = (x: PendingSuggestion, who: { buyer: string; buyerId?: string | null }, platform?: Platform) =>
  samePlatform(x.platform, platform) && sameBuyer(x, who);

/** The waiting suggestions (as stored) with `edit` applied: a deleted buyer's dropped. */
export function editedPending(raw: unknown, edit: (list: PendingSuggestion[]) => PendingSuggestion[], now = Date.now()): PendingRecord {
  return { v: 1, list: edit(pendingList(raw, now)) };
}

/** Remembers (in storage: the worker may stop before the tab asks) the scenario for a buyer's chat. */
export async function setPendingSuggestion(p: Omit<PendingSuggestion, 'expiresAt'>, now = Date.now()): Promise<void> {
  await db.update<PendingRecord>('meta', PENDING_KEY, (old) => {
    const list = pendingList(old, now).filter((x) => !isFor(x, p, p.platform));
    list.push({ ...p, expiresAt: now + PENDING_TTL_MS });
    return { v: 1, list: list.slice(-PENDING_MAX) };
  });
}

/** The scenario waiting for this buyer's chat, once: it is removed as it is taken. */
export async function takePendingSuggestion(
  who: { buyer: string; buyerId?: string | null },
  platform: Platform | undefined,
  now = Date.now(),
): Promise<PendingSuggestion | null> {
  let taken: PendingSuggestion | null = null;
  // Asked on every focus of a chat tab: read first, write only when something is waiting.
  const match = (x: PendingSuggestion) => isFor(x, who, platform);
  if (!pendingList(await db.get<PendingRecord>('meta', PENDING_KEY), now).some(match)) return null;
  await db.update<PendingRecord>('meta', PENDING_KEY, (old) => {
    const list = pendingList(old, now);
    const i = list.findIndex(match);
    if (i >= 0) taken = list.splice(i, 1)[0]!;
    return { v: 1, list };
  });
  return taken;
}

// ---- desktop notifications: which items were already announced today -----------------------

export const NOTIFIED_KEY = 'followups:notified';

interface NotifiedRecord {
  v: 1;
  day: string;
  ids: string[];
}

/** Of `ids`, those not yet notified on `day` (shop date); they are recorded as notified now. */
export async function claimNotifications(day: string, ids: readonly string[]): Promise<string[]> {
  let fresh: string[] = [];
  await db.update<NotifiedRecord>('meta', NOTIFIED_KEY, (old) => {
    const seen = new Set(old && old.day === day && Array.isArray(old.ids) ? old.ids : []);
    fresh = ids.filter((id) => !seen.has(id));
    for (const id of fresh) seen.add(id);
    return { v: 1, day, ids: [...seen].slice(-2000) };
  });
  return fresh;
}

/**
 * The notification log (live or a backup's) without `gone`: the ids of a deleted buyer's items
 * (an unpaid item's id is its order number). The same value when none of them is in it.
 */
export function notifiedWithout(raw: unknown, gone: ReadonlySet<string>): unknown {
  const r = raw as Partial<NotifiedRecord> | null;
  if (!r || !Array.isArray(r.ids) || !r.ids.some((id) => gone.has(id))) return raw;
  return { ...r, ids: r.ids.filter((id) => !gone.has(id)) };
}
