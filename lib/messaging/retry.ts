/**
 * Whether a record the worker failed to store is worth sending again: the one rule for what the
 * panel keeps in the page's memory after a failed write — a remark's follow-up and history line
 * (lib/panel/remarks.ts) and what an insertion teaches (usage count, learned pick, the buyer's
 * history line: lib/panel/unsaved-picks.ts). The page keeps them because storage is what failed,
 * and each later write sends them again, so a record kept for nothing costs a message on every
 * write until the page closes.
 *
 * - `quota`, a full disk: what this memory is for. The same record goes in as soon as there is room,
 *   which may be hours later and only the agent can make: kept until then, however many tries
 *   (each list is bounded by its length, not by tries).
 * - `waiting`: the worker is busy with 删除全部数据 / 导入全部数据 / 恢复 and answered before it ended
 *   (lib/messaging/turn.ts): it ends (a stopped worker ends it), so kept like a full disk.
 * - `invalid`, `missing-field`, `forbidden`: the worker refused the record itself (its schema, its
 *   rules). The same payload is refused the same way every time: given up at the first answer.
 * - `deleted`: 删除全部数据 ran while the record waited behind it (turn.ts); the agent asked for
 *   everything gone, a record from before it is not sent again either.
 * - `outdated`, a worker older than the page (kept from before an update): it refuses the verb
 *   until the agent reloads the extension, which ends this page's copy too — given up at once.
 * - anything else — `unavailable` (the worker did not answer, twice), `aborted`, `conflict`,
 *   `unknown` — may pass on a later try or may be a fault that never will, and nothing the agent can
 *   do tells the two apart: tried MAX_TRIES times in all, then given up and said.
 */
export const MAX_TRIES = 3;

const REFUSED = ['invalid', 'missing-field', 'forbidden', 'outdated', 'deleted'];

/** After `tries` failed sends (this one counted), the last failing with `err`. */
export function worthRetrying(err: unknown, tries: number): boolean {
  const code = String((err as { code?: unknown } | null)?.code);
  return code === 'quota' || code === 'waiting' || (!REFUSED.includes(code) && tries < MAX_TRIES);
}
