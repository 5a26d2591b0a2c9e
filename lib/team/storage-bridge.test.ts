import { describe, expect, it } from 'vitest';
import { storageStores } from './storage-bridge';
import { queueDirty } from './dirty';
import { dirtyOf, emptyDirty } from './local-stores';
import { getCustomer, importCustomerRecords } from '../storage/customers';
import { takeSnapshot } from '../storage/backup';
import { db } from '../storage/db';
import { newCustomer } from '../domain/customers';

describe("the team page's dirty queue over the extension's stores", () => {
  it('keeps taken keys in flight until the round acknowledges them, and keeps writes made meanwhile', async () => {
    const stores = storageStores(async () => {});
    await queueDirty(dirtyOf('customers', ['demo:小明']));
    await queueDirty(dirtyOf('learned', ['p1']));
    expect(await stores.takeDirty()).toMatchObject({ customers: ['demo:小明'], picks: ['p1'] });
    // The agent writes while the round runs; the round is then cut off (no ack).
    await queueDirty(dirtyOf('customers', ['demo:小红']));
    expect(await stores.countDirty()).toBe(3);
    // The next round gets both: what the cut-off round took, and the new write.
    expect((await stores.takeDirty(dirtyOf('rules', []))).customers.sort()).toEqual(['demo:小明', 'demo:小红']);
    await queueDirty(dirtyOf('sites', ['https://a.example']));
    await stores.ackDirty();
    expect(await stores.takeDirty()).toEqual({ ...emptyDirty(), sites: ['https://a.example'] });
    await stores.ackDirty();
    expect(await stores.countDirty()).toBe(0);
  });
});

describe("a team deletion applied to the extension's stores", () => {
  it('drops the buyers made by then, here and in the backups; a buyer made after the deletion stays in both', async () => {
    const announced: string[] = [];
    const stores = storageStores(async (area) => void announced.push(area));
    const old = newCustomer('demo', '阳光明媚的日子', 1_000, 'u-1001');
    const since = newCustomer('demo', '米粒妈妈', 5_000);
    await importCustomerRecords([old, since]);
    await takeSnapshot('manual', 6_000);
    await stores.dropCustomers([
      { key: old.key, at: 2_000 },
      { key: since.key, at: 2_000 },
    ]);
    expect(await getCustomer(old.key)).toBeNull();
    expect(await getCustomer(since.key)).not.toBeNull();
    const [snap] = await db.values<{ stores?: { customers?: [string, unknown][] } }>('backups').then((all) => all.filter((s) => s.stores));
    expect(snap!.stores!.customers!.map(([k]) => k)).toEqual([since.key]);
    expect(announced).toContain('backups');
  });
});
