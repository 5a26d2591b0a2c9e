/**
 * What deleting a buyer (客户档案 → 删除, or 全部删除) takes out of the other stores: the buyer's
 * record alone is not their personal data (README.md, "Deleting a buyer"). Pure: storage applies
 * these to the live stores and to every local backup alike, so a restore brings nothing back.
 *
 * - Follow-ups: the buyer's items are the ones their card lists (`sameBuyer` on their console, and
 *   a to-do typed in the popup, which has no console, by the name) and their VIP revisit; with
 *   everyone deleted, every item naming a buyer. Done items are deleted, and so is the VIP revisit,
 *   open or not (a visit to nobody is no work). Open (or snoozed) items are work still
 *   owed to the buyer — a refund, a return — so the agent chooses: 'delete' deletes them too, 'keep'
 *   keeps them anonymous (`anonymised`): the order number stays and the work can still be done on
 *   the order page. The buyer's name is also taken out of other items' text (with everyone
 *   deleted, every name any of them was known by, and every number is masked).
 * - Learned picks: stored masked, the nickname removed when the page named the buyer; a pick whose
 *   text still holds the nickname is forgotten (picks are never edited, only added or deleted).
 * - Remark overrides (the log of remarks saved against the rules): kept as the shop's record of the
 *   order (order number, flag, rule broken, agent, time), without the buyer's name and without the
 *   remark text (it quotes the recipient and address); the reason and problems masked.
 * - The chat suggestion waiting for the buyer's chat (five minutes at most): dropped.
 */
import { zh } from '../followups/text';
import { sameBuyer } from '../followups/rules';
import { REMINDED_FACTS_KEY } from '../followups/reminded';
import type { Followup } from '../followups/types';
import { migrateFollowup } from '../followups/migrate';
import { isMaskedNickname, normaliseNickname } from './identity';
import { maskPii } from './privacy';
import { conversationHash } from '../clock/wait';

/** A buyer being deleted: their record's platform, name, console id and key. */
export interface ForgetBuyer {
  platform: string;
  nickname: string;
  buyerId?: string | null;
  key: string;
}

/**
 * Some buyers, or everyone (全部删除) with the names they were known by (their records'; the names
 * on follow-ups and in the override log are added here), to be taken out of text that stays.
 */
export type Forget = { buyers: readonly ForgetBuyer[] } | { all: readonly string[] };

/** What happens to a deleted buyer's items that are not done yet. */
export type OpenItems = 'delete' | 'keep';

/** What forgetting buyers does (or would do) outside their records: the confirmation counts it. */
export interface ForgetCounts {
  /** The buyers' follow-ups not done yet, and done. */
  open: number;
  done: number;
  /** Learned picks forgotten because their text held a buyer's name. */
  learned: number;
  /** Remark override entries that named a buyer. */
  overrides: number;
}

/**
 * What stands for the name in text that stays. Chinese whatever the interface: items store their
 * text in Chinese (lib/domain/followups/text.ts).
 */
export const NAME_GONE = '某买家';

const isOpen = (f: Followup) => f.status !== 'done';

function ofBuyer(f: Followup, b: ForgetBuyer): boolean {
  if (f.id === `vip-revisit:${b.key}`) return true;
  if (f.platform && f.platform !== b.platform) return false;
  return sameBuyer(f, { buyer: b.nickname, buyerId: b.buyerId ?? null });
}

/** Is the item about one of these buyers (everyone deleted: does it name a buyer at all)? */
export function isBuyersItem(f: Followup, who: Forget): boolean {
  return 'all' in who ? !!f.buyer || !!f.buyerId || f.id.startsWith('vip-revisit:') : who.buyers.some((b) => ofBuyer(f, b));
}

/** Names to take out of text: unmasked, two characters or more (one would hit every text). */
interface Names {
  set: ReadonlySet<string>;
  longest: number;
}

function names(list: Iterable<string | undefined>, lower = false): Names {
  const set = new Set<string>();
  let longest = 0;
  for (const raw of list) {
    const n = normaliseNickname(raw);
    if (n.length < 2 || isMaskedNickname(n)) continue;
    set.add(lower ? n.toLowerCase() : n);
    longest = Math.max(longest, n.length);
  }
  // Counted in the loop: Math.max(...lengths) over a shop's 100,000 buyers (全部删除) overflowed the worker's stack.
  return { set, longest };
}

/** The names that occur in `text`, longest first: every substring is looked up, so thousands of names cost little. */
function namesIn(text: string, n: Names): string[] {
  const found = new Set<string>();
  for (let i = 0; i < text.length - 1; i++) {
    for (let len = 2; len <= n.longest && i + len <= text.length; len++) {
      const part = text.slice(i, i + len);
      if (n.set.has(part)) found.add(part);
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * `n` and one more name: `n` itself when it holds that name already (or it is none to take out).
 * Each kept item or override adds its own buyer's name to the deletion's: rebuilding every name
 * for each of them made 全部删除 with 100,000 buyers and 5,000 open VIP revisits run for minutes.
 */
function plusName(n: Names, raw: string | undefined): Names {
  const [name] = names([raw]).set;
  if (name === undefined || n.set.has(name)) return n;
  return { set: new Set([...n.set, name]), longest: Math.max(n.longest, name.length) };
}

/** `text` with each name in it replaced by NAME_GONE. */
const unnamed = (n: Names) => (text: string) => namesIn(text, n).reduce((t, name) => t.split(name).join(NAME_GONE), text);

/** Masked (maskPii) and without the names. */
const scrub = (n: Names) => (text: string) => unnamed(n)(maskPii(text));

/** Every name the deletion is about: the buyers', or everyone's plus those on `more` (follow-ups, overrides). */
function namesOf(who: Forget, more: Iterable<string | undefined> = [], lower = false): Names {
  return names('all' in who ? [...who.all, ...more] : who.buyers.map((b) => b.nickname), lower);
}

/** The item with `edit` applied to its free text (title, note, close reason); the same item when that changes nothing. */
function edited(f: Followup, edit: (text: string) => string): Followup {
  const next: Followup = { ...f, title: edit(f.title) };
  for (const k of ['note', 'closedReason'] as const) if (f[k]) next[k] = edit(f[k]!);
  return next.title === f.title && next.note === f.note && next.closedReason === f.closedReason ? f : next;
}

/**
 * An item kept after its buyer was deleted: no name, console id or page link (a chat address names
 * the buyer); a title the rules made from the name becomes the kind alone; the agent's text
 * masked and the names taken out; an id that named the buyer (`inquiry:demo:<name>`) replaced by one
 * that does not, unique by `now` and `n`.
 */
export function anonymised(f: Followup, now: number, n: number, known: Names = names([])): Followup {
  const kind = zh(`followups.kind.${f.kind}`);
  const madeTitle = !!f.buyer && f.title === zh('followups.title', { kind, buyer: f.buyer });
  const out: Followup = { ...edited(f, scrub(plusName(known, f.buyer))) };
  if (madeTitle) out.title = kind;
  const named = [f.buyer, f.buyerId].some((x) => x && f.id.includes(x)) || f.id.startsWith('vip-revisit:');
  if (named) out.id = `${f.kind}:gone-${now.toString(36)}-${n}`;
  delete out.buyer;
  delete out.buyerId;
  delete out.url;
  return out;
}

export interface FollowupsForgotten {
  /** Ids to delete (an anonymised item whose id changed is deleted under its old id too). */
  del: string[];
  /** Items to write: anonymised ones, and others whose text named a deleted buyer. */
  put: Followup[];
  /** The buyers' open and done items (what the confirmation counts). */
  open: number;
  done: number;
}

/**
 * How the rest of the list is treated. `mask`: every item's text is masked too (maskPii), so a
 * number typed before masking existed does not stay in clear in the items the run passes over (the
 * retention purge, while the shop masks; deleting everyone always does).
 */
export interface ForgetOptions {
  mask?: boolean;
  /** This machine's own decision (the retention purge): the follow-ups it deletes are not deleted for the team. */
  local?: boolean;
}

/** What forgetting `who` does to the follow-up list (see the module comment). */
export function forgetFollowups(items: readonly Followup[], who: Forget, open: OpenItems, now: number, opts: ForgetOptions = {}): FollowupsForgotten {
  const out: FollowupsForgotten = { del: [], put: [], open: 0, done: 0 };
  const known = namesOf(who, items.map((f) => f.buyer));
  // Someone else's item (or a to-do naming nobody) may name a deleted buyer in its words — unless
  // that someone has the same name on another console (it is theirs too); with everyone deleted
  // (or `mask`), every text is masked too, so no number typed before masking existed stays in clear.
  const mask = opts.mask || 'all' in who;
  const other = mask ? scrub(known) : unnamed(known);
  for (const f of items) {
    if (isBuyersItem(f, who)) {
      // A VIP revisit is the buyer's, not work on an order: kept without them it is a visit to nobody
      // that held a place in the day's 20 (rules.ts). It goes with the buyer, counted with what goes.
      const owed = isOpen(f) && f.kind !== 'vip-revisit';
      if (owed) out.open++;
      else out.done++;
      if (!owed || open === 'delete') {
        out.del.push(f.id);
        continue;
      }
      const kept = anonymised(f, now, out.put.length, known);
      if (kept.id !== f.id) out.del.push(f.id);
      out.put.push(kept);
      continue;
    }
    const next = f.buyer && known.set.has(f.buyer) ? (mask ? edited(f, maskPii) : f) : edited(f, other);
    if (next !== f) out.put.push(next);
  }
  return out;
}

/** A follow-up store's records (a backup's: key and stored value) with forgetFollowups applied; the same array when nothing changes. */
export function forgetInEntries(entries: [string, unknown][], who: Forget, open: OpenItems, now: number, opts: ForgetOptions = {}): [string, unknown][] {
  const items = entries.flatMap(([, raw]) => {
    try {
      return [migrateFollowup(raw, now)];
    } catch {
      return [];
    }
  });
  const { del, put } = forgetFollowups(items, who, open, now, opts);
  if (!del.length && !put.length) return entries;
  const gone = new Set([...del, ...put.map((f) => f.id)]);
  return [...entries.filter(([k]) => !gone.has(k)), ...put.map((f): [string, unknown] => [f.id, f])];
}

/** Learned picks (id and text) whose text still holds a deleted buyer's name (case aside: picks are stored lowercased). */
export function picksNaming(picks: readonly { id: string; text: string }[], who: Forget): string[] {
  const known = namesOf(who, [], true);
  return known.set.size ? picks.filter((p) => namesIn(p.text.toLowerCase(), known).length > 0).map((p) => p.id) : [];
}

/** A remark override as far as forgetting goes (lib/storage/rules.ts RemarkOverride). */
interface OverrideLike {
  platform: string;
  buyer: string;
  text: string;
  reason: string;
  problems: { code: string; message: string }[];
}

/**
 * The override log without the buyers: their entries keep the order, the flag, the agent, the time
 * and the rule broken, without the remark text, with the reason and the problems masked and unnamed.
 * `changed`: how many entries were theirs.
 */
export function forgetOverrides<T extends OverrideLike>(items: readonly T[], who: Forget): { items: T[]; changed: number } {
  let changed = 0;
  const mine = overrideOf(who);
  const known = namesOf(who, items.map((o) => o.buyer));
  const out = items.map((o) => {
    if (!mine(o)) return o;
    changed++;
    const clean = scrub(plusName(known, o.buyer));
    // The remark quoted the buyer's recipient and address (maskPii keeps a name without a label, and
    // any address): it goes; the order, flag, rule broken, agent and time stay.
    return { ...o, buyer: '', text: '', reason: clean(o.reason), problems: o.problems.map((p) => ({ ...p, message: clean(p.message) })) };
  });
  return { items: out, changed };
}

/** Is the override log entry about one of these buyers (everyone: does it name a buyer)? */
const overrideOf =
  (who: Forget) =>
  (o: Pick<OverrideLike, 'platform' | 'buyer'>): boolean =>
    !!o.buyer && ('all' in who || who.buyers.some((b) => b.platform === o.platform && normaliseNickname(b.nickname) === normaliseNickname(o.buyer)));

/**
 * What the shop keeps about the buyers beside their records, for their export (a buyer's request
 * to see their data): the very items deleting them takes or anonymises — their follow-ups (done,
 * open, the VIP revisit), the override log's entries of their orders, the learned picks naming them,
 * the 催付 reminders kept for their orders not listed yet (`reminders`, forgetReminded).
 */
export function keptAbout<
  C,
  F extends Followup,
  O extends Pick<OverrideLike, 'platform' | 'buyer'>,
  P extends { id: string; text: string },
  R extends { platform?: string; buyer: string; buyerId?: string } = never,
>(
  who: Forget,
  customer: C | undefined | null,
  followups: readonly F[],
  overrides: readonly O[],
  picks: readonly P[],
  reminders: readonly R[] = [],
): { customer: C | null; followups: F[]; overrides: O[]; picks: P[]; reminders: R[] } {
  const named = new Set(picksNaming(picks, who));
  const left = new Set(forgetPending(reminders, who));
  return {
    customer: customer ?? null,
    followups: followups.filter((f) => isBuyersItem(f, who)),
    overrides: overrides.filter(overrideOf(who)),
    picks: picks.filter((p) => named.has(p.id)),
    reminders: reminders.filter((r) => !left.has(r)),
  };
}

/** Chat suggestions waiting for a buyer's chat (lib/storage/followups.ts), without the deleted buyers'. */
export function forgetPending<T extends { platform?: string; buyer: string; buyerId?: string }>(list: readonly T[], who: Forget): T[] {
  if ('all' in who) return [];
  return list.filter((p) => !who.buyers.some((b) => (!p.platform || p.platform === b.platform) && sameBuyer(p, { buyer: b.nickname, buyerId: b.buyerId ?? null })));
}

/**
 * The 催付 reminders kept for the buyers' orders not on the follow-up list yet (`{ v, list }` in meta,
 * lib/domain/followups/reminded.ts), without the deleted buyers' (everyone deleted: none). The record
 * itself when nothing changes; anything not shaped so is left as it is.
 */
export function remindedWithout(raw: unknown, who: Forget): unknown {
  const list = (raw as { list?: unknown } | null | undefined)?.list;
  if (!Array.isArray(list)) return raw;
  const left = forgetPending(list as { platform?: string; buyer: string; buyerId?: string }[], who);
  return left.length === list.length ? raw : { ...(raw as object), list: left };
}

/** That edit of the reminders' record, given to the caller's `editMeta` (lib/storage/forget-buyers.ts: live and in every backup). */
export const forgetReminded = <T>(editMeta: (key: string, edit: (raw: unknown) => unknown) => T, who: Forget): T => editMeta(REMINDED_FACTS_KEY, (raw) => remindedWithout(raw, who));

/** Unsaved text the card and the chat panel keep for a reload (storage.session): a deleted buyer's goes too. */
export interface DraftsForgotten {
  remove: string[];
  /** Records kept with the deleted buyers' entries taken out. */
  set: Record<string, unknown>;
}

const NOTE_DRAFT = /^kf:note-draft(?:@\d+)?:([\s\S]*)$/;
const PROMISE_DRAFTS = 'kf:promise@';

/**
 * The session area's drafts of the deleted buyers: the card's quick notes (`kf:note-draft:<console><#id|:name>`,
 * the latest any tab typed, and `kf:note-draft@<tab>:…`, each tab's: lib/panel/note-drafts.ts,
 * tab-note-drafts.ts) and the tabs' 承诺答复 drafts (`kf:promise@<tab>`, lib/messaging/handlers/followups.ts),
 * by the buyer they name. A card keyed by the name is the buyer's unless that name is masked and
 * the buyer has an id (two buyers may then share it). With everyone deleted, every draft.
 */
export function forgetDrafts(kept: Readonly<Record<string, unknown>>, who: Forget): DraftsForgotten {
  const all = 'all' in who;
  const cards = new Set(
    all ? [] : who.buyers.flatMap((b) => [...(b.buyerId ? [`${b.platform}#${b.buyerId}`] : []), ...(!b.buyerId || !isMaskedNickname(b.nickname) ? [`${b.platform}:${b.nickname}`] : [])]),
  );
  const theirs = (json: string): boolean => {
    if (all) return true;
    try {
      const d = JSON.parse(json) as { buyer?: unknown; buyerId?: unknown };
      return who.buyers.some((b) => (d.buyerId ? d.buyerId === b.buyerId : typeof d.buyer === 'string' && normaliseNickname(d.buyer) === normaliseNickname(b.nickname)));
    } catch {
      return false;
    }
  };
  const out: DraftsForgotten = { remove: [], set: {} };
  for (const [k, v] of Object.entries(kept)) {
    const card = NOTE_DRAFT.exec(k);
    if (card) {
      if (all || cards.has(card[1]!)) out.remove.push(k);
    } else if (k.startsWith(PROMISE_DRAFTS) && v && typeof v === 'object') {
      const r = v as { o: unknown; d?: Record<string, unknown> };
      const d = Object.entries(r.d ?? {});
      const left = d.filter(([, json]) => !(typeof json === 'string' && theirs(json)));
      if (!left.length) out.remove.push(k);
      else if (left.length < d.length) out.set[k] = { ...r, d: Object.fromEntries(left) };
    }
  }
  return out;
}

/** A snapshot's `[key, record]` list with `key`'s record edited; the same list when that changes nothing (or there is none). */
export function entryEdited(entries: [string, unknown][], key: string, edit: (raw: unknown) => unknown): [string, unknown][] {
  const at = entries.findIndex(([k]) => k === key);
  const next = at < 0 ? undefined : edit(entries[at]![1]);
  if (at < 0 || JSON.stringify(next) === JSON.stringify(entries[at]![1])) return entries;
  return entries.map((e, i): [string, unknown] => (i === at ? [key, next] : e));
}

/**
 * The reply clock's log (meta `replyClock`, lib/domain/clock: per day and platform, the hashes of the
 * conversations answered and their first response) with the deleted buyers' hashes left blank: the
 * day's figures keep their first responses, but no hash of their console id or nickname is left to
 * tell, given the id, that they were served that day (`conversationHash`, lib/domain/clock/wait.ts). Everyone (全部删除): every hash. Anything not shaped as a log is left as it is.
 */
export function forgetClock(raw: unknown, who: Forget): unknown {
  const log = raw as { days?: Record<string, Record<string, { conversations?: unknown }>> } | null;
  if (!log || typeof log !== 'object' || !log.days || typeof log.days !== 'object') return raw;
  const theirs = 'all' in who ? null : new Set(who.buyers.flatMap((b) => [b.buyerId, b.nickname, normaliseNickname(b.nickname)].flatMap((k) => (k ? [conversationHash(b.platform, k)] : []))));
  const days: Record<string, Record<string, unknown>> = {};
  for (const [day, platforms] of Object.entries(log.days)) {
    days[day] = {};
    for (const [platform, p] of Object.entries(platforms ?? {})) {
      days[day]![platform] = Array.isArray(p?.conversations) ? { ...p, conversations: p.conversations.map((c) => (!theirs || theirs.has(c as string) ? '' : c)) } : p;
    }
  }
  return { ...log, days };
}
