/**
 * The extension's stores from an extension page, beneath its verbs. `everything`: what it keeps,
 * read back as one text — chrome.storage (local, session, sync) and every record of every IndexedDB
 * database of its origin, backups included; the privacy tests search it for a buyer who must be
 * gone. `putRaw`: a record written as an older version left it, for the upgrade tests; `getRaw`
 * reads one as stored (a test taking out entries no verb deletes).
 */
import type { Page, Worker } from 'playwright-core';

/** Every storage area of the extension's origin, as one text: chrome.storage and every IndexedDB database's records. */
export async function everything(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const c = (globalThis as any).chrome;
    const out: Record<string, unknown> = { local: await c.storage.local.get(null), session: await c.storage.session.get(null), sync: await c.storage.sync.get(null) };
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        const r = indexedDB.open(name!);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      const stores: Record<string, unknown> = {};
      for (const s of db.objectStoreNames) {
        stores[s] = await new Promise((ok, ko) => {
          const r = db.transaction(s).objectStore(s).getAll();
          r.onsuccess = () => ok(r.result);
          r.onerror = () => ko(r.error);
        });
      }
      db.close();
      out[`idb:${name}`] = stores;
    }
    return JSON.stringify(out);
  });
}

/** Reads what is stored under `key` in one of the extension's idb-keyval databases (kf-<name>, store kv), as stored. */
export async function getRaw<T = unknown>(page: Page, name: string, key: string): Promise<T | undefined> {
  return page.evaluate(
    ([name, key]) =>
      new Promise<any>((resolve, reject) => {
        const open = indexedDB.open(`kf-${name}`);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const r = open.result.transaction('kv').objectStore('kv').get(key);
          r.onsuccess = () => (open.result.close(), resolve(r.result));
          r.onerror = () => reject(r.error);
        };
      }),
    [name, key] as const,
  );
}

/** Writes `value` under `key` in one of the extension's idb-keyval databases (kf-<name>, store kv), from an extension page or the worker; undefined deletes. */
export async function putRaw(page: Page | Worker, name: string, key: string, value: unknown) {
  // One evaluate for both kinds (their overloads do not unite).
  await (page as Page).evaluate(
    ([name, key, value]: readonly [string, string, unknown]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(`kf-${name}`);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          if (value === undefined) tx.objectStore('kv').delete(key);
          else tx.objectStore('kv').put(value, key);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [name, key, value] as const,
  );
}

/**
 * Holds the extension's IndexedDB store `db` in a write transaction until `release` is called: every
 * read or write of it (a note save, 删除全部数据's clear) waits, as behind stuck work.
 */
export async function holdStore(ext: Page, db: string): Promise<{ release: () => Promise<void> }> {
  await ext.evaluate(
    (db) =>
      new Promise<void>((held) => {
        (globalThis as any).releaseHold = false;
        const open = indexedDB.open(db);
        open.onsuccess = () => {
          const store = open.result.transaction('kv', 'readwrite').objectStore('kv');
          const spin = () => ((globalThis as any).releaseHold ? undefined : (store.get('x').onsuccess = spin));
          spin();
          held();
        };
      }),
    db,
  );
  return { release: () => ext.evaluate(() => void ((globalThis as any).releaseHold = true)) };
}

/**
 * The worker's IndexedDB writes (put and add) fail as on a full disk (on), or work again (off): the
 * quota error Chromium throws, the originals kept on the worker's global (`__kfPut`, `__kfAdd`).
 */
export async function diskFull(sw: Worker, on: boolean): Promise<void> {
  await sw.evaluate((full) => {
    const g = globalThis as any;
    const proto = IDBObjectStore.prototype as any;
    g.__kfPut ??= proto.put;
    g.__kfAdd ??= proto.add;
    const boom = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    proto.put = full ? boom : g.__kfPut;
    proto.add = full ? boom : g.__kfAdd;
  }, on);
}
