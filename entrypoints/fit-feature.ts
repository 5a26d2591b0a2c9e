// What every panel loads as soon as it is shown, injected into a console tab's content-script world:
// the panel beside the page's own dialogs and a page that stops narrowing (lib/panel/page-fit.ts),
// the reply clock (lib/panel/clock-run.tsx), which the panel needs only once the page is read, and
// what the panel shows if the extension is updated under it (components/panel/StalePanel.tsx: in the
// tab before that happens), and what the agent had typed in the old panel, given back to the new one
// after an update (components/panel/LeftTexts.tsx); see lib/panel/features.ts.
import { registerFeature } from '@/lib/panel/features';
import { watchPageFit } from '@/lib/panel/page-fit';
import { startClock } from '@/lib/panel/clock-run';
import { drawStale } from '@/components/panel/StalePanel';
import { restoreLeft } from '@/components/panel/LeftTexts';

export default defineUnlistedScript(() => {
  registerFeature('fit', { watch: (host) => (restoreLeft(host.controller, host.doc), watchPageFit(host)), clock: startClock, stale: drawStale });
});
