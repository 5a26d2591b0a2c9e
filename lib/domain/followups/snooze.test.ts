import { describe, expect, it } from 'vitest';
import { parseShopTime, shopTimeValue, snoozeDeadline, snoozeLimit, snoozeOptions } from './snooze';
import { followupsFromRemarkFacts, handoverFollowup, manualFollowup, panelFollowup, unpaidSnoozeUntil } from './rules';
import { snooze } from './view';
import { assignFollowup } from './handover';
import { DEFAULT_FOLLOWUP_SETTINGS as S, type Followup } from './types';

const bj = (d: number, h: number, mi = 0): number => Date.UTC(2026, 11, d, h - 8, mi);
const todo = manualFollowup({ title: '给阿强回电话' }, bj(3, 9), S);
const unpaid: Followup = { ...todo, id: 'unpaid:1001', kind: 'unpaid', dueAt: bj(3, 15, 30) };
const labels = (list: { key: string; until: number }[]) => list.map((o) => [o.key.replace('followups.action.', ''), new Date(o.until + 8 * 3600_000).toISOString().slice(5, 16)]);

describe('推迟 offers a short list of times (shop time), the usual one first', () => {
  it('a payment reminder in the morning: in an hour first, then before the cut-off, then tomorrow 9:00', () => {
    expect(labels(snoozeOptions(unpaid, bj(3, 10), S))).toEqual([
      ['snooze1h', '12-03T11:00'],
      ['snoozeCutoff', '12-03T15:30'],
      ['snoozeMorning', '12-04T09:00'],
    ]);
  });

  it('a payment reminder after 15:30 goes to the next morning first, as before; the other times still offered', () => {
    const now = bj(3, 15, 45);
    const list = snoozeOptions(unpaid, now, S);
    expect(list[0]!.until).toBe(unpaidSnoozeUntil(now, S));
    expect(labels(list)).toEqual([
      ['snoozeTomorrow', '12-04T08:00'],
      ['snooze1h', '12-03T16:45'],
      ['snoozeMorning', '12-04T09:00'],
    ]);
    // At 15:00 the usual one is the reminder time itself, named so.
    expect(labels(snoozeOptions(unpaid, bj(3, 15), S))[0]).toEqual(['snoozeCutoff', '12-03T15:30']);
  });

  it('截单前 on a day the shop does not ship is the next shipping day\'s cut-off, never today\'s', () => {
    // 2026-12-06 is a Sunday; the shop ships neither on Sundays nor on Monday the 7th (a closed date).
    const closed = { ...S, noShip: { weekdays: [0], dates: [{ from: '2026-12-07', to: '2026-12-07' }] } };
    for (const item of [unpaid, { ...unpaid, id: 'inquiry:demo:阿强', kind: 'inquiry' as const }]) {
      const list = labels(snoozeOptions(item, bj(6, 10), closed));
      expect(list).toContainEqual(['snoozeNextCutoff', '12-08T15:30']);
      expect(list.map(([, at]) => at)).not.toContain('12-06T15:30');
    }
    // On a shipping day it stays today's, named as before.
    expect(labels(snoozeOptions(unpaid, bj(8, 10), closed))).toContainEqual(['snoozeCutoff', '12-08T15:30']);
  });

  it('after midnight a to-do goes to this morning\'s shift start, named as today, not to the next day\'s', () => {
    const first = snoozeOptions(todo, bj(4, 0, 35), S)[0]!;
    expect(labels([first])).toEqual([['snoozeShiftStart', '12-04T08:00']]);
  });

  it('a to-do: tomorrow at the start of the shift first, then an hour, before the shift ends, tomorrow 9:00', () => {
    expect(labels(snoozeOptions(todo, bj(3, 10), S))).toEqual([
      ['snoozeTomorrow', '12-04T08:00'],
      ['snooze1h', '12-03T11:00'],
      ['snoozeEndOfShift', '12-03T19:30'],
      ['snoozeMorning', '12-04T09:00'],
    ]);
    // Late in the shift "before the shift ends" has passed (or is too close) and is left out.
    expect(labels(snoozeOptions(todo, bj(3, 19, 28), S)).map(([k]) => k)).toEqual(['snoozeTomorrow', 'snooze1h', 'snoozeMorning']);
  });

  it('returns and delays: their re-check first, in days', () => {
    const ret: Followup = { ...todo, kind: 'return-pending' };
    expect(snoozeOptions(ret, bj(3, 10), S)[0]).toEqual({ key: 'followups.action.snoozeRecheck', params: { days: 2 }, until: bj(5, 10) });
    expect(snoozeOptions({ ...todo, kind: 'delay' }, bj(3, 10), S)[0]).toMatchObject({ params: { days: 3 } });
  });

  it('the check before a promised ship date: its re-check, but never past the promised day (as 已完成 brings it back on it)', () => {
    // A purple remark read on the 1st promises the 15th: checked on the 4th, the 7th…
    const [check] = followupsFromRemarkFacts([{ kind: 'ship-promised', orderId: '5001', buyer: '小鹿', date: '2026-12-15' }], [], S, bj(1, 10)).upserts;
    expect(check).toMatchObject({ dueAt: bj(4, 8), why: { key: 'followups.reason.delayCheck' } });
    expect(snoozeOptions(check!, bj(4, 10), S)[0]).toEqual({ key: 'followups.action.snoozeRecheck', params: { days: 3 }, until: bj(7, 10) });
    // Two days before the promise: put off until that day's 15:30, not three days (past the day it had to ship).
    expect(snoozeOptions(check!, bj(13, 10), S)[0]).toEqual({ key: 'followups.action.snoozeRecheck', params: { days: 2 }, until: bj(15, 15, 30) });
    expect(snoozeOptions(check!, bj(14, 19), S)[0]).toMatchObject({ params: { days: 1 }, until: bj(15, 15, 30) });
    // The promise's own item alike before its day; on the day, the three days of any delay.
    const promise: Followup = { ...check!, dueAt: bj(15, 15, 30), why: { key: 'followups.reason.delayPromised', params: { date: '2026-12-15' } } };
    expect(snoozeOptions(promise, bj(13, 10), S)[0]).toMatchObject({ params: { days: 2 }, until: bj(15, 15, 30) });
    expect(snoozeOptions(promise, bj(15, 16), S)[0]).toMatchObject({ params: { days: 3 }, until: bj(18, 16) });
  });

  it('after midnight the morning is this morning, and shop time decides, not the computer’s zone', () => {
    const list = snoozeOptions(todo, bj(4, 2), S);
    expect(list.find((o) => o.key.endsWith('snoozeThisMorning'))!.until).toBe(bj(4, 9));
    // A shop on UTC+7: 9:00 there.
    const hcm = snoozeOptions(todo, bj(3, 10), { ...S, utcOffsetMinutes: 420 });
    expect(hcm.find((o) => o.key.endsWith('snoozeMorning'))!.until).toBe(bj(4, 10));
  });

  it('never offers a time in the past or two times within 5 minutes', () => {
    for (let h = 0; h < 24; h++) {
      for (const item of [todo, unpaid]) {
        const now = bj(3, h, 17);
        const list = snoozeOptions(item, now, S);
        expect(list.every((o) => o.until > now)).toBe(true);
        const times = list.map((o) => o.until).sort((a, b) => a - b);
        expect(times.every((t, i) => i === 0 || t - times[i - 1]! >= 5 * 60_000)).toBe(true);
      }
    }
  });

  it('the custom field reads and writes shop time', () => {
    expect(parseShopTime('2026-12-03T18:30', 480)).toBe(bj(3, 18, 30));
    expect(shopTimeValue(bj(3, 18, 30), 480)).toBe('2026-12-03T18:30');
    expect(parseShopTime('', 480)).toBeNull();
    expect(parseShopTime('2026-13-03T18:30', 480)).toBeNull();
    // Snoozed there, the item comes back then.
    expect(snooze(todo, parseShopTime('2026-12-03T18:30', 480)!, S)).toMatchObject({ status: 'snoozed', snoozedUntil: bj(3, 18, 30) });
  });
});

/**
 * Kinds with a promised time (domain.md: a night's handover is done before noon, a promised answer
 * within 24 h, a bad review the same day): 推迟 offered 明天 08:00 first at every hour, past the promise.
 * Every clock here is pinned (bj(…)), so the hour of the run does not matter.
 */
describe('推迟 never goes past a handover’s, a promised answer’s or a bad review’s deadline', () => {
  const keys = (list: { key: string }[]) => list.map((o) => o.key.replace('followups.action.', ''));
  /** Every offered time is in the future, at least 5 minutes away, and no later than the deadline. */
  const withinDeadline = (item: Followup, now: number) => {
    const list = snoozeOptions(item, now, S);
    for (const o of list) {
      expect(o.until).toBeGreaterThan(now + 5 * 60_000 - 1);
      expect(o.until).toBeLessThanOrEqual(item.dueAt);
    }
    return list;
  };

  it('a night handover (due noon) snoozed at 09:10: in an hour, then the deadline itself — nothing past 12:00', () => {
    const note = handoverFollowup({ title: '买家要改地址，等回复' }, bj(2, 23), S);
    expect(note.dueAt).toBe(bj(3, 12));
    expect(labels(withinDeadline(note, bj(3, 9, 10)))).toEqual([
      ['snooze1h', '12-03T10:10'],
      ['snoozeDeadline', '12-03T12:00'],
    ]);
    // Still at night: this morning's shift start first, all before noon.
    expect(labels(withinDeadline(note, bj(3, 2)))).toEqual([
      ['snoozeShiftStart', '12-03T08:00'],
      ['snooze1h', '12-03T03:00'],
      ['snoozeThisMorning', '12-03T09:00'],
      ['snoozeDeadline', '12-03T12:00'],
    ]);
    // At 11:10 only the deadline is left; at 11:57 and after noon nothing: it is due now.
    expect(labels(withinDeadline(note, bj(3, 11, 10)))).toEqual([['snoozeDeadline', '12-03T12:00']]);
    expect(snoozeOptions(note, bj(3, 11, 57), S)).toEqual([]);
    expect(snoozeOptions(note, bj(3, 15), S)).toEqual([]);
    expect(snoozeDeadline(note)).toBe(bj(3, 12));
  });

  it('a 24-hour promise made yesterday 14:00, snoozed at 13:00, can only go to 14:00; made this morning, tomorrow 08:00 still fits', () => {
    const promise = panelFollowup('promised-answer', '小鹿', bj(2, 14), S);
    expect(promise.dueAt).toBe(bj(3, 14));
    expect(labels(withinDeadline(promise, bj(3, 13)))).toEqual([['snoozeDeadline', '12-03T14:00']]);
    expect(snoozeOptions(promise, bj(3, 14, 1), S)).toEqual([]);
    const fresh = panelFollowup('promised-answer', '小鹿', bj(3, 10), S);
    expect(labels(withinDeadline(fresh, bj(3, 10, 30)))).toEqual([
      ['snoozeTomorrow', '12-04T08:00'],
      ['snooze1h', '12-03T11:30'],
      ['snoozeEndOfShift', '12-03T19:30'],
      ['snoozeMorning', '12-04T09:00'],
      ['snoozeDeadline', '12-04T10:00'],
    ]);
  });

  it('a bad review is handled today: before the shift ends first while the shift is on, never tomorrow', () => {
    const review = panelFollowup('bad-review', '小鹿', bj(3, 9), S, undefined, { orderId: '4012938475610293847' });
    expect(review.dueAt).toBe(bj(3, 20));
    expect(labels(withinDeadline(review, bj(3, 9, 10)))).toEqual([
      ['snoozeEndOfShift', '12-03T19:30'],
      ['snooze1h', '12-03T10:10'],
      ['snoozeDeadline', '12-03T20:00'],
    ]);
    expect(keys(withinDeadline(review, bj(3, 19, 10)))).toEqual(['snoozeEndOfShift', 'snoozeDeadline']);
    expect(keys(withinDeadline(review, bj(3, 19, 40)))).toEqual(['snoozeDeadline']);
    expect(snoozeOptions(review, bj(3, 21), S)).toEqual([]);
    // Made at night it is a handover for the morning (due noon): the shift start first.
    const night = panelFollowup('bad-review', '阿强', bj(3, 23), S);
    expect(night.dueAt).toBe(bj(4, 12));
    expect(keys(withinDeadline(night, bj(3, 23, 10)))).toEqual(['snoozeTomorrow', 'snooze1h', 'snoozeMorning', 'snoozeDeadline']);
  });

  it('at every hour of the day, no kind with a deadline is offered a time past it or in the past', () => {
    const items: Followup[] = [
      handoverFollowup({ title: '交接' }, bj(2, 22), S),
      panelFollowup('promised-answer', '小鹿', bj(2, 14), S),
      panelFollowup('bad-review', '小鹿', bj(3, 9), S),
      manualFollowup({ title: '夜里记下的事' }, bj(3, 1), S),
    ];
    for (const item of items) {
      expect(snoozeDeadline(item)).toBe(item.dueAt);
      for (let h = 0; h < 24; h++) for (const mi of [0, 10, 57]) withinDeadline(item, bj(3, h, mi));
    }
    // A day to-do and a VIP revisit have no deadline: the usual tomorrow-morning snooze stays.
    expect(snoozeDeadline(todo)).toBeNull();
    expect(snoozeDeadline({ ...todo, kind: 'vip-revisit' })).toBeNull();
  });

  it('the choices are shop time whatever the shop’s zone: a UTC+7 shop’s handover due at its noon', () => {
    const hcm = { ...S, utcOffsetMinutes: 420 };
    const note = handoverFollowup({ title: '交接' }, bj(3, 0), hcm); // 23:00 in Ho Chi Minh City
    expect(note.dueAt).toBe(bj(3, 13)); // 12:00 there
    const list = snoozeOptions(note, bj(3, 10, 10), hcm); // 09:10 there
    expect(list.map((o) => o.until)).toEqual([bj(3, 11, 10), bj(3, 13)]);
  });
});


/**
 * A handover the day shift left for the night is due 23:59 that evening (the product's deadline,
 * not a promise to a buyer). Past it, the night agent it was handed to is at work until 08:00: 推迟
 * offers times within the night (in an hour, before the day shift starts), never into the day's hours.
 */
describe('推迟 of the night’s own handover past its 23:59 deadline, while the night shift is on', () => {
  const forNight = handoverFollowup({ title: '买家等换货单号，夜里回她' }, bj(3, 14), S);

  it('offers in an hour and before the day shift starts, no later; the limit is the day shift’s start', () => {
    expect([forNight.dueAt, forNight.shift]).toEqual([bj(3, 23, 59), 'night']);
    expect(labels(snoozeOptions(forNight, bj(4, 0, 30), S))).toEqual([
      ['snooze1h', '12-04T01:30'],
      ['snoozeBeforeDayShift', '12-04T07:30'],
    ]);
    expect(snoozeLimit(forNight, bj(4, 0, 30), S)).toEqual({ until: bj(4, 8), night: true });
    // Within 5 minutes of 23:59 the old rule had nothing left either.
    expect(labels(snoozeOptions(forNight, bj(3, 23, 56), S))).toEqual([
      ['snooze1h', '12-04T00:56'],
      ['snoozeBeforeDayShift', '12-04T07:30'],
    ]);
    expect(labels(snoozeOptions(forNight, bj(4, 7), S)).map(([k]) => k)).toEqual(['snoozeBeforeDayShift']);
    expect(snoozeOptions(forNight, bj(4, 7, 28), S)).toEqual([]);
  });

  it('before its deadline, and once the day shift is on, the deadline rule stands; a handover for the morning is not changed', () => {
    expect(snoozeLimit(forNight, bj(3, 21), S)).toEqual({ until: bj(3, 23, 59), night: false });
    expect(labels(snoozeOptions(forNight, bj(3, 21), S)).at(-1)).toEqual(['snoozeDeadline', '12-03T23:59']);
    expect(snoozeOptions(forNight, bj(4, 9), S)).toEqual([]);
    expect(snoozeLimit(forNight, bj(4, 9), S)).toEqual({ until: bj(3, 23, 59), night: false });
    const forMorning = handoverFollowup({ title: '交接' }, bj(2, 23), S);
    expect(snoozeOptions(forMorning, bj(3, 15), S)).toEqual([]);
    expect(snoozeLimit(forMorning, bj(3, 15), S)).toEqual({ until: bj(3, 12), night: false });
  });

  it('anything handed to the night shift with 交给夜班 follows the same rule: a to-do, an inquiry, a promised answer the handover pushed to 23:59', () => {
    const day = bj(3, 15);
    const todo = assignFollowup(manualFollowup({ title: '查一下物流再回买家' }, day, S), { shift: 'night' }, day, S);
    const inquiry = assignFollowup(panelFollowup('inquiry', '小林', bj(3, 10), S), { shift: 'night' }, day, S);
    const answer = assignFollowup(panelFollowup('promised-answer', '小林', bj(3, 10), S, bj(3, 18)), { shift: 'night' }, day, S);
    for (const f of [todo, inquiry, answer]) {
      expect([f.dueAt, f.shift]).toEqual([bj(3, 23, 59), 'night']);
      expect(labels(snoozeOptions(f, bj(4, 1), S))).toEqual([
        ['snooze1h', '12-04T02:00'],
        ['snoozeBeforeDayShift', '12-04T07:30'],
      ]);
      expect(snoozeLimit(f, bj(4, 1), S)).toEqual({ until: bj(4, 8), night: true });
      // Before 23:59 the deadline stands.
      expect(snoozeLimit(f, bj(3, 21), S)).toEqual({ until: bj(3, 23, 59), night: false });
    }
  });

  it('a buyer’s promise that falls in the night stays a deadline, and an item without one keeps its usual times', () => {
    // Promised for 01:00 (after the handover's 23:59): that is the buyer's time, not the handover's.
    const answer = assignFollowup(panelFollowup('promised-answer', '小林', bj(3, 10), S, bj(4, 1)), { shift: 'night' }, bj(3, 15), S);
    expect(answer.dueAt).toBe(bj(4, 1));
    expect(snoozeOptions(answer, bj(4, 1, 30), S)).toEqual([]);
    expect(snoozeLimit(answer, bj(4, 1, 30), S)).toEqual({ until: bj(4, 1), night: false });
    const ret = assignFollowup(panelFollowup('return-pending', '小林', bj(1, 10), S, bj(3, 16)), { shift: 'night' }, bj(3, 15), S);
    expect(snoozeLimit(ret, bj(4, 1), S)).toBeNull();
    expect(labels(snoozeOptions(ret, bj(4, 1), S)).map(([k]) => k)).toContain('snoozeThisMorning');
  });
});
