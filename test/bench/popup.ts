import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from '../e2e/harness';
import { ratio } from './floor';
import { percentile, round } from './stats';

const KINDS = ['unpaid', 'delay', 'bad-review', 'promised-answer', 'handover', 'refund-to-pay', 'postage-refund', 'return-pending', 'inquiry', 'vip-revisit', 'manual'];

/**
 * Popup time to first render with 5,000 open follow-ups vs with 50 (the ratio shows whether the
 * popup renders only what is on screen), in Chromium: two profiles, one per list size, loads
 * alternating between them. The popup page is loaded
 * repeatedly (as the extension page) and reports performance.now() — from its navigation start —
 * when the list has rendered with data (window.__kfFirstRender). Items are written straight into
 * the extension's IndexedDB (a mix of kinds; overdue, today, later and snoozed), then the change
 * is announced so the worker reads them.
 */
export async function benchPopup(count = 5000, small = 50, loads = 20): Promise<Record<string, number>> {
  const big = await launchWithExtension();
  const few = await launchWithExtension();
  try {
    const bigPage = await seedFollowups(big, count);
    const fewPage = await seedFollowups(few, small);
    const bigMs: number[] = [];
    const fewMs: number[] = [];
    // The first load of each warms the worker's read of the list; it is not counted.
    for (let i = 0; i <= loads; i++) {
      const a = await firstRender(big, bigPage, count, i === 0);
      const b = await firstRender(few, fewPage, small, i === 0);
      if (i > 0) {
        bigMs.push(a);
        fewMs.push(b);
      }
    }
    const r = ratio(bigMs, fewMs);
    return {
      [`popup_first_render_ms_${count}`]: r.ours,
      [`popup_first_render_ms_${count}_p95`]: round(percentile(bigMs, 95), 1),
      [`popup_first_render_ms_${small}`]: r.floor,
      [`popup_render_ratio_${count}_to_${small}`]: r.ratio,
    };
  } finally {
    await big.close();
    await few.close();
  }
}

/** One popup load: ms from its navigation start to the list rendered with data (window.__kfFirstRender). */
async function firstRender(h: Harness, page: Page, count: number, check: boolean): Promise<number> {
  await page.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await page.waitForFunction(() => (window as unknown as { __kfFirstRender?: number }).__kfFirstRender !== undefined, null, { timeout: 15_000 });
  const at = await page.evaluate(() => (window as unknown as { __kfFirstRender: number }).__kfFirstRender);
  if (check) {
    const shown = await page.locator('[data-kf="followup"]').count();
    const badge = Number(await page.locator('[data-kf="summary"]').getAttribute('data-badge'));
    if (badge < count / 4 || shown === 0) throw new Error(`popup bench: expected about ${count} items, saw badge ${badge}, ${shown} rows`);
  }
  if (process.env.KF_BENCH_DEBUG) console.log(count, at.toFixed(1));
  return at;
}

/** Writes `n` follow-ups into the profile's IndexedDB and announces the change; returns the options page. */
async function seedFollowups(h: Harness, count: number): Promise<Page> {
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
  return page;
}

if (process.argv[1]?.endsWith('popup.ts')) {
  benchPopup().then((r) => console.log(r), (e) => { console.error(e); process.exit(1); });
}
