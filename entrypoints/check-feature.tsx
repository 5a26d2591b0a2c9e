// The page check (检查页面: which reads work on this page, which named selectors found nothing, a
// report to copy), injected on demand into a console tab's content-script world when the agent
// opens it; see lib/panel/features.ts.
import { render } from 'preact';
import { registerFeature } from '@/lib/panel/features';
import { PanelContext } from '@/components/PanelContext';
import { PageCheck } from '@/components/PageCheck';
import { setLocale } from '@/lib/i18n';

export default defineUnlistedScript(() => {
  registerFeature('check', {
    mount(container, host) {
      setLocale(host.controller.store.get().settings.shop.locale);
      render(
        <PanelContext.Provider value={host.controller}>
          <PageCheck host={host} />
        </PanelContext.Provider>,
        container,
      );
      return () => render(null, container);
    },
  });
});
