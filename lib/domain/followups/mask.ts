/**
 * A follow-up that reaches this machine as a record — a colleague's version pulled in team mode, a
 * 导入全部数据 file — stored as this machine would have saved it: its typed texts through the buyer
 * notes' maskPii (while the shop's masking setting is on: the callers ask). A colleague or a file
 * from an older version may hold a phone number or an e-mail in clear; the popup, the backups and
 * the handover CSV here never hold what this machine would not have stored itself.
 */
import { maskPii } from '../customers/privacy';
import type { Followup } from './types';

const TEXTS = ['title', 'reason', 'note', 'closedReason'] as const;

export function maskFollowup(f: Followup): Followup {
  const m = { ...f };
  for (const k of TEXTS) if (typeof m[k] === 'string') m[k] = maskPii(m[k]);
  // A to-do's or handover's buyer was typed (lib/messaging/handlers/followups.ts masks it when made here).
  if ((m.kind === 'manual' || m.kind === 'handover') && typeof m.buyer === 'string') m.buyer = maskPii(m.buyer);
  return m;
}
