import { describe, expect, it } from 'vitest';
import { validateGuardConfig } from './config';

describe('validateGuardConfig', () => {
  it('accepts a valid config, trims words and drops unknown built-in ids', () => {
    const r = validateGuardConfig({ v: 1, disabled: ['absolute-first', 'from-a-newer-version'], rules: [{ id: 'a', words: [' 秒发 ', '秒发', ''], severity: 'warn', reason: '不承诺' }] });
    expect(r).toEqual({ ok: true, config: { v: 1, disabled: ['absolute-first'], rules: [{ id: 'a', words: ['秒发'], severity: 'warn', platforms: ['any'], reason: '不承诺' }] } });
  });

  it('names every broken rule and accepts nothing', () => {
    const r = validateGuardConfig({ v: 1, disabled: [], rules: [{ id: 'a', words: [], severity: 'warn', reason: 'x' }, { id: 'b', words: ['x'], severity: 'stop', reason: 'x' }, { id: 'c', words: ['x'], severity: 'warn', platforms: ['mars'], reason: 'x' }, { id: 'd', words: ['x'], severity: 'warn', reason: ' ' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.match(/第 (\d) 条/)?.[1])).toEqual(['1', '2', '3', '4']);
  });

  it('refuses a wrong shape or version', () => {
    expect(validateGuardConfig(null).ok).toBe(false);
    expect(validateGuardConfig({ v: 2, rules: [] }).ok).toBe(false);
    expect(validateGuardConfig({ v: 1, rules: {} }).ok).toBe(false);
  });

  it('words an import in the Chinese interface in Chinese alone, the entry counted from 1; otherwise with the English gloss', () => {
    const bad = { v: 1, disabled: [], rules: [{ id: 'a', words: ['x'], severity: 'warn', reason: 'x' }, { words: ['x'] }, { id: 'a', words: ['y'], severity: 'warn', reason: 'y' }] };
    expect(validateGuardConfig(bad, 'zh-CN')).toEqual({ ok: false, errors: ['合规规则第 2 条：缺少编号 id', '合规规则第 3 条：编号重复 a'] });
    expect(validateGuardConfig(bad)).toEqual({ ok: false, errors: ['合规规则第 2 条：缺少编号 id（guard rule 2: missing id）', '合规规则第 3 条：编号重复 a（guard rule 3: duplicate id）'] });
    expect(validateGuardConfig(null, 'zh-CN')).toEqual({ ok: false, errors: ['合规规则：应为 { v: 1, disabled: [], rules: [] }'] });
  });
});
