import type { BrowserContext, Page } from 'playwright-core';
import { launchPlainChromium, launchWithExtension } from '../e2e/harness';
import { CONSOLES, routeConsole, type ConsoleFixture } from '../e2e/consoles';
import { panel } from '../e2e/pages';
import { ratio } from './floor';
import { percentile, round } from './stats';

/**
 * What the conversation observer (lib/sites/observe.ts) costs the agent's own page, in Chromium:
 * the console's open conversation is grown to 50, 500 and 2,000 message rows (the page's own rows
 * cloned in front of the first: live consoles keep the whole history in the DOM), then the page
 * changes a counter in its conversation list, as the live pages do every second ("50秒后超时",
 * "(3)"), one change at a time. A change is unrelated to the open conversation, so all the
 * extension should do is notice that.
 *
 * Per change, timed in the page's own world with performance.now(): from just before the page's
 * write to the first task after it (a MessageChannel message posted right after the write). The
 * write's mutation records, every MutationObserver callback (the extension's, in its isolated
 * world) and every microtask they queue (the observer's coalesced key) run before that task, so
 * the sample holds the page's write plus all the main-thread work that write caused. A long-task
 * observer would miss everything under 50 ms, and CDP's ScriptDuration counts by task, not by
 * change. The floor is the same: the same fixture at the same address, grown the same way, the
 * same writes, in a second Chromium without any extension; samples alternate in rounds between
 * the two browsers so both see the same machine load. Reported per console and size: p50 and p95
 * of both, the ratio of the p50s (ours ÷ floor) first, and the added p50 in ms (ours − floor).
 * Chromium coarsens performance.now() to 0.1 ms (with jitter) on pages that are not cross-origin
 * isolated, and the consoles are not: p50s move in 0.1 ms steps, so the means are reported too
 * (the jitter makes them unbiased at that scale).
 * The figures include anything else the panel runs in that window (its 1 s clock), which the
 * p50 mostly leaves out.
 *
 * Run alone: `npx wxt build && node --import tsx test/bench/observe-chat.ts` (also in `npm run bench`).
 */

interface Target {
  name: string;
  /** Opens the page at its address in this context (routed fixture or the demo server). */
  url(demoUrl: string): string;
  fixture?: ConsoleFixture;
  /** One message row of the open conversation (the adapter's row selector). */
  rows: string;
  /** The list counter the page updates on its own (created in the page if absent). */
  counter: string;
  /** Text of the counter at tick `i`. */
  tick: string;
}

const TARGETS: Target[] = [
  { name: 'demo', url: (d) => `${d}/chat?auto=0`, rows: '.msg-stream > .msg', counter: '.conv-tabs .on', tick: '正在咨询 (#)' },
  { name: 'pdd', url: () => CONSOLES.pdd.url, fixture: CONSOLES.pdd, rows: '#msgListContainer > ul.msg-list > li.onemsg', counter: '.chat-unreply-time', tick: '#秒后超时' },
  { name: 'douyin', url: () => CONSOLES.douyin.url, fixture: CONSOLES.douyin, rows: '[data-qa-id="qa-message-warpper"]', counter: '[data-qa-id="qa-conversation-chat-item"]:nth-child(2) span', tick: '好的谢谢 #' },
  { name: 'kuaishou', url: () => CONSOLES.kuaishou.url, fixture: CONSOLES.kuaishou, rows: '.kwaishop-cs-LayoutDefaultWrapper_msgMain', counter: '.SessionListGroupItem-count', tick: '(#)' },
];

export const SIZES = [50, 500, 2000];

export async function benchObserveChat(opts: { sizes?: number[]; rounds?: number; perRound?: number; only?: string[] } = {}): Promise<Record<string, number>> {
  const sizes = opts.sizes ?? SIZES;
  const rounds = opts.rounds ?? 6;
  const perRound = opts.perRound ?? 15;
  const ours = await launchWithExtension();
  const plain = await launchPlainChromium();
  const out: Record<string, number> = {};
  try {
    const floorContext = await plain.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' });
    await floorContext.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    for (const t of TARGETS.filter((x) => !opts.only || opts.only.includes(x.name))) {
      for (const size of sizes) {
        const a = await openGrown(ours.context, t, ours.demoUrl, size, true);
        const b = await openGrown(floorContext, t, ours.demoUrl, size, false);
        const oursMs: number[] = [];
        const floorMs: number[] = [];
        // Warm-up in both (JIT, the observer's first keys); not counted.
        await ticks(a, t, 10, 0);
        await ticks(b, t, 10, 0);
        for (let r = 0; r < rounds; r++) {
          const first = r % 2 === 0 ? [a, oursMs] as const : [b, floorMs] as const;
          const second = r % 2 === 0 ? [b, floorMs] as const : [a, oursMs] as const;
          first[1].push(...(await ticks(first[0], t, perRound, (r + 1) * 100)));
          second[1].push(...(await ticks(second[0], t, perRound, (r + 1) * 100)));
        }
        await a.close();
        await b.close();
        const k = `observe_${t.name}_${size}`;
        const q = ratio(oursMs, floorMs);
        out[`${k}_ratio_to_floor`] = q.ratio;
        out[`${k}_ms_p50`] = round(q.ours, 3);
        out[`${k}_ms_p95`] = round(percentile(oursMs, 95), 3);
        out[`${k}_floor_ms_p50`] = round(q.floor, 3);
        out[`${k}_floor_ms_p95`] = round(percentile(floorMs, 95), 3);
        out[`${k}_added_ms_p50`] = round(percentile(oursMs, 50) - percentile(floorMs, 50), 3);
        out[`${k}_ms_mean`] = round(mean(oursMs), 3);
        out[`${k}_floor_ms_mean`] = round(mean(floorMs), 3);
        if (process.argv[1]?.endsWith('observe-chat.ts')) {
          console.log(k, JSON.stringify({ ratio: q.ratio, p50: q.ours, p95: out[`${k}_ms_p95`], floor_p50: q.floor, floor_p95: out[`${k}_floor_ms_p95`], mean: out[`${k}_ms_mean`], floor_mean: out[`${k}_floor_ms_mean`], n: oursMs.length }));
        }
      }
    }
    return out;
  } finally {
    await ours.close();
    await plain.close();
  }
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The target page with its open conversation grown to `size` rows, settled. */
async function openGrown(context: BrowserContext, t: Target, demoUrl: string, size: number, withPanel: boolean): Promise<Page> {
  if (t.fixture) await routeConsole(context, t.fixture);
  const page = await context.newPage();
  await page.goto(t.url(demoUrl));
  if (withPanel) await panel(page).waitFor();
  const n = await page.evaluate(
    ([rowSel, size, counterSel]) => {
      const rows = Array.from(document.querySelectorAll(rowSel));
      if (!rows.length) throw new Error(`no rows ${rowSel}`);
      const frag = document.createDocumentFragment();
      for (let i = rows.length; i < size; i++) frag.append(rows[i % rows.length]!.cloneNode(true));
      rows[0]!.parentElement!.insertBefore(frag, rows[0]!);
      if (!document.querySelector(counterSel)) throw new Error(`no counter ${counterSel}`);
      return document.querySelectorAll(rowSel).length;
    },
    [t.rows, size, t.counter] as const,
  );
  if (n !== size) throw new Error(`${t.name}: grew to ${n} rows, not ${size}`);
  // Let the extension's reaction to the growth (a re-read, suggestions) finish before timing.
  for (let i = 0; i < 3; i++) await page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 2000 })));
  return page;
}

/** `count` counter changes, each timed from the write to the first task after it (see the header). */
function ticks(page: Page, t: Target, count: number, from: number): Promise<number[]> {
  return page.evaluate(
    async ([sel, tick, count, from]) => {
      const el = document.querySelector(sel)!;
      const ch = new MessageChannel();
      const times: number[] = [];
      for (let i = 0; i < count; i++) {
        const text = tick.replace('#', String(from + i));
        const done = new Promise<number>((r) => (ch.port1.onmessage = () => r(performance.now())));
        const node = el.firstChild;
        const t0 = performance.now();
        // As a framework updates a text binding: the text node's data where there is one.
        if (node && node.nodeType === 3 && !node.nextSibling) (node as Text).data = text;
        else el.textContent = text;
        ch.port2.postMessage(0);
        times.push((await done) - t0);
        // Apart from each other, like the page's one-second ticks (not timed).
        await new Promise((r) => setTimeout(r, 10));
      }
      return times;
    },
    [t.counter, t.tick, count, from] as const,
  );
}

if (process.argv[1]?.endsWith('observe-chat.ts')) {
  const only = process.env.ONLY?.split(',');
  benchObserveChat({ only }).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
