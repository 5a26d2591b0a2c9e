import { useContext, useEffect, useRef } from 'preact/hooks';
import { usePanel, usePanelState } from './PanelContext';
import { SuggestionList } from './SuggestionList';
import { TemplateBrowser } from './TemplateBrowser';
import { FillPrompt } from './FillPrompt';
import { ScenarioChips } from './ScenarioChips';
import { FollowupActions } from './panel/FollowupActions';
import { FeatureSlot } from './FeatureSlot';
import { CustomerCard } from './customers/CustomerCard';
import { t } from '@/lib/i18n';
import { TeachContext } from '@/lib/teach/context';

/** The side panel on a console page: situation, suggestions, search and the whole library. */
export function Panel() {
  const panel = usePanel();
  const s = usePanelState();
  const searchRef = useRef<HTMLInputElement>(null);
  const startTeach = useContext(TeachContext);
  // The console changed and its chat box is gone: offer to teach the page again (copy keeps working).
  const offerTeach = startTeach && s.pageKind === 'chat' && !s.inputFound;

  useEffect(() => {
    if (s.focusSearchTick > 0) searchRef.current?.focus();
  }, [s.focusSearchTick]);

  if (s.collapsed) {
    return (
      <button class="kf-tab" data-kf="expand" title={t('panel.expand')} onClick={() => panel.setCollapsed(false)}>
        {t('app.name')}
      </button>
    );
  }

  return (
    <aside class="kf-panel" data-kf="panel" aria-label={t('app.name')}>
      <header class="kf-head">
        <strong>{t('app.name')}</strong>
        <span class="kf-site">{s.siteName ?? t('panel.noSite')}</span>
        <button class="kf-icon" data-kf="collapse" title={t('panel.collapse')} onClick={() => panel.setCollapsed(true)}>
          ⟩
        </button>
      </header>
      {s.notice && (
        <div class={`kf-notice kf-${s.notice.kind}`} role="status" data-kf="notice">
          <span>{s.notice.text}</span>
          {offerTeach && (
            <button class="kf-link" data-kf="teach" onClick={() => startTeach()}>
              {t('teach.start')}
            </button>
          )}
          <button class="kf-link" onClick={() => panel.dismissNotice()}>
            {t('panel.dismiss')}
          </button>
        </div>
      )}
      {s.pageKind === 'chat' && (
        <section class="kf-buyer" data-kf="buyer">
          <span class="kf-label">{t('panel.buyer')}</span>
          {/* Buyer nicknames come from the page: rendered as text, never HTML. */}
          <span class="kf-buyer-name" data-kf="buyer-name">{s.buyer ?? t('panel.noBuyer')}</span>
        </section>
      )}
      {s.pageKind === 'chat' && <CustomerCard />}
      {s.pending && <FillPrompt />}
      {s.pageKind === 'chat' && <ScenarioChips />}
      {s.pageKind === 'chat' && s.buyer && <FollowupActions />}
      {s.pageKind === 'chat' && <SuggestionList />}
      {(s.pageKind === 'order-list' || s.pageKind === 'order-detail') && <FeatureSlot name="remarks" />}
      <TemplateBrowser searchRef={searchRef} />
      <footer class="kf-foot">{s.inputFound ? t('panel.keysHint') : t('panel.copyMode')}</footer>
    </aside>
  );
}
