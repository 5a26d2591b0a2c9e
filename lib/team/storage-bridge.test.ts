import { describe, expect, it } from 'vitest';
import { storageStores } from './storage-bridge';
import { queueDirty } from './dirty';
import { dirtyOf, emptyDirty } from './local-stores';
import { getCustomer, importCustomerRecords } from '../storage/customers';
import { takeSnapshot } from '../storage/backup';
import { db } from '../storage/db';
import { newCustomer } from '../domain/customers';
import type { Followup } from '../domain/followups';

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

describe('a handover item from a colleague on an older version', () => {
  const bj = (d: number, h: number, mi = 0) => Date.UTC(2026, 11, d, h - 8, mi);
  /** Handed to the night shift at 15:00 by a version from before the 23:59 deadline: due 20:00, as the night shift comes on. */
  const fromOldVersion = {
    v: 2, id: 'manual:old-colleague', kind: 'manual', title: '给阿强回电话', reason: '手动添加的待办', createdAt: bj(3, 14), why: { key: 'followups.reason.manual' },
    dueAt: bj(3, 20), status: 'open', source: 'manual', handover: true, shift: 'night', assignedAt: bj(3, 15),
  } as unknown as Followup;

  it('is stored due 23:59 as this machine moved its own, and goes back to the team moved; an item from this version is stored as it came', async () => {
    const stores = storageStores(async () => {});
    await stores.takeDirty();
    await stores.ackDirty();
    const current = { ...fromOldVersion, id: 'manual:new-colleague', dueAt: bj(3, 23, 59) };
    await stores.updateFollowups([fromOldVersion.id, current.id], (id) => (id === current.id ? current : fromOldVersion));
    const stored = await stores.followups([fromOldVersion.id, current.id]);
    expect(stored.get(fromOldVersion.id)!.dueAt).toBe(bj(3, 23, 59));
    expect(stored.get(current.id)).toEqual(current);
    expect((await stores.takeDirty()).followups).toEqual([fromOldVersion.id]);
    await stores.ackDirty();
  });
});
