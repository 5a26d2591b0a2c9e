import { usePanelState } from './PanelContext';
import { TemplateRow } from './TemplateRow';
import { t } from '@/lib/i18n';

export function SuggestionList() {
  const s = usePanelState();
  const searching = s.query.trim() !== '';
  return (
    <section class="kf-suggest" data-kf="suggestions" data-signals={s.signalsReady ? 'ready' : 'pending'} data-engine={s.engineReady ? 'ready' : 'loading'}>
      <h3>{t('panel.suggested')}</h3>
      {s.buyerMessages.length > 0 && (
        // What the suggestions answer: the buyer's latest messages as read from the page (text only).
        <details class="kf-basis" data-kf="basis">
          <summary>{t(s.answered && s.engineReady ? 'panel.basisAnswered' : 'panel.basis', { count: s.buyerMessages.length })}</summary>
          <ol>
            {s.buyerMessages.map((m) => (
              <li data-kf="basis-msg">{m}</li>
            ))}
          </ol>
        </details>
      )}
      {s.suggestions.length === 0 ? (
        <p class="kf-muted">{!s.buyerMessages.length ? t(s.messagesUnread ? 'panel.messagesUnread' : 'panel.waiting') : s.engineReady ? t('panel.noConfident') : t('panel.reading')}</p>
      ) : (
        <ol class="kf-list">
          {s.suggestions.map((x, i) => (
            <TemplateRow template={x.template} index={searching ? undefined : i} reason={x.reason} canInsert={s.inputFound} />
          ))}
        </ol>
      )}
    </section>
  );
}
