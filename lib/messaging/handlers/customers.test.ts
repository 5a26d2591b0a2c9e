import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onComputerZone, perDay } from '../../domain/testing';

const announced: string[] = [];
vi.mock('../../browser', () => ({
  browser: {
    storage: { local: { set: vi.fn(async (x: Record<string, unknown>) => void announced.push(...Object.keys(x))), get: vi.fn(async () => ({})), remove: vi.fn(async () => {}) } },
    runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' },
  },
}));

const { dispatch } = await import('../dispatch');
const { customersDailyJob, recordOrdersSeen, recordRemarkSaved } = await import('./customers');
const { deleteAllCustomers, getCustomer } = await import('../../storage/customers');
const { patchSettings } = await import('../../storage/settings');
const { listSnapshots } = await import('../../storage/backup');
const { db } = await import('../../storage/db');
const { setLocalChangeListener } = await import('../../storage/changes');
import type { Customer } from '../../domain/customers';
import { isoDay } from '../../domain/time';
import { fnv1a } from '../../domain/hash';
import { buyerExportCsv, buyerExportJson, type BuyerData } from '../../domain/customers/buyer-export';
import type { ForgetCounts } from '../../domain/customers/forget';

const DEMO_PAGE = { tabId: 1, url: 'http://127.0.0.1:5173/chat' };
const buyer = { platform: 'demo', nickname: '小鹿乱撞0521' } as const;

async function ok<T>(verb: string, payload: unknown, sender: 'extension-page' | 'content-script' = 'extension-page', ctx = DEMO_PAGE): Promise<T> {
  const r = await dispatch({ kf: verb, payload }, sender, sender === 'content-script' ? ctx : {});
  if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeEach(async () => {
  await deleteAllCustomers();
  await db.clear('backups');
  await patchSettings({ privacy: { maskPii: true, retentionDays: 0 } });
  announced.length = 0;
});

describe('buyer-notes messages', () => {
  it('adds a note once when its call is sent again under the same id (a worker stopped before answering); a new call adds another', async () => {
    const send = (rid: string) => dispatch({ kf: 'addCustomerEvent', payload: { ...buyer, kind: 'note', text: '先发顺丰' }, rid }, 'content-script', DEMO_PAGE);
    await send('k3x9a1');
    // Later, as a resend is: an id made from the time would differ.
    await new Promise((r) => setTimeout(r, 5));
    const again = await send('k3x9a1');
    expect(again.ok && (again.value as Customer).history.map((e) => e.text)).toEqual(['先发顺丰']);
    await send('p0q2zz');
    expect((await getCustomer('demo:小鹿乱撞0521'))!.history.map((e) => e.text)).toEqual(['先发顺丰', '先发顺丰']);
  });


  it('lets the chat page read, add a note to and patch its own buyer, announcing each change', async () => {
    expect(await ok('getCustomer', buyer, 'content-script')).toBeNull();
    const a = await ok<Customer>('addCustomerEvent', { ...buyer, kind: 'note', text: '要开发票' }, 'content-script');
    expect(a.history.map((e) => [e.kind, e.text])).toEqual([['note', '要开发票']]);
    expect(announced).toContain('kf:rev:customers');
    const p = await ok<Customer>('patchCustomer', { ...buyer, patch: { sizes: { heightCm: 162, weightKg: 52 }, tags: ['VIP2'] } }, 'content-script');
    expect(p).toMatchObject({ sizes: { heightCm: 162, weightKg: 52 }, tags: ['VIP2'], segment: 'vip' });
    expect(await ok('getCustomer', buyer, 'content-script')).toEqual(p);
  });

  it('masks phone and ID numbers typed into notes, unless the shop turned masking off', async () => {
    const c = await ok<Customer>('patchCustomer', { ...buyer, append: { addressNote: '收件电话 13812345678，身份证 11010519491231002X' } }, 'content-script');
    expect(c.addressNote).toBe('收件电话 138****5678，身份证 110*************2X');
    const e = await ok<Customer>('addCustomerEvent', { ...buyer, kind: 'note', text: '换号了 139 1234 5678 订单号 3021789012345678901' }, 'content-script');
    expect(e.history.at(-1)!.text).toBe('换号了 139****5678 订单号 3021789012345678901');
    await patchSettings({ privacy: { maskPii: false, retentionDays: 0 } });
    const off = await ok<Customer>('patchCustomer', { ...buyer, patch: { note: '13812345678' } });
    expect(off.note).toBe('13812345678');
  });

  it('appends selected text to a field inside the write, so two tabs appending keep both', async () => {
    await Promise.all([
      ok('patchCustomer', { ...buyer, append: { preferences: '喜欢宽松' } }, 'content-script'),
      ok('patchCustomer', { ...buyer, append: { preferences: '不要黑色' } }, 'content-script'),
    ]);
    const c = (await getCustomer('demo:小鹿乱撞0521'))!;
    expect(c.preferences.split('\n').sort()).toEqual(['不要黑色', '喜欢宽松']);
  });

  it('refuses an append that would take a text past its limit with the field and by how much, and keeps the stored text whole', async () => {
    await ok('patchCustomer', { ...buyer, patch: { note: '备'.repeat(4995), addressNote: '址'.repeat(495) } }, 'content-script');
    const before = (await getCustomer('demo:小鹿乱撞0521'))!;
    const reply = await dispatch({ kf: 'patchCustomer', payload: { ...buyer, append: { note: '只发顺丰到付' } } }, 'content-script', DEMO_PAGE);
    // 4,995 + a line break + 6 = 5,002.
    expect(reply).toEqual({ ok: false, error: { code: 'invalid', message: 'long.note 2' } });
    expect(await dispatch({ kf: 'patchCustomer', payload: { ...buyer, append: { addressNote: '放在门口别敲门了' } } }, 'extension-page')).toEqual({
      ok: false,
      error: { code: 'invalid', message: 'long.addressNote 4' },
    });
    expect(await getCustomer('demo:小鹿乱撞0521')).toEqual(before);
    // At the limit it is taken whole.
    const c = await ok<Customer>('patchCustomer', { ...buyer, append: { note: '只发顺丰' } }, 'content-script');
    expect(c.note).toBe(`${'备'.repeat(4995)}\n只发顺丰`);
  });

  it('keeps every note when two tabs each add 100 at once', async () => {
    const tab = (name: string) =>
      Promise.all(Array.from({ length: 100 }, (_, i) => ok('addCustomerEvent', { ...buyer, kind: 'note', text: `${name}-${i}` }, 'content-script')));
    await Promise.all([tab('A'), tab('B')]);
    expect((await getCustomer('demo:小鹿乱撞0521'))!.history).toHaveLength(200);
  });

  it('records a template once per buyer and day however often it is used', async () => {
    for (let i = 0; i < 3; i++) await ok('addCustomerEvent', { ...buyer, kind: 'template-used', text: '发货时间', ref: 'tpl-ship' }, 'content-script');
    const c = (await getCustomer('demo:小鹿乱撞0521'))!;
    expect(c.history.filter((e) => e.kind === 'template-used')).toHaveLength(1);
  });

  describe('on a computer in Los Angeles', () => {
    onComputerZone('America/Los_Angeles');
    afterEach(() => vi.useRealTimers());
    const useAt = async (utc: number) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(utc);
      await ok('addCustomerEvent', { ...buyer, kind: 'template-used', text: '发货时间', ref: 'tpl-ship' }, 'content-script');
      vi.useRealTimers();
    };
    const used = async () => (await getCustomer('demo:小鹿乱撞0521'))!.history.filter((e) => e.kind === 'template-used').length;

    it("counts the shop's day, not the computer's: 15:00 and 17:00 in Beijing are one day (23:00 and 01:00 there)", async () => {
      await useAt(Date.UTC(2026, 10, 23, 7));
      await useAt(Date.UTC(2026, 10, 23, 9));
      expect(await used()).toBe(1);
    });

    it("and 23:30 and 00:30 in Beijing are two (15:30 and 16:30 there, one day)", async () => {
      await useAt(Date.UTC(2026, 10, 23, 15, 30));
      await useAt(Date.UTC(2026, 10, 23, 16, 30));
      expect(await used()).toBe(2);
    });
  });

  it("refuses a page touching another platform's buyers, bulk verbs, and history it may not forge", async () => {
    const r1 = await dispatch({ kf: 'getCustomer', payload: { platform: 'taobao', nickname: 'x' } }, 'content-script', DEMO_PAGE);
    expect(r1).toMatchObject({ ok: false, error: { code: 'invalid' } });
    for (const verb of ['listCustomers', 'searchCustomers', 'exportCustomers', 'exportCustomer', 'importCustomers', 'deleteCustomer', 'deleteAllCustomers']) {
      expect(await dispatch({ kf: verb, payload: {} }, 'content-script', DEMO_PAGE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const forged = await dispatch({ kf: 'addCustomerEvent', payload: { ...buyer, kind: 'order-seen', text: '1' } }, 'content-script', DEMO_PAGE);
    expect(forged).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('refuses tags over the rule (a tag over 20 characters, more than 30 tags) and writes nothing, never a cut copy; both edit verbs', async () => {
    const long = '只要顺丰包邮到付不要其他快递谢谢配合'.repeat(2).slice(0, 21);
    const many = Array.from({ length: 31 }, (_, i) => `标签${i}`);
    for (const verb of ['patchCustomer', 'editCustomer']) {
      for (const tags of [[long], many]) {
        expect(await dispatch({ kf: verb, payload: { ...buyer, patch: { tags } } }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
      }
    }
    expect(await getCustomer('demo:小鹿乱撞0521')).toBeNull();
    // At the limits, saved whole.
    const fits = await ok<Customer>('patchCustomer', { ...buyer, patch: { tags: [long.slice(0, 20), ...many.slice(0, 29)] } });
    expect(fits.tags).toEqual([long.slice(0, 20), ...many.slice(0, 29)]);
  });

  it('validates payloads and writes nothing on a bad one', async () => {
    const bad = [
      null,
      { ...buyer, nickname: '' },
      { ...buyer, platform: 'ebay' },
      { ...buyer, patch: { note: 5 } },
      { ...buyer, patch: { sizes: { heightCm: '165' } } },
      { ...buyer, patch: { colour: 'red' } },
      { ...buyer, append: { nickname: 'x' } },
      { ...buyer, patch: { segment: 'gold' } },
    ];
    for (const payload of bad) expect(await dispatch({ kf: 'patchCustomer', payload }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await getCustomer('demo:小鹿乱撞0521')).toBeNull();
  });

  it('records orders seen on an order page for every buyer in one go, once per order', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ orderId: `30217890${String(i).padStart(4, '0')}`, buyer: `买家${i % 40}`, status: 'paid', flag: 'gray', remark: '' }));
    expect(await dispatch({ kf: 'reportOrders', payload: { platform: 'demo', orders: rows } }, 'content-script', DEMO_PAGE)).toMatchObject({ ok: true });
    const c = (await getCustomer('demo:买家3'))!;
    expect(c.orderIds).toHaveLength(3);
    expect(c.segment).toBe('returning');
    announced.length = 0;
    await recordOrdersSeen('demo', rows as never, Date.now());
    expect(announced).toEqual([]);
  });

  it("puts a remark saved through the panel into the buyer's history, but not one merely seen on a list", async () => {
    const ctx = { platform: 'demo' as const, orderId: '3021789000001', buyer: '小鹿乱撞0521', now: 1_700_000_000_000 };
    await recordRemarkSaved([], { ...ctx, text: '旧的一行\n【改地址】改为上海 13812345678', origin: 'seen' });
    expect(await getCustomer('demo:小鹿乱撞0521')).toBeNull();
    await recordRemarkSaved([], { ...ctx, text: '旧的一行\n【改地址】改为上海 13812345678', origin: 'saved' });
    const c = (await getCustomer('demo:小鹿乱撞0521'))!;
    expect(c.history).toMatchObject([{ kind: 'remark-saved', text: '【改地址】改为上海 138****5678', ref: '3021789000001' }]);
  });

  it('lists and searches page by page (never the whole store), and finds by nickname, tag or note text', async () => {
    for (let i = 0; i < 30; i++) {
      await ok('patchCustomer', { platform: 'demo', nickname: `客${String(i).padStart(2, '0')}`, patch: { tags: i % 3 ? [] : ['VIP1'], note: i === 7 ? '只发顺丰' : '' } });
    }
    const vip = await ok<{ items: Customer[]; next: string | null; total: number }>('listCustomers', { segment: 'vip', limit: 4 });
    expect(vip.items).toHaveLength(4);
    expect(vip.total).toBe(30);
    const rest = await ok<{ items: Customer[] }>('listCustomers', { segment: 'vip', limit: 100, after: vip.next });
    expect(vip.items.length + rest.items.length).toBe(10);
    expect((await ok<{ items: Customer[] }>('searchCustomers', { query: '顺丰' })).items.map((c) => c.nickname)).toEqual(['客07']);
    expect((await ok<{ items: Customer[] }>('searchCustomers', { query: '#vip1 客0' })).items.map((c) => c.nickname)).toEqual(['客00', '客03', '客06', '客09']);
    expect(await dispatch({ kf: 'listCustomers', payload: { limit: -1 } }, 'extension-page')).toMatchObject({ ok: false });
  });

  it('reads a continued page of 客户档案 without walking the other buyers: no count, about a page of records', async () => {
    for (let i = 0; i < 60; i++) await ok('patchCustomer', { platform: 'demo', nickname: `页${String(i).padStart(2, '0')}`, patch: { note: i === 55 ? '只收到付' : '' } });
    const counts = vi.spyOn(IDBObjectStore.prototype, 'count');
    const steps = vi.spyOn(IDBCursor.prototype, 'continue');
    try {
      const first = await ok<{ items: Customer[]; next: string | null; total?: number }>('listCustomers', { limit: 10 });
      expect(first.total).toBe(60);
      expect(counts).toHaveBeenCalledTimes(1);
      counts.mockClear();
      steps.mockClear();
      const second = await ok<{ items: Customer[]; next: string | null; total?: number }>('listCustomers', { limit: 10, after: first.next });
      expect(second.items.map((c) => c.nickname)).toEqual(Array.from({ length: 10 }, (_, i) => `页${10 + i}`));
      // IndexedDB counts by walking every record: a continued page must not.
      expect(counts).not.toHaveBeenCalled();
      expect(steps.mock.calls.length).toBeLessThanOrEqual(10);
      // A search continued from where its last call stopped does not count again either.
      counts.mockClear();
      const found = await ok<{ items: Customer[]; total?: number }>('searchCustomers', { query: '到付', after: second.next });
      expect(found.items.map((c) => c.nickname)).toEqual(['页55']);
      expect(found.total).toBeUndefined();
      expect(counts).not.toHaveBeenCalled();
    } finally {
      counts.mockRestore();
      steps.mockRestore();
    }
  });

  it('exports everything, deletes all (after a snapshot) and imports it back identically', async () => {
    for (let i = 0; i < 12; i++) {
      await ok('patchCustomer', { platform: 'demo', nickname: `买家${i}`, patch: { note: `备注${i}`, sizes: { heightCm: 150 + i } } });
      await ok('addCustomerEvent', { platform: 'demo', nickname: `买家${i}`, kind: 'issue', text: `退货${i}` });
    }
    const all: Customer[] = [];
    let after: string | undefined;
    do {
      const page = await ok<{ items: Customer[]; next: string | null }>('exportCustomers', { after, limit: 5 });
      all.push(...page.items);
      after = page.next ?? undefined;
    } while (after);
    expect(all).toHaveLength(12);
    const file = { format: 'kefu-customers', version: 1, exportedAt: 1, customers: all };

    await ok('createBackup', {});
    expect(await ok('deleteAllCustomers', { confirm: true })).toMatchObject({ deleted: 12 });
    // Deleted buyers do not survive in the local backups either.
    expect((await listSnapshots())[0]).toMatchObject({ counts: { customers: 0 } });
    expect(await dispatch({ kf: 'deleteAllCustomers', payload: {} }, 'extension-page')).toMatchObject({ ok: false });

    // Sent in parts, as the options page does for a large file.
    await ok('stageCustomersImport', { upload: 'u1', customers: all.slice(0, 7) });
    expect(await ok('importCustomers', { json: { ...file, customers: all.slice(7) }, upload: 'u1' })).toEqual({ ok: true, count: 12, added: 12, updated: 0, unchanged: 0, backedUp: true, over: [] });
    const back: Customer[] = (await ok<{ items: Customer[] }>('exportCustomers', {})).items;
    expect(back).toEqual(all);
  });

  it('refuses (upload-lost, nothing written) a part that does not follow the ones held and a commit short of its count: a worker started again between them lost the earlier parts', async () => {
    for (let i = 0; i < 12; i++) await ok('patchCustomer', { platform: 'demo', nickname: `买家${i}`, patch: { note: `备注${i}` } });
    const all = (await ok<{ items: Customer[] }>('exportCustomers', {})).items;
    const file = { format: 'kefu-customers', version: 1, exportedAt: 1, customers: [] };
    await ok('deleteAllCustomers', { confirm: true });
    const refusal = async (verb: string, payload: unknown) => {
      const r = await dispatch({ kf: verb, payload }, 'extension-page', {});
      return r.ok ? 'accepted' : r.error.code;
    };
    // The first part went with the stopped worker: the second arrives at a fresh one.
    expect(await refusal('stageCustomersImport', { upload: 'u7', customers: all.slice(5), from: 5 })).toBe('upload-lost');
    // Parts held, but fewer than the page sent (the commit says how many).
    await ok('stageCustomersImport', { upload: 'u8', customers: all.slice(0, 5), from: 0 });
    expect(await refusal('importCustomers', { json: file, upload: 'u8', count: 12 })).toBe('upload-lost');
    // None held (the worker started again after the last part), for the whole-data import too.
    expect(await refusal('importAllData', { json: { format: 'kefu-all-data', version: 1, customers: file }, upload: 'u9', count: 12 })).toBe('upload-lost');
    expect((await ok<{ items: Customer[] }>('exportCustomers', {})).items).toEqual([]);
    // Sent whole again: all of it.
    await ok('stageCustomersImport', { upload: 'u10', customers: all.slice(0, 7), from: 0 });
    await ok('stageCustomersImport', { upload: 'u10', customers: all.slice(7), from: 7 });
    expect(await ok('importCustomers', { json: file, upload: 'u10', count: 12 })).toMatchObject({ ok: true, count: 12, added: 12 });
  });

  it('schedules the revisits of imported VIPs last seen long ago, 20 a day, and answers how many and when', async () => {
    await db.clear('followups');
    const { invalidateFollowupCache, loadFollowups } = await import('../../storage/followups');
    invalidateFollowupCache();
    for (let i = 0; i < 45; i++) await ok('patchCustomer', { platform: 'demo', nickname: `老客${i}`, patch: { note: '老客户', tags: ['VIP2'] } });
    await ok('patchCustomer', { platform: 'demo', nickname: '新客', patch: { note: '第一次' } });
    const all = (await ok<{ items: Customer[] }>('exportCustomers', {})).items;
    const longAgo = Date.now() - 200 * 86_400_000;
    const file = { format: 'kefu-customers', version: 1, exportedAt: 1, customers: all.map((c) => ({ ...c, lastSeenAt: longAgo, updatedAt: c.updatedAt + 1 })) };
    await ok('deleteAllCustomers', { confirm: true });
    await db.clear('followups');
    invalidateFollowupCache();

    const r = await ok<{ ok: true; count: number; revisits?: number[] }>('importCustomers', { json: file });
    expect(r).toMatchObject({ ok: true, count: 46 });
    // Every imported VIP got a revisit, at once (not at the next hourly job), and the answer lists them.
    const items = (await loadFollowups()).filter((f) => f.kind === 'vip-revisit');
    expect(items).toHaveLength(45);
    expect([...r.revisits!].sort()).toEqual(items.map((f) => f.dueAt).sort());
    // Spread 20, 20, 5 over three shop days.
    expect(perDay([...r.revisits!].sort())).toEqual([20, 20, 5]);
    // Imported again, nothing new is scheduled, and the answer says none.
    expect(await ok('importCustomers', { json: file })).not.toHaveProperty('revisits');
  });

  it('schedules the revisits of the buyers an import brought only: a VIP already here, due but not yet scheduled, is left to the hourly job', async () => {
    const { invalidateFollowupCache, loadFollowups } = await import('../../storage/followups');
    const longAgo = Date.now() - 200 * 86_400_000;
    const vip = async (nickname: string) => {
      await ok('patchCustomer', { platform: 'demo', nickname, patch: { note: '老客户', tags: ['VIP2'] } });
      const c = (await getCustomer(`demo:${nickname}`))!;
      return { ...c, lastSeenAt: longAgo, updatedAt: c.updatedAt + 1 };
    };
    const here = await vip('早就在');
    await ok('importCustomers', { json: { format: 'kefu-customers', version: 1, exportedAt: 1, customers: [here] } });
    const brought = await vip('新导入');
    await deleteAllCustomers();
    await ok('importCustomers', { json: { format: 'kefu-customers', version: 1, exportedAt: 1, customers: [here] } });
    // 早就在's revisit is not scheduled yet (as if its import came before the shop's hourly job ran).
    await db.clear('followups');
    invalidateFollowupCache();
    const r = await ok<{ ok: true; revisits?: number[] }>('importCustomers', { json: { format: 'kefu-customers', version: 1, exportedAt: 1, customers: [brought] } });
    expect(r.revisits).toHaveLength(1);
    expect((await loadFollowups()).filter((f) => f.kind === 'vip-revisit').map((f) => f.buyer)).toEqual(['新导入']);
  });

  it('imports into a shop of buyers reading only the records already here: 70 in the file, 35 of them here', async () => {
    for (let i = 0; i < 35; i++) await ok('patchCustomer', { platform: 'demo', nickname: `买家${i}`, patch: { note: `旧${i}` } });
    const here = (await ok<{ items: Customer[] }>('exportCustomers', {})).items;
    const fresh = here.map((c, i) => ({ ...c, key: `demo:新客${i}`, nickname: `新客${i}` }));
    const newer = here.map((c) => ({ ...c, note: `${c.note}，改`, updatedAt: c.updatedAt + 1 }));
    const file = { format: 'kefu-customers', version: 1, exportedAt: 1, customers: [...newer, ...fresh] };
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    try {
      expect(await ok('importCustomers', { json: file })).toMatchObject({ ok: true, count: 70, added: 35, updated: 35, unchanged: 0 });
      // The 35 here, read once for the check and once for the write; the 35 new ones never asked for.
      expect(gets.mock.calls.filter(([k]) => String(k).startsWith('demo:新客'))).toEqual([]);
    } finally {
      gets.mockRestore();
    }
    expect((await getCustomer('demo:买家7'))!.note).toBe('旧7，改');
    expect((await getCustomer('demo:新客7'))!.note).toBe(here[7]!.note);
    expect((await ok<{ total: number }>('listCustomers', { limit: 1 })).total).toBe(70);
  });

  it('an import bringing two console ids of one name claims the name for both: an order row under that name alone joins neither', async () => {
    const { claimsOf } = await import('../../storage/buyer-names');
    const { resolveByName } = await import('../../storage/customers');
    for (const buyerId of ['u-1', 'u-2']) await ok('patchCustomer', { platform: 'demo', nickname: '小鹿', buyerId, patch: { note: buyerId } });
    const file = { format: 'kefu-customers', version: 2, exportedAt: 1, customers: (await ok<{ items: Customer[] }>('exportCustomers', {})).items };
    await ok('deleteAllCustomers', { confirm: true });
    expect(await claimsOf('demo:小鹿')).toEqual([]);
    expect(await ok('importCustomers', { json: file })).toMatchObject({ ok: true, added: 2 });
    expect((await claimsOf('demo:小鹿')).sort()).toEqual(['u-1', 'u-2']);
    expect(await resolveByName([{ platform: 'demo', nickname: '小鹿' }])).toEqual([{ platform: 'demo', nickname: '小鹿' }]);
  });

  it('a nickname-only record whose name the file itself gives to two console ids is kept apart, not joined to the one id claimed here: the same file imported twice gives the same buyers', async () => {
    await patchSettings({ privacy: { maskPii: false, retentionDays: 0 } });
    await ok('patchCustomer', { platform: 'demo', nickname: '小鹿', buyerId: 'u-1', patch: { note: '一号的备注' } });
    const one = (await getCustomer('demo#u-1'))!;
    const two = { ...one, key: 'demo#u-2', buyerId: 'u-2', note: '二号的备注' };
    const byName = { ...one, key: 'demo:小鹿', note: '只记了名字：要顺丰' };
    delete (byName as Partial<Customer>).buyerId;
    const file = { format: 'kefu-customers', version: 2, exportedAt: 1, customers: [one, two, byName] };
    const keys = async () => (await ok<{ items: Customer[] }>('exportCustomers', {})).items.map((c) => c.key).sort();
    expect(await ok('importCustomers', { json: file })).toMatchObject({ ok: true, added: 2 });
    // Whose 要顺丰 it is, the file does not say: u-1's card does not take it.
    expect((await getCustomer('demo#u-1'))!.note).toBe('一号的备注');
    expect((await getCustomer('demo:小鹿'))!.note).toBe('只记了名字：要顺丰');
    expect(await keys()).toEqual(['demo#u-1', 'demo#u-2', 'demo:小鹿']);
    expect(await ok('importCustomers', { json: file })).toMatchObject({ ok: true, added: 0 });
    expect(await keys()).toEqual(['demo#u-1', 'demo#u-2', 'demo:小鹿']);
  });

  it('refuses a bad file whole, naming the entry, and changes nothing', async () => {
    await ok('patchCustomer', { ...buyer, patch: { note: '原有' } });
    const good = (await getCustomer('demo:小鹿乱撞0521'))!;
    const file = { format: 'kefu-customers', version: 1, exportedAt: 1, customers: [{ ...good, note: '被覆盖' , updatedAt: good.updatedAt + 1 }, { ...good, key: 'demo:李四', nickname: '李四', createdAt: 'yesterday' }] };
    const r = await ok<{ ok: boolean; errors: string[] }>('importCustomers', { json: file });
    expect(r.ok).toBe(false);
    expect(r.errors.join('\n')).toContain('第 2 条「李四」');
    expect((await getCustomer('demo:小鹿乱撞0521'))!.note).toBe('原有');
    expect(await getCustomer('demo:李四')).toBeNull();
  });

  it('takes a safety copy before an import writes (the import can be undone from 备份); a refused file takes none', async () => {
    await ok('patchCustomer', { ...buyer, patch: { note: '原有' } });
    const good = (await getCustomer('demo:小鹿乱撞0521'))!;
    const file = { format: 'kefu-customers', version: 1, exportedAt: 1, customers: [{ ...good, note: '被覆盖', updatedAt: good.updatedAt + 1 }] };
    await ok('importCustomers', { json: { ...file, customers: [{ ...good, createdAt: 'yesterday' }] } });
    expect(await listSnapshots()).toEqual([]);
    announced.length = 0;
    expect(await ok('importCustomers', { json: file })).toEqual({ ok: true, count: 1, added: 0, updated: 1, unchanged: 0, backedUp: true, over: [] });
    expect((await getCustomer('demo:小鹿乱撞0521'))!.note).toBe('被覆盖');
    // The same file again changes nothing: said so, and no second copy pushes out the first.
    expect(await ok('importCustomers', { json: file })).toEqual({ ok: true, count: 1, added: 0, updated: 0, unchanged: 1, backedUp: false, over: [] });
    const [copy, ...more] = await listSnapshots();
    expect(more).toEqual([]);
    expect(copy).toMatchObject({ reason: 'before-import-customers', contents: { buyers: 1 } });
    expect(announced).toContain('kf:rev:backups');
    await ok('restoreBackup', { id: copy!.id });
    expect((await getCustomer('demo:小鹿乱撞0521'))!.note).toBe('原有');
  });

  it('exports and deletes one buyer', async () => {
    await ok('patchCustomer', { ...buyer, patch: { note: '身高165' } });
    expect(await ok('exportCustomer', buyer)).toMatchObject({ customer: { nickname: '小鹿乱撞0521', note: '身高165' }, followups: [], overrides: [], picks: [] });
    expect(await ok('deleteCustomer', buyer)).toMatchObject({ deleted: true });
    expect(await getCustomer('demo:小鹿乱撞0521')).toBeNull();
  });

  it('the daily job purges buyers untouched for the retention period set in the privacy settings', async () => {
    const DAY = 86_400_000;
    await ok('patchCustomer', { ...buyer, patch: { note: '旧' } });
    const now = Date.now() + 91 * DAY;
    expect(await customersDailyJob(now)).toBe(0);
    await patchSettings({ privacy: { maskPii: true, retentionDays: 90 } });
    expect(await customersDailyJob(now)).toBe(1);
    expect(await getCustomer('demo:小鹿乱撞0521')).toBeNull();
    expect(announced).toContain('kf:rev:customers');
  });
});

describe('deleting a buyer leaves nothing of them behind', () => {
  const PHONE = '13912345678';
  const sunny = { platform: 'demo', nickname: '阳光明媚的日子', buyerId: 'u-1001' } as const;
  const CHAT = { tabId: 1, url: 'http://127.0.0.1:5173/chat?buyer=u-1001' };

  /** Every record of every store, backups included, as one text. */
  const everything = async () => JSON.stringify(await Promise.all((['customers', 'buyer-names', 'followups', 'meta', 'learned', 'backups'] as const).map((s) => db.entries(s))));

  beforeEach(async () => {
    for (const s of ['followups', 'learned', 'meta'] as const) await db.clear(s);
    await patchSettings({ privacy: { maskPii: true, retentionDays: 0 } });
    await ok('addCustomerEvent', { ...sunny, kind: 'note', text: `收件人张晓红 手机${PHONE}` }, 'content-script', CHAT);
    const fu = { platform: 'demo', buyer: sunny.nickname, buyerId: sunny.buyerId };
    const made = await ok<{ id: string }>('addFollowup', { kind: 'promised-answer', ...fu, note: '回电' }, 'content-script', CHAT);
    await ok('updateFollowup', { id: made.id, action: 'note', text: `回电 ${PHONE}，张晓红` });
    await ok('addFollowup', { kind: 'inquiry', ...fu }, 'content-script', CHAT);
    await ok('updateFollowup', { id: 'inquiry:demo#u-1001', action: 'done' });
    await ok('addFollowup', { kind: 'manual', title: '给阳光明媚的日子寄赠品' });
    await ok('addFollowup', { kind: 'inquiry', platform: 'demo', buyer: '米粒妈妈', buyerId: 'u-1002' }, 'content-script', DEMO_PAGE);
    // A pick made where the page did not name the buyer still holds the name.
    await db.set('learned', 'p1', { id: 'p1', at: Date.now(), text: '我是阳光明媚的日子 改地址', scenario: 'address-change', templateId: null, source: 'chip' });
    await db.set('meta', 'remarkOverrides', { v: 1, items: [{ at: 1, platform: 'demo', orderId: '4012938475610293847', buyer: '阳光明媚的日子', flag: 'yellow', agent: '小美', reason: '买家急', problems: [], text: `改电话 ${PHONE}` }] });
    await ok('createBackup', undefined);
  });

  it('counts first what would go: the open and done follow-ups, picks holding the name, override entries', async () => {
    expect(await ok('previewBuyerDeletion', { buyer: sunny })).toEqual({ buyers: 1, open: 1, done: 1, learned: 1, overrides: 1 });
    expect(await ok('previewBuyerDeletion', {})).toEqual({ buyers: 1, open: 2, done: 1, learned: 1, overrides: 1 });
    // Counting changes nothing.
    expect(await everything()).toContain('阳光明媚的日子');
    expect(await dispatch({ kf: 'previewBuyerDeletion', payload: { buyer: sunny } }, 'content-script', CHAT)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('exports what deleting would take: the record, the follow-ups with their notes, the override entries, the picks naming them', async () => {
    const data = await ok<BuyerData>('exportCustomer', sunny);
    expect(data.customer).toMatchObject({ key: 'demo#u-1001', nickname: sunny.nickname });
    expect(data.followups.map((f) => `${f.kind} ${f.status}`).sort()).toEqual(['inquiry done', 'promised-answer open']);
    expect(data.followups.find((f) => f.kind === 'promised-answer')!.note).toContain('回电 139****5678');
    expect(data.overrides.map((o) => o.orderId)).toEqual(['4012938475610293847']);
    expect(data.picks.map((p) => p.id)).toEqual(['p1']);
    // The other buyer's item and the to-do naming nobody are not this buyer's.
    expect(JSON.stringify(data)).not.toContain('米粒妈妈');
    const counts = await ok<ForgetCounts>('previewBuyerDeletion', { buyer: sunny });
    expect([data.followups.length, data.overrides.length, data.picks.length]).toEqual([counts.open + counts.done, counts.overrides, counts.learned]);
    expect(await dispatch({ kf: 'exportCustomer', payload: sunny }, 'content-script', CHAT)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it("the buyer's JSON and CSV files carry their learned pick and their override entry with shop-time dates, and not another buyer's", async () => {
    // Fixed moments, so the files' dates can be read off: 14:05 and 09:30 in Beijing.
    const PICKED = Date.UTC(2026, 10, 20, 6, 5);
    const OVERRIDDEN = Date.UTC(2026, 10, 18, 1, 30);
    await db.set('learned', 'p1', { id: 'p1', at: PICKED, text: '阳光明媚的日子 想把收货地址换到公司', scenario: 'address-change', templateId: null, source: 'chip' });
    await db.set('learned', 'p2', { id: 'p2', at: PICKED, text: '米粒妈妈 问能不能改成周末送', scenario: 'address-change', templateId: null, source: 'chip' });
    const entry = { platform: 'demo', flag: 'yellow', agent: '小美', problems: [], text: '' };
    await db.set('meta', 'remarkOverrides', {
      v: 1,
      items: [
        { ...entry, at: OVERRIDDEN, orderId: '4012938475610293847', buyer: '阳光明媚的日子', reason: '买家赶时间先保存' },
        { ...entry, at: OVERRIDDEN, orderId: '5550001112223334445', buyer: '米粒妈妈', reason: '仓库要求加急' },
      ],
    });
    const data = await ok<BuyerData>('exportCustomer', sunny);
    const NOW = Date.UTC(2026, 11, 5, 4, 0);

    const file = JSON.parse(buyerExportJson(data, NOW, 480));
    expect(file.learnedPicks).toEqual([expect.objectContaining({ id: 'p1', text: '阳光明媚的日子 想把收货地址换到公司', at: '2026-11-20T14:05:00+08:00' })]);
    expect(file.remarkOverrides).toEqual([expect.objectContaining({ orderId: '4012938475610293847', reason: '买家赶时间先保存', at: '2026-11-18T09:30:00+08:00' })]);

    const csv = buyerExportCsv(data, sunny, NOW, 480);
    const lines = csv.split('\r\n');
    // The row under a section's title and its column names.
    const after = (title: string) => (expect(lines).toContain(title), lines.slice(lines.indexOf(title) + 2));
    expect(after('违规保存的订单备注记录（1 条）')[0]).toBe('2026-11-18 09:30,演示,"=""4012938475610293847""",黄旗,小美,,,买家赶时间先保存');
    expect(after('学到的回复选择（1 条，买家消息已遮蔽）')[0]).toBe('2026-11-20 14:05,改地址,阳光明媚的日子 想把收货地址换到公司');

    for (const text of [JSON.stringify(file), csv]) {
      for (const theirs of ['米粒妈妈', '5550001112223334445', '仓库要求加急', '周末送']) expect(text, theirs).not.toContain(theirs);
    }
  });

  it('with its open follow-ups: no name, id or phone of the buyer is left in any store or backup; other buyers keep theirs', async () => {
    expect(await ok('deleteCustomer', { ...sunny, openFollowups: 'delete' })).toEqual({ deleted: true, open: 1, done: 1, learned: 1, overrides: 1 });
    const all = await everything();
    for (const gone of ['阳光明媚的日子', 'u-1001', PHONE, '张晓红']) expect(all, gone).not.toContain(gone);
    expect(all).toContain('inquiry:demo#u-1002');
    expect(all).toContain('给某买家寄赠品');
    expect((await listSnapshots())[0]!.contents.followups).toBe(2);
    expect(announced).toEqual(expect.arrayContaining(['kf:rev:followups', 'kf:rev:learned', 'kf:rev:rules', 'kf:rev:backups']));
  });

  it("takes the reply clock's hash of their conversation out, live and in the backup; the day's first responses and other buyers' hashes stay", async () => {
    // As the panel records an answered wait: a hash of the platform and the console id (or the name).
    const theirs = fnv1a('demo\u0000u-1001');
    const byName = fnv1a('demo\u0000阳光明媚的日子');
    const other = fnv1a('demo\u0000u-1002');
    await db.set('meta', 'replyClock', { v: 1, days: { '2026-12-05': { demo: { conversations: [theirs, other, byName], firstMs: [30_000, 45_000, 60_000] } } } });
    await ok('createBackup', undefined);
    await ok('deleteCustomer', { ...sunny, openFollowups: 'delete' });
    const clock = await db.get<{ days: Record<string, { demo: { conversations: string[]; firstMs: number[] } }> }>('meta', 'replyClock');
    expect(clock!.days['2026-12-05']!.demo).toEqual({ conversations: ['', other, ''], firstMs: [30_000, 45_000, 60_000] });
    const all = await everything();
    for (const gone of [theirs, byName]) expect(all, gone).not.toContain(`"${gone}"`);
    expect(all).toContain(`"${other}"`);
  });

  it("takes their items' order numbers out of the day's notification log, live and in the backup; another buyer's stay", async () => {
    // Their unpaid order and another buyer's, both announced before today's cut-off.
    const ORDER = '4012938475610290001';
    const OTHER = '4012938475610290002';
    const row = (orderId: string, buyer: string, buyerId: string) => ({ orderId, buyer, buyerId, status: 'unpaid', flag: 'gray', remark: '', createdAt: Date.now() - 3 * 3600_000 });
    await ok('reportOrders', { platform: 'demo', orders: [row(ORDER, sunny.nickname, sunny.buyerId), row(OTHER, '米粒妈妈', 'u-1002')] }, 'content-script', { tabId: 7, url: 'http://127.0.0.1:4100/orders?tab=unpaid' });
    expect((await db.keys('followups')).sort()).toEqual(expect.arrayContaining([`unpaid:${ORDER}`, `unpaid:${OTHER}`]));
    await db.set('meta', 'followups:notified', { v: 1, day: '2026-12-06', ids: [`unpaid:${ORDER}`, `unpaid:${OTHER}`] });
    await ok('createBackup', undefined);
    await ok('deleteCustomer', { ...sunny, openFollowups: 'delete' });
    expect(await db.get('meta', 'followups:notified')).toEqual({ v: 1, day: '2026-12-06', ids: [`unpaid:${OTHER}`] });
    const all = await everything();
    expect(all).not.toContain(ORDER);
    expect(all).toContain(OTHER);
  });

  it('keeping the open follow-ups keeps them anonymous, in the list and in the backup', async () => {
    await ok('deleteCustomer', { ...sunny, openFollowups: 'keep' });
    const all = await everything();
    for (const gone of ['阳光明媚的日子', 'u-1001', PHONE]) expect(all, gone).not.toContain(gone);
    const kept = (await db.values<{ kind: string; note?: string; title: string }>('followups')).find((f) => f.kind === 'promised-answer');
    expect(kept).toMatchObject({ title: '承诺答复', note: '回电\n回电 139****5678，张晓红' });
  });

  it('全部删除 forgets every buyer the same way', async () => {
    expect(await ok('deleteAllCustomers', { confirm: true, openFollowups: 'delete' })).toEqual({ deleted: 1, open: 2, done: 1, learned: 1, overrides: 1 });
    const all = await everything();
    for (const gone of ['阳光明媚的日子', 'u-1001', '米粒妈妈', PHONE]) expect(all, gone).not.toContain(gone);
    expect(await dispatch({ kf: 'deleteAllCustomers', payload: { confirm: true, openFollowups: 'maybe' } }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
  describe('the daily retention purge', () => {
    const DAY = 86_400_000;
    const later = () => Date.now() + 91 * DAY;
    /** A note the other buyer's item got while masking was off (as before masking existed). */
    async function unmaskedNote(): Promise<void> {
      await patchSettings({ privacy: { maskPii: false, retentionDays: 0 } });
      await ok('updateFollowup', { id: 'inquiry:demo#u-1002', action: 'note', text: '备用电话 13700001111' });
    }
    const followups = () => db.values<{ id: string; kind: string; buyer?: string; buyerId?: string; note?: string; title: string; status: string }>('followups');

    it('forgets an expired buyer as deleting does: done items gone, open ones kept anonymous, picks and the override log without them, backups too', async () => {
      await unmaskedNote();
      await patchSettings({ privacy: { maskPii: true, retentionDays: 90 } });
      expect(await customersDailyJob(later())).toBe(1);
      const all = await everything();
      for (const gone of ['阳光明媚的日子', 'u-1001', PHONE]) expect(all, gone).not.toContain(gone);
      const items = await followups();
      // The promise made to the buyer is still there to keep, without who it was for.
      expect(items.find((f) => f.kind === 'promised-answer')).toMatchObject({ title: '承诺答复', status: 'open', note: '回电\n回电 139****5678，张晓红' });
      expect(items.find((f) => f.kind === 'promised-answer')).not.toHaveProperty('buyerId');
      expect(items.some((f) => f.kind === 'inquiry' && f.buyerId === 'u-1001')).toBe(false);
      expect(items.find((f) => f.kind === 'manual')?.title).toBe('给某买家寄赠品');
      // The other buyer keeps their item and name; the number typed while masking was off is masked now.
      expect(items.find((f) => f.id === 'inquiry:demo#u-1002')).toMatchObject({ buyer: '米粒妈妈', note: '备用电话 137****1111' });
      expect(await db.get('learned', 'p1')).toBeUndefined();
      expect((await db.get<{ items: { buyer: string; text: string }[] }>('meta', 'remarkOverrides'))!.items[0]).toMatchObject({ buyer: '', text: '', orderId: expect.any(String) });
      expect(announced).toEqual(expect.arrayContaining(['kf:rev:followups', 'kf:rev:learned', 'kf:rev:rules', 'kf:rev:backups']));
    });

    it('stays on this machine in team mode: the purge reports nothing as deleted for the team', async () => {
      const areas: string[] = [];
      setLocalChangeListener(async (area) => void areas.push(area));
      try {
        await patchSettings({ privacy: { maskPii: true, retentionDays: 90 } });
        expect(await customersDailyJob(later())).toBe(1);
        expect(areas.filter((a) => a.startsWith('deleted-'))).toEqual([]);
      } finally {
        setLocalChangeListener(null);
      }
    });

    it('masks numbers left in clear in follow-ups even when nobody is past the period, and not while the shop keeps numbers', async () => {
      await unmaskedNote();
      await patchSettings({ privacy: { maskPii: false, retentionDays: 90 } });
      expect(await customersDailyJob(Date.now())).toBe(0);
      expect((await followups()).find((f) => f.id === 'inquiry:demo#u-1002')?.note).toBe('备用电话 13700001111');
      await patchSettings({ privacy: { maskPii: true, retentionDays: 90 } });
      expect(await customersDailyJob(Date.now())).toBe(0);
      expect((await followups()).find((f) => f.id === 'inquiry:demo#u-1002')?.note).toBe('备用电话 137****1111');
      expect(await getCustomer('demo#u-1001')).not.toBeNull();
    });
  });

  it("a buyer the team deleted on another machine leaves this machine's backups and override log too, and nothing goes back to the team", async () => {
    const { storageStores } = await import('../../team/storage-bridge');
    const reported: string[] = [];
    setLocalChangeListener(async (area) => void reported.push(area));
    try {
      const inBackups = async () => JSON.stringify(await db.entries('backups'));
      expect(await inBackups()).toContain('阳光明媚的日子');
      // The team page imports a colleague's deletion of the buyer and of their two items.
      const at = Date.now();
      const told: string[] = [];
      const page = storageStores(async (area) => void told.push(area));
      await page.dropCustomers([{ key: 'demo#u-1001', at }]);
      const theirs = (await db.values<{ id: string; buyerId?: string }>('followups')).filter((f) => f.buyerId === 'u-1001').map((f) => f.id);
      await page.dropFollowups(theirs.map((key) => ({ key, at })));
      const backups = await inBackups();
      for (const gone of ['阳光明媚的日子', 'u-1001', PHONE]) expect(backups, gone).not.toContain(gone);
      // The other buyer stays in the backup; the buyer's open item there is kept, anonymous.
      expect(backups).toContain('米粒妈妈');
      expect(backups).toContain('回电 139****5678');
      expect((await db.get<{ items: { buyer: string; text: string }[] }>('meta', 'remarkOverrides'))!.items[0]).toMatchObject({ buyer: '', text: '', orderId: expect.any(String) });
      expect(await db.get('learned', 'p1')).toBeUndefined();
      expect(await db.get('buyer-names', 'demo:阳光明媚的日子')).toBeUndefined();
      // Open 备份 tabs, the override list and the suggestion engine are told (through the worker).
      expect(told).toEqual(expect.arrayContaining(['backups', 'rules', 'learned']));
      // The deletion came from the team: nothing is sent back as deleted, and the live list is the
      // team's (the colleague's machine sends its own edit of the to-do naming the buyer).
      expect(reported.filter((a) => a.startsWith('deleted-') || a === 'followups')).toEqual([]);
      expect((await db.values<{ title: string }>('followups')).map((f) => f.title)).toContain('给阳光明媚的日子寄赠品');
    } finally {
      setLocalChangeListener(null);
    }
  });

  it('in team mode the buyer and every follow-up deleted with them are reported as deleted for the team (one buyer, and 全部删除)', async () => {
    const deleted: Record<string, string[]> = {};
    setLocalChangeListener(async (area, keys) => void (area.startsWith('deleted-') && (deleted[area] = [...(deleted[area] ?? []), ...keys])));
    try {
      const before = await db.keys('followups');
      await ok('deleteCustomer', { ...sunny, openFollowups: 'keep' });
      const after = new Set(await db.keys('followups'));
      const gone = before.filter((id) => !after.has(id));
      // The done item, and the open one whose id named the buyer (kept anonymous under a new id).
      expect(gone).toContain('inquiry:demo#u-1001');
      expect(deleted).toEqual({ 'deleted-customers': ['demo#u-1001'], 'deleted-followups': gone });

      for (const k of Object.keys(deleted)) delete deleted[k];
      await ok('addCustomerEvent', { platform: 'demo', nickname: '米粒妈妈', buyerId: 'u-1002', kind: 'note', text: '要发票' }, 'content-script', DEMO_PAGE);
      await ok('deleteAllCustomers', { confirm: true, openFollowups: 'delete' });
      expect(deleted['deleted-customers']).toEqual(['demo#u-1002']);
      expect(deleted['deleted-followups']).toContain('inquiry:demo#u-1002');
    } finally {
      setLocalChangeListener(null);
    }
  });
});

describe('the options page edits a buyer and previews a retention period', () => {
  const DAY = 86_400_000;
  const old = (nickname: string, daysAgo: number) => {
    const at = Date.now() - daysAgo * DAY;
    const key = `demo:${nickname}`;
    return db.set('customers', key, { v: 2, key, platform: 'demo', nickname, note: '旧客', createdAt: at, updatedAt: at, lastSeenAt: at });
  };

  it("edits a stored buyer's fields as the card does (checked, masked), announces it, and is for extension pages only", async () => {
    await ok('patchCustomer', { ...buyer, buyerId: 'u-1001', patch: { tags: ['VIP2'], sizes: { heightCm: 162 } } });
    announced.length = 0;
    const c = await ok<Customer>('editCustomer', { ...buyer, buyerId: 'u-1001', patch: { tags: ['VIP3', '批发'], note: '改电话 13812345678', segment: 'difficult' } });
    expect(c).toMatchObject({ key: 'demo#u-1001', tags: ['VIP3', '批发'], sizes: { heightCm: 162 }, note: '改电话 138****5678', segment: 'difficult' });
    expect(await getCustomer('demo#u-1001')).toEqual(c);
    expect(announced).toContain('kf:rev:customers');
    expect(await dispatch({ kf: 'editCustomer', payload: { ...buyer, patch: { note: 'x' } } }, 'content-script', DEMO_PAGE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const patch of [undefined, { sizes: { heightCm: '165' } }, { nickname: 'x' }]) {
      expect(await dispatch({ kf: 'editCustomer', payload: { ...buyer, buyerId: 'u-1001', patch } }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
  });

  it('does not bring back a buyer deleted meanwhile, nor join a same-name record to the id', async () => {
    expect(await ok('editCustomer', { ...buyer, patch: { note: '迟到的修改' } })).toBeNull();
    expect(await getCustomer('demo:小鹿乱撞0521')).toBeNull();
    // A record kept under the name, and the id's own record: the edit of the id's record leaves the name's alone.
    await ok('patchCustomer', { ...buyer, patch: { note: '名字下的' } });
    await db.set('customers', 'demo#u-9', { v: 2, key: 'demo#u-9', platform: 'demo', buyerId: 'u-9', nickname: '小鹿乱撞0521', note: '', createdAt: 1, updatedAt: 1, lastSeenAt: 1 });
    await ok('editCustomer', { ...buyer, buyerId: 'u-9', patch: { preferences: '宽松' } });
    expect((await getCustomer('demo:小鹿乱撞0521'))?.note).toBe('名字下的');
    expect(await getCustomer('demo#u-9')).toMatchObject({ preferences: '宽松', note: '' });
  });

  it('counts the buyers and learned picks a shorter period would delete now, as the daily job then does', async () => {
    await db.clear('learned');
    await old('半年没来', 200);
    await old('两个月没来', 60);
    await ok('patchCustomer', { ...buyer, patch: { note: '今天来过' } });
    const pick = (id: string, daysAgo: number) => ({ id, at: Date.now() - daysAgo * DAY, text: '能便宜点吗', scenario: 'bargain', templateId: null, source: 'chip' });
    await db.setMany('learned', [['p1', pick('p1', 100)], ['p2', pick('p2', 3)]]);
    expect(await ok('previewRetention', { days: 0 })).toEqual({ customers: 0, learned: 0 });
    expect(await ok('previewRetention', { days: 365 })).toEqual({ customers: 0, learned: 0 });
    expect(await ok('previewRetention', { days: 90 })).toEqual({ customers: 1, learned: 1 });
    expect(await ok('previewRetention', { days: 30 })).toEqual({ customers: 2, learned: 1 });
    // Counting deletes nothing.
    expect(await getCustomer('demo:半年没来')).not.toBeNull();
    await patchSettings({ privacy: { maskPii: true, retentionDays: 30 } });
    expect(await customersDailyJob(Date.now())).toBe(2);
    for (const payload of [{}, { days: -1 }, { days: 1.5 }, { days: '30' }]) {
      expect(await dispatch({ kf: 'previewRetention', payload }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await dispatch({ kf: 'previewRetention', payload: { days: 30 } }, 'content-script', DEMO_PAGE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('tells open 备份 tabs when a deleted buyer leaves a backup, and only then', async () => {
    await ok('patchCustomer', { ...buyer, patch: { note: 'x' } });
    await ok('createBackup', undefined);
    expect(announced).toContain('kf:rev:backups');
    announced.length = 0;
    await ok('patchCustomer', { platform: 'demo', nickname: '不在备份里', patch: { note: 'y' } });
    await ok('deleteCustomer', { platform: 'demo', nickname: '不在备份里' });
    expect(announced).not.toContain('kf:rev:backups');
    await ok('deleteCustomer', buyer);
    expect(announced).toContain('kf:rev:backups');
  });
});

describe('buyer identity through the protocol', () => {
  const PDD_PAGE = { tabId: 2, url: 'https://mms.pinduoduo.com/chat-merchant/index.html#/' };
  const a = { platform: 'pdd', nickname: 'S*******n', buyerId: '88001' } as const;
  const b = { platform: 'pdd', nickname: 'S*******n', buyerId: '88002' } as const;

  it('keeps two buyers with the same masked nickname apart by their console ids', async () => {
    await ok('addCustomerEvent', { ...a, kind: 'note', text: '甲的备注' }, 'content-script', PDD_PAGE);
    await ok('patchCustomer', { ...b, patch: { preferences: '乙只要顺丰' } }, 'content-script', PDD_PAGE);
    const ca = await ok<Customer>('getCustomer', a, 'content-script', PDD_PAGE);
    const cb = await ok<Customer>('getCustomer', b, 'content-script', PDD_PAGE);
    expect([ca.key, ca.history.map((e) => e.text), ca.preferences]).toEqual(['pdd#88001', ['甲的备注'], '']);
    expect([cb.key, cb.history.map((e) => e.text), cb.preferences]).toEqual(['pdd#88002', [], '乙只要顺丰']);
  });

  it('still refuses another console’s buyers with an id, and names a bad id', async () => {
    const r = await dispatch({ kf: 'getCustomer', payload: a }, 'content-script', DEMO_PAGE);
    expect(r.ok).toBe(false);
    const bad = await dispatch({ kf: 'getCustomer', payload: { ...a, buyerId: 42 } }, 'content-script', PDD_PAGE);
    expect(!bad.ok && JSON.stringify(bad.error)).toMatch(/buyerId/);
  });

  it('shows a buyer noted before ids under their id once the page shows it (unmasked name)', async () => {
    await db.set('customers', 'demo:小鹿乱撞0521', { v: 1, key: 'demo:小鹿乱撞0521', platform: 'demo', nickname: '小鹿乱撞0521', note: '老备注', createdAt: 1, updatedAt: 1, lastSeenAt: 1 });
    const c = await ok<Customer>('getCustomer', { ...buyer, buyerId: 'demo-u1' }, 'content-script');
    expect(c).toMatchObject({ key: 'demo#demo-u1', note: '老备注' });
    expect(announced).toContain('kf:rev:customers');
  });

  it('imports an export taken before the buyer was joined to their id into the joined record: one buyer, the file’s newer note merged in masked (QA pass P, defect 4)', async () => {
    const who = { platform: 'demo', nickname: '青柠汽水' } as const;
    await ok('patchCustomer', { ...who, patch: { note: '住公司，工作日收件' } });
    const old = (await ok<{ items: Customer[] }>('exportCustomers', {})).items;
    const file = (customers: Customer[]) => ({ format: 'kefu-customers', version: 2, exportedAt: 1, customers });
    // The panel shows the buyer with the console's id: the nickname-only record joins it.
    expect(await ok<Customer>('getCustomer', { ...who, buyerId: 'u-7' }, 'content-script')).toMatchObject({ key: 'demo#u-7' });
    const keys = async () => (await ok<{ items: Customer[] }>('exportCustomers', {})).items.map((c) => c.key);
    expect(await keys()).toEqual(['demo#u-7']);

    expect(await ok('importCustomers', { json: file(old) })).toMatchObject({ ok: true, count: 1, added: 0, updated: 0, unchanged: 1 });
    expect(await keys()).toEqual(['demo#u-7']);

    // The same old key, edited later on another machine that never saw the id: a phone number in clear.
    const later = { ...old[0]!, note: '换了新手机 13912345678', updatedAt: Date.now() + 1000 };
    expect(await ok('importCustomers', { json: file([later]) })).toMatchObject({ ok: true, added: 0, updated: 1 });
    expect(await keys()).toEqual(['demo#u-7']);
    const c = (await getCustomer('demo#u-7'))!;
    expect(c.note).toMatch(/^换了新手机 139\*+5678$/);
    expect(c).toMatchObject({ buyerId: 'u-7', nickname: '青柠汽水' });
  });

  it('导入全部数据 (merged) puts such a record on the joined buyer too; replacing takes the file as it is', async () => {
    const { ALL_DATA_FORMAT, ALL_DATA_VERSION } = await import('../../domain/all-data');
    const who = { platform: 'demo', nickname: '薄荷糖罐' } as const;
    await ok('patchCustomer', { ...who, patch: { preferences: '只要顺丰' } });
    const old = (await ok<{ items: Customer[] }>('exportCustomers', {})).items;
    await ok('getCustomer', { ...who, buyerId: 'u-9' }, 'content-script');
    const all = { format: ALL_DATA_FORMAT, version: ALL_DATA_VERSION, exportedAt: 1, customers: { format: 'kefu-customers', version: 2, exportedAt: 1, customers: old } };
    const keys = async () => (await ok<{ items: Customer[] }>('exportCustomers', {})).items.map((c) => c.key);
    expect(await ok('importAllData', { json: all, merge: true })).toMatchObject({ ok: true });
    expect(await keys()).toEqual(['demo#u-9']);
    expect((await getCustomer('demo#u-9'))!.preferences).toBe('只要顺丰');
    expect(await ok('importAllData', { json: all })).toMatchObject({ ok: true });
    expect(await keys()).toEqual(['demo:薄荷糖罐']);
  });

  it('reads the listed buyers ahead for the card frame as getCustomer will answer when opened, writing nothing; pages may not', async () => {
    await ok('addCustomerEvent', { ...a, kind: 'note', text: '甲的备注' }, 'content-script', PDD_PAGE);
    await db.set('customers', 'pdd:Lily', { v: 1, key: 'pdd:Lily', platform: 'pdd', nickname: 'Lily', note: '名字下的旧备注', createdAt: 1, updatedAt: 1, lastSeenAt: 1 });
    await db.set('customers', 'pdd:S*******n', { v: 1, key: 'pdd:S*******n', platform: 'pdd', nickname: 'S*******n', note: '打码名字下的', createdAt: 1, updatedAt: 1, lastSeenAt: 1 });
    await ok('getCustomer', { platform: 'pdd', nickname: 'Mia', buyerId: '88005' }, 'content-script', PDD_PAGE); // claims the name Mia
    await db.set('customers', 'pdd:Mia', { v: 1, key: 'pdd:Mia', platform: 'pdd', nickname: 'Mia', note: '两个人都叫Mia', createdAt: 1, updatedAt: 1, lastSeenAt: 1 });
    const listed = [
      b, // masked name, no record of its id: the name's record is not taken over
      { nickname: 'Lily', buyerId: '88003' }, // the id's record will take over the name's notes
      a,
      { nickname: 'Lily' }, // no id: the name's record
      { ...a, nickname: '新名字' }, // renamed buyer: the id's record under the new name
      { nickname: 'Mia', buyerId: '88006' }, // another id already claimed this name: not taken over
    ];
    announced.length = 0;
    const ahead = await ok<(Customer | null)[]>('getCustomers', { platform: 'pdd', buyers: listed });
    expect(ahead.map((c) => c && [c.key, c.nickname, c.note, c.history.map((e) => e.text)])).toEqual([
      null,
      ['pdd#88003', 'Lily', '名字下的旧备注', []],
      ['pdd#88001', 'S*******n', '', ['甲的备注']],
      ['pdd:Lily', 'Lily', '名字下的旧备注', []],
      ['pdd#88001', '新名字', '', ['甲的备注']],
      null,
    ]);
    // Nothing moved or announced.
    expect(announced).toEqual([]);
    expect(await getCustomer('pdd:Lily')).not.toBeNull();
    expect(await getCustomer('pdd#88003')).toBeNull();
    // Opening each chat (getCustomer, which joins and renames) answers what was read ahead.
    const stamp = (c: Customer | null) => c && { ...c, updatedAt: 0 };
    for (const [i, buyer] of listed.entries()) {
      if (i === 3) continue; // read after 88003 took Lily's notes: that name's record is gone then
      const opened = await ok<Customer | null>('getCustomer', { platform: 'pdd', ...buyer }, 'content-script', PDD_PAGE);
      expect(stamp(opened)).toEqual(stamp(ahead[i]!));
    }
    expect(await dispatch({ kf: 'getCustomers', payload: { platform: 'pdd', buyers: [a] } }, 'content-script', PDD_PAGE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const payload of [{ platform: 'pdd', buyers: [{ nickname: '' }] }, { platform: 'ebay', buyers: [a] }, { platform: 'pdd', buyers: Array.from({ length: 201 }, () => a) }, { platform: 'pdd' }]) {
      expect(await dispatch({ kf: 'getCustomers', payload }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
  });

  it('files orders seen by name under the one id shown with that name, and a BOM in a name changes nothing', async () => {
    await ok('getCustomer', { ...buyer, buyerId: 'demo-u1' }, 'content-script');
    await recordOrdersSeen('demo', [{ orderId: '4012938475610293847', buyer: '小鹿乱撞0521\uFEFF', status: 'paid', flag: 'gray', remark: '' }], Date.now());
    expect((await getCustomer('demo#demo-u1'))?.orderIds).toEqual(['4012938475610293847']);
    expect(await getCustomer('demo:小鹿乱撞0521')).toBeNull();
  });
});

describe('an old record under the same (masked) name, attached on the agent’s word', () => {
  const name = { platform: 'demo', nickname: 'S*******n' } as const;
  const a = { ...name, buyerId: 'u-2001' };
  const b = { ...name, buyerId: 'u-2002' };

  /** What the card frame's read offers a buyer: the old record, or null. */
  const offered = async (buyer: object) => (await ok<{ customer: Customer | null; old: Customer | null }>('getBuyerCard', buyer)).old;

  it('is for extension pages only; attaching or dismissing needs the console id, and a buyer without one is offered nothing', async () => {
    for (const verb of ['getBuyerCard', 'attachOldBuyerRecord', 'dismissOldBuyerRecord']) {
      expect(await dispatch({ kf: verb, payload: a }, 'content-script', DEMO_PAGE)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    for (const verb of ['attachOldBuyerRecord', 'dismissOldBuyerRecord']) {
      expect(await dispatch({ kf: verb, payload: name }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    await ok('addCustomerEvent', { ...name, kind: 'note', text: '旧：要加绒款' }, 'content-script');
    expect(await ok('getBuyerCard', name)).toEqual({ customer: expect.objectContaining({ key: 'demo:S*******n' }), old: null });
    expect(await ok('getBuyerCard', a)).toEqual({ customer: null, old: expect.objectContaining({ key: 'demo:S*******n' }) });
  });

  it('offers the old record, moves its notes to the buyer who confirmed, and leaves the other buyer of that name alone', async () => {
    await ok('addCustomerEvent', { ...name, kind: 'note', text: '旧：要加绒款' }, 'content-script');
    await ok('addCustomerEvent', { ...a, kind: 'note', text: '甲：今天问发货' }, 'content-script');
    expect(await offered(a)).toMatchObject({ key: 'demo:S*******n' });
    expect(await offered(b)).toMatchObject({ key: 'demo:S*******n' });
    announced.length = 0;
    const r = await ok<{ attached: boolean; customer: Customer }>('attachOldBuyerRecord', a);
    expect(r.attached).toBe(true);
    expect(r.customer.history.map((e) => e.text)).toEqual(['旧：要加绒款', '甲：今天问发货']);
    expect(announced).toContain('kf:rev:customers');
    expect(await getCustomer('demo:S*******n')).toBeNull();
    expect((await getCustomer('demo#u-2001'))?.history.map((e) => e.text)).toEqual(['旧：要加绒款', '甲：今天问发货']);
    // Nothing left to offer, to either buyer; the other buyer has no notes.
    expect(await offered(b)).toBeNull();
    expect(await getCustomer('demo#u-2002')).toBeNull();
    // A second confirm (another tab) finds nothing to move and changes nothing.
    expect(await ok('attachOldBuyerRecord', a)).toMatchObject({ attached: false });
    expect((await getCustomer('demo#u-2001'))?.history).toHaveLength(2);
  });

  it('"not the same buyer" is remembered for that buyer only, and goes with the buyer when deleted', async () => {
    await ok('addCustomerEvent', { ...name, kind: 'note', text: '旧：要加绒款' }, 'content-script');
    await ok('dismissOldBuyerRecord', a);
    expect(await offered(a)).toBeNull();
    expect(await offered(b)).toMatchObject({ key: 'demo:S*******n' });
    expect(await getCustomer('demo:S*******n')).toMatchObject({ history: [expect.objectContaining({ text: '旧：要加绒款' })] });
    await ok('addCustomerEvent', { ...a, kind: 'note', text: '甲' }, 'content-script');
    await ok('deleteCustomer', a);
    expect(await offered(a)).toMatchObject({ key: 'demo:S*******n' });
  });
});
