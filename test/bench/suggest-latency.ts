import { launchWithExtension } from '../e2e/harness';
import { evaluateInPanel, openDemoChat, setUpDemoShop } from '../e2e/pages';
import { percentile, round } from './stats';

/**
 * Buyer message → suggestions, in Chromium on the demo console: from the moment the page adds a
 * buyer message, (a) the cue reading shown by the content script, (b) the reading refined by the
 * background's model and learned picks (the suggestion list's `data-signals` turns `ready`).
 * Timestamps are performance.now() of the same document, taken in the content-script world by a
 * MutationObserver on the panel. `…_after_cue` is the background round trip alone (model, learned
 * picks, message passing): the refined reading's delay over the cue reading in the same round.
 */
const MESSAGES = ['今天能发货吗', '快递到哪了 三天没动', '衣服起球了怎么办', '能开发票吗', '蒸汽棒喷不出气', '好的多谢'];

export async function benchSuggestLatency(rounds = 30): Promise<Record<string, number>> {
  const h = await launchWithExtension();
  try {
    await (await setUpDemoShop(h)).close();
    const page = await h.context.newPage();
    await openDemoChat(page, h.demoUrl);
    const cue: number[] = [];
    const refined: number[] = [];
    const afterCue: number[] = [];
    for (let i = 0; i <= rounds; i++) {
      await evaluateInPanel(page, (roots) => {
        const w = globalThis as unknown as { __kfLat?: { pending?: number; ready?: number } };
        w.__kfLat = {};
        const list = () => roots[0]!.querySelector('[data-kf="suggestions"]');
        const obs = new MutationObserver(() => {
          const s = list()?.getAttribute('data-signals');
          if (s === 'pending' && w.__kfLat!.pending === undefined) w.__kfLat!.pending = performance.now();
          if (s === 'ready' && w.__kfLat!.pending !== undefined && w.__kfLat!.ready === undefined) {
            w.__kfLat!.ready = performance.now();
            obs.disconnect();
          }
        });
        obs.observe(roots[0]!, { subtree: true, attributes: true, attributeFilter: ['data-signals'], childList: true });
      });
      const pushedAt = await page.evaluate((text) => {
        const w = window as unknown as { __demo: { pushBuyerMessage(n: string, t: string): void; activeBuyer(): string } };
        const t0 = performance.now();
        w.__demo.pushBuyerMessage(w.__demo.activeBuyer(), `${text} ${Math.random().toString(36).slice(2, 5)}`);
        return t0;
      }, MESSAGES[i % MESSAGES.length]!);
      let lat: { pending?: number; ready?: number } = {};
      for (let k = 0; k < 200 && lat.ready === undefined; k++) {
        lat = await evaluateInPanel(page, () => (globalThis as unknown as { __kfLat: { pending?: number; ready?: number } }).__kfLat);
        if (lat.ready === undefined) await new Promise((r) => setTimeout(r, 10));
      }
      // The first round loads the model in the background; it is reported on its own.
      if (lat.pending !== undefined && lat.ready !== undefined && i > 0) {
        cue.push(lat.pending - pushedAt);
        refined.push(lat.ready - pushedAt);
        afterCue.push(lat.ready - lat.pending);
      }
    }
    return {
      suggest_cue_reading_ms_p50: round(percentile(cue, 50), 1),
      suggest_refined_ms_p50: round(percentile(refined, 50), 1),
      suggest_refined_ms_p95: round(percentile(refined, 95), 1),
      suggest_refined_after_cue_ms_p50: round(percentile(afterCue, 50), 1),
      suggest_refined_after_cue_ms_p95: round(percentile(afterCue, 95), 1),
      suggest_refine_samples: refined.length,
    };
  } finally {
    await h.close();
  }
}

if (process.argv[1]?.endsWith('suggest-latency.ts')) console.table(await benchSuggestLatency());
