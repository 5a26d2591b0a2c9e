import { launchWithExtension } from '../e2e/harness';
import { percentile, round } from './stats';

/**
 * Page load to panel visible on the demo console, in Chromium: the time (performance.now(), from
 * navigation start) at which the panel's root element is in the shadow root, over repeated loads.
 */
export async function benchPanelVisible(loads = 20): Promise<Record<string, number>> {
  const h = await launchWithExtension();
  try {
    const page = await h.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __kfVisibleAt?: number };
      const check = () => {
        const host = document.querySelector('kf-panel');
        const root = host?.shadowRoot?.querySelector('[data-kf="panel"], [data-kf="expand"]');
        if (root && w.__kfVisibleAt === undefined) w.__kfVisibleAt = performance.now();
        return !!root;
      };
      new MutationObserver((_, obs) => {
        const host = document.querySelector('kf-panel');
        if (host?.shadowRoot) {
          if (!check()) new MutationObserver((__, o2) => check() && o2.disconnect()).observe(host.shadowRoot, { childList: true, subtree: true });
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const times: number[] = [];
    // The first load warms the service worker and the library cache; it is not counted.
    for (let i = 0; i <= loads; i++) {
      await page.goto(`${h.demoUrl}/chat`);
      await page.waitForFunction(() => (window as unknown as { __kfVisibleAt?: number }).__kfVisibleAt !== undefined, null, { timeout: 15_000 });
      const at = await page.evaluate(() => (window as unknown as { __kfVisibleAt: number }).__kfVisibleAt);
      if (i > 0) times.push(at);
    }
    return {
      panel_visible_ms_p50: round(percentile(times, 50), 1),
      panel_visible_ms_p95: round(percentile(times, 95), 1),
    };
  } finally {
    await h.close();
  }
}
