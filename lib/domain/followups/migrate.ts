/**
 * Follow-up record migrations. A record without `v` is the prototype's to-do shape (v0):
 * `{ id?, type?, text, due, done?, order?, buyer?, created? }` where `type` was a kind id or its
 * Chinese label and `due` an epoch ms or an ISO string. Steps are pure and idempotent; damaged
 * optional parts are dropped, and only a record without id, kind or due time fails.
 * FOLLOWUP_SCHEMA fits lib/storage/versioned.ts's migrate().
 */
import { WORKER_ZH, ZH } from './text';
import { isScenarioId } from '../scenarios';
import { PLATFORMS } from '../customers/types';
import {
  FOLLOWUP_KINDS,
  FOLLOWUP_SOURCES,
  FOLLOWUP_STATUSES,
  FOLLOWUP_VERSION,
  type Followup,
  type FollowupKind,
} from './types';
import { fnv1a as hash } from '../hash';
import { versionedRecord } from '../record-version';
import { normaliseBuyerId, normaliseNickname } from '../customers/identity';
import { NOTE_MAX, UNDONE_MAX } from './notes';


type Rec = Record<string, unknown>;

export class FollowupRecordError extends Error {
  override name = 'FollowupRecordError';
}

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const oneOf = <T extends string>(list: readonly T[], x: unknown): x is T => (list as readonly unknown[]).includes(x);

function kindFromV0(type: unknown): FollowupKind {
  if (oneOf(FOLLOWUP_KINDS, type)) return type;
  if (typeof type === 'string') {
    for (const kind of FOLLOWUP_KINDS) if (ZH[`followups.kind.${kind}`] === type.trim()) return kind;
    if (/催付|未付/.test(type)) return 'unpaid';
  }
  return 'manual';
}

function timeFrom(x: unknown): number | undefined {
  if (isTime(x)) return x;
  if (typeof x === 'string' && x.trim()) {
    const t = Date.parse(x);
    if (Number.isFinite(t)) return t;
  }
  return undefined;
}


export function followupV0toV1(r: Rec): Rec {
  const text = typeof r.text === 'string' ? r.text.trim() : '';
  const kind = kindFromV0(r.type);
  const due = timeFrom(r.due);
  const created = timeFrom(r.created) ?? due;
  const out: Rec = {
    v: 1,
    id: typeof r.id === 'string' && r.id ? r.id : `manual:${(created ?? 0).toString(36)}-${hash(text)}`,
    kind,
    title: text || ZH[`followups.kind.${kind}`],
    reason: ZH['followups.reason.manual'],
    createdAt: created,
    dueAt: due,
    status: r.done === true ? 'done' : 'open',
    source: 'manual',
  };
  if (typeof r.buyer === 'string' && r.buyer.trim()) out.buyer = r.buyer.trim();
  if (typeof r.order === 'string' && r.order.trim()) out.orderId = r.order.trim();
  return out;
}

/**
 * v1 → v2: follow-ups may name the buyer's console id (`buyerId`); the buyer's name is normalised
 * the one way names are (normaliseNickname), so an item made before still finds its buyer. Item ids
 * are kept: "inquiry:<platform>:<name>" is what the same buyer's inquiry is called without an id.
 */
export function followupV1toV2(r: Rec): Rec {
  const out: Rec = { ...r, v: 2 };
  delete out.buyerId;
  const buyer = normaliseNickname(r.buyer);
  if (buyer) out.buyer = buyer;
  else delete out.buyer;
  return out;
}

/** Checks and repairs a current record; throws when it has no id, kind or due time. */
export function finishFollowup(r: Rec, now: number): Followup {
  if (typeof r.id !== 'string' || !r.id) throw new FollowupRecordError('follow-up without an id');
  if (!oneOf(FOLLOWUP_KINDS, r.kind)) throw new FollowupRecordError(`unknown follow-up kind ${String(r.kind)}`);
  if (!isTime(r.dueAt)) throw new FollowupRecordError(`follow-up ${r.id} has no due time`);
  const kind = r.kind;
  const f: Followup = {
    v: FOLLOWUP_VERSION,
    id: r.id,
    kind,
    title: typeof r.title === 'string' && r.title ? r.title : (WORKER_ZH[`followups.kind.${kind}`] ?? kind),
    reason: typeof r.reason === 'string' ? r.reason : '',
    createdAt: isTime(r.createdAt) ? r.createdAt : now,
    dueAt: r.dueAt,
    status: oneOf(FOLLOWUP_STATUSES, r.status) ? r.status : 'open',
    source: oneOf(FOLLOWUP_SOURCES, r.source) ? r.source : 'manual',
  };
  // Checked where it is shown (text.ts): a key this copy does not know shows the stored reason.
  if (r.why && typeof (r.why as Rec).key === 'string') f.why = r.why as Followup['why'];
  for (const field of ['buyer', 'orderId', 'note', 'closedReason', 'url', 'assignee'] as const) {
    const v = r[field];
    if (typeof v === 'string' && v) f[field] = v;
  }
  // Lines an undo took back (reminded.ts): note lines, at most UNDONE_MAX of them (a colleague's copy is read here too).
  const undone = Array.isArray(r.noteUndone) ? r.noteUndone.filter((l) => typeof l == 'string' && l && l.length <= NOTE_MAX && !l.includes('\n')).slice(-UNDONE_MAX) : [];
  if (undone.length) f.noteUndone = undone;
  const buyerId = f.buyer ? normaliseBuyerId(r.buyerId) : null;
  if (buyerId) f.buyerId = buyerId;
  if (oneOf(PLATFORMS, r.platform)) f.platform = r.platform;
  if (f.status === 'snoozed') {
    if (isTime(r.snoozedUntil)) f.snoozedUntil = r.snoozedUntil;
    else f.status = 'open';
  }
  if (f.status === 'done' && isTime(r.closedAt)) f.closedAt = r.closedAt;
  if (isTime(r.reopenedAt)) f.reopenedAt = r.reopenedAt;
  if (isTime(r.promisedAt)) f.promisedAt = r.promisedAt;
  if (f.status !== 'done') delete f.closedReason;
  if (r.handover === true) f.handover = true;
  if (isScenarioId(r.suggestScenario)) f.suggestScenario = r.suggestScenario;
  if (r.shift === 'day' || r.shift === 'night') f.shift = r.shift;
  if (isTime(r.assignedAt)) f.assignedAt = r.assignedAt;
  return f;
}

export const FOLLOWUP_SCHEMA = {
  version: FOLLOWUP_VERSION,
  steps: [followupV0toV1, followupV1toV2],
  finish: (record: Rec): Followup => finishFollowup(record, Date.now()),
};

/** Any stored shape → a current record (see the module comment). `now` fills a missing createdAt. */
export function migrateFollowup(raw: unknown, now: number = Date.now()): Followup {
  return readFollowup(raw, now, followupV0toV1);
}

/**
 * migrateFollowup with the prototype's (v0) step handed in: the worker meets such records about
 * never, so its reads (lib/storage/followups.ts) ask worker-extras.js for the step then, and
 * background.js does not carry it (as the customers' v0 size reader, customers/migrate.ts).
 */
export function readFollowup(raw: unknown, now: number, fromV0: (r: Rec) => Rec): Followup {
  let [r, v] = versionedRecord(raw, FOLLOWUP_VERSION, FollowupRecordError, 'follow-up');
  if (v === 0) r = fromV0(r);
  if (v <= 1) r = followupV1toV2(r);
  return finishFollowup(r, now);
}
