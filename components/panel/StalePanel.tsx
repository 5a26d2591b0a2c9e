import { render } from 'preact';
import { useState } from 'preact/hooks';
import { registerMessages, setLocale, t, type Locale } from '@/lib/i18n';
import { staleMessages } from '@/lib/i18n/messages/stale';

registerMessages(staleMessages);

/**
 * What a panel shows once the extension was updated or reloaded under it and no newer copy took its
 * place (a tab the worker could not reach): its runtime is gone, so it can read, record and check
 * nothing. The page is refreshed only on the agent's click, and a click while the chat box still
 * holds text first says so (a refresh empties the box on most consoles): the next click refreshes.
 * Part of the fit feature script every panel loads as it starts (entrypoints/fit-feature.ts), so it
 * is in the tab before the runtime goes: nothing can be fetched after.
 */
export function StalePanel({ typed, reload }: { typed: () => boolean; reload: () => void }) {
  const [warned, warn] = useState(false);
  return (
    <aside class="kf-panel" role="alert" data-kf="stale">
      <section>
        <p>{t('panel.stale')}</p>
        {warned && <p class="kf-notice kf-warn">{t('stale.typed')}</p>}
        <button class="kf-primary" data-kf="stale-reload" onClick={() => (warned || !typed() ? reload() : warn(true))}>
          {t(warned ? 'stale.reloadAnyway' : 'stale.reload')}
        </button>
      </section>
    </aside>
  );
}

/** Draws the dead panel into `container` (emptied by the content script's own Preact first), in the panel's language. */
export function drawStale(container: HTMLElement, typed: () => boolean, locale: Locale): void {
  setLocale(locale);
  render(<StalePanel typed={typed} reload={() => location.reload()} />, container);
}
