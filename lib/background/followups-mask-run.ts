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
  return changedOrNull(f, maskFollowup(f));
}

/** `masked` when it differs from `was`, else null. */
export function changedOrNull<T>(was: T, masked: T): T | null {
  return JSON.stringify(masked) === JSON.stringify(was) ? null : masked;
}

/**
 * A snapshot's records (`[key, stored record]`, any stored version) with every record that holds
 * something to mask stored masked, in the current shape (`read`, then `mask`: null when nothing
 * changes); the rest, and a record that cannot be read, as they are. The same list when nothing
 * changes. Pure and idempotent. Used for buyers (remask-run.ts) and follow-ups.
 */
export function maskedEntries<T>(entries: [string, unknown][], read: (raw: unknown) => T, mask: (r: T) => T | null): [string, unknown][] {
  let changed = false;
  const out = entries.map(([key, raw]): [string, unknown] => {
    let r: T;
    try {
      r = read(raw);
    } catch {
      return [key, raw];
    }
    const m = mask(r);
    if (!m) return [key, raw];
    changed = true;
    return [key, m];
  });
  return changed ? out : entries;
}

/** A snapshot's follow-ups masked (maskedEntries). */
export function maskedFollowupEntries(entries: [string, unknown][], now: number): [string, unknown][] {
  return maskedEntries(entries, (raw) => readFollowup(raw, now, followupV0toV1), maskedFollowup);
}
