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
import { browser } from '../browser';
import { StorageError } from '../storage/db';
import { WAIT_KEY } from '../storage/whole-run';

export const ALONE_WAIT_MS = 60_000;

// Neither ever rejects (a `done` catches), so Promise.all waits for every one of them.
let turn: Promise<unknown> = Promise.resolve();
const running = new Set<Promise<unknown>>();

// The timer left behind when the wait ends in time rejects a promise nobody waits for any more.
const within = (w: Promise<unknown>, code: string) => Promise.race([w, new Promise((_, no) => setTimeout(no, ALONE_WAIT_MS, new StorageError(code as 'busy' | 'waiting', 'stuck work')))]);
/** Whole-data verbs waiting or running: only then can an ordinary verb's wait be long. */
let alones = 0;
/**
 * 删除全部数据 started so far in this worker, and 1 while one runs: a write that came while one
 * waited or ran is not made after it (one refused before it ran deleted nothing: the write goes on).
 */
let deletions = 0;
let deleting = 0;
/**
 * The whole-data verbs (their marks' `verb`) not settled yet, first come first: the first is the
 * wait mark (WAIT_KEY). A deletion held behind stuck work had no mark yet (its own is set once it
 * runs), and the buyer card, whose note waited behind it, said the worker was not answering.
 */
const waits: unknown[] = [];
const markWait = () => browser?.storage?.session?.set({ [WAIT_KEY]: waits[0] ?? null })?.catch(() => {});

/**
 * `alone`: a whole-data verb, by its mark's `verb` ('delete', 'import', 'restore'; `true`: the
 * start's own finishing, which marks nothing). `writes`: the verb writes buyer data (a note, a
 * pick, a follow-up, a remark…): if 删除全部数据 ran while it waited, it is refused, code `deleted`,
 * having written nothing — the agent asked for everything gone, and a note typed before used to be
 * saved into the emptied store. The page keeps the text and says it was not saved (reason.ts).
 * `job`: a scheduled job (`shared`), which waits as long as it takes. An ordinary verb behind a
 * whole-data verb that never ends (a deletion stuck on a store) waited with it for the worker's
 * life, the agent's note 保存中… for ever: after ALONE_WAIT_MS it is refused, code `waiting`
 * (客服助手正忙于…请稍后再试), having run nothing; the page keeps what the agent typed.
 */
export function inTurn<T>(alone: unknown, run: () => Promise<T>, job?: 1 | 0, writes?: unknown): Promise<T> {
  const before = turn;
  const seen = deletions - deleting;
  const p = (alone ? within(Promise.all([before, ...running]), 'busy') : job || !alones ? before : within(before, 'waiting')).then(() => {
    if (writes && seen != deletions) throw new StorageError('deleted', 'deleted');
    if (!alone) return run();
    if (alone == 'delete') deleted();
    // Reset as it settles, not with `turn`: a write sent once its answer came is after it.
    return run().finally(() => (deleting = 0));
  });
  const done: Promise<unknown> = p.catch(() => 0).then(() => running.delete(done));
  // Refused after the wait, this verb did not run, but the one before it may still be running:
  // what comes later waits for both.
  if (alone) {
    alones++;
    const mark = alone !== true;
    if (mark) waits.push(alone), markWait();
    turn = Promise.all([before, done]).then(() => {
      alones--;
      if (mark) waits.splice(waits.indexOf(alone), 1), markWait();
    });
  } else running.add(done);
  // After `turn` moved: work the hook starts again waits for this verb.
  if (alone) cut();
  return p;
}

/**
 * A deletion runs now: the live 删除全部数据, or the start's finishing of one a stopped worker left
 * half done (handlers/data.ts finishCutOff, known only once its mark is read). A note queued behind
 * the finishing was typed before the agent's deletion, as one queued behind the live one, and is
 * refused alike: it used to be saved into the emptied stores.
 */
export const deleted = () => void (deletions++, (deleting = 1));

let cut = () => {};
/**
 * Called as a whole-data verb starts waiting: work under the lock that only waits for the network
 * gives up instead of holding the verb (unasked team rounds, lib/background/team.ts) — a silent
 * server held it for the whole minute, then the verb was refused.
 */
export const onAlone = (f: () => void) => void (cut = f);

/** A scheduled job (alarm, team round) under the lock like any verb: never in the middle of a whole-data verb. */
export const shared = <T>(run: () => Promise<T>): Promise<T> => inTurn(false, run, 1);
