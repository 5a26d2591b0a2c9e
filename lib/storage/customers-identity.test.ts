import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from './db';
import {
  customersReady,
  customersReplaced,
  deleteAllCustomers,
  deleteCustomer,
  forgetIdentified,
  getCustomer,
  identifyBuyer,
  resolveByName,
  updateCustomer,
} from './customers';
import { addNotSame, claimsOf, notSameAs } from './buyer-names';
import { applyPatch } from '../domain/customers';

const T0 = Date.UTC(2026, 10, 1);
const note = (text: string) => (c: Parameters<typeof applyPatch>[0]) => applyPatch(c, { note: text }, T0, { maskPii: false });

beforeEach(async () => {
  await deleteAllCustomers();
  forgetIdentified();
});

describe('joining a buyer seen by name to the console id', () => {
  it('the first id shown with an unmasked name takes over that name’s record, notes and all', async () => {
    await db.set('customers', 'demo:小鹿', { v: 1, key: 'demo:小鹿', platform: 'demo', nickname: '小鹿', note: '喜欢宽松', createdAt: T0, updatedAt: T0, lastSeenAt: T0 });
    const r = await identifyBuyer({ platform: 'demo', nickname: '小鹿', buyerId: 'u-1' }, T0 + 1);
    expect(r.adopted).toBe(true);
    expect(await getCustomer('demo#u-1')).toMatchObject({ buyerId: 'u-1', nickname: '小鹿', note: '喜欢宽松', createdAt: T0 });
    expect(await db.get('customers', 'demo:小鹿')).toBeUndefined();
    expect(await claimsOf('demo:小鹿')).toEqual(['u-1']);
  });

  it('a second id with the same name gets a record of its own: nothing is shared', async () => {
    await updateCustomer({ platform: 'demo', nickname: '小鹿' }, note('旧'), T0);
    await identifyBuyer({ platform: 'demo', nickname: '小鹿', buyerId: 'u-1' }, T0 + 1);
    const second = await identifyBuyer({ platform: 'demo', nickname: '小鹿', buyerId: 'u-2' }, T0 + 2);
    expect(second.adopted).toBe(false);
    expect(await getCustomer('demo#u-2')).toBeNull();
    expect((await getCustomer('demo#u-1'))?.note).toBe('旧');
  });

  it('never joins by a masked name: the old record may be any of the buyers behind the mask, so it stays as it is', async () => {
    await updateCustomer({ platform: 'pdd', nickname: 'S*******n' }, note('按昵称记的'), T0);
    const r = await identifyBuyer({ platform: 'pdd', nickname: 'S*******n', buyerId: '1001' }, T0 + 1);
    expect(r.adopted).toBe(false);
    expect(await getCustomer('pdd#1001')).toBeNull();
    expect((await getCustomer('pdd:S*******n'))?.note).toBe('按昵称记的');
    expect(await claimsOf('pdd:S*******n')).toEqual([]);
  });

  it('does not take over a name another id already claimed, even when that id has no notes yet', async () => {
    await identifyBuyer({ platform: 'demo', nickname: '阿花', buyerId: 'u-1' }, T0);
    await updateCustomer({ platform: 'demo', nickname: '阿花' }, note('订单页看到的'), T0 + 1);
    expect((await identifyBuyer({ platform: 'demo', nickname: '阿花', buyerId: 'u-2' }, T0 + 2)).adopted).toBe(false);
    expect((await getCustomer('demo:阿花'))?.note).toBe('订单页看到的');
  });

  it('follows a changed name: same record, new name shown, the claim moves to the new name', async () => {
    await updateCustomer({ platform: 'jd', nickname: '旧名字', buyerId: 'pin-9' }, note('VIP'), T0);
    await identifyBuyer({ platform: 'jd', nickname: '旧名字', buyerId: 'pin-9' }, T0);
    const r = await identifyBuyer({ platform: 'jd', nickname: '新名字', buyerId: 'pin-9' }, T0 + 1);
    expect(r.renamed).toBe(true);
    expect(await getCustomer('jd#pin-9')).toMatchObject({ nickname: '新名字', note: 'VIP' });
    expect(await claimsOf('jd:旧名字')).toEqual([]);
    expect(await claimsOf('jd:新名字')).toEqual(['pin-9']);
  });
});

describe('where a buyer seen by name only belongs', () => {
  it('goes to the id record when exactly one id was shown with that unmasked name', async () => {
    await identifyBuyer({ platform: 'demo', nickname: '小鹿', buyerId: 'u-1' }, T0);
    const [t] = await resolveByName([{ platform: 'demo', nickname: ' 小鹿\uFEFF' }]);
    expect(t).toMatchObject({ buyerId: 'u-1' });
  });

  it('stays on the nickname record when two ids share the name, or the name is masked, or no id is known', async () => {
    await identifyBuyer({ platform: 'demo', nickname: '小鹿', buyerId: 'u-1' }, T0);
    await identifyBuyer({ platform: 'demo', nickname: '小鹿', buyerId: 'u-2' }, T0);
    await identifyBuyer({ platform: 'pdd', nickname: 'S*******n', buyerId: '1001' }, T0);
    const out = await resolveByName([
      { platform: 'demo', nickname: '小鹿' },
      { platform: 'pdd', nickname: 'S*******n' },
      { platform: 'demo', nickname: '没见过' },
    ]);
    expect(out.map((t) => t.buyerId ?? null)).toEqual([null, null, null]);
  });

  it('an import of 100,000 buyers reads their names’ claims in one transaction (one each kept Chromium’s worker busy for over 10 minutes)', async () => {
    await identifyBuyer({ platform: 'demo', nickname: '买家77777', buyerId: 'u-7' }, T0);
    const targets = Array.from({ length: 100_000 }, (_, i) => ({ platform: 'demo' as const, nickname: `买家${i}` }));
    const opened = vi.spyOn(IDBDatabase.prototype, 'transaction');
    try {
      const out = await resolveByName(targets);
      expect(out.filter((t) => t.buyerId).map((t) => [t.nickname, t.buyerId])).toEqual([['买家77777', 'u-7']]);
      expect(opened.mock.calls.length).toBeLessThanOrEqual(2);
    } finally {
      opened.mockRestore();
    }
  }, 120_000);

  it('deleting an id-keyed buyer also forgets the claims of their name and their "not the same buyer" answers', async () => {
    await updateCustomer({ platform: 'demo', nickname: '小鹿', buyerId: 'u-1' }, note('x'), T0);
    await identifyBuyer({ platform: 'demo', nickname: '小鹿', buyerId: 'u-1' }, T0);
    await addNotSame('demo#u-1', 'demo:小鹿');
    expect(await notSameAs('demo#u-1')).toEqual(['demo:小鹿']);
    expect(await deleteCustomer('demo#u-1')).toEqual({ deleted: true, nameKeys: ['demo:小鹿', 'demo#u-1'] });
    expect(await claimsOf('demo:小鹿')).toEqual([]);
    expect(await notSameAs('demo#u-1')).toEqual([]);
  });
});

describe('upgrading the store once per version', () => {
  it('moves a v1 record whose name held a BOM to its normalised key before anything reads it, then remembers the version', async () => {
    await db.del('meta', 'customers:schema');
    customersReplaced();
    await db.set('customers', 'demo:小鹿\uFEFF', { v: 1, key: 'demo:小鹿\uFEFF', platform: 'demo', nickname: '小鹿\uFEFF', note: '老备注', createdAt: T0, updatedAt: T0, lastSeenAt: T0 });
    await db.set('customers', 'demo:小鹿', { v: 1, key: 'demo:小鹿', platform: 'demo', nickname: '小鹿', preferences: '宽松', createdAt: T0, updatedAt: T0 + 1, lastSeenAt: T0 });
    await customersReady();
    expect(await db.get('customers', 'demo:小鹿\uFEFF')).toBeUndefined();
    // The two spellings were one buyer: one record now, and neither text is lost.
    expect(await getCustomer('demo:小鹿')).toMatchObject({ v: 2, nickname: '小鹿', note: '老备注', preferences: '宽松' });
    expect(await db.get('meta', 'customers:schema')).toBe(2);
  });
});
