import { render } from 'preact';
import { t } from '@/lib/i18n';
import { browser } from '@/lib/browser';
import type { PanelController } from '@/lib/panel/controller';
import { FIELDS, Kept, type KeptText } from './StalePanel';
import { offerLeftRemark, type LeftRemark } from '@/lib/panel/left-remark';

/**
 * The texts the agent had typed into the old panel and not saved when the extension updated under the
 * tab and the new copy of the content script took over (entrypoints/content/index.tsx takes the old
 * panel's fields before the old copy takes them off the page, and leaves them in the content-script
 * world's `kfLeft`; called once, as the new panel's fit script starts). The new copy has no way to the old
 * panel's state (its own isolated world; storage.session is emptied by the update), so a form cannot
 * be opened again on what it was for: the search goes back into the search box, every other text is
 * shown read-only with 复制 under the panel's head, with a quiet line, until 知道了 — but the remark
 * form's: the console's remark dialog outlives the update with the page, so the new panel's form opens
 * on it again, and takes what the agent typed on that order (lib/panel/left-remark.ts); those texts
 * leave the box then (shown until, should the form never open there). Kept in this tab's memory only,
 * as the fields themselves were.
 */
export function restoreLeft(controller: PanelController, doc: Document): void {
  const world = globalThis as { kfLeft?: NodeListOf<HTMLInputElement> };
  const fields = world.kfLeft ?? [];
  delete world.kfLeft;
  let search = '';
  // The remark form's own fields go back into the new form on its order (remarkLeft); shown here
  // until it has them, in case it never opens there (the console's dialog closed meanwhile).
  const remark = remarkLeft(fields);
  let kept: (KeptText & { remark: boolean })[] = [];
  for (const f of fields) {
    if (f.dataset.kf === 'search') search = f.value;
    // Named as the old panel named it (a fill-in by its blank: 身高体重).
    else if (f.matches(FIELDS) && f.value.trim()) kept.push({ label: (f.getAttribute('aria-label') || f.dataset.name || f.labels?.[0]?.textContent || f.placeholder || '').trim(), text: f.value, remark: !!remark && !!f.dataset.field && !!f.closest('[data-kf="remark-form"]') });
  }
  // The form may take them at once (it opened first) or later, once the box below is drawn.
  let drop = () => void (kept = kept.filter((k) => !k.remark));
  if (remark) offerLeftRemark(remark, () => drop());
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
  const close = () => (watch.disconnect(), render(null, box), box.remove());
  const draw = () =>
    render(
      <section class="kf-notice kf-info" role="status" data-kf="left-texts" style={{ display: 'block' }}>
        <p>{t('stale.handed')}</p>
        {kept.map((k) => (
          <Kept key={k.label + k.text} label={k.label} text={k.text} />
        ))}
        <button class="kf-link" data-kf="left-dismiss" onClick={close}>
          {t('stale.handedDismiss')}
        </button>
      </section>,
      box,
    );
  // Under the panel's head, again each time the panel is drawn anew (folded and opened).
  const place = () => box.isConnected || container.querySelector('[data-kf="panel"] > header')?.after(box);
  const watch = new MutationObserver(place);
  draw();
  watch.observe(container, { childList: true });
  place();
  drop = () => {
    kept = kept.filter((k) => !k.remark);
    if (kept.length) draw();
    else close();
  };
}

/** The remark form the old panel had open, with what was typed in it (dates and lists too), or undefined. */
function remarkLeft(fields: Iterable<Element>): LeftRemark | undefined {
  for (const el of fields) {
    if ((el as HTMLElement).dataset?.kf !== 'remark-editor') continue;
    const form = (el as HTMLElement).querySelector<HTMLElement>('[data-kf="remark-form"]');
    const values: Record<string, string> = {};
    for (const f of form?.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input[data-field], select[data-field], textarea[data-field]') ?? []) if (f.value.trim()) values[f.dataset.field!] = f.value;
    const orderId = (el as HTMLElement).dataset.orderId;
    if (orderId && form?.dataset.target && Object.keys(values).length) return { orderId, target: form.dataset.target, values };
  }
}
