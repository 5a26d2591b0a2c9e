/**
 * What 推迟 offers: a short list of times suited to the item's kind and the shop's clock, the
 * kind's usual snooze first (suggestedSnooze: a payment reminder in an hour while today's cut-off
 * can still be met, from 15:30 on the next morning; returns in a few days; the rest tomorrow at the
 * start of the day shift), then the others in time order. Every time is shop time (Beijing by
 * default), whatever the computer's zone. Pure: the caller passes `now`.
 */
import { atTime, DAY, HOUR, hhmm, isoDay, MINUTE, formatWall, fromWall, wallOf } from '../time';
import { shipsOn } from '../ship-days';
import { handoverDeadline, isNight, nextAt, promisedDateOf, resolveSettings } from './rules';
import { handoverTarget } from './handover';
import { suggestedSnooze } from './view';
import { DEFAULT_FOLLOWUP_SETTINGS, type Followup, type FollowupKind, type FollowupSettings } from './types';

export interface SnoozeOption {
  /** The label's message (lib/i18n/messages/followups-ui.ts). */
  key: string;
  params?: Record<string, number>;
  until: number;
}

/** Kinds whose day ends at the shipping cut-off: offered "before the cut-off" rather than "before the shift ends". */
const CUTOFF_KINDS: ReadonlySet<FollowupKind> = new Set(['unpaid', 'inquiry']);
/** The morning option: 9:00, or the start of a day shift that begins later. */
const MORNING = 9 * 60;
/** "Before the shift ends": this long before its end, so there is time to act. */
const BEFORE_END = 30 * MINUTE;
/** Two options closer than this are one. */
const SAME = 5 * MINUTE;
const ACTION = 'followups.action.';

/**
 * Kinds with a time the shop promised (domain.md): a night's handover is done before noon, a
 * promised answer within its 24 hours, a bad review the same day. Their due time is that promise,
 * and a snooze must not carry the item past it. (A VIP revisit is monthly and a day's snooze keeps
 * it within the month; payment reminders move with the cut-off, unpaidAfterSnooze.)
 */
const DEADLINE_KINDS: ReadonlySet<FollowupKind> = new Set(['handover', 'promised-answer', 'bad-review']);

/**
 * The latest time a snooze may end: the due time of a kind with a deadline, and of a to-do or
 * inquiry made at night for the morning (marked handover, due by noon); null when the kind has none.
 */
export function snoozeDeadline(item: Followup): number | null {
  return DEADLINE_KINDS.has(item.kind) || (item.handover && (item.kind === 'manual' || item.kind === 'inquiry')) ? item.dueAt : null;
}

/**
 * Anything handed to the night shift (a note written for it, or 交给夜班 on a to-do, an inquiry, a
 * promised answer or bad review) still open past its deadline while the night shift is on: the
 * start of the next day shift, the latest a snooze may end; else null. That deadline is the
 * product's (the evening's work by 23:59, handoverDeadline, listed under today), not a time the shop
 * promised a buyer (domain.md's is the night's handover to the morning, before noon), and the night
 * agent it was handed to is at work until the day shift comes. Past it the deadline rule offered
 * nothing and refused every time, so 1 a.m. could not say "in an hour": the night may now put it
 * off within the night, never into the day shift's hours (handing it on is 交给白班, not a snooze).
 * A promised answer or bad review counts only when its due time is the handover's 23:59 (the
 * handover moved it there); a promise that falls in the night is the buyer's and stays the limit.
 * Kinds without a deadline (a return, say) keep their usual times.
 */
export function nightHandoverLimit(item: Followup, now: number, settings: Partial<FollowupSettings> = {}): number | null {
  const s = resolveSettings(settings);
  if (snoozeDeadline(item) === null || item.dueAt > now + SAME || !isNight(now, s)) return null;
  const to = handoverTarget(item, s);
  if (!to || !('shift' in to) || to.shift !== 'night') return null;
  const handoversOwn = item.kind === 'handover' || item.kind === 'manual' || item.kind === 'inquiry';
  if (!handoversOwn && (item.assignedAt === undefined || item.dueAt !== handoverDeadline('night', item.assignedAt, s))) return null;
  return nextAt(now, hhmm(s.dayShift.start, DEFAULT_FOLLOWUP_SETTINGS.dayShift.start), s.utcOffsetMinutes);
}

/**
 * The latest time a snooze of `item` may end, now: its deadline (snoozeDeadline), or for a night
 * handover past its own (anything handed to the night shift), the day shift's start (`night`,
 * nightHandoverLimit); null when there is none.
 */
export function snoozeLimit(item: Followup, now: number, settings: Partial<FollowupSettings> = {}): { until: number; night: boolean } | null {
  const night = nightHandoverLimit(item, now, settings);
  if (night !== null) return { until: night, night: true };
  const deadline = snoozeDeadline(item);
  return deadline === null ? null : { until: deadline, night: false };
}

/**
 * A purple remark's promise, or a check before it (rules.ts checkBefore), put off before the promised
 * day: at the latest until that day's own time (15:30), as 已完成 would bring it back on it — three
 * days on from two days before the promise hid the order over the day it had to ship. Else Infinity.
 */
function promiseDayCap(item: Followup, now: number, s: FollowupSettings): number {
  const date = item.kind === 'delay' ? promisedDateOf(item) : undefined;
  if (!date || isoDay(now, s.utcOffsetMinutes) >= date) return Infinity;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return fromWall(y, m, d, Math.max(0, hhmm(s.cutoff, DEFAULT_FOLLOWUP_SETTINGS.cutoff) - s.notifyBeforeCutoffMinutes), s.utcOffsetMinutes);
}

export function snoozeOptions(item: Followup, now: number, settings: Partial<FollowupSettings> = {}): SnoozeOption[] {
  const s = resolveSettings(settings);
  // Within the night only: in an hour, and before the day shift starts (the end of the night's work, less 30 minutes).
  const nightLimit = nightHandoverLimit(item, now, s);
  if (nightLimit !== null) {
    const before = nightLimit - BEFORE_END;
    const out: SnoozeOption[] = [];
    for (const c of [{ key: `${ACTION}snooze1h`, until: now + HOUR }, { key: `${ACTION}snoozeBeforeDayShift`, until: before }]) {
      if (c.until > now + SAME && c.until <= before && out.every((o) => Math.abs(o.until - c.until) >= SAME)) out.push(c);
    }
    return out;
  }
  const zone = s.utcOffsetMinutes;
  const d = DEFAULT_FOLLOWUP_SETTINGS;
  const dayStart = hhmm(s.dayShift.start, d.dayShift.start);
  const cutoff = hhmm(s.cutoff, d.cutoff);
  // 明天… only when it is the next shop day; after midnight at night it is this morning's.
  const tomorrow = (t: number) => isoDay(t, zone) !== isoDay(now, zone);
  const candidates: SnoozeOption[] = [{ key: `${ACTION}snooze1h`, until: now + HOUR }];
  if (CUTOFF_KINDS.has(item.kind)) {
    // A day the shop does not ship (不发货的星期/日期) has no cut-off to pay before: the next shipping day's.
    const w = wallOf(now, zone);
    let k = 0;
    while (k < 370 && !shipsOn(w.year, w.month, w.day + k, s.noShip)) k++;
    if (k === 370) k = 0;
    candidates.push({ key: `${ACTION}${k ? 'snoozeNextCutoff' : 'snoozeCutoff'}`, until: atTime(now, Math.max(0, cutoff - s.notifyBeforeCutoffMinutes), zone, k) });
  } else {
    candidates.push({ key: `${ACTION}snoozeEndOfShift`, until: atTime(now, hhmm(s.dayShift.end, d.dayShift.end), zone) - BEFORE_END });
  }
  const morning = nextAt(now, Math.max(MORNING, dayStart), zone);
  candidates.push({ key: `${ACTION}${tomorrow(morning) ? 'snoozeMorning' : 'snoozeThisMorning'}`, until: morning });

  const deadline = snoozeDeadline(item);
  if (deadline !== null) return beforeDeadline(item, now, s, candidates, deadline);

  const first = Math.min(suggestedSnooze(item, now, s), promiseDayCap(item, now, s));
  const days = Math.round((first - now) / DAY);
  const out: SnoozeOption[] = [
    candidates.find((c) => Math.abs(c.until - first) < MINUTE) ??
      (item.kind === 'return-pending' || item.kind === 'delay'
        ? { key: `${ACTION}snoozeRecheck`, params: { days }, until: first }
        : { key: `${ACTION}${tomorrow(first) ? 'snoozeTomorrow' : 'snoozeShiftStart'}`, until: first }),
  ];
  for (const c of candidates.sort((a, b) => a.until - b.until)) {
    if (c.until > now + SAME && out.every((o) => Math.abs(o.until - c.until) >= SAME)) out.push(c);
  }
  return out;
}

/**
 * The choices for an item with a deadline: only those that end at least 5 minutes before it, the
 * kind's usual time first when it is one of them (a bad review: before today's shift ends), else
 * the earliest; then the deadline itself, last. Empty when even the deadline is less than 5 minutes
 * away (or past): the item is due now, and the menu says so.
 */
function beforeDeadline(item: Followup, now: number, s: FollowupSettings, candidates: SnoozeOption[], deadline: number): SnoozeOption[] {
  const zone = s.utcOffsetMinutes;
  const usual = suggestedSnooze(item, now, s);
  const usualOption: SnoozeOption = { key: `${ACTION}${isoDay(usual, zone) !== isoDay(now, zone) ? 'snoozeTomorrow' : 'snoozeShiftStart'}`, until: usual };
  // Bad reviews are handled daily: while today's shift still has time, the usual is before it ends.
  const endOfShift = candidates.find((c) => c.key === `${ACTION}snoozeEndOfShift`);
  const usualToday = item.kind === 'bad-review' && endOfShift && !isNight(now, s) ? endOfShift : null;
  const fits = (c: SnoozeOption) => c.until > now + SAME && c.until <= deadline - SAME;
  const fitting = [...candidates, usualOption].filter(fits).sort((a, b) => a.until - b.until);
  const first = (usualToday && fits(usualToday) ? usualToday : null) ?? fitting.find((c) => Math.abs(c.until - usual) < MINUTE) ?? fitting[0];
  const out: SnoozeOption[] = first ? [first] : [];
  for (const c of fitting) if (out.every((o) => Math.abs(o.until - c.until) >= SAME)) out.push(c);
  if (deadline > now + SAME) out.push({ key: `${ACTION}snoozeDeadline`, until: deadline });
  return out;
}

/**
 * A time typed into the custom field (`<input type="datetime-local">`: "2026-12-03T18:30") read
 * as shop time; null when it is not one.
 */
export function parseShopTime(value: string, zone: number | null): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [, y, mo, day, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || day < 1 || day > 31 || h > 23 || mi > 59) return null;
  return fromWall(y, mo, day, h * 60 + mi, zone);
}

/**
 * A due time typed into a form's field, as the popup's 添加 and the panel's 售后 take it: undefined
 * when left empty, null when it is not a time or not later than `now` (a mistyped day would file an
 * item already overdue), else the time read as shop time.
 */
export function futureShopTime(value: string, zone: number | null, now: number): number | null | undefined {
  if (!value) return undefined;
  const at = parseShopTime(value, zone);
  return at !== null && at > now ? at : null;
}

/** The custom field's value for a time (shop time): "2026-12-03T18:30". */
export function shopTimeValue(ms: number, zone: number | null): string {
  return formatWall(ms, zone).replace(' ', 'T');
}
