/**
 * What the sync engine needs of the machine's own stores. The extension's implementation wraps
 * lib/storage (./storage-bridge.ts); tests and the benchmark use an in-memory one with the same
 * semantics (test/team/memory-stores.ts), so fifty "machines" can run in one Node process.
 */
import type { Customer } from '../domain/customers';
import type { Followup } from '../domain/followups';
import type { Template, TemplateLibrary } from '../domain/templates/types';
import type { RuleSet } from '../domain/remarks';
import type { TaughtSite } from '../sites/taught/record';
import type { LearnedPick } from '../domain/suggest/learned';
import type { ChangeArea } from '../storage/changes';

export interface LocalLibrary {
  groups: string[];
  templates: Template[];
  /** Version of the stored library; saveLibrary refuses to save over a newer one. */
  updatedAt: number;
}

/** Keys written on this machine since they were last handed to the sync engine. */
export interface Dirty {
  customers: string[];
  followups: string[];
  library: boolean;
  /** The remark rule set was saved. */
  rules: boolean;
  /** Origins of taught sites saved or forgotten. */
  sites: string[];
  /** Learned picks added or deleted. */
  picks: string[];
  /**
   * Learned picks the user forgot (学习记录 → 忘记, 全部忘记, the retention period): in team mode
   * they are forgotten for the team too — a signed marker for the member's own picks, a delete by
   * the supervisor (lib/team/README.md). Picks merely evicted by the memory's bound are not here.
   */
  forgot: string[];
  /**
   * Buyers and follow-ups the user deleted (客户档案 → 删除 / 全部删除, and the follow-ups deleted
   * with a buyer), as `deletionEntry(at, key)`: deleted for the team too (lib/team/README.md).
   * Other removals (a restore replacing the stores, pruning old done items) stay local.
   */
  deletedCustomers: string[];
  deletedFollowups: string[];
}

/** A queued deletion: the key and when it was deleted (a record made after that is a new one). */
export function deletionEntry(at: number, key: string): string {
  return `${at}|${key}`;
}

/** Queued deletions → the latest time per key. */
export function readDeletions(entries: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) {
    const i = e.indexOf('|');
    const at = Number(e.slice(0, i));
    const key = e.slice(i + 1);
    if (i > 0 && Number.isFinite(at) && key) out.set(key, Math.max(at, out.get(key) ?? at));
  }
  return out;
}

/** One taught site as the shop has it: `site` null = forgotten; `at` = when (its edit time). */
export interface SiteVersion {
  origin: string;
  site: TaughtSite | null;
  at: number;
}

/**
 * The areas of the machine's stores (the same names as lib/storage/changes.ts and the pages' change
 * notices; `forgotten` and the deletions are queues only), and `backups`: a buyer the team deleted
 * left a local backup (lib/team/storage-bridge.ts).
 */
export type TeamDataArea = Exclude<ChangeArea, 'forgotten' | 'deleted-customers' | 'deleted-followups'> | 'backups';

/** A record the team deleted (`key`: a buyer key or a follow-up id) and when. */
export interface Deleted {
  key: string;
  at: number;
}

export interface LocalStores {
  customers(keys: readonly string[]): Promise<Map<string, Customer>>;
  /** Every buyer key (first export after joining a team). */
  customerKeys(): Promise<string[]>;
  /**
   * Team imports. None of these marks keys dirty, except mergeCustomers for a buyer whose merged
   * record differs from the incoming one (this machine had something the team has not: it must go up).
   */
  /**
   * Whether the shop masks (隐私 → 遮盖): a profile goes up masked then (sync.ts exportCustomers).
   * Absent: sent as stored (the tests' stand-in for an older version).
   */
  masking?(): Promise<boolean>;
  /** Merges each record into the stored one (mergeCustomer; stored as is when new), in one transaction. */
  mergeCustomers(list: readonly Customer[]): Promise<void>;
  /** The team deleted these buyers: each record made by `at` goes (with its name claims), one transaction; not queued. */
  dropCustomers(list: readonly Deleted[]): Promise<void>;
  /**
   * The console id's record a colleague's nickname-only record (this key) is joined into here
   * (mergeCustomers: the one id that claimed the name on this machine), or null. Absent: none is.
   */
  joinedInto?(key: string): Promise<string | null>;
  /** The nickname-only keys a console id claims here (candidates for joinedInto). */
  joinedNames?(): Promise<string[]>;
  /** These notes (history event ids) taken out of these buyers' records; not queued. */
  dropNotes?(list: readonly { key: string; ids: readonly string[] }[]): Promise<void>;
  followups(ids: readonly string[]): Promise<Map<string, Followup>>;
  followupIds(): Promise<string[]>;
  /**
   * In one transaction: for each id, `fn` gets the stored item and returns its replacement, or
   * null to leave it as it is.
   */
  updateFollowups(ids: readonly string[], fn: (id: string, local: Followup | undefined) => Followup | null): Promise<void>;
  /** The team deleted these follow-ups: each item made by `at` goes, one transaction; not queued. */
  dropFollowups(list: readonly Deleted[]): Promise<void>;
  library(): Promise<LocalLibrary>;
  /**
   * The starter library this version ships (today's wordings): a colleague's reply still in a wording
   * an update retracted is taken in today's (sync.ts importLibrary). Absent: taken as sent (an older
   * version's behaviour; the tests' stand-in for one).
   */
  starter?(): Promise<TemplateLibrary>;
  /** Saves unless the stored library is no longer version `base`; false = it changed meanwhile. */
  saveLibrary(lib: Pick<LocalLibrary, 'groups' | 'templates'>, base: number): Promise<boolean>;
  /** The remark rule set; updatedAt 0 = never saved here (the preset). */
  rules(): Promise<{ ruleSet: RuleSet; updatedAt: number }>;
  /** Stores the shop's rule set if `always` or newer than the stored one (one transaction); true = stored. */
  applyRules(ruleSet: RuleSet, at: number, always: boolean): Promise<boolean>;
  sites(): Promise<TaughtSite[]>;
  /** Same rule per site; returns the origins that changed. */
  applySites(list: readonly SiteVersion[], always: boolean): Promise<string[]>;
  picks(ids: readonly string[]): Promise<Map<string, LearnedPick>>;
  pickIds(): Promise<string[]>;
  /** Adds picks not stored yet (the memory's bound applies). */
  addPicks(picks: readonly LearnedPick[]): Promise<void>;
  /** Deletes picks (the team forgot them: the supervisor's delete, or their author's marker). */
  removePicks(ids: readonly string[]): Promise<void>;
  /**
   * Takes the dirty keys (with `extra`, and whatever an unfinished round took before): they leave
   * the queue but stay in flight, counted, until ackDirty(); one transaction.
   */
  takeDirty(extra?: Dirty): Promise<Dirty>;
  /** The keys taken are in the replicas now. */
  ackDirty(): Promise<void>;
  /** How many keys are dirty or in flight (for the "n 条待同步" status). */
  countDirty(): Promise<number>;
  /** Adds keys to the queue (an import found something only this machine has). */
  putBackDirty(d: Dirty): Promise<void>;
  /** Tells open pages that an area changed (imports). */
  announce(area: TeamDataArea): Promise<void>;
}

/** The lists of Dirty (the rest are the two flags), and the change area each is filled by. */
const LISTS = { customers: 'customers', followups: 'followups', sites: 'sites', picks: 'learned', forgot: 'forgotten', deletedCustomers: 'deleted-customers', deletedFollowups: 'deleted-followups' } as const;
type DirtyList = keyof typeof LISTS;
const LIST_KEYS = Object.keys(LISTS) as DirtyList[];

/** A Dirty with each list made by `list` and the two flags. */
export function dirtyWith(list: (k: DirtyList) => string[], library = false, rules = false): Dirty {
  const d = { library, rules } as Dirty;
  for (const k of LIST_KEYS) d[k] = list(k);
  return d;
}

export function emptyDirty(): Dirty {
  return dirtyWith(() => []);
}

export function mergeDirty(a: Dirty, b: Dirty): Dirty {
  return dirtyWith((k) => [...new Set([...a[k], ...b[k]])], a.library || b.library, a.rules || b.rules);
}

/** How many writes wait for the next round (the "n 条待同步" status). */
export function dirtyCount(d: Dirty): number {
  return LIST_KEYS.reduce((n, k) => n + d[k].length, (d.library ? 1 : 0) + (d.rules ? 1 : 0));
}

/** The dirty keys one local write adds (lib/storage/changes.ts areas); a deletion is dated `now`. */
export function dirtyOf(area: ChangeArea, keys: readonly string[], now = Date.now()): Dirty {
  const dated = area.startsWith('deleted-');
  return dirtyWith((k) => (LISTS[k] !== area ? [] : dated ? keys.map((key) => deletionEntry(now, key)) : [...keys]), area === 'library', area === 'rules');
}
