import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { usePanel, usePanelState } from './PanelContext';
import { useReplyRows } from './ReplyRows';
import { t } from '@/lib/i18n';

/**
 * Search box plus the library by group. In the search box, as in the fill-in form: Enter inserts
 * the marked hit (the first, or the one ↓/↑ moved to), Escape clears the search and goes back to
 * the chat box at its caret. Alt+1…9 keep naming the hits by their place.
 */
export function TemplateBrowser(props: { searchRef: RefObject<HTMLInputElement> }) {
  const panel = usePanel();
  const s = usePanelState();
  const [group, setGroup] = useState<string | null>(null);
  // The marked hit belongs to the query it was moved in: a new query (or none) marks the first.
  const [mark, setMark] = useState({ query: '', at: 0 });
  const list = useRef<HTMLUListElement>(null);
  // While a pinyin composition is open the box holds 退h, 退hu…: the last committed query and its
  // hits stay on screen (no 没有找到 on each letter); the query is searched again on compositionend.
  const held = useRef<typeof s | null>(null);
  const { query, results } = held.current ?? s;
  const groups = s.library?.groups ?? [];
  const searching = query.trim() !== '';
  const shown = searching
    ? results
    : (s.library?.templates ?? []).filter((tpl) => tpl.group === (group ?? groups[0]));
  const at = searching && mark.query === query ? Math.min(mark.at, shown.length - 1) : 0;
  // Drawn by the suggest feature script (components/TemplateRows.tsx), before the marked hit is scrolled to.
  useReplyRows(list, shown.map((template, i) => ({ template, index: searching && i < 9 ? i : undefined, marked: searching && i === at })));
  // Also at each new query and when another reply comes under the mark: the hits of a query typed on
  // (退 → 退货) are new with the mark still on the first, and the panel kept the scroll it had.
  useLayoutEffect(() => {
    if (searching) list.current?.children[at]?.scrollIntoView({ block: 'nearest' });
  }, [at, query, shown[at]]);
  return (
    <section class="kf-browse" data-kf="library">
      <input
        ref={props.searchRef}
        class="kf-search"
        data-kf="search"
        type="search"
        placeholder={t('panel.searchPlaceholder')}
        value={s.query}
        onInput={(e) => panel.setQuery((e.currentTarget as HTMLInputElement).value)}
        // Lower-case: Preact adds onCompositionStart as a "CompositionStart" listener, which never fires.
        {...{
          oncompositionstart: () => (held.current = s),
          oncompositionend: (e: Event) => ((held.current = null), panel.setQuery((e.currentTarget as HTMLInputElement).value)),
        }}
        onKeyDown={(e) => {
          // Enter and Escape also end a pinyin composition: those belong to the input method. Such an
          // Escape (key "Escape", keyCode 229 on macOS and Linux) would still empty this type="search"
          // box by default (ime-key.ts; written out here, where each byte of the content script counts).
          if (e.isComposing || e.keyCode === 229) return void (e.key === 'Escape' && e.preventDefault());
          const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
          if (step && shown.length && searching) {
            e.preventDefault();
            setMark({ query, at: (at + step + shown.length) % shown.length });
          } else if (e.key === 'Enter' && searching && shown[at]) {
            e.preventDefault();
            panel.useTemplate(shown[at]!, s.inputFound ? 'insert' : 'copy');
          } else if (e.key === 'Escape') panel.closeSearch();
        }}
      />
      {!searching && (
        <nav class="kf-groups" data-kf="groups">
          {groups.map((g) => (
            <button class={`kf-group ${g === (group ?? groups[0]) ? 'kf-on' : ''}`} onClick={() => setGroup(g)}>
              {g}
            </button>
          ))}
        </nav>
      )}
      {searching && shown.length === 0 && <p class="kf-muted" data-kf="no-results">{t(s.searchWaiting ? 'panel.searchLoading' : 'panel.noResults')}</p>}
      <ul class="kf-list" data-kf={searching ? 'results' : 'group-list'} ref={list} />
    </section>
  );
}
