/**
 * What the extension keeps, read back from an extension page as one text: chrome.storage (local,
 * session, sync) and every record of every IndexedDB database of its origin, backups included. The
 * privacy tests search it for a buyer who must be gone.
 */
import type { Page } from 'playwright-core';

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
