/**
 * Local records ↔ team documents, and the merges that keep concurrent edits. Pure: no I/O.
 *
 * - buyers db: one profile per buyer (`buyer:<key>`: the editable fields with their edit times)
 *   and one document per history event (`ev:<key>:<eventId>`, append-only, never merged).
 * - followups db: one document per item (`fu:<id>`, with assignee and shift) and an append-only
 *   event per status change (`fe:<id>:<n>`), so the supervisor can see who closed what.
 * - library db: one document per reply (`tpl:<id>`), the group list (`groups`), proposals, the
 *   remark rule set (`rules`) and one document per taught site (`site:<origin>`); the supervisor's.
 * - picks db: one document per learned pick (`pick:<id>`, append-only, signed), masked when made;
 *   its author may replace it with a forget marker (`ForgottenBody`).
 */
import { fieldTime, mergeCustomer, REPLACEABLE_FIELDS, type Customer, type CustomerEvent, type ReplaceableField } from '../domain/customers';
import { maskRecord } from '../domain/customers/customer';
import { maskPii } from '../domain/customers/privacy';
import type { Followup, FollowupStatus } from '../domain/followups';
import type { Template } from '../domain/templates/types';
import type { RuleSet } from '../domain/remarks';
import type { TaughtSite } from '../sites/taught/record';
import type { LearnedPick } from '../domain/suggest/learned';
import { fnv1a } from '../domain/hash';
import { DOC_PREFIX } from './names';
import type { Doc } from './pouch-types';

/** JSON with sorted keys: equal values give equal strings whatever order their keys were set in. */
export function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

export function hashOf(v: unknown): string {
  const s = canonical(v);
  return `${fnv1a(s)}.${s.length}`;
}

/** The document without its CouchDB bookkeeping (`_id`, `_rev`, `_conflicts`…). */
export function body(d: Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) if (!k.startsWith('_')) out[k] = v;
  return out;
}

// ---------------------------------------------------------------------------------------- buyers

export interface BuyerBody {
  type: 'buyer';
  customer: Omit<Customer, 'history' | 'droppedEvents' | 'lastSeenAt' | 'replaced'>;
  /**
   * Written by a merge of versions edited at the same time: per text field, the values the merge
   * replaced and when each was written, so the machine that wrote one learns it was replaced
   * (Customer.replaced) even when another machine merged. Gone with the profile's next edit.
   */
  clash?: Partial<Record<ReplaceableField, { text: string; at: number }[]>>;
}

export const buyerId = (key: string) => `${DOC_PREFIX.buyer}${key}`;
export const eventId = (key: string, id: string) => `${DOC_PREFIX.buyerEvent}${key}:${id}`;

/** The shared part of a buyer: everything but the history (its own documents) and lastSeenAt (local). */
export function buyerBody(c: Customer): BuyerBody {
  const { history: _h, droppedEvents: _d, lastSeenAt: _l, replaced: _r, ...customer } = c;
  return { type: 'buyer', customer };
}

export function customerOfBody(b: BuyerBody, events: readonly CustomerEvent[] = []): Customer {
  return { ...b.customer, history: [...events].sort((x, y) => x.at - y.at || (x.id < y.id ? -1 : 1)), droppedEvents: 0, lastSeenAt: b.customer.createdAt };
}

/**
 * Two (or more) versions of one profile → one, field by field (see mergeCustomer), with the text
 * each field's merge replaced (`clash`: the versions' own clashes and every value a version wrote
 * since `base`, the version they all started from, that lost).
 */
export function mergeBuyerBodies(list: readonly BuyerBody[], base: BuyerBody | null = null): BuyerBody {
  const merged = list.map((b) => customerOfBody(b)).reduce((a, b) => mergeCustomer(a, b));
  const out = buyerBody(merged);
  const clash: NonNullable<BuyerBody['clash']> = {};
  for (const f of REPLACEABLE_FIELDS) {
    const lost = clashList(merged[f]);
    for (const b of list) {
      for (const e of b.clash?.[f] ?? []) lost.add(e.text, e.at);
      // Only a value that version wrote since the common version was lost; one it carried along
      // unchanged was replaced knowingly. Without the common version nothing is recorded.
      const at = fieldTime(b.customer, f);
      if (base && (b.customer[f] !== base.customer[f] || at !== fieldTime(base.customer, f))) lost.add(b.customer[f], at);
    }
    const l = lost.list();
    if (l.length) clash[f] = l;
  }
  if (Object.keys(clash).length) out.clash = clash;
  return out;
}

/**
 * One field's replaced texts: each text and time once (the same text written at the same time by
 * two versions, or kept by two merges, is one entry), never the field's current value or blank,
 * in a fixed order (time, then text), so every machine writes the same list.
 */
function clashList(current: string) {
  const lost = new Map<string, { text: string; at: number }>();
  return {
    add(text: string, at: number) {
      if (text !== current && text.trim()) lost.set(JSON.stringify([at, text]), { text, at });
    },
    list: () => [...lost.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, e]) => e),
  };
}

/**
 * A profile's `clash` as a masking machine holds it: each replaced text masked like the field it
 * was replaced in (maskPii, as a saved 备注 / 地址备注 / 偏好 is), its time kept. Texts that become
 * the same once masked are one entry, and one that masks to the field's (masked) current value is
 * no text replaced: an older version's clear door and the re-masked copy of it, written at the same
 * time, are one edit, not a colleague's.
 */
export function maskedClash(clash: BuyerBody['clash'], customer: BuyerBody['customer']): BuyerBody['clash'] {
  const out: NonNullable<BuyerBody['clash']> = {};
  for (const f of REPLACEABLE_FIELDS) {
    const lost = clashList(maskPii(customer[f]));
    for (const e of clash?.[f] ?? []) lost.add(maskPii(e.text), e.at);
    const l = lost.list();
    if (l.length) out[f] = l;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * A profile as a masking machine stores it (maskRecord: its free text, tags), keys in canonical
 * order. What goes up from a machine that masks is masked, also a field the team's copy holds from
 * an older version (it wins the merge's tie as the larger text): the server's current revision loses
 * it the first time this machine sends the buyer (after the update, the re-mask run queues every
 * buyer it re-masked). Field times stay, so a colleague's later edit still wins; and two machines
 * sending the same masked profile on the same revision write the same document, which PouchDB's
 * deterministic revisions name the same: one revision, no conflict. The merge's `clash` is masked
 * with it (maskedClash).
 */
export function maskedBuyerBody(b: BuyerBody): BuyerBody {
  const { history: _h, droppedEvents: _d, lastSeenAt: _l, replaced: _r, ...customer } = maskRecord(customerOfBody(b));
  // The texts a merge replaced go masked too (maskedClash): the door a field loses is not kept beside it.
  const { clash: _c, ...rest } = b;
  const clash = maskedClash(b.clash, customer);
  return JSON.parse(canonical({ ...rest, customer, ...(clash ? { clash } : {}) })) as BuyerBody;
}

export interface EventBody {
  type: 'event';
  key: string;
  event: CustomerEvent;
  by: string;
}

// ------------------------------------------------------------------------------------- follow-ups

export const followupId = (id: string) => `${DOC_PREFIX.followup}${id}`;

export interface FollowupBody {
  type: 'followup';
  item: Followup;
}

export interface FollowupEventBody {
  type: 'fuevent';
  item: string;
  from: FollowupStatus | null;
  to: FollowupStatus;
  at: number;
  by: string;
}

/** Between versions decided at the same time (statusTime): a closed item stays closed, a snooze beats "open". */
const STATUS_RANK: Record<FollowupStatus, number> = { done: 3, snoozed: 2, open: 1 };

/**
 * When a version's status was last decided by a close or a reopen, by the clock of the machine that
 * made it: a close at its `closedAt`; the agent's last reopen (`reopenedAt`), which a later snooze,
 * note or close keeps, so a version that has seen the reopen is not beaten by it again. A version
 * that has seen neither (an open item, a snooze of it): -Infinity. The rules' own reopens (a delay
 * checked again, a promise read from a page) set no time: against a colleague's close they lose, and
 * the page's next read puts the item back when it is still due, counted from that close. A new ship
 * date the agent saved here counts as a reopen at the time it was written (followupsFromRemarkFacts).
 */
function statusTime(f: Followup): number {
  const reopened = f.reopenedAt ?? -Infinity;
  return f.status === 'done' && f.closedAt !== undefined ? Math.max(f.closedAt, reopened) : reopened;
}

/**
 * Two machines changed the same follow-up. First the promise: a version holding a ship date the
 * agent saved later (`promisedAt`, a purple remark written through the panel) wins over one that
 * never had that date — a colleague who closed the delay on the old date, before or after by the
 * clock, closed the old promise, not the new one, which is open on its date (it used to stay done
 * until the remark's next read brought it back). Then the status of the version whose close or
 * reopen is the later (statusTime: a reopen made after a colleague's close wins, a close made after
 * it wins — for a new date, a close by a machine that had it), and between versions that saw the
 * same (no reopen, a snooze against a close) the fixed order above — its close reason and times with
 * it; notes are the union of both sides' lines less the lines an undo took back (mergeNotes), the
 * assignment is the later one. A total order on
 * versions (promise, status time, status, content): commutative, associative (three versions in any
 * order) and idempotent.
 */
export function mergeFollowup(a: Followup, b: Followup): Followup {
  const pa = a.promisedAt ?? -Infinity;
  const pb = b.promisedAt ?? -Infinity;
  const ta = statusTime(a);
  const tb = statusTime(b);
  const ra = STATUS_RANK[a.status] ?? 0;
  const rb = STATUS_RANK[b.status] ?? 0;
  const winner = pa !== pb ? (pa > pb ? a : b) : ta !== tb ? (ta > tb ? a : b) : ra !== rb ? (ra > rb ? a : b) : canonical(a) >= canonical(b) ? a : b;
  const other = winner === a ? b : a;
  const out: Followup = { ...winner };
  const { note, undone } = mergeNotes(a, b);
  if (note.length) out.note = note.join('\n');
  else delete out.note;
  if (undone.length) out.noteUndone = undone;
  else delete out.noteUndone;
  const wa = assignedAt(winner);
  const oa = assignedAt(other);
  if (oa > wa || (oa === wa && canonical(assignment(other)) > canonical(assignment(winner)))) {
    delete out.assignee;
    delete out.shift;
    delete out.assignedAt;
    Object.assign(out, assignment(other));
  }
  out.createdAt = Math.min(a.createdAt, b.createdAt);
  return out;
}

const count = (lines: readonly string[], line: string): number => lines.reduce((n, l) => n + (l === line ? 1 : 0), 0);

/**
 * The merged note log and the lines taken back. A line an undo took back (`noteUndone`, the 催过 line
 * of a reminder undone — lib/domain/followups/reminded.ts) is not brought back by the other side's
 * copy made before the undo: a line was written, on the side that wrote it most, its shown count plus
 * its taken-back count times; the merge shows that many less the most either side took back. A line
 * written again after an undo (the same minute's reminder sent again) counts as written once more, so
 * it stays. Counts by max like mergeNoteLines: commutative, associative, idempotent.
 */
export function mergeNotes(a: Pick<Followup, 'note' | 'noteUndone'>, b: Pick<Followup, 'note' | 'noteUndone'>): { note: string[]; undone: string[] } {
  const note = mergeNoteLines(a.note, b.note);
  const undone = mergeNoteLines(a.noteUndone?.join('\n'), b.noteUndone?.join('\n'));
  if (!undone.length) return { note, undone };
  const la = (a.note ?? '').split('\n');
  const lb = (b.note ?? '').split('\n');
  const ua = a.noteUndone ?? [];
  const ub = b.noteUndone ?? [];
  for (const line of new Set(undone)) {
    const written = Math.max(count(la, line) + count(ua, line), count(lb, line) + count(ub, line));
    let extra = count(note, line) - Math.max(0, written - count(undone, line));
    // The latest of its entries go first: the undo took back the line it had just written.
    for (let i = note.length - 1; i >= 0 && extra > 0; i--) {
      if (note[i] !== line) continue;
      note.splice(i, 1);
      extra--;
    }
  }
  return { note, undone };
}

/**
 * Both sides' note lines in the order they were written: the longer log (ties: the larger text) in
 * its own order, then the other side's lines it lacks, in theirs. A line written k times on one side
 * and m on the other is kept max(k, m) times: the same line twice is two entries of the log (未接,
 * 未接 — two calls), not a duplicate. The same result whichever side is `a` — a log both machines
 * appended to keeps its time order (sorting the lines, as before, put 第二次回电 ahead of 第一次回电
 * and cut across the log) — and merging again with either side changes nothing.
 */
export function mergeNoteLines(a: string | undefined, b: string | undefined): string[] {
  const la = (a ?? '').split('\n').filter(Boolean);
  const lb = (b ?? '').split('\n').filter(Boolean);
  const aFirst = la.length !== lb.length ? la.length > lb.length : (a ?? '') >= (b ?? '');
  const [base, more] = aFirst ? [la, lb] : [lb, la];
  return [...base, ...extraNoteLines(base, more)];
}

/** The lines of `more` that `base` lacks, counted: each line as many times as `more` has it beyond `base`'s count. */
export function extraNoteLines(base: readonly string[], more: readonly string[]): string[] {
  const have = new Map<string, number>();
  for (const l of base) have.set(l, (have.get(l) ?? 0) + 1);
  return more.filter((l) => {
    const n = have.get(l) ?? 0;
    have.set(l, n - 1);
    return n <= 0;
  });
}

function assignedAt(f: Followup): number {
  return f.assignedAt ?? 0;
}

function assignment(f: Followup): Partial<Pick<Followup, 'assignee' | 'shift' | 'assignedAt'>> {
  const out: Partial<Pick<Followup, 'assignee' | 'shift' | 'assignedAt'>> = {};
  if (f.assignee !== undefined) out.assignee = f.assignee;
  if (f.shift !== undefined) out.shift = f.shift;
  if (f.assignedAt !== undefined) out.assignedAt = f.assignedAt;
  return out;
}

// ---------------------------------------------------------------------------------------- library

export const templateId = (id: string) => `${DOC_PREFIX.template}${id}`;

export interface TemplateBody {
  type: 'template';
  template: Template;
  by: string;
  at: number;
}

export interface GroupsBody {
  type: 'groups';
  groups: string[];
}

export interface ProposalBody {
  type: 'proposal';
  template: Template;
  by: string;
  at: number;
  /** Set by the supervisor (the agent cannot change a proposal once sent). */
  decision?: ProposalDecision;
}

export interface ProposalDecision {
  accepted: boolean;
  /** Why it was not taken (optional, the supervisor's words). */
  reason?: string;
  by: string;
  at: number;
}

export interface MembersBody {
  type: 'members';
  members: { name: string; role: 'supervisor' | 'agent' }[];
}

/** Both sides' groups, in the order they first appear (one side's order first). */
export function mergeGroups(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

/**
 * Does this machine's profile hold something the team's copy lacks (a field edited here later)?
 * Only the shared fields count. Notes are not compared: `incoming` carries only the events that
 * arrived in this round, and every note written here is queued for export when it is written.
 */
export function isAhead(local: Customer, incoming: Customer): boolean {
  return canonical(buyerBody(mergeCustomer(local, incoming))) !== canonical(buyerBody(incoming));
}

// ------------------------------------------------------------------- rules, taught sites, picks

/** The shop's remark rule set; `at` is when it was edited (the later edit wins). */
export interface RulesBody {
  type: 'rules';
  ruleSet: RuleSet;
  by: string;
  at: number;
}

export const siteId = (origin: string) => `${DOC_PREFIX.site}${origin}`;

/** One taught site as the shop has it; `site` null = the supervisor forgot it. The later `at` wins. */
export interface SiteBody {
  type: 'site';
  origin: string;
  site: TaughtSite | null;
  by: string;
  at: number;
}

export const pickId = (id: string) => `${DOC_PREFIX.pick}${id}`;

export interface PickBody {
  type: 'pick';
  pick: LearnedPick;
  by: string;
}

/**
 * A learned pick its author forgot: replaces the pick's document (`pick:<id>`), holds no buyer
 * words, signed; the server accepts it only from the pick's author (validate.ts), and a
 * supervisor's machine then deletes it.
 */
export interface ForgottenBody {
  type: 'forgotten';
  by: string;
  at: number;
}

// ------------------------------------------------------------------ deleted buyers and follow-ups

/**
 * A buyer profile (`buyer:<key>`) or a follow-up (`fu:<id>`) deleted on `at` by `by`. `of` names
 * it by its deletionRef; documents written before 2026-12-03 name the document itself (the buyer
 * key in clear), and are still honoured.
 */
export interface DeletionBody {
  type: 'deletion';
  of: string;
  at: number;
  by: string;
}

/** The deletion document of `of` (a deletionRef, or an older document's own id). */
export const deletionId = (of: string) => `${DOC_PREFIX.deletion}${of}`;

/** What marks a deletionRef, so the `of` of an older deletion (a document id) is never taken for one. */
export const DELETION_REF = 'h:';

/**
 * How a deletion names what it deletes without naming the buyer: `h:` + SHA-256 (hex) of the shop
 * and the document's id. The same record always gets the same reference (two machines deleting it
 * write one document, whose conflict merges to the later time); nobody reading the server learns
 * whom it names, though a member who guesses a buyer can check the guess (as they could read the
 * buyer's notes while they were there).
 */
export async function deletionRef(shop: string, docId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`kf-deletion\n${shop}\n${docId}`));
  return DELETION_REF + [...new Uint8Array(digest)].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/** Two machines deleted the same record: the later deletion covers more. */
export function mergeDeletions(list: readonly DeletionBody[]): DeletionBody {
  return list.reduce((a, b) => (b.at > a.at || (b.at === a.at && canonical(b) > canonical(a)) ? b : a));
}

/**
 * Is this document's content from before the deletion (`at`)? A profile or an item made later is a
 * new record (the buyer came back after being deleted); a note or a status change made later is
 * kept. A document of another kind is never covered.
 */
export function isCovered(d: Doc, at: number): boolean {
  // Optional chaining: the replica may hold a document no version could read (sync.ts readDoc).
  if (d.type === 'buyer') return Number((d as unknown as Partial<BuyerBody>).customer?.createdAt) <= at;
  if (d.type === 'event') return Number((d as unknown as Partial<EventBody>).event?.at) <= at;
  if (d.type === 'followup') return Number((d.item as Followup | null)?.createdAt) <= at;
  if (d.type === 'fuevent') return Number(d.at) <= at;
  return false;
}

/** Of several versions of a rule set or a site, the one edited last (ties by content, so every machine picks the same). */
export function latestVersion<T extends { at: number }>(list: readonly T[]): T {
  return list.reduce((a, b) => (b.at > a.at || (b.at === a.at && canonical(b) > canonical(a)) ? b : a));
}
