import type { Page } from 'playwright-core';
import { launchWithExtension } from '../e2e/harness';
import { cardFrame } from '../e2e/pages';
import { percentile, round } from './stats';
import { agentClick, launchBare, pageSwitchOnce, ratio, watchPageSwitch } from './floor';

/**
 * Buyer notes at shop scale, in Chromium with the built extension:
 * - 100 000 buyers are written straight into the extension's IndexedDB (kf-customers) from an
 *   extension page, in the stored record shape (not timed);
 * - lookups go through the real protocol (extension page → service worker → IndexedDB), each
 *   followed by a no-op `ping` round trip to the same worker (the floor);
 * - export and import are driven through the options page's 客户档案 tab, from the click (or the
 *   file chosen) to the result line: paging, file building, validation and the write included;
 *   the import goes into the emptied store (export → delete all → import);
 * - card_after_switch: on the demo console, from the agent's click on a conversation (a trusted
 *   click through the DevTools protocol, timed when it reaches the page's window: floor.ts
 *   agentClick) to the animation frame in which the card shows that buyer's notes (data-buyer +
 *   data-state=ready in the card frame, which lives in the panel's closed shadow root). Clock:
 *   performance.timeOrigin + now() in both the page (the click) and the card frame (shown), so the
 *   two frames compare. The floor is the demo page's own switch (to the frame showing the buyer in its
 *   chat header) in a second Chromium with only the bare fixture extension, to the same buyer.
 *   The two are interleaved sample by sample, the order alternating (ours first, then the page's
 *   own first), and every sample starts from a settled machine: SETTLE_MS after the previous
 *   switch in either browser (an agent reads a card before switching again; without the pause the
 *   previous switch's aftermath — the panel's suggestions, the card's refresh from the worker —
 *   overlaps the next sample of either browser on this 2-core machine). Reported: p50 and p95 of
 *   both, and card_switch_ratio_to_ping = p50(ours) / p50(page's own). Also, of our switches: the
 *   click's listeners in our browser (card_switch_page_handler_ms_p50: the page's own handler and
 *   our capture listener, with our observers present), how long until the card frame's DOM shows
 *   the buyer (card_dom_after_switch_ms_p50; the rest is the card frame's wait for its frame), the
 *   page's own switch drawn in our browser (card_switch_page_in_ours_ms_p50) and the switch as the
 *   agent sees it, done when both the page and the card show the buyer (card_switch_both_ms_p50,
 *   and card_switch_both_ratio_to_page over the page's own switch without the extension): since the
 *   card is told at the click, before the page's handler runs, it can be drawn before the page.
 */
export async function benchNotes(opts: { buyers?: number; lookups?: number; switches?: number } = {}): Promise<Record<string, number>> {
  const buyers = opts.buyers ?? 100_000;
  const lookups = opts.lookups ?? 300;
  const switches = opts.switches ?? SWITCHES;
  const h = await launchWithExtension();
  const bare = await launchBare();
  try {
    // tsx keeps function names with an `__name` helper that page.evaluate'd code must find.
    await h.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const demo = await h.context.newPage();
    await demo.goto(`${h.demoUrl}/chat`);
    await demo.evaluate(() => (window as any).__demo.setAutoMessages(false));
    // Conversations by buyer id: two of the demo's buyers share a masked nickname.
    const convs: { id: string; nick: string }[] = await demo.evaluate(() =>
      (window as any).__demo.conversations().map((c: { id: string; nick: string }) => ({ id: c.id, nick: c.nick })),
    );
    const convNicks = [...new Set(convs.map((c) => c.nick))];

    const ext = await h.openExtensionPage('options.html');
    const seedStarted = Date.now();
    await seed(ext, buyers, convNicks);
    const seedMs = Date.now() - seedStarted;

    // ---- lookups through the protocol ----
    const [lookupTimes, pingTimes]: number[][] = await ext.evaluate(
      async ([n, total]) => {
        const send = (nickname: string) => (globalThis as any).chrome.runtime.sendMessage({ kf: 'getCustomer', payload: { platform: 'demo', nickname } });
        const ping = () => (globalThis as any).chrome.runtime.sendMessage({ kf: 'ping', payload: undefined });
        for (let i = 0; i < 20; i++) await send(`买家${i * 997}`); // warm-up: worker and database open
        const times: number[] = [];
        const pings: number[] = [];
        let found = 0;
        for (let i = 0; i < n; i++) {
          const nick = `买家${Math.floor(Math.random() * total)}`;
          const t0 = performance.now();
          const r = await send(nick);
          times.push(performance.now() - t0);
          if (r?.ok && r.value?.nickname === nick) found++;
          const t1 = performance.now();
          const p = await ping();
          pings.push(performance.now() - t1);
          if (p?.value !== true) throw new Error(`ping: ${JSON.stringify(p)}`);
        }
        if (found !== n) throw new Error(`lookups found ${found} of ${n}`);
        return [times, pings];
      },
      [lookups, buyers - convNicks.length] as const,
    );

    // ---- card after a conversation switch, on the demo console ----
    const switchTimes: number[] = [];
    const pageSwitchTimes: number[] = [];
    const handlerTimes: number[] = [];
    const domTimes: number[] = [];
    const pageInOursTimes: number[] = [];
    const bothTimes: number[] = [];
    const barePage = await bare.context.newPage();
    await barePage.goto(`${bare.demoUrl}/chat`);
    await barePage.evaluate(() => (window as any).__demo.setAutoMessages(false));
    // Animation frames only run in the tab in front (the options page was opened after the demo).
    await demo.bringToFront();
    const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
    for (let i = 0; i < switches + 2; i++) {
      const conv = convs[(i + 1) % convs.length]!;
      let ours: SwitchTiming;
      let own: number;
      await settle();
      if (i % 2 === 0) {
        ours = await timeCardSwitch(demo, conv);
        await settle();
        own = await pageSwitchOnce(barePage, conv.nick, conv.id);
      } else {
        own = await pageSwitchOnce(barePage, conv.nick, conv.id);
        await settle();
        ours = await timeCardSwitch(demo, conv);
      }
      // The first two warm the worker up.
      if (i >= 2) {
        switchTimes.push(ours.shown);
        handlerTimes.push(ours.handler);
        domTimes.push(ours.dom);
        pageInOursTimes.push(ours.page);
        // The switch as the agent sees it: done when both the page and the card show the buyer.
        bothTimes.push(Math.max(ours.shown, ours.page));
        pageSwitchTimes.push(own);
      }
    }

    // ---- export all, delete all, import the file, through the options page ----
    // A fresh load: the tab in the hash is read when the page starts.
    await ext.goto('about:blank');
    await ext.goto(`chrome-extension://${h.extensionId}/options.html#customers`);
    await ext.locator('[data-kf="customers-total"]').waitFor({ timeout: 60_000 });
    const downloadP = ext.waitForEvent('download', { timeout: 300_000 });
    // Should the export fail first, its own error is the one reported, not this wait's when the browser closes.
    downloadP.catch(() => {});
    const exportMs = await ext.evaluate((ms) => timeUntilResult(() => document.querySelector<HTMLButtonElement>('[data-kf="customers-export"]')!.click(), '已导出', ms), RESULT_TIMEOUT_MS);
    const file = await (await downloadP).path();

    // Not timed, but bounded: at 100,000 buyers this step once ran for many minutes in the worker
    // (each kept follow-up rebuilt every buyer's name list) and the bench waited without a word.
    await ext.evaluate(async (ms) => {
      const r = await Promise.race([
        (globalThis as any).chrome.runtime.sendMessage({ kf: 'deleteAllCustomers', payload: { confirm: true } }),
        new Promise((_, reject) => setTimeout(() => reject(new Error(`全部删除 before the import: no answer after ${Math.round(ms / 1000)} s`)), ms)),
      ]);
      if (!(r as { ok?: boolean })?.ok) throw new Error(JSON.stringify(r));
    }, RESULT_TIMEOUT_MS);
    await ext.evaluate((ms) => {
      const input = document.querySelector<HTMLInputElement>('[data-kf="customers-import-file"]')!;
      (window as any).__importMs = new Promise<number>((resolve, reject) => {
        input.addEventListener(
          'change',
          () => void (window as any).__timeUntilResult(() => {}, '已导入', ms).then(resolve, reject),
          { capture: true, once: true },
        );
      });
    }, RESULT_TIMEOUT_MS);
    await ext.locator('[data-kf="customers-import-file"]').setInputFiles(file);
    const importMs: number = await ext.evaluate(() => (window as any).__importMs);
    const count = await ext.evaluate(async () => (await (globalThis as any).chrome.runtime.sendMessage({ kf: 'listCustomers', payload: { limit: 1 } })).value.total);
    if (count !== buyers) throw new Error(`after import: ${count} buyers, expected ${buyers}`);

    const n = buyers;
    const lookup = ratio(lookupTimes!, pingTimes!);
    const card = ratio(switchTimes, pageSwitchTimes);
    return {
      notes_ping_ms_p50: lookup.floor,
      notes_lookup_ratio_to_ping: lookup.ratio,
      card_switch_page_own_ms_p50: card.floor,
      card_switch_page_own_ms_p95: round(percentile(pageSwitchTimes, 95), 1),
      card_switch_ratio_to_ping: card.ratio,
      card_switch_samples: switchTimes.length,
      card_switch_page_handler_ms_p50: round(percentile(handlerTimes, 50), 1),
      card_dom_after_switch_ms_p50: round(percentile(domTimes, 50), 1),
      card_switch_page_in_ours_ms_p50: round(percentile(pageInOursTimes, 50), 1),
      card_switch_both_ms_p50: round(percentile(bothTimes, 50), 1),
      card_switch_both_ratio_to_page: ratio(bothTimes, pageSwitchTimes).ratio,
      [`notes_seed_ms_${n}`]: seedMs,
      [`notes_lookup_ms_p50_${n}`]: round(percentile(lookupTimes!, 50), 2),
      [`notes_lookup_ms_p95_${n}`]: round(percentile(lookupTimes!, 95), 2),
      [`notes_export_ms_${n}`]: Math.round(exportMs),
      [`notes_import_ms_${n}`]: Math.round(importMs),
      card_after_switch_ms_p50: round(percentile(switchTimes, 50), 1),
      card_after_switch_ms_p95: round(percentile(switchTimes, 95), 1),
    };
  } finally {
    await h.close();
    await bare.close();
  }
}

declare function timeUntilResult(start: () => void, text: string, timeoutMs?: number): Promise<number>;

/** Writes `n` buyer records (the stored v1 shape) into kf-customers, 10 000 per transaction. */
async function seed(ext: Page, n: number, convNicks: string[]): Promise<void> {
  // A helper the timed steps use: ms from start() until the options page's result line says `text`.
  await ext.addInitScript(installTimer);
  await ext.evaluate(installTimer);
  await ext.evaluate(
    async ([n, convNicks]) => {
      const db: IDBDatabase = await new Promise((resolve, reject) => {
        const req = indexedDB.open('kf-customers');
        req.onupgradeneeded = () => req.result.createObjectStore('kv');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const now = Date.now();
      const DAY = 86_400_000;
      const record = (platform: string, nickname: string, i: number) => {
        const at = now - (i % 400) * DAY;
        const tags = i % 20 === 0 ? ['VIP2'] : i % 33 === 0 ? ['批发'] : [];
        const history = [
          { id: `${at.toString(36)}-n${i}`, at, kind: 'note', text: i % 2 ? '要开发票，发顺丰' : '问了尺码，推荐M' },
          { id: `order-seen:30217${String(i).padStart(9, '0')}`, at: at + 1000, kind: 'order-seen', text: `30217${String(i).padStart(9, '0')}`, ref: `30217${String(i).padStart(9, '0')}` },
        ];
        return {
          v: 1,
          key: `${platform}:${nickname}`,
          platform,
          nickname,
          segment: tags[0] === 'VIP2' ? 'vip' : 'new',
          tags,
          sizes: i % 3 ? { heightCm: 150 + (i % 40), weightKg: 45 + (i % 30) } : {},
          preferences: i % 5 ? '' : '喜欢宽松款，不要黑色',
          addressNote: i % 7 ? '' : '白天不在家，放驿站',
          note: i % 4 ? '' : `老客，第${i % 9 + 1}次购买`,
          createdAt: at - 30 * DAY,
          updatedAt: at,
          lastSeenAt: at + 1000,
          history,
          droppedEvents: 0,
          orderIds: [history[1]!.ref],
        };
      };
      // The demo console's buyers (for the card bench) plus 买家0… up to n records in all.
      const records = (function* () {
        for (let i = 0; i < convNicks.length; i++) yield record('demo', convNicks[i]!, i);
        for (let i = 0; i < n - convNicks.length; i++) yield record('demo', `买家${i}`, i);
      })();
      const BATCH = 10_000;
      for (let done = false; !done; ) {
        const batch: ReturnType<typeof record>[] = [];
        for (let r = records.next(); ; r = records.next()) {
          if (r.done) {
            done = true;
            break;
          }
          batch.push(r.value);
          if (batch.length === BATCH) break;
        }
        if (!batch.length) break;
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('kv', 'readwrite');
          const s = tx.objectStore('kv');
          for (const r of batch) s.put(r, r.key);
          tx.oncomplete = () => resolve();
          tx.onerror = tx.onabort = () => reject(tx.error);
        });
      }
      db.close();
    },
    [n, convNicks] as const,
  );
}

/**
 * Installed in the options page: ms from start() until the result line says `text`. Rejects when the
 * line says the step failed, or when it has said nothing after `timeoutMs` (the old 100,000-buyer
 * import took 17–19.5 s; 10 minutes is no import finishing, and the bench must fail, not hang).
 */
function installTimer(): void {
  const w = window as any;
  w.__timeUntilResult = (start: () => void, text: string, timeoutMs = 600_000) =>
    new Promise<number>((resolve, reject) => {
      const t0 = performance.now();
      const finish = () => {
        obs.disconnect();
        clearTimeout(timer);
      };
      const done = () => {
        const el = document.querySelector('[data-kf="customers-import-result"]');
        if (el?.textContent?.includes(text)) {
          finish();
          resolve(performance.now() - t0);
          return true;
        }
        if (el && el.classList.contains('kf-bad')) {
          finish();
          reject(new Error(el.textContent ?? 'failed'));
          return true;
        }
        return false;
      };
      const obs = new MutationObserver(() => void done());
      const timer = setTimeout(() => {
        finish();
        const line = document.querySelector('[data-kf="customers-import-result"]')?.textContent?.trim();
        reject(new Error(`options page: no “${text}” after ${Math.round(timeoutMs / 1000)} s (result line: ${line ? `“${line}”` : 'none'})`));
      }, timeoutMs);
      obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      start();
    });
  w.timeUntilResult = w.__timeUntilResult;
}

/** How long the export or the import may take before the bench fails (KF_BENCH_RESULT_TIMEOUT_MS to change). */
const RESULT_TIMEOUT_MS = Number(process.env.KF_BENCH_RESULT_TIMEOUT_MS) || 600_000;

/** Conversation switches timed (each: ours and the page's own). */
export const SWITCHES = 100;

/** Pause before each sample (see benchNotes). */
const SETTLE_MS = 250;

interface SwitchTiming {
  /** Click → the animation frame in which the card shows the buyer. */
  shown: number;
  /** Click → every listener of the click returned, the page's own handler and ours (in our browser). */
  handler: number;
  /** Click → the card frame's DOM first shows the buyer (before its frame). */
  dom: number;
  /** Click → the animation frame in which the page shows the buyer in its chat header (in our browser). */
  page: number;
}

/** The agent's click on a conversation (agentClick) → the card frame shows that buyer, in ms. */
async function timeCardSwitch(demo: Page, conv: { id: string; nick: string }): Promise<SwitchTiming> {
  const { nick } = conv;
  const frame = cardFrame(demo);
  if (!frame) throw new Error('no card frame in the panel');
  await frame.evaluate(({ nick, id }) => {
    const w = window as unknown as { __kfShown?: Promise<number>; __kfDom?: number };
    w.__kfDom = 0;
    const shown = () => {
      const card = document.querySelector('[data-kf="customer-card"]');
      return card?.getAttribute('data-buyer') === nick && card.getAttribute('data-buyer-id') === id && card.getAttribute('data-state') === 'ready';
    };
    w.__kfShown = new Promise<number>((resolve, reject) => {
      const obs = new MutationObserver(() => {
        if (!w.__kfDom && document.querySelector('[data-kf="customer-card"]')?.getAttribute('data-buyer-id') === id) w.__kfDom = performance.timeOrigin + performance.now();
        if (!shown()) return;
        obs.disconnect();
        // The frame in which it is drawn (as for the page's own switch, floor.ts).
        requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
      });
      obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(() => reject(new Error(`card for ${nick} (${id}) not shown in 5 s`)), 5000);
    });
  }, conv);
  const pageShown = await watchPageSwitch(demo, nick, conv.id);
  const { t0, handled } = await agentClick(demo, conv.id);
  const [t1, dom] = await frame.evaluate(async () => {
    const w = window as unknown as { __kfShown: Promise<number>; __kfDom: number };
    return [await w.__kfShown, w.__kfDom];
  });
  return { shown: t1 - t0, handler: handled - t0, dom: dom - t0, page: (await pageShown()) - t0 };
}

if (process.argv[1]?.endsWith('notes.ts')) {
  const buyers = Number(process.env.KF_BENCH_BUYERS) || undefined;
  benchNotes({ buyers }).then((r) => console.log(r), (e) => { console.error(e); process.exit(1); });
}
