import { launchWithExtension } from '../e2e/harness';
import { percentile, round } from './stats';

const KINDS = ['unpaid', 'delay', 'bad-review', 'promised-answer', 'handover', 'refund-to-pay', 'postage-refund', 'return-pending', 'inquiry', 'vip-revisit', 'manual'];

/**
 * Popup time to first render with 5,000 open follow-ups, in Chromium: the popup page is loaded
 * repeatedly (as the extension page) and reports performance.now() — from its navigation start —
 * when the list has rendered with data (window.__kfFirstRender). Items are written straight into
 * the extension's IndexedDB (a mix of kinds; overdue, today, later and snoozed), then the change
 * is announced so the worker reads them.
 */
export async function benchPopup(count = 5000, loads = 20): Promise<Record<string, number>> {
  const h = await launchWithExtension();
  try {
    const page = await h.openExtensionPage('options.html');
    await page.evaluate(
      async ([n, kinds]) => {
        const now = Date.now();
        const H = 3_600_000;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('kf-followups');
          req.onupgradeneeded = () => req.result.createObjectStore('kv');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('kv', 'readwrite');
          const os = tx.objectStore('kv');
          for (let i = 0; i < n; i++) {
            const kind = kinds[i % kinds.length]!;
            const dueAt = now + ((i % 7) - 3) * 6 * H + i * 1000;
            const item: Record<string, unknown> = {
              v: 1,
              id: `${kind}:bench-${i}`,
              kind,
              title: `跟进：买家${i}`,
              reason: '拍下超过 30 分钟未付款，16:00 截单前催付',
              buyer: `买家${i}`,
              platform: 'demo',
              orderId: String(4000000000000000000n + BigInt(i)),
              createdAt: now - 2 * H,
              dueAt,
              status: i % 25 === 0 ? 'snoozed' : 'open',
              source: 'order',
              suggestScenario: 'payment',
              url: 'http://127.0.0.1/orders',
            };
            if (item.status === 'snoozed') item.snoozedUntil = now + 5 * H;
            os.put(item, item.id as string);
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
        await (globalThis as any).chrome.storage.local.set({ 'kf:rev:followups': Math.random() });
      },
      [count, KINDS] as const,
    );
    const url = `chrome-extension://${h.extensionId}/popup.html`;
    const times: number[] = [];
    // The first load warms the worker's read of the list; it is not counted.
    for (let i = 0; i <= loads; i++) {
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __kfFirstRender?: number }).__kfFirstRender !== undefined, null, { timeout: 15_000 });
      const at = await page.evaluate(() => (window as unknown as { __kfFirstRender: number }).__kfFirstRender);
      if (i === 0) {
        const shown = await page.locator('[data-kf="followup"]').count();
        const badge = Number(await page.locator('[data-kf="summary"]').getAttribute('data-badge'));
        if (badge < count / 4 || shown === 0) throw new Error(`popup bench: expected thousands of items, saw badge ${badge}, ${shown} rows`);
      } else times.push(at);
      if (process.env.KF_BENCH_DEBUG) console.log(i, at.toFixed(1), await page.evaluate(() => JSON.stringify(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]).concat([['dcl', Math.round((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd)]]))));
    }
    return {
      popup_first_render_ms_5000: round(percentile(times, 50), 1),
      popup_first_render_ms_5000_p95: round(percentile(times, 95), 1),
    };
  } finally {
    await h.close();
  }
}
