/**
 * How much the extension stores at a year of data, and where (the unlimitedStorage decision,
 * lib/storage/README.md "Where the data lives and how much"). In Chromium with the built extension:
 * the year of year-data.ts (2,000 replies, 3,000 buyers, 5,000 learned picks, 500 follow-ups)
 * imported through 全部数据, then `snapshots` manual backups; per IndexedDB database the records as
 * JSON, the origin's usage and quota as the browser reports them (navigator.storage.estimate), and
 * the bytes chrome.storage.local and .session hold (getBytesInUse; local is capped at 10 MB
 * without unlimitedStorage). Run: `npx wxt build && node --import tsx test/bench/storage-size.ts`.
 */
import { launchWithExtension } from '../e2e/harness';
import { callFromExtensionPage } from '../e2e/pages';
import { yearOfData } from './year-data';

const MB = 1024 * 1024;
const mb = (n: number) => Math.round((n / MB) * 100) / 100;

export async function benchStorageSize(snapshots = 4): Promise<Record<string, number>> {
  const h = await launchWithExtension();
  try {
    const page = await h.openExtensionPage('options.html#import');
    await callFromExtensionPage(page, 'patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '16:00' } });
    const base = await callFromExtensionPage<Record<string, any>>(page, 'exportAllData');
    const r = await callFromExtensionPage<{ ok: boolean; errors?: string[] }>(page, 'importAllData', { json: yearOfData(base, Date.now()), merge: true });
    if (!r.ok) throw new Error(`the year of data was not imported: ${r.errors?.join('; ')}`);
    const measure = () =>
      page.evaluate(async () => {
        const c = (globalThis as any).chrome;
        const json: Record<string, number> = {};
        for (const { name } of await indexedDB.databases()) {
          const db = await new Promise<IDBDatabase>((ok, ko) => {
            const q = indexedDB.open(name!);
            q.onsuccess = () => ok(q.result);
            q.onerror = () => ko(q.error);
          });
          let bytes = 0;
          for (const s of db.objectStoreNames) {
            const all = await new Promise<unknown[]>((ok, ko) => {
              const q = db.transaction(s).objectStore(s).getAll();
              q.onsuccess = () => ok(q.result);
              q.onerror = () => ko(q.error);
            });
            bytes += new Blob([JSON.stringify(all)]).size;
          }
          db.close();
          json[name!] = bytes;
        }
        const { usage = 0, quota = 0 } = await navigator.storage.estimate();
        return {
          json,
          usage,
          quota,
          persisted: await navigator.storage.persisted(),
          local: (await c.storage.local.getBytesInUse(null)) as number,
          session: (await c.storage.session.getBytesInUse(null)) as number,
        };
      });
    const before = await measure();
    for (let i = 0; i < snapshots; i++) await callFromExtensionPage(page, 'createBackup');
    const after = await measure();
    const backups = (await callFromExtensionPage<unknown[]>(page, 'listBackups')).length;
    const out: Record<string, number> = {
      storage_local_bytes: after.local,
      storage_session_bytes: after.session,
      idb_usage_mb_before_manual_backups: mb(before.usage),
      idb_usage_mb_with_backups: mb(after.usage),
      idb_quota_mb: mb(after.quota),
      backups_listed: backups,
      persisted: after.persisted ? 1 : 0,
    };
    for (const [name, bytes] of Object.entries(after.json)) out[`json_mb_${name}`] = mb(bytes);
    return out;
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchStorageSize().then(
    (r) => console.table(r),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
