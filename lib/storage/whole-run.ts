/**
 * A whole-data verb a stopped worker left half done (lib/background/all-data-run.ts). Chrome stops
 * an idle or busy worker at will; the options page sends a cut-off call once more (client.ts), but
 * with the page closed, or that send cut off too, nothing finished the job: a half-finished
 * 删除全部数据 left buyers' data after the agent asked for it gone, a half-finished 导入全部数据 left
 * part of a file written with no word said. So each marks itself in storage.local (`RUN_KEY`) before
 * it changes anything, and the worker looks for the mark at every start (finishCutOff,
 * handlers/data.ts). storage.local, not a store: 删除全部数据 clears it last, so the mark is there
 * until everything else is gone.
 */
export const RUN_KEY = 'kf:whole-run';

/**
 * In storage.session: the verb ('delete', 'import', 'restore') of the first whole-data verb the
 * worker has not finished, waiting for the work before it or running; null: none
 * (lib/messaging/turn.ts). RUN_KEY is set only once a verb runs, and a deletion held behind stuck
 * work left the buyer card saying the worker was not answering. Session: a browser restart or an
 * update, the only ways a worker stops in the middle of a wait, clear it.
 */
export const WAIT_KEY = 'kf:whole-wait';

/**
 * An import cut off: its file went with the worker that read it, so it cannot be finished. Kept
 * until the agent answers the notice (options and popup, components/options/ImportCutNotice.tsx),
 * which names the safety copy taken before it and offers 恢复; `rid`: the call, whose second send,
 * if it finishes the import, makes the notice moot.
 */
export const IMPORT_CUT_KEY = 'kf:import-cut';

/** `restore`: 恢复 of backup `id`, after the copy `copy` of the data before it. */
export type WholeRun = { verb: 'delete' } | { verb: 'import'; copy: string; at: number; rid?: string } | { verb: 'restore'; id: string; copy: string; at: number };

/**
 * Also a 恢复 cut off (`restore`): the backup is still there and a restore is idempotent, so the
 * next worker finishes it from the backup by itself ('done'; 'cut' when it could not: the backup
 * gone or a store failing). Either way the notice names `copy`, the data from before the restore.
 */
export interface ImportCut {
  copy: string;
  at: number;
  rid?: string;
  restore?: 'done' | 'cut';
}
