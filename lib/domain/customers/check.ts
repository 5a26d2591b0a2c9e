/**
 * One checker for a current-version customer record, used two ways:
 * - migrations (lenient): damaged parts are repaired (bad events dropped, missing texts emptied),
 *   so one broken field does not lose a buyer's notes; only a record without a usable identity fails;
 * - import (strict): every problem is an error naming the entry.
 */
import { customers as messages } from '../../i18n/messages/customers';
import { fill } from '../../i18n/lookup';
import type { Platform } from '../../sites/types';
import { cleanSizes, LIMITS, normaliseOrderIds, normaliseTags, segmentOf, SIZE_RANGES, tagsOver, type TagsOver } from './customer';
import { buyerKey, normaliseBuyerId, normaliseNickname } from './identity';
import {
  CUSTOMER_VERSION,
  EVENT_KINDS,
  PROFILE_FIELDS,
  HISTORY_CAP,
  PLATFORMS,
  SEGMENTS,
  type Customer,
  type CustomerEvent,
  type Segment,
  type Sizes,
} from './types';

export interface Problem {
  /** Message key under customers.problem.* */
  code: string;
  params?: Record<string, string | number>;
}

export interface CheckResult {
  /** null when the record has no usable identity (platform + nickname). */
  customer: Customer | null;
  problems: Problem[];
}

type Rec = Record<string, unknown>;

const isRec = (x: unknown): x is Rec => !!x && typeof x === 'object' && !Array.isArray(x);
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

export function problemText(p: Problem, lang: 'zh' | 'en'): string {
  const key = `customers.problem.${p.code}`;
  return fill(messages[lang][key] ?? key, p.params);
}

/**
 * The tag rule (tagsOver) as problems: each tag too long, named with by how much, and how many tags
 * too many. An import says them for the entry or row, a form under its tags field. Not part of
 * checkCustomer: a migration keeps a record's tags as they are (nothing is cut), and the worker's
 * bundle has no room for what only an import needs.
 */
export function overProblems(over: TagsOver | null): Problem[] {
  if (!over) return [];
  const out: Problem[] = over.long.map(({ tag, over }) => ({ code: 'tagLong', params: { tag, over, max: LIMITS.tag } }));
  if (over.extra) out.push({ code: 'tagCount', params: { count: LIMITS.tags + over.extra, over: over.extra, max: LIMITS.tags } });
  return out;
}

export const tagProblems = (tags: readonly string[]): Problem[] => overProblems(tagsOver(tags));

/**
 * The text fields' rule as problems: 备注, 偏好 or 地址备注 longer than LIMITS allows, named with by
 * how much, never cut to fit. The imports say them through importProblems (import-export.ts), which
 * takes a text up to what a join of two records makes; like tagProblems, not part of checkCustomer,
 * which a migration also runs.
 */
export function textProblems(texts: Pick<Customer, 'note' | 'preferences' | 'addressNote'> & { history?: CustomerEvent[] }): Problem[] {
  const out: Problem[] = [];
  for (const field of ['note', 'preferences', 'addressNote'] as const) {
    const over = texts[field].length - LIMITS[field];
    if (over > 0) out.push({ code: `long.${field}`, params: { over, max: LIMITS[field] } });
  }
  // History entries are kept whole too (checkEvent); one longer than any producer writes is said.
  texts.history?.forEach((e, i) => {
    const over = e.text.length - LIMITS.eventText;
    if (over > 0) out.push({ code: 'long.event', params: { index: i + 1, over, max: LIMITS.eventText } });
  });
  return out;
}

/** One history event as stored, or null when unusable (also the team import's check of a colleague's note). */
export function checkEvent(x: unknown): CustomerEvent | null {
  if (!isRec(x)) return null;
  const { id, at, kind, text, ref } = x;
  if (typeof id !== 'string' || !id || !isTime(at) || typeof text !== 'string') return null;
  if (!(EVENT_KINDS as readonly unknown[]).includes(kind)) return null;
  if (ref !== undefined && typeof ref !== 'string') return null;
  const e: CustomerEvent = { id, at, kind: kind as CustomerEvent['kind'], text };
  if (ref !== undefined) e.ref = ref;
  return e;
}

/** Checks and normalises a version-1 record. `now` fills missing timestamps. */
export function checkCustomer(raw: unknown, now: number): CheckResult {
  const problems: Problem[] = [];
  if (!isRec(raw)) return { customer: null, problems: [{ code: 'notObject' }] };
  if (raw.v !== CUSTOMER_VERSION) problems.push({ code: 'version', params: { version: String(raw.v) } });

  const platform = raw.platform;
  const nickname = normaliseNickname(raw.nickname);
  let fatal = false;
  if (!nickname) {
    problems.push({ code: 'nickname' });
    fatal = true;
  }
  if (!(PLATFORMS as readonly unknown[]).includes(platform)) {
    problems.push({ code: 'platform', params: { value: String(platform) } });
    fatal = true;
  }
  let buyerId: string | null = null;
  if (raw.buyerId !== undefined && raw.buyerId !== null) {
    buyerId = normaliseBuyerId(raw.buyerId);
    // An id that cannot be read would silently turn an id-keyed buyer into a nickname-keyed one.
    if (!buyerId) {
      problems.push({ code: 'buyerId' });
      fatal = true;
    }
  }
  if (fatal) return { customer: null, problems };
  const key = buyerKey(platform as Platform, buyerId, nickname);
  if (raw.key !== undefined && raw.key !== key) problems.push({ code: 'key' });

  // Never cut (as tags): a migration keeps the text whole, an import says it is too long (textProblems).
  const text = (field: 'preferences' | 'addressNote' | 'note'): string => {
    const v = raw[field];
    if (v === undefined) return '';
    if (typeof v !== 'string') {
      problems.push({ code: 'text', params: { field } });
      return '';
    }
    return v;
  };
  const time = (field: 'createdAt' | 'updatedAt' | 'lastSeenAt'): number => {
    const v = raw[field];
    if (isTime(v)) return v;
    problems.push({ code: 'time', params: { field } });
    return now;
  };

  let tags: string[] = [];
  if (raw.tags !== undefined) {
    if (Array.isArray(raw.tags) && raw.tags.every((t) => typeof t === 'string')) tags = normaliseTags(raw.tags);
    else problems.push({ code: 'tags' });
  }

  let sizes: Sizes = {};
  if (raw.sizes !== undefined) {
    if (!isRec(raw.sizes)) problems.push({ code: 'sizes' });
    else {
      sizes = cleanSizes(raw.sizes);
      for (const field of [...Object.keys(SIZE_RANGES), 'usualSize']) {
        if (raw.sizes[field] !== undefined && (sizes as Rec)[field] === undefined) {
          problems.push({ code: 'size', params: { field } });
        }
      }
    }
  }

  const events: CustomerEvent[] = [];
  if (raw.history !== undefined) {
    if (!Array.isArray(raw.history)) problems.push({ code: 'history' });
    else {
      const seen = new Set<string>();
      raw.history.forEach((x, index) => {
        const e = checkEvent(x);
        // Counted from 1, as the agent counts (the file's entries are too).
        if (!e) problems.push({ code: 'event', params: { index: index + 1 } });
        else if (!seen.has(e.id)) {
          seen.add(e.id);
          events.push(e);
        }
      });
    }
  }
  events.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const overflow = Math.max(0, events.length - HISTORY_CAP);

  let droppedEvents = 0;
  if (raw.droppedEvents !== undefined) {
    if (Number.isInteger(raw.droppedEvents) && (raw.droppedEvents as number) >= 0) droppedEvents = raw.droppedEvents as number;
    else problems.push({ code: 'counter', params: { field: 'droppedEvents' } });
  }

  let orderIds: string[] = [];
  if (Array.isArray(raw.orderIds) && raw.orderIds.every((o) => typeof o === 'string')) orderIds = raw.orderIds;
  else {
    if (raw.orderIds !== undefined) problems.push({ code: 'orderIds' });
    orderIds = events.filter((e) => e.kind === 'order-seen' && e.ref).map((e) => e.ref as string);
  }

  let segmentManual: Segment | undefined;
  if (raw.segmentManual !== undefined) {
    if ((SEGMENTS as readonly unknown[]).includes(raw.segmentManual)) segmentManual = raw.segmentManual as Segment;
    else problems.push({ code: 'segment', params: { value: String(raw.segmentManual) } });
  }

  const customer: Customer = {
    v: CUSTOMER_VERSION,
    key,
    platform: platform as Platform,
    ...(buyerId ? { buyerId } : {}),
    nickname,
    segment: 'new',
    tags,
    sizes,
    preferences: text('preferences'),
    addressNote: text('addressNote'),
    note: text('note'),
    createdAt: time('createdAt'),
    updatedAt: time('updatedAt'),
    lastSeenAt: time('lastSeenAt'),
    history: events.slice(overflow),
    droppedEvents: droppedEvents + overflow,
    orderIds: normaliseOrderIds(orderIds),
  };
  if (segmentManual) customer.segmentManual = segmentManual;
  // Per-field edit times (team mode): kept when well-formed, silently dropped otherwise (they only
  // refine merges; a record without them merges by updatedAt). Each time is checked on its own, so
  // a string or an array here simply yields none (no shape test: the background's size budget).
  if (raw.fieldAt) {
    const fieldAt: NonNullable<Customer['fieldAt']> = {};
    for (const f of PROFILE_FIELDS) {
      const t = (raw.fieldAt as Record<string, unknown>)[f];
      if (isTime(t)) fieldAt[f] = t;
    }
    if (Object.keys(fieldAt).length) customer.fieldAt = fieldAt;
  }
  // Team mode's notices of replaced text, passed through: only the card shows them, and it checks
  // them there (replacedNow) — a check here would cost the background's size budget.
  if (raw.replaced) customer.replaced = raw.replaced as Customer['replaced'];
  customer.segment = segmentOf(customer);
  return { customer, problems };
}
