/**
 * The daily list and the agent's actions on one item. Pure: every function takes `now` and returns
 * new objects.
 */
import { atTime, DAY, hhmm, type Zone } from '../time';
import { DELAY_RECHECK_DAYS, nextAt, resolveSettings, unpaidAfterSnooze, unpaidSnoozeUntil } from './rules';
import { kindPriority } from './priority';
import { joinNote } from './notes';
import { DEFAULT_FOLLOWUP_SETTINGS, type Followup, type FollowupKind, type FollowupSettings, type RuleResult } from './types';

export interface KindGroup {
  kind: FollowupKind;
  items: Followup[];
}

export interface TodayView {
  /** Past due (and not snoozed), most overdue first. */
  overdue: Followup[];
  /** Due before the end of today. */
  today: Followup[];
  /** Due after today. */
  upcoming: Followup[];
  /** Snoozed and not yet back; shown collapsed. */
  snoozed: Followup[];
  /** The same lists grouped by kind; groups in the kinds' priority order (priority.ts), items by due time. */
  groups: { overdue: KindGroup[]; today: KindGroup[]; upcoming: KindGroup[] };
  /** What the toolbar badge shows: overdue + due today. */
  badgeCount: number;
}

/** When an item next needs the agent: its due time, or the end of its snooze if later. */
export function effectiveDue(item: Followup): number {
  return item.status === 'snoozed' && item.snoozedUntil !== undefined ? Math.max(item.dueAt, item.snoozedUntil) : item.dueAt;
}

function compare(a: Followup, b: Followup): number {
  return (
    effectiveDue(a) - effectiveDue(b) ||
    kindPriority(a.kind) - kindPriority(b.kind) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function groupByKind(items: readonly Followup[]): KindGroup[] {
  const groups = new Map<FollowupKind, Followup[]>();
  for (const item of items) {
    const list = groups.get(item.kind);
    if (list) list.push(item);
    else groups.set(item.kind, [item]);
  }
  // By what the agent must act on first (priority.ts), not by the oldest item: months-old VIP
  // revisits used to head the list above an unpaid order due before today's cut-off. Items arrive
  // sorted by due time, so each group keeps that order.
  return [...groups].map(([kind, list]) => ({ kind, items: list })).sort((a, b) => kindPriority(a.kind) - kindPriority(b.kind));
}

/**
 * Sorts open items into overdue / today / upcoming. Done items are left out; a snoozed item is
 * hidden until its snooze ends and then comes back into "today" (it is not reported overdue on the
 * day it wakes up, which would punish snoozing an overdue item).
 */
export function todayView(
  items: readonly Followup[],
  now: number,
  settings: Pick<Partial<FollowupSettings>, 'utcOffsetMinutes'> = {},
): TodayView {
  const zone: Zone = resolveSettings(settings).utcOffsetMinutes;
  const startOfToday = atTime(now, 0, zone);
  const startOfTomorrow = atTime(now, 0, zone, 1);
  const overdue: Followup[] = [];
  const today: Followup[] = [];
  const upcoming: Followup[] = [];
  const snoozed: Followup[] = [];
  for (const item of items) {
    if (item.status === 'done') continue;
    const woke = item.status === 'snoozed' && item.snoozedUntil !== undefined;
    if (woke && item.snoozedUntil! > now) {
      snoozed.push(item);
      continue;
    }
    const due = effectiveDue(item);
    if (woke ? due < startOfToday : due < now) overdue.push(item);
    else if (due < startOfTomorrow) today.push(item);
    else upcoming.push(item);
  }
  for (const list of [overdue, today, upcoming]) list.sort(compare);
  snoozed.sort((a, b) => (a.snoozedUntil ?? 0) - (b.snoozedUntil ?? 0));
  return {
    overdue,
    today,
    upcoming,
    snoozed,
    groups: { overdue: groupByKind(overdue), today: groupByKind(today), upcoming: groupByKind(upcoming) },
    badgeCount: overdue.length + today.length,
  };
}

/** Snoozed until `until`; an unpaid reminder snoozed past the cut-off moves to the next one (unpaidAfterSnooze). */
export function snooze(item: Followup, until: number, settings: Partial<FollowupSettings> = {}): Followup {
  return { ...item, status: 'snoozed', snoozedUntil: until, ...unpaidAfterSnooze(item, until, settings) };
}

export function complete(item: Followup, now: number, reason?: string): Followup {
  const done: Followup = { ...item, status: 'done', closedAt: now };
  delete done.snoozedUntil;
  const why = reason?.trim();
  if (why) done.closedReason = why.slice(0, 200);
  else delete done.closedReason;
  return done;
}

/** The agent reopens a closed item at `now` (kept as `reopenedAt`: in team mode it beats a colleague's close made before). */
export function reopen(item: Followup, now: number): Followup {
  const open: Followup = { ...item, status: 'open', reopenedAt: now };
  delete open.snoozedUntil;
  delete open.closedAt;
  delete open.closedReason;
  return open;
}

/**
 * Adds a line to the item's note (notes accumulate: "called, no answer", "called again…"). One that
 * does not fit throws NotesFull: it is refused whole, nothing is cut (notes.ts).
 */
export function addNote(item: Followup, text: string): Followup {
  const line = text.trim();
  return line ? { ...item, note: joinNote(item.note, line) } : item;
}

/**
 * Applies a rule run to the stored list (for use inside one storage transaction): upserts replace
 * or add by id, closes mark still-open items done with the reason.
 */
export function applyRuleResult(items: readonly Followup[], result: RuleResult, now: number): Followup[] {
  const byId = new Map(items.map((f) => [f.id, f]));
  for (const f of result.upserts) byId.set(f.id, f);
  for (const { id, reason } of result.closes) {
    const f = byId.get(id);
    if (f && f.status !== 'done') byId.set(id, complete(f, now, reason));
  }
  return [...byId.values()];
}

/**
 * The snooze the UI offers first: returns re-checked every few days, delays twice a week,
 * payment reminders in an hour while today's cut-off can still be met, else the next morning
 * (unpaidSnoozeUntil), everything else at the start of the next day shift (after midnight, this
 * morning's: at 00:35 the 08:00 a few hours away, not tomorrow's).
 */
export function suggestedSnooze(item: Followup, now: number, settings: Partial<FollowupSettings> = {}): number {
  const s = resolveSettings(settings);
  switch (item.kind) {
    case 'return-pending':
      return now + s.returnRecheckDays * DAY;
    case 'delay':
      // The same rhythm as a delay marked done (delayRecheck, rules.ts): put off or done, the
      // order is looked at again DELAY_RECHECK_DAYS later (from now here, at this time of day).
      return now + DELAY_RECHECK_DAYS * DAY;
    case 'unpaid':
      return unpaidSnoozeUntil(now, settings);
    default:
      return nextAt(now, hhmm(s.dayShift.start, DEFAULT_FOLLOWUP_SETTINGS.dayShift.start), s.utcOffsetMinutes);
  }
}
