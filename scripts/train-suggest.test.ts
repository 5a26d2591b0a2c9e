import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCENARIO_IDS } from '../lib/domain/scenarios';
import { normalize } from '../lib/domain/suggest/normalize';
import { generateCorpus } from './suggest-corpus/generate';
import { corpusHash, MODEL_PATH, serialise, train, TRAINING } from './train-suggest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const turnsPath = resolve(repo, '../shared/eval/buyer_turns.tsv');
const corpus = generateCorpus(TRAINING.corpusSeed, TRAINING.perScenario);
const shipped = readFileSync(MODEL_PATH, 'utf8');

describe('the suggestion model asset', () => {
  it('was trained from this corpus: the committed weights equal a fresh, seeded training', { timeout: 180_000 }, () => {
    expect(JSON.parse(shipped).corpusHash).toBe(corpusHash(corpus));
    // Training takes seconds, so npm test trains it again and compares byte for byte.
    expect(serialise(train(corpus)) === shipped).toBe(true);
  });

  it('stays within its budget of 300 KB gzipped', () => {
    expect(gzipSync(shipped).length).toBeLessThanOrEqual(300 * 1024);
  });
});

describe('the training corpus', () => {
  it('is the same for the same seed and different for another', () => {
    expect(generateCorpus(TRAINING.corpusSeed, 20)).toEqual(generateCorpus(TRAINING.corpusSeed, 20));
    expect(generateCorpus(1, 20)).not.toEqual(generateCorpus(2, 20));
  });

  it('holds thousands of messages and every scenario, each at least a few hundred times', () => {
    expect(corpus.length).toBeGreaterThan(5000);
    for (const id of SCENARIO_IDS) {
      expect(corpus.filter((ex) => (ex.target[id] ?? 0) > 0).length, id).toBeGreaterThanOrEqual(300);
    }
    expect(new Set(corpus.map((ex) => ex.text)).size).toBeGreaterThan(corpus.length * 0.6);
  });

  it.skipIf(!existsSync(turnsPath))('contains no evaluation turn (../shared/eval is for measuring only)', () => {
    const corpusTexts = new Set(corpus.map((ex) => normalize(ex.text).text.replace(/\s/g, '')));
    const leaks: string[] = [];
    for (const line of readFileSync(turnsPath, 'utf8').split('\n')) {
      const text = line.split('\t').slice(2).join('\t');
      const core = normalize(text).text.replace(/\s/g, '');
      // Short turns (好的, 在吗) are everyday words anyone writes; a longer identical line is a copy.
      if (core.length >= 10 && corpusTexts.has(core)) leaks.push(text);
    }
    expect(leaks).toEqual([]);
  });
});
