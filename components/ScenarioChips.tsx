import { useState } from 'preact/hooks';
import { usePanel, usePanelState } from './PanelContext';
import { SCENARIO_IDS, SCENARIOS, type ScenarioId } from '@/lib/domain/scenarios';
import { getLocale, t } from '@/lib/i18n';

export function scenarioLabel(id: ScenarioId): string {
  return getLocale() === 'en' ? SCENARIOS[id].en : SCENARIOS[id].zh;
}

/** The recognised situation as chips; one click opens the list to pick another. */
export function ScenarioChips() {
  const panel = usePanel();
  const s = usePanelState();
  const [open, setOpen] = useState(false);
  const ids: ScenarioId[] = s.scenarioOverride ? [s.scenarioOverride] : (s.classification?.top ?? []);
  return (
    <section class="kf-situation" data-kf="situation">
      <span class="kf-label">{t('panel.situation')}</span>
      {ids.length === 0 && <span class="kf-muted" data-kf="no-situation">{t('panel.noSituation')}</span>}
      {ids.map((id) => (
        <button class="kf-chip" data-kf="chip" data-scenario={id} onClick={() => setOpen(!open)}>
          {scenarioLabel(id)}
        </button>
      ))}
      <button class="kf-link" data-kf="change-situation" onClick={() => setOpen(!open)}>
        {t('panel.changeSituation')}
      </button>
      {open && (
        <div class="kf-chip-menu" role="listbox">
          {SCENARIO_IDS.filter((id) => id !== 'other').map((id) => (
            <button
              class="kf-chip kf-chip-option"
              data-scenario={id}
              onClick={() => {
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
