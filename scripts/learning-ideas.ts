/**
 * Ways of learning from the agent's picks that were measured and NOT shipped (see
 * lib/domain/suggest/README.md, "Learned picks"). Kept so the figures there can be produced again;
 * nothing here runs in the extension, and nothing it computes is written anywhere.
 *
 *   node --import tsx scripts/learning-ideas.ts --learn-from <picks.tsv> <set.tsv>... [--turns <turns.tsv>]
 *
 * Each <set.tsv> is evaluated (top-1 / top-3 / `other` abstained, as eval-suggest) with the cues, the
 * shipped model and the learned memory after replaying <picks.tsv> through SuggestEngine.learn, and
 * with each idea added on top. The picks are read at run time only (evaluation data is never copied).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioId } from '../lib/domain/scenarios';
import { classify, type ClassifyOptions } from '../lib/domain/suggest/classify';
import { combineSignals, type Signals } from '../lib/domain/suggest/combine';
import { SuggestEngine } from '../lib/domain/suggest/engine';
import { maskForMemory } from '../lib/domain/suggest/learned';
import { decodeModel, modelFeatures, predict, type ModelScore, type SuggestModel } from '../lib/domain/suggest/model';
import { evaluate, learnFrom, loadShippedModel, readLabelledTurns, type LabelledTurn } from './eval-suggest';
import { train, trainingCorpus } from './train-suggest';

type Model = (text: string) => ModelScore[];

/** Float weights of a model, to be changed: one row per n-gram. */
interface FloatModel {
  classes: ScenarioId[];
  index: Map<string, number>;
  rows: Float64Array[];
  bias: Float64Array;
}

export function toFloat(m: SuggestModel): FloatModel {
  const k = m.classes.length;
  const rows: Float64Array[] = [];
  for (let r = 0; r < m.index.size; r++) rows.push(Float64Array.from({ length: k }, (_, c) => m.weights[r * k + c]! * m.unit[c]!));
  return { classes: m.classes, index: new Map(m.index), rows, bias: Float64Array.from(m.bias) };
}

function floatPredict(m: FloatModel, text: string): ModelScore[] {
  const k = m.classes.length;
  const hit = modelFeatures(text).map((f) => m.index.get(f)).filter((r): r is number => r !== undefined);
  if (hit.length === 0) return m.classes.map((id) => ({ id, p: id === 'other' ? 1 : 0 })).sort((a, b) => b.p - a.p);
  const z = Float64Array.from(m.bias);
  const x = 1 / Math.sqrt(hit.length);
  for (const r of hit) for (let c = 0; c < k; c++) z[c]! += m.rows[r]![c]! * x;
  const max = Math.max(...z);
  let sum = 0;
  for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c]! - max);
  return m.classes.map((id, c) => ({ id, p: z[c]! / sum })).sort((a, b) => b.p - a.p);
}

/**
 * The shipped weights fine-tuned on the picks (AdaGrad, softmax over the needs only — picks never say
 * `other` — with an L2 pull back to the shipped weights; n-grams the model never saw get rows).
 */
export function fineTune(base: FloatModel, picks: LabelledTurn[], epochs = 5, rate = 0.1, anchor = 1e-3): FloatModel {
  const k = base.classes.length;
  const m: FloatModel = { classes: base.classes, index: new Map(base.index), rows: base.rows.slice(), bias: Float64Array.from(base.bias) };
  const owned = new Set<number>();
  const own = (r: number) => {
    if (!owned.has(r)) (owned.add(r), (m.rows[r] = Float64Array.from(m.rows[r]!)));
    return m.rows[r]!;
  };
  const feats = picks.map((p) =>
    modelFeatures(p.text).map((f) => {
      let r = m.index.get(f);
      if (r === undefined) (r = m.rows.length), m.index.set(f, r), m.rows.push(new Float64Array(k));
      return r;
    }),
  );
  const other = m.classes.indexOf('other');
  const g2 = new Map<number, Float64Array>();
  for (let e = 0; e < epochs; e++) {
    picks.forEach((p, i) => {
      const rows = feats[i]!;
      if (!rows.length) return;
      const x = 1 / Math.sqrt(rows.length);
      const z = Float64Array.from(m.bias);
      for (const r of rows) for (let c = 0; c < k; c++) z[c]! += m.rows[r]![c]! * x;
      z[other] = -Infinity;
      const max = Math.max(...z);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c]! - max);
      const target = m.classes.indexOf(p.scenario);
      for (let c = 0; c < k; c++) {
        const g = z[c]! / sum - (c === target ? 1 : 0);
        for (const r of rows) {
          const w = own(r);
          const gw = g * x + anchor * (w[c]! - (base.rows[r]?.[c] ?? 0));
          const acc = g2.get(r) ?? g2.set(r, new Float64Array(k).fill(1e-8)).get(r)!;
          acc[c]! += gw * gw;
          w[c]! -= (rate * gw) / Math.sqrt(acc[c]!);
        }
      }
    });
  }
  return m;
}

/** `other` from the shipped model (picks cannot teach it), the order of the needs from another. */
function needsFrom(shipped: Model, adapted: Model): Model {
  return (text) => {
    const pOther = shipped(text).find((s) => s.id === 'other')?.p ?? 0;
    const needs = adapted(text).filter((s) => s.id !== 'other');
    const sum = needs.reduce((a, s) => a + s.p, 0) || 1;
    return [{ id: 'other' as ScenarioId, p: pOther }, ...needs.map((s) => ({ id: s.id, p: ((1 - pOther) * s.p) / sum }))].sort((a, b) => b.p - a.p);
  };
}

function predictor(model: Model, learned: (t: string) => Signals['learned'], cueOpts?: ClassifyOptions): (t: string) => ScenarioId[] {
  return (text) => {
    const c = combineSignals(classify([text], cueOpts), { model: model(text), learned: learned(text), chars: [...text].length });
    return c.confident ? c.scores.map((s) => s.id) : [];
  };
}

/** Character 2–3-grams that occur in at least two picks, all of one scenario, and in no no-need turn. */
function minedCues(picks: LabelledTurn[], noNeed: LabelledTurn[]): Partial<Record<ScenarioId, string[]>> {
  const by = new Map<string, Map<ScenarioId, number>>();
  for (const p of picks) {
    const seen = new Set<string>();
    for (const run of maskForMemory(p.text).split(' ')) {
      const c = [...run];
      for (const n of [2, 3]) for (let i = 0; i + n <= c.length; i++) seen.add(c.slice(i, i + n).join(''));
    }
    for (const g of seen) {
      if (/[#0-9]/.test(g)) continue;
      const m = by.get(g) ?? by.set(g, new Map()).get(g)!;
      m.set(p.scenario, (m.get(p.scenario) ?? 0) + 1);
    }
  }
  const others = noNeed.map((t) => maskForMemory(t.text));
  const out: Partial<Record<ScenarioId, string[]>> = {};
  for (const [g, m] of by) {
    const [only] = m;
    if (m.size !== 1 || only![1] < 2 || others.some((o) => o.includes(g))) continue;
    (out[only![0]] ??= []).push(g);
  }
  return out;
}

function main(argv: string[]): number {
  const at = argv.indexOf('--learn-from');
  const turnsAt = argv.indexOf('--turns');
  const skip = new Set([at, at + 1, turnsAt, turnsAt >= 0 ? turnsAt + 1 : -1]);
  const sets = argv.filter((_, i) => !skip.has(i));
  if (at < 0 || !argv[at + 1] || sets.length === 0) {
    console.error('usage: learning-ideas --learn-from <picks.tsv> <set.tsv>... [--turns <turns.tsv>]');
    return 2;
  }
  const repo = resolve(import.meta.dirname, '..');
  const turnsPath = turnsAt >= 0 ? resolve(argv[turnsAt + 1]!) : resolve(repo, '../shared/eval/buyer_turns.tsv');
  const learnSet = readLabelledTurns(resolve(argv[at + 1]!), turnsPath);
  const tests = sets.map((s) => ({ name: s.split('/').at(-1)!, turns: readLabelledTurns(resolve(s), turnsPath) }));
  const asset = loadShippedModel(repo);
  if (!asset) throw new Error('no model asset: run npm run train:suggest');
  const engine = new SuggestEngine(asset);
  learnFrom(engine, learnSet);
  const picks = learnSet.filter((t) => t.scenario !== 'other');
  const memory = (t: string) => engine.signals(t).learned;
  const none = () => null;
  const shipped: Model = (t) => predict(asset, t);

  const rows: [string, (t: string) => ScenarioId[]][] = [
    ['static (no picks)', predictor(shipped, none)],
    ['as shipped: the memory (nearest picks)', predictor(shipped, memory)],
  ];
  let t0 = performance.now();
  const tuned = fineTune(toFloat(asset), picks);
  const tuneMs = performance.now() - t0;
  rows.push([`adapted model: shipped weights fine-tuned on the picks (${tuneMs.toFixed(0)} ms), + memory`, predictor(needsFrom(shipped, (t) => floatPredict(tuned, t)), memory)]);
  t0 = performance.now();
  const extra = Array.from({ length: 20 }, () => picks.map((p) => ({ text: p.text, target: { [p.scenario]: 1 } }))).flat();
  const retrained = decodeModel(train([...trainingCorpus(), ...extra]));
  const retrainMs = performance.now() - t0;
  rows.push([`retrained from scratch on corpus + picks ×20 (${(retrainMs / 1000).toFixed(1)} s), + memory`, predictor(needsFrom(shipped, (t) => predict(retrained, t)), memory)]);
  const shopCues = minedCues(picks, learnSet.filter((t) => t.scenario === 'other'));
  rows.push([`learned n-gram cues (${Object.values(shopCues).flat().length}) as shop cues, + memory`, predictor(shipped, memory, { shopCues })]);

  // Per scenario of the cues' first need: how often the picks confirmed it, and the model's first need.
  const trust = new Map<ScenarioId, { n: number; cues: number; model: number }>();
  for (const p of picks) {
    const c = classify([p.text]);
    if (!c.confident) continue;
    const first = c.top[0]!;
    const right = (id: ScenarioId | undefined) => id === p.scenario || id === p.also;
    const s = trust.get(first) ?? trust.set(first, { n: 0, cues: 0, model: 0 }).get(first)!;
    s.n++;
    if (right(first)) s.cues++;
    if (right(shipped(p.text).find((m) => m.id !== 'other')?.id)) s.model++;
  }
  const withMemory = predictor(shipped, memory);
  rows.push([
    'per-scenario trust: the model leads where the picks confirmed it more often than the cues, + memory',
    (text) => {
      const got = withMemory(text);
      const c = classify([text]);
      const s = c.confident ? trust.get(c.top[0]!) : undefined;
      const m = shipped(text).find((x) => x.id !== 'other')!;
      if (!got.length || !s || s.n < 3 || s.cues / s.n >= 0.8 || s.model <= s.cues || m.id === got[0] || m.p < 0.3) return got;
      return [m.id, ...got.filter((id) => id !== m.id)];
    },
  ]);
  for (const [name, model] of [['adapted', needsFrom(shipped, (t) => floatPredict(tuned, t))], ['shipped', shipped]] as const) {
    rows.push([
      `abstained, p(other) ≤ 0.2: the ${name} model's best need (≥ 0.5 of the needs) answers, + memory`,
      (text) => {
        const got = withMemory(text);
        if (got.length) return got;
        const m = model(text);
        const pOther = m.find((x) => x.id === 'other')!.p;
        const needs = m.filter((x) => x.id !== 'other');
        return pOther <= 0.2 && needs[0]!.p / (1 - pOther) >= 0.5 ? needs.slice(0, 3).map((x) => x.id) : [];
      },
    ]);
  }
  console.log(`learned ${picks.length} picks; top-1 / top-3 / other abstained`);
  console.log(`| idea | ${tests.map((t) => t.name).join(' | ')} |`);
  for (const [name, pred] of rows) {
    const cells = tests.map(({ turns }) => {
      const r = evaluate(turns, (t) => pred(t.text));
      return `${r.top1.toFixed(2)} / ${r.top3.toFixed(2)} / ${r.otherAbstain.toFixed(2)}`;
    });
    console.log(`| ${name} | ${cells.join(' | ')} |`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
