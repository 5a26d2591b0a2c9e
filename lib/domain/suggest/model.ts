/**
 * The trained second signal: a multinomial logistic regression over character 1–3-grams of the
 * normalised message. The weights are a built asset (`public/suggest-model.json`, written by
 * `npm run train:suggest` from a corpus this project writes itself); this module only decodes the
 * asset and scores a message. Pure, no dependencies, no DOM: the background and the evaluation
 * script run the same code.
 */
import { SCENARIO_IDS, type ScenarioId } from '../scenarios';
import { normalize } from './normalize';

export const MODEL_FORMAT = 'kf-suggest-model';

/** The JSON asset as written by the training script. */
export interface ModelAsset {
  format: typeof MODEL_FORMAT;
  version: 1;
  /** sha256 of the training corpus and settings: a test checks the asset was made from this corpus. */
  corpusHash: string;
  classes: ScenarioId[];
  /** The n-gram vocabulary, one per line, in row order. */
  features: string;
  /** Per class: the float a quantised weight of 127 stands for. */
  scale: number[];
  bias: number[];
  /** base64 of an Int8Array, rows = features, columns = classes. */
  weights: string;
}

export interface SuggestModel {
  classes: ScenarioId[];
  index: Map<string, number>;
  weights: Int8Array;
  /** scale[c] / 127, precomputed. */
  unit: Float32Array;
  bias: Float32Array;
}

export interface ModelScore {
  id: ScenarioId;
  p: number;
}

const NEGATOR = /[不没别无未]/;

/**
 * The n-grams a message is scored on: 1-grams of letters/CJK, 2- and 3-grams with edge marks, and
 * what follows a negator marked as negated (`!退`, `!退了` after 不): 不退了 then reads apart from 退.
 */
export function modelFeatures(raw: string): string[] {
  const { text, flags } = normalize(raw);
  if (!text || flags.empty) return [];
  const s = '^' + text.replace(/\d+(\.\d+)?/g, '0') + '$';
  const out = new Set<string>();
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c !== ' ' && c !== '^' && c !== '$') out.add(c);
    if (i + 1 < chars.length) out.add(c + chars[i + 1]);
    if (i + 2 < chars.length) {
      out.add(c + chars[i + 1] + chars[i + 2]);
      if (NEGATOR.test(c)) {
        out.add('!' + chars[i + 1]);
        out.add('!' + chars[i + 1] + chars[i + 2]);
      }
    }
  }
  return [...out];
}

export class ModelAssetError extends Error {
  override name = 'ModelAssetError';
}

function fromBase64(b64: string): Int8Array {
  const bin = atob(b64);
  const out = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = (bin.charCodeAt(i) << 24) >> 24;
  return out;
}

export function decodeModel(asset: ModelAsset): SuggestModel {
  if (asset?.format !== MODEL_FORMAT || asset.version !== 1) throw new ModelAssetError('not a suggestion model asset');
  const features = asset.features.split('\n');
  const k = asset.classes.length;
  if (!asset.classes.every((c) => (SCENARIO_IDS as readonly string[]).includes(c))) throw new ModelAssetError('unknown class in model');
  const weights = fromBase64(asset.weights);
  if (weights.length !== features.length * k || asset.scale.length !== k || asset.bias.length !== k) {
    throw new ModelAssetError('model asset sizes do not match');
  }
  const index = new Map<string, number>();
  features.forEach((f, i) => index.set(f, i));
  return {
    classes: asset.classes,
    index,
    weights,
    unit: Float32Array.from(asset.scale, (s) => s / 127),
    bias: Float32Array.from(asset.bias),
  };
}

/** Scratch buffers per model: scoring a message allocates no arrays beyond its n-grams. */
const scratch = new WeakMap<SuggestModel, { logits: Float64Array; rows: Int32Array }>();

function probabilities(model: SuggestModel, feats: string[]): Float64Array {
  const k = model.classes.length;
  let sc = scratch.get(model);
  if (!sc) scratch.set(model, (sc = { logits: new Float64Array(k), rows: new Int32Array(256) }));
  const logits = sc.logits;
  logits.set(model.bias);
  if (sc.rows.length < feats.length) sc.rows = new Int32Array(feats.length * 2);
  // The features are distinct strings (modelFeatures), so their rows are distinct too.
  let n = 0;
  for (const f of feats) {
    const r = model.index.get(f);
    if (r !== undefined) sc.rows[n++] = r;
  }
  if (n === 0) {
    logits.fill(0);
    logits[model.classes.indexOf('other')] = 1;
    return logits;
  }
  const xb = 1 / Math.sqrt(n);
  const { weights, unit } = model;
  for (let i = 0; i < n; i++) {
    const base = sc.rows[i]! * k;
    for (let c = 0; c < k; c++) logits[c]! += weights[base + c]! * unit[c]! * xb;
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) max = Math.max(max, logits[c]!);
  let sum = 0;
  for (let c = 0; c < k; c++) sum += logits[c] = Math.exp(logits[c]! - max);
  for (let c = 0; c < k; c++) logits[c]! /= sum;
  return logits;
}

/** Class probabilities for one message, best first. An empty message is all `other`. */
export function predict(model: SuggestModel, raw: string): ModelScore[] {
  const p = probabilities(model, modelFeatures(raw));
  return model.classes.map((id, c) => ({ id, p: p[c]! })).sort((a, b) => b.p - a.p);
}
