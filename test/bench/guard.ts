/**
 * Compliance-guard benchmark: checking one 200-character reply against the full rule set (every
 * built-in rule on every platform's list plus 20 shop rules), p50/p95 per check. The floor is a
 * no-op pass over the same texts in the same run (timer and loop cost), so the figure can be read
 * against this machine's noise. Each sample times a batch of BATCH replies and divides: one no-op
 * pass (about 0.4 µs) is below what a single timing tells apart — timed alone the floor read
 * 0.0004 ms one run and 0.004 ms the next, and the ratio to it moved tenfold. A batch also counts
 * the young-generation collections the checks cause (one every ~175 checks here, 2–27 ms each under
 * load), which single checks mostly left out of the p95.
 *
 *   node --import tsx test/bench/guard.ts
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { STARTER_LIBRARY } from '../../lib/domain/templates/starter';
import { activeRules, checkReply, type GuardConfig, type GuardPlatform } from '../../lib/domain/guard/index';
import { percentile, round } from './stats';

/** Samples; each times a batch of BATCH replies in a row (the next texts, each on the next platform). */
const RUNS = 1000;
const WARMUP = 100;
const BATCH = 25;
const PLATFORMS: GuardPlatform[] = ['taobao', 'jd', 'pdd', 'douyin', 'kuaishou', 'any'];

/** 200-character replies made of starter-library text, some with a problem spliced in. */
function replies(): string[] {
  const bodies = STARTER_LIBRARY.templates.map((t) => t.body);
  const spliced = ['加我 V X 发您图', '好评返现5元', '全网最好的面料', '你自己看吧', 'https://abc.xyz/a'];
  const out: string[] = [];
  for (let i = 0; i < 200; i++) {
    let s = '';
    for (let j = i; s.length < 200; j++) s += bodies[j % bodies.length];
    s = s.slice(0, 200);
    if (i % 4 === 0) s = s.slice(0, 180) + spliced[i % spliced.length]!;
    out.push(s.slice(0, 200));
  }
  return out;
}

const SHOP: GuardConfig = {
  v: 1,
  disabled: [],
  rules: Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, words: [`店规词${i}`, `word${i}`], severity: 'warn' as const, platforms: ['any' as const], reason: '本店规则' })),
};

export async function benchGuard(): Promise<Record<string, number>> {
  const texts = replies();
  const rules = activeRules(SHOP);
  let sink = 0;
  const noop = (t: string) => {
    for (let i = 0; i < t.length; i++) sink ^= t.charCodeAt(i);
  };
  const timed = (fn: (t: string, p: GuardPlatform) => void) => {
    const sample: number[] = [];
    for (let i = 0, n = 0; i < WARMUP + RUNS; i++) {
      const start = performance.now();
      for (let b = 0; b < BATCH; b++, n++) fn(texts[n % texts.length]!, PLATFORMS[n % PLATFORMS.length]!);
      const ms = (performance.now() - start) / BATCH;
      if (i >= WARMUP) sample.push(ms);
    }
    return sample;
  };
  const check = timed((t, p) => void (sink += checkReply(t, { platform: p, rules }).length));
  const floor = timed((t) => noop(t));
  if (sink === 0.5) console.log(sink); // keep the work observable
  const [p50, p95] = [percentile(check, 50), percentile(check, 95)];
  const floorP50 = percentile(floor, 50);
  return {
    guard_ms_p50: round(p50, 4),
    guard_ms_p95: round(p95, 4),
    guard_floor_ms_p50: round(floorP50, 5),
    guard_floor_ms_p95: round(percentile(floor, 95), 5),
    guard_p50_ratio_to_floor: round(p50 / floorP50, 0),
    guard_rules: rules.length,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchGuard());
}
