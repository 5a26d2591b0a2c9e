/**
 * Name claims (store 'buyer-names'): for an unmasked nickname on a platform (key
 * `${platform}:${nickname}`, the nickname-only key), the console ids that were shown with that name.
 * Derived data: it only decides where a buyer seen by name alone belongs (resolveByName) and whether
 * an id may take over a nickname-only record (identifyBuyer), see lib/domain/customers/README.md.
 * Masked names are never claimed. Snapshots carry this store with the customers, so a restore
 * restores both; deleting a buyer drops the claims of their name.
 */
import { promisifyRequest } from 'idb-keyval';
import { getEach, store, toStorageError } from './db';

const NAME = 'buyer-names' as const;
/** More ids than this under one unmasked name changes nothing (two already make it ambiguous). */
const IDS_MAX = 8;

interface Claims {
  v: 1;
  ids: string[];
}

function idsOf(raw: unknown): string[] {
  const ids = (raw as Partial<Claims> | undefined)?.ids;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => Promise<T>): Promise<T> {
  try {
    return await store(NAME)(mode, fn);
  } catch (err) {
    throw toStorageError(err);
  }
}

/** The ids shown with this name so far (the key is nicknameKey(platform, name)). */
export async function claimsOf(nameKey: string): Promise<string[]> {
  return idsOf(await tx('readonly', (s) => promisifyRequest(s.get(nameKey))));
}

/**
 * claimsOf for many names, read in one transaction (an import asks for every buyer in the file: one
 * transaction per name, 100,000 at once, kept the worker busy for many minutes in Chromium).
 */
export async function claimsOfAll(nameKeys: readonly string[]): Promise<string[][]> {
  if (!nameKeys.length) return [];
  return tx('readonly', (s) => {
    const out: string[][] = new Array(nameKeys.length);
    getEach(s, nameKeys, (i, v) => void (out[i] = idsOf(v)));
    return promisifyRequest(s.transaction).then(() => out);
  });
}

function change(list: readonly { nameKey: string; id: string }[], edit: (ids: string[], id: string) => string[]): Promise<void> {
  if (!list.length) return Promise.resolve();
  return tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    // One read per name: two of its ids in one call (two buyers of one name in an import) read the
    // same record before either was written, and the second put left only its own id.
    const ids = new Map<string, string[]>();
    for (const { nameKey, id } of list) ids.set(nameKey, [...(ids.get(nameKey) ?? []), id]);
    const keys = [...ids.keys()];
    getEach(s, keys, (i, v) => {
      const nameKey = keys[i]!;
      const before = idsOf(v);
      const after = ids.get(nameKey)!.reduce(edit, before);
      if (after.length === before.length && after.every((x, i) => x === before[i])) return;
      if (after.length) s.put({ v: 1, ids: after } satisfies Claims, nameKey);
      else s.delete(nameKey);
    });
    return done;
  });
}

export function addClaims(list: readonly { nameKey: string; id: string }[]): Promise<void> {
  return change(list, (ids, id) => (ids.includes(id) || ids.length >= IDS_MAX ? ids : [...ids, id]));
}

export function dropClaims(list: readonly { nameKey: string; id: string }[]): Promise<void> {
  return change(list, (ids, id) => ids.filter((x) => x !== id));
}

/** Drops every claim of these names (a buyer of that name was deleted). */
export async function dropNames(nameKeys: readonly string[]): Promise<void> {
  if (!nameKeys.length) return;
  await tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    for (const k of nameKeys) s.delete(k);
    return done;
  });
}

export async function clearClaims(): Promise<void> {
  await tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    s.clear();
    return done;
  });
}

// ---- "not the same buyer": the agent's answer to an offered old record -------------------------

/**
 * Kept in this store under the id-keyed buyer's own key (`${platform}#${id}`, which no name key
 * can equal): the nickname keys whose nickname-only record the agent said is someone else, so the
 * card does not offer it again. Dropped with the buyer (deleteCustomer) and with delete-all.
 */
interface NotSame {
  v: 1;
  notSame: string[];
}

/** Dismissals kept per buyer, at most (the oldest go first). */
const NOT_SAME_MAX = 50;

function notSameOf(raw: unknown): string[] {
  const list = (raw as Partial<NotSame> | undefined)?.notSame;
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
}

/** The name keys the agent said are not buyer `idKey`. */
export async function notSameAs(idKey: string): Promise<string[]> {
  return notSameOf(await tx('readonly', (s) => promisifyRequest(s.get(idKey))));
}

export function addNotSame(idKey: string, nameKey: string): Promise<void> {
  return tx('readwrite', (s) => {
    const done = promisifyRequest(s.transaction);
    const req = s.get(idKey);
    req.onsuccess = () => {
      const before = notSameOf(req.result);
      if (before.includes(nameKey)) return;
      s.put({ v: 1, notSame: [...before, nameKey].slice(-NOT_SAME_MAX) } satisfies NotSame, idKey);
    };
    return done;
  });
}
