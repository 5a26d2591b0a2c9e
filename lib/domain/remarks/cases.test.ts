import { describe, expect, it } from 'vitest';
import { formFields, formValues } from './cases';
import { checkRemark } from './check';
import { buildRemark } from './format';
import { PRESET_A, PRESET_B, cloneRuleSet } from './presets';

const green = PRESET_A.flags.green;
const labels = (values: Record<string, string>, rule = green) => formFields(rule, values).map((f) => f.label);
const ctx = { agent: '张三', now: new Date(Date.UTC(2026, 10, 23, 2)), zone: 480 as const };
const write = (values: Record<string, string>) => {
  const built = buildRemark(PRESET_A, 'green', formValues(green, values), ctx);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return built.text;
};

describe('formFields: the green (退换货) form asks what its case needs', () => {
  it('a return: 类型, then 原因, then the optional 原款 and 运费 — no 换款, 补差价 or 退差价', () => {
    expect(labels({ kind: '退货' })).toEqual(['类型', '原因', '原款', '运费']);
  });

  it('an exchange: every field, in the rule’s order (from → to style, the difference, postage, reason)', () => {
    expect(labels({ kind: '换货' })).toEqual(['类型', '原款', '换款', '补差价', '退差价', '运费', '原因']);
  });

  it('before the agent picks a case, and for a 类型 value a shop added itself, every field', () => {
    expect(labels({})).toEqual(['类型', '原款', '换款', '补差价', '退差价', '运费', '原因']);
    const own = cloneRuleSet(PRESET_A);
    own.flags.green.fields[0]!.options = ['退货', '换货', '补发'];
    expect(labels({ kind: '补发' }, own.flags.green)).toEqual(['类型', '原款', '换款', '补差价', '退差价', '运费', '原因']);
  });

  it('other flags and convention B’s green are as before', () => {
    expect(formFields(PRESET_A.flags.purple, {})).toBe(PRESET_A.flags.purple.fields);
    expect(formFields(PRESET_B.flags.green, { kind: '退货' })).toBe(PRESET_B.flags.green.fields);
  });

  it('writes a return exactly in the shop’s format, leaving out an exchange field typed before the switch to 退货', () => {
    const line = write({ kind: '退货', toStyle: '灰色L', priceDiffIn: '10', reason: '不想要了', postage: '8' });
    expect(line).toBe('【退换货】类型：退货｜运费：8元｜原因：不想要了｜张三 2026-11-23');
  });

  it('writes an exchange as before, and the check of a hand-typed remark accepts both cases', () => {
    const exchange = write({ kind: '换货', fromStyle: '驼色M', toStyle: '驼色L', priceDiffIn: '10', reason: '尺码偏小' });
    expect(exchange).toBe('【退换货】类型：换货｜原款：驼色M｜换款：驼色L｜补差价：10元｜原因：尺码偏小｜张三 2026-11-23');
    const ret = write({ kind: '退货', fromStyle: '驼色M', reason: '不想要了' });
    expect(ret).toBe('【退换货】类型：退货｜原款：驼色M｜原因：不想要了｜张三 2026-11-23');
    for (const text of [exchange, ret, '【退换货】类型：退货｜张三 2026-11-23']) {
      expect(checkRemark(text, { ruleSet: PRESET_A, flag: 'green', today: '2026-11-23' }), text).toEqual([]);
    }
  });
});
