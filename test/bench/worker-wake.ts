import { launchWithExtension } from '../e2e/harness';
import { launchBare, ratio, workerWaker } from './floor';
import { round } from './stats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../e2e/harness';
import { openQuietExtensionPage } from '../e2e/pages';

/**
 * A stopped service worker woken by a message until it answers (`ping`), ours vs the bare fixture
 * extension's worker, samples interleaved (ours, bare, ours, …) so both see the same machine load.
 * MV3 stops an idle worker after ~30 s, so agents pay this often; it grows with background.js.
 */
export async function benchWorkerWake(samples = 15): Promise<Record<string, number>> {
  const ours = await launchWithExtension();
  const bare = await launchBare();
  try {
    // An extension page to send from that sends nothing of its own (a message of its own would wake
    // the worker before the timed one).
    const ourPage = await openQuietExtensionPage(ours);
    const barePage = await bare.openExtensionPage('page.html');
    const a = await workerWaker(ours, ourPage, { kf: 'ping', payload: undefined });
    const b = await workerWaker(bare, barePage, { kf: 'ping' });
    const oursMs: number[] = [];
    const bareMs: number[] = [];
    await a.sample(); // the first wake of each warms the code cache; not counted
    await b.sample();
    for (let i = 0; i < samples; i++) {
      oursMs.push(await a.sample());
      bareMs.push(await b.sample());
    }
    await a.close();
    await b.close();
    const r = ratio(oursMs, bareMs);
    return {
      worker_wake_ms_p50: r.ours,
      worker_wake_bare_ms_p50: r.floor,
      worker_wake_ratio_to_bare: r.ratio,
      background_js_bytes: readFileSync(join(EXTENSION_DIR, 'background.js')).length,
    };
  } finally {
    await ours.close();
    await bare.close();
  }
}

if (process.argv[1]?.endsWith('worker-wake.ts')) {
  benchWorkerWake().then((r) => console.log(r), (e) => { console.error(e); process.exit(1); });
}
