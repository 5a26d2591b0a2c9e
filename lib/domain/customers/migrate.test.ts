import { describe, expect, it } from 'vitest';
import { migrate } from '../../storage/versioned';
import { appendEvent, makeEvent, newCustomer, orderSeenEvent } from './customer';
import { customerFromV0, customerSchema, CustomerRecordError, migrateCustomer } from './migrate';

const NOW = Date.UTC(2026, 5, 1);

describe('migrateCustomer from the prototype shape (v0, no version field)', () => {
  const v0 = { nick: '小明', notes: '喜欢宽松', size: '165/110斤 平时穿M码', vip: true, updated: 1_700_000_000_000 };

  it('becomes a current Taobao record with sizes read from the free text, and keeps that text in the note', () => {
    const c = migrateCustomer(v0, NOW, customerFromV0);
    expect(c).toMatchObject({
      v: 2,
      key: 'taobao:小明',
      platform: 'taobao',
      nickname: '小明',
      sizes: { heightCm: 165, weightKg: 55, usualSize: 'M' },
      note: '喜欢宽松\n尺码：165/110斤 平时穿M码',
      tags: ['VIP'],
      segment: 'vip',
      createdAt: 1_700_000_000_000,
      updatedAt: 1_700_000_000_000,
      lastSeenAt: 1_700_000_000_000,
      history: [],
      droppedEvents: 0,
      orderIds: [],
    });
  });

  it('is idempotent: migrating the result again gives the same record', () => {
    const once = migrateCustomer(v0, NOW, customerFromV0);
    expect(migrateCustomer(once, NOW + 1000, customerFromV0)).toEqual(once);
    expect(migrateCustomer(JSON.parse(JSON.stringify(once)), NOW, customerFromV0)).toEqual(once);
  });

  it('dates a v0 record without a timestamp at the time of migration, so retention does not purge it at once', () => {
    const c = migrateCustomer({ nick: 'a' }, NOW, customerFromV0);
    expect(c.updatedAt).toBe(NOW);
    expect(c.lastSeenAt).toBe(NOW);
    expect(c.note).toBe('');
  });

  it('keeps a platform a v0 record names', () => {
    expect(migrateCustomer({ nick: 'a', platform: 'pdd' }, NOW, customerFromV0).key).toBe('pdd:a');
  });

  it('runs through the storage layer\'s migrate() with the same result', () => {
    const viaStorage = migrate(v0, customerSchema(customerFromV0));
    const direct = migrateCustomer(v0, NOW, customerFromV0);
    expect(viaStorage).toEqual(direct);
  });
});

describe('migrateCustomer on current and damaged records', () => {
  const good = appendEvent(
    appendEvent(newCustomer('jd', '小红', NOW), makeEvent('note', NOW + 1, 'x')),
    orderSeenEvent('9001', NOW + 2),
  );

  it('returns a current record unchanged', () => {
    expect(migrateCustomer(good, NOW + 5, customerFromV0)).toEqual(good);
  });

  it('repairs what it can: drops a broken event, empties a non-text note, rebuilds order ids', () => {
    const damaged = { ...good, note: 42, history: [...good.history, { id: 'x', at: 'yesterday' }], orderIds: 'oops' };
    const c = migrateCustomer(damaged, NOW, customerFromV0);
    expect(c.note).toBe('');
    expect(c.history).toEqual(good.history);
    expect(c.orderIds).toEqual(['9001']);
  });

  it('fails with a named error on a record without a nickname, a platform, or from a newer version', () => {
    expect(() => migrateCustomer({ v: 1, platform: 'jd' }, NOW, customerFromV0)).toThrow(CustomerRecordError);
    expect(() => migrateCustomer({ v: 1, nickname: 'a', platform: 'ebay' }, NOW, customerFromV0)).toThrow(CustomerRecordError);
    expect(() => migrateCustomer({ ...good, v: 3 }, NOW, customerFromV0)).toThrow(/newer/);
    expect(() => migrateCustomer('hello', NOW, customerFromV0)).toThrow(CustomerRecordError);
  });
});
