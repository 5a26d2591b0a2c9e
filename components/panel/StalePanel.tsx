import { render } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { registerMessages, setLocale, t, type Locale } from '@/lib/i18n';
import { staleMessages } from '@/lib/i18n/messages/stale';

registerMessages(staleMessages);

/** Text the agent had typed into one of the panel's own fields (a remark, a follow-up's note…), unsaved. */
export interface KeptText {
  label: string;
  text: string;
}

/**
 * What a panel shows once the extension was updated or reloaded under it and no newer copy took its
 * place (a tab the worker could not reach): its runtime is gone, so it can read, record and check
 * nothing. The page is refreshed only on the agent's click, and a click while the chat box still
 * holds text first says so (a refresh empties the box on most consoles): the next click refreshes.
 * What the agent had typed into the panel's own forms and not saved is shown read-only with 复制, to
 * paste after the refresh (the worker that would have kept it is gone). A folded panel stays a tab
 * (已更新) until the agent opens it. Part of the fit feature script every panel loads as it starts
 * (entrypoints/fit-feature.ts), so it is in the tab before the runtime goes: nothing can be fetched after.
 */
export function StalePanel(props: { typed: () => boolean; reload: () => void; kept?: KeptText[]; folded?: boolean; inPanel?: boolean }) {
  const [warned, warn] = useState(false);
  const [open, setOpen] = useState(!props.folded);
  if (!open)
    return (
      <div role="alert">
        <button class="kf-tab" data-kf="stale" title={t('panel.stale')} aria-label={t('panel.stale')} onClick={() => setOpen(true)}>
          {t('stale.tab')}
        </button>
      </div>
    );
  const body = (
    <section role="alert" data-kf="stale">
      <p>{t('panel.stale')}</p>
      {!!props.kept?.length && <p class="kf-muted">{t('stale.kept')}</p>}
      {props.kept?.map((k) => <Kept key={k.label + k.text} {...k} />)}
      {warned && <p class="kf-notice kf-warn">{t('stale.typed')}</p>}
      <button class="kf-primary" data-kf="stale-reload" onClick={() => (warned || !props.typed() ? props.reload() : warn(true))}>
        {t(warned ? 'stale.reloadAnyway' : 'stale.reload')}
      </button>
    </section>
  );
  // Beside the buyer card kept in the old panel, or in a panel of its own.
  return props.inPanel ? body : <aside class="kf-panel">{body}</aside>;
}

export function Kept({ label, text }: KeptText) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [done, setDone] = useState<'copied' | 'select' | null>(null);
  const copy = () => {
    const ta = ref.current!;
    // The clipboard as the page has it (the extension's own permission went with its runtime);
    // else the text is left selected for Ctrl+C.
    const fallback = () => {
      ta.select();
      setDone(document.execCommand('copy') ? 'copied' : 'select');
    };
    navigator.clipboard?.writeText(text).then(() => setDone('copied'), fallback) ?? fallback();
  };
  return (
    <div data-kf="stale-kept">
      {label && <div class="kf-muted">{label}</div>}
      <textarea ref={ref} readOnly rows={Math.min(4, text.split('\n').length + 1)} aria-label={label || t('stale.kept')} value={text} style={{ width: '100%', font: 'inherit' }} />
      <button class="kf-link" data-kf="stale-copy" onClick={copy}>
        {t('stale.copy')}
      </button>
      {done && <span role="status">{t(done === 'copied' ? 'stale.copied' : 'stale.select')}</span>}
    </div>
  );
}

/** The fields of the panel that can hold what the agent typed (not the search box: a query, not work). */
export const FIELDS = 'textarea, input:not([type]), input[type=text], input[type=tel]';

/**
 * Draws the dead panel in `container` (the content script's panel, drawn by its own Preact), in the
 * panel's language. Reads first what the agent typed into the panel's fields. The buyer card keeps
 * its frame, which lives on after the update with its unsaved note or edit in it (moving or
 * re-creating an iframe would load it again, and its page is gone): the rest of the old panel is taken
 * out around it and the notice goes above it. A folded panel (the tab) becomes a tab that says 已更新.
 */
export function drawStale(container: HTMLElement, typed: () => boolean, locale: Locale): void {
  setLocale(locale);
  const old = container.firstElementChild as HTMLElement | null;
  const folded = !!old?.matches('.kf-tab');
  const kept: KeptText[] = [];
  for (const f of container.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(FIELDS)) {
    if (f.dataset.kf === 'search' || !f.value.trim()) continue;
    kept.push({ label: (f.getAttribute('aria-label') || f.labels?.[0]?.textContent || f.placeholder || '').trim(), text: f.value });
  }
  const card = container.querySelector('iframe');
  const box = document.createElement('div');
  const inPanel = !!(old && card && card.style.display !== 'none');
  if (inPanel) {
    for (let n: Element = card!; n !== old; n = n.parentElement!) for (const other of [...n.parentElement!.children]) if (other !== n) other.remove();
    old!.prepend(box);
  } else container.replaceChildren(box);
  render(<StalePanel typed={typed} reload={() => location.reload()} kept={kept} folded={folded} inPanel={inPanel} />, box);
}
