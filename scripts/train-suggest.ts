/**
 * Trains the suggestion model and writes `public/suggest-model.json`.
 *
 *   npm run train:suggest            # write the asset
 *   npm run train:suggest -- --check # exit 1 if the committed asset differs from a fresh training
 *
 * Reproducible: the corpus generator and the training order come from fixed seeds, and the
 * arithmetic is plain float64, so the same code writes the same bytes on every run.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENARIO_IDS } from '../lib/domain/scenarios';
import { MODEL_FORMAT, modelFeatures, type ModelAsset } from '../lib/domain/suggest/model';
import { seeded } from './suggest-corpus/expand';
import { generateCorpus, readWritten, type CorpusExample } from './suggest-corpus/generate';

export const TRAINING = { corpusSeed: 20261201, perScenario: 420, shuffleSeed: 7, epochs: 10, rate: 0.3, l2: 2e-6, minCount: 32, writtenCopies: 2 } as const;

export const MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../public/suggest-model.json');

/** The corpus the shipped model is trained on: the generated messages and the written ones. */
export function trainingCorpus(): CorpusExample[] {
  return generateCorpus(TRAINING.corpusSeed, TRAINING.perScenario, readWritten(), TRAINING.writtenCopies);
}

export function corpusHash(corpus: CorpusExample[]): string {
  return createHash('sha256').update(JSON.stringify({ TRAINING, corpus })).digest('hex');
}

export function train(corpus: CorpusExample[] = trainingCorpus()): ModelAsset {
  const classes = [...SCENARIO_IDS];
  const k = classes.length;
  const counts = new Map<string, number>();
  const feats = corpus.map((ex) => modelFeatures(ex.text));
  for (const fs of feats) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts].filter(([, n]) => n >= TRAINING.minCount).map(([f]) => f).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = feats.map((fs) => fs.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const targets = corpus.map((ex) => classes.map((c) => ex.target[c] ?? 0));

  const w = new Float64Array(vocab.length * k);
  const b = new Float64Array(k);
  const g2w = new Float64Array(vocab.length * k).fill(1e-8);
  const g2b = new Float64Array(k).fill(1e-8);
  const order = corpus.map((_, i) => i);
  const rng = seeded(TRAINING.shuffleSeed);
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < TRAINING.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const r = rows[n]!;
      const x = r.length ? 1 / Math.sqrt(r.length) : 0;
      for (let c = 0; c < k; c++) {
        let z = b[c]!;
        for (const f of r) z += w[f * k + c]! * x;
        p[c] = z;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, p[c]!);
      let sum = 0;
      for (let c = 0; c < k; c++) sum += p[c] = Math.exp(p[c]! - max);
      const t = targets[n]!;
      for (let c = 0; c < k; c++) {
        const g = p[c]! / sum - t[c]!;
        g2b[c]! += g * g;
        b[c]! -= (TRAINING.rate * g) / Math.sqrt(g2b[c]!);
        for (const f of r) {
          const at = f * k + c;
          const gw = g * x + TRAINING.l2 * w[at]!;
          g2w[at]! += gw * gw;
          w[at]! -= (TRAINING.rate * gw) / Math.sqrt(g2w[at]!);
        }
      }
    }
  }
  return quantise(vocab, classes, w, b, corpusHash(corpus));
}

function quantise(vocab: string[], classes: ModelAsset['classes'], w: Float64Array, b: Float64Array, hash: string): ModelAsset {
  const k = classes.length;
  const scale = classes.map((_, c) => {
    let m = 0;
    for (let f = 0; f < vocab.length; f++) m = Math.max(m, Math.abs(w[f * k + c]!));
    return m || 1;
  });
  const keep: number[] = [];
  const q: number[][] = [];
  for (let f = 0; f < vocab.length; f++) {
    const row = classes.map((_, c) => Math.round((w[f * k + c]! / scale[c]!) * 127));
    if (row.some((v) => v !== 0)) {
      keep.push(f);
      q.push(row);
    }
  }
  const bytes = Buffer.alloc(keep.length * k);
  q.forEach((row, i) => row.forEach((v, c) => bytes.writeInt8(v, i * k + c)));
  const round = (x: number) => Number(x.toPrecision(6));
  return {
    format: MODEL_FORMAT,
    version: 1,
    corpusHash: hash,
    classes,
    features: keep.map((f) => vocab[f]).join('\n'),
    scale: scale.map(round),
    bias: [...b].map(round),
    weights: bytes.toString('base64'),
  };
}

export function serialise(asset: ModelAsset): string {
  return JSON.stringify(asset) + '\n';
}

function main(argv: string[]): number {
  const started = performance.now();
  const text = serialise(train());
  const ms = performance.now() - started;
  if (argv.includes('--check')) {
    const same = readFileSync(MODEL_PATH, 'utf8') === text;
    console.log(same ? `model asset matches a fresh training (${(ms / 1000).toFixed(1)} s)` : 'model asset differs from a fresh training: run npm run train:suggest');
    return same ? 0 : 1;
  }
  writeFileSync(MODEL_PATH, text);
  console.log(`wrote ${MODEL_PATH}: ${(text.length / 1024).toFixed(0)} KB in ${(ms / 1000).toFixed(1)} s`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
