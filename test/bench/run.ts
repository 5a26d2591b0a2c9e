/**
 * `npm run bench`: every benchmark, one readable table, and the same figures as one flat JSON
 * object in .output/bench.json (units in the key names). Expects a fresh `wxt build` (the npm
 * script runs it first).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { benchContentSize } from './content-size';
import { benchPanelVisible } from './panel-visible';
import { benchWorkerWake } from './worker-wake';
import { ensureChromium } from '../../scripts/find-chromium';

type Bench = { name: string; run: () => Promise<Record<string, number>> };

const benches: Bench[] = [
  { name: 'content script size', run: benchContentSize },
  { name: 'panel visible vs bare extension (Chromium)', run: () => benchPanelVisible() },
  { name: 'worker wake vs bare extension (Chromium)', run: () => benchWorkerWake() },
];

/**
 * Issue #15's targets: each figure against a floor measured in the same run (ratios), and the
 * sizes. Printed first, with whether this run meets them.
 */
export const TARGETS: [key: string, max: number][] = [
  ['panel_visible_ratio_to_bare', 1.5],
  ['popup_render_ratio_5000_to_50', 1.3],
  ['notes_lookup_ratio_to_ping', 2],
  ['card_switch_ratio_to_ping', 1.5],
  ['worker_wake_ratio_to_bare', 2],
  ['content_js_gzip_bytes', 45 * 1024],
  ['background_js_bytes', 150 * 1024],
];

// Feature benchmarks register here when their module exists.
const optional: [string, string, string][] = [
  ['suggest (classify + rank)', './suggest', 'benchSuggest'],
  ['suggest with model and learned picks', './suggest-model', 'benchSuggestModel'],
  ['buyer message to suggestions (Chromium)', './suggest-latency', 'benchSuggestLatency'],
  ['customer notes', './notes', 'benchNotes'],
  ['popup (Chromium)', './popup', 'benchPopup'],
  ['compliance guard', './guard', 'benchGuard'],
  ['team mode (pouchdb-server on loopback)', './team', 'benchTeam'],
];

async function main() {
  ensureChromium();
  for (const [name, path, fn] of optional) {
    try {
      const mod = (await import(path)) as Record<string, () => Promise<Record<string, number>>>;
      if (typeof mod[fn] === 'function') benches.push({ name, run: mod[fn] });
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    }
  }
  const all: Record<string, number> = {};
  for (const b of benches) {
    const started = Date.now();
    process.stdout.write(`running ${b.name}… `);
    const figures = await b.run();
    Object.assign(all, figures);
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const width = Math.max(...Object.keys(all).map((k) => k.length));
  console.log('\n' + 'target'.padEnd(width) + '  value  (≤ target)');
  for (const [k, max] of TARGETS) {
    if (k in all) console.log(k.padEnd(width) + '  ' + all[k] + `  (≤ ${max}: ${all[k]! <= max ? 'met' : 'MISSED'})`);
  }
  console.log('\n' + 'figure'.padEnd(width) + '  value');
  for (const [k, v] of Object.entries(all)) console.log(k.padEnd(width) + '  ' + v);
  const out = resolve(import.meta.dirname, '..', '..', '.output', 'bench.json');
  await mkdir(resolve(out, '..'), { recursive: true });
  await writeFile(out, JSON.stringify(all, null, 2) + '\n');
  console.log(`\nwritten to ${out}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
