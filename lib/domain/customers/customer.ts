/**
 * Pure operations on customer records. Every function returns a new object (or the same one when
 * nothing changed, so a storage update can skip the write); none reads the clock or storage.
 */
import type { Platform } from '../../sites/types';
import { maskPii } from './privacy';
import {
  CUSTOMER_VERSION,
  HISTORY_CAP,
  ORDER_IDS_CAP,
  PROFILE_FIELDS,
  REPLACEABLE_FIELDS,
  type Customer,
  type CustomerEvent,
  type CustomerEventKind,
  type CustomerPatch,
  type ProfileField,
  type ReplaceableField,
  type Segment,
  type Sizes,
} from './types';
import { fnv1a as hash } from '../hash';
import { buyerKey, NICKNAME_MAX, normaliseBuyerId, normaliseNickname } from './identity';

export const LIMITS = {
  nickname: NICKNAME_MAX,
  tag: 20,
  tags: 30,
  note: 5000,
  preferences: 1000,
  addressNote: 500,
  /** A history entry's text: the longest remark box recordRemark takes, whose newest line a 'remark-saved' entry holds. */
  eventText: 4000,
  /** What a page may record as one entry (addCustomerEvent: the card's quick note, a reply's title). */
  pageEvent: 500,
  usualSize: 10,
} as const;

/** Plausible ranges; values outside are typing mistakes and are not stored. */
export const SIZE_RANGES: Record<Exclude<keyof Sizes, 'usualSize'>, [number, number]> = {
  heightCm: [40, 230],
  weightKg: [2, 250],
  shoeSize: [15, 50],
  bustCm: [40, 200],
  waistCm: [30, 200],
};

/** The record key of a buyer (see identity.ts: `${platform}#${id}` with an id, else `${platform}:${nickname}`). */
export function customerKey(platform: Platform, nickname: string, buyerId?: string | null): string {
  return buyerKey(platform, buyerId, nickname);
}

export function newCustomer(platform: Platform, nickname: string, now: number, buyerId?: string | null): Customer {
  const nick = normaliseNickname(nickname);
  if (!nick) throw new RangeError('a customer needs a nickname');
  const id = buyerId == null ? null : normaliseBuyerId(buyerId);
  const c: Customer = {
    v: CUSTOMER_VERSION,
    key: buyerKey(platform, id, nick),
    platform,
    nickname: nick,
    segment: 'new',
    tags: [],
    sizes: {},
    preferences: '',
    addressNote: '',
    note: '',
    createdAt: now,
    updatedAt: now,
    lastSeenAt: now,
    history: [],
    droppedEvents: 0,
    orderIds: [],
  };
  if (id) c.buyerId = id;
  return c;
}

/**
 * The console now shows another name for an id-keyed buyer: the record follows (display and
 * search), keeping its key. Counts as an edit (updatedAt), so merges keep the newer name.
 */
export function renameCustomer(c: Customer, nickname: string, now: number): Customer {
  const nick = normaliseNickname(nickname);
  if (!nick || nick === c.nickname) return c;
  return { ...c, nickname: nick, updatedAt: Math.max(c.updatedAt, now) };
}

/**
 * A buyer kept under their nickname only (seen before ids were read, or on a page without ids)
 * becomes the record of the console id `buyerId`: same notes and history, the id's key, the name
 * shown now. See README.md for when this is allowed.
 */
export function adoptUnderId(c: Customer, buyerId: string, nickname: string, now: number): Customer {
  const id = normaliseBuyerId(buyerId);
  if (!id) throw new RangeError('adoptUnderId needs a console id');
  const renamed = renameCustomer(c, nickname, now);
  return { ...renamed, key: buyerKey(c.platform, id, renamed.nickname), buyerId: id };
}

// 非VIP / 不是VIP / not vip must not make a buyer VIP.
const VIP_TAG = /(?<![非不]|不是|not\s?)(vip|贵宾|大客户)/i;
const DIFFICULT_TAG = /^(难缠|难搞|事多|挑剔|职业差评|差评师|黑名单|difficult)$/i;
const RETURNING_TAG = /^(老客|老顾客|老客户|回头客|熟客|returning)$/i;

/**
 * The agent's explicit segment wins; otherwise a VIP tag → vip, a "difficult" tag (难缠, 黑名单…)
 * → difficult, a returning tag (老客, 回头客…) or two or more orders seen → returning, else new.
 */
export function segmentOf(c: Pick<Customer, 'tags' | 'orderIds' | 'segmentManual'>): Segment {
  if (c.segmentManual) return c.segmentManual;
  if (c.tags.some((t) => VIP_TAG.test(t))) return 'vip';
  if (c.tags.some((t) => DIFFICULT_TAG.test(t))) return 'difficult';
  if (c.tags.some((t) => RETURNING_TAG.test(t)) || c.orderIds.length >= 2) return 'returning';
  return 'new';
}

/**
 * Tags as stored: whitespace runs one space, trimmed, empty ones dropped, each tag once (any case).
 * Never cut: a tag over LIMITS.tag or a list over LIMITS.tags is refused where it is saved (tagsOver),
 * so the agent shortens it knowingly rather than finding a stub.
 */
export function normaliseTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = String(raw).replace(/\s+/g, ' ').trim();
    const k = tag.toLowerCase();
    if (!tag || seen.has(k)) continue;
    seen.add(k);
    out.push(tag);
  }
  return out;
}

/**
 * A whole record's free text masked as a save masks it (maskPii): its texts, tags, history
 * entries and the texts its team notices of replaced text show (Customer.replaced). For what reaches this machine as a record, not as typed words: a file imported, a
 * colleague's version pulled in team mode (written by a version that masked less, or not at all).
 */
export function maskRecord(c: Customer): Customer {
  const m: Customer = { ...c, tags: normaliseTags(c.tags.map(maskPii)), history: c.history.map((e) => ({ ...e, text: maskPii(e.text) })) };
  for (const field of ['note', 'preferences', 'addressNote'] as const) {
    m[field] = maskPii(c[field]);
    // A notice of text a colleague's edit replaced (team mode) shows that text: masked like its field.
    const r = c.replaced?.[field];
    if (r) m.replaced = { ...m.replaced, [field]: { ...r, text: maskPii(r.text) } };
  }
  return m;
}

/** Why a tag list cannot be saved as it is: the tags too long (by how many characters), the tags too many. */
export interface TagsOver {
  long: { tag: string; over: number }[];
  /** How many tags more than LIMITS.tags (0: the count fits). */
  extra: number;
}

/**
 * The one rule for tags, wherever they are saved (the worker, both edit forms, both imports): a tag
 * is a short label (at most LIMITS.tag characters, counted as text fields count them) and a buyer
 * has at most LIMITS.tags of them, measured as they would be stored (normaliseTags). null: it fits.
 */
export function tagsOver(tags: readonly string[]): TagsOver | null {
  const list = normaliseTags(tags);
  const long = list.filter((tag) => tag.length > LIMITS.tag).map((tag) => ({ tag, over: tag.length - LIMITS.tag }));
  const extra = Math.max(0, list.length - LIMITS.tags);
  return long.length || extra ? { long, extra } : null;
}

/** Keeps the size fields that are present and plausible. */
export function cleanSizes(sizes: Partial<Record<keyof Sizes, unknown>>): Sizes {
  const out: Sizes = {};
  for (const [field, [min, max]] of Object.entries(SIZE_RANGES) as [keyof typeof SIZE_RANGES, [number, number]][]) {
    const v = sizes[field];
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) out[field] = v;
  }
  if (typeof sizes.usualSize === 'string') {
    const s = sizes.usualSize.trim().slice(0, LIMITS.usualSize);
    if (s) out.usualSize = s;
  }
  return out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Never cuts a text to fit (before, 备注/偏好/地址备注 kept their first 5,000/1,000/500 characters
 * without a word): a patch over LIMITS is refused before it gets here — by the forms, the imports
 * (textProblems) and the worker (patchCustomer, with the field and by how much).
 */
export function applyPatch(c: Customer, patch: CustomerPatch, now: number, opts: { maskPii: boolean }): Customer {
  return patchWith(c, patch, now, opts.maskPii ? maskPii : null);
}

/** A masking function (maskPii), or null where the shop keeps notes as typed. */
export type Mask = ((text: string) => string) | null;

/**
 * applyPatch with the masking handed in: the worker passes maskPii from worker-extras.js (masking
 * is needed at a save only, and background.js, parsed at every wake, has no room for it); the
 * pages, scripts and tests use applyPatch.
 */
export function patchWith(c: Customer, patch: CustomerPatch, now: number, mask: Mask): Customer {
  const text = (s: string): string => (mask ? mask(s.trim()) : s.trim());
  const next: Customer = { ...c };
  if (patch.tags) next.tags = normaliseTags(mask ? patch.tags.map(mask) : patch.tags);
  if (patch.sizes) {
    const merged: Partial<Record<keyof Sizes, unknown>> = { ...c.sizes };
    for (const [field, value] of Object.entries(patch.sizes) as [keyof Sizes, unknown][]) {
      if (value === null) delete merged[field];
      else if (value !== undefined) merged[field] = value;
    }
    next.sizes = cleanSizes(merged);
  }
  if (patch.preferences !== undefined) next.preferences = text(patch.preferences);
  if (patch.addressNote !== undefined) next.addressNote = text(patch.addressNote);
  if (patch.note !== undefined) next.note = text(patch.note);
  if (patch.segment !== undefined) {
    if (patch.segment === null) delete next.segmentManual;
    else next.segmentManual = patch.segment;
  }
  next.segment = segmentOf(next);
  if (sameJson(next, c)) return c;
  next.updatedAt = Math.max(c.updatedAt, now);
  const fieldAt = { ...c.fieldAt };
  for (const f of PROFILE_FIELDS) if (!sameJson(profileValue(next, f), profileValue(c, f))) fieldAt[f] = next.updatedAt;
  next.fieldAt = fieldAt;
  return next;
}

/** One editable field's value (undefined when unset). */
export function profileValue(c: Pick<Customer, 'tags' | 'sizes' | 'preferences' | 'addressNote' | 'note' | 'segmentManual'>, f: ProfileField): unknown {
  if (f.startsWith('sizes.')) return c.sizes[f.slice(6) as keyof Sizes];
  return c[f as 'tags' | 'preferences' | 'addressNote' | 'note' | 'segmentManual'];
}


/** A deterministic event id: the same event recorded twice (or on two devices) gets the same id. */
export function makeEventId(kind: CustomerEventKind, at: number, text: string, ref?: string): string {
  return `${at.toString(36)}-${hash(`${kind}\u0000${text}\u0000${ref ?? ''}`)}`;
}

/** Builds an event with a deterministic id. */
export function makeEvent(kind: CustomerEventKind, at: number, text: string, ref?: string): CustomerEvent {
  const event: CustomerEvent = { id: makeEventId(kind, at, text, ref), at, kind, text };
  if (ref !== undefined) event.ref = ref;
  return event;
}

/** The event for an order seen on the order list; one per order, however often the list is read. */
export function orderSeenEvent(orderId: string, at: number): CustomerEvent {
  return { id: `order-seen:${orderId}`, at, kind: 'order-seen', text: orderId, ref: orderId };
}

function byTime(a: CustomerEvent, b: CustomerEvent): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function orderIdCompare(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Order ids, sorted (order numbers grow over time, so sorting by length then value keeps the
 * newest last and the cap drops the oldest) and deduplicated.
 */
export function normaliseOrderIds(ids: Iterable<string>): string[] {
  const sorted = [...new Set(ids)].sort(orderIdCompare);
  return sorted.slice(Math.max(0, sorted.length - ORDER_IDS_CAP));
}

/** Sorts, caps to HISTORY_CAP newest and returns how many were dropped. */
function capHistory(events: CustomerEvent[]): { history: CustomerEvent[]; dropped: number } {
  const sorted = [...events].sort(byTime);
  const dropped = Math.max(0, sorted.length - HISTORY_CAP);
  return { history: dropped ? sorted.slice(dropped) : sorted, dropped };
}

/**
 * Appends an event (append-only history). An event whose id is already there, or an 'order-seen'
 * for an order already known, changes nothing. Does not touch updatedAt (that dates the editable
 * fields, which merges compare); moves lastSeenAt forward.
 */
export function appendEvent(c: Customer, event: CustomerEvent, opts: { maskPii?: boolean } = {}): Customer {
  return appendWith(c, event, opts.maskPii ? maskPii : null);
}

/** appendEvent with the masking handed in (see patchWith). */
export function appendWith(c: Customer, event: CustomerEvent, mask: Mask): Customer {
  if (c.history.some((e) => e.id === event.id)) return c;
  if (event.kind === 'order-seen' && event.ref && c.orderIds.includes(event.ref)) return c;
  // Whole: the producers keep to LIMITS.eventText (README.md, "History").
  const text = event.text.trim();
  const clean: CustomerEvent = { ...event, text: mask ? mask(text) : text };
  const { history, dropped } = capHistory([...c.history, clean]);
  const next: Customer = {
    ...c,
    history,
    droppedEvents: c.droppedEvents + dropped,
    lastSeenAt: Math.max(c.lastSeenAt, event.at),
  };
  if (event.kind === 'order-seen' && event.ref) next.orderIds = normaliseOrderIds([...c.orderIds, event.ref]);
  next.segment = segmentOf(next);
  return next;
}

/** The buyer's chat was opened. */
export function markSeen(c: Customer, now: number): Customer {
  return now > c.lastSeenAt ? { ...c, lastSeenAt: now } : c;
}

const EDITABLE = ['tags', 'sizes', 'preferences', 'addressNote', 'note', 'segmentManual', 'platform', 'nickname', 'buyerId'] as const;

function editableJson(c: Customer): string {
  return JSON.stringify(EDITABLE.map((f) => c[f] ?? null));
}

/**
 * When a field was last edited: its own time; in a record that keeps field times, a field without
 * one was never edited since the record began keeping them (createdAt); a record from before field
 * times dates every field from its updatedAt.
 */
/**
 * The notices of Customer.replaced still true: the field still holds the colleague's edit that
 * replaced the text (its edit time is the notice's); one edited since is not shown. Checks the
 * shape too: records pass it through unchecked (check.ts), the card shows only what this returns.
 */
export function replacedNow(c: Customer): { field: ReplaceableField; text: string }[] {
  const r = (c.replaced ?? {}) as Record<string, { text?: unknown; at?: unknown } | undefined>;
  return REPLACEABLE_FIELDS.flatMap((field) => {
    const e = r[field];
    return e && typeof e.text === 'string' && e.at === fieldTime(c, field) && c[field] !== e.text ? [{ field, text: e.text }] : [];
  });
}

export function fieldTime(c: Pick<Customer, 'fieldAt' | 'createdAt' | 'updatedAt'>, f: ProfileField): number {
  return c.fieldAt ? (c.fieldAt[f] ?? c.createdAt) : c.updatedAt;
}

/**
 * Merges two versions of the same customer (import, two tabs, two machines in team mode). Each
 * editable field takes the value of the version that edited it last (per-field latest; sizes per
 * measurement), so a note added on one machine and sizes set on another both survive. Records
 * without per-field times date every field from updatedAt, which makes the newer record win them
 * all. Ties are broken by content, so the result does not depend on argument order; history is the
 * union by event id; createdAt is the earliest, lastSeenAt the latest.
 * Commutative and idempotent: merge(a, a) equals a, merge(a, b) equals merge(b, a).
 */
export function mergeCustomer(a: Customer, b: Customer): Customer {
  if (a.key !== b.key) throw new RangeError(`cannot merge ${a.key} with ${b.key}`);
  const winner =
    a.updatedAt !== b.updatedAt ? (a.updatedAt > b.updatedAt ? a : b) : editableJson(a) >= editableJson(b) ? a : b;
  const loser = winner === a ? b : a;
  const events = new Map<string, CustomerEvent>();
  for (const e of [...a.history, ...b.history]) {
    const had = events.get(e.id);
    if (!had || JSON.stringify(e) > JSON.stringify(had)) events.set(e.id, e);
  }
  const { history, dropped } = capHistory([...events.values()]);
  const merged: Customer = {
    v: CUSTOMER_VERSION,
    key: a.key,
    platform: winner.platform,
    nickname: winner.nickname,
    segment: 'new',
    tags: [...winner.tags],
    sizes: { ...winner.sizes },
    preferences: winner.preferences,
    addressNote: winner.addressNote,
    note: winner.note,
    createdAt: Math.min(a.createdAt, b.createdAt),
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    lastSeenAt: Math.max(a.lastSeenAt, b.lastSeenAt),
    history,
    droppedEvents: Math.max(a.droppedEvents, b.droppedEvents) + dropped,
    orderIds: normaliseOrderIds([...a.orderIds, ...b.orderIds]),
  };
  if (winner.segmentManual) merged.segmentManual = winner.segmentManual;
  // Same key, so the same id (or none on both).
  const buyerId = a.buyerId ?? b.buyerId;
  if (buyerId) merged.buyerId = buyerId;
  if (a.fieldAt || b.fieldAt) {
    const fieldAt: NonNullable<Customer['fieldAt']> = {};
    for (const f of PROFILE_FIELDS) {
      const tw = fieldTime(winner, f);
      const tl = fieldTime(loser, f);
      // The other version edited this field later (or at the same time, with the greater value).
      if (tl > tw || (tl === tw && JSON.stringify(profileValue(loser, f)) > JSON.stringify(profileValue(winner, f)))) {
        setProfileValue(merged, f, profileValue(loser, f));
      }
      const t = Math.max(tw, tl);
      if (a.fieldAt?.[f] !== undefined || b.fieldAt?.[f] !== undefined) fieldAt[f] = t;
    }
    merged.fieldAt = fieldAt;
  }
  merged.segment = segmentOf(merged);
  return merged;
}

function setProfileValue(c: Customer, f: ProfileField, v: unknown): void {
  if (f.startsWith('sizes.')) {
    const k = f.slice(6) as keyof Sizes;
    if (v === undefined) delete c.sizes[k];
    else (c.sizes as Record<string, unknown>)[k] = v;
  } else if (f === 'segmentManual') {
    if (v === undefined) delete c.segmentManual;
    else c.segmentManual = v as Segment;
  } else if (f === 'tags') c.tags = [...(v as string[])];
  else c[f as 'preferences' | 'addressNote' | 'note'] = v as string;
}

/**
 * Two records that turn out to be the same buyer (a migration gave two old keys the same new key,
 * e.g. a name with and without a BOM): like mergeCustomer, but nothing the agent wrote is dropped —
 * differing text fields keep both texts (the older first, lines not repeated), tags are the union,
 * sizes the newer over the older — all of it, even past LIMITS. Deterministic in its arguments' order, and combine(a, a) is a.
 */
export function combineCustomers(a: Customer, b: Customer): Customer {
  const merged = mergeCustomer(a, b);
  const [older, newer] = a.updatedAt < b.updatedAt || (a.updatedAt === b.updatedAt && editableJson(a) < editableJson(b)) ? [a, b] : [b, a];
  const join = (x: string, y: string): string => {
    const lines: string[] = [];
    for (const line of [...x.split('\n'), ...y.split('\n')]) if (line.trim() && !lines.includes(line)) lines.push(line);
    return lines.join('\n');
  };
  // Whole, even past LIMITS (before, a joined text was cut to them without a word): no one is asked
  // at a migration, and the agent who attached a record chose to keep both. The edit forms say the
  // field is over and the agent trims it (README.md, "Two records of one buyer").
  const out: Customer = {
    ...merged,
    tags: normaliseTags([...older.tags, ...newer.tags]),
    sizes: { ...older.sizes, ...newer.sizes },
    note: join(older.note, newer.note),
    preferences: join(older.preferences, newer.preferences),
    addressNote: join(older.addressNote, newer.addressNote),
  };
  out.segment = segmentOf(out);
  return out;
}

/** Merges incoming customers into existing ones by key; new keys are appended in incoming order. */
export function mergeCustomers(existing: readonly Customer[], incoming: readonly Customer[]): Customer[] {
  const out = new Map<string, Customer>();
  for (const c of [...existing, ...incoming]) {
    const had = out.get(c.key);
    out.set(c.key, had ? mergeCustomer(had, c) : c);
  }
  return [...out.values()];
}

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/**
 * The dated notes on a buyer, newest first: what the agent saved from the buyer card (Alt+N), kept
 * as history events of kind 'note' beside the record's own note field.
 */
export function noteEvents(c: Pick<Customer, 'history'>): CustomerEvent[] {
  return c.history.filter((e) => e.kind === 'note').reverse();
}

/** A search's terms, each with the form stored text would hold it in (a typed phone number masked). */
interface Term {
  text: string;
  masked: string;
}
let lastQuery: { q: string; terms: Term[] } | null = null;

/**
 * The terms of `q`, read once per search (the list tests every stored buyer against the same query):
 * a full phone number (13912345678) is stored masked (139****5678) while the shop masks, so it is
 * matched in that form too — the agent types what the buyer tells them.
 */
function termsOf(q: string): Term[] {
  if (lastQuery?.q !== q) {
    const terms = fold(q).split(/\s+/).filter(Boolean).map((text) => ({ text, masked: text.startsWith('#') ? text : fold(maskPii(text)) }));
    lastQuery = { q, terms };
  }
  return lastQuery.terms;
}

/**
 * Search: every whitespace-separated term must match the nickname, the console's buyer id (as the
 * row shows it: what a buyer gives when they write in), a tag, a note (the note field or a dated
 * note from the card), the preferences or the address note. A term starting with # matches tags
 * only. A full phone number also matches its masked form (termsOf).
 */
export function matchesQuery(c: Customer, q: string): boolean {
  const terms = termsOf(q);
  if (!terms.length) return true;
  const tags = c.tags.map(fold);
  const fields = [c.nickname, c.buyerId ?? '', c.note, c.preferences, c.addressNote, ...noteEvents(c).map((e) => e.text)].map(fold);
  return terms.every(({ text: term, masked }) => {
    if (term.startsWith('#')) {
      const t = term.slice(1);
      return !t || tags.some((tag) => tag.includes(t));
    }
    return tags.some((tag) => tag.includes(term)) || fields.some((f) => f.includes(term) || (masked !== term && f.includes(masked)));
  });
}
