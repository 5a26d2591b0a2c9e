import { render } from 'preact';
import { t } from '@/lib/i18n';
import { browser } from '@/lib/browser';
import type { PanelController } from '@/lib/panel/controller';
import { FIELDS, Kept, type KeptText } from './StalePanel';

/**
 * The texts the agent had typed into the old panel and not saved when the extension updated under the
 * tab and the new copy of the content script took over (entrypoints/content/index.tsx takes the old
 * panel's fields before the old copy takes them off the page, and leaves them in the content-script
 * world's `kfLeft`; called once, as the new panel's fit script starts). The new copy has no way to the old
 * panel's state (its own isolated world; storage.session is emptied by the update), so a form cannot
 * be opened again on what it was for: the search goes back into the search box, every other text is
 * shown read-only with 复制 under the panel's head, with a quiet line, until 知道了. Kept in this tab's
 * memory only, as the fields themselves were.
 */
export function restoreLeft(controller: PanelController, doc: Document): void {
  const world = globalThis as { kfLeft?: NodeListOf<HTMLInputElement> };
  const fields = world.kfLeft ?? [];
  delete world.kfLeft;
  let search = '';
  const kept: KeptText[] = [];
  for (const f of fields) {
    if (f.dataset.kf === 'search') search = f.value;
    // Named as the old panel named it (a fill-in by its blank: 身高体重).
    else if (f.matches(FIELDS) && f.value.trim()) kept.push({ label: (f.getAttribute('aria-label') || f.dataset.name || f.labels?.[0]?.textContent || f.placeholder || '').trim(), text: f.value });
  }
  if (!search.trim() && !kept.length) return;
  // Folded (a narrow console starts so): opened, the texts are what the agent was working on.
  if (controller.store.get().collapsed) controller.setCollapsed(false);
  // After the buyer's first read, which would take the search as typed for someone else (it waits
  // on the card drawing them: run it now, as the agent reaching for the panel does).
  controller.flushRead();
  if (search.trim()) controller.setQuery(search);
  if (!kept.length) return;
  // The new panel's shadow body (the content script's mountShadowHost), opened as the old one was:
  // the last <kf-panel>, appended to the body as the panel started (one of the page's own may come before).
  const host = [...doc.querySelectorAll('kf-panel')].at(-1);
  const container = host && (browser as unknown as { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } }).dom.openOrClosedShadowRoot(host)?.querySelector('body');
  if (!container) return;
  const box = doc.createElement('div');
  render(
    <section class="kf-notice kf-info" role="status" data-kf="left-texts" style={{ display: 'block' }}>
      <p>{t('stale.handed')}</p>
      {kept.map((k) => (
        <Kept key={k.label + k.text} {...k} />
      ))}
      <button class="kf-link" data-kf="left-dismiss" onClick={() => (watch.disconnect(), box.remove())}>
        {t('stale.handedDismiss')}
      </button>
    </section>,
    box,
  );
  // Under the panel's head, again each time the panel is drawn anew (folded and opened).
  const place = () => box.isConnected || container.querySelector('[data-kf="panel"] > header')?.after(box);
  const watch = new MutationObserver(place);
  watch.observe(container, { childList: true });
  place();
}
