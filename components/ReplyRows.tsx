import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { usePanel, usePanelState } from './PanelContext';
import type { RowItem } from './TemplateRows';
import { getLocale } from '@/lib/i18n';

/**
 * Has the suggest feature script draw `rows` into `list` (components/TemplateRows.tsx), at each
 * render of the list's component: its renderer shows each reply filled in. A list with rows asks for
 * the script (so an order page's library loads it too, as each row's preview did); its rows appear
 * as it arrives (the panel redraws then: the engine is ready, or the results are in).
 */
export function useReplyRows(list: RefObject<HTMLElement>, rows: RowItem[]): void {
  const panel = usePanel();
  const { inputFound } = usePanelState();
  useLayoutEffect(() => {
    const e = rows.length ? panel.suggestEngine() : panel.engine;
    if (e && list.current) e.rows(list.current, { panel, rows, canInsert: inputFound, locale: getLocale() });
  });
}
