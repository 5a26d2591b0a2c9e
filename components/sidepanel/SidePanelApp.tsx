import { useEffect, useState } from 'preact/hooks';
import { useSidePanelApi } from './SidePanelContext';
import { LibraryPane } from './LibraryPane';
import type { TargetInfo } from '@/lib/teach/page-api';
import { getLocale, registerMessages, t } from '@/lib/i18n';
import { sites } from '@/lib/i18n/messages/sites';

registerMessages(sites);

/**
 * The browser side panel: the tab it serves (insert there or copy only), "teach this page", and the
 * library. Works next to any tab, including pages where nothing can be injected (copy only).
 */
export function SidePanelApp() {
  const api = useSidePanelApi();
  const [target, setTarget] = useState<TargetInfo | null>(null);
  const [typedSite, setTypedSite] = useState('');
  const [teachMsg, setTeachMsg] = useState<string | null>(null);
  // The interface language, for this header too: LibraryPane's load sets it (setLocale) and says so
  // here, so the header redraws with the library — it stayed in Chinese in an English interface
  // (客服助手, 仅复制…) when only the library redrew.
  const [, showLocale] = useState(getLocale());

  useEffect(() => {
    let alive = true;
    const refresh = () => void api.target().then((x) => alive && setTarget(x), () => alive && setTarget(null));
    refresh();
    const off1 = api.onTargetChanged(refresh);
    const off2 = api.onChanged(['sites'], refresh);
    return () => {
      alive = false;
      off1();
      off2();
    };
  }, [api]);

  const teach = async () => {
    if (!target) return;
    // The permission request inside teach() must come first in this click: nothing awaits before it.
    const r = await api.teach(target, typedSite);
    setTeachMsg(t(`teach.outcome.${r.ok ? 'started' : r.reason}`));
    if (r.ok) void api.target().then(setTarget);
  };

  return (
    <div class="kf-side" data-kf="sidepanel">
      <header class="kf-side-head">
        <h1>{t('app.name')}</h1>
        <p class="kf-target" data-kf="side-target">
          {target?.host ? t('side.target', { host: target.host }) : target?.tabId ? '' : t('side.noTarget')}
          {target?.status?.site ? ` · ${target.status.site}` : ''}
        </p>
        <p class="kf-mode" data-kf="side-mode" data-can-insert={String(!!target?.status?.canInsert)}>
          {target?.status?.canInsert ? t('side.canInsert') : t('side.copyOnly')}
        </p>
        {target?.tabId != null && (
          <div class="kf-teach-row">
            {!target.url && (
              <input data-kf="side-site" placeholder="im.jinritemai.com" value={typedSite} onInput={(e) => setTypedSite((e.currentTarget as HTMLInputElement).value)} />
            )}
            <button data-kf="side-teach" onClick={() => void teach()}>
              {t('teach.start')}
            </button>
          </div>
        )}
        {teachMsg && (
          <p class="kf-status" role="status" data-kf="side-teach-status">
            {teachMsg}
          </p>
        )}
      </header>
      <LibraryPane target={target} onLocale={showLocale} />
    </div>
  );
}
