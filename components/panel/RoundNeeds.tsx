import { usePanel, usePanelState } from '../PanelContext';
import { scenarioLabel } from '../ScenarioChips';
import { t } from '@/lib/i18n';

/**
 * A round of several questions (尺码, then the live room's price, then 什么时候发货, before the shop
 * answers): each need it holds, in the order asked, as chips — a click shows that need's replies.
 * Once the shop's reply answered some of them (a reply of that situation went in, then the shop's
 * message is in the chat), the rest stay here as 还没答 until a reply answers them or the buyer
 * writes a new round (lib/domain/suggest/context-round.ts; lib/panel/controller.ts roundOpen).
 */
export function RoundNeeds() {
  const panel = usePanel();
  const s = usePanelState();
  const needs = s.needs ?? [];
  const done = s.needsAnswered ?? [];
  // The shop has replied with one of them: what is left unanswered.
  const after = s.answered && done.length > 0;
  const shown = after ? needs.filter((id) => !done.includes(id)) : needs;
  if (!needs[1] || !shown.length) return null;
  return (
    <section class="kf-situation" data-kf="needs" data-state={after ? 'open' : 'asked'}>
      <span class="kf-label">{after ? t('panel.needsOpen') : t('panel.needsAsked', { count: needs.length })}</span>
      {shown.map((id) => (
        <button class="kf-chip" data-kf="need" data-scenario={id} aria-pressed={s.scenarioOverride === id} data-answered={done.includes(id) || undefined} onClick={() => panel.pickNeed(id)}>
          {scenarioLabel(id)}
        </button>
      ))}
    </section>
  );
}
