/**
 * The compliance guard's place in the content script. The guard itself — every reply going into the
 * chat box (panel, Alt+1…9, `/code`) or the clipboard checked first, a reply with a 'block' finding
 * held until the agent decides, the chat box checked as it is typed with its badge — is
 * lib/panel/guard-run.tsx, in the guard feature script with the rules and the prompt's look and words.
 * Here: the insert check that holds a reply coming before that script is in and hands it over once
 * it is, the script asked for as a chat page starts (so the first insertion does not wait for it) or
 * as the agent types in the chat box elsewhere, and the prompt's slot in the panel, which that
 * script's own Preact draws into.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PanelFeature } from '../page-feature';
import type { GuardRun } from '../guard-run';
import { loadFeature } from '../features';
import type { Locale } from '../../i18n';
import { registerMessages, t } from '../../i18n';
import { guardPanelMessages } from '../../i18n/messages/guard-panel';

registerMessages(guardPanelMessages);

export const guard: PanelFeature = {
  name: 'guard',
  init({ controller, adapter, doc, addSection }, signal) {
    let run: GuardRun | null = null;
    let starting: Promise<GuardRun | null> | null = null;
    // The prompt's place while the panel shows it, and the unmount of what the guard drew there.
    let slot: { el: HTMLElement; locale: Locale } | null = null;
    let unmount: (() => void) | undefined;
    const draw = () => {
      unmount?.();
      unmount = run && slot ? run.mount(slot.el, slot.locale) : undefined;
    };
    // A script that failed to load is asked for again at the next reply or typing.
    const start = () =>
      (starting ??= loadFeature('guard').then(
        (f) => {
          if (!run && !signal.aborted) {
            run = f.start({ controller, adapter, doc, signal });
            draw();
          }
          return run;
        },
        (err: Error) => {
          starting = null;
          throw err;
        },
      ));

    controller.addInsertCheck((req) => {
      if (run) return run.check(req);
      // First use on this page: hold until the guard is in, then it decides.
      start().then(
        (r) => (!r || r.check(req) === 'go') && req.proceed(req.text),
        (err: Error) => {
          controller.store.set({ notice: { kind: 'warn', text: t('guard.loadFailed', { reason: err.message }) } });
          req.proceed(req.text);
        },
      );
      return 'hold';
    });

    // Typing in the chat box before the guard is in (a page that was not a chat page as it started):
    // it is asked for, and checks the box as it would have. Once in, its own listeners take over.
    const onTyping = (e: Event) => {
      const input = !run && controller.chatInputQuiet();
      if (input && e.target instanceof Node && input.contains(e.target)) void start().then((r) => r?.typed(e), () => {});
    };
    doc.addEventListener('input', onTyping, { capture: true, signal });
    doc.addEventListener('compositionend', onTyping, { capture: true, signal });

    // Drawn by the guard feature script; a layout effect, so a held reply is in the panel as it opens.
    const Prompt = () => {
      const el = useRef<HTMLDivElement>(null);
      const locale = controller.store.get().settings.shop.locale;
      useLayoutEffect(() => {
        const mine = (slot = { el: el.current!, locale });
        draw();
        return () => {
          if (slot === mine) {
            slot = null;
            draw();
          }
        };
      }, [locale]);
      return <div ref={el} style="display:contents" />;
    };
    addSection({ name: 'guard', slot: 'top', order: 1, component: Prompt });

    // Load the guard once a chat page shows, so the first insert is not delayed.
    if (adapter.pageKind(doc) === 'chat') void start().catch(() => {});
  },
};
