/**
 * Scenario-classifier evaluation on labelled buyer turns.
 *
 *   npm run eval:suggest -- <labels.tsv> [<turns.tsv>] [--learn-from <labels2.tsv>] [--errors]
 *
 * labels.tsv: `id\tscenario\talso` (texts looked up in turns.tsv, default ../shared/eval/buyer_turns.tsv
 * relative to the repo) or `id\tscenario\talso\ttext` (text inline). A header line starting with
 * `id` is skipped. Each turn is classified alone (the turns file carries no dialogue context), or with
 * `--context` as the panel classifies it: with the buyer's earlier turns of its conversation, rebuilt
 * from the source dialogues in ../shared/eval (`scripts/eval-dialogues.ts`, window of
 * `lib/domain/suggest/context.ts`). The model and the learned picks read the turn itself, as in the
 * extension.
 *
 * Signals: the cue trie, the trained model (public/suggest-model.json) and the learned memory,
 * combined as in the extension. `--learn-from` first replays those labelled turns, in file order,
 * as the agent's confirmed picks through `SuggestEngine.learn` (what the background runs on an
 * insertion); its texts come from the same turns file. Figures per signal are printed before the
 * combined last line.
 *
 * Scoring: for non-`other` turns a hit at k means the label or `also` is among the first k
 * scenarios the classifier would show; an abstention (no confident suggestion) shows nothing and so
 * is a miss. For `other` turns the figure is the share that got no confident suggestion.
 * The last line is machine-readable and stable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScenarioId, type ScenarioId } from '../lib/domain/scenarios';
import { classify } from '../lib/domain/suggest/classify';
import { maskWhole } from '../lib/domain/suggest/mask-whole';
import { combineSignals, type CombineParams, COMBINE } from '../lib/domain/suggest/combine';
import { SuggestEngine } from '../lib/domain/suggest/engine';
import { decodeModel, type ModelAsset } from '../lib/domain/suggest/model';
import { buyerTurns } from '../lib/domain/suggest/context';
import { Dialogues } from './eval-dialogues';

export interface LabelledTurn {
  id: string;
  scenario: ScenarioId;
  also: ScenarioId | null;
  text: string;
  /** With `--context`: the buyer turns the panel would classify, oldest first, this turn last. */
  context?: string[];
}

export class EvalInputError extends Error {
  override name = 'EvalInputError';
}

export function readLabelledTurns(labelsPath: string, turnsPath: string | null): LabelledTurn[] {
  if (!existsSync(labelsPath)) throw new EvalInputError(`labels file not found: ${labelsPath}`);
  const lines = readFileSync(labelsPath, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const rows = lines.filter((l, i) => !(i === 0 && /^id\t/.test(l))).map((l) => l.split('\t'));
  const inline = rows.length > 0 && rows.every((r) => r.length >= 4);
  let texts: Map<string, string> | null = null;
  if (!inline) {
    if (!turnsPath || !existsSync(turnsPath)) {
      throw new EvalInputError(`turns file not found: ${turnsPath ?? '(none given)'} (needed because ${labelsPath} has no text column)`);
    }
    texts = new Map();
    for (const l of readFileSync(turnsPath, 'utf8').split(/\r?\n/)) {
      const c = l.split('\t');
      if (c.length >= 3 && c[0] !== 'id') texts.set(c[0]!, c.slice(2).join('\t'));
    }
  }
  return rows.map((r, i) => {
    const [id, scenario, also = '', ...rest] = r;
    const where = `${labelsPath}:${i + 1}`;
    if (!id || !scenario) throw new EvalInputError(`${where}: expected id<TAB>scenario<TAB>also[<TAB>text]`);
    if (!isScenarioId(scenario)) throw new EvalInputError(`${where}: unknown scenario "${scenario}"`);
    if (also && !isScenarioId(also)) throw new EvalInputError(`${where}: unknown also-scenario "${also}"`);
    const text = inline ? rest.join('\t') : texts!.get(id);
    if (text === undefined) throw new EvalInputError(`${where}: id "${id}" not found in ${turnsPath}`);
    return { id, scenario, also: also ? (also as ScenarioId) : null, text };
  });
}

/** Gives each turn the buyer turns the panel would classify with it (its conversation's window). */
export function attachContext(turns: LabelledTurn[], dialogues: Dialogues): LabelledTurn[] {
  return turns.map((t) => {
    let d;
    try {
      d = dialogues.dialogue(t.id);
    } catch (e) {
      throw new EvalInputError(`--context: ${(e as Error).message}`);
    }
    if (!d) throw new EvalInputError(`--context: no dialogue for id "${t.id}" in the evaluation sources`);
    const last = d[d.length - 1]!;
    const same = (a: string) => a.replace(/\s+/g, '');
    if (last.from !== 'buyer' || same(last.text) !== same(t.text)) {
      throw new EvalInputError(`--context: the dialogue of "${t.id}" does not end with its text`);
    }
    return { ...t, context: buyerTurns(d) };
  });
}

const classifyInput = (t: LabelledTurn) => t.context ?? [t.text];

export interface EvalResult {
  top1: number;
  top3: number;
  macroRecall: number;
  otherAbstain: number;
  n: number;
  nOther: number;
  /** Non-other turns the classifier abstained on. */
  abstainOnNeeds: number;
  perScenario: { id: ScenarioId; n: number; recall: number }[];
  confusion: { label: ScenarioId; got: string; count: number }[];
  errors: { id: string; label: string; got: string; text: string }[];
}

/** Scenarios shown for a turn, best first: nothing when the classifier abstains. */
export function shown(turn: LabelledTurn): ScenarioId[] {
  const c = classify(classifyInput(turn));
  return c.confident ? c.scores.map((s) => s.id) : [];
}

/** The model asset the extension ships (null when it has not been trained yet). */
export function loadShippedModel(repo: string) {
  const path = resolve(repo, 'public/suggest-model.json');
  if (!existsSync(path)) return null;
  return decodeModel(JSON.parse(readFileSync(path, 'utf8')) as ModelAsset);
}

/** A predictor running the three signals combined, as the panel does. */
export function combinedPredictor(engine: SuggestEngine, params: CombineParams = COMBINE): (turn: LabelledTurn) => ScenarioId[] {
  return (turn) => {
    const c = combineSignals(classify(classifyInput(turn)), engine.signals(turn.text), params);
    return c.confident ? c.scores.map((s) => s.id) : [];
  };
}

/** The trained model on its own: its needs, best first, unless `other` is the likeliest reading. */
export function modelPredictor(engine: SuggestEngine): (turn: LabelledTurn) => ScenarioId[] {
  return ({ text }) => {
    const m = engine.signals(text, { learning: false }).model ?? [];
    return m[0] && m[0].id !== 'other' ? m.filter((x) => x.id !== 'other').map((x) => x.id) : [];
  };
}

/** Replays labelled turns as confirmed picks, in order (what an agent's insertions would record). */
export function learnFrom(engine: SuggestEngine, turns: LabelledTurn[], start = Date.UTC(2026, 0, 1)): number {
  let n = 0;
  turns.forEach((t, i) => {
    // As the panel: a follow-up that took its need from the conversation is not learned.
    if (t.context && classify(t.context).followUp) return;
    if (engine.learn({ message: maskWhole(t.text), scenario: t.scenario, source: 'insert' }, start + i * 60_000).pick) n++;
  });
  return n;
}

export function evaluate(turns: LabelledTurn[], predict: (turn: LabelledTurn) => ScenarioId[] = shown): EvalResult {
  let hit1 = 0;
  let hit3 = 0;
  let needs = 0;
  let others = 0;
  let abstainOther = 0;
  let abstainOnNeeds = 0;
  const per = new Map<ScenarioId, { n: number; hit: number }>();
  const conf = new Map<string, number>();
  const errors: EvalResult['errors'] = [];
  for (const t of turns) {
    const got = predict(t);
    if (t.scenario === 'other') {
      others++;
      if (got.length === 0) abstainOther++;
      else errors.push({ id: t.id, label: 'other', got: got.slice(0, 2).join(','), text: t.text });
      continue;
    }
    needs++;
    if (got.length === 0) abstainOnNeeds++;
    const ok = (k: number) => got.slice(0, k).some((g) => g === t.scenario || g === t.also);
    if (ok(1)) hit1++;
    if (ok(3)) hit3++;
    const p = per.get(t.scenario) ?? { n: 0, hit: 0 };
    p.n++;
    if (ok(1)) p.hit++;
    per.set(t.scenario, p);
    if (!ok(1)) {
      const g = got[0] ?? '(abstain)';
      const key = `${t.scenario}\t${g}`;
      conf.set(key, (conf.get(key) ?? 0) + 1);
      errors.push({ id: t.id, label: t.scenario + (t.also ? '+' + t.also : ''), got: got.slice(0, 3).join(',') || '(abstain)', text: t.text });
    }
  }
  const perScenario = [...per].map(([id, p]) => ({ id, n: p.n, recall: p.hit / p.n })).sort((a, b) => b.n - a.n);
  const macroRecall = perScenario.length ? perScenario.reduce((s, p) => s + p.recall, 0) / perScenario.length : 0;
  const confusion = [...conf].map(([k, count]) => {
    const [label, got] = k.split('\t') as [ScenarioId, string];
    return { label, got, count };
  }).sort((a, b) => b.count - a.count);
  return {
    top1: needs ? hit1 / needs : 0,
    top3: needs ? hit3 / needs : 0,
    macroRecall,
    otherAbstain: others ? abstainOther / others : 0,
    n: turns.length,
    nOther: others,
    abstainOnNeeds,
    perScenario,
    confusion,
    errors,
  };
}

const f2 = (x: number) => x.toFixed(2);

function main(argv: string[]): number {
  const learnAt = argv.indexOf('--learn-from');
  const learnPath = learnAt >= 0 ? argv[learnAt + 1] : undefined;
  if (learnAt >= 0 && (!learnPath || learnPath.startsWith('--'))) {
    console.error('eval-suggest: --learn-from needs a labels file');
    return 2;
  }
  const args = argv.filter((a, i) => !a.startsWith('--') && !(learnAt >= 0 && i === learnAt + 1));
  const showErrors = argv.includes('--errors');
  const withContext = argv.includes('--context');
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  if (args.length < 1) {
    console.error('usage: eval-suggest <labels.tsv> [<turns.tsv>] [--learn-from <labels2.tsv>] [--context] [--errors]');
    return 2;
  }
  const labelsPath = resolve(args[0]!);
  const turnsPath = args[1] ? resolve(args[1]) : resolve(repo, '../shared/eval/buyer_turns.tsv');
  let turns: LabelledTurn[];
  let picks: LabelledTurn[] = [];
  try {
    turns = readLabelledTurns(labelsPath, turnsPath);
    if (withContext) turns = attachContext(turns, new Dialogues(resolve(repo, '../shared/eval')));
    if (learnPath) picks = readLabelledTurns(resolve(learnPath), turnsPath);
    if (learnPath && withContext) picks = attachContext(picks, new Dialogues(resolve(repo, '../shared/eval')));
  } catch (e) {
    if (e instanceof EvalInputError) {
      console.error(`eval-suggest: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (turns.length === 0) {
    console.error(`eval-suggest: no labelled turns in ${labelsPath}`);
    return 2;
  }
  const model = loadShippedModel(repo);
  if (!model) console.log('(no model asset: run npm run train:suggest; figures are for the cues alone)');
  const engine = new SuggestEngine(model);
  const line = (name: string, x: EvalResult) => console.log(`  ${name.padEnd(22)} top1=${f2(x.top1)} top3=${f2(x.top3)} other_abstain=${f2(x.otherAbstain)}`);
  if (withContext) console.log('with context: each turn classified with its conversation\'s earlier buyer turns, as in the panel');
  console.log('per signal, before learning:');
  line('cues', evaluate(turns));
  if (model) line('model alone', evaluate(turns, modelPredictor(engine)));
  line('cues + model', evaluate(turns, combinedPredictor(engine)));
  if (picks.length) {
    const learned = learnFrom(engine, picks);
    console.log(`learned ${learned} picks from ${learnPath} (${picks.length} turns; stored ${engine.memory.size})`);
    const memoryOnly = new SuggestEngine(null, engine.memory);
    line('cues + learned', evaluate(turns, combinedPredictor(memoryOnly)));
  }
  const r = evaluate(turns, combinedPredictor(engine));
  console.log('combined (as shipped):');
  const needs = r.n - r.nOther;
  console.log(`turns: ${r.n} (needs ${needs}, other ${r.nOther}); abstained on ${r.abstainOnNeeds} need turns`);
  console.log('\nrecall@1 per scenario:');
  for (const p of r.perScenario) console.log(`  ${p.id.padEnd(16)} n=${String(p.n).padStart(3)}  ${f2(p.recall)}`);
  console.log('\nconfusion (label → first shown), most frequent first:');
  for (const c of r.confusion.slice(0, 25)) console.log(`  ${c.label.padEnd(16)} → ${c.got.padEnd(16)} ${c.count}`);
  if (showErrors) {
    console.log('\nerrors:');
    for (const e of r.errors) console.log(`  ${e.label.padEnd(22)} ${e.got.padEnd(34)} ${e.text.slice(0, 70)}`);
  }
  console.log('');
  console.log(`top1=${f2(r.top1)} top3=${f2(r.top3)} macro_recall=${f2(r.macroRecall)} other_abstain=${f2(r.otherAbstain)} n=${r.n}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
