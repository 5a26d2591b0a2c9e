import { describe, expect, it } from 'vitest';
import { parseShopTime, shopTimeValue, snoozeOptions } from './snooze';
import { manualFollowup, unpaidSnoozeUntil } from './rules';
import { snooze } from './view';
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
