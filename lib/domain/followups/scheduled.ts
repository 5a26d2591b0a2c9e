import type { Followup } from './types';

/**
 * The VIP revisits a run of the revisit rule scheduled: open in `after` and new, or due at another
 * time than in `before` — their due times (what a buyer import tells the agent it put on the list).
 */
export function revisitsScheduled(before: readonly Followup[], after: readonly Followup[]): number[] {
  const was = new Map(before.map((f) => [f.id, f.dueAt]));
  return after.filter((f) => f.kind === 'vip-revisit' && f.status !== 'done' && was.get(f.id) !== f.dueAt).map((f) => f.dueAt);
}
