import { beforeEach, describe, expect, it, vi } from 'vitest';

import { localArea } from '../testing';
const local = localArea();
vi.mock('../../browser', async () => (await import('../testing')).fakeBrowser());
const forgetSiteNow = vi.fn(async () => ({ removed: true, permission: 'removed' as const }));
vi.mock('../../teach/background-api', () => ({ forgetSiteNow, syncTaughtScriptsNow: vi.fn(async () => {}), syncTaughtScriptsQuietly: vi.fn(async () => {}) }));

const { dispatch } = await import('../dispatch');
const { db, STORE_NAMES } = await import('../../storage/db');
const { saveTaughtSite } = await import('../../storage/sites');
const { setLocalChangeListener } = await import('../../storage/changes');
import type { Customer } from '../../domain/customers';
import type { AllDataImportResult } from '../protocol-data';
import { perDay } from '../../domain/testing';

async function ok<T>(verb: string, payload?: unknown): Promise<T> {
  const r = await dispatch({ kf: verb, payload }, 'extension-page');
  if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** The whole file as the options page assembles it: the worker's part, then the buyers page by page. */
async function exportAll(): Promise<Record<string, any>> {
  const file = await ok<Record<string, any>>('exportAllData');
  const customers: Customer[] = [];
  let after: string | undefined;
  do {
    const page = await ok<{ items: Customer[]; next: string | null }>('exportCustomers', { after, limit: 2 });
    customers.push(...page.items);
    after = page.next ?? undefined;
  } while (after);
  return JSON.parse(JSON.stringify({ ...file, customers: { ...file.customers, customers } }));
}

/**
 * Every store's records (backups aside), as the import should bring them back. Not compared as
 * stored: when the library, the remark rules and the guard settings were saved (the import saves
 * them now) — the rules and guard settings are compared as the verbs read them.
 */
async function stores() {
  const out: Record<string, any> = {};
  for (const s of STORE_NAMES) if (s !== 'backups') out[s] = Object.fromEntries(await db.entries(s));
  delete out.library.library.updatedAt;
  for (const k of ['customers:schema', 'followups:handover', 'remarkRules', 'guardRules']) delete out.meta[k];
  out.rules = await ok('getRuleSet');
  out.guard = await ok('getGuardConfig');
  return out;
}

beforeEach(async () => {
  for (const s of STORE_NAMES) await db.clear(s);
  forgetSiteNow.mockClear();
});

const HOUR = 3_600_000;
const reminder = (buyer: string, at: number, buyerId?: string) => ({ platform: 'demo', buyer, ...(buyerId ? { buyerId } : {}), at });
const remindersHere = async () => ((await db.get('meta', 'followups:reminded')) as { list: unknown[] } | undefined)?.list;

async function seed() {
  await ok('patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '15:30' }, followups: { dayShift: { start: '09:00', end: '21:00' } } });
  for (const [i, nickname] of ['阳光明媚的日子', '米粒妈妈', '星辰大海ing'].entries()) {
    await ok('patchCustomer', { platform: 'demo', nickname, buyerId: `u-${i}`, patch: { note: `第${i}位`, tags: ['VIP1'] } });
  }
  await ok('addFollowup', { kind: 'handover', title: '晚班：3 单地址待确认', note: '先核对' });
  await ok('addFollowup', { kind: 'manual', title: '给王姐回电话', buyer: '王姐' });
  await ok('recordUsage', { templateId: 'hi', scenario: 'greeting' });
  await db.set('learned', 'p1', { id: 'p1', at: 1, text: '还没发货', scenario: 'address-change', templateId: null, source: 'chip' });
  await db.set('meta', 'remarkOverrides', { v: 1, items: [{ at: 1, platform: 'demo', orderId: '1', buyer: '小鹿', flag: 'red', agent: '小美', reason: '急', problems: [], text: '已核对可发货 小美 12/3' }] });
  await db.set('meta', 'replyClock', { v: 1, days: { '2026-03-01': { demo: { conversations: ['h1'], firstMs: [40_000] } } } });
  // A 催付 inserted an hour ago, before the order list made the buyer's unpaid item (lib/domain/followups/reminded.ts).
  await db.set('meta', 'followups:reminded', { v: 1, list: [reminder('米粒妈妈', Date.now() - HOUR, 'u-1')] });
  await ok('saveLibrary', { groups: ['问候'], templates: [{ id: 'hi', title: '问候', body: '亲，在的', group: '问候', scenarios: ['greeting'], code: 'zaide' }] });
}

describe('导出全部数据 → 删除全部数据 → 导入全部数据', () => {
  it('brings every store back record by record', async () => {
    await seed();
    const before = await stores();
    const file = await exportAll();
    expect(file).toMatchObject({ format: 'kefu-all-data', version: 1, customers: { format: 'kefu-customers' }, learned: { kind: 'kf-learned' }, library: { format: 'kefu-library' } });

    expect(await ok('deleteAllData', { confirm: true })).toEqual({ deleted: true });
    const empty = await ok<AllDataImportResult>('importAllData', { json: file, dryRun: true });
    expect(empty).toMatchObject({ ok: true, preview: { areas: { customers: { file: 3, here: 0, fresh: 3 }, followups: { file: 2, here: 0, fresh: 2 } }, settings: true } });
    // Counting wrote nothing.
    expect(await db.values('customers')).toEqual([]);

    expect(await ok<AllDataImportResult>('importAllData', { json: file, merge: false })).toMatchObject({ ok: true });
    expect(await stores()).toEqual(before);
    expect((await ok<{ shop: { agentName: string } }>('getSettings')).shop.agentName).toBe('小美');
    // The import can be undone: a backup was taken first.
    expect((await ok<{ reason: string }[]>('listBackups')).map((b) => b.reason)).toContain('before-import-all');
  });

  it('替换 with this machine’s own file, nothing deleted first, keeps every follow-up (they were lost: deleted after being written back)', async () => {
    await seed();
    const before = await stores();
    expect(Object.keys(before.followups)).toHaveLength(2);
    expect(await ok<AllDataImportResult>('importAllData', { json: await exportAll(), merge: false })).toMatchObject({ ok: true });
    expect(await stores()).toEqual(before);
  });

  it('merging keeps what is here (the settings too) and adds what is not', async () => {
    await seed();
    const file = await exportAll();
    await ok('deleteAllData', { confirm: true });
    await ok('patchSettings', { shop: { agentName: '阿杰' } });
    await ok('patchCustomer', { platform: 'demo', nickname: '米粒妈妈', buyerId: 'u-1', patch: { preferences: '不要黑色' } });
    const r = await ok<AllDataImportResult>('importAllData', { json: file, merge: true });
    expect(r).toMatchObject({ ok: true, preview: { areas: { customers: { file: 3, here: 1, fresh: 2 } } } });
    expect((await ok<{ shop: { agentName: string } }>('getSettings')).shop.agentName).toBe('阿杰');
    expect(await db.keys('customers')).toHaveLength(3);
    // The same buyer: merged as the buyer-notes import merges (the newer edit, made here, wins).
    expect(await ok('getCustomer', { platform: 'demo', nickname: '米粒妈妈', buyerId: 'u-1' })).toMatchObject({ preferences: '不要黑色' });
    expect(await ok('getCustomer', { platform: 'demo', nickname: '星辰大海ing', buyerId: 'u-2' })).toMatchObject({ note: '第2位', tags: ['VIP1'] });
  });

  it('the 催付 reminders kept 24 h come back: those still counting, merged with those here, each once; an expired one is dropped', async () => {
    await seed();
    const file = await exportAll();
    const mine = reminder('米粒妈妈', Date.now() - HOUR, 'u-1');
    expect(file.reminded).toEqual({ v: 1, list: [{ ...mine, at: expect.any(Number) }] });
    const at = file.reminded.list[0].at;
    const old = reminder('阳光明媚的日子', Date.now() - 25 * HOUR, 'u-0');
    file.reminded.list.unshift(old);
    await ok('deleteAllData', { confirm: true });
    // Reminded here meanwhile: kept beside the file's.
    const here = reminder('星辰大海ing', Date.now() - 2 * HOUR);
    await db.set('meta', 'followups:reminded', { v: 1, list: [here] });
    const r = await ok<AllDataImportResult>('importAllData', { json: file, merge: true });
    expect(r).toMatchObject({ ok: true, preview: { areas: { reminded: { file: 1, here: 1, fresh: 1 } } } });
    expect(await remindersHere()).toEqual([here, { ...mine, at }]);
    // The same file again adds nothing.
    await ok('importAllData', { json: file, merge: true });
    expect(await remindersHere()).toEqual([here, { ...mine, at }]);
    // Replacing: the file's alone (the buyers here are replaced by the file's).
    await ok('importAllData', { json: file, merge: false });
    expect(await remindersHere()).toEqual([{ ...mine, at }]);
  });

  it('refuses a file with a damaged 催付 reminder, naming it, and changes nothing', async () => {
    await seed();
    const file = await exportAll();
    const before = await stores();
    file.reminded.list.push({ platform: 'demo', buyer: '米粒妈妈', at: 'an hour ago' });
    const r = await ok<AllDataImportResult>('importAllData', { json: file, merge: true });
    expect(r).toEqual({ ok: false, errors: ['「催付记录」第 2 条不完整或已损坏'] });
    expect(await stores()).toEqual(before);
  });

  it('refuses a damaged file with what is wrong, and changes nothing', async () => {
    await seed();
    const file = await exportAll();
    const before = await stores();
    file.followups.items[1].kind = 'nonsense';
    file.customers.customers[0].createdAt = 'yesterday';
    const r = await ok<AllDataImportResult>('importAllData', { json: file, merge: false });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual(expect.arrayContaining(['「跟进」第 2 条不完整或已损坏', expect.stringMatching(/^客户档案：第 1 条「阳光明媚的日子」：createdAt/)]));
    expect(await stores()).toEqual(before);
    expect(await ok('listBackups')).toEqual([]);
    expect(await ok('importAllData', { json: { format: 'kefu-library', version: 1, templates: [] } })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^这不是「全部数据」导出文件/)] });
  });

  it('schedules the revisits of imported VIPs last seen long ago at once, 20 a day, and answers how many and when, as the buyer import does', async () => {
    await seed();
    for (let i = 0; i < 42; i++) await ok('patchCustomer', { platform: 'demo', nickname: `老客${i}`, patch: { note: '老客户', tags: ['VIP2'] } });
    const file = await exportAll();
    const longAgo = Date.now() - 200 * 86_400_000;
    file.customers.customers = file.customers.customers.map((c: Customer) => ({ ...c, lastSeenAt: longAgo }));
    await ok('deleteAllData', { confirm: true });

    const r = await ok<AllDataImportResult & { revisits?: number[] }>('importAllData', { json: file, merge: true });
    expect(r).toMatchObject({ ok: true });
    // Every imported VIP (3 seeded + 42) has a revisit now, not at the next hourly job, and the answer lists them.
    const { loadFollowups } = await import('../../storage/followups');
    const items = (await loadFollowups()).filter((f) => f.kind === 'vip-revisit');
    expect(items).toHaveLength(45);
    expect([...r.revisits!].sort()).toEqual(items.map((f) => f.dueAt).sort());
    expect(perDay([...r.revisits!].sort())).toEqual([20, 20, 5]);
    // Imported again, nothing new is scheduled, and the answer says none.
    expect(await ok('importAllData', { json: file, merge: true })).not.toHaveProperty('revisits');
  });

  it("a file from a version that masked less: its follow-ups' phone numbers and e-mails are stored masked while masking is on, as typed otherwise", async () => {
    await seed();
    const file = await exportAll();
    // Written by hand into the file, as an older version kept them.
    const clear = { title: '回电：手机 13987654321 或座机 0571-86543210', note: '她说发 lanlan.w@163.com 也行' };
    file.followups.items = file.followups.items.map((f: Record<string, unknown>) => (f.kind === 'manual' ? { ...f, ...clear } : f));
    const { loadFollowups, invalidateFollowupCache } = await import('../../storage/followups');
    const manual = async () => {
      invalidateFollowupCache();
      return (await loadFollowups()).find((f) => f.kind === 'manual')!;
    };

    await ok('deleteAllData', { confirm: true });
    expect(await ok<AllDataImportResult>('importAllData', { json: file, merge: false })).toMatchObject({ ok: true });
    expect(await manual()).toMatchObject({ title: '回电：手机 139****4321 或座机 0571-****3210', note: '她说发 la***@163.com 也行' });

    await ok('deleteAllData', { confirm: true });
    await ok('patchSettings', { privacy: { maskPii: false } });
    expect(await ok<AllDataImportResult>('importAllData', { json: { ...file, settings: undefined }, merge: false })).toMatchObject({ ok: true });
    expect(await manual()).toMatchObject(clear);
  });

  it('takes a large file’s buyers staged ahead in parts', async () => {
    await seed();
    const file = await exportAll();
    await ok('deleteAllData', { confirm: true });
    await ok('stageCustomersImport', { upload: 'u1', customers: file.customers.customers.slice(0, 2) });
    const head = { ...file, customers: { ...file.customers, customers: file.customers.customers.slice(2) } };
    expect(await ok('importAllData', { json: head, upload: 'u1' })).toMatchObject({ ok: true });
    expect(await db.keys('customers')).toHaveLength(3);
  });

  it('替换 with an older whole export (no 催付 reminders in it): the reminders of the buyers it deletes go with them; the others stay', async () => {
    await seed();
    const sunny = reminder('阳光明媚的日子', Date.now() - HOUR, 'u-0');
    // A buyer reminded in the chat who has no buyer notes here: the file deletes nobody of that name.
    const passer = reminder('路过的小熊', Date.now() - 2 * HOUR);
    const mili = reminder('米粒妈妈', Date.now() - HOUR, 'u-1');
    await db.set('meta', 'followups:reminded', { v: 1, list: [passer, mili, sunny] });
    // An export from before 2026-12-07 (no `reminded` section), holding one of the three buyers.
    const { reminded: _r, ...older } = await exportAll();
    const one = { ...older, customers: { ...older.customers, customers: older.customers.customers.filter((c: Customer) => c.nickname === '阳光明媚的日子') } };
    expect(await ok<AllDataImportResult>('importAllData', { json: one, merge: false })).toMatchObject({ ok: true });
    expect((await db.keys('customers')).length).toBe(1);
    // Before: 米粒妈妈's reminder stayed, and her next order would have been marked reminded for a buyer deleted here.
    expect(await remindersHere()).toEqual([passer, sunny]);
    // Merged, nothing is deleted: nothing goes.
    await db.set('meta', 'followups:reminded', { v: 1, list: [passer, mili, sunny] });
    expect(await ok<AllDataImportResult>('importAllData', { json: one, merge: true })).toMatchObject({ ok: true });
    expect(await remindersHere()).toEqual([passer, mili, sunny]);
  });

  it('替换 with a hand-trimmed file of buyers and no follow-ups is refused, naming what it would leave, when it would delete buyers whose follow-ups and 催付 reminders stay; nothing changes', async () => {
    await seed();
    await ok('addFollowup', { kind: 'manual', title: '问米粒妈妈尺码', buyer: '米粒妈妈', platform: 'demo' });
    const { followups: _f, reminded: _r, ...whole } = await exportAll();
    const one = { ...whole, customers: { ...whole.customers, customers: whole.customers.customers.filter((c: Customer) => c.nickname === '阳光明媚的日子') } };
    const before = await stores();
    const why = '这个文件有「客户档案」却没有「跟进」：替换会删掉这里 2 位文件里没有的买家，而写着他们的 1 条跟进和 1 条催付记录会留下。请改选「合并」（什么都不删），或用「导出全部数据」保存的完整文件替换；要删掉这些买家连同跟进，请在客户档案里删除。';
    // Said in the preview already, before the agent picks 替换 (the options page marks the choice).
    expect(await ok<AllDataImportResult>('importAllData', { json: one, dryRun: true })).toMatchObject({ ok: true, preview: { replaceRefused: why } });
    const r = await ok<AllDataImportResult>('importAllData', { json: one, merge: false });
    expect(r).toEqual({ ok: false, errors: [why] });
    expect(await stores()).toEqual(before);
    expect(await ok('listBackups')).toEqual([]);
    // Merged, nothing is deleted: taken.
    expect(await ok<AllDataImportResult>('importAllData', { json: one, merge: true })).toMatchObject({ ok: true });
    // Replacing with every buyer here deletes none of them, and leaves nothing naming a deleted one: taken.
    expect(((await ok<AllDataImportResult>('importAllData', { json: whole, dryRun: true })) as { preview: object }).preview).not.toHaveProperty('replaceRefused');
    expect(await ok<AllDataImportResult>('importAllData', { json: whole, merge: false })).toMatchObject({ ok: true });
    expect(await db.keys('customers')).toHaveLength(3);
  });
});

describe('导出店铺设置 → a colleague’s 导入全部数据', () => {
  /** The lead's set-up as the options page writes it (exportLibrary, getSettings, shopSetupFile). */
  async function setupFile(): Promise<Record<string, any>> {
    await seed();
    const { shopSetupFile } = await import('../../domain/all-data');
    const file = shopSetupFile(await ok('exportLibrary'), await ok('getSettings'), Date.now());
    for (const s of STORE_NAMES) await db.clear(s);
    return JSON.parse(JSON.stringify(file));
  }
  /** The colleague's machine: their own name, a buyer with a note, a follow-up, and settings once saved. */
  async function colleague() {
    await ok('patchSettings', { shop: { agentName: '小周', cutoff: '17:00' }, privacy: { maskPii: true } });
    await ok('patchCustomer', { platform: 'demo', nickname: '米粒妈妈', buyerId: 'u-9', patch: { note: '只发顺丰' } });
    await ok('addFollowup', { kind: 'manual', title: '给米粒妈妈补发', buyer: '米粒妈妈' });
  }

  for (const merge of [false, true]) {
    it(`${merge ? '合并' : '替换'}: takes the shop’s cut-off, shifts and replies, keeps this colleague’s name, and deletes or changes no buyer`, async () => {
      const file = await setupFile();
      await colleague();
      const buyersBefore = Object.fromEntries(await db.entries('customers'));
      const followupsBefore = Object.fromEntries(await db.entries('followups'));
      const r = await ok<AllDataImportResult>('importAllData', { json: file, merge });
      expect(r).toMatchObject({ ok: true });
      const s = await ok<{ shop: Record<string, unknown>; followups: { dayShift: unknown } }>('getSettings');
      expect(s.shop).toMatchObject({ agentName: '小周', shopName: '橙子旗舰店', cutoff: '15:30' });
      expect(s.followups.dayShift).toEqual({ start: '09:00', end: '21:00' });
      expect((await ok<{ templates: { body: string }[] }>('getLibrary')).templates.map((t) => t.body)).toContain('亲，在的');
      expect(Object.fromEntries(await db.entries('customers'))).toEqual(buyersBefore);
      expect(Object.fromEntries(await db.entries('followups'))).toEqual(followupsBefore);
      expect(Object.keys(followupsBefore)).toHaveLength(1);
    });
  }
});

describe('删除全部数据', () => {
  it('empties every store and storage.local, forgets taught sites, and leaves the defaults', async () => {
    await seed();
    await saveTaughtSite({ origin: 'https://erp.example', name: '自建客服台', url: 'https://erp.example/chat', fields: { chatInput: [{ css: 'textarea' }] } } as never);
    await ok('createBackup');
    expect(await dispatch({ kf: 'deleteAllData', payload: {} }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await dispatch({ kf: 'deleteAllData', payload: { confirm: true } }, 'content-script', { tabId: 1, url: 'http://127.0.0.1/chat' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db.keys('customers')).toHaveLength(3);

    await ok('deleteAllData', { confirm: true });
    expect(forgetSiteNow).toHaveBeenCalledWith('https://erp.example');
    for (const s of STORE_NAMES) expect(await db.keys(s), s).toEqual([]);
    // Only the change announcements the pages listen to (a counter each, no data).
    expect(Object.keys(local).every((k) => k.startsWith('kf:rev:'))).toBe(true);
    expect((await ok<{ shop: { agentName: string; cutoff: string } }>('getSettings')).shop).toMatchObject({ agentName: '', cutoff: '16:00' });
  });

  it("deletes nothing of the team's: no buyer or follow-up is reported as deleted for the team, nor by an import that replaces them", async () => {
    await seed();
    const file = await exportAll();
    const reported: string[] = [];
    setLocalChangeListener(async (area, keys) => void reported.push(...keys.map((k) => `${area} ${k}`)));
    try {
      await ok('deleteAllData', { confirm: true });
      await seed();
      expect(await ok<AllDataImportResult>('importAllData', { json: file, merge: false })).toMatchObject({ ok: true });
      expect(reported.filter((r) => r.startsWith('deleted-'))).toEqual([]);
    } finally {
      setLocalChangeListener(null);
    }
  });
});
