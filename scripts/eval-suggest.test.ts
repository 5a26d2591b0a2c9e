import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { combinedPredictor, EvalInputError, evaluate, loadShippedModel, readLabelledTurns } from './eval-suggest';
import { SuggestEngine } from '../lib/domain/suggest/engine';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = resolve(repo, '../shared/eval');
const devLabels = join(evalDir, 'dev-labels.tsv');
const turns = join(evalDir, 'buyer_turns.tsv');
const haveEval = existsSync(devLabels) && existsSync(turns);
if (!haveEval) console.warn(`eval-suggest.test: ${evalDir} not found — skipping the dev-set accuracy checks`);

const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kf-eval-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('eval-suggest input', () => {
  it('reads labels with inline text and scores them', () => {
    const dir = tmp();
    const f = join(dir, 'l.tsv');
    writeFileSync(f, 'id\tscenario\talso\ttext\na\tinvoice\t\t可以开发票吗\nb\tother\t\t哈哈哈\nc\ttracking\tdelay\t怎么还没发货\n');
    const r = evaluate(readLabelledTurns(f, null));
    expect(r.top1).toBe(1);
    expect(r.otherAbstain).toBe(1);
    expect(r.n).toBe(3);
  });
  it('names the line of an unknown scenario', () => {
    const dir = tmp();
    const f = join(dir, 'l.tsv');
    writeFileSync(f, 'x\tnot-a-scenario\t\tsome text\n');
    expect(() => readLabelledTurns(f, null)).toThrow(EvalInputError);
    expect(() => readLabelledTurns(f, null)).toThrow(/l\.tsv:1: unknown scenario/);
  });
  it('exits 2 with a clear message when a file is missing', () => {
    let code = 0;
    let err = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/eval-suggest.ts', '/nonexistent/labels.tsv'], { cwd: repo, stdio: 'pipe' });
    } catch (e) {
      const x = e as { status: number; stderr: Buffer };
      code = x.status;
      err = x.stderr.toString();
    }
    expect(code).toBe(2);
    expect(err).toMatch(/labels file not found/);
  });
});

describe('eval-suggest --learn-from', () => {
  it('replays picks before evaluating, and a near-identical message then gets the picked situation', { timeout: 60_000 }, () => {
    const dir = tmp();
    const picks = join(dir, 'picks.tsv');
    const test = join(dir, 'test.tsv');
    // A need no cue names: after the agent's pick, the same words lead to it.
    writeFileSync(picks, 'id\tscenario\talso\ttext\np1\trepair\t\t咖啡机的蒸汽棒堵住了 喷不出气\n');
    writeFileSync(test, 'id\tscenario\talso\ttext\nt1\trepair\t\t蒸汽棒堵住了喷不出气\n');
    const run = (...extra: string[]) =>
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/eval-suggest.ts', test, ...extra], { cwd: repo, stdio: 'pipe' }).toString().trim().split('\n');
    const before = run().at(-1)!;
    const after = run('--learn-from', picks);
    expect(before).toMatch(/^top1=0\.00 top3=\S+ macro_recall=\S+ other_abstain=\S+ n=1$/);
    expect(after.at(-1)).toMatch(/^top1=1\.00 top3=1\.00 macro_recall=1\.00 other_abstain=\S+ n=1$/);
    expect(after.join('\n')).toMatch(/learned 1 picks/);
  });
});

describe.skipIf(!haveEval)('classifier on the labelled dev turns (../shared/eval)', () => {
  it('meets the targets: top-3 ≥ 0.85, top-1 ≥ 0.65, other abstained ≥ 0.6', () => {
    const r = evaluate(readLabelledTurns(devLabels, turns));
    expect(r.top3).toBeGreaterThanOrEqual(0.85);
    expect(r.top1).toBeGreaterThanOrEqual(0.65);
    expect(r.otherAbstain).toBeGreaterThanOrEqual(0.6);
  });
  it('with the model as shipped, keeps those targets', () => {
    const r = evaluate(readLabelledTurns(devLabels, turns), combinedPredictor(new SuggestEngine(loadShippedModel(repo))));
    expect(r.top3).toBeGreaterThanOrEqual(0.85);
    expect(r.top1).toBeGreaterThanOrEqual(0.75);
    // The model answering alone at p ≥ 0.85 (chosen on held-out turns) costs a few no-need turns
    // here (0.59 when set); the issue asks for at least 0.5.
    expect(r.otherAbstain).toBeGreaterThanOrEqual(0.55);
  });
});
