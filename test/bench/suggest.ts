/**
 * Suggestion benchmark: latency and memory of classify + rank at 100…100,000 templates, and two
 * off-the-shelf baselines (MiniSearch with a CJK bigram tokenizer, Fuse.js) on the same data.
 *
 *   node --import tsx test/bench/suggest.ts        prints a table
 *   import { benchSuggest } …                      returns flat numeric keys
 *
 * Queries are real buyer turns read at run time from ../shared/eval/buyer_turns.tsv (never copied
 * into the repo); without that folder a small built-in set is used and the *_dev accuracy keys are
 * left out. Synthetic libraries are generated from the starter library's own vocabulary.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { ScenarioId } from '../../lib/domain/scenarios';
import { STARTER_LIBRARY } from '../../lib/domain/templates/starter';
import type { Template } from '../../lib/domain/templates/types';
import { classify } from '../../lib/domain/suggest/classify';
import { bigrams, normalize } from '../../lib/domain/suggest/normalize';
import { rankTemplates } from '../../lib/domain/suggest/rank';
import { buildTemplateIndex } from '../../lib/domain/suggest/template-index';
import { evaluate, readLabelledTurns, type LabelledTurn } from '../../scripts/eval-suggest';

const SIZES = [100, 1000, 10000, 100000] as const;
const QUERIES_PER_SIZE = 600;
const WARMUP = 200;
const BASELINE_QUERIES = 200;
/** Fuse scans every template per query; stop measuring a size after this much time (at least one
 * query is always measured). Its bitap matcher works on ≤32-character patterns, so queries are cut
 * to 32 characters for it (longer ones are split into 32-character chunks and cost even more). */
const FUSE_BUDGET_MS = 3000;
const FUSE_MAX_QUERY = 32;
/** MiniSearch scores every document sharing a bigram; at 100k that is slow too. Same rule. */
const MINISEARCH_BUDGET_MS = 5000;

const here = dirname(fileURLToPath(import.meta.url));
const evalDir = resolve(here, '../../../shared/eval');

const BUILTIN_QUERIES = [
  '在吗', '几时发货呀', '165 110斤穿什么码', '能便宜点吗', '快递到哪了', '我想退货', '能开张发票吗',
  '地址写错了', '衣服开线了', '退款什么时候到', '好的多谢', '能发顺丰吗', '有货吗', '优惠券怎么用',
  '[订单编号:[订单x]，订单金额:¥[金额x]，下单时间:[日期x] [时间x]]', '怎么还没发货', '换个大一码',
];

function gcFn(): () => void {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    return () => { gc(); gc(); };
  } catch {
    return () => {};
  }
}
const gc = gcFn();

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = ['亲，', '您好，', '亲爱的，', '宝宝，', '', '不好意思，', '感谢耐心等待，'];
const CLOSERS = ['', '有问题随时找我哦～', '祝您购物愉快！', '给您添麻烦了。', '辛苦您啦。', '我们会尽快处理。'];
const PRODUCTS = ['连衣裙', 'T恤', '牛仔裤', '卫衣', '羽绒服', '运动鞋', '茶叶', '保温杯', '蓝牙耳机', '湿巾', '纸巾', '面霜'];

/** A synthetic library of n templates: starter bodies recombined with openers, closers, products. */
export function syntheticLibrary(n: number, seed = 7): Template[] {
  const base = STARTER_LIBRARY.templates;
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const out: Template[] = [];
  for (let i = 0; i < n; i++) {
    const s = base[i % base.length]!;
    if (i < base.length) {
      out.push(s);
      continue;
    }
    const product = pick(PRODUCTS);
    const body = `${pick(OPENERS)}${s.body}${pick(CLOSERS)}（${product}）`;
    const t: Template = { id: `${s.id}-v${i}`, title: `${s.title}·${product}${i % 97}`, body, group: s.group, scenarios: s.scenarios };
    if (s.code && i % 3 === 0) t.code = `${s.code}${i}`;
    out.push(t);
  }
  return out;
}

export function readQueries(): { queries: string[]; fromEval: boolean } {
  const p = resolve(evalDir, 'buyer_turns.tsv');
  if (!existsSync(p)) return { queries: BUILTIN_QUERIES, fromEval: false };
  const texts = readFileSync(p, 'utf8').split(/\r?\n/).slice(1).map((l) => l.split('\t').slice(2).join('\t')).filter(Boolean);
  const r = rng(11);
  const out: string[] = [];
  for (let i = 0; i < QUERIES_PER_SIZE + WARMUP; i++) out.push(texts[Math.floor(r() * texts.length)]!);
  return { queries: out, fromEval: true };
}

function readDev(): LabelledTurn[] | null {
  const labels = resolve(evalDir, 'dev-labels.tsv');
  const turns = resolve(evalDir, 'buyer_turns.tsv');
  if (!existsSync(labels) || !existsSync(turns)) return null;
  return readLabelledTurns(labels, turns);
}

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** CJK-aware tokenizer for MiniSearch: character bigrams of Chinese runs, words for Latin. */
function cjkTokens(text: string): string[] {
  return bigrams(normalize(text).text).filter((t) => t.length > 0);
}

function makeMiniSearch(templates: Template[]): MiniSearch<Template> {
  const ms = new MiniSearch<Template>({
    fields: ['title', 'body'],
    storeFields: ['scenarios'],
    tokenize: cjkTokens,
    processTerm: (t) => t,
    searchOptions: { boost: { title: 2 }, combineWith: 'OR' },
  });
  ms.addAll(templates);
  return ms;
}

function makeFuse(templates: Template[]): Fuse<Template> {
  return new Fuse(templates, { keys: [{ name: 'title', weight: 2 }, { name: 'body', weight: 1 }], ignoreLocation: true, threshold: 0.6, includeScore: true });
}

/** Distinct scenarios of the ranked templates, in order: how a nearest-template classifier answers. */
function scenariosOf(ts: { scenarios: ScenarioId[] }[]): ScenarioId[] {
  const out: ScenarioId[] = [];
  for (const t of ts) for (const s of t.scenarios) if (s !== 'other' && !out.includes(s)) out.push(s);
  return out;
}

export async function benchSuggest(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const { queries } = readQueries();
  const dev = readDev();
  // Warm the JIT on the classifier before any timing, so the smallest size is not the cold one.
  for (const q of queries) classify([q]);

  for (const n of SIZES) {
    const tSize = performance.now();
    const templates = syntheticLibrary(n);
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const index = buildTemplateIndex(templates);
    gc();
    out[`suggest_heap_mb_${n}`] = r3((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);

    const times: number[] = [];
    gc();
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i]!;
      const t0 = performance.now();
      const classification = classify([q]);
      rankTemplates(index, { classification, text: q, orderStatuses: i % 5 === 0 ? ['unpaid'] : undefined }, 3);
      const dt = performance.now() - t0;
      if (i >= WARMUP) times.push(dt);
    }
    out[`suggest_ms_p50_${n}`] = r3(pct(times, 50));
    out[`suggest_ms_p95_${n}`] = r3(pct(times, 95));
    out[`suggest_ms_p99_${n}`] = r3(pct(times, 99));
    if (index.templates.length < 0) console.log(index); // keep the index alive through the loop

    const bq = queries.slice(WARMUP, WARMUP + BASELINE_QUERIES);
    const ms = makeMiniSearch(templates);
    const mt: number[] = [];
    const mStart = performance.now();
    for (const q of bq) {
      const t0 = performance.now();
      ms.search(q).slice(0, 3);
      mt.push(performance.now() - t0);
      if (performance.now() - mStart > MINISEARCH_BUDGET_MS) break;
    }
    out[`baseline_minisearch_ms_p95_${n}`] = r3(pct(mt, 95));
    out[`baseline_minisearch_queries_${n}`] = mt.length;

    const fuse = makeFuse(templates);
    const ft: number[] = [];
    const start = performance.now();
    for (const q of bq) {
      const t0 = performance.now();
      fuse.search(q.slice(0, FUSE_MAX_QUERY), { limit: 3 });
      ft.push(performance.now() - t0);
      if (performance.now() - start > FUSE_BUDGET_MS) break;
    }
    out[`baseline_fuse_ms_p95_${n}`] = r3(pct(ft, 95));
    out[`baseline_fuse_queries_${n}`] = ft.length;
    if (process.env.BENCH_VERBOSE) console.error(`size ${n}: ${((performance.now() - tSize) / 1000).toFixed(1)} s`);
  }

  if (dev) {
    const ours = evaluate(dev);
    out.suggest_top1_dev = r3(ours.top1);
    out.suggest_top3_dev = r3(ours.top3);
    out.suggest_other_abstain_dev = r3(ours.otherAbstain);
    // Baselines as scenario classifiers over the real starter library: the scenarios of the
    // nearest templates, nothing when no template matches.
    const lib = STARTER_LIBRARY.templates;
    const ms = makeMiniSearch(lib);
    const byId = new Map(lib.map((t) => [t.id, t]));
    const msEval = evaluate(dev, ({ text }) => scenariosOf(ms.search(text).slice(0, 5).map((h) => byId.get(String(h.id))!)));
    out.baseline_minisearch_top1_dev = r3(msEval.top1);
    out.baseline_minisearch_top3_dev = r3(msEval.top3);
    out.baseline_minisearch_other_abstain_dev = r3(msEval.otherAbstain);
    const fuse = makeFuse(lib);
    const fEval = evaluate(dev, ({ text }) => scenariosOf(fuse.search(text.slice(0, FUSE_MAX_QUERY), { limit: 5 }).map((h) => h.item)));
    out.baseline_fuse_top1_dev = r3(fEval.top1);
    out.baseline_fuse_top3_dev = r3(fEval.top3);
    out.baseline_fuse_other_abstain_dev = r3(fEval.otherAbstain);
  } else {
    console.warn('bench:suggest: ../shared/eval not found — dev accuracy keys skipped, built-in queries used');
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const r = await benchSuggest();
  const rows = ['suggest_ms_p50', 'suggest_ms_p95', 'suggest_ms_p99', 'suggest_heap_mb', 'baseline_minisearch_ms_p95', 'baseline_minisearch_queries', 'baseline_fuse_ms_p95', 'baseline_fuse_queries'];
  console.log(['metric'.padEnd(28), ...SIZES.map((n) => String(n).padStart(10))].join(''));
  for (const k of rows) console.log([k.padEnd(28), ...SIZES.map((n) => String(r[`${k}_${n}`] ?? '-').padStart(10))].join(''));
  console.log('');
  for (const [k, v] of Object.entries(r)) if (k.endsWith('_dev')) console.log(`${k.padEnd(40)} ${v}`);
  console.log(`\ntotal ${(performance.now() - t0) / 1000 | 0} s`);
}
