/**
 * Buyer notes (store 'customers', key `${platform}#${buyerId}` where the console shows an id, else
 * `${platform}:${nickname}`), one versioned record per buyer. How a buyer seen by name only joins an
 * id-keyed record is in lib/domain/customers/README.md ("Buyer identity"); the name claims it
 * relies on live in the 'buyer-names' store (see buyer-names.ts).
 *
 * - Records are read through `migrateCustomer` (v0 prototype shapes are upgraded on read and
 *   written back as v1 on the next write; `upgradeStoredCustomers` does the whole store at once).
 * - Every write is one `readwrite` transaction that reads, applies a pure domain operation and
 *   writes: two tabs (or the order sink and a tab) writing the same buyer cannot lose each other's
 *   change. Batches (an order page reports 100 rows) are one transaction too.
 * - Lists and exports walk the store with a cursor in key order and stop after a page, so 100 000
 *   buyers are never loaded at once.
 * - Import merges by key (newer fields win, history is the union, see mergeCustomer) in one
 *   transaction: either every entry is written or none.
 */
import { promisifyRequest } from 'idb-keyval';
import { db, getEach, store, storeGeneration, toStorageError, writing } from './db';
import { noteLocalChange } from './changes';
import { workerExtras } from '../background/extras';
import {
  adoptUnderId,
  CUSTOMER_VERSION,
  CustomerRecordError,
  customerKey,
  isMaskedNickname,
  migrateCustomer,
  newCustomer,
  nicknameKey,
  normaliseBuyerId,
  normaliseNickname,
  offersOldRecord,
  renameCustomer,
  retentionPurge,
  type Customer,
} from '../domain/customers';
import type { V0Upgrade } from '../domain/customers/migrate';
import type { Platform } from '../sites/types';
import { addClaims, addNotSame, claimsOf, claimsOfAll, clearClaims, dropClaims, dropNames, notSameAs } from './buyer-names';

const NAME = 'customers' as const;

/** Runs `fn` in one transaction on the customers store; failures become StorageError. */
async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => Promise<T>): Promise<T> {
  try {
    // Readwrite counted (storeGeneration): the buyer count below is kept until the store changes.
    return await (mode === 'readwrite' ? writing(NAME, () => store(NAME)(mode, fn)) : store(NAME)(mode, fn));
  } catch (err) {
    if (err instanceof CustomerRecordError) throw err;
    throw toStorageError(err);
  }
}

/**
 * One readwrite transaction whose request callbacks are wrapped with `guard`: an exception in one
 * aborts the whole transaction (nothing is written) and is what the caller gets, not the abort.
 */
async function writeTx(body: (s: IDBObjectStore, guard: (fn: () => void) => () => void) => void): Promise<void> {
  await tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    let failure: unknown = null;
    const guard = (fn: () => void) => () => {
      try {
        fn();
      } catch (err) {
        failure = err;
        s.transaction.abort();
      }
    };
    body(s, guard);
    return done.then(
      () => undefined,
      (err) => {
        throw failure ?? err;
      },
    );
  });
}

/** A prototype record, upgraded by worker-extras.js (such records are rare: background.js does not carry the step). */
const fromV0: V0Upgrade = (r) => workerExtras().customers.fromV0(r);

/** A stored value → current record, or null when it is damaged beyond use. */
export function readStored(raw: unknown, now: number): Customer | null {
  if (raw === undefined || raw === null) return null;
  try {
    return migrateCustomer(raw, now, fromV0);
  } catch (err) {
    if (err instanceof CustomerRecordError) return null;
    throw err;
  }
}

function isCurrent(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && (raw as { v?: unknown }).v === CUSTOMER_VERSION;
}

export async function getCustomer(key: string, now = Date.now()): Promise<Customer | null> {
  const raw = await tx('readonly', (s) => promisifyRequest(s.get(key)));
  return readStored(raw, now);
}

export interface Target {
  platform: Platform;
  nickname: string;
  /** The console's id of the buyer, when the page showed one. */
  buyerId?: string | null;
}

export const targetKey = (t: Target): string => customerKey(t.platform, t.nickname, t.buyerId);

/**
 * Applies `fn` to each target buyer (created when missing) in ONE readwrite transaction and returns
 * the resulting records by key. A record `fn` returns unchanged is not written; `changed` lists the
 * keys that were. A stored record that cannot be read throws CustomerRecordError and nothing is
 * written (its data is not replaced by an empty record).
 */
export async function updateCustomers(
  targets: readonly Target[],
  fn: (c: Customer) => Customer,
  now = Date.now(),
  opts: { existing?: boolean } = {},
): Promise<{ records: Map<string, Customer>; changed: string[] }> {
  const byKey = new Map<string, Target>();
  for (const t of targets) byKey.set(targetKey(t), t);
  const records = new Map<string, Customer>();
  const changed: string[] = [];
  await writeTx((s, guard) => {
    for (const [key, t] of byKey) {
      const req = s.get(key);
      req.onsuccess = guard(() => {
        const raw = req.result as unknown;
        if (raw === undefined && opts.existing) return;
        const old = raw === undefined ? newCustomer(t.platform, t.nickname, now, t.buyerId) : migrateCustomer(raw, now, fromV0);
        // An id-keyed buyer shown under another name now: the record follows the console.
        const next = fn(t.buyerId ? renameCustomer(old, t.nickname, now) : old);
        records.set(key, next);
        if (next !== old || !isCurrent(raw)) {
          s.put(next, key);
          changed.push(key);
        }
      });
    }
  });
  await noteLocalChange('customers', changed);
  return { records, changed };
}

/** One buyer's read-modify-write (see updateCustomers). */
export async function updateCustomer(target: Target, fn: (c: Customer) => Customer, now = Date.now()): Promise<{ customer: Customer; changed: boolean }> {
  const { records, changed } = await updateCustomers([target], fn, now);
  return { customer: records.get(targetKey(target))!, changed: changed.length > 0 };
}

/**
 * Changes a stored buyer only, as the options page edits one: a buyer deleted meanwhile (another
 * tab, the retention period) is not brought back by the edit. null: no such buyer.
 */
export async function editStoredCustomer(target: Target, fn: (c: Customer) => Customer, now = Date.now()): Promise<{ customer: Customer | null; changed: boolean }> {
  const { records, changed } = await updateCustomers([target], fn, now, { existing: true });
  return { customer: records.get(targetKey(target)) ?? null, changed: changed.length > 0 };
}

// ---- buyer identity: joining a name to a console id ----------------------------------------------

/** `${key}\u0000${nickname}` pairs identified since the worker started: a conversation switch back costs nothing. */
const identified = new Set<string>();

export interface Identified {
  /** The id-keyed record took over the nickname-only record (notes and history kept). */
  adopted: boolean;
  /** The stored name changed to the one the console shows now. */
  renamed: boolean;
}

/** A buyer the console shows with an id: both normalised, as they key records and claims. */
interface ShownWithId {
  platform: Platform;
  id: string;
  nickname: string;
}

function shownWithId(target: Target): ShownWithId | null {
  const id = target.buyerId ? normaliseBuyerId(target.buyerId) : null;
  const nickname = normaliseNickname(target.nickname);
  return id && nickname ? { platform: target.platform, id, nickname } : null;
}

/**
 * How a buyer shown with an id joins the stored records (README.md, "Buyer identity"), decided here
 * only: identifyBuyer carries the answer out in one transaction, previewBuyer returns the record it
 * would give without writing. From the id's own record (`mine`, null when it has none):
 * - `own`: the id has a record; it follows the name shown now (`renamedFrom`: the name it had);
 * - `none`: it has none, and the name is masked: such a name hands no record over;
 * - `byName`: it has none: the nickname-only record under `nameKey` becomes the id's (`take`) when
 *   there is one and `allowed` by the name's claims (no other id has claimed it). The claims and
 *   that record are read only when this is the answer.
 */
type Join =
  | { kind: 'own'; record: Customer; renamedFrom: string | null }
  | { kind: 'none' }
  | { kind: 'byName'; nameKey: string; allowed(claims: readonly string[]): boolean; take(byName: Customer): Customer };

function joinOf(shown: ShownWithId, mine: Customer | null, now: number): Join {
  const { platform, id, nickname } = shown;
  if (mine) {
    const record = renameCustomer(mine, nickname, now);
    return { kind: 'own', record, renamedFrom: record === mine ? null : mine.nickname };
  }
  if (isMaskedNickname(nickname)) return { kind: 'none' };
  return {
    kind: 'byName',
    nameKey: nicknameKey(platform, nickname),
    allowed: (claims) => claims.every((x) => x === id),
    take: (byName) => adoptUnderId(byName, id, nickname, now),
  };
}

/**
 * The console shows buyer `buyerId` named `nickname`: carries out joinOf in one transaction, so the
 * notes are never in two places or none — renames the id's record whose name changed or, the first
 * time this id is seen, lets it take over the nickname-only record of that name. Records the name
 * claim (an unmasked name only) and moves it from a former name.
 */
export async function identifyBuyer(target: Target, now = Date.now()): Promise<Identified> {
  const result: Identified = { adopted: false, renamed: false };
  const shown = shownWithId(target);
  if (!shown) return result;
  const { id, nickname } = shown;
  const key = customerKey(target.platform, nickname, id);
  const memo = `${key}\u0000${nickname}`;
  if (identified.has(memo)) return result;
  const nameKey = nicknameKey(target.platform, nickname);
  // Read before the transaction, which spans the customers store only.
  const claims = await claimsOf(nameKey);
  let oldName = null as string | null;
  await writeTx((s, guard) => {
    const mine = s.get(key);
    mine.onsuccess = guard(() => {
      const join = joinOf(shown, mine.result === undefined ? null : migrateCustomer(mine.result, now, fromV0), now);
      if (join.kind === 'own') {
        if (join.renamedFrom !== null || !isCurrent(mine.result)) s.put(join.record, key);
        if (join.renamedFrom !== null) {
          oldName = join.renamedFrom;
          result.renamed = true;
        }
        return;
      }
      if (join.kind === 'none' || !join.allowed(claims)) return;
      const byName = s.get(join.nameKey);
      byName.onsuccess = guard(() => {
        if (byName.result === undefined) return;
        s.put(join.take(migrateCustomer(byName.result, now, fromV0)), key);
        s.delete(join.nameKey);
        result.adopted = true;
      });
    });
  });
  if (!isMaskedNickname(nickname)) await addClaims([{ nameKey, id }]);
  if (oldName) await dropClaims([{ nameKey: nicknameKey(target.platform, oldName), id }]);
  identified.add(memo);
  return result;
}

/**
 * What getCustomer answers for `target` once identifyBuyer has run, read without writing anything
 * (the card reads the buyers a chat page lists ahead; the agent has not opened them): joinOf's
 * answer, reading only what it asks for.
 */
export async function previewBuyer(target: Target, now = Date.now()): Promise<Customer | null> {
  const mine = await getCustomer(targetKey(target), now);
  const shown = shownWithId(target);
  if (!shown) return mine;
  const join = joinOf(shown, mine, now);
  if (join.kind === 'own') return join.record;
  if (join.kind === 'none' || !join.allowed(await claimsOf(join.nameKey))) return null;
  const byName = await getCustomer(join.nameKey, now);
  return byName && join.take(byName);
}

/**
 * Where a buyer seen by name only (an order row, a remark, a follow-up from an order) belongs: the
 * id-keyed record when exactly one console id has claimed this unmasked name, else the
 * nickname-only record. A masked name never picks an id: it is shared by many buyers.
 */
export async function resolveByName(targets: readonly Target[]): Promise<Target[]> {
  const open = targets.filter((t) => !t.buyerId && !isMaskedNickname(normaliseNickname(t.nickname)));
  if (!open.length) return [...targets];
  const claims = await claimsOfAll(open.map((t) => nicknameKey(t.platform, t.nickname)));
  const found = new Map(open.map((t, i) => [t, claims[i]!.length === 1 ? claims[i]![0]! : null]));
  return targets.map((t) => {
    const id = found.get(t);
    return id ? { ...t, buyerId: id } : t;
  });
}

// ---- an old record under the same name, attached on the agent's word ----------------------------

/** The open buyer, named by the console's id and shown name. */
type IdTarget = Target & { buyerId: string };

/**
 * The nickname-only record the card may offer to attach to this id-keyed buyer (offersOldRecord:
 * same platform and name, not dismissed for this buyer), or null.
 */
export async function oldRecordFor(target: IdTarget, now = Date.now()): Promise<Customer | null> {
  const nameKey = nicknameKey(target.platform, target.nickname);
  const [old, notSame] = await Promise.all([getCustomer(nameKey, now), notSameAs(targetKey(target))]);
  return offersOldRecord(target, old, notSame) ? old : null;
}

/**
 * The agent confirmed the old record is this buyer: in one transaction, the id's record becomes the
 * join of both (attachOldRecord) and the nickname-only record is deleted, so the notes are never in
 * two places or none. An unmasked name is claimed by the id (as identifyBuyer would). `attached`
 * false: there was no such record any more (another tab attached it, or it was deleted).
 */
export async function attachOldRecordStored(target: IdTarget, now = Date.now()): Promise<{ customer: Customer | null; attached: boolean }> {
  const key = targetKey(target);
  const nameKey = nicknameKey(target.platform, target.nickname);
  let customer: Customer | null = null;
  let attached = false;
  await writeTx((s, guard) => {
    const mine = s.get(key);
    const byName = s.get(nameKey);
    byName.onsuccess = guard(() => {
      const current = readStored(mine.result, now);
      customer = current;
      const old = readStored(byName.result, now);
      if (!old || !offersOldRecord(target, old, [])) return;
      customer = workerExtras().customers.attachOldRecord(current, old, target, now);
      s.put(customer, key);
      s.delete(nameKey);
      attached = true;
    });
  });
  if (attached && customer) {
    await addClaims(claimOf(customer));
    await noteLocalChange('customers', [key]);
  }
  return { customer, attached };
}

/** The agent said the old record under this name is someone else: not offered to this buyer again. */
export async function dismissOldRecord(target: IdTarget): Promise<void> {
  await addNotSame(targetKey(target), nicknameKey(target.platform, target.nickname));
}

/** Forgets what identifyBuyer remembered (tests; a restore or delete-all replaces the stores). */
export function forgetIdentified(): void {
  identified.clear();
}

/** The stores were replaced wholesale (a backup restored): check the shape again, forget the memo. */
export function customersReplaced(): void {
  identified.clear();
  ready = null;
}

/**
 * Moves lastSeenAt forward for an existing buyer (the chat was opened); creates nothing. Not
 * announced: only retention reads it.
 */
export async function touchCustomer(key: string, now = Date.now()): Promise<void> {
  await tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    const req = s.get(key);
    req.onsuccess = () => {
      const c = readStored(req.result, now);
      if (c && now > c.lastSeenAt) s.put({ ...c, lastSeenAt: now }, key);
    };
    return done;
  });
}

let counted: [at: number, n: number] | undefined;
let changedElsewhere = 0;

/** A change of the buyers announced: the team page's writes are not counted by this worker's storeGeneration. */
export const customersChangedElsewhere = () => void changedElsewhere++;

/**
 * How many buyers are stored. IndexedDB counts by walking every record (16 ms at 10,000, where a
 * page of 100 takes 5): kept until a write to the store here or a change announced from elsewhere,
 * so 客户档案's searches and segment lists, whose first calls all ask, count once.
 */
export async function countCustomers(): Promise<number> {
  const at = storeGeneration(NAME) + changedElsewhere;
  if (counted?.[0] === at) return counted[1];
  const n = await tx('readonly', (s) => promisifyRequest(s.count()));
  // A write that began or ended while counting: not kept.
  if (at === storeGeneration(NAME) + changedElsewhere) counted = [at, n];
  return n;
}

export interface ScanOptions {
  /** Start after this key (exclusive); absent = from the first key. */
  after?: string;
  /** Matches to return at most. */
  limit: number;
  /** Records to look at, at most, before returning what was found (bounded work per call). */
  maxScan?: number;
  filter?: (c: Customer) => boolean;
}

export interface ScanPage {
  items: Customer[];
  /** Key to pass as `after` for the next page, or null when the store was read to the end. */
  next: string | null;
  /** Damaged records skipped on this page. */
  skipped: number;
}

/** Walks the store in key order with a cursor, keeping matches, until `limit` or `maxScan`. */
export async function scanCustomers(opts: ScanOptions, now = Date.now()): Promise<ScanPage> {
  const range = opts.after !== undefined ? IDBKeyRange.lowerBound(opts.after, true) : undefined;
  const maxScan = opts.maxScan ?? Infinity;
  return tx('readonly', (s) => {
    return new Promise<ScanPage>((resolve, reject) => {
      const items: Customer[] = [];
      let scanned = 0;
      let skipped = 0;
      let lastKey: string | null = null;
      const req = s.openCursor(range);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) {
          resolve({ items, next: null, skipped });
          return;
        }
        lastKey = String(cursor.key);
        scanned++;
        const c = readStored(cursor.value, now);
        if (!c) skipped++;
        else if (!opts.filter || opts.filter(c)) items.push(c);
        if (items.length >= opts.limit || scanned >= maxScan) {
          resolve({ items, next: lastKey, skipped });
          return;
        }
        cursor.continue();
      };
    });
  });
}

/**
 * Imported records put where the panel's identity step would put the buyer (joinImported): one whose
 * name a single console id has claimed here joins that id's record instead of adding a second.
 */
export async function underClaimedIds(list: readonly Customer[], now = Date.now()): Promise<Customer[]> {
  return workerExtras().customers.joinImported(list, (await resolveByName(list)).map((t) => t.buyerId), now);
}

/**
 * Writes imported (already validated) records, merged with what is stored, in one transaction:
 * a failure part-way (quota) leaves the store as it was. Returns how many records were written.
 */
export interface ImportCounts {
  added: number;
  updated: number;
  /** Already here as in the file, or here newer: nothing written for them. */
  unchanged: number;
}

/**
 * Merges imported records into those here (the newer edit wins, histories join), in one
 * transaction, writing only the records that change. `dryRun`: counts only, nothing written (the
 * import asks first whether there is anything to back up). `written` gets the records as written.
 */
export async function importCustomerRecords(list: readonly Customer[], now = Date.now(), dryRun = false, written?: Customer[]): Promise<ImportCounts> {
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  const writtenKeys: string[] = [];
  // The field-by-field merge is pure and runs only here (imports, a team pull): in worker-extras.js.
  const mergeCustomer = workerExtras().customers.merge;
  // A dry run reads in the same kind of transaction and writes nothing.
  await writeTx((s, guard) =>
    getEach(
      s,
      list.map((c) => c.key),
      (i, raw) => {
        const c = list[i]!;
        const old = readStored(raw, now);
        const next = old ? mergeCustomer(old, c) : c;
        // The stored record put through the same merge, so key order and derived fields compare alike.
        if (old && JSON.stringify(next) === JSON.stringify(mergeCustomer(old, old))) return void counts.unchanged++;
        counts[old ? 'updated' : 'added']++;
        writtenKeys.push(c.key);
        written?.push(next);
        if (!dryRun) s.put(next, c.key);
      },
      guard,
    ),
  );
  if (dryRun) return counts;
  await addClaims(list.flatMap((c) => claimOf(c)));
  await noteLocalChange('customers', writtenKeys);
  return counts;
}

/**
 * Team mode: keeps notices of this machine's text a colleague's concurrent edit replaced
 * (Customer.replaced) on the stored records, after the import's merge (which does not carry them:
 * the merge is the background's too, and its size is budgeted). Used by the team page only.
 */
export async function noteReplacedText(list: readonly Customer[]): Promise<void> {
  await writeTx((s, guard) => {
    for (const c of list) {
      if (!c.replaced) continue;
      const req = s.get(c.key);
      req.onsuccess = guard(() => {
        const old = readStored(req.result, Date.now());
        if (old) s.put({ ...old, replaced: { ...old.replaced, ...c.replaced } }, c.key);
      });
    }
  });
}

/** The name claim an id-keyed record stands for (none for nickname-only records and masked names). */
function claimOf(c: Customer): { nameKey: string; id: string }[] {
  return c.buyerId && !isMaskedNickname(c.nickname) ? [{ nameKey: nicknameKey(c.platform, c.nickname), id: c.buyerId }] : [];
}

/**
 * The keys of the 'buyer-names' store an id-keyed buyer holds: the claim of their name, and the old
 * records the agent said are not them (kept under the buyer's key). None for a nickname-only buyer.
 */
export function claimKeys(c: Pick<Customer, 'platform' | 'nickname' | 'buyerId'>, key: string): string[] {
  return c.buyerId ? [nicknameKey(c.platform, c.nickname), key] : [];
}

/**
 * Deletes buyers, each unless `keep` (given the stored record) says to keep it, in one
 * transaction. For an id-keyed buyer the claims of their name go too (the name is buyer data), and
 * their "not the same buyer" answers; returns the deleted keys, and those keys of the 'buyer-names'
 * store so backups can be scrubbed of them as well.
 */
async function deleteStored(keys: readonly string[], keep: (c: Customer | null, key: string) => boolean): Promise<{ deleted: string[]; nameKeys: string[] }> {
  const deleted: string[] = [];
  const nameKeys: string[] = [];
  await tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    for (const key of keys) {
      const req = s.get(key);
      req.onsuccess = () => {
        if (req.result === undefined) return;
        const c = readStored(req.result, Date.now());
        if (keep(c, key)) return;
        if (c) nameKeys.push(...claimKeys(c, key));
        s.delete(key);
        deleted.push(key);
      };
    }
    return done;
  });
  await dropNames(nameKeys);
  identified.clear();
  return { deleted, nameKeys };
}

/** The user deleted one buyer (see deleteStored); in team mode the team's copies are deleted too. */
export async function deleteCustomer(key: string): Promise<{ deleted: boolean; nameKeys: string[] }> {
  const { deleted, nameKeys } = await deleteStored([key], () => false);
  await noteLocalChange('deleted-customers', deleted);
  return { deleted: deleted.length > 0, nameKeys };
}

/** Which stored records a team deletion covers: those made by its time (a record made since is a new one: the buyer came back). */
function coveredBy(list: readonly { key: string; at: number }[]): (c: Customer | null, key: string) => boolean {
  const at = new Map(list.map((d) => [d.key, d.at]));
  return (c, key) => at.has(key) && (!c || c.createdAt <= at.get(key)!);
}

/** The records a deletion the team made on another machine covers (read before dropTeamDeletedCustomers: who they were). */
export async function teamDeletedCustomers(list: readonly { key: string; at: number }[]): Promise<Customer[]> {
  const covered = coveredBy(list);
  const out: Customer[] = [];
  for (const { key } of list) {
    const c = await getCustomer(key);
    if (c && covered(c, key)) out.push(c);
  }
  return out;
}

/**
 * The team deleted these buyers on another machine: each record made by then goes (coveredBy).
 * Not reported: the deletion came from the team.
 */
export async function dropTeamDeletedCustomers(list: readonly { key: string; at: number }[]): Promise<string[]> {
  const covered = coveredBy(list);
  return (await deleteStored(list.map((d) => d.key), (c, key) => !covered(c, key))).deleted;
}

/**
 * Deletes every buyer (and every name claim); returns how many buyers there were. `teamToo`: the
 * user's 全部删除, which in team mode deletes the team's copies of these buyers too (a restore that
 * replaces the stores does not).
 */
export async function deleteAllCustomers(opts: { teamToo?: boolean } = {}): Promise<number> {
  let keys: string[] = [];
  await tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    const req = s.getAllKeys();
    req.onsuccess = () => {
      keys = req.result.map(String);
      s.clear();
    };
    return done;
  });
  await clearClaims();
  identified.clear();
  if (opts.teamToo) await noteLocalChange('deleted-customers', keys);
  return keys.length;
}

const BATCH = 2000;

/** Reads the store in key order, BATCH records per readonly transaction (bounded memory). */
async function* batches(now: number): AsyncGenerator<{ key: string; raw: unknown; customer: Customer | null }[]> {
  let after: string | undefined;
  for (;;) {
    const range = after !== undefined ? IDBKeyRange.lowerBound(after, true) : undefined;
    const batch = await tx('readonly', async (s) => {
      const [keys, values] = await Promise.all([promisifyRequest(s.getAllKeys(range, BATCH)), promisifyRequest(s.getAll(range, BATCH))]);
      return keys.map((k, i) => ({ key: String(k), raw: values[i] as unknown, customer: readStored(values[i], now) }));
    });
    if (!batch.length) return;
    yield batch;
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1]!.key;
  }
}

/** The keys of a batch's readable records that the retention period `days` removes. */
function expiredIn(batch: { key: string; customer: Customer | null }[], now: number, days: number): string[] {
  return retentionPurge(batch.flatMap((b) => (b.customer && b.customer.key === b.key ? [b.customer] : [])), now, days);
}

/** How many buyers purgeExpiredCustomers(now, days) would delete (the options page asks before a shorter period is saved). */
export async function countExpiredCustomers(now: number, days: number): Promise<number> {
  let n = 0;
  if (days > 0) for await (const batch of batches(now)) n += expiredIn(batch, now, days).length;
  return n;
}

/**
 * Deletes buyers neither edited nor seen for `days` (0 = keep forever). Each candidate is checked
 * again inside the deleting transaction, so a buyer edited meanwhile is kept. Returns the purged
 * records (who they were, for what else holds them: lib/domain/customers/forget.ts) and the keys of the name claims dropped with them (to leave the backups too, as
 * deleteCustomer's do).
 */
export async function purgeExpiredCustomers(now: number, days: number): Promise<{ buyers: Customer[]; nameKeys: string[] }> {
  const buyers: Customer[] = [];
  const names: string[] = [];
  if (!Number.isFinite(days) || days <= 0) return { buyers, nameKeys: names };
  for await (const batch of batches(now)) {
    const expired = expiredIn(batch, now, days);
    if (!expired.length) continue;
    await tx('readwrite', (s) => {
      const done = promisifyRequest(s.transaction);
      for (const key of expired) {
        const req = s.get(key);
        req.onsuccess = () => {
          const c = readStored(req.result, now);
          if (c && retentionPurge([c], now, days).length) {
            s.delete(key);
            buyers.push(c);
            names.push(...claimKeys(c, key));
          }
        };
      }
      return done;
    });
  }
  await dropNames(names);
  identified.clear();
  return { buyers, nameKeys: names };
}

/**
 * Rewrites every readable buyer that `edit` changes (null: leave it), a batch per transaction, each
 * record read again inside the writing one so an edit made meanwhile is kept. `updatedAt` stays: a
 * correction of the stored text, not the agent's edit (the retention period counts from the agent's
 * last edit). The rewritten keys are reported like any write (in team mode they go up: the profile
 * as this machine stores it, with its field times, lib/team/docs.ts maskedBuyerBody). Returns how
 * many were rewritten. Safe to run again after a stop half-way when `edit` is idempotent.
 */
export async function rewriteStoredCustomers(edit: (c: Customer) => Customer | null, now = Date.now()): Promise<number> {
  let n = 0;
  for await (const batch of batches(now)) {
    const keys = batch.filter((b) => b.customer && b.customer.key === b.key && edit(b.customer)).map((b) => b.key);
    if (!keys.length) continue;
    const written: string[] = [];
    await tx('readwrite', (s) => {
      const done = promisifyRequest(s.transaction);
      for (const key of keys) {
        const req = s.get(key);
        req.onsuccess = () => {
          const c = readStored(req.result, now);
          const next = c && c.key === key ? edit(c) : null;
          if (next) s.put(next, key), written.push(key);
        };
      }
      return done;
    });
    n += written.length;
    await noteLocalChange('customers', written);
  }
  return n;
}

const SCHEMA_KEY = 'customers:schema';
let ready: Promise<void> | null = null;

/**
 * Once per worker start: when the store was last upgraded by an older version, every record is
 * rewritten in the current shape under its current key first (upgradeStoredCustomers). Reads
 * would migrate a record anyway, but a record whose key changed (a v1 name with a BOM) can only be
 * found, and joined to a console id, at its new key. Every customers handler awaits this.
 */
export function customersReady(): Promise<void> {
  ready ??= (async () => {
    if ((await db.get<number>('meta', SCHEMA_KEY)) === CUSTOMER_VERSION) return;
    await upgradeStoredCustomers();
    await db.set('meta', SCHEMA_KEY, CUSTOMER_VERSION);
  })().catch((err) => {
    ready = null; // try again on the next call; reads still migrate record by record meanwhile
    console.warn('[kf] customer upgrade failed', err);
  });
  return ready;
}

/**
 * Rewrites every record that is not current (v0 prototype records) as a current record under its
 * proper key, merged with a record already there. Unreadable records are left untouched.
 * Returns how many records were rewritten.
 */
export async function upgradeStoredCustomers(now = Date.now()): Promise<number> {
  let rewritten = 0;
  for await (const batch of batches(now)) {
    const stale = batch.filter((b) => b.customer && !(isCurrent(b.raw) && b.customer.key === b.key)).map((b) => b.key);
    if (!stale.length) continue;
    await tx('readwrite', (s) => {
      const done = promisifyRequest(s.transaction);
      for (const key of stale) {
        const req = s.get(key);
        req.onsuccess = () => {
          const c = readStored(req.result, now);
          if (!c || (isCurrent(req.result) && c.key === key)) return;
          const there = s.get(c.key);
          there.onsuccess = () => {
            const existing = c.key === key ? null : readStored(there.result, now);
            if (c.key !== key) s.delete(key);
            // Two old keys that are one buyer now (a name with and without a BOM): keep both texts.
            // The join is worker-extras.js's (attach.ts uses it too): only such a rare pair needs it.
            s.put(existing ? workerExtras().customers.combine(existing, c) : c, c.key);
            rewritten++;
          };
        };
      }
      return done;
    });
  }
  return rewritten;
}
