/**
 * The reply clock's place in the content script: the clock itself (the open buyer's wait on the card,
 * the 等待中 list, answered waits reported) is lib/panel/clock-run.tsx, in the script every panel
 * loads after it is shown (features.ts: 'fit'), started here as soon as that script is in. Its list
 * is drawn into the slot this section renders; a script that did not load says so there (chat pages).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelFeature } from '../page-feature';
import type { ClockRun } from '../clock-run';
import { loadFeature } from '../features';
import { t } from '../../i18n';

export const replyClock: PanelFeature = {
  name: 'reply-clock',
  init({ controller, adapter, doc, card, addSection }, signal) {
    const run: Promise<ClockRun | null> = loadFeature('fit').then((f) => (signal.aborted ? null : f.clock({ controller, adapter, doc, card, signal })));
    // Said in the chat slot (below); a page without one has nothing of the clock to miss.
    run.catch(() => {});
    function Slot() {
      const ref = useRef<HTMLDivElement>(null);
      const [failed, setFailed] = useState<string | null>(null);
      useEffect(() => {
        let live = true;
        let unmount: (() => void) | undefined;
        run.then(
          (r) => {
            if (live && r && ref.current) unmount = r.mount(ref.current);
          },
          (err: Error) => live && !signal.aborted && setFailed(err.message),
        );
        return () => {
          live = false;
          unmount?.();
        };
      }, []);
      // No box of its own: the list's section sits among the panel's sections as it did when drawn here.
      return (
        <div data-kf="clock-slot" ref={ref} style="display:contents">
          {failed && <p class="kf-notice kf-error">{t('panel.featureFailed', { reason: failed })}</p>}
        </div>
      );
    }
    addSection({ name: 'reply-clock', slot: 'chat', order: 5, component: Slot });
  },
};
