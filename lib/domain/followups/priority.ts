/**
 * Which kind of follow-up the agent must act on first. The popup lists each section's kinds in this
 * order, and within a kind the items by due time: a group's age says nothing about urgency (a
 * months-old VIP revisit is less pressing than an unpaid order 20 minutes late, whose reminder has to
 * go out before today's cut-off). Reasons per kind are in README.md (Priority).
 */
import type { FollowupKind } from './types';

export const FOLLOWUP_PRIORITY: readonly FollowupKind[] = [
  // Money and promises to the buyer, with a deadline the agent cannot move.
  'unpaid',
  'promised-answer',
  'call-back',
  'refund-to-pay',
  'postage-refund',
  'delay',
  'bad-review',
  // Work handed over or registered for today.
  'handover',
  'inquiry',
  'manual',
  // Waiting on the buyer, or keeping in touch: nothing is lost by doing these later in the day.
  'return-pending',
  'vip-revisit',
];

const RANK = new Map<FollowupKind, number>(FOLLOWUP_PRIORITY.map((k, i) => [k, i]));

/** The kind's place in FOLLOWUP_PRIORITY (0 first); an unknown kind goes last. */
export function kindPriority(kind: FollowupKind): number {
  return RANK.get(kind) ?? FOLLOWUP_PRIORITY.length;
}
