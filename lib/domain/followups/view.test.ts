import { afterEach, describe, expect, it, vi } from 'vitest';
import { manualFollowup, panelFollowup } from './rules';
import { DEFAULT_FOLLOWUP_SETTINGS as S, type Followup } from './types';
import { addNote, applyRuleResult, complete, reopen, snooze, suggestedSnooze, todayView } from './view';

const bj = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);
const HOUR = 3_600_000;

function item(id: string, dueAt: number, extra: Partial<Followup> = {}): Followup {
  return { ...manualFollowup({ title: id }, bj(2026, 3, 1, 9), S), id, dueAt, ...extra };
}

describe('todayView', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sorts open items into overdue, today and later around midnight', () => {
    const now = bj(2026, 3, 10, 23, 30);
    const v = todayView([item('late', bj(2026, 3, 10, 23, 0)), item('soon', bj(2026, 3, 10, 23, 45)), item('tomorrow', bj(2026, 3, 11, 0, 30))], now);
    expect(v.overdue.map((f) => f.id)).toEqual(['late']);
    expect(v.today.map((f) => f.id)).toEqual(['soon']);
    expect(v.upcoming.map((f) => f.id)).toEqual(['tomorrow']);
    expect(v.badgeCount).toBe(2);
  });

  it('rolls over at midnight shop time, whatever the fake clock says in UTC', () => {
    vi.useFakeTimers();
    vi.setSystemTime(bj(2026, 3, 11, 0, 1));
    const v = todayView([item('was-tomorrow', bj(2026, 3, 11, 0, 30))], Date.now());
    expect(v.today.map((f) => f.id)).toEqual(['was-tomorrow']);
  });

  it('leaves out done items', () => {
    const now = bj(2026, 3, 10, 10);
    const v = todayView([complete(item('x', now - HOUR), now)], now);
    expect(v.badgeCount).toBe(0);
    expect([...v.overdue, ...v.today, ...v.upcoming, ...v.snoozed]).toEqual([]);
  });

  it('hides a snoozed item until its snooze ends, then brings it back into today, not overdue', () => {
    const due = bj(2026, 3, 10, 9);
    const snoozed = snooze(item('s', due), bj(2026, 3, 10, 14));
    const before = todayView([snoozed], bj(2026, 3, 10, 13, 59));
    expect(before.snoozed).toEqual([snoozed]);
    expect(before.badgeCount).toBe(0);
    const after = todayView([snoozed], bj(2026, 3, 10, 14, 1));
    expect(after.today).toEqual([snoozed]);
    expect(after.overdue).toEqual([]);
  });

  it('reports a snoozed item as overdue once the day it came back has passed', () => {
    const snoozed = snooze(item('s', bj(2026, 3, 10, 9)), bj(2026, 3, 10, 14));
    expect(todayView([snoozed], bj(2026, 3, 11, 9)).overdue).toEqual([snoozed]);
  });

  it('orders by urgency: most overdue first, then by due time, and groups by kind', () => {
    const now = bj(2026, 3, 10, 10);
    const a = panelFollowup('bad-review', '甲', bj(2026, 3, 10, 9), S, bj(2026, 3, 10, 11));
    const b = item('m1', bj(2026, 3, 10, 12));
    const c = panelFollowup('bad-review', '乙', now, S, bj(2026, 3, 10, 18));
    const d = item('m0', bj(2026, 3, 10, 8));
    const e = item('m-1', bj(2026, 3, 10, 7));
    const v = todayView([b, c, a, d, e], now);
    expect(v.overdue.map((f) => f.id)).toEqual(['m-1', 'm0']);
    expect(v.today.map((f) => f.id)).toEqual([a.id, 'm1', c.id]);
    expect(v.groups.today.map((g) => [g.kind, g.items.length])).toEqual([
      ['bad-review', 2],
      ['manual', 1],
    ]);
  });

  it('puts a payment reminder before a manual to-do due at the same moment', () => {
    const due = bj(2026, 3, 10, 15, 30);
    const manual = item('m', due);
    const unpaid = { ...item('unpaid:1', due), kind: 'unpaid' as const };
    expect(todayView([manual, unpaid], bj(2026, 3, 10, 10)).today.map((f) => f.id)).toEqual(['unpaid:1', 'm']);
  });
});

describe('actions on one item', () => {
  const base = item('x', bj(2026, 3, 10, 12));

  it('complete records when and why, and clears a snooze', () => {
    const done = complete(snooze(base, bj(2026, 3, 10, 13)), bj(2026, 3, 10, 12, 5), ' 已电话联系 ');
    expect(done).toMatchObject({ status: 'done', closedAt: bj(2026, 3, 10, 12, 5), closedReason: '已电话联系' });
    expect(done.snoozedUntil).toBeUndefined();
    expect(base.status).toBe('open');
  });

  it('reopen brings a done item back as open, and says when (a team merge weighs it against a close)', () => {
    const again = reopen(complete(base, bj(2026, 3, 10, 12), 'x'), bj(2026, 3, 10, 12, 30));
    expect(again.status).toBe('open');
    expect(again.reopenedAt).toBe(bj(2026, 3, 10, 12, 30));
    expect(again.closedAt).toBeUndefined();
    expect(again.closedReason).toBeUndefined();
  });

  it('addNote adds lines, ignores empty text', () => {
    const noted = addNote(addNote(base, '打了电话没接'), '  再打一次，说晚上付 ');
    expect(noted.note).toBe('打了电话没接\n再打一次，说晚上付');
    expect(addNote(base, '  ')).toBe(base);
  });

  it('suggests re-checking a return in two days and other items at the start of the next day shift', () => {
    const now = bj(2026, 3, 10, 16);
    expect(suggestedSnooze({ ...base, kind: 'return-pending' }, now, S)).toBe(now + 48 * HOUR);
    expect(suggestedSnooze(base, now, S)).toBe(bj(2026, 3, 11, 8));
  });

  it('snoozes a payment reminder an hour while the 16:00 cut-off can still be met, else to the next morning', () => {
    const unpaid = { ...base, kind: 'unpaid' as const };
    const at = (h: number, mi = 0, d = 10) => suggestedSnooze(unpaid, bj(2026, 3, d, h, mi), S);
    expect(at(10)).toBe(bj(2026, 3, 10, 11));
    // The last reminder before the cut-off is 15:30: an hour from 15:10 would be after it.
    expect(at(15, 10)).toBe(bj(2026, 3, 10, 15, 30));
    // From 15:30 on, today's cut-off is lost: back at 08:00, before tomorrow's.
    expect(at(15, 30)).toBe(bj(2026, 3, 11, 8));
    expect(at(16)).toBe(bj(2026, 3, 11, 8));
    expect(at(17, 42)).toBe(bj(2026, 3, 11, 8));
    // At night nobody reminds: the next morning, also after midnight.
    expect(at(23)).toBe(bj(2026, 3, 11, 8));
    expect(at(2, 0, 11)).toBe(bj(2026, 3, 11, 8));
  });
});

describe('applyRuleResult', () => {
  it('upserts by id and closes only items that are still open', () => {
    const now = bj(2026, 3, 10, 10);
    const a = item('a', now);
    const b = complete(item('b', now), now, '手动完成');
    const c = item('c', now);
    const out = applyRuleResult(
      [a, b],
      { upserts: [c], closes: [{ id: 'a', reason: '买家已付款' }, { id: 'b', reason: '买家已付款' }, { id: 'zzz', reason: '?' }] },
      now,
    );
    expect(out.map((f) => [f.id, f.status, f.closedReason])).toEqual([
      ['a', 'done', '买家已付款'],
      ['b', 'done', '手动完成'],
      ['c', 'open', undefined],
    ]);
  });
});
