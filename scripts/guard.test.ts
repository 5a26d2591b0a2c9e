import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './guard';

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err: err.join('\n') };
}

describe('guard CLI', () => {
  it('exits 0 and prints nothing for a clean reply', () => {
    expect(run('check', '--platform', 'pdd', '--text', '亲，今天下单明天发货哦')).toEqual({ code: 0, out: [], err: '' });
  });

  it('exits 1 with one line per finding: category, words, severity, why', () => {
    const r = run('check', '--platform', 'pdd', '--text', '好评返现5元，加我vx');
    expect(r.code).toBe(1);
    expect(r.out.map((l) => l.split('\t').slice(0, 3))).toEqual([
      ['cash-for-review', '好评返现', 'block'],
      ['off-platform', 'vx', 'block'],
    ]);
    expect(r.out[0]!.split('\t')[3]).toMatch(/好评/);
  });

  it('speaks English with --lang en', () => {
    expect(run('check', '--platform', 'any', '--text', '国家级', '--lang', 'en').out[0]).toMatch(/advertising law/);
  });

  it('applies the shop rules from a library export', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guard-'));
    try {
      const file = join(dir, 'lib.json');
      writeFileSync(file, JSON.stringify({ format: 'kefu-library', guardRules: { v: 1, disabled: ['absolute-grade'], rules: [{ id: 'x', words: ['秒发'], severity: 'warn', reason: '不承诺' }] } }));
      expect(run('check', '--platform', 'jd', '--rules', file, '--text', '国家级').code).toBe(0);
      expect(run('check', '--platform', 'jd', '--rules', file, '--text', '秒发').out).toEqual(['custom\t秒发\twarn\t不承诺']);
      writeFileSync(file, JSON.stringify({ v: 1, rules: [{ id: 'x', words: [] }] }));
      expect(run('check', '--platform', 'jd', '--rules', file, '--text', 'x').code).toBe(2);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('exits 2 on bad usage', () => {
    expect(run().code).toBe(2);
    expect(run('check', '--text', 'x').code).toBe(2);
    expect(run('check', '--platform', 'mars', '--text', 'x').err).toMatch(/--platform/);
    expect(run('check', '--platform', 'pdd').code).toBe(2);
    expect(run('check', '--platform', 'pdd', '--text', 'x', '--bogus').code).toBe(2);
    expect(run('frobnicate', '--platform', 'pdd').code).toBe(2);
  });

  it('scans a file of replies and prints the rate last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guard-'));
    try {
      const file = join(dir, 'r.txt');
      writeFileSync(file, '好滴亲\n加我vx\n\n明天发货\n');
      const r = run('scan', '--platform', 'pdd', '--file', file);
      expect(r.code).toBe(0);
      expect(r.out.at(-1)).toBe('flagged=1 lines=3 rate=0.3333');
      expect(r.out[0]).toMatch(/^#2\t/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

const answers = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/eval/jddc_dev_answer.txt');
const haveEval = existsSync(answers);
if (!haveEval) console.warn(`guard.test: ${answers} not found — skipping the false-alarm check on real agents' replies`);

describe.skipIf(!haveEval)('false alarms on real agents’ replies (../shared/eval, read at run time)', () => {
  it('flags at most 1% of the JDDC dev answers', () => {
    const r = run('scan', '--platform', 'jd', '--file', answers, '--format', 'jddc');
    const m = /^flagged=(\d+) lines=(\d+)/.exec(r.out.at(-1)!);
    expect(Number(m![2])).toBeGreaterThan(800);
    expect(Number(m![1]) / Number(m![2])).toBeLessThanOrEqual(0.01);
  });
});
