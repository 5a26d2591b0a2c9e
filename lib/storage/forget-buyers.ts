/**
 * Deleting a buyer (or all of them) leaves nothing of them behind: besides their record and name
 * claims (customers.ts), their follow-ups, learned picks still holding their name, the remark
 * override log's mention of them, a chat suggestion waiting for them, a 催付 reminder kept for their orders
 * not listed yet (followups/reminded.ts), the reply clock's hash of their
 * conversation, the day's notification log's ids of their items and the unsaved drafts typed
 * for them (storage.session: the card's notes, the 承诺答复 form; the notes' copy on disk, note-left.ts) are dealt with here, in
 * the live stores and in every local backup, by the pure rules of lib/domain/customers/forget.ts
 * (what is deleted, what is kept anonymous). The same run, with `dryRun`, counts what it would do
 * for the confirmation.
 *
 * It runs in the worker (lib/messaging/handlers/forget-buyers.ts: 客户档案 → 删除, 全部删除, the
 * retention purge) and in the team page, when a deletion a colleague made reaches this machine
 * (lib/team/storage-bridge.ts) — each with its own way to forget picks and to tell open pages.
 */
import { db } from './db';
import { editSnapshots } from './backup';
import { NOTIFIED_KEY, PENDING_KEY, editedPending, loadFollowups, notifiedWithout, transact } from './followups';
import { OVERRIDES_KEY, editedOverrides, listRemarkOverrides } from './rules';
import { loadPicks } from './learned';
import { CLOCK_KEY } from './guard';
import { workerExtras } from '../background/extras';
import { syncNoteLeft } from './note-left';
import type { Followup } from '../domain/followups';
import type { Forget, ForgetCounts, ForgetOptions, FollowupsForgotten, OpenItems } from '../domain/customers/forget';

/** Where the forgetting runs: how it forgets learned picks (live and in the backups) and tells open pages what changed. */
export interface ForgetHere {
  forgetPicks(ids: readonly string[]): Promise<void>;
  announce(area: 'followups' | 'learned' | 'rules' | 'backups'): Promise<void>;
}

/** A record of the meta store edited live (if it is there) and in every snapshot; whether a snapshot changed. */
async function editMeta(key: string, edit: (raw: unknown) => unknown): Promise<boolean> {
  if ((await db.get('meta', key)) !== undefined) await db.update<unknown>('meta', key, edit);
  return editSnapshots('meta', (entries) => workerExtras().customers.entryEdited(entries, key, edit));
}

/**
 * `mask` (forgetFollowups): every follow-up passed over is masked too. With nobody to forget (a
 * retention purge that found no one), only the live follow-ups are masked: the backups, the picks
 * and the override log hold no one to forget, and the next daily snapshot carries the masked list.
 * `fromTeam`: the team deleted the buyers on another machine. The live follow-ups are the team's:
 * its own deletion records delete the buyer's items on every machine, and may arrive after the
 * buyer's (they are in another database), so they are left to it; the rest is this machine's own.
 */
export async function forgetBuyers(here: ForgetHere, who: Forget, open: OpenItems, now: number, opts: ForgetOptions & { dryRun?: boolean; fromTeam?: boolean } = {}): Promise<ForgetCounts> {
  const { dryRun, fromTeam, ...forget } = opts;
  const x = workerExtras().customers;
  const plan = (items: readonly Followup[]) => x.forgetFollowups(items, who, open, now, forget);
  const picks = x.picksNaming(await loadPicks(), who);
  const overrides = x.forgetOverrides(await listRemarkOverrides(), who).changed;
  const counted = (f: FollowupsForgotten): ForgetCounts => ({ open: f.open, done: f.done, learned: picks.length, overrides });
  if (dryRun) return counted(plan(await loadFollowups(now)));
  // Their unsaved drafts too: a reload would show one again, and one Enter would save it again.
  await x.forgetSessionDrafts(who);
  // And the card's notes kept on disk for an update (note-left.ts), which follow the session area.
  await syncNoteLeft();
  const f = fromTeam
    ? plan([])
    : await transact(now, (items) => {
        const r = plan(items);
        return { del: r.del, put: r.put, teamToo: !forget.local, value: r };
      });
  if (f.del.length || f.put.length) await here.announce('followups');
  if ('buyers' in who && !who.buyers.length) return counted(f);
  // The items that went (live, or from a backup): the day's notification log names them by id, and
  // an unpaid item's id is its order number. An item kept anonymous keeps its id, and its entry, so
  // it is not announced twice. From the team, the live items are the team's to delete: theirs here.
  const gone = new Set(fromTeam ? plan(await loadFollowups(now)).del : f.del);
  // Every snapshot is edited (not short-circuited): each may hold the buyer.
  const backups = [
    await editSnapshots('followups', (entries) => {
      const out = x.forgetInEntries(entries, who, open, now, forget);
      if (out !== entries) {
        const kept = new Set(out.map(([k]) => k));
        for (const [k] of entries) if (!kept.has(k)) gone.add(k);
      }
      return out;
    }),
    await editMeta(OVERRIDES_KEY, (raw) => editedOverrides(raw, (items) => x.forgetOverrides(items, who).items)),
    await editMeta(PENDING_KEY, (raw) => editedPending(raw, (list) => x.forgetPending(list, who), now)),
    await x.forgetReminded(editMeta, who),
    await editMeta(CLOCK_KEY, (raw) => x.forgetClock(raw, who)),
    gone.size > 0 && (await editMeta(NOTIFIED_KEY, (raw) => notifiedWithout(raw, gone))),
  ];
  await here.forgetPicks(picks);
  if (picks.length) await here.announce('learned');
  if (overrides) await here.announce('rules');
  if (backups.includes(true)) await here.announce('backups');
  return counted(f);
}
