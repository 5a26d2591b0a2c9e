import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { usePanel, usePanelState } from './PanelContext';
import { TemplateRow } from './TemplateRow';
import { t } from '@/lib/i18n';

/** Search box plus the library by group. */
export function TemplateBrowser(props: { searchRef: RefObject<HTMLInputElement> }) {
  const panel = usePanel();
  const s = usePanelState();
  const [group, setGroup] = useState<string | null>(null);
  const groups = s.library?.groups ?? [];
  const searching = s.query.trim() !== '';
  const shown = searching
    ? s.results
    : (s.library?.templates ?? []).filter((tpl) => tpl.group === (group ?? groups[0]));
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
        onKeyDown={(e) => {
          if (e.key === 'Escape') panel.setQuery('');
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
      {searching && shown.length === 0 && <p class="kf-muted">{t('panel.noResults')}</p>}
      <ul class="kf-list" data-kf={searching ? 'results' : 'group-list'}>
        {shown.map((tpl, i) => (
          <TemplateRow template={tpl} index={searching && i < 9 ? i : undefined} canInsert={s.inputFound} />
        ))}
      </ul>
    </section>
  );
}
