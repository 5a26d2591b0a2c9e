import { render } from 'preact';
import { CONSOLE_MATCHES } from '@/lib/sites/matches';
import { findAdapter } from '@/lib/sites';
import { PanelController } from '@/lib/panel/controller';
import { reservePanelSpace } from '@/lib/panel/layout';
import { PanelContext } from '@/components/PanelContext';
import { Panel } from '@/components/Panel';
import { PANEL_CSS } from '@/components/panelStyles';

export default defineContentScript({
  matches: CONSOLE_MATCHES,
  runAt: 'document_idle',
  async main(ctx) {
    let current: { adapterId: string | null; abort: AbortController; remove(): void } | null = null;

    const mount = async () => {
      const adapter = findAdapter(new URL(location.href));
      if (current && current.adapterId === (adapter?.id ?? null)) return;
      current?.abort.abort();
      current?.remove();
      current = null;
      if (!adapter) return;
      const abort = new AbortController();
      ctx.onInvalidated(() => abort.abort());
      const controller = new PanelController(adapter, document, abort.signal);
      const ui = await createShadowRootUi(ctx, {
        name: 'kf-panel',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: PANEL_CSS,
        onMount(container) {
          render(
            <PanelContext.Provider value={controller}>
              <Panel />
            </PanelContext.Provider>,
            container,
          );
        },
        onRemove(container) {
          if (container) render(null, container);
        },
      });
      ui.mount();
      const offLayout = controller.store.subscribe((s) => reservePanelSpace(document, !s.collapsed));
      reservePanelSpace(document, !controller.store.get().collapsed);
      current = {
        adapterId: adapter.id,
        abort,
        remove: () => {
          offLayout();
          reservePanelSpace(document, false);
          ui.remove();
        },
      };
      await controller.start();
      // In-page navigation (history.pushState) keeps the panel; the controller re-reads the page.
      window.addEventListener('wxt:locationchange', () => controller.readPage(), { signal: abort.signal });
    };

    ctx.addEventListener(window, 'wxt:locationchange', () => void mount());
    await mount();
  },
});
