import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { usePanel, usePanelState } from './PanelContext';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '@/lib/domain/scenarios';
import { getLocale, t } from '@/lib/i18n';
import { LEARNED_TAG, MODEL_TAG } from '@/lib/domain/suggest/combine';
import type { Classification } from '@/lib/domain/suggest';

/** Which signal suggested a situation: the cue words, the trained model, the agent's own picks. */
export function evidenceOf(id: ScenarioId, evidence: Classification['evidence'] | undefined): { sources: string[]; text: string } {
  const list = evidence?.[id] ?? [];
  const words = list.filter((e) => !e.startsWith(MODEL_TAG + ' ') && !e.startsWith(LEARNED_TAG + ' ') && !/^(~|context-|negated|ack$|\/)/.test(e));
  const model = list.find((e) => e.startsWith(MODEL_TAG + ' '))?.slice(MODEL_TAG.length + 1);
  const learned = list.find((e) => e.startsWith(LEARNED_TAG + ' '))?.slice(LEARNED_TAG.length + 1);
  const sources: string[] = [];
  const parts: string[] = [];
  if (words.length) {
    sources.push('cues');
    parts.push(t('panel.evidence.cues', { words: [...new Set(words)].slice(0, 4).join('、') }));
  }
  if (model) {
    sources.push('model');
    parts.push(t('panel.evidence.model', { p: model }));
  }
  if (learned) {
    sources.push('learned');
    parts.push(t('panel.evidence.learned', { count: learned }));
  }
  return { sources, text: parts.join(' · ') };
}

export function scenarioLabel(id: ScenarioId): string {
  return getLocale() === 'en' ? SCENARIOS[id].en : SCENARIOS[id].zh;
}

/** The recognised situation as chips; one click opens the list to pick another. */
export function ScenarioChips() {
  const panel = usePanel();
  const s = usePanelState();
  // The pick list is opened for one buyer: a switch closes it (the pick applies to the open buyer).
  const [openFor, setOpenFor] = useState<string | null>(null);
  const key = `${s.buyerId}\n${s.buyer}`;
  const open = openFor === key;
  const setOpen = (o: boolean) => setOpenFor(o ? key : null);
  // What opened the list (更改 or a chip): Escape closes the list and puts the focus back there,
  // as Escape in the search and the fill-in box gives the keys back to where they came from.
  const opener = useRef<HTMLElement | null>(null);
  const toggle = (e: Event) => {
    opener.current = e.currentTarget as HTMLElement;
    setOpen(!open);
  };
  // A situation picked in the list (Enter, Space or a click) is the agent's correction before they
  // answer: the focus goes back to the chat box at its caret, where they type or press Alt+1 for the
  // reply now ranked first. Only a page with no chat box to go back to keeps it in the panel, on the
  // chip drawn in the list's place, so the keys are not dropped to the page's body.
  const section = useRef<HTMLElement>(null);
  const picked = useRef<ScenarioId | null>(null);
  // Before the next key: a Tab right after 更改 must find the list's one Tab stop.
  useLayoutEffect(() => {
    panel.engine?.roveSituations(section.current);
    if (picked.current && !panel.backToChat()) section.current?.querySelector<HTMLElement>(`[data-kf="chip"][data-scenario="${picked.current}"]`)?.focus();
    picked.current = null;
  });
  const ids: ScenarioId[] = s.scenarioOverride ? [s.scenarioOverride] : (s.classification?.top ?? []);
  return (
    <section
      ref={section}
      class="kf-situation"
      data-kf="situation"
      onKeyDown={(e) => {
        if (open && e.key === 'Escape' && !e.isComposing) {
          setOpen(false);
          opener.current?.focus();
        }
      }}
    >
      <span class="kf-label">{t('panel.situation')}</span>
      {/* Messages not read are no "no clear need" (the notice and the list below say they were not read). */}
      {ids.length === 0 && !s.messagesUnread && <span class="kf-muted" data-kf="no-situation">{t('panel.noSituation')}</span>}
      {ids.map((id) => {
        const why = s.scenarioOverride ? { sources: ['agent'], text: t('panel.evidence.agent') } : evidenceOf(id, s.classification?.evidence);
        return (
          <button class="kf-chip" data-kf="chip" data-scenario={id} data-source={why.sources.join(' ')} title={why.text} onClick={toggle}>
            {scenarioLabel(id)}
          </button>
        );
      })}
      <button class="kf-link" data-kf="change-situation" aria-expanded={open} onClick={toggle}>
        {t('panel.changeSituation')}
      </button>
      {open && (
        // A group of plain buttons (a listbox would own options, not buttons), one Tab stop: the arrow
        // keys, Home and End move in it (lib/panel/rove-keys.ts, in the suggest feature script), so
        // no situation is 25 Tabs away.
        <div class="kf-chip-menu" role="group" aria-label={t('panel.pickSituation')} data-kf="situation-list">
          {SCENARIO_IDS.filter((id) => id !== 'other').map((id) => (
            <button
              class="kf-chip kf-chip-option"
              data-scenario={id}
              aria-current={s.scenarioOverride === id}
              onClick={() => {
                picked.current = id;
                panel.chooseScenario(id);
                setOpen(false);
              }}
            >
              {scenarioLabel(id)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
