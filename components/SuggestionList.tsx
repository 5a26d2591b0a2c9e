import { usePanelState } from './PanelContext';
import { useRef } from 'preact/hooks';
import { useReplyRows } from './ReplyRows';
import { PageText } from './PageText';
import { t } from '@/lib/i18n';
import { isWordless, PICTURE_TEXT } from '@/lib/sites/dom';

export function SuggestionList() {
  const s = usePanelState();
  const searching = s.query.trim() !== '';
  const list = useRef<HTMLOListElement>(null);
  // Drawn by the suggest feature script (components/TemplateRows.tsx), whose ranking made them.
  useReplyRows(list, s.suggestions.map((x, i) => ({ template: x.template, index: searching ? undefined : i, reason: x.reason })));
  return (
    <section class="kf-suggest" data-kf="suggestions" data-signals={s.signalsReady ? 'ready' : 'pending'} data-engine={s.engineReady ? 'ready' : 'loading'}>
      <h3>{t('panel.suggested')}</h3>
      {s.buyerMessages.length > 0 && (
        // What the suggestions answer: the buyer's latest messages as read from the page (text only,
        // direction controls as marks, as in the header and the waiting list).
        <details class="kf-basis" data-kf="basis">
          <summary>{t(s.answered && s.engineReady ? 'panel.basisAnswered' : 'panel.basis', { count: s.buyerMessages.length })}</summary>
          <ol>
            {s.buyerMessages.map((m) => (
              // A turn without words is said in the interface's language ([图片] / [Picture]), as text.
              <li data-kf="basis-msg"><PageText text={isWordless(m) ? t(m === PICTURE_TEXT ? 'panel.msgPicture' : 'panel.msgNotText') : m} /></li>
            ))}
          </ol>
        </details>
      )}
      {s.suggestions.length === 0 ? (
        // A situation the agent chose with no card: the library has no reply for it that fits this
        // buyer's orders — not "no clear need", which read as if the choice had not been taken.
        <p class="kf-muted">
          {t(!s.buyerMessages.length ? (s.messagesUnread ? 'panel.messagesUnread' : 'panel.waiting') : !s.engineReady ? 'panel.reading' : s.scenarioOverride ? 'panel.noneForSituation' : s.buyerMessages.every(isWordless) ? 'panel.wordless' : 'panel.noConfident')}
        </p>
      ) : (
        <ol class="kf-list" ref={list} />
      )}
    </section>
  );
}
