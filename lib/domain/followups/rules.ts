/**
 * Where follow-ups come from. Every rule is a pure function of its input, the existing items and an
 * injected `now`; ids are deterministic from the source, so reading a page twice changes nothing.
 * The rules table is in README.md; each row has tests in rules.test.ts.
 */
import type { OrderStatus, Platform } from '../../sites/types';
import type { ScenarioId } from '../scenarios';
import { reasonOf, workerReasonOf, zh } from './text';
import { segmentOf } from '../customers/customer';
import type { Customer } from '../customers/types';
import type { Shift } from './handover';
import { atTime, DAY, fromWall, wallOf, HOUR, hhmm, isoDay, MINUTE, minutesOfDay, formatMinutes, formatWall, parseIsoDate, type Zone } from '../time';
import {
  DEFAULT_FOLLOWUP_SETTINGS,
  FOLLOWUP_VERSION,
  type Followup,
  type FollowupKind,
  type FollowupSettings,
  type FollowupSource,
  REMARK_FACT_KINDS,
  type AnyRemarkFact,
  type OrderInput,
  type RemarkFact,
  type RuleResult,
} from './types';
import { fnv1a as hash } from '../hash';
import { promiseDue } from './due-words';
import { shipOffset, shipsOn } from '../ship-days';
import type { PanelKind } from '../../messaging/protocol-followups';
import { buyerKey, isMaskedNickname, normaliseBuyerId, normaliseNickname } from '../customers/identity';

export const SUGGESTED_SCENARIO: Partial<Record<FollowupKind, ScenarioId>> = {
  unpaid: 'payment',
  delay: 'delay',
  'return-pending': 'return-shipping',
  'refund-to-pay': 'refund-status',
  'postage-refund': 'return-shipping',
  'vip-revisit': 'promotion',
  'bad-review': 'review',
  'promised-answer': 'product-info',
  inquiry: 'promotion',
};

/**
 * Situations that say nothing about what a buyer needs: a follow-up made while the panel read one of
 * these keeps its kind's scenario (SUGGESTED_SCENARIO).
 */
const NO_NEED: ReadonlySet<ScenarioId> = new Set(['greeting', 'thanks', 'other']);

export function kindLabel(kind: FollowupKind): string {
  return zh(`followups.kind.${kind}`);
}

function titleOf(kind: FollowupKind, buyer?: string): string {
  return buyer ? zh('followups.title', { kind: kindLabel(kind), buyer }) : kindLabel(kind);
}

/** Settings with every field present and times parsed; bad values fall back to the defaults. */
interface Resolved {
  s: FollowupSettings;
  zone: Zone;
  cutoff: number;
  remind: number;
  dayStart: number;
  dayEnd: number;
  handoverDue: number;
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

export function resolveSettings(settings: Partial<FollowupSettings> = {}): FollowupSettings {
  const d = DEFAULT_FOLLOWUP_SETTINGS;
  const time = (v: unknown, fallback: string): string => (typeof v === 'string' && /^\s*\d{1,2}[:：]\d{2}\s*$/.test(v) ? v : fallback);
  return {
    cutoff: time(settings.cutoff, d.cutoff),
    unpaidAfterMinutes: positive(settings.unpaidAfterMinutes, d.unpaidAfterMinutes),
    dayShift: {
      start: time(settings.dayShift?.start, d.dayShift.start),
      end: time(settings.dayShift?.end, d.dayShift.end),
    },
    notifyBeforeCutoffMinutes: positive(settings.notifyBeforeCutoffMinutes, d.notifyBeforeCutoffMinutes),
    handoverDue: time(settings.handoverDue, d.handoverDue),
    returnRecheckDays: positive(settings.returnRecheckDays, d.returnRecheckDays),
    vipRevisitDays: positive(settings.vipRevisitDays, d.vipRevisitDays),
    vipLeadDays: positive(settings.vipLeadDays, d.vipLeadDays),
    promisedAnswerHours: positive(settings.promisedAnswerHours, d.promisedAnswerHours),
    utcOffsetMinutes:
      settings.utcOffsetMinutes === null
        ? null
        : typeof settings.utcOffsetMinutes === 'number' && Math.abs(settings.utcOffsetMinutes) <= 14 * 60
          ? settings.utcOffsetMinutes
          : d.utcOffsetMinutes,
    noShip: settings.noShip,
  };
}

function resolve(settings: Partial<FollowupSettings>): Resolved {
  const s = resolveSettings(settings);
  const d = DEFAULT_FOLLOWUP_SETTINGS;
  const cutoff = hhmm(s.cutoff, d.cutoff);
  return {
    s,
    zone: s.utcOffsetMinutes,
    cutoff,
    remind: Math.max(0, cutoff - s.notifyBeforeCutoffMinutes),
    dayStart: hhmm(s.dayShift.start, d.dayShift.start),
    dayEnd: hhmm(s.dayShift.end, d.dayShift.end),
    handoverDue: hhmm(s.handoverDue, d.handoverDue),
  };
}

/** '24:00' (the end of the day, where a shift's hours are written so) as '00:00', the same moment of the day; anything else as it is. */
export const midnightAs0 = (v: unknown): unknown => (v === '24:00' ? '00:00' : v);

/**
 * The day shift runs round the clock (options → 跟进清单 → 全天白班, stored as start = end): there
 * is no night shift, so nothing is marked for, handed to or waits for one.
 */
export function allDayShift(settings: Partial<FollowupSettings> = {}): boolean {
  const r = resolve(settings);
  return r.dayStart === r.dayEnd;
}

/** Outside the day shift. A shift that crosses midnight (20:00–08:00) works too. */
export function isNight(now: number, settings: Partial<FollowupSettings> = {}): boolean {
  const r = resolve(settings);
  const m = minutesOfDay(now, r.zone);
  if (r.dayStart === r.dayEnd) return false;
  const day = r.dayStart < r.dayEnd ? m >= r.dayStart && m < r.dayEnd : m >= r.dayStart || m < r.dayEnd;
  return !day;
}

/** The first time `minutes` past midnight (shop time) strictly after `t`. */
export function nextAt(t: number, minutes: number, zone: Zone): number {
  const today = atTime(t, minutes, zone);
  return today > t ? today : atTime(t, minutes, zone, 1);
}

/** The next handover time (12:00) after `now`: 23:00 → noon tomorrow, 02:00 → noon today. */
export function nextHandoverDue(now: number, settings: Partial<FollowupSettings> = {}): number {
  const r = resolve(settings);
  return nextAt(now, r.handoverDue, r.zone);
}

/** The last minute of the shop's day: a handover to the night shift is that evening's work (listed under today). */
const DAY_END = 24 * 60 - 1;

/**
 * By when a shift handles what the other shift hands it. The day shift: by the handover time
 * (domain.md: night items are handled the next morning, done before noon). The night shift: that
 * evening, once it has come on — by 23:59 of the shop's day (20:00 → 23:59, as the morning's
 * 08:00 → 12:00), never at the moment it starts, which made every item overdue on arrival. Neither
 * past the end of the shift. Counted from `now` when that shift is on already (a team member
 * handing over after their own shift ended).
 */
export function handoverDeadline(to: Shift, now: number, settings: Partial<FollowupSettings> = {}): number {
  const r = resolve(settings);
  // Round the clock there is one shift, always on: a handover is for whoever is on next, by the handover time.
  if (r.dayStart === r.dayEnd) return nextAt(now, r.handoverDue, r.zone);
  const [start, end, due] = to === 'day' ? [r.dayStart, r.dayEnd, r.handoverDue] : [r.dayEnd, r.dayStart, DAY_END];
  const from = isNight(now, r.s) === (to === 'night') ? now : nextAt(now, start, r.zone);
  return Math.min(nextAt(from, due, r.zone), nextAt(from, end, r.zone));
}

/**
 * The least time the day shift must have left for "today" to mean this shift: an item made later
 * than this before the shift ends is due like one made at night.
 */
export const SAME_DAY_LEAD_MINUTES = 60;

/**
 * "Today" for work that must not wait: the end of the current day shift; at night, the next handover
 * time. Made in the shift's last hour (SAME_DAY_LEAD_MINUTES), also the next handover time: at 19:55
 * the end was 20:00, and the item reached the night shift overdue five minutes later, handed over by
 * no one (QA pass X). Like the night's items it is the day shift's, done by the next noon, in its
 * kind's section; an agent who wants the night shift to do it hands it over (交接: listed first for
 * the night shift, the same noon).
 */
export function sameDayDue(now: number, settings: Partial<FollowupSettings> = {}): number {
  const r = resolve(settings);
  if (isNight(now, settings)) return nextHandoverDue(now, settings);
  const end = nextAt(now, r.dayEnd, r.zone);
  return end - now < SAME_DAY_LEAD_MINUTES * MINUTE ? nextHandoverDue(now, settings) : end;
}

/**
 * The payment-reminder time for something that needs one from `t` on (see unpaidDue): on a day the
 * shop does not ship there is no cut-off to pay before, so the reminder waits for the next one.
 */
function unpaidSlot(t: number, r: Resolved): number {
  const k = shipOffset(t, r.cutoff, r.zone, r.s.noShip);
  if (k) return atTime(t, r.remind, r.zone, k);
  const remindToday = atTime(t, r.remind, r.zone);
  return t <= remindToday ? remindToday : atTime(t, r.cutoff, r.zone);
}

/**
 * When a payment reminder snoozed until `until` is due: a time the agent chose between the reminder
 * time and a cut-off still ahead that day (15:45) is kept — the buyer still has minutes to pay for
 * today's shipping, which at the cut-off itself they no longer have. Otherwise as unpaidSlot: before
 * 15:30, at 15:30; at or after the cut-off, or on a day the shop does not ship, the next one's 15:30.
 */
function unpaidSnoozeSlot(until: number, r: Resolved): number {
  return shipOffset(until, r.cutoff, r.zone, r.s.noShip) === 0 && until > atTime(until, r.remind, r.zone) ? until : unpaidSlot(until, r);
}

/**
 * When a payment reminder for an order created at `createdAt` is due: before today's cut-off minus
 * the margin (16:00 → 15:30); if the order only becomes overdue between 15:30 and 16:00, at the
 * cut-off itself (the last moment today's promise holds: 16:00 截单前催付); if after the cut-off, the
 * next shipping day at 15:30. Snoozed by the agent past that (`snoozedUntil`, unpaidSnoozeSlot): to
 * a time between 15:30 and the cut-off, at that time (15:45: minutes were left to pay, none at 16:00);
 * to the cut-off or after it, the next shipping day at 15:30.
 * `nextDay`: a cut-off was missed on the way (the reason names it), or, `offDay`, the order came on a
 * day the shop does not ship.
 *
 * `bornAt`: when the item was first made (the order list first read with the order overdue). A
 * reminder time that had passed by then is no one's to keep: the order read at 17:00 for the first
 * time is due before the next shipping day's cut-off, not "2 hours overdue" for today's lost one
 * (QA pass X), and stays so when the list is read again the next morning.
 */
export function unpaidDue(
  createdAt: number,
  settings: Partial<FollowupSettings> = {},
  snoozedUntil?: number,
  bornAt?: number,
): { dueAt: number; nextDay: boolean; offDay?: number } {
  const r = resolve(settings);
  const eligible = createdAt + r.s.unpaidAfterMinutes * MINUTE;
  let dueAt = unpaidSlot(eligible, r);
  // Counted from the item's birth when this order's reminder time was already gone then.
  const from = bornAt !== undefined && dueAt < bornAt ? bornAt : eligible;
  if (from !== eligible) dueAt = unpaidSlot(from, r);
  if (snoozedUntil !== undefined && snoozedUntil > dueAt) dueAt = unpaidSnoozeSlot(snoozedUntil, r);
  // A cut-off was missed since the order became overdue (the day it did, or one before the item was made).
  const nextDay = isoDay(dueAt, r.zone) !== isoDay(eligible, r.zone);
  return { dueAt, nextDay, ...(nextDay && !shipsOnDay(from, r) ? { offDay: from } : {}) };
}

function shipsOnDay(t: number, r: Resolved, offset = 0): boolean {
  const w = wallOf(t, r.zone);
  return shipsOn(w.year, w.month, w.day + offset, r.s.noShip);
}

/**
 * Why an unpaid order is on the list; `late`: due after a cut-off it missed — the last shipping day's
 * before the due day — or, `offDay`, after a day the shop does not ship (dates, not 今天/明天: read on later days too).
 * The worker words them again at a snooze (unpaidAfterSnooze), so they are the worker's own messages (workerReasonOf).
 */
function unpaidWhy(dueAt: number, late: boolean, r: Resolved, offDay?: number): Pick<Followup, 'reason' | 'why'> {
  const params = { minutes: r.s.unpaidAfterMinutes, cutoff: formatMinutes(r.cutoff) };
  if (!late) return workerReasonOf('followups.reason.unpaid', params);
  const due = formatWall(dueAt, r.zone);
  if (offDay !== undefined) return workerReasonOf('followups.reason.unpaidOffDay', { ...params, off: isoDay(offDay, r.zone), due });
  let back = 1;
  while (back < 370 && !shipsOnDay(dueAt, r, -back)) back++;
  return workerReasonOf('followups.reason.unpaidLate', { ...params, missed: isoDay(atTime(dueAt, 0, r.zone, -back), r.zone), due });
}

/**
 * When a snoozed payment reminder comes back (the popup's 推迟): an hour later while that is before
 * today's reminder time (15:30), at 15:30 at the latest. From 15:30 on today's cut-off is lost, and
 * at night nobody reminds: at the start of the next day shift, before the next cut-off.
 */
export function unpaidSnoozeUntil(now: number, settings: Partial<FollowupSettings> = {}): number {
  const r = resolve(settings);
  const remindToday = atTime(now, r.remind, r.zone);
  if (now < remindToday && !isNight(now, r.s)) return Math.min(now + HOUR, remindToday);
  return Math.min(nextAt(now, r.dayStart, r.zone), nextAt(now, r.remind, r.zone));
}

/**
 * What a snooze until `until` changes of an unpaid reminder besides the snooze: past its due time,
 * it is due at the first reminder time after the snooze (after the cut-off: before the next one),
 * and its reason names that time and the cut-off it missed instead of promising today's; a snooze
 * to a time between 15:30 and a cut-off still ahead is due at that time (unpaidSnoozeSlot).
 */
export function unpaidAfterSnooze(item: Followup, until: number, settings: Partial<FollowupSettings> = {}): Partial<Followup> {
  if (item.kind !== 'unpaid' || until <= item.dueAt) return {};
  const r = resolve(settings);
  const dueAt = unpaidSnoozeSlot(until, r);
  return { dueAt, ...unpaidWhy(dueAt, isoDay(dueAt, r.zone) !== isoDay(item.dueAt, r.zone), r) };
}

/**
 * When to follow up a buyer who asked and did not order (咨询未拍): the same day, while the buyer
 * still remembers the chat — only who cannot order today is followed up later (the shop's own
 * rule, ../shared/domain.md). Before the cut-off margin (15:30) that is 15:30, so an order placed
 * then still ships today; between 15:30 and the cut-off, the cut-off; later, the end of the day
 * shift (at night the next handover time, via nightly()).
 */
export function inquiryDue(now: number, settings: Partial<FollowupSettings> = {}): number {
  const r = resolve(settings);
  const remindToday = atTime(now, r.remind, r.zone);
  if (now < remindToday) return remindToday;
  const cutoffToday = atTime(now, r.cutoff, r.zone);
  if (now < cutoffToday) return cutoffToday;
  return sameDayDue(now, r.s);
}

interface Fields {
  id: string;
  kind: FollowupKind;
  source: FollowupSource;
  /** The reason's message (text.ts reasonOf): stored as Chinese text and as its key. */
  why: Pick<Followup, 'reason' | 'why'>;
  dueAt: number;
  now: number;
  buyer?: string;
  buyerId?: string | null;
  platform?: Platform;
  orderId?: string;
  url?: string;
  title?: string;
  note?: string;
  /** What the buyer needed when the item was made (the panel's reading), before the kind's own scenario. */
  scenario?: ScenarioId;
}

function make(f: Fields): Followup {
  const buyer = f.buyer === undefined ? '' : normaliseNickname(f.buyer);
  const buyerId = f.buyerId == null ? null : normaliseBuyerId(f.buyerId);
  const item: Followup = {
    v: FOLLOWUP_VERSION,
    id: f.id,
    kind: f.kind,
    title: f.title ?? titleOf(f.kind, buyer || undefined),
    ...f.why,
    createdAt: f.now,
    dueAt: f.dueAt,
    status: 'open',
    source: f.source,
  };
  if (buyer) item.buyer = buyer;
  if (buyer && buyerId) item.buyerId = buyerId;
  if (f.platform) item.platform = f.platform;
  if (f.orderId) item.orderId = f.orderId;
  if (f.url) item.url = f.url;
  if (f.note) item.note = f.note;
  const scenario = f.scenario ?? SUGGESTED_SCENARIO[f.kind];
  if (scenario) item.suggestScenario = scenario;
  return item;
}

const SOURCE_FIELDS = ['kind', 'title', 'reason', 'why', 'buyer', 'buyerId', 'platform', 'orderId', 'url', 'suggestScenario', 'source'] as const;

/**
 * Applies a freshly derived item to the stored one. Done items stay done (the agent closed them)
 * unless `reopenIfDueChanged` and the due time moved (a new promise, a new VIP cycle). The agent's
 * own fields (status, snooze, note, handover) are kept. Returns null when nothing changes.
 */
function reconcile(
  existing: Followup | undefined,
  fresh: Followup,
  r: Resolved,
  opts: { keepDue?: boolean; reopenIfDueChanged?: boolean } = {},
): Followup | null {
  if (!existing) return fresh;
  if (existing.status === 'done') {
    if (opts.reopenIfDueChanged && existing.dueAt !== fresh.dueAt) {
      const reopened: Followup = { ...fresh, createdAt: existing.createdAt };
      if (existing.note) reopened.note = existing.note;
      return reopened;
    }
    return null;
  }
  const merged: Followup = { ...existing };
  for (const field of SOURCE_FIELDS) {
    const value = fresh[field];
    if (value === undefined) delete merged[field];
    else (merged as unknown as Record<string, unknown>)[field] = value;
  }
  // The source's rule decides the due time (a later promise date replaces an earlier one). An item
  // the agent handed to a shift that was not on keeps the room the handover gave it (assignFollowup),
  // or the next read would make it overdue again before that shift could act.
  if (!opts.keepDue) merged.dueAt = Math.max(fresh.dueAt, handedFloor(existing, r.s, fresh.dueAt));
  return JSON.stringify(merged) === JSON.stringify(existing) ? null : merged;
}

/**
 * The earliest due time an explicit handover to a shift allows (assignFollowup's), or -Infinity. A
 * `due` before the handover was overdue when handed: none (assignFollowup keeps it overdue).
 */
function handedFloor(f: Followup, s: FollowupSettings, due: number): number {
  if (!f.handover || !f.shift || f.assignedAt === undefined || due < f.assignedAt) return -Infinity;
  return isNight(f.assignedAt, s) === (f.shift === 'night') ? f.assignedAt : handoverDeadline(f.shift, f.assignedAt, s);
}


const CLOSE_REASON: Record<Exclude<OrderStatus, 'unpaid'>, string> = {
  paid: 'followups.closed.paid',
  shipped: 'followups.closed.shipped',
  completed: 'followups.closed.completed',
  refunding: 'followups.closed.refunding',
  closed: 'followups.closed.orderClosed',
};

class Collector {
  readonly byId: Map<string, Followup>;
  private readonly upserts = new Map<string, Followup>();
  private readonly closes = new Map<string, string>();

  constructor(existing: readonly Followup[]) {
    this.byId = new Map(existing.map((f) => [f.id, f]));
  }

  put(item: Followup | null): void {
    if (!item) return;
    this.closes.delete(item.id);
    this.upserts.set(item.id, item);
  }

  close(id: string, reason: string): void {
    const had = this.byId.get(id);
    if (!had || had.status === 'done' || this.upserts.has(id)) return;
    this.closes.set(id, reason);
  }

  result(): RuleResult {
    return { upserts: [...this.upserts.values()], closes: [...this.closes].map(([id, reason]) => ({ id, reason })) };
  }
}

/**
 * The shop's ship promise for an order placed at `placedAt` (domain.md: paid before the cut-off ships
 * that day, later the next day — a day the shop ships: ShopSettings.noShip), in shop time: the day it
 * must ship (`day`), the moment it is late — that day over, still not shipped (`lateAt`) — and when the
 * delay item is due: the next day-shift start, when the buyer can be told. Payment time is not on order
 * lists, so the order's creation stands in for it; payment never comes before creation, so the promise
 * it gives is never later.
 */
function shipPromise(placedAt: number, r: Resolved): { day: string; lateAt: number; dueAt: number } {
  const shipOffsetDays = shipOffset(placedAt, r.cutoff, r.zone, r.s.noShip);
  const lateAt = atTime(placedAt, 0, r.zone, shipOffsetDays + 1);
  return { day: isoDay(atTime(placedAt, 0, r.zone, shipOffsetDays), r.zone), lateAt, dueAt: atTime(lateAt, r.dayStart, r.zone) };
}

/**
 * A delayed order is checked with the buyer again this many days after the agent last marked its
 * item done, while the order list still shows it paid and not shipped (domain.md: delayed and
 * out-of-stock orders are checked once or twice a week until resolved). 推迟's first suggestion for a
 * delay (suggestedSnooze, view.ts) reads this constant too: put off or done, one rhythm.
 */
export const DELAY_RECHECK_DAYS = 3;

/**
 * The reasons of a delay item that carry the promised ship date of a purple remark (`why.params.date`):
 * the promise itself, and the checks before it (delayCheckBefore).
 */
const PROMISE_KEYS: ReadonlySet<string> = new Set(['followups.reason.delayPromised', 'followups.reason.delayCheck', 'followups.reason.delayCheckAgain']);
const CHECK_KEYS: ReadonlySet<string> = new Set(['followups.reason.delayCheck', 'followups.reason.delayCheckAgain']);

/** The ship date ('YYYY-MM-DD') a delay item's purple remark promised, where its reason names it. */
export function promisedDateOf(f: Pick<Followup, 'why'> | undefined): string | undefined {
  const date = f?.why && PROMISE_KEYS.has(f.why.key) ? f.why.params?.date : undefined;
  return typeof date === 'string' && parseIsoDate(date) ? date : undefined;
}

/** Is the item a check made before its promised date (delayCheck, delayCheckAgain)? */
export const isPromiseCheck = (f: Pick<Followup, 'why'> | undefined): boolean => !!f?.why && CHECK_KEYS.has(f.why.key);

/** When a promised ship date is due: that day, before the cut-off (15:30). */
function promiseDueOf(date: string, r: Resolved): number {
  const d = parseIsoDate(date)!;
  return fromWall(d.year, d.month, d.day, r.remind, r.zone);
}

/**
 * A purple remark promising a date far off: the order is looked at before it, at the day-shift start
 * DELAY_RECHECK_DAYS after `from` (domain.md: delayed orders are checked once or twice a week — is
 * the stock in, is the buyer still willing to wait), as long as that day is before the promised one.
 * Null: the promise comes first (its own day is the check).
 */
function checkBefore(from: number, date: string, r: Resolved): number | null {
  const at = atTime(from, r.dayStart, r.zone, DELAY_RECHECK_DAYS);
  return isoDay(at, r.zone) < date ? at : null;
}

/** An item back on the list, its close forgotten; its note (the log of what the buyer was told) kept. */
function backOpen(had: Followup, dueAt: number, why: Pick<Followup, 'reason' | 'why'>): Followup {
  const back: Followup = { ...had, status: 'open', dueAt, ...why };
  delete back.closedAt;
  delete back.closedReason;
  delete back.snoozedUntil;
  return back;
}

/**
 * A check before the promised date still on the list (open or put off) when that day has come: it is
 * the promise's own item now (due 15:30 that day; found later, by the end of the day shift), the
 * agent's status, snooze and note kept. Null: not a check, or its day has not come.
 */
function promiseDayCame(had: Followup | undefined, now: number, r: Resolved): Followup | null {
  const date = promisedDateOf(had);
  if (!had || had.status === 'done' || !date || !isPromiseCheck(had) || isoDay(now, r.zone) < date) return null;
  const due = promiseDueOf(date, r);
  return { ...had, dueAt: now <= due ? due : sameDayDue(now, r.s), ...reasonOf('followups.reason.delayPromised', { date }) };
}

/**
 * A done delay item whose order is still paid and not shipped comes back: from the day
 * DELAY_RECHECK_DAYS after it was marked done, due at that day's day-shift start; read later that
 * day, by the end of the day shift (sameDayDue), never overdue against a time that passed before it
 * came back. Its note (the log of what the buyer was told) is kept; the reason names the last
 * follow-up. Once the order ships, is refunded or closed, the page closes nothing more and nothing
 * comes back. Null: not yet.
 *
 * A purple remark's promise marked done before its day (a check before it, or the promise itself
 * done early) comes back DELAY_RECHECK_DAYS later as another check while that is before the promised
 * day, else on the promised day as the promise (due 15:30). It used to come back only three days
 * after the promised date: a promise 14 days out was not looked at for 17 days. Done on the promised
 * day or later, the three days count from the close.
 */
function delayRecheck(had: Followup, now: number, r: Resolved): Followup | null {
  const doneAt = had.closedAt ?? had.createdAt;
  const date = promisedDateOf(had);
  if (date && isoDay(doneAt, r.zone) < date) {
    const check = checkBefore(doneAt, date, r);
    if (check !== null && isoDay(now, r.zone) < date) {
      if (now < atTime(check, 0, r.zone)) return null;
      return backOpen(had, now <= check ? check : sameDayDue(now, r.s), reasonOf('followups.reason.delayCheckAgain', { date, done: isoDay(doneAt, r.zone), days: DELAY_RECHECK_DAYS }));
    }
    const due = promiseDueOf(date, r);
    if (isoDay(now, r.zone) < date) return null;
    return backOpen(had, now <= due ? due : sameDayDue(now, r.s), reasonOf('followups.reason.delayPromised', { date }));
  }
  const at = atTime(Math.max(doneAt, had.dueAt), r.dayStart, r.zone, DELAY_RECHECK_DAYS);
  if (now < atTime(at, 0, r.zone)) return null;
  return backOpen(had, now <= at ? at : sameDayDue(now, r.s), reasonOf('followups.reason.delayRecheck', { done: isoDay(doneAt, r.zone), days: DELAY_RECHECK_DAYS }));
}

/**
 * Order list → unpaid and overdue-shipping items, and closes for items whose condition the page
 * now shows resolved. Orders not on the page are left alone (the list is paged and filtered).
 * An unpaid order without a creation time on the page counts from when it was first seen.
 */
export function followupsFromOrders(
  orders: readonly OrderInput[],
  existing: readonly Followup[],
  settings: Partial<FollowupSettings>,
  now: number,
): RuleResult {
  const r = resolve(settings);
  const out = new Collector(existing);
  const latest = new Map<string, OrderInput>();
  for (const o of orders) if (o.orderId) latest.set(o.orderId, o);

  for (const o of latest.values()) {
    const unpaidId = `unpaid:${o.orderId}`;
    const delayId = `delay:${o.orderId}`;
    const buyer = normaliseNickname(o.buyer);
    const buyerId = o.buyerId ?? null;

    // The buyer who only asked has now ordered (an older order of theirs on the list does not count).
    for (const f of out.byId.values()) {
      if (
        f.kind === 'inquiry' &&
        sameBuyer(f, { buyer, buyerId }) &&
        (!f.platform || !o.platform || f.platform === o.platform) &&
        (o.createdAt === undefined || o.createdAt >= f.createdAt)
      ) {
        out.close(f.id, zh('followups.closed.ordered'));
      }
    }

    // A status the page did not let us read says nothing about payment or shipping: it neither
    // makes a reminder nor closes one (QA pass U: read as paid, it closed 催付 of unpaid orders).
    // The order itself was read, so the inquiry rule above holds.
    if (o.status === 'unknown') continue;
    if (o.status === 'unpaid') {
      const had = out.byId.get(unpaidId);
      const created = o.createdAt ?? had?.createdAt ?? now;
      if (o.createdAt === undefined || now >= created + r.s.unpaidAfterMinutes * MINUTE) {
        // The agent's snooze past the cut-off stands: the page read again does not bring today's back.
        // Counted from when the item was first made (its createdAt, kept by every later read): a
        // reminder time that was gone by then is replaced by the next one.
        const { dueAt, nextDay, offDay } = unpaidDue(created, r.s, had?.status === 'snoozed' ? had.snoozedUntil : undefined, had?.createdAt ?? now);
        const why = unpaidWhy(dueAt, nextDay, r, offDay);
        const fresh = make({ id: unpaidId, kind: 'unpaid', source: 'order', why, dueAt, now, buyer, buyerId, platform: o.platform, orderId: o.orderId, url: o.url });
        out.put(reconcile(had, fresh, r));
      }
    } else {
      out.close(unpaidId, zh(CLOSE_REASON[o.status]));
    }

    const delayHad = out.byId.get(delayId);
    // A check before a promised date still open on that day: the promise's own item now.
    const promiseDay = o.status === 'paid' && delayHad?.status !== 'done' ? promiseDayCame(delayHad, now, r) : null;
    if (o.status === 'paid' && delayHad?.status === 'done') {
      // Told the buyer and marked done, and the order is still not shipped: checked again (delayRecheck).
      out.put(delayRecheck(delayHad, now, r));
    } else if (promiseDay) {
      out.put(promiseDay);
    } else if (o.status === 'paid' && o.createdAt !== undefined) {
      const p = shipPromise(o.createdAt, r);
      if (now >= p.lateAt && !out.byId.has(delayId)) {
        const why = reasonOf('followups.reason.delayOverdue', { placed: formatWall(o.createdAt, r.zone), cutoff: formatMinutes(r.cutoff), date: p.day });
        out.put(make({ id: delayId, kind: 'delay', source: 'order', why, dueAt: p.dueAt, now, buyer, buyerId, platform: o.platform, orderId: o.orderId, url: o.url }));
      }
    } else if (o.status !== 'unpaid' && o.status !== 'paid') {
      // Shipped, completed, refunding or closed. A paid order whose row shows no creation time (JD's
      // list) is still waiting to ship: its purple remark's promise stays (it was closed as 买家已付款).
      out.close(delayId, zh(CLOSE_REASON[o.status]));
    }

    if (o.status === 'closed') {
      out.close(`return-pending:${o.orderId}`, zh(CLOSE_REASON.closed));
      out.close(`refund-to-pay:${o.orderId}`, zh(CLOSE_REASON.closed));
    }
  }
  return out.result();
}

/**
 * Remark facts → delay (promised ship date), return-pending, refund-to-pay and postage-refund
 * items. A changed promise date reopens a delay item the agent had closed.
 *
 * `written`: the agent saved this remark just now (recordRemark), so `now` is when its promise was
 * written. A promise new to the item (none yet, or another date) then stores that time as
 * `reopenedAt` and `promisedAt`: in team mode it beats a colleague's close of the old date, made
 * before it or after it on a machine that had not yet seen it (lib/team/docs.ts mergeFollowup), and
 * the new promise is open right after the merge instead of waiting for the remark's next read. A
 * remark read from a page says nothing of when it was written: no time.
 */
export function followupsFromRemarkFacts(
  facts: readonly AnyRemarkFact[],
  existing: readonly Followup[],
  settings: Partial<FollowupSettings>,
  now: number,
  written = false,
): RuleResult {
  const r = resolve(settings);
  const out = new Collector(existing);
  for (const any of facts) {
    if (!REMARK_FACT_KINDS.has(any.kind) || !any.orderId) continue;
    const fact = any as RemarkFact;
    const note = fact.note ?? fact.reason;
    const common = { source: 'remark' as const, now, buyer: fact.buyer.trim(), buyerId: fact.buyerId ?? null, platform: fact.platform, orderId: fact.orderId, url: fact.url, note };
    // A page that shows no buyer (Taobao's memo page) keeps the one an earlier read named (the order
    // list's): 延迟发货：<buyer> stays, not a bare 延迟发货 the agent cannot tell from the others.
    const known = (id: string) => {
      const had = common.buyer ? undefined : out.byId.get(id);
      return had?.buyer ? { buyer: had.buyer, buyerId: had.buyerId ?? null } : {};
    };
    switch (fact.kind) {
      case 'ship-promised': {
        if (!parseIsoDate(fact.date)) break;
        const promised = promiseDueOf(fact.date, r);
        const id = `delay:${fact.orderId}`;
        const had = out.byId.get(id);
        // A recheck (delayRecheck) of a promise already past stays, open or done: only a later promise replaces it.
        if (had?.why?.key === 'followups.reason.delayRecheck' && promised <= had.dueAt) break;
        const item = (dueAt: number, why: Pick<Followup, 'reason' | 'why'>) => make({ ...common, ...known(id), id, kind: 'delay', why, dueAt });
        if (had && promisedDateOf(had) === fact.date) {
          // This promise's item already. Done: the agent's close stands; whether it comes back (the
          // order still paid, not shipped) is the order list's to say (delayRecheck). Open or put
          // off: a check keeps its day (read again, or on another machine, it does not move), until
          // the promised day makes it the promise; a promise an older version made (due on the date,
          // nothing before) is checked before it from now on.
          if (had.status === 'done') break;
          const came = promiseDayCame(had, now, r);
          const check = isPromiseCheck(had) ? null : checkBefore(now, fact.date, r);
          const fresh =
            came ?? (isPromiseCheck(had) ? had : check !== null ? item(check, reasonOf('followups.reason.delayCheck', { date: fact.date })) : had);
          out.put(reconcile(had, item(fresh.dueAt, { reason: fresh.reason, why: fresh.why }), r, { keepDue: fresh === had }));
          break;
        }
        // A new promise: checked before it when it is far off (checkBefore), else due on its day. It
        // reopens an item closed on the old date.
        const check = checkBefore(now, fact.date, r);
        const fresh =
          check !== null
            ? item(check, reasonOf('followups.reason.delayCheck', { date: fact.date }))
            : item(promised, reasonOf('followups.reason.delayPromised', { date: fact.date }));
        const put = reconcile(had, fresh, r, { reopenIfDueChanged: true });
        out.put(put && written ? { ...put, reopenedAt: now, promisedAt: now } : put);
        break;
      }
      case 'return-pending': {
        const id = `return-pending:${fact.orderId}`;
        const days = r.s.returnRecheckDays;
        const why = reasonOf(fact.exchange ? 'followups.reason.exchangePending' : 'followups.reason.returnPending', { days });
        const fresh = make({ ...common, ...known(id), id, kind: 'return-pending', why, dueAt: now + days * DAY });
        out.put(reconcile(out.byId.get(id), fresh, r, { keepDue: true }));
        break;
      }
      case 'refund-pending':
      case 'compensation-pending':
      case 'postage-refund':
      case 'postage-refund-pending': {
        const kind = fact.kind === 'refund-pending' || fact.kind === 'compensation-pending' ? 'refund-to-pay' : 'postage-refund';
        const id = `${kind}:${fact.orderId}`;
        // Goods coming back: refunded once the parcel is received and checked, so due with the
        // return's own check (its item is made first), said in the reason, never "today".
        const back = 'afterReturn' in fact && fact.afterReturn;
        const key = back ? 'followups.reason.refundAfterReturn' : kind === 'refund-to-pay' ? 'followups.reason.refundToPay' : 'followups.reason.postageRefund';
        const why =
          typeof fact.amountYuan === 'number' && Number.isFinite(fact.amountYuan)
            ? reasonOf(`${key}Amount`, { amount: fact.amountYuan.toFixed(2) })
            : reasonOf(key);
        const fresh = make({ ...common, ...known(id), id, kind, why, dueAt: back ? (out.byId.get(`return-pending:${fact.orderId}`)?.dueAt ?? now + r.s.returnRecheckDays * DAY) : sameDayDue(now, r.s) });
        // An item made before this (due the day the return was agreed) takes the return's due time.
        out.put(reconcile(out.byId.get(id), fresh, r, { keepDue: !back }));
        break;
      }
    }
  }
  return out.result();
}

/**
 * At most this many overdue VIP revisits fall due on one day. A buyer file imported on a new computer
 * brings buyers last seen months ago, whose monthly revisit is long past: they are the backlog, due
 * from the next working time on, this many a day, those not heard from longest first — not hundreds
 * at once, each "overdue 335 days".
 */
export const VIP_BACKLOG_PER_DAY = 20;

/** Whole shop days from `from` to `to` (calendar days, not 24-hour spans). */
function daysBetween(from: number, to: number, zone: Zone): number {
  return Math.round((atTime(to, 0, zone) - atTime(from, 0, zone)) / DAY);
}

/** The next moment of the day shift from `t` on: `t` itself during the shift, else the shift's next start. */
function nextWorkingTime(t: number, settings: Partial<FollowupSettings>): number {
  const r = resolve(settings);
  return isNight(t, settings) ? nextAt(t, r.dayStart, r.zone) : t;
}

/**
 * VIP buyers → a monthly revisit, due `vipRevisitDays` after the last contact (lastSeenAt) at the
 * start of the day shift, listed `vipLeadDays` ahead. Contact in the meantime closes an open item;
 * losing the VIP tag closes it; completing it starts the next cycle once lastSeenAt moves.
 *
 * A revisit that would be made after its due time (a buyer last seen months ago, from an import) is
 * backlog: due from the next working time, VIP_BACKLOG_PER_DAY a day, longest silent first. Its
 * reason states the real gap. The due time a cycle was given is kept (a later run never moves it, and
 * a done item comes back only for a new cycle); items made before this rule, due at the long-past
 * date, are scheduled as backlog once.
 */
export function followupsFromCustomers(
  customers: readonly Customer[],
  existing: readonly Followup[],
  settings: Partial<FollowupSettings>,
  now: number,
): RuleResult {
  const r = resolve(settings);
  const out = new Collector(existing);
  const backlog: { c: Customer; had: Followup | undefined }[] = [];
  for (const stored of customers) {
    const id = `vip-revisit:${stored.key}`;
    const had = out.byId.get(id);
    if (segmentOf(stored) !== 'vip') {
      out.close(id, zh('followups.closed.notVip'));
      continue;
    }
    // The revisit the agent marked done is a contact (by phone, WeChat…: the chat was not opened,
    // lastSeenAt did not move): the next month is counted from it, not never (QA pass X).
    const revisited = revisitedAt(had, r);
    const c = revisited !== undefined && revisited > stored.lastSeenAt ? { ...stored, lastSeenAt: revisited } : stored;
    const dueAt = atTime(c.lastSeenAt + r.s.vipRevisitDays * DAY, r.dayStart, r.zone);
    if (now < dueAt - r.s.vipLeadDays * DAY) {
      if (had && had.dueAt < dueAt) out.close(id, zh('followups.closed.contacted'));
      continue;
    }
    // This cycle's item exists already (a backlog item is due after the cycle's date, never before).
    const sameCycle = !!had && dueAt <= had.dueAt;
    const madeLate = (had && sameCycle ? had.createdAt : now) > dueAt;
    if (sameCycle && (had!.status === 'done' || had!.dueAt > dueAt || !madeLate)) {
      if (had!.status === 'done') continue;
      out.put(reconcile(had, vipRevisit(c, had!.dueAt, now, r), r, { keepDue: true }));
    } else if (madeLate) backlog.push({ c, had });
    else out.put(reconcile(had, vipRevisit(c, dueAt, now, r), r, { reopenIfDueChanged: true }));
  }
  // A revisit naming nobody (kept without its buyer by a 全部删除 before 2026-12-07, forget.ts) is no
  // work: it stayed open in the list for good. Closed here; it has held no place in the day's 20 since.
  for (const f of existing) if (f.kind === 'vip-revisit' && !f.buyer && !f.buyerId) out.close(f.id, zh('followups.closed.buyerGone'));
  if (backlog.length) {
    // Open revisits already due on a day count towards that day's share — those of a buyer only: one
    // kept without its buyer (by a 全部删除 before this version, forget.ts) is nobody to visit, and
    // its places went to no one: a re-import's revisits started days or months out.
    const perDay = new Map<number, number>();
    const count = (t: number) => perDay.set(atTime(t, 0, r.zone), (perDay.get(atTime(t, 0, r.zone)) ?? 0) + 1);
    const backlogIds = new Set(backlog.map(({ c }) => `vip-revisit:${c.key}`));
    for (const f of out.byId.values()) if (f.kind === 'vip-revisit' && f.buyer && f.status !== 'done' && !backlogIds.has(f.id)) count(f.dueAt);
    backlog.sort((a, b) => a.c.lastSeenAt - b.c.lastSeenAt || (a.c.key < b.c.key ? -1 : 1));
    let slot = nextWorkingTime(now, r.s);
    for (const { c, had } of backlog) {
      while ((perDay.get(atTime(slot, 0, r.zone)) ?? 0) >= VIP_BACKLOG_PER_DAY) slot = atTime(slot, r.dayStart, r.zone, 1);
      count(slot);
      out.put(reconcile(had, vipRevisit(c, slot, now, r), r, { reopenIfDueChanged: true }));
    }
  }
  return out.result();
}

/**
 * When the buyer was last revisited, as the revisit item tells: marked done, its close; the next
 * cycle's item (open again) names that day in its reason (vipRevisitSince's date), so the rule reads
 * the same cycle at every later run. Undefined: the item says nothing of a revisit.
 */
function revisitedAt(had: Followup | undefined, r: Resolved): number | undefined {
  if (!had || had.kind !== 'vip-revisit') return undefined;
  if (had.status === 'done') return had.closedAt;
  const date = had.why?.key === 'followups.reason.vipRevisitSince' ? had.why.params?.date : undefined;
  const d = typeof date === 'string' ? parseIsoDate(date) : null;
  return d ? fromWall(d.year, d.month, d.day, 0, r.zone) : undefined;
}

/** A VIP revisit due at `dueAt`; its reason names the last contact and the days since, as of the due day. */
function vipRevisit(c: Customer, dueAt: number, now: number, r: Resolved): Followup {
  const days = daysBetween(c.lastSeenAt, dueAt, r.zone);
  const params = { date: isoDay(c.lastSeenAt, r.zone), days };
  const why =
    days > r.s.vipRevisitDays
      ? reasonOf('followups.reason.vipRevisitBacklog', { ...params, perDay: VIP_BACKLOG_PER_DAY })
      : reasonOf('followups.reason.vipRevisitSince', params);
  return make({ id: `vip-revisit:${c.key}`, kind: 'vip-revisit', source: 'customer', why, dueAt, now, buyer: c.nickname, buyerId: c.buyerId, platform: c.platform });
}

/**
 * Is the maker of an item on the night shift? `by`: the shift a team member chose (options → 团队),
 * which is theirs whatever the hour (a day agent staying late, a night agent leaving at 10:00);
 * without it, the clock (one machine shared by a day and a night agent).
 */
export function madeAtNight(now: number, settings: Partial<FollowupSettings>, by?: Shift): boolean {
  return by ? by === 'night' : isNight(now, settings);
}

/**
 * Kinds a person writes for whoever comes next: a to-do and a handover note. Only these are handed
 * over by the hour they were made. Every other kind is dictated by a page or a buyer (an order, a
 * remark, a chat the agent registered) and is due by its own rule at any hour: a return in two days,
 * an unpaid order at 15:30, a delay on its promised date. Those listed "today" are due by the next
 * noon at night through their own rule (sameDayDue), in their kind's section, not in 夜班交接.
 */
export const NIGHT_HANDED_KINDS: ReadonlySet<FollowupKind> = new Set(['manual', 'handover']);

/**
 * Night-shift marking of a to-do: made by the night shift, it is a handover for the day shift, due
 * by the next 12:00 (23:00 → noon tomorrow, 02:00 → noon today), and names that shift when made
 * (`shift: 'day'`), so a later change of the shift hours does not move it (handover.ts). Only ever
 * moves the due time earlier. Made by the day shift, or of another kind, the item comes back unchanged.
 */
export function markHandover(item: Followup, settings: Partial<FollowupSettings>, now: number, by?: Shift): Followup {
  if (!NIGHT_HANDED_KINDS.has(item.kind) || !madeAtNight(now, settings, by)) return item;
  const dueAt = Math.min(item.dueAt, nextHandoverDue(now, settings));
  if (item.handover && item.dueAt === dueAt && item.shift === 'day') return item;
  return { ...item, handover: true, dueAt, shift: 'day' };
}

export interface PanelExtra {
  platform?: Platform;
  /** The console's id of the buyer, where the chat page shows one. */
  buyerId?: string | null;
  orderId?: string;
  note?: string;
  url?: string;
  /** What makes the item's id unique instead of the time: the call's id, the same when a stopped
   * worker's caller sends it again, so the item is made once (lib/messaging/client.ts). */
  stamp?: string;
  /**
   * The situation(s) the panel read when the agent made the item, best first (its chips). Opening
   * the item from the popup ranks the replies for the first that names a need, so an answer promised
   * about an invoice comes back to the invoice replies; without one, the kind's scenario.
   */
  scenarios?: readonly ScenarioId[];
  /** A 待收退货 for an exchange parcel (the new item goes out once it is in). */
  exchange?: boolean;
}

/**
 * Items the agent adds from the in-page panel for the buyer in front of them — on a page of one
 * order, for that order and its buyer; `buyer` '' where the page shows none (an order is required then).
 * - inquiry: one per buyer, due the same day (inquiryDue); closes itself when the buyer orders.
 * - promised-answer: due `promisedAnswerHours` (24 h) after the promise, or when the agent chose, or
 *   when the note's words say (due-words.ts: 明天上午回复 is due at tomorrow's day-shift start).
 * - bad-review: due the same day (end of the day shift).
 * - return-pending (return or exchange parcel on its way back): due in `returnRecheckDays`, as a
 *   remark's; one per order, the same item the order's remark makes.
 * - refund-to-pay: due the same day; one per order. call-back: due when the agent said.
 * Made at night, each keeps its kind's rule and is not a handover (NIGHT_HANDED_KINDS).
 */
export function panelFollowup(
  kind: PanelKind,
  buyer: string,
  now: number,
  settings: Partial<FollowupSettings>,
  dueAt?: number,
  extra: PanelExtra = {},
): Followup {
  const r = resolve(settings);
  const named = normaliseNickname(buyer);
  let item: Followup;
  const common = { source: 'panel' as const, now, buyer: named, ...extra, scenario: extra.scenarios?.find((s) => !NO_NEED.has(s)) };
  // An order page that shows no buyer (Taobao's memo page) adds for its order: the order names the item's id.
  const who = named || `#${extra.orderId ?? ''}`;
  // The buyer's record key where the platform is known (`pdd#<uid>`, or `demo:<name>` as before
  // ids), so two buyers behind one masked nickname get separate items.
  const whoKey = extra.platform && named ? buyerKey(extra.platform, extra.buyerId, who) : who;
  const withId = !!(named && extra.platform && extra.buyerId && normaliseBuyerId(extra.buyerId));
  if (kind === 'inquiry') {
    const id = `inquiry:${whoKey}`;
    item = make({ ...common, id, kind, why: reasonOf('followups.reason.inquiry'), dueAt: dueAt ?? inquiryDue(now, r.s) });
  } else if (kind === 'promised-answer') {
    const id = `promised-answer:${withId ? whoKey : who}:${extra.stamp ?? now.toString(36)}`;
    // No time typed: the time the note's own words give (明天上午回复, 今晚8点前, 周五前), else promisedAnswerHours.
    dueAt ??= promiseDue(extra.note ?? '', now, r.s)?.dueAt;
    const why =
      dueAt === undefined
        ? reasonOf('followups.reason.promisedAnswer', { hours: r.s.promisedAnswerHours })
        : reasonOf('followups.reason.promisedAnswerAt', { due: formatWall(dueAt, r.zone) });
    item = make({ ...common, id, kind, why, dueAt: dueAt ?? now + r.s.promisedAnswerHours * HOUR });
  } else if (kind === 'bad-review') {
    const id = `bad-review:${extra.orderId ?? (withId ? whoKey : who)}`;
    item = make({ ...common, id, kind, why: reasonOf('followups.reason.badReview'), dueAt: dueAt ?? sameDayDue(now, r.s) });
  } else {
    // With an order: its remark's item (same id), so the two never list the return twice.
    const id = `${kind}:${(kind !== 'call-back' && extra.orderId) || `${withId ? whoKey : who}:${extra.stamp ?? now.toString(36)}`}`;
    const days = r.s.returnRecheckDays;
    const why =
      kind === 'return-pending'
        ? reasonOf(extra.exchange ? 'followups.reason.exchangePending' : 'followups.reason.returnPending', { days })
        : kind === 'refund-to-pay'
          ? reasonOf('followups.reason.refundToPay')
          : reasonOf('followups.reason.callBack', { due: formatWall(dueAt ?? now + HOUR, r.zone) });
    item = make({ ...common, id, kind, why, dueAt: dueAt ?? (kind === 'return-pending' ? now + days * DAY : kind === 'call-back' ? now + HOUR : sameDayDue(now, r.s)) });
  }
  return item;
}

/**
 * Is the item about the buyer of this order row? Console ids decide when both sides have one; a
 * name decides only when at most one side has an id and the name is not masked (or neither side
 * has an id, as before ids were read).
 */
export function sameBuyer(f: Pick<Followup, 'buyer' | 'buyerId'>, o: { buyer: string; buyerId?: string | null }): boolean {
  const fid = f.buyerId ?? null;
  const oid = o.buyerId ?? null;
  if (fid && oid) return fid === oid;
  const name = normaliseNickname(o.buyer);
  if (!name || !f.buyer || normaliseNickname(f.buyer) !== name) return false;
  return !(fid || oid) || !isMaskedNickname(name);
}

function nightly(item: Followup, r: Resolved, now: number, chosenDue: boolean, by?: Shift): Followup {
  if (!chosenDue) return markHandover(item, r.s, now, by);
  return madeAtNight(now, r.s, by) ? { ...item, handover: true, shift: 'day' } : item;
}


export interface ManualInput {
  title: string;
  note?: string;
  buyer?: string;
  orderId?: string;
  platform?: Platform;
  url?: string;
  dueAt?: number;
  /** As PanelExtra.stamp. */
  stamp?: string;
}

/** A to-do the agent types in; due by the end of the day shift unless a time is chosen. */
export function manualFollowup(input: ManualInput, now: number, settings: Partial<FollowupSettings>, by?: Shift): Followup {
  const r = resolve(settings);
  const title = input.title.trim() || kindLabel('manual');
  const item = make({
    id: `manual:${input.stamp ?? now.toString(36)}-${hash(title + (input.buyer ?? ''))}`,
    kind: 'manual',
    source: 'manual',
    why: reasonOf('followups.reason.manual'),
    dueAt: input.dueAt ?? sameDayDue(now, r.s),
    now,
    title,
    buyer: input.buyer?.trim() || undefined,
    platform: input.platform,
    orderId: input.orderId,
    url: input.url,
    note: input.note?.trim() || undefined,
  });
  return nightly(item, r, now, input.dueAt !== undefined, by);
}

/**
 * A handover note from one shift to the next, due by that shift's handover deadline
 * (handoverDeadline): written at night, by the next noon; written by day, for the night shift, by
 * 23:59 that evening, not at 20:00, when the night shift came on to find it overdue.
 */
export function handoverFollowup(input: ManualInput, now: number, settings: Partial<FollowupSettings>, by?: Shift): Followup {
  const r = resolve(settings);
  // Round the clock the next shift is the same day shift (whoever is on next), never a night shift.
  const allDay = r.dayStart === r.dayEnd;
  const night = allDay || madeAtNight(now, r.s, by);
  const dueAt = input.dueAt ?? handoverDeadline(night ? 'day' : 'night', now, r.s);
  const title = input.title.trim() || kindLabel('handover');
  const due = formatWall(dueAt, r.zone);
  const item = make({
    id: `handover:${input.stamp ?? now.toString(36)}-${hash(title + (input.buyer ?? ''))}`,
    kind: 'handover',
    source: 'manual',
    // To the night shift: from when it comes on (the older 白班交给夜班，{due} 前处理完 named its start as the deadline).
    why: allDay
      ? reasonOf('followups.reason.handoverAllDay', { due })
      : night ? reasonOf('followups.reason.handover', { due }) : reasonOf('followups.reason.handoverForNight', { start: formatMinutes(r.dayEnd), due }),
    dueAt,
    now,
    title,
    buyer: input.buyer?.trim() || undefined,
    platform: input.platform,
    orderId: input.orderId,
    url: input.url,
    note: input.note?.trim() || undefined,
  });
  // For the shift after this one (see handover.ts), named so the list can say who it is for.
  return { ...item, handover: true, shift: night ? 'day' : 'night', assignedAt: now };
}
