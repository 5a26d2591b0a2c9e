/**
 * A payment reminder (催付) sent from the chat acts on the buyer's 拍下未付 items (domain.md: remind
 * once, in the afternoon before the cut-off). Inserting a reply whose first situation is 付款 into a
 * buyer's chat marks that buyer's open and snoozed unpaid items reminded: done, with the close reason
 * 已催付 and a line `催过 <shop time>` in their note log. The agent reminded the buyer: the item no longer
 * says to remind (which made her remind twice, or go and tick it by hand). An order the buyer then
 * pays is closed by the order list as before; a done reminder is sticky (the rules never reopen it),
 * so the buyer is not reminded again for that order.
 *
 * Whose items: the buyer card's (`sameBuyer` on the page's console: the console's id decides where
 * both sides have one, so a namesake behind one masked nickname keeps theirs). Pure; the worker runs
 * it in one transaction (lib/background/reminded-run.ts). Undo (the panel's 撤销) takes back exactly the
 * mark made at `at`: the status it had (a snooze still to come is a snooze again), the note line
 * gone (and kept in `noteUndone`, so a team merge with a copy from before the undo leaves it out); stored as a reopen by the agent now (`reopenedAt`), so in team mode it is a decision later
 * than the close it takes back (lib/team/docs.ts mergeFollowup), as 重新打开 is.
 */
import type { Platform } from '../../sites/types';
import { formatWall, type Zone } from '../time';
import { NotesFull, UNDONE_MAX, joinNote } from './notes';
import { sameBuyer } from './rules';
import { zh } from './text';
import type { Followup } from './types';

export { isPaymentReminder } from './payment-reply';

export interface RemindWho {
  buyer: string;
  buyerId?: string | null;
  platform: Platform;
}

const REMINDED_KEY = 'followups.closed.reminded';

/** The note line a reminder leaves: when, in shop time. */
export const remindedLine = (at: number, zone: Zone): string => `催过 ${formatWall(at, zone)}`;

const isBuyers = (f: Followup, who: RemindWho): boolean =>
  f.kind === 'unpaid' && (!f.platform || f.platform === who.platform) && sameBuyer(f, { buyer: who.buyer, buyerId: who.buyerId ?? null });

/**
 * The buyer's unpaid items not yet done, marked reminded at `now`. A snooze is kept on the done item
 * (for the undo only: a done item is never listed by it). A note log already full takes no line: the
 * close still says 已催付 and when (closedAt).
 */
export function markReminded(items: readonly Followup[], who: RemindWho, now: number, zone: Zone): Followup[] {
  return items
    .filter((f) => f.status !== 'done' && isBuyers(f, who))
    .map((f) => {
      let note = f.note;
      try {
        note = joinNote(f.note, remindedLine(now, zone));
      } catch (err) {
        if (!(err instanceof NotesFull)) throw err;
      }
      const out: Followup = { ...f, status: 'done', closedAt: now, closedReason: zh(REMINDED_KEY) };
      if (note) out.note = note;
      if (f.status !== 'snoozed') delete out.snoozedUntil;
      return out;
    });
}

/** The buyer's items the reminder at `at` marked, as they were before it (see the module comment). */
export function undoReminded(items: readonly Followup[], who: RemindWho, at: number, now: number, zone: Zone): Followup[] {
  const line = remindedLine(at, zone);
  return items
    .filter((f) => f.status === 'done' && f.closedAt === at && f.closedReason === zh(REMINDED_KEY) && isBuyers(f, who))
    .map((f) => {
      const snoozed = f.snoozedUntil !== undefined && f.snoozedUntil > now;
      const out: Followup = { ...f, status: snoozed ? 'snoozed' : 'open', reopenedAt: now };
      delete out.closedAt;
      delete out.closedReason;
      if (!snoozed) delete out.snoozedUntil;
      const lines = f.note?.split('\n') ?? [];
      if (lines.at(-1) === line) {
        lines.pop();
        // Remembered as taken back: a colleague's copy from before the undo still has the line (team merge).
        out.noteUndone = [...(f.noteUndone ?? []), line].slice(-UNDONE_MAX);
      }
      if (lines.length) out.note = lines.join('\n');
      else delete out.note;
      return out;
    });
}
