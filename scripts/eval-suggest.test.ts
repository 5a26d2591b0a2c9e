import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { attachContext, combinedPredictor, EvalInputError, evaluate, loadShippedModel, readLabelledTurns, shown } from './eval-suggest';
import { Dialogues } from './eval-dialogues';
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
    writeFileSync(f, 'id\tscenario\talso\ttext\na\tinvoice\t\t能开张发票吗\nb\tother\t\t嘿嘿嘿嘿\nc\ttracking\tdelay\t怎么还没发货\n');
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

describe('eval-suggest --context', () => {
  it('classifies a turn with its conversation: a short follow-up gets the need asked before it since the shop’s last reply', () => {
    const dir = tmp();
    // Two sessions in the JDDC sample's layout: session, user, is_agent, transferred, repeat, sku, text.
    const row = (s: string, agent: number, text: string) => [s, 'u', agent, 0, 0, 'nan', text].join('\t');
    writeFileSync(join(dir, 'jddc_chat_sample.tsv'), [
      row('s1', 0, '你好'), row('s1', 1, '欢迎光临小店'), row('s1', 0, '我的退款什么时候到账'), row('s1', 0, '接下来呢'),
      row('s2', 1, '欢迎光临小店'), row('s2', 0, '接下来呢'),
      row('s3', 0, '我的退款什么时候到账'), row('s3', 1, '已经在处理了'), row('s3', 0, '接下来呢'),
    ].join('\n') + '\n');
    const f = join(dir, 'l.tsv');
    writeFileSync(f, 'id\tscenario\talso\ttext\njd4\trefund-status\t\t接下来呢\njd9\trefund-status\t\t接下来呢\n');
    const alone = readLabelledTurns(f, null);
    const withContext = attachContext(alone, new Dialogues(dir));
    // The buyer's turns since the shop's last reply, as the panel reads them (lib/domain/suggest/context.ts).
    expect(withContext[0]!.context).toEqual(['我的退款什么时候到账', '接下来呢']);
    expect(shown(alone[0]!)).toEqual([]);
    expect(shown(withContext[0]!)[0]).toBe('refund-status');
    // A question the shop has answered is not lent to the next turn.
    expect(withContext[1]!.context).toEqual(['接下来呢']);
    expect(shown(withContext[1]!)).toEqual([]);
    // The first line of another session has no earlier turns.
    expect(new Dialogues(dir).dialogue('jd6')).toEqual([{ from: 'agent', text: '欢迎光临小店' }, { from: 'buyer', text: '接下来呢' }]);
  });
  it('refuses a turn whose conversation is unknown or does not end with its text', () => {
    const dir = tmp();
    const row = (agent: number, text: string) => ['s1', 'u', agent, 0, 0, 'nan', text].join('\t');
    writeFileSync(join(dir, 'jddc_chat_sample.tsv'), [row(1, '欢迎光临小店'), row(0, '店家在不在呀')].join('\n'));
    const f = join(dir, 'l.tsv');
    writeFileSync(f, 'id\tscenario\talso\ttext\njd2\tgreeting\t\t想先问点事情\n');
    expect(() => attachContext(readLabelledTurns(f, null), new Dialogues(dir))).toThrow(/does not end with its text/);
    writeFileSync(f, 'id\tscenario\talso\ttext\nzz9\tgreeting\t\t想先问点事情\n');
    expect(() => attachContext(readLabelledTurns(f, null), new Dialogues(dir))).toThrow(/no dialogue for id "zz9"/);
    writeFileSync(f, 'id\tscenario\talso\ttext\necdv1.1\tgreeting\t\t想先问点事情\n');
    expect(() => attachContext(readLabelledTurns(f, null), new Dialogues(dir))).toThrow(/ecd_sample_valid\.tsv not found/);
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
  it('rebuilds the conversation of every buyer turn and JDDC dev question, ending with the turn itself', () => {
    const d = new Dialogues(evalDir);
    const rows = readLabelledTurns(devLabels, turns);
    expect(() => attachContext(rows, d)).not.toThrow();
    const all = readFileSync(turns, 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
    let withEarlier = 0;
    for (const [id, , text] of all) {
      const conv = d.dialogue(id!)!;
      expect(conv.at(-1)!.from).toBe('buyer');
      expect(conv.at(-1)!.text.replace(/\s+/g, '')).toBe(text!.replace(/\s+/g, ''));
      if (conv.length > 1) withEarlier++;
    }
    // Most turns are not a conversation's first line.
    expect(withEarlier).toBeGreaterThan(all.length / 2);
    const questions = readFileSync(join(evalDir, 'jddc_dev_question.txt'), 'utf8').match(/<Q\d+>/g)!.length;
    const ids = d.devQuestionIds();
    expect(ids).toHaveLength(questions);
    for (const id of ids) expect(d.dialogue(id)!.at(-1)!.from).toBe('buyer');
  });
  it('meets the targets: top-3 ≥ 0.85, top-1 ≥ 0.65, other abstained ≥ 0.6', () => {
    const r = evaluate(readLabelledTurns(devLabels, turns));
    expect(r.top3).toBeGreaterThanOrEqual(0.85);
    expect(r.top1).toBeGreaterThanOrEqual(0.65);
    expect(r.otherAbstain).toBeGreaterThanOrEqual(0.6);
  });
  it('with the model as shipped, keeps those targets', () => {
    const r = evaluate(readLabelledTurns(devLabels, turns), combinedPredictor(new SuggestEngine(loadShippedModel(repo))));
    expect(r.top3).toBeGreaterThanOrEqual(0.88);
    expect(r.top1).toBeGreaterThanOrEqual(0.8);
    // The model answering alone at p ≥ 0.7 (chosen on 1,000 tuning turns and dev) costs a few
    // no-need turns here (0.61 when set); the issue asks for at least 0.5.
    expect(r.otherAbstain).toBeGreaterThanOrEqual(0.55);
  });
});
