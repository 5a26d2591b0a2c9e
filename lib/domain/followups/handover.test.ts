import { describe, expect, it } from 'vitest';
import { assignFollowup, handoverDueNow, handoverItems, nightMarkingNow, upgradeHandoverDue, handoverTarget, isHandedTo, nextShiftStart, shiftAt } from './handover';
import { followupsFromOrders, followupsFromRemarkFacts, handoverDeadline, handoverFollowup, manualFollowup, panelFollowup } from './rules';
import { complete, todayView } from './view';
import { DEFAULT_FOLLOWUP_SETTINGS, type Followup } from './types';
import { followupReason, sayFrom } from './text';
import { migrateFollowup } from './migrate';
import { followups as messages } from '../../i18n/messages/followups';

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
    expect(assignFollowup({ ...item, dueAt: bj(2026, 3, 10, 23, 30) }, { shift: 'day' }, night, S).dueAt).toBe(bj(2026, 3, 11, 12, 0));
    // One already overdue stays overdue: the day shift sees it late, first.
    expect(assignFollowup({ ...item, dueAt: bj(2026, 3, 10, 22, 0) }, { shift: 'day' }, night, S).dueAt).toBe(bj(2026, 3, 10, 22, 0));
    // Handed to the shift that is on, an item keeps its due time.
    expect(assignFollowup({ ...item, dueAt: bj(2026, 3, 10, 16, 0) }, { shift: 'day' }, at15, S).dueAt).toBe(bj(2026, 3, 10, 16, 0));
  });

  it('a promised answer the night shift hands 交给白班 at 07:40 is due by that noon, in the day shift’s list today; a time the agent typed stays', () => {
    // Default day shift 08:00–20:00: 07:40 is the night's last minutes.
    const D = DEFAULT_FOLLOWUP_SETTINGS;
    const at0740 = bj(2026, 3, 11, 7, 40);
    const promised = panelFollowup('promised-answer', '阿强', at0740, D);
    expect(promised.dueAt).toBe(bj(2026, 3, 12, 7, 40));
    const handed = assignFollowup(promised, { shift: 'day' }, at0740, D);
    expect(handed).toMatchObject({ shift: 'day', handover: true, dueAt: bj(2026, 3, 11, 12, 0) });
    const at9 = bj(2026, 3, 11, 9, 0);
    expect(todayView([handed], at9, D).today).toEqual([handed]);
    expect(isHandedTo(handed, { shift: 'day' }, D)).toBe(true);
    // One made yesterday afternoon (due 14:00 today), handed over in the night: noon too.
    const older = panelFollowup('promised-answer', '阿强', bj(2026, 3, 10, 14, 0), D);
    expect(assignFollowup(older, { shift: 'day' }, bj(2026, 3, 11, 2, 0), D).dueAt).toBe(bj(2026, 3, 11, 12, 0));
    // The agent typed the time (the buyer was told 18:00 tomorrow): it stays, so does a call-back's.
    const typed = panelFollowup('promised-answer', '阿强', at0740, D, bj(2026, 3, 12, 18, 0));
    expect(assignFollowup(typed, { shift: 'day' }, at0740, D).dueAt).toBe(bj(2026, 3, 12, 18, 0));
    const call = panelFollowup('call-back', '阿强', at0740, D, bj(2026, 3, 11, 17, 0));
    expect(assignFollowup(call, { shift: 'day' }, at0740, D).dueAt).toBe(bj(2026, 3, 11, 17, 0));
    // Kinds that wait for something keep their time: a return parcel in 2 days.
    const parcel = panelFollowup('return-pending', '阿强', at0740, D, undefined, { orderId: '20260311001' });
    expect(assignFollowup(parcel, { shift: 'day' }, at0740, D).dueAt).toBe(parcel.dueAt);
    // Handed 交给夜班 by day, a 24-hour promise keeps its time (the night is owed 23:59 only as room).
    const byDay = panelFollowup('promised-answer', '阿强', bj(2026, 3, 11, 14, 0), D);
    expect(assignFollowup(byDay, { shift: 'night' }, bj(2026, 3, 11, 14, 0), D).dueAt).toBe(bj(2026, 3, 12, 14, 0));
    // Handed to the day shift while it is on: the shift itself, no handover deadline.
    expect(assignFollowup(byDay, { shift: 'day' }, bj(2026, 3, 11, 14, 0), D).dueAt).toBe(bj(2026, 3, 12, 14, 0));
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

  it("to-dos made in the night shift are the day shift's handover, a buyer's item is not; a handover note goes to the other shift", () => {
    expect(handoverTarget(manualFollowup({ title: '明早回电' }, bj(2026, 3, 10, 23, 30), S), S)).toEqual({ shift: 'day' });
    expect(handoverTarget(panelFollowup('inquiry', '小明', bj(2026, 3, 10, 23, 30), S), S)).toBeNull();
    expect(handoverTarget(handoverFollowup({ title: '仓库明早回复' }, bj(2026, 3, 10, 23, 30), S), S)).toEqual({ shift: 'day' });
    expect(handoverTarget(handoverFollowup({ title: '晚上回访' }, at15, S), S)).toEqual({ shift: 'night' });
  });

  it('an order 25 hours late handed to the night shift at 09:10 stays 已逾期: its due time is kept, the night shift sees it first, and the next reads do not hide it', () => {
    // Default hours (08:00–20:00). Ordered 12-05 20:31 after the cut-off: to ship on the 6th; due 12-07 08:00.
    const D = DEFAULT_FOLLOWUP_SETTINGS;
    const at = bj(2026, 12, 8, 9, 10);
    const o = { orderId: '3709981726354019283', buyer: '雨后彩虹_lily', status: 'paid' as const, createdAt: bj(2026, 12, 5, 20, 31), flag: 'gray' as const, remark: '' };
    const [late] = followupsFromOrders([o], [], D, at).upserts;
    expect(todayView([late!], at, D).overdue).toEqual([late]);
    const handed = assignFollowup(late!, { shift: 'night' }, at, D);
    // It used to be due 23:59 that evening: 截止 23:59, and 逾期 0.
    expect(handed).toMatchObject({ shift: 'night', handover: true, dueAt: bj(2026, 12, 7, 8, 0) });
    expect(todayView([handed], at, D).overdue).toEqual([handed]);
    // At 20:00 the night shift finds it first among what was handed to it, still overdue.
    const note = assignFollowup(manualFollowup({ title: '晚上回电' }, at, D), { shift: 'night' }, at, D);
    expect(handoverItems([note, handed], { shift: 'night' }, D).map((f) => f.id)).toEqual([handed.id, note.id]);
    expect(todayView([handed], bj(2026, 12, 8, 20, 0), D).overdue).toEqual([handed]);
    expect(followupsFromOrders([o], [handed], D, at + 120_000).upserts).toEqual([]);
    // An unpaid order due 15:30, handed over at 15:45: the order list read again leaves it overdue, not due 23:59.
    const unpaid = { ...o, orderId: '3712093845610298374', status: 'unpaid' as const, createdAt: bj(2026, 12, 8, 10, 0) };
    const [remind] = followupsFromOrders([unpaid], [], D, bj(2026, 12, 8, 15, 0)).upserts;
    const passed = assignFollowup(remind!, { shift: 'night' }, bj(2026, 12, 8, 15, 45), D);
    expect(passed.dueAt).toBe(bj(2026, 12, 8, 15, 30));
    expect(followupsFromOrders([unpaid], [passed], D, bj(2026, 12, 8, 15, 50)).upserts).toEqual([]);
    // Not yet due, it still gets the night shift's room (due by 23:59), as before.
    expect(assignFollowup({ ...late!, dueAt: at + 60_000 }, { shift: 'night' }, at, D).dueAt).toBe(bj(2026, 12, 8, 23, 59));
  });

  it('lists the viewer’s items most urgent first', () => {
    const a = assignFollowup({ ...item, id: 'a', dueAt: bj(2026, 3, 11, 12, 0) }, { shift: 'day' }, bj(2026, 3, 10, 22, 0), S);
    const b = assignFollowup({ ...item, id: 'b', dueAt: bj(2026, 3, 11, 10, 0) }, { person: '小王' }, bj(2026, 3, 10, 22, 0), S);
    const c = assignFollowup({ ...item, id: 'c' }, { shift: 'night' }, bj(2026, 3, 10, 22, 0), S);
    expect(handoverItems([a, b, c], { user: '小王', shift: 'day' }, S).map((f) => f.id)).toEqual(['b', 'a']);
  });
});

describe('handover due times stored under the old rule (due the minute the receiving shift came on)', () => {
  // Default shift hours (08:00–20:00), as most shops run; records as the version before 2026-12-03 stored them.
  const D = DEFAULT_FOLLOWUP_SETTINGS;
  const oldNote = migrateFollowup({
    v: 2,
    id: 'handover:mq1-abc',
    kind: 'handover',
    title: '3001 等仓库回复',
    reason: '白班交给夜班，2026-12-03 20:00 前处理完',
    why: { key: 'followups.reason.handoverToNight', params: { due: '2026-12-03 20:00' } },
    createdAt: bj(2026, 12, 3, 15, 0),
    dueAt: bj(2026, 12, 3, 20, 0),
    status: 'open',
    source: 'manual',
    handover: true,
    shift: 'night',
    assignedAt: bj(2026, 12, 3, 15, 0),
  });
  /** A to-do due 16:00, handed to the night shift at 15:00 (交给夜班): the old rule made it due at 20:00. */
  const oldToNight = migrateFollowup({
    v: 2, id: 'manual:mq2-def', kind: 'manual', title: '给阿强回电话', reason: '手动添加的待办', createdAt: bj(2026, 12, 3, 14, 0),
    dueAt: bj(2026, 12, 3, 20, 0), status: 'open', source: 'manual', handover: true, shift: 'night', assignedAt: bj(2026, 12, 3, 15, 0),
  });
  /** Handed to the day shift at 23:00: the old rule made it due at 08:00, as the day shift came on. */
  const oldToDay = migrateFollowup({
    v: 2, id: 'manual:mq3-ghi', kind: 'manual', title: '退款核对', reason: '手动添加的待办', createdAt: bj(2026, 12, 3, 22, 0),
    dueAt: bj(2026, 12, 4, 8, 0), status: 'open', source: 'manual', handover: true, shift: 'day', assignedAt: bj(2026, 12, 3, 23, 0),
  });

  it('the night shift no longer finds a day handover note overdue at 20:00: it is due 23:59, and its reason says so', () => {
    expect(todayView([oldNote], bj(2026, 12, 3, 20, 1), D).overdue).toEqual([oldNote]);
    const moved = handoverDueNow(oldNote, D);
    expect(moved.dueAt).toBe(bj(2026, 12, 3, 23, 59));
    expect(todayView([moved], bj(2026, 12, 3, 20, 1), D)).toMatchObject({ overdue: [], today: [moved] });
    expect(followupReason(moved, sayFrom(messages.zh))).toBe('白班交给夜班：夜班 20:00 接班后处理，2026-12-03 23:59 前处理完');
    expect(followupReason(moved, sayFrom(messages.en))).toBe('Handed from the day to the night shift: the night shift takes it from 20:00, finish by 2026-12-03 23:59');
    // What a note written at the same minute today looks like.
    const today = handoverFollowup({ title: '3001 等仓库回复' }, bj(2026, 12, 3, 15, 0), D);
    expect(moved).toMatchObject({ dueAt: today.dueAt, reason: today.reason, why: today.why });
  });

  it('an item handed to the night shift is due 23:59, one handed to the day shift by 12:00 — as handing it over today would give', () => {
    expect(handoverDueNow(oldToNight, D)).toEqual({ ...oldToNight, dueAt: bj(2026, 12, 3, 23, 59) });
    expect(handoverDueNow(oldToDay, D)).toEqual({ ...oldToDay, dueAt: bj(2026, 12, 4, 12, 0) });
    const again = assignFollowup({ ...oldToNight, dueAt: bj(2026, 12, 3, 16, 0) }, { shift: 'night' }, bj(2026, 12, 3, 15, 0), D);
    expect(handoverDueNow(oldToNight, D).dueAt).toBe(again.dueAt);
  });

  it('leaves alone what the agent set by hand or the old rule did not set: a snooze, a later own due time, the shift that was on, done items', () => {
    const snoozed: Followup = { ...oldToNight, status: 'snoozed', snoozedUntil: bj(2026, 12, 3, 21, 0) };
    expect(handoverDueNow(snoozed, D)).toBe(snoozed);
    const later: Followup = { ...oldToNight, dueAt: bj(2026, 12, 3, 22, 0) };
    expect(handoverDueNow(later, D)).toBe(later);
    const whileOn: Followup = { ...oldToNight, assignedAt: bj(2026, 12, 3, 20, 0) };
    expect(handoverDueNow(whileOn, D)).toBe(whileOn);
    const done: Followup = { ...oldNote, status: 'done', closedAt: bj(2026, 12, 3, 19, 0) };
    expect(handoverDueNow(done, D)).toBe(done);
    // A to-do due at 20:00 (the end of the day shift) that nobody handed over.
    const own = manualFollowup({ title: '对账' }, bj(2026, 12, 3, 15, 0), D);
    expect(own.dueAt).toBe(bj(2026, 12, 3, 20, 0));
    expect(handoverDueNow(own, D)).toBe(own);
    // Made at night (due by noon, as the rule still says): unchanged.
    const night = manualFollowup({ title: '夜里记的' }, bj(2026, 12, 3, 23, 0), D, 'night');
    expect(handoverDueNow(night, D)).toBe(night);
  });

  it('is idempotent, and new items are never touched', () => {
    const moved = handoverDueNow(oldNote, D);
    expect(handoverDueNow(moved, D)).toBe(moved);
    const fresh = handoverFollowup({ title: 'x' }, bj(2026, 12, 3, 15, 0), D);
    expect(handoverDueNow(fresh, D)).toBe(fresh);
    const handed = assignFollowup(item, { shift: 'night' }, at15, S);
    expect(handoverDueNow(handed, S)).toBe(handed);
  });

  it("follows the shop's own shift hours: with a 09:00–21:00 day shift the old due was 21:00", () => {
    const old: Followup = { ...item, dueAt: bj(2026, 3, 10, 21, 0), handover: true, shift: 'night', assignedAt: at15 };
    expect(handoverDueNow(old, S).dueAt).toBe(bj(2026, 3, 10, 23, 59));
    // 20:00 is not this shop's old due time (an own time, not the rule's): kept.
    const own: Followup = { ...old, dueAt: bj(2026, 3, 10, 20, 0) };
    expect(handoverDueNow(own, S)).toBe(own);
  });
});

describe('items stored night-marked before the marking was kept to what a person hands over', () => {
  const D = DEFAULT_FOLLOWUP_SETTINGS;
  const night = bj(2026, 12, 5, 23, 59);
  // As the version before stored a purple remark read at 23:59 over the order rule's item: due 08:00 the day before.
  // (The version before made it due on the date; this one checks a promise 5 days out before it.)
  const [read] = followupsFromRemarkFacts([{ kind: 'ship-promised', date: '2026-12-10', orderId: '3930', buyer: '南风' }], [], D, night).upserts;
  const promised: Followup = {
    ...read!,
    dueAt: bj(2026, 12, 10, 15, 30),
    reason: '备注承诺 2026-12-10 发货，当天确认发出并告知买家',
    why: { key: 'followups.reason.delayPromised', params: { date: '2026-12-10' } },
  };
  const oldDelay: Followup = { ...promised, dueAt: bj(2026, 12, 4, 8, 0), handover: true };
  const [ret] = followupsFromRemarkFacts([{ kind: 'return-pending', orderId: '3931', buyer: '小鹿' }], [], D, night).upserts;
  const oldReturn: Followup = { ...ret!, dueAt: bj(2026, 12, 6, 12, 0), handover: true };
  const oldTodo: Followup = { ...manualFollowup({ title: '明早回电' }, bj(2026, 12, 5, 21, 0), D), shift: undefined };
  delete oldTodo.shift;

  it('a page’s item is no longer a handover and is due by its own rule again (done ones too)', () => {
    expect(nightMarkingNow(oldDelay, D)).toEqual({ ...promised, dueAt: bj(2026, 12, 10, 15, 30) });
    const done = complete(oldDelay, bj(2026, 12, 6, 9, 0));
    expect(nightMarkingNow(done, D)).toMatchObject({ status: 'done', dueAt: bj(2026, 12, 10, 15, 30) });
    expect(nightMarkingNow(done, D).handover).toBeUndefined();
    expect(nightMarkingNow(oldReturn, D)).toEqual({ ...ret, dueAt: night + 2 * 24 * 60 * 60_000 });
    // Its own rule gave noon anyway: only the marking goes.
    const inquiry: Followup = { ...panelFollowup('inquiry', '小明', bj(2026, 12, 5, 23, 0), D), handover: true, shift: 'day' };
    const plain = nightMarkingNow(inquiry, D);
    expect(plain.dueAt).toBe(inquiry.dueAt);
    expect([plain.handover, plain.shift]).toEqual([undefined, undefined]);
  });

  it('a 售后 time the agent typed is kept; only the noon the night marking gave is moved', () => {
    // Made from the panel at 23:00 with a time typed into the 售后 form: stored marked, due as typed.
    const at23 = bj(2026, 12, 5, 23, 0);
    const typed = bj(2026, 12, 6, 10, 0);
    const chosenReturn: Followup = { ...panelFollowup('return-pending', '张三', at23, D, typed, { orderId: '4101' }), handover: true, shift: 'day' };
    const chosenRefund: Followup = {
      ...panelFollowup('refund-to-pay', '张三', at23, D, bj(2026, 12, 6, 18, 0), { orderId: '4102' }),
      why: { key: 'followups.reason.refundAfterReturn', params: {} },
      handover: true,
      shift: 'day',
    };
    for (const f of [chosenReturn, chosenRefund]) {
      const up = nightMarkingNow(f, D);
      expect(up.dueAt).toBe(f.dueAt);
      expect([up.handover, up.shift]).toEqual([undefined, undefined]);
    }
    // Without a typed time the night rule gave the next noon: that one goes back to made + 2 days.
    const noon: Followup = { ...panelFollowup('return-pending', '张三', at23, D, undefined, { orderId: '4103' }), dueAt: bj(2026, 12, 6, 12, 0), handover: true, shift: 'day' };
    expect(nightMarkingNow(noon, D).dueAt).toBe(at23 + 2 * 24 * 60 * 60_000);
  });

  it('a to-do stored without its shift gets the one the current hours give it, then keeps it when the hours change', () => {
    expect(handoverTarget(oldTodo, D)).toEqual({ shift: 'day' });
    const fixed = nightMarkingNow(oldTodo, D);
    expect(fixed).toEqual({ ...oldTodo, shift: 'day' });
    expect(handoverTarget(fixed, { ...D, dayShift: { start: '08:00', end: '22:00' } })).toEqual({ shift: 'day' });
  });

  it('leaves explicit handovers and items already right alone, and is idempotent', () => {
    const handed = assignFollowup(promised!, { shift: 'day' }, night, D);
    expect(nightMarkingNow(handed, D)).toBe(handed);
    const person = assignFollowup(ret!, { person: '小王' }, night, D);
    expect(nightMarkingNow(person, D)).toBe(person);
    const note = handoverFollowup({ title: '交接' }, night, D);
    expect(nightMarkingNow(note, D)).toBe(note);
    expect(nightMarkingNow(promised!, D)).toBe(promised);
    const once = nightMarkingNow(oldDelay, D);
    expect(nightMarkingNow(once, D)).toBe(once);
    expect(upgradeHandoverDue([oldDelay, oldReturn, oldTodo, note, promised], D).map(([id]) => id)).toEqual([oldDelay.id, oldReturn.id, oldTodo.id]);
  });
});
