import type { Followup } from './types';

/**
 * The VIP revisits a run of the revisit rule scheduled: open in `after` and new, or due at another
 * time than in `before` — their due times (what a buyer import tells the agent it put on the list).
 */
export function revisitsScheduled(before: readonly Followup[], after: readonly Followup[]): number[] {
  const was = new Map(before.map((f) => [f.id, f.dueAt]));
  return after.filter((f) => f.kind === 'vip-revisit' && f.status !== 'done' && was.get(f.id) !== f.dueAt).map((f) => f.dueAt);
}

/**
 * Runs the revisit rule after an import (the buyer import, 导入全部数据) and says which revisits it
 * scheduled: imported VIPs last seen long ago get theirs now, spread over days (the VIP backlog),
 * and the agent is told how many and until when.
 */
export async function scheduleRevisits(now: number, io: { loadFollowups(now: number): Promise<Followup[]>; vipRevisits(now: number): Promise<unknown> }): Promise<number[]> {
  const before = await io.loadFollowups(now);
  await io.vipRevisits(now);
  return revisitsScheduled(before, await io.loadFollowups(now));
}
