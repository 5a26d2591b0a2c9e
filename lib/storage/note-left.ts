/**
 * The buyer card's unsaved notes through an extension update. The card keeps them in storage.session
 * (lib/panel/note-drafts.ts, tab-note-drafts.ts: memory only, per tab and the latest per buyer), which
 * an update empties (measured in Chromium 156, 2026-12-06), and its frame goes with the old panel: the
 * new card found nothing. So the worker keeps a copy of those session keys on disk, in IndexedDB of the
 * extension's origin (database `kf-note-drafts`, the same keys), masked as a saved note is while the
 * shop masks, and at an update puts it back into storage.session — a tab's note under the same tab id
 * (an update keeps the tabs and their ids), for tabs still open — before the new panel is put into the
 * open tabs (entrypoints/background.ts: reach). The new card then finds its note as after a reload.
 * The card frame cannot keep such a copy itself: an IndexedDB opened in a frame inside the seller page
 * is refused there ("The user denied permission to access the database": third-party storage), and a
 * partitioned one would be out of the worker's reach when a buyer is deleted.
 *
 * storage.session stays what the card reads and writes; the copy follows it (`syncNoteLeft`, at each
 * change of a draft key there, one run at a time): a note saved or emptied, a closed tab's, a deleted
 * buyer's leaves the disk when it leaves the session area. Only non-empty texts are copied (a tab's
 * emptied or saved mark, '', and its mark of showing the latest are not). It follows only once the
 * browser run is marked (NOTE_LEFT_MARK in storage.session): an update's first worker puts the copy
 * back, then marks; any other first start of a run (a browser start: the session area empty, no
 * update) marks and drops what the last run left, so nothing comes back after the browser was closed —
 * the notes are the run's, as before, the update aside. 删除全部数据 empties it (clearNoteLeft).
 * The bodies run from worker-extras.js (lib/background/note-left-run.ts); here the order and the store.
 */
import { createStore, type UseStore } from 'idb-keyval';
import { browser } from '../browser';
import { loadSettings } from './settings';
import { workerExtras } from '../background/extras';
export const NOTE_LEFT_DB = 'kf-note-drafts';

let store: UseStore | undefined;
const kv = () => (store ??= createStore(NOTE_LEFT_DB, 'kv'));
const run = () => workerExtras().noteLeft;

let chain: Promise<unknown> = Promise.resolve();
/** A sync queued and not begun: later changes join it. */
let queued: Promise<void> | null = null;
const inTurn = (op: () => Promise<void>): Promise<void> => {
  const p = chain.then(op);
  chain = p.catch(() => {});
  return p;
};

/** Makes the copy what storage.session holds now, once the run is marked. Never throws. */
export function syncNoteLeft(): Promise<void> {
  return (queued ??= inTurn(async () => {
    queued = null;
    await run().sync(browser, kv(), (await loadSettings()).privacy.maskPii);
  }).catch(() => {}));
}

/**
 * A browser run's first start (no NOTE_LEFT_MARK in the session area: entrypoints/background.ts).
 * `update` (the install evaluation, or an update's work left by a stopped worker): the copy goes back
 * into the session area first; otherwise (a browser start) it does not, and goes. Then the copy follows.
 */
export const startNoteLeft = (update: boolean): Promise<void> =>
  inTurn(() => run().start(browser, kv(), update))
    .catch(() => {})
    .then(syncNoteLeft);

/** 删除全部数据: the copy emptied (the session area was). */
export const clearNoteLeft = (): Promise<void> => inTurn(() => run().clear(browser, kv()));

/** The copy follows every change of a draft key in the session area (the change wakes the worker). */
export function registerNoteLeft(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && Object.keys(changes).some((k) => k.startsWith('kf:note-draft'))) void syncNoteLeft();
  });
}
