/**
 * A restore (备份 → 恢复) or an import whose write fails, end to end in Chromium with the built
 * extension: what the agent reads, and that it is true of the data. A damaged or vanished backup
 * is refused before anything is written; a full disk is simulated as in storage-full.e2e.test.ts
 * (the worker's IndexedDB puts throw QuotaExceededError), here for some databases only, so that
 * the write fails partway: after the copy taken first and some stores, before the rest.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({ page: 'none' });

/**
 * The worker's IndexedDB writes into the databases `dbs` fail as on a full disk; `firstOk`: of
 * those, the databases whose first write transaction from now still goes through (the disk fills
 * after it). null: every write works again.
 */
async function diskFull(rule: { dbs: string[]; firstOk?: string[] } | null): Promise<void> {
  const sw = await s.h.serviceWorker();
  await sw.evaluate((rule) => {
    const g = globalThis as any;
    const proto = IDBObjectStore.prototype as any;
    g.__kfPut ??= proto.put;
    if (!rule) return void (proto.put = g.__kfPut);
    const first = new Map<string, IDBTransaction>();
    proto.put = function (this: IDBObjectStore, ...args: unknown[]) {
      const name = this.transaction.db.name;
      if (rule.firstOk?.includes(name) && !first.has(name)) first.set(name, this.transaction);
      if (rule.dbs.includes(name) && first.get(name) !== this.transaction) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return g.__kfPut.apply(this, args);
    };
  }, rule);
}

afterEach(() => diskFull(null));

/** Rewrites the stored backup `id`'s data record in the worker's database (`edit` returns null: deletes it). */
async function editBackup(id: string, edit: 'damage' | 'delete'): Promise<void> {
  const sw = await s.h.serviceWorker();
  await sw.evaluate(
    async ([id, edit]) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('kf-backups');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const store = db.transaction('kv', 'readwrite').objectStore('kv');
      const snap = await new Promise<any>((ok) => {
        const r = store.get(id);
        r.onsuccess = () => ok(r.result);
      });
      // A store's records cut off: no longer a list that can be written back.
      if (edit === 'damage') snap.stores.customers = { cut: true };
      const r = edit === 'damage' ? store.put(snap, id) : store.delete(id);
      await new Promise((ok) => (r.onsuccess = ok));
      db.close();
    },
    [id, edit] as const,
  );
}

/** The match patterns of the content scripts the worker registered (taught pages). */
async function registered(): Promise<string[]> {
  const sw = await s.h.serviceWorker();
  return sw.evaluate(async () => ((await (globalThis as any).chrome.scripting.getRegisteredContentScripts()) as { matches: string[] }[]).flatMap((r) => r.matches));
}

const BUYER = '青团子';
const note = async () => (await callFromExtensionPage<{ items: { nickname: string; note: string }[] }>(s.ext, 'listCustomers', {})).items.find((c) => c.nickname === BUYER)?.note;
const setNote = (text: string) => callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'demo', nickname: BUYER, patch: { note: text } });
const templates = async () => (await callFromExtensionPage<{ templates: { id: string }[] }>(s.ext, 'getLibrary')).templates.map((x) => x.id);
const picks = async () => (await callFromExtensionPage<{ picks: { id: string }[] }>(s.ext, 'exportLearned')).picks.map((p) => p.id);

/** The 备份 tab with a manual backup holding the note 备份时的 (the note is 现在的 after it); the backup's row. */
async function backupTab(): Promise<{ page: Page; id: string }> {
  await setNote('备份时的备注');
  const { id } = await callFromExtensionPage<{ id: string }>(s.ext, 'createBackup');
  await setNote('现在的备注');
  const page = await s.h.openExtensionPage('options.html#backups');
  await page.locator(`[data-kf="backup-row"][data-id="${id}"]`).waitFor();
  return { page, id };
}

async function restore(page: Page, id: string): Promise<string> {
  const row = page.locator(`[data-kf="backup-row"][data-id="${id}"]`);
  await row.locator('[data-kf="backup-restore"]').click();
  await row.locator('[data-kf="backup-restore-confirm"]').click();
  const said = page.locator('[data-kf="backup-message"]');
  await said.waitFor();
  return (await said.textContent())!;
}

describe('a restore that cannot be done or does not finish', () => {
  it('a damaged backup, or one whose data is gone, is refused in Chinese, and the data is unchanged', async () => {
    const { page, id } = await backupTab();
    await editBackup(id, 'damage');
    expect(await restore(page, id)).toBe('这份备份已损坏，无法完整读出，没有恢复；现有数据未改动。');
    expect(await note()).toBe('现在的备注');
    await editBackup(id, 'delete');
    expect(await restore(page, id)).toBe('这份备份已不存在（可能已被删除或被更新的备份替换），没有恢复；现有数据未改动。');
    expect(await note()).toBe('现在的备注');
    await page.close();
  });

  it('with no room for the copy taken first, it does not run, and says so', async () => {
    const { page, id } = await backupTab();
    await diskFull({ dbs: ['kf-backups'] });
    expect(await restore(page, id)).toBe('恢复没有进行（存储空间已满）；现有数据未改动。');
    expect(await note()).toBe('现在的备注');
    await page.close();
  });

  it('the disk filling partway: what was written is put back, and the data is unchanged', async () => {
    const { page, id } = await backupTab();
    const before = await templates();
    // The copy and the replies go in; the buyers cannot.
    await diskFull({ dbs: ['kf-customers'] });
    expect(await restore(page, id)).toBe('恢复中途出错（存储空间已满），已写入的部分已改回；现有数据未改动。');
    expect(await note()).toBe('现在的备注');
    expect(await templates()).toEqual(before);
    // Once there is room, the same backup restores.
    await diskFull(null);
    expect(await restore(page, id)).toMatch(/^已恢复 .* 的备份。$/);
    expect(await note()).toBe('备份时的备注');
    await page.close();
  });

  it('the disk filling partway and putting back failing too: says the data is mixed, and which backup brings it back', async () => {
    // A learned pick in the backup: restoring it writes the learned picks too.
    await callFromExtensionPage(s.ext, 'importLearned', { json: { kind: 'kf-learned', v: 1, exportedAt: Date.now(), picks: [{ id: 'w-1', at: Date.now(), text: '还能再便宜点吗', scenario: 'bargain', templateId: null, source: 'chip' }] } });
    const { page, id } = await backupTab();
    // Everything up to the settings is restored, the learned picks cannot be, and the settings cannot be put back.
    await diskFull({ dbs: ['kf-learned', 'kf-meta'], firstOk: ['kf-meta'] });
    const said = await restore(page, id);
    const copy = page.locator('[data-kf="backup-row"][data-reason="before-restore"]').first();
    const time = (await copy.locator('td').first().textContent())!;
    expect(said).toBe(`恢复中途出错（存储空间已满），且没能全部改回：现在的数据一部分来自所选备份，一部分仍是恢复前的。请恢复下面 ${time} 那份“恢复前”备份，即可回到恢复前的数据。`);
    expect(await note()).toBe('现在的备注');
    // Following the message brings everything back as it was before.
    await diskFull(null);
    expect(await restore(page, (await copy.getAttribute('data-id'))!)).toContain('已恢复');
    expect(await note()).toBe('现在的备注');
    expect(await picks()).toContain('w-1');
    await callFromExtensionPage(s.ext, 'forgetLearned', { all: true });
    await page.close();
  });
});

/**
 * 导入全部数据 of `file` with 替换 while the learned picks' database is full (what goes in before them
 * must be put back): returns the options page once it said so, as a refused-partway import.
 */
async function importAllOntoFullLearned(file: unknown): Promise<Page> {
  const page = await s.h.openExtensionPage('options.html#import');
  await page.locator('[data-kf="all-import-file"]').setInputFiles({ name: 'all.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await page.locator('[data-kf="all-import-confirm"]').waitFor();
  await diskFull({ dbs: ['kf-learned'] });
  await page.locator('[data-kf="all-import-replace"]').click();
  const result = page.locator('[data-kf="all-result"]');
  await result.waitFor();
  expect(await result.textContent()).toBe('导入没有完成：写入中途出错（存储空间已满），已写入的部分已改回。没有导入任何内容，现有数据未改动。');
  return page;
}

describe('an import whose write fails partway', () => {
  it('全部数据: put back, so headed as not finished (not as refused), and the data is as it was', async () => {
    await setNote('导入前的备注');
    const before = await templates();
    const file = await callFromExtensionPage<any>(s.ext, 'exportAllData');
    file.library.templates.push({ id: 'w-new', title: '文件里的新话术', body: '亲，这是文件里的。', group: file.library.templates[0].group, scenarios: ['greeting'] });
    file.learned.picks = [{ id: 'w-2', at: Date.now(), text: '包邮吗', scenario: 'courier', templateId: null, source: 'chip' }];
    // The replies, buyers, names and follow-ups go in (the buyers replaced: deleted first); the learned picks cannot.
    const page = await importAllOntoFullLearned(file);
    expect(await note()).toBe('导入前的备注');
    expect(await templates()).toEqual(before);
    expect(await picks()).toEqual([]);
    await page.close();
  });

  it('全部数据 with a taught page: put back, and the extension no longer runs on that page', async () => {
    // The demo server's origin: the manifest grants it, so the worker registers our script there at once.
    const origin = new URL(s.h.demoUrl).origin;
    const file = await callFromExtensionPage<any>(s.ext, 'exportAllData');
    file.library.taughtSites = { v: 1, sites: [{ v: 1, origin, name: '自建客服台', url: `${origin}/chat`, fields: { chatInput: [{ css: 'textarea' }] }, createdAt: 1, updatedAt: 1 }] };
    file.learned.picks = [{ id: 'w-3', at: Date.now(), text: '能开发票吗', scenario: 'invoice', templateId: null, source: 'chip' }];
    // The library and its taught page go in (the script registered with them); the learned picks cannot.
    const page = await importAllOntoFullLearned(file);
    expect(await callFromExtensionPage(s.ext, 'listTaughtSites')).toEqual([]);
    expect(await registered()).not.toContain(`${origin}/*`);
    await page.close();
  });

  it('话术库: the library written, its rules not, and the library not put back: says what to restore in 备份', async () => {
    const before = await templates();
    const file = await callFromExtensionPage<any>(s.ext, 'exportLibrary');
    file.templates.push({ id: 'w-lib', title: '文件里的另一条', body: '亲，这条来自文件。', group: file.templates[0].group, scenarios: ['greeting'] });
    const page = await s.h.openExtensionPage('options.html#import');
    await page.locator('[data-kf="import-file"]').setInputFiles({ name: 'lib.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.locator('[data-kf="import-confirm"]').waitFor();
    // The replies go in; the remark rules (in 'meta') cannot, nor can the replies be put back.
    await diskFull({ dbs: ['kf-meta', 'kf-library'], firstOk: ['kf-library'] });
    await page.locator('[data-kf="import-merge"]').click();
    const result = page.locator('[data-kf="import-result"]');
    await result.waitFor();
    expect(await result.textContent()).toBe(
      '导入没有完成：写入中途出错（存储空间已满），且没能全部改回：文件的一部分已导入，其余仍是导入前的。到「备份」页恢复“导入话术库前”那份备份，即可回到导入前的数据。',
    );
    expect(await templates()).toContain('w-lib');
    // The way back the message names.
    await diskFull(null);
    await page.locator('[data-tab="backups"]').click();
    const row = page.locator('[data-kf="backup-row"][data-reason="before-import"]').first();
    await row.locator('[data-kf="backup-restore"]').click();
    await row.locator('[data-kf="backup-restore-confirm"]').click();
    await expect.poll(() => page.locator('[data-kf="backup-message"]').textContent()).toContain('已恢复');
    expect(await templates()).toEqual(before);
    await page.close();
  });

  it('客户档案: the buyers written, their names not: put back, headed as not finished, the notes as they were', async () => {
    await setNote('导入前的备注');
    const { items } = await callFromExtensionPage<{ items: { key: string; nickname: string; note: string; updatedAt: number }[] }>(s.ext, 'exportCustomers', {});
    const mine = items.find((c) => c.nickname === BUYER)!;
    const customers = [
      { ...mine, note: '文件里的备注', updatedAt: mine.updatedAt + 1000 },
      // Known by an id: its name is claimed in 'buyer-names' after the records are written.
      { ...mine, key: 'demo#u10086', buyerId: 'u10086', nickname: '文件里的新买家', note: '新买家的备注' },
    ];
    const page = await s.h.openExtensionPage('options.html#customers');
    await page.locator('[data-kf="customers-total"]').waitFor();
    // The records go in (one transaction); the names they are known by cannot.
    await diskFull({ dbs: ['kf-buyer-names'] });
    await page.locator('[data-kf="customers-import-file"]').setInputFiles({
      name: 'buyers.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'kefu-customers', version: 1, exportedAt: Date.now(), customers })),
    });
    const result = page.locator('[data-kf="customers-import-result"]');
    await result.waitFor();
    // (The simulated full disk aborts the names' transaction from inside it: said as 保存被中断.)
    expect(await result.textContent()).toMatch(/^导入没有完成：写入中途出错（(存储空间已满|保存被中断，请再试一次)），已写入的部分已改回。没有导入任何内容，现有客户档案未改动。$/);
    expect(await note()).toBe('导入前的备注');
    const all = await callFromExtensionPage<{ items: { nickname: string }[] }>(s.ext, 'listCustomers', {});
    expect(all.items.map((c) => c.nickname)).not.toContain('文件里的新买家');
    await page.close();
  });
});
