import { call } from '../messaging/client';
import { libraryIndex } from '../domain/suggest/library-index';
import { readsInitials, searchTemplates, type SearchHit } from '../domain/suggest/search';
import type { PackedTemplateIndex, TemplateIndex } from '../domain/suggest/template-index';
import type { PanelLibrary } from '../messaging/protocol';

/**
 * The chat panel's index of the library and its search, in the suggestion engine's feature script.
 *
 * The library comes without its pinyin initials (getPanelLibrary: a year's 2,102 replies carried
 * 130 KB of them, read only by a search typed in letters). The panel is ready without them; they
 * are asked for in its first idle moment (getLibraryInitials), or by the first search that reads
 * them if that comes first or the ask failed. Until they are in, such a search answers nothing,
 * marked `waiting` (the panel says 正在载入…, not 没有找到匹配的话术), and the panel searches again
 * when they arrive (`changed`): it never shows hits other than those the full index gives. A search
 * in characters does not read them and is answered at once.
 */
interface Waiting {
  asked: boolean;
  load: () => Promise<void>;
}

const waiting = new WeakMap<TemplateIndex, Waiting>();

export type PanelIndexLibrary = PanelLibrary['library'] & { initials?: Record<string, [string, string]> };

export function panelIndex(library: PanelIndexLibrary, packed: PackedTemplateIndex | null | undefined, changed: () => void): TemplateIndex {
  const index = libraryIndex(library, packed);
  // The search's normalised text is made on its first read: in idle time, before the agent types.
  const idle = (fn: () => void) => (globalThis.requestIdleCallback ?? setTimeout)(fn);
  if (library.initials) {
    idle(() => index.titles);
    return index;
  }
  let loading: Promise<void> | null = null;
  const w: Waiting = {
    asked: false,
    load: () =>
      (loading ??= call('getLibraryInitials')
        .then(({ updatedAt, initials }) => {
          // Another version of the library: the panel is told of it and indexes it anew (reloadData).
          if (updatedAt !== library.updatedAt) throw new Error('library changed');
          index.initials = initials;
          waiting.delete(index);
          if (w.asked) changed();
        })
        // Asked again by the next search that reads them.
        .catch(() => void (loading = null))),
  };
  waiting.set(index, w);
  idle(() => {
    void index.titles;
    void w.load();
  });
  return index;
}

/** searchTemplates on the panel's index; nothing yet, marked `waiting`, for a search that reads initials not yet in (see above). */
export function panelSearch(index: TemplateIndex, query: string, limit?: number): SearchHit[] & { waiting?: true } {
  const w = waiting.get(index);
  if (w && readsInitials(query)) {
    w.asked = true;
    void w.load();
    return Object.assign([], { waiting: true as const });
  }
  return searchTemplates(index, query, limit);
}
