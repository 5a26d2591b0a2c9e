// The teach-mode element picker, injected on demand into a tab's content-script world when the
// agent starts teaching a page; see lib/panel/features.ts.
import { registerFeature } from '@/lib/panel/features';
import { startPicker } from '@/lib/teach/picker';
import { setLocale } from '@/lib/i18n';

export default defineUnlistedScript(() => {
  registerFeature('teach', {
    startPicker(doc, { locale, ...opts }) {
      setLocale(locale);
      return startPicker(doc, opts);
    },
  });
});
