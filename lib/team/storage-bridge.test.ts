import { describe, expect, it } from 'vitest';
import { storageStores } from './storage-bridge';
import { queueDirty } from './dirty';
import { dirtyOf, emptyDirty } from './local-stores';

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
