/**
 * The buyer card's unsaved quick notes, kept across a reload of the console page (the card frame is
 * made again and its memory is gone). They live in browser.storage.session: the extension's origin,
 * in memory only (gone when the browser closes), readable by extension pages such as the card frame
 * and not by the seller page or our content script (Chrome's default access level) — never the
 * page's own storage. The card frame uses it directly: no round trip through the worker. One key
 * per buyer and console; an empty draft is removed.
 */
import { browser } from '../browser';
import type { Storage } from '../browser';

export interface NoteDrafts {
  /** The draft kept for `key`, or ''. */
  get(key: string): Promise<string>;
  /** Keeps `text` for `key` ('' forgets it). Never throws: a draft that is not kept stays in memory. */
  set(key: string, text: string): void;
}

const PREFIX = 'kf:note-draft:';

/** The session area's drafts, or undefined where the browser has no storage.session. */
export function sessionNoteDrafts(): NoteDrafts | undefined {
  const area = (browser?.storage as { session?: Storage.StorageArea } | undefined)?.session;
  if (!area) return undefined;
  return {
    get: async (key) => {
      const v = (await area.get(PREFIX + key).catch(() => ({}) as Record<string, unknown>))[PREFIX + key];
      return typeof v === 'string' ? v : '';
    },
    // A runtime gone (the extension updated under the page) throws at once instead of rejecting.
    set: (key, text) => void Promise.resolve()
      .then(() => (text ? area.set({ [PREFIX + key]: text }) : area.remove(PREFIX + key)))
      .catch(() => {}),
  };
}
