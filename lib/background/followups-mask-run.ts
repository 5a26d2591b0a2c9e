/**
 * Once, at an update (entrypoints/background.ts), while the shop masks: follow-ups stored before
 * their typed words were masked are masked as new ones are (maskFollowup, the step a colleague's or
 * an imported item goes through) — live and in every backup, since a restore would bring them back.
 * What it is about: a phone typed as a popup to-do's or handover's 买家 has been masked when stored
 * only since 2026-12-06; items saved before kept 13812345678 in clear, in the popup, the backups and
 * the handover CSV. A page's buyer (an inquiry's, an order's) is the console's nickname, the key the
 * buyer's items are found by, and stays as the page shows it even when it looks like a phone
 * (maskFollowup masks `buyer` on manual and handover items only). Typed titles, notes and close
 * reasons from before they were masked go the same way.
 *
 * With masking off nothing changes and the next update looks again. The live items changed are
 * queued for the team like any edit (lib/storage/followups.ts `transact`), so the shop's copy is
 * masked too. Run from worker-extras.js (rare; background.js has a size budget), lent the 全部数据
 * verbs' `io`.
 */
import type { AllDataIO } from './all-data-run';
import { editSnapshots } from './backups-run';
import { maskFollowup } from '../domain/followups/mask';
import { followupV0toV1, readFollowup } from '../domain/followups/migrate';
import type { Followup } from '../domain/followups/types';

/** In `meta`: the follow-ups stored before their typed words were masked have been masked. */
export const FOLLOWUPS_MASKED_KEY = 'followups:masked';

/** `f` masked, or null when masking changes nothing (already masked, or nothing typed to mask). */
export function maskedFollowup(f: Followup): Followup | null {
  const m = maskFollowup(f);
  return JSON.stringify(m) === JSON.stringify(f) ? null : m;
}

/**
 * A snapshot's follow-ups (`[id, stored record]`, any stored version) with every item that holds
 * something to mask stored masked, in the current shape; the rest, and a record that cannot be read,
 * as they are. The same list when nothing changes. Pure and idempotent.
 */
export function maskedFollowupEntries(entries: [string, unknown][], now: number): [string, unknown][] {
  let changed = false;
  const out = entries.map(([key, raw]): [string, unknown] => {
    let f: Followup;
    try {
      f = readFollowup(raw, now, followupV0toV1);
    } catch {
      return [key, raw];
    }
    const m = maskedFollowup(f);
    if (!m) return [key, raw];
    changed = true;
    return [key, m];
  });
  return changed ? out : entries;
}

/** True when it ran (the follow-ups and the backups may have changed; open pages are told). */
export async function maskOldFollowups(
  io: Pick<AllDataIO, 'db' | 'loadSettings' | 'restoreIO' | 'announceChange' | 'transact'>,
  now = Date.now(),
): Promise<boolean> {
  const { db } = io;
  if (!(await io.loadSettings()).privacy.maskPii || (await db.get('meta', FOLLOWUPS_MASKED_KEY))) return false;
  const live = await io.transact(now, (items) => {
    const put = items.flatMap((f) => maskedFollowup(f) ?? []);
    return { put, value: put.length };
  });
  const backups = await editSnapshots(io.restoreIO, 'followups', (entries) => maskedFollowupEntries(entries, now));
  await db.set('meta', FOLLOWUPS_MASKED_KEY, 1);
  if (live) await io.announceChange('followups');
  if (backups) await io.announceChange('backups');
  return true;
}
