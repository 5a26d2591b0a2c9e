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
    expect(validateGuardConfig({ v: 2, rules: [] }, 'zh-CN')).toEqual({ ok: false, errors: ['合规规则版本 2 来自更新版本的插件（本插件读取版本 1），请先升级插件'] });
    expect(validateGuardConfig({ v: 1, rules: {} }).ok).toBe(false);
  });

  it('words problems in the interface language alone, the entry counted from 1; both when the language is not said', () => {
    const bad = { v: 1, disabled: [], rules: [{ id: 'a', words: ['x'], severity: 'warn', reason: 'x' }, { words: ['x'] }, { id: 'a', words: ['y'], severity: 'warn', reason: 'y' }] };
    expect(validateGuardConfig(bad, 'zh-CN')).toEqual({ ok: false, errors: ['合规规则第 2 条：缺少编号 id', '合规规则第 3 条：编号重复 a'] });
    expect(validateGuardConfig(bad, 'en')).toEqual({ ok: false, errors: ['guard rule 2: missing id', 'guard rule 3: duplicate id a'] });
    expect(validateGuardConfig(bad)).toEqual({ ok: false, errors: ['合规规则第 2 条：缺少编号 id（guard rule 2: missing id）', '合规规则第 3 条：编号重复 a（guard rule 3: duplicate id a）'] });
    // In plain words, not the file format ({ v: 1, disabled: [], rules: [] }).
    expect(validateGuardConfig(null, 'zh-CN')).toEqual({ ok: false, errors: ['合规规则：内容不完整或已损坏（文件可能被改动过）'] });
    expect(validateGuardConfig(null, 'en')).toEqual({ ok: false, errors: ['guard rules: incomplete or damaged (the file may have been edited)'] });
  });

  it("names each shop rule's problem, with its limit, in English alone in the English interface", () => {
    const rule = { id: 'r', words: ['秒发'], severity: 'warn', reason: '不承诺' };
    const rules = [
      'x',
      { ...rule, words: [] },
      { ...rule, words: Array.from({ length: 51 }, (_, i) => `w${i}`) },
      { ...rule, words: ['长'.repeat(41)] },
      { ...rule, severity: 'stop' },
      { ...rule, platforms: ['mars'] },
      { ...rule, reason: ' ' },
      { ...rule, reason: '长'.repeat(201) },
      { ...rule, replacement: 7 },
    ];
    const en = validateGuardConfig({ v: 2, disabled: 'none', rules }, 'en');
    expect(en).toEqual({
      ok: false,
      errors: [
        'Guard rules version 2 comes from a newer version of the extension (this one reads version 1); update the extension first',
        'guard rules: disabled must be a list',
        'guard rule 1: expected an object',
        'guard rule 2: write at least one word',
        'guard rule 3: at most 50 words',
        'guard rule 4: each word at most 40 characters',
        'guard rule 5: severity must be block or warn',
        'guard rule 6: platform must be taobao/jd/pdd/douyin/kuaishou/any',
        'guard rule 7: missing reason',
        'guard rule 8: reason at most 200 characters',
        'guard rule 9: replacement at most 200 characters',
      ],
    });
    expect(validateGuardConfig({ v: 1, disabled: [], rules }, 'zh-CN')).toEqual({
      ok: false,
      errors: [
        '合规规则第 1 条：应为对象',
        '合规规则第 2 条：至少写一个词',
        '合规规则第 3 条：最多 50 个词',
        '合规规则第 4 条：每个词最多 40 字',
        '合规规则第 5 条：级别应为 block 或 warn',
        '合规规则第 6 条：平台应为 taobao/jd/pdd/douyin/kuaishou/any',
        '合规规则第 7 条：请写明原因 reason',
        '合规规则第 8 条：原因最多 200 字',
        '合规规则第 9 条：替换文字最多 200 字',
      ],
    });
    expect(validateGuardConfig({ v: 1, rules: Array.from({ length: 201 }, () => rule) }, 'en')).toEqual({ ok: false, errors: ['guard rules: at most 200 rules'] });
    expect(validateGuardConfig({ v: 1, rules: {} }, 'en')).toEqual({ ok: false, errors: ['guard rules: rules must be a list'] });
  });
});
