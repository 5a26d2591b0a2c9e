/**
 * Follow-ups stored before their typed words were masked, masked as new ones are (maskFollowup, the
 * step a colleague's or an imported item goes through): the pure steps of the once-after-an-update
 * run (remask-run.ts), live and in every backup, since a restore would bring them back.
 * What it is about: a phone typed as a popup to-do's or handover's 买家 has been masked when stored
 * only since 2026-12-06; items saved before kept 13812345678 in clear, in the popup, the backups and
 * the handover CSV. A page's buyer (an inquiry's, an order's) is the console's nickname, the key the
 * buyer's items are found by, and stays as the page shows it even when it looks like a phone
 * (maskFollowup masks `buyer` on manual and handover items only). Typed titles, notes and close
 * reasons from before they were masked go the same way.
 */
import { maskFollowup } from '../domain/followups/mask';
import { followupV0toV1, readFollowup } from '../domain/followups/migrate';
import type { Followup } from '../domain/followups/types';

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
