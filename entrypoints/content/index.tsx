import { render } from 'preact';
import { CONSOLE_MATCHES } from '@/lib/sites/matches';
import { consoleName, findAdapter } from '@/lib/sites';
import { PanelController } from '@/lib/panel/controller';
import { PANEL_FEATURES } from '@/lib/panel/page-features';
import { reservePanelSpace } from '@/lib/panel/layout';
import { bodyWatch } from '@/lib/sites/observe';
import { mountShadowHost } from '@/lib/panel/shadow-host';
import { PanelContext } from '@/components/PanelContext';
import { Panel } from '@/components/Panel';
import { PANEL_CSS } from '@/components/panelStyles';
import { CardFrameHost } from '@/lib/panel/card-frame';
import { call, onDataChanged } from '@/lib/messaging/client';
import { browser } from '@/lib/browser';
import { TeachContext } from '@/lib/teach/context';
import type { Picker } from '@/lib/teach/picker';
import { loadFeature } from '@/lib/panel/features';
import { getLocale } from '@/lib/i18n';
import { listenTabMessages } from '@/lib/teach/tab-messages';
import { t } from '@/lib/i18n';
import type { SiteAdapter } from '@/lib/sites';
import type { TaughtSite } from '@/lib/sites/taught/record';

// An update under an open tab: the new copy of this script runs in an isolated world of its own
// (test/e2e/update-handover.e2e.test.ts), so the old copy can hand it nothing in memory; and WXT's
// context, made once this module ran, announces the new copy, at which the old one takes its panel
// off. Before that, here, the old panel's fields are taken (the elements: their text stays in them
// once they are off the page), through the extension's own chrome.dom, and left in this world for
// the fit feature script, which gives them back in the new panel (components/panel/LeftTexts.tsx).
// Never copied into the page or stored. (Firefox keeps the old copy's runtime: no such thing there.)
// Only into a page already loaded, as the worker puts it: at a page's load (document_end) a
// <kf-panel> can only be the page's own, whose texts the panel must not show as the agent's.
try {
  if (document.readyState == 'complete') (globalThis as { kfLeft?: unknown }).kfLeft = (browser as any).dom.openOrClosedShadowRoot(document.querySelector('kf-panel')).querySelectorAll('*');
} catch {}

export default defineContentScript({
  matches: CONSOLE_MATCHES,
  runAt: 'document_end',
  // WXT's window.postMessage that this script started told every page script the extension's id.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // WXT takes this script down when a newer copy of it announces itself with an event on the
    // document, and any page script can fire that event (it names only the extension's id): that
    // took the panel, the remark check and the guard off the page until a reload. A newer copy comes
    // only once the extension was reloaded or updated, when this copy's runtime is gone (ctx.isValid
    // asks it, and invalidates when it is); while it lives, the announcement is forged. Stopped on
    // window, before it reaches WXT's listener on the document. (`wxt dev` re-injects a rebuilt copy
    // into a living runtime: there it is let through.)
    // (A copy whose runtime is gone lets it through and takes its own panel off: the newer copy's
    // takes its place.)
    let taken = false;
    if (!import.meta.env.DEV)
      window.addEventListener(
        (ctx.constructor as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE,
        (e) => (browser.runtime?.id ? e.stopImmediatePropagation() : ((taken = true), current?.remove(), (current = null))),
        true,
      );
    // Chrome injects no new copy into open tabs at an update; the worker does (lib/background/
    // reach-tabs.ts), except where it cannot. This copy learns that its runtime is gone when the page
    // changes (the controller asks) or the agent reaches for it, before any listener of the panel acts
    // on the key or click (Alt+1 on a dead panel inserted a reply it could no longer record or check).
    // So does the agent coming back to the tab (after 重新加载 in chrome://extensions, in another tab):
    // the panel says what happened before it is used, not after.
    for (const type of ['keydown', 'pointerdown', 'focus']) window.addEventListener(type, () => ctx.isInvalid, { capture: true, signal: ctx.signal });
    // A second copy of this script in the tab (a taught page's registered script beside one the
    // teaching injected) is not a reload: the announcement above is stopped while the runtime
    // lives, so the copies hand over here instead. Copies share this isolated world, which no page
    // script reaches: the newer one takes the older one down.
    const slot = globalThis as { kfStop?: () => void };
    slot.kfStop?.();
    slot.kfStop = () => ctx.abort();
    let current: { adapterId: string | null; adapter: SiteAdapter; controller: PanelController; abort: AbortController; remove(): void } | null = null;
    let mountSeq = 0;
    let picker: Picker | null = null;
    let ready = false;

    /**
     * What the agent taught for an origin, asked once per origin (an in-page navigation on a console
     * asks for nothing); forgotten when the taught sites change (onDataChanged below, a save).
     */
    const taughtByOrigin = new Map<string, Promise<TaughtSite | null>>();
    const taughtFor = (origin: string) => {
      let p = taughtByOrigin.get(origin);
      // A failed ask (the worker starting) is asked again next time.
      if (!p) taughtByOrigin.set(origin, (p = call('getTaughtSite', { origin }).catch(() => (taughtByOrigin.delete(origin), null))));
      return p;
    };

    /** The built-in adapter, repaired or replaced by what the agent taught on this site (if anything). */
    const resolveAdapter = async (url: URL): Promise<{ adapter: SiteAdapter | null; key: string | null }> => {
      const builtIn = findAdapter(url);
      const taught = await taughtFor(url.origin);
      // The taught-site adapter is a feature script: only pages the agent taught load it.
      const feature = taught
        ? await loadFeature('taught').catch((err: Error) => {
            console.error('[kf] the taught-site adapter did not load', err);
            return null;
          })
        : null;
      const taughtAdapter = taught && feature ? feature.createTaughtAdapter(taught) : null;
      const adapter = builtIn && taughtAdapter && feature ? feature.withTaughtFallback(builtIn, taughtAdapter) : (builtIn ?? taughtAdapter);
      return { adapter, key: adapter ? `${adapter.id}@${taught?.updatedAt ?? 0}` : null };
    };

    let loadingPicker = false;
    const startTeach = async () => {
      if (picker || loadingPicker) return;
      loadingPicker = true;
      let p: Picker;
      try {
        const teach = await loadFeature('teach');
        p = teach.startPicker(document, { signal: ctx.signal, locale: getLocale() });
      } catch (err) {
        current?.controller.store.set({ notice: { kind: 'error', text: t('panel.featureFailed', { reason: (err as Error).message }) } });
        return;
      } finally {
        loadingPicker = false;
      }
      picker = p;
      void p.done.then(async (r) => {
        picker = null;
        if (!r.ok) return;
        try {
          await call('saveTaughtSite', { origin: location.origin, ...r.page, fields: r.fields });
          taughtByOrigin.clear();
          await mount();
          current?.controller.store.set({ notice: { kind: 'info', text: t('teach.saved') } });
        } catch (err) {
          current?.controller.store.set({ notice: { kind: 'error', text: t('teach.saveFailed', { reason: (err as Error).message }) } });
        }
      });
    };

    const mount = async () => {
      const seq = ++mountSeq;
      const url = new URL(location.href);
      // A supported console shows the panel at once; what the agent may have taught for this site
      // (a round trip to the background) only replaces the adapter afterwards, if there is any.
      const builtIn = findAdapter(url);
      // (Not again when this origin's answer is known: that would replace a taught adapter for a moment.)
      if (builtIn && !taughtByOrigin.has(url.origin)) await show(builtIn, `${builtIn.id}@0`, seq);
      const { adapter, key } = await resolveAdapter(url);
      await show(adapter, key, seq);
    };

    const show = async (adapter: SiteAdapter | null, key: string | null, seq: number) => {
      if (seq !== mountSeq || ctx.isInvalid) return;
      if (current && current.adapterId === key) return;
      current?.abort.abort();
      current?.remove();
      current = null;
      if (!adapter) return;
      const abort = new AbortController();
      ctx.onInvalidated(() => abort.abort());
      const controller = new PanelController(adapter, document, abort.signal, () => ctx.isValid);
      const card = new CardFrameHost(controller, adapter.platform, document, abort.signal, getLocale);
      // Closed shadow root (README, "Privacy, security"); buyer notes are not in this tree at all:
      // they live in the card frame.
      const ui = mountShadowHost(document, 'kf-panel', PANEL_CSS);
      render(
        <PanelContext.Provider value={controller}>
          <TeachContext.Provider value={() => void startTeach()}>
            <Panel />
          </TeachContext.Provider>
        </PanelContext.Provider>,
        ui.container,
      );
      // The agent reaching for the panel right after a switch acts on the new buyer's reading.
      for (const type of ['pointerdown', 'keydown']) ui.container.addEventListener(type, () => controller.flushRead(), { capture: true, signal: abort.signal });
      const offLayout = controller.store.subscribe((s) => reservePanelSpace(document, !s.collapsed));
      reservePanelSpace(document, !controller.store.get().collapsed);
      current = {
        adapterId: key,
        adapter,
        controller,
        abort,
        remove: () => {
          offLayout();
          reservePanelSpace(document, false);
          render(null, ui.container);
          ui.remove();
        },
      };
      // The panel beside the page's dialogs and a page that cannot narrow (lib/panel/page-fit.ts),
      // fetched while the panel starts: a chat console with a minimum width starts it folded.
      const fit = loadFeature('fit');
      // A newer copy took over (the extension reloaded or updated, and the worker put the new copy
      // in this tab): this panel's code is dead, take it off the page. With no newer copy after a
      // moment (a tab the worker could not reach), it says so instead of showing dead suggestions.
      ctx.onInvalidated(() => {
        if (current?.abort !== abort) return;
        if (browser.runtime?.id || taken) return current.remove(), (current = null);
        // The fit script (in the tab since the panel started) draws the notice over this panel: its
        // 刷新页面 refreshes on the agent's click only and warns of text in the chat box, and what the
        // agent typed in the panel's forms or the card stays to copy (components/panel/StalePanel.tsx).
        // Without that script, a line alone: no refresh that could lose what the agent typed.
        setTimeout(
          () =>
            current?.abort === abort &&
            fit.then(
              (f) => f.stale(ui.container, () => !!controller.chatText()?.trim(), getLocale()),
              () =>
                render(
                  <aside class="kf-panel" role="alert">
                    <p class="kf-notice kf-warn">{t('panel.stale')}</p>
                  </aside>,
                  ui.container,
                ),
            ),
          1500,
        );
      });
      await controller.start({ card, features: PANEL_FEATURES });
      void fit.then((f) => abort.signal.aborted || f.watch({ controller, doc: document, signal: abort.signal, bodyWatch }), () => {});
    };

    // In-page navigation (history.pushState): another console page gets its adapter; the same one
    // keeps its panel, which re-reads the page — not inside the page's pushState (the Navigation API
    // reports it there, before the page has drawn the new view), but right after the page's own
    // handler. (WXT names the event after the extension's id; a plain 'wxt:locationchange' on window
    // comes from the page, never from WXT.)
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      void mount();
      queueMicrotask(() => current?.controller.pageChanged());
    });
    // Taught or forgotten in another tab or in the options page: pick the adapter again.
    ctx.onInvalidated(
      onDataChanged(['sites'], () => {
        taughtByOrigin.clear();
        void mount();
      }),
    );
    const fromSide = async (p: unknown) => (current ? (await loadFeature('suggest')).fromSide(current.controller, p) : { ok: false, reason: 'no-input' });
    // The side panel / popup / options page drive this tab: status, teach mode, insertion.
    listenTabMessages(
      {
        ping: () => {
          const a = current?.adapter ?? null;
          let canInsert = false;
          try {
            canInsert = !!a?.findChatInput(document);
          } catch {
            canInsert = false;
          }
          return { site: a ? consoleName(a.name, getLocale()) : null, canInsert, buyer: a?.readBuyer(document) ?? null, teaching: picker !== null, ready };
        },
        startTeach: () => {
          void startTeach();
          return true;
        },
        // A reply the side panel inserts goes the panel's own way (the guard's hold, the repeat count…), never straight in.
        insertText: fromSide,
        useReply: fromSide,
        // The side panel copied or inserted a reply: the follow-ups script marks a 催付 for the buyer shown now.
        remindedHere: async (p) => current && (await loadFeature('followups')).remindedHere(current.controller, p),
      },
      ctx.signal,
    );
    await mount();
    ready = true;
  },
});
