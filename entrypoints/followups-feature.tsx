// The panel's follow-up actions (what 咨询未拍 / 承诺答复 / 中差评 do, the 承诺答复 form, the 交给…
// picker and the status line), injected on demand into a chat page's content-script world when the
// follow-up buttons are first shown; see lib/panel/features.ts. The buttons themselves are drawn by
// the content script (lib/panel/page-features/followup-buttons.tsx) until this is in.
import { render } from 'preact';
import { registerFeature } from '@/lib/panel/features';
import { FollowupActions, remindedFromSide } from '@/components/panel/FollowupActions';
import { PanelContext } from '@/components/PanelContext';
import { setLocale } from '@/lib/i18n';

export default defineUnlistedScript(() => {
  registerFeature('followups', {
    mount(container, host, first) {
      const { store } = host.controller;
      // This script's own copy of the strings follows the panel's language (subscribed before the
      // section, so it is set before the section redraws).
      setLocale(store.get().settings.shop.locale);
      const off = store.subscribe((s) => setLocale(s.settings.shop.locale));
      render(
        <PanelContext.Provider value={host.controller}>
          <FollowupActions first={first} />
        </PanelContext.Provider>,
        container,
      );
      return () => {
        off();
        render(null, container);
      };
    },
    remindedHere: remindedFromSide,
  });
});
