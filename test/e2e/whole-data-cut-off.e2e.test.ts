/**
 * 删除全部数据 and 导入全部数据 cut off by Chrome stopping the worker, with no page left to send the
 * call again (lib/storage/whole-run.ts). Made deterministic without sleeps: the page holds a
 * transaction on the follow-ups store, so the worker's run stops there (the stores before
 * it done, the follow-ups and the rest not) until the test has stopped the worker; the page's raw
 * sendMessage is never sent again. The next worker (woken by a ping) must finish the deletion before
 * it answers anything, and an import it cannot finish is told at the next popup and options page.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite } from './suite';

const s = extensionSuite({ shop: 'none', page: 'none', quietPage: true });

const send = (page: Page, kf: string, payload?: unknown) =>
  page.evaluate(([kf, payload]) => (globalThis as any).chrome.runtime.sendMessage({ kf, payload }) as Promise<{ ok: boolean; value?: any; error?: unknown }>, [kf, payload] as const);

/** How many records each of the extension's stores holds, read in the page (one kf-<name> database each). */
/**
 * Records per store. `meta` leaves out the stores' version marks a worker start writes (the buyers'
 * schema, the privacy upgrade's two marks: a number each, nothing of anyone) — the start after a
 * finished 删除全部数据 writes them into the emptied store; any other key counts.
 */
const MARKS = ['customers:schema', 'privacy:remasked', 'taughtSites:stripped'];
const counts = (page: Page) =>
  page.evaluate(async (marks) => {
    const out: Record<string, number> = {};
    for (const name of ['library', 'customers', 'buyer-names', 'followups', 'meta', 'learned', 'backups']) {
      const db = await new Promise<IDBDatabase>((ok, no) => Object.assign(indexedDB.open(`kf-${name}`), { onsuccess: (e: any) => ok(e.target.result), onerror: no }));
      const all = db.objectStoreNames.contains('kv')
        ? await new Promise<[IDBValidKey[], unknown[]]>((ok) => {
            const store = db.transaction('kv').objectStore('kv');
            store.getAllKeys().onsuccess = (k: any) => (store.getAll().onsuccess = (v: any) => ok([k.target.result, v.target.result]));
          })
        : [[], []];
      out[name] = all[0].filter((k, i) => !(name === 'meta' && marks.includes(String(k)) && typeof all[1][i] === 'number')).length;
      db.close();
    }
    return out;
  }, MARKS);

/**
 * Holds the follow-ups store until `release`: a transaction kept busy, which every write to the store
 * waits for; returns how many follow-ups it read last.
 */
function hold(page: Page) {
  return page.evaluate(async () => {
    const w = globalThis as any;
    const db = await new Promise<IDBDatabase>((ok) => (indexedDB.open('kf-followups').onsuccess = (e: any) => ok(e.target.result)));
    // Read-only: the import's safety copy reads the store first; any write waits.
    const tx = db.transaction('kv', 'readonly');
    const store = tx.objectStore('kv');
    w.__kfHeld = { count: -1, release: false };
    const spin = (): void => void (store.count().onsuccess = (e: any) => ((w.__kfHeld.count = e.target.result), w.__kfHeld.release || spin()));
    spin();
    w.__kfHeldDone = new Promise((ok) => (tx.oncomplete = () => (db.close(), ok(undefined))));
  });
}
const release = (page: Page) =>
  page.evaluate(async () => {
    const w = globalThis as any;
    w.__kfHeld.release = true;
    await w.__kfHeldDone;
    return w.__kfHeld.count as number;
  });
/** Resolves when the keys of store `name` pass `has` (each read waits behind a write of the worker in progress). */
const whenStore = (page: Page, name: string, has: (count: number, keys: string[]) => boolean) =>
  page.evaluate(
    async ([name, src]) => {
      const test = new Function(`return (${src})`)() as (n: number, k: string[]) => boolean;
      const db = await new Promise<IDBDatabase>((ok) => (indexedDB.open(`kf-${name}`).onsuccess = (e: any) => ok(e.target.result)));
      for (;;) {
        const keys = await new Promise<string[]>((ok) => (db.transaction('kv').objectStore('kv').getAllKeys().onsuccess = (e: any) => ok(e.target.result)));
        if (test(keys.length, keys)) return db.close();
      }
    },
    [name, has.toString()] as const,
  );

async function seed() {
  for (const r of [
    await send(s.quiet, 'patchCustomer', { platform: 'demo', nickname: '只收周末快递的买家', patch: { note: '周末才在家' } }),
    await send(s.quiet, 'addFollowup', { kind: 'manual', title: '周五前回电话确认尺码' }),
    await send(s.quiet, 'createBackup'),
  ])
    expect(r.ok).toBe(true);
}

describe('a worker stopped in the middle of a whole-data verb, no page to send it again', () => {
  it('删除全部数据: the next worker finishes it before it answers anything — a note queued behind it refused, every store empty, nothing left in storage.local', async () => {
    await seed();
    await hold(s.quiet);
    void s.quiet.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ kf: 'deleteAllData', payload: { confirm: true } }).catch(() => undefined));
    // The buyers are gone (cleared before the follow-ups, which wait for the page).
    await whenStore(s.quiet, 'customers', (n) => n === 0);
    await (await s.stopWorker()).detach();
    // The follow-up was still there when the worker stopped.
    expect(await release(s.quiet)).toBe(1);

    // A note typed before the deletion, arriving first: it wakes the next worker and waits behind the
    // finishing, which refuses it as the live deletion would (lock7), and the text stays the agent's.
    expect(await send(s.quiet, 'patchCustomer', { platform: 'demo', nickname: '只收周末快递的买家', patch: { note: '删除前写的备注' } })).toMatchObject({ ok: false, error: { code: 'deleted' } });
    expect(await send(s.quiet, 'ping')).toMatchObject({ ok: true });
    expect(await counts(s.quiet)).toEqual({ library: 0, customers: 0, 'buyer-names': 0, followups: 0, meta: 0, learned: 0, backups: 0 });
    const left = await s.quiet.evaluate(() => (globalThis as any).chrome.storage.local.get(null));
    expect(Object.keys(left).filter((k) => !k.startsWith('kf:rev:'))).toEqual([]);
  });

  it('导入全部数据: the next popup and options page say it, naming the copy from before it, and 恢复到导入前 brings that back', async () => {
    await seed();
    const file = (await send(s.quiet, 'exportAllData')).value;
    file.customers.customers = [(await send(s.quiet, 'exportCustomers', {})).value.items[0]].map((c: any) => ({ ...c, nickname: '文件里的买家', key: 'demo:文件里的买家' }));
    await hold(s.quiet);
    void s.quiet.evaluate((file) => (globalThis as any).chrome.runtime.sendMessage({ kf: 'importAllData', payload: { json: file, merge: false } }).catch(() => undefined), file);
    // The file's buyer replaced ours; the follow-ups wait for the page.
    await whenStore(s.quiet, 'customers', (_, keys) => keys.length === 1 && keys[0] === 'demo:文件里的买家');
    await (await s.stopWorker()).detach();
    await release(s.quiet);

    expect(await send(s.quiet, 'ping')).toMatchObject({ ok: true });
    const popup = await s.h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('[data-kf="import-cut"]').textContent()).toMatch(/^上次「导入文件…」没有做完.*导入前的数据在「备份」里：「导入文件前」\d{4}-\d\d-\d\d \d\d:\d\d:\d\d。/);
    await popup.close();

    const options = await s.h.openExtensionPage('options.html');
    await options.locator('[data-kf="import-cut-restore"]').click();
    await expect.poll(() => options.locator('[data-kf="import-cut-said"]').textContent()).toBe('已恢复到导入前的数据，可以重新导入文件。');
    const buyer = async (nickname: string) => !!(await send(s.quiet, 'getCustomer', { platform: 'demo', nickname, seen: false })).value;
    expect([await buyer('只收周末快递的买家'), await buyer('文件里的买家')]).toEqual([true, false]);
    await options.close();
    // Answered: no page says it again.
    expect(await s.quiet.evaluate(() => (globalThis as any).chrome.storage.local.get('kf:import-cut'))).toEqual({});
  });
});
