import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, StorageError } from './db';
import {
  countCustomers,
  customersChangedElsewhere,
  deleteAllCustomers,
  deleteCustomer,
  getCustomer,
  importCustomerRecords,
  purgeExpiredCustomers,
  scanCustomers,
  touchCustomer,
  updateCustomer,
  updateCustomers,
  upgradeStoredCustomers,
} from './customers';
import { appendEvent, applyPatch, CustomerRecordError, makeEvent, newCustomer, orderSeenEvent, type Customer } from '../domain/customers';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);
const xiaolu = { platform: 'demo' as const, nickname: '小鹿乱撞0521' };

beforeEach(async () => {
  await deleteAllCustomers();
});
afterEach(() => vi.restoreAllMocks());

describe('buyer notes in IndexedDB', () => {
  it('creates a buyer on the first write and reads the same record back', async () => {
    expect(await getCustomer('demo:小鹿乱撞0521')).toBeNull();
    const { customer } = await updateCustomer(xiaolu, (c) => applyPatch(c, { note: '喜欢宽松' }, T0, { maskPii: true }), T0);
    expect(customer).toMatchObject({ v: 2, key: 'demo:小鹿乱撞0521', note: '喜欢宽松', createdAt: T0 });
    expect(await getCustomer('demo:小鹿乱撞0521')).toEqual(customer);
  });

  it('keeps all 200 events when two writers append 100 each to one buyer at the same time', async () => {
    const writer = async (name: string) => {
      for (let i = 0; i < 100; i++) {
        await updateCustomer(xiaolu, (c) => appendEvent(c, makeEvent('note', T0 + i, `${name} ${i}`)), T0 + i);
      }
    };
    await Promise.all([writer('A'), writer('B')]);
    const c = (await getCustomer('demo:小鹿乱撞0521'))!;
    expect(c.history).toHaveLength(200);
    expect(c.droppedEvents).toBe(0);
    expect(new Set(c.history.map((e) => e.text)).size).toBe(200);
  });

  it('loses nothing when 200 updates are all in flight at once, mixing edits and events', async () => {
    const ops: Promise<unknown>[] = [];
    for (let i = 0; i < 100; i++) {
      ops.push(updateCustomer(xiaolu, (c) => appendEvent(c, makeEvent('note', T0 + i, `n${i}`)), T0 + i));
      ops.push(updateCustomer(xiaolu, (c) => applyPatch(c, { preferences: `${c.preferences}${i % 10}` }, T0 + i, { maskPii: false }), T0 + i));
    }
    await Promise.all(ops);
    const c = (await getCustomer('demo:小鹿乱撞0521'))!;
    expect(c.history).toHaveLength(100);
    // Each append of a digit saw the previous one: 100 digits.
    expect(c.preferences).toHaveLength(100);
  });

  it('writes a batch for many buyers in one transaction and skips records that did not change', async () => {
    const buyers = Array.from({ length: 100 }, (_, i) => ({ platform: 'demo' as const, nickname: `买家${i}` }));
    const first = await updateCustomers(buyers, (c) => appendEvent(c, orderSeenEvent(`O${c.nickname}`, T0)), T0);
    expect(first.changed).toHaveLength(100);
    const again = await updateCustomers(buyers, (c) => appendEvent(c, orderSeenEvent(`O${c.nickname}`, T0)), T0 + 1);
    expect(again.changed).toHaveLength(0);
    expect(await countCustomers()).toBe(100);
  });

  it('reads a prototype (v0) record, upgrades it on the next write, and moves misplaced ones to their key', async () => {
    await db.set('customers', 'taobao:老王', { nick: '老王', notes: '老客', size: '175/140斤 XL', updated: T0 });
    const read = (await getCustomer('taobao:老王', T0 + 5))!;
    expect(read).toMatchObject({ v: 2, nickname: '老王', platform: 'taobao', sizes: { heightCm: 175, weightKg: 70 }, updatedAt: T0 });
    await updateCustomer({ platform: 'taobao', nickname: '老王' }, (c) => c, T0 + 10);
    expect(await db.get<Customer>('customers', 'taobao:老王')).toMatchObject({ v: 2, key: 'taobao:老王' });

    await db.set('customers', 'legacy-7', { nick: '阿花', notes: '只要顺丰' });
    expect(await upgradeStoredCustomers(T0)).toBe(1);
    expect(await db.get('customers', 'legacy-7')).toBeUndefined();
    expect(await getCustomer('taobao:阿花')).toMatchObject({ v: 2, note: '只要顺丰' });
    expect(await upgradeStoredCustomers(T0)).toBe(0);
  });

  it('refuses to overwrite a record it cannot read, and keeps it', async () => {
    await db.set('customers', 'demo:坏记录', { v: 99, nickname: '坏记录' });
    await expect(updateCustomer({ platform: 'demo', nickname: '坏记录' }, (c) => applyPatch(c, { note: 'x' }, T0, { maskPii: true }))).rejects.toBeInstanceOf(
      CustomerRecordError,
    );
    expect(await db.get('customers', 'demo:坏记录')).toEqual({ v: 99, nickname: '坏记录' });
  });

  it('turns a full disk into a StorageError and writes nothing', async () => {
    await updateCustomer(xiaolu, (c) => applyPatch(c, { note: '原来的' }, T0, { maskPii: true }), T0);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const err = await updateCustomer(xiaolu, (c) => applyPatch(c, { note: '新的' }, T0 + 1, { maskPii: true }), T0 + 1).catch((e) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).code).toBe('quota');
    vi.restoreAllMocks();
    expect((await getCustomer('demo:小鹿乱撞0521'))!.note).toBe('原来的');
  });

  it('moves lastSeenAt forward for a known buyer only', async () => {
    await touchCustomer('demo:nobody', T0);
    expect(await countCustomers()).toBe(0);
    await updateCustomer(xiaolu, (c) => c, T0);
    await touchCustomer('demo:小鹿乱撞0521', T0 + DAY);
    expect((await getCustomer('demo:小鹿乱撞0521'))!.lastSeenAt).toBe(T0 + DAY);
  });

  it('pages through buyers in key order with bounded work per call', async () => {
    const buyers = Array.from({ length: 250 }, (_, i) => ({ platform: 'demo' as const, nickname: `b${String(i).padStart(3, '0')}` }));
    await updateCustomers(buyers, (c) => (Number(c.nickname.slice(1)) % 5 === 0 ? applyPatch(c, { tags: ['VIP1'] }, T0, { maskPii: true }) : c), T0);
    const seen: string[] = [];
    let after: string | undefined;
    let calls = 0;
    do {
      const page = await scanCustomers({ after, limit: 20, maxScan: 60, filter: (c) => c.segment === 'vip' });
      seen.push(...page.items.map((c) => c.nickname));
      after = page.next ?? undefined;
      calls++;
    } while (after !== undefined);
    expect(seen).toHaveLength(50);
    expect(seen).toEqual([...seen].sort());
    expect(calls).toBeGreaterThanOrEqual(5);
  });

  it('imports by merging with what is stored, in one transaction', async () => {
    await updateCustomer(xiaolu, (c) => appendEvent(c, makeEvent('note', T0, '本机的')), T0);
    const incoming = appendEvent(newCustomer('demo', '小鹿乱撞0521', T0 - DAY), makeEvent('note', T0 - DAY, '导入的'));
    const other = applyPatch(newCustomer('jd', 'jd_abc', T0), { note: '京东客户' }, T0, { maskPii: true });
    expect(await importCustomerRecords([incoming, other], T0)).toEqual({ added: 1, updated: 1, unchanged: 0 });
    const merged = (await getCustomer('demo:小鹿乱撞0521'))!;
    expect(merged.history.map((e) => e.text)).toEqual(['导入的', '本机的']);
    expect(merged.createdAt).toBe(T0 - DAY);
    expect((await getCustomer('jd:jd_abc'))!.note).toBe('京东客户');
  });

  it('counts a buyer the same as here, or older, as unchanged and writes nothing for it; a dry run writes nothing at all', async () => {
    // An export made before the last edit here, and one made now.
    const { customer: older } = await updateCustomer(xiaolu, (c) => applyPatch(c, { note: '导出时的备注' }, T0, { maskPii: true }), T0);
    const { customer: here } = await updateCustomer(xiaolu, (c) => applyPatch(c, { note: '本机较新的备注' }, T0 + 1, { maskPii: true }), T0 + 1);
    const fresh = newCustomer('jd', 'jd_new', T0);
    expect(await importCustomerRecords([older, fresh], T0 + 2, true)).toEqual({ added: 1, updated: 0, unchanged: 1 });
    expect(await getCustomer('jd:jd_new')).toBeNull();
    expect(await importCustomerRecords([older, fresh], T0 + 2)).toEqual({ added: 1, updated: 0, unchanged: 1 });
    expect((await getCustomer('demo:小鹿乱撞0521'))!.note).toBe('本机较新的备注');
    expect(await importCustomerRecords([here, fresh], T0 + 3)).toEqual({ added: 0, updated: 0, unchanged: 2 });
  });

  it('deletes one buyer or all of them', async () => {
    await updateCustomers([xiaolu, { platform: 'demo', nickname: '别人' }], (c) => c, T0);
    expect((await deleteCustomer('demo:小鹿乱撞0521')).deleted).toBe(true);
    expect((await deleteCustomer('demo:小鹿乱撞0521')).deleted).toBe(false);
    expect(await deleteAllCustomers()).toBe(1);
    expect(await countCustomers()).toBe(0);
  });

  it('purges buyers untouched for the retention period, by a fake clock, keeping recently seen ones', async () => {
    await updateCustomer({ platform: 'demo', nickname: '旧客' }, (c) => c, T0);
    await updateCustomer({ platform: 'demo', nickname: '常来' }, (c) => c, T0);
    await updateCustomer({ platform: 'demo', nickname: '新客' }, (c) => c, T0 + 50 * DAY);
    await touchCustomer('demo:常来', T0 + 80 * DAY);
    const now = T0 + 100 * DAY;
    const keys = async (days: number) => (await purgeExpiredCustomers(now, days)).buyers.map((b) => b.key);
    expect(await keys(0)).toEqual([]);
    expect(await purgeExpiredCustomers(now, 60)).toMatchObject({ buyers: [{ key: 'demo:旧客', platform: 'demo', nickname: '旧客' }], nameKeys: [] });
    expect(await getCustomer('demo:常来')).not.toBeNull();
    expect(await keys(60)).toEqual([]);
    expect(await keys(30)).toEqual(['demo:新客']);
    expect(await countCustomers()).toBe(1);
  });
});

describe('the buyer count 客户档案 shows (IndexedDB counts by walking every record)', () => {
  const buyer = (i: number) => ({ platform: 'demo' as const, nickname: `买家${i}` });
  const add = (n: number, from = 0) =>
    updateCustomers(Array.from({ length: n }, (_, i) => buyer(from + i)), (c) => applyPatch(c, { note: '常买' }, T0, { maskPii: false }), T0);

  it('is counted once while nothing is written, not at every search or segment list', async () => {
    await add(30);
    const counts = vi.spyOn(IDBObjectStore.prototype, 'count');
    expect(await countCustomers()).toBe(30);
    expect(await countCustomers()).toBe(30);
    expect(await countCustomers()).toBe(30);
    expect(counts).toHaveBeenCalledTimes(1);
  });

  it('follows every way the store is written here: new buyers, an import, a delete, a restore, delete-all', async () => {
    await add(3);
    expect(await countCustomers()).toBe(3);
    await updateCustomer(buyer(3), (c) => c, T0);
    expect(await countCustomers()).toBe(4);
    await importCustomerRecords([newCustomer('demo', '买家10', T0), newCustomer('demo', '买家11', T0)], T0);
    expect(await countCustomers()).toBe(6);
    await deleteCustomer('demo:买家0');
    expect(await countCustomers()).toBe(5);
    // A restore or an import put back replaces the store through db.
    await db.replace('customers', [['demo:买家99', newCustomer('demo', '买家99', T0)]]);
    expect(await countCustomers()).toBe(1);
    await db.setMany('customers', [['demo:买家98', newCustomer('demo', '买家98', T0)]]);
    expect(await countCustomers()).toBe(2);
    await deleteAllCustomers();
    expect(await countCustomers()).toBe(0);
  });

  it('is counted again after a change announced from elsewhere (the team page writes the store in its own page)', async () => {
    await add(2);
    expect(await countCustomers()).toBe(2);
    // Another context's write: the same database through a connection of its own.
    const other = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('kf-customers');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const t = other.transaction('kv', 'readwrite');
      t.objectStore('kv').put(newCustomer('demo', '买家50', T0), 'demo:买家50');
      t.oncomplete = () => resolve();
      t.onerror = () => reject(t.error);
    });
    other.close();
    customersChangedElsewhere();
    expect(await countCustomers()).toBe(3);
  });

  it('is not kept when a write ran while it was being counted', async () => {
    await add(5);
    const counting = countCustomers();
    const writing = add(2, 100);
    expect(await counting).toBeGreaterThanOrEqual(5);
    await writing;
    expect(await countCustomers()).toBe(7);
  });
});
