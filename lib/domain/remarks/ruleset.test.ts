import { describe, expect, it } from 'vitest';
import { PRESET_A, PRESET_B, cloneRuleSet } from './presets';
import { addField, moveField, removeField, setLimit, updateField, updateRule, validateRuleSet } from './ruleset';

describe('validateRuleSet', () => {
  it('accepts both presets unchanged', () => {
    expect(validateRuleSet(PRESET_A)).toEqual({ ok: true, ruleSet: PRESET_A });
    expect(validateRuleSet(PRESET_B)).toEqual({ ok: true, ruleSet: PRESET_B });
  });

  it('accepts a preset after a JSON export and import', () => {
    const r = validateRuleSet(JSON.parse(JSON.stringify(PRESET_A)));
    expect(r.ok && r.ruleSet).toEqual(PRESET_A);
  });

  it('rejects something that is not an object', () => {
    expect(validateRuleSet('nope').ok).toBe(false);
    expect(validateRuleSet(null).ok).toBe(false);
  });

  it('says rules from a newer extension need an update, in the words of every import', () => {
    expect(validateRuleSet({ ...cloneRuleSet(PRESET_A), version: 2 })).toEqual({
      ok: false,
      errors: [
        {
          path: '',
          message: '备注规则版本 2 来自更新版本的插件（本插件读取版本 1），请先升级插件。',
          messageEn: 'Remark rules version 2 comes from a newer version of the extension (this one reads version 1); update the extension first.',
        },
      ],
    });
  });

  it('names the entry of every problem', () => {
    const bad = cloneRuleSet(PRESET_A) as unknown as { flags: Record<string, { fields: unknown[] }> };
    bad.flags.purple!.fields = [{ key: 'ship date', label: '日期:', type: 'datex', required: 'yes' }];
    const r = validateRuleSet(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual([
      'flags.purple.fields[0].key', 'flags.purple.fields[0].label', 'flags.purple.fields[0].type', 'flags.purple.fields[0].required',
    ]);
    expect(r.errors[2]?.message).toContain('未知类型');
    expect(r.errors[2]?.messageEn).toContain('unknown type');
  });

  it('rejects a missing flag or record', () => {
    const bad = cloneRuleSet(PRESET_A) as unknown as { flags: Record<string, unknown>; records: Record<string, unknown> };
    delete bad.flags.gray;
    delete bad.records.compensation;
    const r = validateRuleSet(bad);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['flags.gray', 'records.compensation']);
  });

  it('rejects two rules with the same title, since the title identifies the line', () => {
    const bad = cloneRuleSet(PRESET_A);
    bad.flags.red.title = '延迟发货';
    const r = validateRuleSet(bad);
    expect(!r.ok && r.errors[0]?.path).toBe('flags.purple.title');
  });

  it('rejects duplicate field keys and labels within a rule', () => {
    const bad = cloneRuleSet(PRESET_A);
    bad.flags.purple.fields.push({ key: 'shipDate', label: '原因', type: 'text', required: false });
    const r = validateRuleSet(bad);
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['flags.purple.fields[2].key', 'flags.purple.fields[2].label']);
  });

  it('rejects negative limits and a limit on a non-money field', () => {
    const bad = cloneRuleSet(PRESET_B) as unknown as Record<string, any>;
    bad.limits.agentDiscountYuan = -1;
    bad.flags.red.fields[0].limit = 'postage';
    const r = validateRuleSet(bad);
    expect(!r.ok && r.errors.map((e) => e.path).sort()).toEqual(['flags.red.fields[0].limit', 'limits.agentDiscountYuan']);
  });

  it('rejects a Pinduoduo tag longer than 3 characters', () => {
    const bad = cloneRuleSet(PRESET_A);
    bad.flags.red.tag = '可以发货了';
    expect(validateRuleSet(bad).ok).toBe(false);
  });

  it('rejects references to fields that do not exist', () => {
    const bad = cloneRuleSet(PRESET_A);
    bad.flags.yellow.atLeastOne = ['address', 'nope'];
    const r = validateRuleSet(bad);
    expect(!r.ok && r.errors[0]?.path).toBe('flags.yellow.atLeastOne');
  });

  it('drops unknown properties from imported JSON', () => {
    const extra = { ...cloneRuleSet(PRESET_A), evil: '<script>' };
    const r = validateRuleSet(extra);
    expect(r.ok && 'evil' in r.ruleSet).toBe(false);
  });
});

describe('rule set edit helpers', () => {
  it('edits a flag meaning without touching the preset, and marks the set custom', () => {
    const next = updateRule(PRESET_A, 'purple', { meaning: '缺货，等补货' });
    expect(next.flags.purple.meaning).toBe('缺货，等补货');
    expect(next.convention).toBe('custom');
    expect(PRESET_A.flags.purple.meaning).toBe('延迟发货或缺货');
    expect(validateRuleSet(next).ok).toBe(true);
  });

  it('adds, edits, moves and removes fields and stays valid', () => {
    let s = addField(PRESET_A, 'purple', '仓库');
    expect(s.flags.purple.fields.at(-1)).toEqual({ key: 'field3', label: '仓库', type: 'text', required: false });
    s = updateField(s, 'purple', 2, { required: true });
    s = moveField(s, 'purple', 2, -1);
    expect(s.flags.purple.fields.map((f) => f.label)).toEqual(['可发货日', '仓库', '原因']);
    s = removeField(s, 'purple', 1);
    expect(s.flags.purple.fields.map((f) => f.key)).toEqual(['shipDate', 'reason']);
    expect(validateRuleSet(s).ok).toBe(true);
  });

  it('changes the agent discount limit', () => {
    expect(setLimit(PRESET_B, 'agentDiscountYuan', 30).limits.agentDiscountYuan).toBe(30);
    expect(PRESET_B.limits.agentDiscountYuan).toBe(20);
  });
});
