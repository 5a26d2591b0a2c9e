/**
 * A payment reminder (催付) sent from the chat acts on the buyer's 拍下未付 items (domain.md: remind
 * once, in the afternoon before the cut-off). Inserting a reply whose first situation is 付款 into a
 * buyer's chat marks that buyer's open and snoozed unpaid items reminded: done, with the close reason
 * 已催付 and a line `催过 <shop time>` in their note log. The agent reminded the buyer: the item no longer
 * says to remind (which made her remind twice, or go and tick it by hand). An order the buyer then
 * pays is closed by the order list as before; a done reminder is sticky (the rules never reopen it),
 * so the buyer is not reminded again for that order.
 * A 催付 reply copied (the panel's 复制, a chat box not found) counts too, said as copied; so does one
 * copied or inserted from the browser's side panel library, which tells the tab it serves: the tab's
 * follow-ups script marks the buyer its chat shows at that moment (components/panel/FollowupActions.tsx
 * `remindedFromSide`), never a buyer the side panel last saw by nickname.
 *
 * Whose items: the buyer card's (`sameBuyer` on the page's console: the console's id decides where
 * both sides have one, so a namesake behind one masked nickname keeps theirs). Pure; the worker runs
 * it in one transaction (lib/background/reminded-run.ts). Undo (the panel's 撤销) takes back exactly the
 * mark made at `at`: the status it had (a snooze still to come is a snooze again), the note line
 * gone (and kept in `noteUndone`, so a team merge with a copy from before the undo leaves it out); stored as a reopen by the agent now (`reopenedAt`), so in team mode it is a decision later
 * than the close it takes back (lib/team/docs.ts mergeFollowup), as 重新打开 is.
 *
 * Reminded before the list asked (2026-12-07). The agent often reminds a buyer who wrote minutes after
 * ordering, before the order is `unpaidAfterMinutes` old: there is no item to mark yet, and the list made
 * one at minute 30 that asked her to remind the buyer again. So the reminder is also kept as a fact —
 * who (platform, name, console id), when and whether it was copied, nothing else — in the worker's `meta` store
 * (`REMINDED_FACTS_KEY`: it survives a worker restart; read and written in worker-extras.js with the
 * worker's `db` lent, so background.js carries none of it), for
 * `REMINDED_TTL_MS`; an unpaid item the order list makes afterwards for an order that buyer placed
 * before the reminder comes out done, as if it had been there (`remindedBefore`: same close, same
 * `催过` line of the reminder's time, so the same undo gives it back). An order the page shows no
 * creation time for (JD's list) cannot be placed before or after it, and stays open: a second reminder
 * is a lesser harm than an order never reminded. The fact is the buyer's data: deleting them drops it
 * (lib/storage/forget-buyers.ts, live and in the backups), their export shows it (keptAbout), 全部删除
 * clears it; the undo removes it. 导出全部数据 holds those still counting (since 2026-12-07: a user
 * exporting everything gets every piece of buyer data kept; before, the file left it out), and its
 * import puts back those still inside their 24 h (`importedReminders`). Not shared in team mode (each
 * machine keeps its own).
 */
import type { Platform } from '../../sites/types';
import { formatWall, type Zone } from '../time';
import { NotesFull, UNDONE_MAX, joinNote } from './notes';
import { followupsFromOrders, resolveSettings, sameBuyer } from './rules';
import { zh } from './text';
import type { Followup, FollowupSettings, OrderInput, RuleResult } from './types';

export { isPaymentReminder } from './payment-reply';

export interface RemindWho {
  buyer: string;
  buyerId?: string | null;
  platform: Platform;
}

const REMINDED_KEY = 'followups.closed.reminded';
/** The close of a reminder copied (not inserted): the agent pastes and sends it by hand, or may not have. */
const COPIED_KEY = 'followups.closed.remindedCopied';

/**
 * The note line a reminder leaves: when, in shop time; `copied`, said so (催过（已复制）): a lead reading
 * the list later tells a reminder that went into the chat box from one copied that may not have been sent.
 */
export const remindedLine = (at: number, zone: Zone, copied = false): string => `${copied ? '催过（已复制）' : '催过'} ${formatWall(at, zone)}`;

const isBuyers = (f: Followup, who: RemindWho): boolean =>
  f.kind === 'unpaid' && (!f.platform || f.platform === who.platform) && sameBuyer(f, { buyer: who.buyer, buyerId: who.buyerId ?? null });

/** One item marked reminded at `at` (see markReminded); `copied`: by a copy, said in its line and close. */
function marked(f: Followup, at: number, zone: Zone, copied = false): Followup {
  let note = f.note;
  try {
    note = joinNote(f.note, remindedLine(at, zone, copied));
  } catch (err) {
    if (!(err instanceof NotesFull)) throw err;
  }
  const out: Followup = { ...f, status: 'done', closedAt: at, closedReason: zh(copied ? COPIED_KEY : REMINDED_KEY) };
  if (note) out.note = note;
  if (f.status !== 'snoozed') delete out.snoozedUntil;
  return out;
}

/**
 * The buyer's unpaid items not yet done, marked reminded at `now`. A snooze is kept on the done item
 * (for the undo only: a done item is never listed by it). A note log already full takes no line: the
 * close still says 已催付 and when (closedAt). `copied`: the reply was copied, not inserted — the line
 * says 催过（已复制） and the close 已催付（已复制） (Reminded to pay (reply copied)); undone the same way.
 */
export function markReminded(items: readonly Followup[], who: RemindWho, now: number, zone: Zone, copied = false): Followup[] {
  return items.filter((f) => f.status !== 'done' && isBuyers(f, who)).map((f) => marked(f, now, zone, copied));
}

/** The buyer's items the reminder at `at` marked, as they were before it (see the module comment). */
export function undoReminded(items: readonly Followup[], who: RemindWho, at: number, now: number, zone: Zone): Followup[] {
  // Inserted or copied, the mark made at `at` is taken back alike (its line either way).
  const lines = [remindedLine(at, zone), remindedLine(at, zone, true)];
  const closes = [zh(REMINDED_KEY), zh(COPIED_KEY)];
  return items
    .filter((f) => f.status === 'done' && f.closedAt === at && closes.includes(f.closedReason ?? '') && isBuyers(f, who))
    .map((f) => {
      const snoozed = f.snoozedUntil !== undefined && f.snoozedUntil > now;
      const out: Followup = { ...f, status: snoozed ? 'snoozed' : 'open', reopenedAt: now };
      delete out.closedAt;
      delete out.closedReason;
      if (!snoozed) delete out.snoozedUntil;
      const note = f.note?.split('\n') ?? [];
      const line = note.at(-1);
      if (line !== undefined && lines.includes(line)) {
        note.pop();
        // Remembered as taken back: a colleague's copy from before the undo still has the line (team merge).
        out.noteUndone = [...(f.noteUndone ?? []), line].slice(-UNDONE_MAX);
      }
      if (note.length) out.note = note.join('\n');
      else delete out.note;
      return out;
    });
}

// ---- the reminder kept for orders not on the list yet (see the module comment) ----------------

/** The `meta` record holding them (`RemindedFacts`). */
export const REMINDED_FACTS_KEY = 'followups:reminded';
/** The worker's store, lent (lib/storage/db.ts `db`). */
export interface MetaDb {
  get(name: 'meta', key: string): Promise<unknown>;
  update(name: 'meta', key: string, fn: (old: unknown) => unknown): Promise<unknown>;
}

/**
 * How long a reminder counts for orders placed before it that reach the list later: a night's
 * reminder still counts at the next morning's first read of the list; last week's counts for nothing.
 */
export const REMINDED_TTL_MS = 24 * 60 * 60 * 1000;
/** At most this many kept (the oldest go first): a busy day's reminders, a few dozen bytes each. */
export const REMINDED_MAX = 300;

/** A reminder inserted into a buyer's chat (or `copied` there): whom, when. Nothing else is kept. */
export interface RemindedFact {
  platform: Platform;
  buyer: string;
  buyerId?: string;
  at: number;
  /** The reply was copied, not inserted: the items it marks later say so too. */
  copied?: true;
}

export interface RemindedFacts {
  v: 1;
  list: RemindedFact[];
}

/** The stored reminders still counting at `now` (anything else stored there, or expired, is left out). */
export function remindedFacts(raw: unknown, now: number): RemindedFact[] {
  const list = (raw as Partial<RemindedFacts> | undefined)?.list;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (x): x is RemindedFact =>
      !!x && typeof x.at === 'number' && x.at > now - REMINDED_TTL_MS && x.at <= now + 60_000 && typeof x.buyer === 'string' && typeof x.platform === 'string',
  );
}

const factOf = (who: RemindWho, at: number, copied = false): RemindedFact => ({ platform: who.platform, buyer: who.buyer, ...(who.buyerId ? { buyerId: who.buyerId } : {}), at, ...(copied ? { copied } : {}) });
const isWhose = (x: RemindedFact, who: RemindWho): boolean => x.platform === who.platform && sameBuyer(x, { buyer: who.buyer, buyerId: who.buyerId ?? null });

/** The record with the reminder made at `at` (by a copy: `copied`) added (and the expired ones gone). */
export function withReminder(raw: unknown, who: RemindWho, at: number, copied = false): RemindedFacts {
  return { v: 1, list: [...remindedFacts(raw, at), factOf(who, at, copied)].slice(-REMINDED_MAX) };
}

/** One reminder, whoever stored it: the same buyer reminded at the same moment is one entry. */
export const reminderKey = (x: RemindedFact): string => JSON.stringify([x.platform, x.buyer, x.buyerId ?? '', x.at]);

/**
 * The record after an import of 导出全部数据's `file` reminders (lib/domain/all-data.ts): those still
 * counting at `now`, joined with those kept here (`merge`; replacing, the file's alone), each once,
 * oldest first, the newest REMINDED_MAX kept. An expired one counts for nothing and is dropped.
 */
export function importedReminders(raw: unknown, file: readonly RemindedFact[], now: number, merge: boolean): RemindedFacts {
  const seen = new Set<string>();
  const list = [...(merge ? remindedFacts(raw, now) : []), ...remindedFacts({ list: file }, now)].filter((x) => {
    const k = reminderKey(x);
    return !seen.has(k) && !!seen.add(k);
  });
  return { v: 1, list: list.sort((a, b) => a.at - b.at).slice(-REMINDED_MAX) };
}

/** The record without the buyer's reminder made at `at` (the undo). */
export function withoutReminder(raw: unknown, who: RemindWho, at: number, now: number): RemindedFacts {
  return { v: 1, list: remindedFacts(raw, now).filter((x) => !(x.at === at && isWhose(x, who))) };
}

/**
 * A rule's new unpaid items (none of `existing`) whose buyer was reminded after placing the order:
 * done, closed at that reminder (the earliest still counting), with its `催过` line. An item already on
 * the list is never touched: it was marked when the reminder was inserted, or the agent reopened it.
 */
export function remindedBefore(upserts: readonly Followup[], existing: readonly Followup[], orders: readonly OrderInput[], facts: readonly RemindedFact[], zone: Zone): Followup[] {
  if (!facts.length) return [...upserts];
  const had = new Set(existing.map((f) => f.id));
  const placed = new Map(orders.map((o) => [o.orderId, o.createdAt]));
  return upserts.map((f) => {
    const at = placed.get(f.orderId ?? '');
    if (f.kind !== 'unpaid' || f.status === 'done' || had.has(f.id) || at === undefined) return f;
    const by = facts.filter((x) => x.at >= at && (!f.platform || f.platform === x.platform) && sameBuyer(x, { buyer: f.buyer ?? '', buyerId: f.buyerId ?? null }));
    if (!by.length) return f;
    const first = by.reduce((a, b) => (b.at < a.at ? b : a));
    return marked(f, first.at, zone, first.copied === true);
  });
}

/**
 * The order list's rule (followupsFromOrders) over the rows a page of `platform` at `url` reported,
 * with the reminders kept applied to its new unpaid items: the record is read first from the lent
 * `db` (the rule itself runs inside the follow-ups' transaction).
 */
export async function ordersRule(
  rows: readonly Omit<OrderInput, 'platform' | 'url'>[],
  platform: Platform,
  url: string | undefined,
  settings: Partial<FollowupSettings>,
  now: number,
  db: MetaDb,
): Promise<(existing: readonly Followup[]) => RuleResult> {
  const orders: OrderInput[] = rows.map((o) => ({ ...o, platform, ...(url ? { url } : {}) }));
  const kept = remindedFacts(await db.get('meta', REMINDED_FACTS_KEY), now);
  return (existing) => {
    const out = followupsFromOrders(orders, existing, settings, now);
    return kept.length ? { ...out, upserts: remindedBefore(out.upserts, existing, orders, kept, resolveSettings(settings).utcOffsetMinutes) } : out;
  };
}

