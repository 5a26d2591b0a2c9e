/**
 * The worker's whole-data lock. 删除全部数据, 导入全部数据 and 恢复 (`alone` in their handlers) rewrite
 * every store one after another. A note saved from a buyer card meanwhile landed between two of
 * those steps and outlived a deletion that then said it was done; a scheduled backup taken during
 * the deletion kept everything in 备份. So those verbs run alone: each waits for the work already
 * running (verbs, and the scheduled jobs: alarms, team rounds, which hold the lock like any verb),
 * and everything that comes later waits for it. The rest still runs side by side (a card's read
 * does not wait behind another card's save): a write lands wholly before the deletion (and goes)
 * or after it.
 *
 * The wait has a limit, ALONE_WAIT_MS: a handler that never settles (a page that never answers)
 * used to hold 删除全部数据 back for the worker's life. When it runs out the whole-data verb is
 * refused (code `busy`, which the options page
 * says in words: error.busy), having changed nothing: going ahead would let that work write after a deletion
 * that said it was done (the very failure the lock is for), while a refusal loses nothing and can
 * be retried (a restarted worker holds no stuck work). A minute: a big import or export in another
 * tab takes seconds, so only work that is really stuck runs it out.
 */
import { StorageError } from '../storage/db';

export const ALONE_WAIT_MS = 60_000;

// Neither ever rejects (a `done` catches), so Promise.all waits for every one of them.
let turn: Promise<unknown> = Promise.resolve();
const running = new Set<Promise<unknown>>();

export function inTurn<T>(alone: unknown, run: () => Promise<T>): Promise<T> {
  const before = turn;
  const p = alone
    ? // The timer left behind when the wait ends in time rejects a promise nobody waits for any more.
      Promise.race([Promise.all([before, ...running]), new Promise((_, no) => setTimeout(no, ALONE_WAIT_MS, new StorageError('busy', 'stuck work')))]).then(run)
    : before.then(run);
  const done: Promise<unknown> = p.catch(() => 0).then(() => running.delete(done));
  // Refused after the wait, this verb did not run, but the one before it may still be running:
  // what comes later waits for both.
  if (alone) turn = Promise.all([before, done]);
  else running.add(done);
  // After `turn` moved: work the hook starts again waits for this verb.
  if (alone) cut();
  return p;
}

let cut = () => {};
/**
 * Called as a whole-data verb starts waiting: work under the lock that only waits for the network
 * gives up instead of holding the verb (unasked team rounds, lib/background/team.ts) — a silent
 * server held it for the whole minute, then the verb was refused.
 */
export const onAlone = (f: () => void) => void (cut = f);

/** A scheduled job (alarm, team round) under the lock like any verb: never in the middle of a whole-data verb. */
export const shared = <T>(run: () => Promise<T>): Promise<T> => inTurn(false, run);
