import { useEffect, useState } from 'preact/hooks';
import { useApi, useLoaded } from './OptionsContext';
import { useShopZone } from './useShopZone';
import { formatWall } from '@/lib/domain/time';
import type { TaughtSite } from '@/lib/sites/taught/record';
import type { ForgetResult } from '@/lib/teach/flow';
import { registerMessages, t } from '@/lib/i18n';
import { sites } from '@/lib/i18n/messages/sites';
import { reasonText } from '@/lib/messaging/reason';
import { Said } from './Said';

registerMessages(sites);

/** Browser calls the tab needs, handed in by the options entry (tests pass fakes). */
export interface SiteAccessApi {
  hasAccess(origin: string): Promise<boolean>;
  requestAccess(origin: string): Promise<boolean>;
  /** Opens the site in a tab and starts teach mode there again. */
  reteach(site: TaughtSite): Promise<void>;
}

let accessApi: SiteAccessApi | null = null;
/** Tests hand in a fake; the extension uses lib/teach/page-api (loaded on first use). */
export function provideSiteAccess(api: SiteAccessApi): void {
  accessApi = api;
}
async function siteAccess(): Promise<SiteAccessApi> {
  if (!accessApi) {
    const p = await import('@/lib/teach/page-api');
    accessApi = { hasAccess: p.hasSiteAccess, requestAccess: p.requestSiteAccess, reteach: async (s) => void (await p.reteachSite(s)) };
  }
  return accessApi;
}

/** The sites taught in teach mode: what each remembers, re-teach, grant access, forget. */
export function TaughtSites() {
  const api = useApi();
  const { value: list, error } = useLoaded('listTaughtSites', ['sites']);
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const [status, setStatus] = useState<string | null>(null);
  // Shop time, as every other options tab shows a moment (the computer may be on another clock).
  const zone = useShopZone();

  useEffect(() => {
    if (!list) return;
    void siteAccess()
      .then((a) => Promise.all(list.map(async (s) => [s.origin, await a.hasAccess(s.origin).catch(() => false)] as const)))
      .then((pairs) => setAccess(Object.fromEntries(pairs)));
  }, [list]);

  const forget = async (site: TaughtSite) => {
    if (!confirm(t('sites.confirmForget', { origin: site.origin }))) return;
    try {
      const r = (await api.call('forgetTaughtSite', { origin: site.origin })) as ForgetResult;
      const extra = r.permission === 'required' ? t('sites.permissionKept') : r.permission === 'failed' ? t('sites.permissionFailed') : '';
      setStatus(`${t('sites.forgotten', { origin: site.origin })}${extra}`);
    } catch (err) {
      setStatus(reasonText(err));
    }
  };

  const grant = async (site: TaughtSite) => {
    // The request must be the first thing this click awaits.
    const ok = await accessApi?.requestAccess(site.origin).catch(() => false);
    if (ok) {
      setAccess((a) => ({ ...a, [site.origin]: true }));
      await api.call('syncTaughtSites').catch(() => {});
    }
  };

  return (
    <section class="kf-card" data-kf="taught-sites">
      <h2>{t('sites.tab')}</h2>
      <p class="kf-help">{t('sites.help')}</p>
      {status && (
        <Said of={status} class="kf-ok" kf="sites-status">
          {status}
        </Said>
      )}
      {error && <p class="kf-bad">{error}</p>}
      {list && list.length === 0 && <p class="kf-muted" data-kf="sites-empty">{t('sites.empty')}</p>}
      <ul class="kf-site-list">
        {(list ?? []).map((site) => (
          <li data-kf="taught-site" data-origin={site.origin}>
            <strong>{site.origin}</strong> <span class="kf-muted">{site.name}</span>
            <div class="kf-help">
              {t('sites.fields', { fields: Object.keys(site.fields).map((f) => t(`teach.field.${f}`)).join('、') })} ·{' '}
              {t('sites.updated', { date: formatWall(site.updatedAt, zone) })}
            </div>
            {access[site.origin] === false && <div class="kf-bad">{t('sites.noAccess')}</div>}
            <div class="kf-actions">
              {access[site.origin] === false && (
                <button data-kf="site-grant" onClick={() => void grant(site)}>
                  {t('sites.grant')}
                </button>
              )}
              <button data-kf="site-reteach" onClick={() => void accessApi?.reteach(site)}>
                {t('sites.reteach')}
              </button>
              <button data-kf="site-forget" onClick={() => void forget(site)}>
                {t('sites.forget')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
