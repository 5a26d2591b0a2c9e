import { describe, expect, it } from 'vitest';
import { migrate } from '../../storage/versioned';
import { followupsFromOrders, panelFollowup } from './rules';
import { FOLLOWUP_SCHEMA, FollowupRecordError, migrateFollowup } from './migrate';
import { DEFAULT_FOLLOWUP_SETTINGS as S } from './types';
import { snooze } from './view';

const NOW = Date.UTC(2026, 2, 10, 4);

describe('migrateFollowup from the prototype to-do shape (v0)', () => {
  const v0 = { type: '催付', text: '催小明付款', due: '2026-03-10T07:30:00Z', done: false, order: '1001', buyer: '小明', created: NOW - 3_600_000 };

  it('becomes a current item with its kind, due time, order and buyer', () => {
    expect(migrateFollowup(v0, NOW)).toEqual({
      v: 2,
      id: expect.stringMatching(/^manual:/),
      kind: 'unpaid',
      title: '催小明付款',
      reason: '手动添加',
      createdAt: NOW - 3_600_000,
      dueAt: Date.UTC(2026, 2, 10, 7, 30),
      status: 'open',
      source: 'manual',
      buyer: '小明',
      orderId: '1001',
    });
  });

  it('is idempotent and gives the same id every time', () => {
    const once = migrateFollowup(v0, NOW);
    expect(migrateFollowup(once, NOW + 5)).toEqual(once);
    expect(migrateFollowup(v0, NOW + 5).id).toBe(once.id);
  });

  it('reads Chinese kind labels and marks finished to-dos done', () => {
    expect(migrateFollowup({ type: 'VIP 回访', text: 'x', due: NOW, done: true }, NOW)).toMatchObject({ kind: 'vip-revisit', status: 'done' });
    expect(migrateFollowup({ text: 'x', due: NOW }, NOW).kind).toBe('manual');
  });

  it('runs through the storage layer\'s migrate() with the same result', () => {
    expect(migrate(v0, FOLLOWUP_SCHEMA)).toEqual(migrateFollowup(v0, NOW));
  });
});

describe('migrateFollowup on current and damaged records', () => {
  const now = Date.UTC(2026, 2, 10, 3);
  const good = followupsFromOrders([{ orderId: '1', buyer: 'a', status: 'unpaid', createdAt: now - 3_600_000, flag: 'gray', remark: '' }], [], S, now).upserts[0]!;

  it('returns current records unchanged', () => {
    expect(migrateFollowup(good, now)).toEqual(good);
    const s = snooze(panelFollowup('promised-answer', 'b', now, S), now + 1000);
    expect(migrateFollowup(JSON.parse(JSON.stringify(s)), now)).toEqual(s);
  });

  it('repairs damaged optional parts: a snooze without an end becomes open, an unknown scenario is dropped', () => {
    const damaged = { ...good, status: 'snoozed', suggestScenario: 'nonsense', platform: 'ebay', createdAt: 'x' };
    const f = migrateFollowup(damaged, now);
    expect(f.status).toBe('open');
    expect(f.suggestScenario).toBeUndefined();
    expect(f.platform).toBeUndefined();
    expect(f.createdAt).toBe(now);
  });

  it('fails with a named error without an id, a known kind or a due time, or from a newer version', () => {
    expect(() => migrateFollowup({ ...good, id: '' }, now)).toThrow(FollowupRecordError);
    expect(() => migrateFollowup({ ...good, kind: 'party' }, now)).toThrow(FollowupRecordError);
    expect(() => migrateFollowup({ ...good, dueAt: null }, now)).toThrow(FollowupRecordError);
    expect(() => migrateFollowup({ ...good, v: 3 }, now)).toThrow(/newer/);
    expect(() => migrateFollowup([], now)).toThrow(FollowupRecordError);
  });
});
