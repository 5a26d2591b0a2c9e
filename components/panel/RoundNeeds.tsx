import { render } from 'preact';
import { PanelContext, usePanel, usePanelState } from '../PanelContext';
import { scenarioLabel } from '../ScenarioChips';
import { stillOpen } from '@/lib/domain/suggest/context-round';
import { registerMessages, setLocale, t } from '@/lib/i18n';
import { suggestPanelMessages } from '@/lib/i18n/messages/suggest-panel';
import type { PanelController } from '@/lib/panel/controller';
import type { Template } from '@/lib/domain/templates/types';

registerMessages(suggestPanelMessages);

/**
 * A round of several questions (尺码, then the live room's price, then 什么时候发货, before the shop
 * answers): each need it holds, in the order asked, as chips — a click shows that need's replies.
 * Once the shop's reply answered some of them (a reply of that situation went in, then the shop's
 * message is in the chat), the rest stay here as 还没答 until a reply answers them or the buyer
 * writes a new round (lib/domain/suggest/context-round.ts). Drawn by the suggest feature script into
 * the slot lib/panel/page-features/round-needs.tsx gives it.
 */
export function RoundNeeds() {
  const panel = usePanel();
  const s = usePanelState();
  const needs = s.needs ?? [];
  const done = s.needsAnswered ?? [];
  // The shop has replied with one of them: what is left unanswered.
  const after = s.answered && done.length > 0;
  const shown = after ? stillOpen(needs, done) : needs;
  if (!needs[1] || !shown.length) return null;
  return (
    <section class="kf-situation" data-kf="needs" data-state={after ? 'open' : 'asked'}>
      <span class="kf-label">{after ? t('panel.needsOpen') : t('panel.needsAsked', { count: needs.length })}</span>
      {shown.map((id) => (
        <button
          class="kf-chip"
          data-kf="need"
          data-scenario={id}
          aria-pressed={s.scenarioOverride === id}
          onClick={() => {
            // The last message did not ask it: the pick teaches nothing (as a follow-up's situation).
            panel.chooseScenario(id, { byAgent: false });
            panel.backToChat();
          }}
        >
          {scenarioLabel(id)}
        </button>
      ))}
    </section>
  );
}

/** The panels whose insertions are listened to (once each). */
const listening = new WeakSet<PanelController>();

/**
 * Draws the line into `container` (it follows the panel's state from then on); returns the unmount
 * function. From the first round shown, a reply put in answers the needs of the round it is written
 * for (an insertion before any round of several needs has none to answer).
 */
export function drawNeeds(container: HTMLElement, panel: PanelController): () => void {
  if (!listening.has(panel)) {
    listening.add(panel);
    panel.onInserted((_t, _r, template) => answerNeeds(panel, template));
  }
  setLocale(panel.store.get().settings.shop.locale);
  render(
    <PanelContext.Provider value={panel}>
      <RoundNeeds />
    </PanelContext.Provider>,
    container,
  );
  return () => render(null, container);
}

/** A reply put in answers the needs of the buyer's round it is written for; the others stay open. */
export function answerNeeds(panel: PanelController, template: Template | null): void {
  const { needs = [], needsAnswered = [] } = panel.store.get();
  const hit = needs.filter((id) => template?.scenarios.includes(id) && !needsAnswered.includes(id));
  if (hit.length) panel.store.set({ needsAnswered: [...needsAnswered, ...hit] });
}
