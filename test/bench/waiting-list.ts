import type { Page } from 'playwright-core';
import { launchWithExtension } from '../e2e/harness';
import { CONSOLES, openConsole } from '../e2e/consoles';
import { ratio } from './floor';
import { percentile, round } from './stats';

/**
 * What a long 等待中 list costs the agent's console tab (QA R #3): JD 咚咚 with 300 waiting
 * conversations (the fixture's list grown by rows carrying the unanswered marker, a peak day's
 * upper end) against the same page with none added — the floor, measured in the same run, in the
 * same browser, samples alternating in rounds. Per arriving buyer message (the fixture's
 * pushBuyerMessage), the page's script time from CDP Performance.getMetrics ScriptDuration over the
 * message and the 150 ms after it: the page's write, the extension's observers, its page read and
 * the panel's render (all in the tab's main thread). Reported: the ratio of the p50s first, then
 * p50/p95 of both.
 *
 * Run alone: `npx wxt build && node --import tsx test/bench/waiting-list.ts` (also in `npm run bench`).
 */
export const WAITING = 300;

const row = (i: number) =>
  `<div class="alluser-item" id="u_jd_bench${i}imcustomer100234"><div class="alluser-item-name">买家${i}</div><div class="alluser-item-breifdesc">在吗</div>` +
  `<div class="alluser-item-date-w">${String(8 + (Math.floor(i / 60) % 12)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}</div><div class="alluser-item-state"><span class="user-none-reply-t"></span></div></div>`;

export async function benchWaitingList(opts: { rounds?: number; perRound?: number } = {}): Promise<Record<string, number>> {
  const rounds = opts.rounds ?? 4;
  const perRound = opts.perRound ?? 5;
  const h = await launchWithExtension();
  try {
    const open = async (n: number) => {
      const page = await h.context.newPage();
      await openConsole(page, CONSOLES.jd, (html) => html.replace('<div class="alluser-item" id="u_jd_77b0e1d2', Array.from({ length: n }, (_, i) => row(i)).join('') + '<div class="alluser-item" id="u_jd_77b0e1d2'));
      const n0 = await page.evaluate(() => document.querySelectorAll('.user-none-reply-t').length);
      const cdp = await h.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await settle(page);
      return { page, cdp, n0 };
    };
    const big = await open(WAITING);
    const empty = await open(0);
    if (big.n0 - empty.n0 !== WAITING) throw new Error(`waiting rows: ${big.n0} vs ${empty.n0}`);
    const bigMs: number[] = [];
    const emptyMs: number[] = [];
    for (const t of [big, empty]) await messages(t, 2); // warm-up
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? [[empty, emptyMs], [big, bigMs]] as const : [[big, bigMs], [empty, emptyMs]] as const;
      for (const [t, out] of order) out.push(...(await messages(t, perRound)));
    }
    const q = ratio(bigMs, emptyMs);
    const k = `waiting_list_${WAITING}`;
    const out = {
      [`${k}_ratio_to_empty`]: q.ratio,
      [`${k}_script_ms_per_message_p50`]: round(q.ours, 2),
      [`${k}_script_ms_per_message_p95`]: round(percentile(bigMs, 95), 2),
      [`${k}_empty_script_ms_per_message_p50`]: round(q.floor, 2),
      [`${k}_empty_script_ms_per_message_p95`]: round(percentile(emptyMs, 95), 2),
    };
    if (process.argv[1]?.endsWith('waiting-list.ts')) console.log(JSON.stringify(out));
    return out;
  } finally {
    await h.close();
  }
}

type Tab = { page: Page; cdp: import('playwright-core').CDPSession };

const scriptMs = async (t: Tab) => ((await t.cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;

async function settle(page: Page) {
  for (let i = 0; i < 3; i++) await page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => r(), { timeout: 2000 })));
}

/** `count` buyer messages, each with the script time it cost the tab. */
async function messages(t: Tab, count: number): Promise<number[]> {
  const out: number[] = [];
  await t.page.bringToFront();
  for (let i = 0; i < count; i++) {
    const before = await scriptMs(t);
    await t.page.evaluate(async (i) => {
      (window as unknown as { __jd: { pushBuyerMessage(s: string): void } }).__jd.pushBuyerMessage(`在吗 ${i}`);
      await new Promise((r) => setTimeout(r, 150));
    }, i);
    out.push((await scriptMs(t)) - before);
  }
  return out;
}

if (process.argv[1]?.endsWith('waiting-list.ts')) {
  benchWaitingList().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
