/**
 * The buyer card's unsaved quick notes across a reload, one per console tab. Two tabs open on the
 * same buyer each keep their own half-written note: a reload brings back the tab's own text, and a
 * note saved in one tab never takes away the other's.
 *
 * - This tab's draft: browser.storage.session under the tab's id (a reload keeps the tab and its
 *   id). An emptied or saved draft is kept as '' so the tab does not take up another tab's text.
 * - The latest draft any tab typed for a buyer (note-drafts.ts, one per buyer): what a tab with no
 *   draft of its own gets (a new tab, or one closed before its note was saved). It goes only when
 *   the agent empties the text it holds, or when that very text is saved. A tab that shows it
 *   leaves a mark under its id (no text): deleting the buyer removes every tab's keys for them,
 *   and only a removed key tells a tab its copy in memory must go too (onForgotten).
 * Both in the extension's session area: memory only, and the seller page cannot read it.
 */
import { browser } from '../browser';
import type { Storage } from '../browser';
import type { NoteDrafts } from './note-drafts';

export interface CardNoteDrafts {
  /** What a card frame with nothing in memory shows for `key`: this tab's draft, else the latest kept. */
  restore(key: string): Promise<string>;
  /** What the agent has typed for `key` in this tab ('' : emptied). Never throws. */
  keep(key: string, text: string): void;
  /** `text` (trimmed) was saved as a note for `key`. Never throws. */
  saved(key: string, text: string): void;
  /**
   * Calls `listener` with a key whose draft the worker took from this tab: its buyer was deleted
   * (lib/storage/forget-drafts.ts) — the frame's copy in memory goes too. Returns the unsubscribe.
   */
  onForgotten?(listener: (key: string) => void): () => void;
}

/** One tab's drafts: null where the tab has none for `key` ('' : it had one and it was emptied or saved). */
export interface TabArea {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, text: string): void;
  /**
   * This tab shows the latest draft kept for `key`, having none of its own: a key under the tab
   * with no text (getItem reads it as none), so that the tab hears a deletion of the buyer
   * (onRemoved) as it does for a draft typed in it. Never throws.
   */
  markShown?(key: string): void;
  /** Keys of this tab's drafts removed from the area (a frame only ever sets them, '' included). */
  onRemoved?(listener: (key: string) => void): () => void;
}

/**
 * The id of the tab this extension frame is in, or undefined. A frame loaded while the extension
 * is being updated under the page can find its API half torn down (no `tabs`): it then has no tab.
 */
export async function currentTabId(): Promise<number | undefined> {
  try {
    return (await browser.tabs.getCurrent())?.id;
  } catch {
    return undefined;
  }
}

/** What a tab that shows the latest draft keeps under its id (markShown): not a string, so never a draft. */
const SHOWS_LATEST = { showsLatest: true } as const;

/** The card frame's tab's drafts in browser.storage.session, or undefined where there is no such area. */
export function sessionTabArea(): TabArea | undefined {
  const area = (browser?.storage as { session?: Storage.StorageArea } | undefined)?.session;
  if (!area) return undefined;
  const tab = currentTabId();
  const full = async (key: string) => {
    const id = await tab;
    return id === undefined ? null : `kf:note-draft@${id}:${key}`;
  };
  return {
    getItem: async (key) => {
      const k = await full(key);
      const v = k ? (await area.get(k).catch(() => ({}) as Record<string, unknown>))[k] : undefined;
      return typeof v === 'string' ? v : null;
    },
    setItem: (key, text) => void full(key).then((k) => (k ? area.set({ [k]: text }) : undefined)).catch(() => {}),
    // Written through the same chain as setItem: a draft typed after it still wins.
    markShown: (key) => void full(key).then((k) => (k ? area.set({ [k]: SHOWS_LATEST }) : undefined)).catch(() => {}),
    // The worker removes a tab's draft only when it deletes the buyer (or the tab is closed): the
    // frame itself keeps an emptied or saved one as ''. The change reaches every extension page.
    onRemoved: (listener) => {
      const heard = (changes: Record<string, { newValue?: unknown }>, name: string) =>
        void tab.then((id) => {
          const mine = `kf:note-draft@${id}:`;
          if (name === 'session' && id !== undefined)
            for (const [k, c] of Object.entries(changes)) if (k.startsWith(mine) && c.newValue === undefined) listener(k.slice(mine.length));
        });
      browser.storage.onChanged.addListener(heard);
      return () => browser.storage.onChanged.removeListener(heard);
    },
  };
}

export function tabNoteDrafts(latest: NoteDrafts, tab: TabArea): CardNoteDrafts {
  /** What this frame last kept or restored per key: an emptied draft takes the latest kept along only if it was that. */
  const last = new Map<string, string>();
  /** Drafts this frame wrote per key (typed, emptied, saved): one written while a restore read must not be marked over. */
  const writes = new Map<string, number>();
  const wrote = (key: string) => writes.set(key, (writes.get(key) ?? 0) + 1);
  const forget = (key: string, text: string) =>
    void latest
      .get(key)
      .then((kept) => kept.trim() === text.trim() && latest.set(key, ''))
      .catch(() => {});
  return {
    restore: async (key) => {
      const at = writes.get(key);
      const own = await tab.getItem(key).catch(() => null);
      const text = own ?? (await latest.get(key));
      // Another tab's text shown here: without a key of this tab's, deleting the buyer went unheard
      // and the text stayed in the frame's memory for a switch back (one Enter saved it again).
      if (own === null && text && writes.get(key) === at) tab.markShown?.(key);
      last.set(key, text);
      return text;
    },
    keep: (key, text) => {
      const before = last.get(key) ?? '';
      wrote(key);
      last.set(key, text);
      tab.setItem(key, text);
      if (text.trim()) latest.set(key, text);
      else if (before.trim()) forget(key, before);
    },
    saved: (key, text) => {
      last.set(key, '');
      wrote(key);
      tab.setItem(key, '');
      forget(key, text);
    },
    onForgotten: (listener) =>
      tab.onRemoved?.((key) => {
        last.delete(key);
        listener(key);
      }) ?? (() => {}),
  };
}
