import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESET_A } from '../lib/domain/remarks/presets';
import { main } from './remark';

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const day = ['--today', '2026-11-23'];

describe('remark CLI', () => {
  it('builds a purple remark and prints the canonical line', () => {
    const r = run('build', '--preset', 'A', '--flag', 'purple', '--fields', '{"shipDate":"2026-11-28","reason":"缺货"}', '--agent', '张三', ...day);
    expect(r).toEqual({ code: 0, out: '【延迟发货】可发货日：2026-11-28｜原因：缺货｜张三 2026-11-23', err: '' });
  });

  it('accepts Chinese labels as field names', () => {
    const r = run('build', '--preset', 'A', '--flag', 'purple', '--fields', '{"可发货日":"11/28"}', '--agent', '张三', ...day);
    expect(r.out).toBe('【延迟发货】可发货日：2026-11-28｜张三 2026-11-23');
  });

  it('builds an after-sale record with --record', () => {
    const r = run('build', '--preset', 'B', '--record', 'return', '--fields', '{"reason":"不喜欢","style":"白M","amount":"99"}', '--agent', '张三', ...day);
    expect(r.out).toBe('【退货】原因：不喜欢｜款式：白M｜退款金额：99元｜张三 2026-11-23');
  });

  it('exits 1 naming the missing and invalid fields', () => {
    const r = run('build', '--preset', 'A', '--flag', 'purple', '--fields', '{"shipDate":"2026-11-20"}', ...day);
    expect(r.code).toBe(1);
    expect(r.err.split('\n').map((l) => l.split(':')[0])).toEqual(['shipDate', 'agent']);
  });

  it('exits 0 for a valid remark', () => {
    const r = run('check', '--preset', 'A', '--flag', 'purple', '--platform', 'taobao', '--agent', '张三', ...day, '--text', '【延迟发货】可发货日:2026-11-28｜张三 2026-11-23');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
  });

  it('exits 1 with one problem a line', () => {
    const r = run('check', '--preset', 'A', '--flag', 'gray', ...day, '--text', '重复拍下');
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toHaveLength(3);
    expect(r.out).toContain('无效订单');
  });

  it('prints problems in English with --lang en', () => {
    const r = run('check', '--preset', 'B', '--flag', 'yellow', ...day, '--lang', 'en', '--text', '【改价】改价金额:30元｜张三 2026-11-23');
    expect(r).toMatchObject({ code: 1, out: expect.stringContaining('needs a supervisor') });
  });

  it('checks a record and the platform length', () => {
    const long = `【退货】原因:${'不'.repeat(400)}｜款式:白M｜退款金额:9元｜张三 2026-11-23`;
    expect(run('check', '--preset', 'A', '--flag', 'green', '--record', 'return', '--platform', 'taobao', ...day, '--text', long).code).toBe(1);
    expect(run('check', '--preset', 'A', '--flag', 'green', '--record', 'return', '--platform', 'jd', ...day, '--text', long).code).toBe(0);
  });

  it('prints the fields of a flag as JSON', () => {
    const r = run('fields', '--preset', 'A', '--flag', 'purple');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { fields: { key: string; type: string; required: boolean }[] };
    expect(json.fields.map((f) => [f.key, f.type, f.required])).toEqual([['shipDate', 'date', true], ['reason', 'text', false]]);
  });

  it('reads a custom rule set from a file and rejects a broken one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'remark-'));
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ ...PRESET_A, limits: { agentDiscountYuan: 50, postageYuan: 10 } }));
    expect(run('check', '--rules', good, '--flag', 'red', ...day, '--text', '【已核对可发货】优惠:40元｜张三 2026-11-23').code).toBe(0);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...PRESET_A, limits: {} }));
    const r = run('fields', '--rules', bad, '--flag', 'red');
    expect(r.code).toBe(2);
    expect(r.err).toContain('limits.agentDiscountYuan');
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 on bad usage', () => {
    expect(run().code).toBe(2);
    expect(run('fly').code).toBe(2);
    expect(run('build', '--preset', 'C', '--flag', 'red').code).toBe(2);
    expect(run('build', '--preset', 'A', '--flag', 'pink', '--fields', '{}').code).toBe(2);
    expect(run('build', '--preset', 'A', '--flag', 'red', '--fields', 'not json').code).toBe(2);
    expect(run('build', '--preset', 'A', '--flag', 'red', '--fields', '{"nope":1}').code).toBe(2);
    expect(run('check', '--preset', 'A', '--flag', 'red').code).toBe(2);
    expect(run('check', '--preset', 'A', '--flag', 'red', '--text', 'x', '--bogus').code).toBe(2);
    expect(run('check', '--preset', 'A', '--flag', 'red', '--text', 'x', '--today', '23/11').code).toBe(2);
  });

  it('runs as a script with node --import tsx', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/remark.ts', 'check', '--preset', 'A', '--flag', 'purple', '--today', '2026-11-23', '--text', '【延迟发货】原因:缺货｜张三 2026-11-23'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('可发货日');
  }, 20_000);
});
