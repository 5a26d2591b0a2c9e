/**
 * The update's open-tab work (reach-tabs.ts: the new content script put into the console tabs
 * already open) must not be lost with the worker. Chrome may stop a new version's worker while it
 * installs or before that work is done (seen under CPU load: stopped while installing, started
 * again as 'activating', and its onInstalled('update') work gone — the tabs kept the dead panel).
 * So the new version's first run (its install evaluation, known synchronously) marks the work
 * pending in storage.session (emptied at every update, kept across worker restarts), before any
 * event can be lost; onInstalled('update') does it and clears the mark; an install only clears it;
 * every later worker start finishes a mark still there. Doing it twice is harmless: a second new
 * copy in a tab takes the first one down (entrypoints/content/index.tsx), one panel.
 */
import { browser } from '../browser';
import { syncTaughtScriptsNow } from '../teach/background-api';
import { workerExtras } from './extras';

const MARK = 'updateReachPending';
const session = () => browser.storage.session;
let reaching: Promise<void> | undefined;

/** Reaches the open tabs once in this worker's life, then clears the mark. */
const reach = () => (reaching ??= workerExtras().reachOpenTabs(syncTaughtScriptsNow()).then(() => session()?.remove(MARK)));

/** At every worker start: the install evaluation marks the work; a later start finishes a mark left. */
export function markOrFinishReach(installing: boolean): void {
  if (installing) void session()?.set({ [MARK]: 1 }).catch(() => {});
  else void session()?.get(MARK).then((r) => r[MARK] && reach(), () => {});
}

export const reachAtInstalled = (reason: string) => (reason === 'update' ? reach() : session()?.remove(MARK));
