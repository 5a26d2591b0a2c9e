/**
 * Buyer notes (store 'customers', key `${platform}:${nickname}`), one versioned record per buyer.
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
import { store, toStorageError } from './db';
import {
  CUSTOMER_VERSION,
  CustomerRecordError,
  customerKey,
  mergeCustomer,
  migrateCustomer,
  newCustomer,
  retentionPurge,
  type Customer,
} from '../domain/customers';
import type { Platform } from '../sites/types';

const NAME = 'customers' as const;

/** Runs `fn` in one transaction on the customers store; failures become StorageError. */
async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => Promise<T>): Promise<T> {
  try {
    return await store(NAME)(mode, fn);
  } catch (err) {
    if (err instanceof CustomerRecordError) throw err;
    throw toStorageError(err);
  }
}

/** A stored value → current record, or null when it is damaged beyond use. */
export function readStored(raw: unknown, now: number): Customer | null {
  if (raw === undefined || raw === null) return null;
  try {
    return migrateCustomer(raw, now);
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
}

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
): Promise<{ records: Map<string, Customer>; changed: string[] }> {
  const byKey = new Map<string, Target>();
  for (const t of targets) byKey.set(customerKey(t.platform, t.nickname), t);
  const records = new Map<string, Customer>();
  const changed: string[] = [];
  await tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    let failure: unknown = null;
    for (const [key, t] of byKey) {
      const req = s.get(key);
      req.onsuccess = () => {
        try {
          const raw = req.result as unknown;
          const old = raw === undefined ? newCustomer(t.platform, t.nickname, now) : migrateCustomer(raw, now);
          const next = fn(old);
          records.set(key, next);
          if (next !== old || !isCurrent(raw)) {
            s.put(next, key);
            changed.push(key);
          }
        } catch (err) {
          s.transaction.abort();
          failure = err;
        }
      };
    }
    return done.then(
      () => undefined,
      (err) => {
        throw failure ?? err;
      },
    );
  });
  return { records, changed };
}

/** One buyer's read-modify-write (see updateCustomers). */
export async function updateCustomer(target: Target, fn: (c: Customer) => Customer, now = Date.now()): Promise<{ customer: Customer; changed: boolean }> {
  const { records, changed } = await updateCustomers([target], fn, now);
  const key = customerKey(target.platform, target.nickname);
  return { customer: records.get(key)!, changed: changed.length > 0 };
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

export async function countCustomers(): Promise<number> {
  return tx('readonly', (s) => promisifyRequest(s.count()));
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
 * Writes imported (already validated) records, merged with what is stored, in one transaction:
 * a failure part-way (quota) leaves the store as it was. Returns how many records were written.
 */
export async function importCustomerRecords(list: readonly Customer[], now = Date.now()): Promise<number> {
  let written = 0;
  await tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    let failure: unknown = null;
    for (const c of list) {
      const req = s.get(c.key);
      req.onsuccess = () => {
        try {
          const old = readStored(req.result, now);
          const next = old ? mergeCustomer(old, c) : c;
          if (next !== old) {
            s.put(next, c.key);
            written++;
          }
        } catch (err) {
          failure = err;
          s.transaction.abort();
        }
      };
    }
    return done.then(
      () => undefined,
      (err) => {
        throw failure ?? err;
      },
    );
  });
  return written;
}

export async function deleteCustomer(key: string): Promise<boolean> {
  let had = false;
  await tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    const req = s.count(key);
    req.onsuccess = () => {
      had = req.result > 0;
      if (had) s.delete(key);
    };
    return done;
  });
  return had;
}

/** Deletes every buyer; returns how many there were. */
export async function deleteAllCustomers(): Promise<number> {
  let n = 0;
  await tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    const req = s.count();
    req.onsuccess = () => {
      n = req.result;
      s.clear();
    };
    return done;
  });
  return n;
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

/**
 * Deletes buyers neither edited nor seen for `days` (0 = keep forever). Each candidate is checked
 * again inside the deleting transaction, so a buyer edited meanwhile is kept. Returns the purged keys.
 */
export async function purgeExpiredCustomers(now: number, days: number): Promise<string[]> {
  if (!Number.isFinite(days) || days <= 0) return [];
  const purged: string[] = [];
  for await (const batch of batches(now)) {
    const live = batch.flatMap((b) => (b.customer && b.customer.key === b.key ? [b.customer] : []));
    const expired = retentionPurge(live, now, days);
    if (!expired.length) continue;
    await tx('readwrite', (s) => {
      const done = promisifyRequest(s.transaction);
      for (const key of expired) {
        const req = s.get(key);
        req.onsuccess = () => {
          const c = readStored(req.result, now);
          if (c && retentionPurge([c], now, days).length) {
            s.delete(key);
            purged.push(key);
          }
        };
      }
      return done;
    });
  }
  return purged;
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
            s.put(existing ? mergeCustomer(existing, c) : c, c.key);
            rewritten++;
          };
        };
      }
      return done;
    });
  }
  return rewritten;
}
