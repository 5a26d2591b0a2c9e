/**
 * Which records were written on this machine, for team mode (lib/background/team.ts listens in
 * the background and queues the keys for the next sync). Without team mode nobody listens and a
 * note costs one function call. Writes made by the team sync itself (its own context) are not
 * reported, so what came from the team is not sent back.
 */
/**
 * `forgotten`: learned picks the user forgot (also reported as `learned`), forgotten for the team
 * too. `deleted-customers` / `deleted-followups`: buyers and follow-ups the user deleted, deleted
 * for the team too (removals that only concern this machine — a restore, pruning — are not reported).
 */
export type ChangeArea = 'customers' | 'followups' | 'library' | 'rules' | 'sites' | 'learned' | 'forgotten' | 'deleted-customers' | 'deleted-followups';

type Listener = (area: ChangeArea, keys: readonly string[]) => Promise<void>;
let listener: Listener | null = null;

export function setLocalChangeListener(l: Listener | null): void {
  listener = l;
}

/** Awaited by every write, so a write has been queued for the team before it returns. */
export async function noteLocalChange(area: ChangeArea, keys: readonly string[]): Promise<void> {
  if (listener && keys.length) await listener(area, keys);
}
