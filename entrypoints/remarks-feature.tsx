// The order-page part of the panel (remark form, live checks, save interception, list lint),
// injected on demand into a console tab's content-script world; see lib/panel/features.ts.
import { render } from 'preact';
import { loadFeature, registerFeature } from '@/lib/panel/features';
import { call } from '@/lib/messaging/client';
import { RemarkController } from '@/lib/panel/remarks';
import { PanelContext } from '@/components/PanelContext';
import { RemarkContext } from '@/components/remarks/RemarkContext';
import { RemarkPanel } from '@/components/remarks/RemarkPanel';
import { REMARK_CSS } from '@/components/remarks/styles';
import { getLocale, setLocale, t } from '@/lib/i18n';
import { findsRemarkBox } from '@/components/remarks/remark-box';
import { isAltKey } from '@/components/ime-key';
import { fitDialog } from '@/lib/panel/dialog-fit';
import { ordersShown } from '@/lib/sites/probe';

const firstField = (form: Element | null) =>
  form?.querySelector<HTMLElement>('[data-field]') ?? form?.querySelector<HTMLElement>('[data-kf="remark-target"]');

export default defineUnlistedScript(() => {
  registerFeature('remarks', {
    mount(container, host) {
      const abort = new AbortController();
      const stop = () => abort.abort();
      host.signal.addEventListener('abort', stop, { once: true });
      setLocale(host.controller.store.get().settings.shop.locale);
      // The orders the list shows, counted as the page check counts them (probe.ts ordersShown): the
      // summary then says how many orders it checked and never calls a list it did not all read fine.
      const spec = host.adapter?.probe;
      const shown = () => (spec && typeof spec === 'object' ? ordersShown(host.doc, spec) : 0);
      const remarks = new RemarkController(host.controller, host.platform, host.doc, abort.signal, undefined, shown);
      // JD's order list finds no remark box: the panel says it only checks the remarks on the orders,
      // and offers teach mode's remark-box step (a taught box is used on a built-in console too:
      // withTaughtFallback). The save makes the content script pick the adapter again (its `sites` listener).
      const noBox = !findsRemarkBox(host.adapter);
      let teaching = false;
      const teach = async () => {
        if (teaching) return;
        teaching = true;
        try {
          const picker = (await loadFeature('teach')).startPicker(host.doc, { fields: ['remarkBox'], signal: abort.signal, locale: getLocale() });
          const r = await picker.done;
          if (!r.ok) return;
          const origin = host.doc.location.origin;
          // Added to what was taught here before (another step), never in its place.
          const had = await call('getTaughtSite', { origin }).catch(() => null);
          await call('saveTaughtSite', { origin, ...r.page, fields: { ...had?.fields, ...r.fields } });
        } catch (err) {
          remarks.store.set({ notice: { kind: 'warn', text: t('remarks.panel.teachFailed', { reason: (err as Error).message }) } });
        } finally {
          teaching = false;
        }
      };
      render(
        <PanelContext.Provider value={host.controller}>
          <RemarkContext.Provider value={remarks}>
            <style>{REMARK_CSS}</style>
            <RemarkPanel noBox={noBox} onTeach={() => void teach()} />
          </RemarkContext.Provider>
        </PanelContext.Provider>,
        container,
      );
      void remarks.start();
      // The console's remark dialog, centred on the whole window, is moved clear of the panel.
      const fit = fitDialog(container.closest<HTMLElement>('.kf-panel'), host.doc, abort.signal);
      const offFit = host.controller.store.subscribe((s) => fit(s.remarkEditor?.textarea ?? null));
      abort.signal.addEventListener('abort', offFit, { once: true });
      fit(host.controller.store.get().remarkEditor?.textarea ?? null);
      // Alt+R, in the family of Alt+K and Alt+N: from the console's remark box (or anywhere on the
      // page) to this form's first field, and back to the box from the form. By Tab the form is
      // about a hundred presses away, through the whole order list. (A folded panel has no form:
      // this script is unmounted with it; remark-enforcement.ts opens the panel for the key.)
      host.doc.addEventListener(
        'keydown',
        (e) => {
          if (!isAltKey(e, 'KeyR')) return;
          const form = container.querySelector('[data-kf="remark-form"]');
          // No form ever comes on a page whose box is not found, and none on an order page until a box
          // is open: the key says which, on the section's line brought into sight, rather than nothing.
          // (A chat page's line is remark-enforcement.ts's; an open box's form is on its way.)
          const { remarkEditor, pageKind } = host.controller.store.get();
          if (!form && !noBox && (remarkEditor || !pageKind.startsWith('order'))) return;
          e.preventDefault();
          e.stopPropagation();
          if (!form) {
            remarks.store.set({ notice: { kind: 'warn', text: t(noBox ? 'remarks.panel.altRNoBox' : 'remarks.panel.altROpenBox') } });
            return void requestAnimationFrame(() => container.querySelector('[data-kf="remark-notice"]')?.scrollIntoView({ block: 'nearest' }));
          }
          // Held, the key would flip the focus between the form and the box some 30 times a second.
          if (e.repeat) return;
          const box = host.controller.store.get().remarkEditor?.textarea;
          if (box && form.contains((container.getRootNode() as ShadowRoot).activeElement)) return box.focus();
          firstField(form)?.focus();
        },
        { capture: true, signal: abort.signal },
      );
      // Opened by Alt+R while folded (remark-enforcement.ts): the form is drawn once the rules are in.
      if (host.controller.remarkKey) {
        host.controller.remarkKey = false;
        const seen = new MutationObserver(() => {
          const field = firstField(container.querySelector('[data-kf="remark-form"]'));
          if (field) seen.disconnect(), field.focus();
        });
        seen.observe(container, { childList: true, subtree: true });
        abort.signal.addEventListener('abort', () => seen.disconnect(), { once: true });
      }
      return () => {
        stop();
        host.signal.removeEventListener('abort', stop);
        render(null, container);
      };
    },
  });
});
