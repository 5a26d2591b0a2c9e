import { createStore, get, set, del, update, keys, values, entries, clear, setMany, delMany, getMany, promisifyRequest, type UseStore } from 'idb-keyval';

/** Names of the IndexedDB databases in the extension origin. */
export const STORE_NAMES = ['library', 'customers', 'buyer-names', 'followups', 'meta', 'learned', 'backups'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

const opened = new Map<StoreName, UseStore>();

export function store(name: StoreName): UseStore {
  let s = opened.get(name);
  if (!s) {
    s = createStore(`kf-${name}`, 'kv');
    opened.set(name, s);
  }
  return s;
}

/** 'busy': a whole-data verb refused after waiting for stuck work (lib/messaging/turn.ts). */
export type StorageErrorCode = 'quota' | 'aborted' | 'unknown' | 'busy' | 'waiting' | 'deleted';

/** A storage failure the UI can explain ("the disk is full — your text was kept"). */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const name = (err as { name?: string } | null)?.name ?? '';
  const message = (err as { message?: string } | null)?.message ?? String(err);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return new StorageError('quota', message);
  if (name === 'AbortError' || /abort/i.test(message)) return new StorageError('aborted', message);
  return new StorageError('unknown', message);
}

async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (err) {
    throw toStorageError(err);
  }
}

const generations = new Map<StoreName, number>();

/**
 * How many writes to `name` began or ended in this context: a cache of something read from a store
 * (the worker's library, lib/messaging/handlers/core.ts) is current while this is what it was when
 * the read began. Writes through `db` count (the library store is written through nothing else), so
 * no write path — an edit, an import, a restore, a team pull, delete-all — can forget to invalidate;
 * each counts at the call and again at its end, so a read that overlapped a write is never current.
 */
export function storeGeneration(name: StoreName): number {
  return generations.get(name) ?? 0;
}

const bump = (name: StoreName) => generations.set(name, storeGeneration(name) + 1);

/** Runs a write to `name` counted by storeGeneration (`db`'s writes, and a store's own readwrite transactions). */
export async function writing<T>(name: StoreName, op: () => Promise<T>): Promise<T> {
  bump(name);
  try {
    return await op();
  } finally {
    bump(name);
  }
}

const write = <T>(name: StoreName, op: () => Promise<T>) => writing(name, () => guard(op));

export const db = {
  get: <T>(name: StoreName, key: string) => guard(() => get<T>(key, store(name))),
  getMany: <T>(name: StoreName, ks: string[]) => guard(() => getMany<T>(ks, store(name))),
  set: (name: StoreName, key: string, value: unknown) => write(name, () => set(key, value, store(name))),
  setMany: (name: StoreName, items: [string, unknown][]) => write(name, () => setMany(items, store(name))),
  del: (name: StoreName, key: string) => write(name, () => del(key, store(name))),
  delMany: (name: StoreName, ks: string[]) => write(name, () => delMany(ks, store(name))),
  /** Atomic read-modify-write in one readwrite transaction. `fn` must be synchronous. */
  update: <T>(name: StoreName, key: string, fn: (old: T | undefined) => T) =>
    write(name, () => update<T>(key, fn, store(name))),
  keys: (name: StoreName) => guard(() => keys<string>(store(name))),
  values: <T>(name: StoreName) => guard(() => values<T>(store(name))),
  entries: <T>(name: StoreName) => guard(() => entries<string, T>(store(name))),
  clear: (name: StoreName) => write(name, () => clear(store(name))),
  /**
   * The store's records become `items`, in one transaction: a failed write (a full disk) leaves the
   * store as it was, never emptied or half written (a restore, an import put back).
   */
  replace: (name: StoreName, items: readonly [string, unknown][]) =>
    write(name, () =>
      store(name)('readwrite', (s) => {
        try {
          s.clear();
          for (const [k, v] of items) s.put(v, k);
        } catch (err) {
          s.transaction.abort();
          throw err;
        }
        return promisifyRequest(s.transaction);
      }),
    ),
};

/** From this many keys on, getEach lists the keys present before reading any. */
const LIST_KEYS_FROM = 64;

/**
 * Reads `keys` in `s`'s transaction, calling `each(i, value)` for keys[i] (undefined: no such
 * record) from request callbacks (wrapped by `wrap`), so `each` may write in the same transaction.
 * Many keys: the keys present between the lowest and the highest are listed in one request and only
 * those read — an import into an emptied store asked for each of its 100,000 absent buyers (and
 * their names' claims) one request at a time.
 */
export function getEach(s: IDBObjectStore, keys: readonly string[], each: (i: number, value: unknown) => void, wrap = (fn: () => void) => fn): void {
  const read = (i: number) => {
    const req = s.get(keys[i]!);
    req.onsuccess = wrap(() => each(i, req.result));
  };
  if (keys.length < LIST_KEYS_FROM) return keys.forEach((_, i) => read(i));
  // IndexedDB orders string keys as JavaScript compares them (by UTF-16 code units).
  let [lo, hi] = [keys[0]!, keys[0]!];
  for (const k of keys) [lo, hi] = [k < lo ? k : lo, k > hi ? k : hi];
  const listed = s.getAllKeys(IDBKeyRange.bound(lo, hi));
  listed.onsuccess = wrap(() => {
    const here = new Set(listed.result);
    keys.forEach((k, i) => (here.has(k) ? read(i) : each(i, undefined)));
  });
}
