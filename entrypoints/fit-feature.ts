// The panel beside the page's own dialogs and a page that stops narrowing (lib/panel/page-fit.ts),
// injected into a console tab's content-script world with every panel; see lib/panel/features.ts.
import { registerFeature } from '@/lib/panel/features';
import { watchPageFit } from '@/lib/panel/page-fit';

export default defineUnlistedScript(() => {
  registerFeature('fit', { watch: watchPageFit });
});
