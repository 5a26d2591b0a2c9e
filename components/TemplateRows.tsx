import { render } from 'preact';
import type { Template } from '@/lib/domain/templates/types';
import type { PanelController } from '@/lib/panel/controller';
import { setLocale, type Locale } from '@/lib/i18n';
import { PanelContext } from './PanelContext';
import { TemplateRow } from './TemplateRow';

/** One reply in a list of the panel: Alt+`index + 1` names it; `marked`, the search hit Enter inserts. */
export interface RowItem {
  template: Template;
  index?: number;
  reason?: string;
  marked?: boolean;
}

export interface RowsProps {
  panel: PanelController;
  rows: RowItem[];
  /** A chat box to insert into (else a click copies). */
  canInsert: boolean;
  /** The panel's language (this script's strings are its own copy). */
  locale: Locale;
}

/**
 * Draws the reply rows (TemplateRow) of a list the panel renders (the suggestions, the search hits,
 * a library group) into `list`, again on each call. In the suggest feature script, not content.js:
 * each row shows the reply as the renderer that comes with that script fills it in, and a click uses
 * that renderer, so a row has nothing to show or do before the script is in
 * (components/ReplyRows.tsx is the list's side in the content script).
 */
export function drawRows(list: HTMLElement, { panel, rows, canInsert, locale }: RowsProps): void {
  setLocale(locale);
  render(
    <PanelContext.Provider value={panel}>
      {rows.map((r) => (
        <TemplateRow {...r} canInsert={canInsert} />
      ))}
    </PanelContext.Provider>,
    list,
  );
}
