/**
 * Handover (交接): a follow-up handed to a person (team mode) or to a shift. Pure: every function
 * takes `now`.
 *
 * Who "this shift" is: in team mode, the shift the agent chose under options → 团队 (a person);
 * without team mode, the clock (one machine used by a day and a night agent: whoever sits at it
 * in the night hours is the night shift). The day shift's hours are the shop's setting
 * (options → 跟进清单); the night shift is the rest of the day.
 */
import { DAY, HOUR, formatMinutes, formatWall, fromWall, hhmm, minutesOfDay, parseIsoDate } from '../time';
import { allDayShift, handoverDeadline, isNight, NIGHT_HANDED_KINDS, nextAt, nextHandoverDue, resolveSettings } from './rules';
import { reasonOf } from './text';
import { migrateFollowup } from './migrate';
import { effectiveDue } from './view';
import { DEFAULT_FOLLOWUP_SETTINGS, type Followup, type FollowupSettings } from './types';

export type Shift = 'day' | 'night';
export const SHIFTS: readonly Shift[] = ['day', 'night'];

/** To whom an item is handed: a team member by user name, or a shift. */
export type HandoverTarget = { person: string } | { shift: Shift };

/** Who is looking at the list: the signed-in team member (if any) and their shift. */
export interface HandoverViewer {
  user?: string;
  shift: Shift;
}

export function shiftAt(now: number, settings: Partial<FollowupSettings> = {}): Shift {
  return isNight(now, settings) ? 'night' : 'day';
}

export function otherShift(s: Shift): Shift {
  return s === 'day' ? 'night' : 'day';
}

/** When `shift` next begins after `now` (now itself when it is running). */
export function nextShiftStart(shift: Shift, now: number, settings: Partial<FollowupSettings> = {}): number {
  if (shiftAt(now, settings) === shift) return now;
  const s = resolveSettings(settings);
  const d = DEFAULT_FOLLOWUP_SETTINGS.dayShift;
  return nextAt(now, shift === 'day' ? hhmm(s.dayShift.start, d.start) : hhmm(s.dayShift.end, d.end), s.utcOffsetMinutes);
}

/**
 * Hands the item over (or takes it back with `null`). Handed to a shift that is not on now, it is
 * due by that shift's handover deadline at the earliest (handoverDeadline: the night shift 23:59,
 * the day shift 12:00), so it neither sits overdue on the list of a shift that cannot act on it
 * nor arrives overdue the moment that shift starts. An item overdue already keeps its due time:
 * the shift that takes it must see that it is late, first. Handed to the shift that is on, it keeps its
 * due time. The assignment time decides between two machines assigning at once.
 *
 * Handed to the day shift at night, an item whose due time is only its kind's allowance is due by
 * the handover's noon (domain.md: night-shift handover items are done before noon): a promised
 * answer made without a time was due 24 h after the promise — handed 交给白班 by the night shift at
 * 07:40, due 07:40 the next morning, folded under 以后, and the day shift that took it did not see
 * it in today's list. Every other kind's own time stays (later than noon only when it waits for
 * something: a ship date, a return parcel, a cut-off, a month), and so does a time the agent typed
 * (a promised answer's own time, promisedAnswerAt; a call-back's; a to-do's): a handover never
 * moves those earlier. The other kinds the night hands over for their work (to-dos, bad reviews,
 * money to pay) are due by the next noon at the latest already (sameDayDue) unless typed.
 */
export function assignFollowup(item: Followup, to: HandoverTarget | null, now: number, settings: Partial<FollowupSettings> = {}): Followup {
  const out: Followup = { ...item, assignedAt: now };
  delete out.assignee;
  delete out.shift;
  if (!to) {
    delete out.handover;
    return out;
  }
  out.handover = true;
  if ('person' in to) {
    out.assignee = to.person;
    return out;
  }
  out.shift = to.shift;
  const deadline = shiftAt(now, settings) === to.shift ? now : handoverDeadline(to.shift, now, settings);
  // A promised answer made without a time: its reason names the hours (promisedAnswer, panelFollowup),
  // a typed time's names the time (promisedAnswerAt). The key itself is not written here: background.js
  // names only the messages it defines (test/e2e/bundle-size.e2e.test.ts).
  const ownAllowance = deadline > now && to.shift === 'day' && item.kind === 'promised-answer' && item.why?.params?.hours !== undefined;
  // Already overdue, it stays so, its due time kept: the shift it goes to sees it late, and first
  // (handoverItems). Moved to that shift's deadline it read 截止 23:59, and the popup counted 逾期 0.
  out.dueAt = item.dueAt < now ? item.dueAt : Math.max(ownAllowance ? 0 : item.dueAt, deadline);
  return out;
}

/**
 * An item handed over before handoverDeadline existed (before 2026-12-03), given the due time the
 * rule gives now. Then, handed to a shift that was not on, an item was due the minute that shift
 * came on (the night shift at 20:00, the day shift at 08:00), and a handover note written by day
 * was due at the end of the day shift, the same minute: the receiving shift found it overdue as it
 * started. Such an item is due by that shift's deadline counted from when it was handed over
 * (23:59 that evening; 12:00), and a note's reason names the new time.
 *
 * Which items: open ones (not snoozed, not done) handed to a shift (`shift` and `assignedAt`, which
 * every handover has carried since there were shifts to hand to) at a time that shift was not on,
 * whose due time is exactly that shift's start after the handover — the old rule's due time. The
 * agent cannot edit a due time after an item is made; what they set by hand is a snooze (left
 * alone: it says when they want the item back) or a time chosen when making a to-do or a panel
 * item. A chosen time that is exactly the receiving shift's start cannot be told from the old
 * rule's; it is moved as well, as handing that item over today would move it (assignFollowup).
 * Handover notes take no chosen time in the popup. Idempotent: a moved item no longer matches.
 */
export function handoverDueNow(item: Followup, settings: Partial<FollowupSettings> = {}): Followup {
  const to = item.shift;
  const at = item.assignedAt;
  if (item.status !== 'open' || !item.handover || !to || at === undefined || shiftAt(at, settings) === to) return item;
  if (item.dueAt !== nextShiftStart(to, at, settings)) return item;
  const zone = resolveSettings(settings).utcOffsetMinutes;
  const dueAt = handoverDeadline(to, at, settings);
  if (item.kind !== 'handover') return { ...item, dueAt };
  const due = formatWall(dueAt, zone);
  // As handoverFollowup words it; the night shift's start is the old due time.
  const why = to === 'night' ? reasonOf('followups.reason.handoverForNight', { start: formatMinutes(minutesOfDay(item.dueAt, zone)), due }) : reasonOf('followups.reason.handover', { due });
  return { ...item, dueAt, ...why };
}

/**
 * The due time an item's own rule gave it when it was made, where the item says enough to tell, and
 * the night marking could have pulled it to noon: a purple remark's promised date (15:30 that day),
 * a return parcel and a refund waiting for it (made + `returnRecheckDays`), a 24-hour promised answer.
 * Other kinds' own rule gave noon at night anyway, or is read again from the page (an unpaid order).
 * A return or refund whose due time is not that noon had its time typed into the panel's 售后 form:
 * undefined, kept as typed (a typed time of exactly that noon cannot be told apart and is moved).
 * A promised answer with a typed time has its own reason (promisedAnswerAt) and is kept too.
 */
function ownDue(f: Followup, settings: Partial<FollowupSettings>): number | undefined {
  const s = resolveSettings(settings);
  const key = f.why?.key ?? '';
  const date = f.kind === 'delay' && key === 'followups.reason.delayPromised' ? parseIsoDate(String(f.why?.params?.date ?? '')) : null;
  if (date) {
    const remind = Math.max(0, hhmm(s.cutoff, DEFAULT_FOLLOWUP_SETTINGS.cutoff) - s.notifyBeforeCutoffMinutes);
    return fromWall(date.year, date.month, date.day, remind, s.utcOffsetMinutes);
  }
  if (f.kind === 'return-pending' || (f.kind === 'refund-to-pay' && key.startsWith('followups.reason.refundAfterReturn'))) {
    // The panel's 售后 form takes a time, and the old rule kept a typed one (marked, not moved): only
    // the noon the marking gave (the next handover time after the item was made) is its own rule's.
    const noon = f.dueAt === nextHandoverDue(f.createdAt, s) || f.dueAt === handoverDeadline('day', f.createdAt, s);
    return noon ? f.createdAt + s.returnRecheckDays * DAY : undefined;
  }
  if (f.kind === 'promised-answer' && key === 'followups.reason.promisedAnswer') return f.createdAt + s.promisedAnswerHours * HOUR;
  return undefined;
}

/**
 * An item stored before the night marking was kept to what a person hands over (NIGHT_HANDED_KINDS,
 * 2026-12-05), as the rule marks it now. Then every item made at night, a page's or the panel's too,
 * was marked a handover for the day shift and due by noon: a delay promised for the 10th was overdue
 * the next morning, a return parcel was due at noon, and they filled the morning's 夜班交接.
 * - Night-marked (a handover with no `assignedAt` or `assignee`: no one handed it over) and of
 *   another kind: no longer a handover, and due by its own rule again where the item tells it
 *   (ownDue; only ever later, done items too, so the next read of a promise does not reopen one
 *   the agent closed). Read again from a page, an unpaid order's due time follows the page.
 * - A to-do or note marked without the shift it is for: the shift the current hours give it (what
 *   the list showed until now), stored, so changing the shift hours later no longer moves it.
 * Idempotent: a migrated item no longer matches.
 */
export function nightMarkingNow(item: Followup, settings: Partial<FollowupSettings> = {}): Followup {
  if (!item.handover || item.assignedAt !== undefined || item.assignee) return item;
  if (NIGHT_HANDED_KINDS.has(item.kind)) return item.shift ? item : { ...item, shift: otherShift(shiftAt(item.createdAt, settings)) };
  const out: Followup = { ...item, dueAt: Math.max(item.dueAt, ownDue(item, settings) ?? -Infinity) };
  delete out.handover;
  delete out.shift;
  return out;
}

/**
 * Of the stored records, the items handoverDueNow or nightMarkingNow change, as [id, item] to store
 * (unreadable records are left).
 */
export function upgradeHandoverDue(raw: readonly unknown[], settings: Partial<FollowupSettings>): [string, Followup][] {
  const out: [string, Followup][] = [];
  for (const r of raw) {
    try {
      const f = migrateFollowup(r);
      const moved = handoverDueNow(nightMarkingNow(f, settings), settings);
      if (moved !== f) out.push([moved.id, moved]);
    } catch {
      // Skipped on every read too (lib/storage/followups.ts).
    }
  }
  return out;
}

/**
 * The item's handover target. Items marked handover without a shift (stored before the shift was
 * kept when made, and not yet upgraded: a colleague's on an older version) go to the shift after
 * the one the current hours put their making in.
 */
export function handoverTarget(item: Followup, settings: Partial<FollowupSettings> = {}): HandoverTarget | null {
  if (item.assignee) return { person: item.assignee };
  if (item.shift) return { shift: onShift(item.shift, settings) };
  if (item.handover) return { shift: onShift(otherShift(shiftAt(item.createdAt, settings)), settings) };
  return null;
}

/**
 * The shift that takes what is handed to `shift`: itself, except where the day shift runs round the
 * clock (allDayShift) — then what was handed to the night shift (before the shop said so, or
 * imported) goes to the day shift, which is always on, rather than to a night that never comes.
 */
export function onShift(shift: Shift, settings: Partial<FollowupSettings> = {}): Shift {
  return shift === 'night' && allDayShift(settings) ? 'day' : shift;
}

/** Is the item handed to this viewer, or to their shift? (Open items only.) */
export function isHandedTo(item: Followup, viewer: HandoverViewer, settings: Partial<FollowupSettings> = {}): boolean {
  if (item.status === 'done') return false;
  const to = handoverTarget(item, settings);
  if (!to) return false;
  return 'person' in to ? !!viewer.user && to.person === viewer.user : to.shift === viewer.shift;
}

/** The viewer's handover items, most urgent first. */
export function handoverItems(items: readonly Followup[], viewer: HandoverViewer, settings: Partial<FollowupSettings> = {}): Followup[] {
  return items.filter((f) => isHandedTo(f, viewer, settings)).sort((a, b) => effectiveDue(a) - effectiveDue(b) || (a.id < b.id ? -1 : 1));
}
