import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { usePopupApi } from './PopupContext';
import { FollowupList } from './FollowupList';
import { ClockSummary } from './ClockSummary';
import { TeamStatusLine } from './TeamStatusLine';
import { ImportCutNotice } from '../options/ImportCutNotice';
import type { FollowupList as FollowupListData } from '@/lib/messaging/protocol-followups';
import { reasonText } from '@/lib/messaging/reason';

/** The toolbar popup: today's follow-ups first; the reply library as a second tab where available. */
export function PopupApp(props: { onFirstRender?: () => void; initial?: FollowupListData | null }) {
  const api = usePopupApi();
  const [tab, setTab] = useState<'list' | 'library'>('list');
  const [Library, setLibrary] = useState<ComponentType | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const exportCsv = async () => {
    try {
      const out = await api.call('exportFollowupsCsv');
      api.download(out.filename, out.csv, 'text/csv;charset=utf-8');
      setStatus(t('followups.popup.exported', { count: out.count }));
    } catch (e) {
      setStatus(t('followups.popup.actionFailed', { reason: reasonText(e) }));
    }
  };

  const showLibrary = async () => {
    setTab('library');
    if (!Library && api.loadLibraryTab) {
      const component = await api.loadLibraryTab();
      setLibrary(() => component);
    }
  };

  return (
    <div class="kf-popup">
      <header class="kf-popup-head">
        <nav role="tablist">
          <button role="tab" aria-selected={tab === 'list'} data-tab="list" class={tab === 'list' ? 'kf-on' : ''} onClick={() => setTab('list')}>
            {t('followups.popup.tabList')}
          </button>
          {/* Hook for the side panel's LibraryPane (the popup fallback where no side panel exists). */}
          {api.loadLibraryTab && (
            <button role="tab" aria-selected={tab === 'library'} data-tab="library" class={tab === 'library' ? 'kf-on' : ''} onClick={() => void showLibrary()}>
              {t('followups.popup.tabLibrary')}
            </button>
          )}
        </nav>
        {tab === 'list' && (
          <button class="kf-export" data-kf="export" onClick={() => void exportCsv()}>
            {t('followups.action.export')}
          </button>
        )}
        {/* The way back to the settings once the welcome tab is closed (the toolbar's right-click
            选项 is not something a new agent finds); through the worker, which brings an options
            page already open forward instead of opening a second one. */}
        <button class="kf-export" data-kf="open-settings" onClick={() => void api.call('openOptions', { tab: 'shop' }).catch((e) => setStatus(t('followups.popup.actionFailed', { reason: reasonText(e) })))}>
          {t('followups.popup.settings')}
        </button>
      </header>
      <ImportCutNotice api={api} />
      <TeamStatusLine />
      {status && <p class="kf-status" role="status" data-kf="export-status">{status}</p>}
      {tab === 'list' ? <FollowupList onFirstRender={props.onFirstRender} initial={props.initial} /> : Library ? <Library /> : <p class="kf-muted">{t('followups.popup.loading')}</p>}
      {tab === 'list' && <ClockSummary />}
      <footer class="kf-keys">{t('followups.popup.keys')}</footer>
    </div>
  );
}
