/**
 * A buyer an older version noted with the door of an address in clear (before 2026-12-06), re-masked
 * on the updated machines (lib/background/remask-run.ts queues every buyer it re-masks): the shop's
 * server gets the masked profile as a new revision, once, through a real pouchdb-server.
 */
import { describe, expect, it } from 'vitest';
import { teamShop } from '../../test/team/shop';
import { MemoryStores } from '../../test/team/memory-stores';
import { emptyDirty } from './local-stores';
import { applyPatch, customerKey, newCustomer, type Customer } from '../domain/customers';
import { maskRecord } from '../domain/customers/customer';

const SHOP = 'remask-shop';
const t = teamShop(SHOP);
const T0 = Date.UTC(2026, 11, 4, 2, 0);
const DOOR = '文三路88号3幢201室';
const MASKED = '文三路**号*幢***室';

/** A machine of this version: the shop masks (隐私 → 遮盖). */
class MaskingStores extends MemoryStores {
  async masking() {
    return true;
  }
}

/** What the re-mask run does on a machine: its copy masked in place (field times kept), the key queued. */
async function remaskHere(stores: MemoryStores, key: string): Promise<void> {
  stores.customerMap.set(key, maskRecord(stores.customerMap.get(key)!));
  await stores.putBackDirty({ ...emptyDirty(), customers: [key] });
}

/** The server's current revision of a buyer, with its conflicts. */
const onServer = (m: ReturnType<typeof t.machine>, key: string) =>
  m.sync.remote.buyers.get(`buyer:${key}`, { conflicts: true }) as Promise<{ _rev: string; _conflicts?: string[]; customer: Customer; clash?: Record<string, { text: string; at: number }[]> }>;

/** A buyer as an older version wrote it and sent it up: the door in the note and the address note. */
async function oldBuyer(nickname: string): Promise<string> {
  const old = t.machine('a1');
  const key = customerKey('demo', nickname);
  old.stores.customerMap.set(key, { ...newCustomer('demo', nickname, T0), note: `地址 ${DOOR}`, addressNote: `杭州${DOOR}` });
  await old.stores.putBackDirty({ ...emptyDirty(), customers: [key] });
  await old.sync.syncOnce();
  return key;
}

describe('a buyer an older version noted, re-masked after the update', { timeout: 120_000 }, () => {
  it('reaches the server masked as one new revision, the same from two machines: no conflict, and no round writes it again', async () => {
    const key = await oldBuyer('阳光明媚的日子');
    const [x, y] = [t.machine('a1', undefined, new MaskingStores()), t.machine('a2', undefined, new MaskingStores())];
    for (const m of [x, y]) await m.sync.syncOnce();
    const before = await onServer(x, key);
    expect(before.customer.note).toBe(`地址 ${DOOR}`);
    for (const m of [x, y]) await remaskHere(m.stores, key);
    // Both export on the revision they pulled, before either sees the other's.
    for (const m of [x, y]) await m.sync.syncOnce();
    const after = await onServer(x, key);
    expect(after.customer).toMatchObject({ note: `地址 ${MASKED}`, addressNote: `杭州${MASKED}`, updatedAt: before.customer.updatedAt });
    expect(after._conflicts).toBeUndefined();
    expect(after._rev.startsWith('2-')).toBe(true);
    // Sent once: the next rounds find nothing to write.
    for (const m of [x, y]) await m.sync.syncOnce();
    expect((await onServer(y, key))._rev).toBe(after._rev);
  });

  it('keeps a colleague’s later edit of the same note, and is not sent again by it', async () => {
    const key = await oldBuyer('小暖阳');
    const [x, y] = [t.machine('a1', undefined, new MaskingStores()), t.machine('a2', undefined, new MaskingStores())];
    for (const m of [x, y]) await m.sync.syncOnce();
    await remaskHere(x.stores, key);
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    y.stores.patchCustomer('小暖阳', { note: '改了：下周再寄' }, T0 + 86_400_000);
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    const doc = await onServer(x, key);
    expect(doc._conflicts).toBeUndefined();
    expect(doc.customer).toMatchObject({ note: '改了：下周再寄', addressNote: `杭州${MASKED}` });
    expect(x.stores.customerMap.get(key)).toMatchObject({ note: '改了：下周再寄', addressNote: `杭州${MASKED}` });
  });

  it('against a colleague’s edit made at the same time, loses nothing: the later note wins once the supervisor’s machine settles the conflict', async () => {
    const key = await oldBuyer('清风徐来的午后');
    const [x, y] = [t.machine('a1', undefined, new MaskingStores()), t.machine('a2', undefined, new MaskingStores())];
    for (const m of [x, y]) await m.sync.syncOnce();
    // Both updated; the colleague edits the note before either round.
    for (const m of [x, y]) await remaskHere(m.stores, key);
    y.stores.patchCustomer('清风徐来的午后', { note: '改了：下周再寄' }, T0 + 86_400_000);
    await y.sync.syncOnce();
    await x.sync.syncOnce();
    for (const m of [y, x]) await m.sync.syncOnce();
    const boss = t.machine('boss', undefined, new MaskingStores());
    await boss.sync.syncOnce();
    const doc = await onServer(x, key);
    expect(doc._conflicts).toBeUndefined();
    expect(doc.customer).toMatchObject({ note: '改了：下周再寄', addressNote: `杭州${MASKED}` });
    for (const m of [x, y]) {
      await m.sync.syncOnce();
      expect(m.stores.customerMap.get(key)).toMatchObject({ note: '改了：下周再寄', addressNote: `杭州${MASKED}` });
    }
  });

  it('a text a colleague’s edit replaced, kept by an older version in clear, is masked on the server once a machine that masks merges it: one entry, and its author is still told', async () => {
    const key = await oldBuyer('楼下的橘猫');
    const DOOR2 = '学院路12号5幢302室';
    const MASKED2 = '学院路**号*幢***室';
    /** A machine of the older version that updates in the middle of the test (隐私 → 遮盖 from then on). */
    class Updating extends MemoryStores {
      masks = false;
      async masking() {
        return this.masks;
      }
    }
    const [x, y] = [t.machine('a1', undefined, new Updating()), t.machine('a2')];
    for (const m of [x, y]) await m.sync.syncOnce();
    // Both older machines edit the note before either sees the other's: x's door is replaced by y's later edit.
    const edit = async (m: typeof y, note: string, at: number) => {
      m.stores.customerMap.set(key, applyPatch(m.stores.customerMap.get(key)!, { note }, at, { maskPii: false }));
      await m.stores.putBackDirty({ ...emptyDirty(), customers: [key] });
    };
    await edit(x, `改寄 ${DOOR2}`, T0 + 60_000);
    await edit(y, '下周再寄，先别发', T0 + 120_000);
    await x.sync.syncOnce();
    await y.sync.syncOnce();
    // y's older version merged the conflict: the replaced text is kept in clear.
    expect(JSON.stringify((await onServer(y, key)).clash)).toContain(DOOR2);
    // x updates: its copy re-masked and queued; the shop masks there from now on.
    (x.stores as Updating).masks = true;
    await remaskHere(x.stores, key);
    await x.sync.syncOnce();
    const boss = t.machine('boss', undefined, new MaskingStores());
    await boss.sync.syncOnce();
    const doc = await onServer(x, key);
    expect(doc._conflicts).toBeUndefined();
    expect(doc.customer.note).toBe('下周再寄，先别发');
    // The clear text and its masked copy (the same edit, the same time) are one entry, masked.
    expect(doc.clash?.note).toEqual([{ text: `改寄 ${MASKED2}`, at: T0 + 60_000 }]);
    expect(JSON.stringify(doc)).not.toContain(DOOR2);
    // x still learns its text was replaced, and holds it masked.
    expect(x.stores.customerMap.get(key)?.replaced?.note).toEqual({ text: `改寄 ${MASKED2}`, at: T0 + 120_000 });
    expect(JSON.stringify(x.stores.customerMap.get(key))).not.toContain(DOOR2);
  });

  it('a machine that does not mask still learns its text was replaced when a masking machine kept it masked', async () => {
    const key = await oldBuyer('窗台上的绿萝');
    const DOOR3 = '湖滨路7号2幢101室';
    /** This version with 隐私 → 遮盖 turned off: it stores and sends text in clear. */
    class Clear extends MemoryStores {
      async masking() {
        return false;
      }
    }
    const [x, y] = [t.machine('a1', undefined, new Clear()), t.machine('a2', undefined, new MaskingStores())];
    for (const m of [x, y]) await m.sync.syncOnce();
    x.stores.customerMap.set(key, applyPatch(x.stores.customerMap.get(key)!, { note: `改寄 ${DOOR3}` }, T0 + 60_000, { maskPii: false }));
    await x.stores.putBackDirty({ ...emptyDirty(), customers: [key] });
    y.stores.patchCustomer('窗台上的绿萝', { note: '下周再寄，先别发' }, T0 + 120_000);
    await x.sync.syncOnce();
    // y merges the conflict and keeps x's text masked; the supervisor's machine (masking) settles it.
    await y.sync.syncOnce();
    const boss = t.machine('boss', undefined, new MaskingStores());
    await boss.sync.syncOnce();
    const doc = await onServer(x, key);
    expect(doc._conflicts).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain(DOOR3);
    expect(doc.clash?.note?.map((e) => e.at)).toEqual([T0 + 60_000]);
    await x.sync.syncOnce();
    // x holds its own words in clear, as it stored them, and is told they were replaced.
    expect(x.stores.customerMap.get(key)).toMatchObject({ note: '下周再寄，先别发', replaced: { note: { text: `改寄 ${DOOR3}`, at: T0 + 120_000 } } });
  });
});
