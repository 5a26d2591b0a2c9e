import { describe, expect, it } from 'vitest';
import { assignFollowup, handoverItems, handoverTarget, isHandedTo, nextShiftStart, shiftAt } from './handover';
import { handoverDeadline, handoverFollowup, manualFollowup, panelFollowup } from './rules';
import { complete, todayView } from './view';
import { DEFAULT_FOLLOWUP_SETTINGS } from './types';

const bj = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);
/** A shop whose day shift is 09:00–21:00. */
const S = { ...DEFAULT_FOLLOWUP_SETTINGS, dayShift: { start: '09:00', end: '21:00' } };
const at15 = bj(2026, 3, 10, 15, 0);
const item = manualFollowup({ title: '给阿强回电话', buyer: '阿强' }, at15, S);

describe('handover (交接)', () => {
  it("follows the shop's shift hours: 20:59 is day, 21:00 is night, 08:59 is night", () => {
    expect(shiftAt(bj(2026, 3, 10, 20, 59), S)).toBe('day');
    expect(shiftAt(bj(2026, 3, 10, 21, 0), S)).toBe('night');
    expect(shiftAt(bj(2026, 3, 11, 8, 59), S)).toBe('night');
    expect(nextShiftStart('night', at15, S)).toBe(bj(2026, 3, 10, 21, 0));
    expect(nextShiftStart('day', bj(2026, 3, 10, 23, 0), S)).toBe(bj(2026, 3, 11, 9, 0));
    expect(nextShiftStart('day', at15, S)).toBe(at15);
  });

  it('handed to the night shift at 15:00, an item due at 16:00 is due that evening, not the moment the night shift starts', () => {
    const handed = assignFollowup({ ...item, dueAt: bj(2026, 3, 10, 16, 0) }, { shift: 'night' }, at15, S);
    expect(handed).toMatchObject({ shift: 'night', handover: true, assignedAt: at15, dueAt: bj(2026, 3, 10, 23, 59) });
    expect(handed.assignee).toBeUndefined();
    // The night shift comes on at 21:00 and finds it due, not overdue.
    expect(todayView([handed], bj(2026, 3, 10, 21, 0), S).today).toEqual([handed]);
    // A due time later than that stays.
    expect(assignFollowup({ ...item, dueAt: bj(2026, 3, 11, 15, 30) }, { shift: 'night' }, at15, S).dueAt).toBe(bj(2026, 3, 11, 15, 30));
  });

  it('a shift is given time after it comes on: the night shift until 23:59, the day shift until noon — around the shift change', () => {
    // Handed over in the last minute of the day shift, and by a night agent just before the day shift.
    expect(handoverDeadline('night', bj(2026, 3, 10, 20, 59), S)).toBe(bj(2026, 3, 10, 23, 59));
    expect(handoverDeadline('day', bj(2026, 3, 11, 8, 59), S)).toBe(bj(2026, 3, 11, 12, 0));
    expect(handoverDeadline('day', bj(2026, 3, 10, 23, 0), S)).toBe(bj(2026, 3, 11, 12, 0));
    // The shift is on already (a team member handing over after their own shift): from now, within it.
    expect(handoverDeadline('night', bj(2026, 3, 10, 21, 0), S)).toBe(bj(2026, 3, 10, 23, 59));
    expect(handoverDeadline('night', bj(2026, 3, 11, 1, 0), S)).toBe(bj(2026, 3, 11, 9, 0));
    expect(handoverDeadline('day', bj(2026, 3, 11, 10, 0), S)).toBe(bj(2026, 3, 11, 12, 0));
    expect(handoverDeadline('day', bj(2026, 3, 11, 13, 0), S)).toBe(bj(2026, 3, 11, 21, 0));
    // Never past the end of the shift: a night shift 23:30–06:00 has until 23:59; one that starts after midnight, until it ends.
    expect(handoverDeadline('night', bj(2026, 3, 10, 15, 0), { ...S, dayShift: { start: '06:00', end: '23:30' } })).toBe(bj(2026, 3, 10, 23, 59));
    expect(handoverDeadline('night', bj(2026, 3, 10, 15, 0), { ...S, dayShift: { start: '07:00', end: '00:30' } })).toBe(bj(2026, 3, 11, 7, 0));
    // Handed to the day shift at night, an item is due by noon, not when the day shift starts at 09:00.
    const night = bj(2026, 3, 10, 23, 0);
    expect(assignFollowup({ ...item, dueAt: bj(2026, 3, 10, 22, 0) }, { shift: 'day' }, night, S).dueAt).toBe(bj(2026, 3, 11, 12, 0));
    // Handed to the shift that is on, an item keeps its due time.
    expect(assignFollowup({ ...item, dueAt: bj(2026, 3, 10, 16, 0) }, { shift: 'day' }, at15, S).dueAt).toBe(bj(2026, 3, 10, 16, 0));
  });

  it('handed to a person keeps the due time and replaces an earlier shift assignment; null takes it back', () => {
    const toShift = assignFollowup(item, { shift: 'night' }, at15, S);
    const toWang = assignFollowup(toShift, { person: '小王' }, at15 + 1000, S);
    expect(toWang).toMatchObject({ assignee: '小王', assignedAt: at15 + 1000, dueAt: toShift.dueAt });
    expect(toWang.shift).toBeUndefined();
    const back = assignFollowup(toWang, null, at15 + 2000, S);
    expect(handoverTarget(back, S)).toBeNull();
    expect(back.assignedAt).toBe(at15 + 2000);
  });

  it('shows an item to the person it was handed to, or to everyone on that shift — never once done', () => {
    const toWang = assignFollowup(item, { person: '小王' }, at15, S);
    const toNight = assignFollowup(item, { shift: 'night' }, at15, S);
    expect(isHandedTo(toWang, { user: '小王', shift: 'day' }, S)).toBe(true);
    expect(isHandedTo(toWang, { user: '小李', shift: 'day' }, S)).toBe(false);
    expect(isHandedTo(toWang, { shift: 'day' }, S)).toBe(false);
    expect(isHandedTo(toNight, { user: '小李', shift: 'night' }, S)).toBe(true);
    expect(isHandedTo(toNight, { shift: 'day' }, S)).toBe(false);
    expect(isHandedTo(complete(toNight, at15 + 1, '已回电'), { shift: 'night' }, S)).toBe(false);
    expect(isHandedTo(item, { shift: 'day' }, S)).toBe(false);
  });

  it("items made in the night shift are the day shift's handover; a handover note goes to the other shift", () => {
    const nightInquiry = panelFollowup('inquiry', '小明', bj(2026, 3, 10, 23, 30), S);
    expect(handoverTarget(nightInquiry, S)).toEqual({ shift: 'day' });
    expect(handoverTarget(handoverFollowup({ title: '仓库明早回复' }, bj(2026, 3, 10, 23, 30), S), S)).toEqual({ shift: 'day' });
    expect(handoverTarget(handoverFollowup({ title: '晚上回访' }, at15, S), S)).toEqual({ shift: 'night' });
  });

  it('lists the viewer’s items most urgent first', () => {
    const a = assignFollowup({ ...item, id: 'a', dueAt: bj(2026, 3, 11, 12, 0) }, { shift: 'day' }, bj(2026, 3, 10, 22, 0), S);
    const b = assignFollowup({ ...item, id: 'b', dueAt: bj(2026, 3, 11, 10, 0) }, { person: '小王' }, bj(2026, 3, 10, 22, 0), S);
    const c = assignFollowup({ ...item, id: 'c' }, { shift: 'night' }, bj(2026, 3, 10, 22, 0), S);
    expect(handoverItems([a, b, c], { user: '小王', shift: 'day' }, S).map((f) => f.id)).toEqual(['b', 'a']);
  });
});
