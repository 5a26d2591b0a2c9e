import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { onComputerZone } from '../testing';
import { buildRemark, formatLine, parseRemark, splitRemarkLines } from './format';
import { checkRemark } from './check';
import { isoDate } from './fields';
import { PRESET_A, PRESET_B } from './presets';
import { allTargets, getRule } from './rules';
import type { FieldSpec, RuleSet } from './types';

const BEIJING = 480;
const now = new Date(Date.UTC(2026, 10, 23, 2, 30)); // 2026-11-23 10:30 in Beijing, the shop's zone
const ctx = { agent: '张三', now, zone: BEIJING };
const today = '2026-11-23';

function sample(spec: FieldSpec): string {
  switch (spec.type) {
    case 'date': return '2026-12-01';
    case 'money': return '8.5';
    case 'phone': return '13812345678';
    case 'order': return '3456789012345678/3456789012345679';
    case 'courier': return '顺丰';
    case 'yesno': return '是';
    case 'agent': return '王五';
    case 'address': return '浙江省杭州市西湖区文三路1号';
    case 'style': return '白色 M码';
    default: return spec.options?.[0] ?? '测试说明';
  }
}

describe('buildRemark', () => {
  it('writes the canonical line: 【title】label:value｜…｜agent date', () => {
    const r = buildRemark(PRESET_A, 'purple', { shipDate: '2026-11-28', reason: '缺货' }, ctx);
    expect(r).toEqual({ ok: true, text: '【延迟发货】可发货日：2026-11-28｜原因：缺货｜张三 2026-11-23', fields: { shipDate: '2026-11-28', reason: '缺货' } });
  });

  it('writes no direction controls pasted with a reason, so the console cannot show the signature reversed', () => {
    const r = buildRemark(PRESET_A, 'purple', { shipDate: '2026-11-28', reason: '\u202E缺货\u2067' }, ctx);
    expect(r.ok && r.text).toBe('【延迟发货】可发货日：2026-11-28｜原因：缺货｜张三 2026-11-23');
  });

  it('signs a rule without fields with the agent and date only', () => {
    const r = buildRemark(PRESET_A, 'red', {}, ctx);
    expect(r.ok && r.text).toBe('【已核对可发货】张三 2026-11-23');
  });

  it('writes 无效订单 into every gray remark of preset A', () => {
    const r = buildRemark(PRESET_A, 'gray', {}, ctx);
    expect(r.ok && r.text).toBe('【无效订单】张三 2026-11-23');
  });

  it('normalises values: dates, money with 元, yes/no, phone, order lists', () => {
    const r = buildRemark(PRESET_A, 'yellow', { phone: '+86 138-1234-5678', courier: ' 顺丰 ' }, ctx);
    expect(r.ok && r.text).toBe('【信息变更】新电话：13812345678｜改快递：顺丰｜张三 2026-11-23');
    const q = buildRemark(PRESET_A, 'quality-exchange', {
      defect: '袖口开线', fromStyle: '白色M', toStyle: '白色L', postage: '¥12.00', refunded: 'no', recorded: '已',
    }, ctx);
    expect(q.ok && q.text).toBe('【质量换货】质量问题：袖口开线｜退回款式：白色M｜换款式：白色L｜运费：12元｜已退运费：否｜已登记：是｜张三 2026-11-23');
    const b = buildRemark(PRESET_A, 'blue', { orders: '3456789012345678，3456789012345679', buyers: '小明' }, ctx);
    expect(b.ok && b.text).toContain('合并订单：3456789012345678/3456789012345679');
  });

  it('completes a ship date written without a year from today', () => {
    const r = buildRemark(PRESET_A, 'purple', { shipDate: '11月28日' }, ctx);
    expect(r.ok && r.fields.shipDate).toBe('2026-11-28');
    const ny = buildRemark(PRESET_A, 'purple', { shipDate: '1/3' }, { agent: '张三', now: Date.UTC(2026, 11, 30, 4), zone: BEIJING });
    expect(ny.ok && ny.fields.shipDate).toBe('2027-01-03');
  });

  it('replaces separators typed inside a value so the line stays readable', () => {
    const r = buildRemark(PRESET_A, 'purple', { shipDate: '2026-11-28', reason: '缺货｜等【面料】\n到货' }, ctx);
    expect(r.ok && r.text).toBe('【延迟发货】可发货日：2026-11-28｜原因：缺货/等[面料] 到货｜张三 2026-11-23');
  });

  it('names every missing or invalid field instead of writing a remark', () => {
    const r = buildRemark(PRESET_A, 'quality-exchange', { defect: '开线', postage: '-3', refunded: '也许' }, ctx);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field).sort()).toEqual(['fromStyle', 'postage', 'recorded', 'refunded', 'toStyle']);
    expect(r.errors.every((e) => e.message && e.messageEn)).toBe(true);
  });

  it('refuses to sign without an agent name', () => {
    const r = buildRemark(PRESET_A, 'red', {}, { agent: ' ', now, zone: BEIJING });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]?.field).toBe('agent');
  });
});

/**
 * The agent's computer on Los Angeles time (Node applies a TZ change at once): the remark is still
 * the shop's record, dated on the shop's (Beijing) calendar.
 */
describe('the shop\'s date, on a computer in Los Angeles', () => {
  onComputerZone('America/Los_Angeles');
  // 2026-11-23 07:30 in Beijing = 23:30 UTC and 15:30 in Los Angeles, both on the 22nd.
  const beijingMorning = Date.UTC(2026, 10, 22, 23, 30);
  // 2026-11-23 15:30 in Beijing = 23:30 on the 22nd in Los Angeles.
  const beijingAfternoon = Date.UTC(2026, 10, 23, 7, 30);

  it('the computer really is on Los Angeles time in these tests', () => {
    expect(new Date(beijingAfternoon).getDate()).toBe(22);
  });

  it("signs a remark with Beijing's date", () => {
    const r = buildRemark(PRESET_A, 'red', {}, { agent: '张三', now: beijingMorning, zone: BEIJING });
    expect(r.ok && r.text).toBe('【已核对可发货】张三 2026-11-23');
    expect(isoDate(beijingAfternoon, BEIJING)).toBe('2026-11-23');
  });

  it("checks a promised ship date against Beijing's today: the 22nd is already past there, the 23rd is today", () => {
    const r = buildRemark(PRESET_A, 'purple', { shipDate: '2026-11-22' }, { agent: '张三', now: beijingAfternoon, zone: BEIJING });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['shipDate']);
    expect(buildRemark(PRESET_A, 'purple', { shipDate: '2026-11-23' }, { agent: '张三', now: beijingAfternoon, zone: BEIJING }).ok).toBe(true);
    const ok = buildRemark(PRESET_A, 'purple', { shipDate: '11/24' }, { agent: '张三', now: beijingAfternoon, zone: BEIJING });
    expect(ok.ok && ok.text).toBe('【延迟发货】可发货日：2026-11-24｜张三 2026-11-23');
  });

  it('uses the zone it is given: null is the computer\'s own', () => {
    expect(isoDate(beijingAfternoon, null)).toBe('2026-11-22');
    expect(isoDate(beijingAfternoon, -480)).toBe('2026-11-22');
  });
});

describe('round trip: what build writes, parse reads back identically', () => {
  for (const [name, set] of [['A', PRESET_A], ['B', PRESET_B]] as [string, RuleSet][]) {
    for (const target of allTargets()) {
      it(`reads back preset ${name} ${target}, all fields filled`, () => {
        const rule = getRule(set, target);
        // A price difference goes one way: the refund (退差价) is read back on its own below.
        const fields = Object.fromEntries(rule.fields.filter((f) => f.key !== 'priceDiffOut').map((f) => [f.key, sample(f)]));
        const built = buildRemark(set, target, fields, ctx);
        expect(built.ok, JSON.stringify(built)).toBe(true);
        if (!built.ok) return;
        const parsed = parseRemark(built.text, set);
        expect(parsed.target).toBe(target);
        expect(parsed.fields).toEqual(built.fields);
        expect(parsed.agent).toBe('张三');
        expect(parsed.date).toBe(today);
        expect(parsed.unknown).toEqual([]);
        expect(parsed.notes).toEqual([]);
        expect(formatLine(rule, parsed.fields, parsed.agent ?? '', parsed.date ?? '')).toBe(built.text);
      });
    }
  }

  it('reads back a refund of the price difference and a landline phone', () => {
    for (const [target, fields] of [
      ['green', { kind: '换货', fromStyle: '驼色', toStyle: '灰色', priceDiffOut: '5' }],
      ['yellow', { phone: '0755 1234567 转 8001' }],
    ] as const) {
      const built = buildRemark(PRESET_A, target, fields, ctx);
      expect(built.ok, JSON.stringify(built)).toBe(true);
      if (!built.ok) return;
      expect(parseRemark(built.text, PRESET_A).fields).toEqual(built.fields);
    }
    const phone = buildRemark(PRESET_A, 'yellow', { phone: '0755 1234567 转 8001' }, ctx);
    expect(phone.ok && phone.text).toBe('【信息变更】新电话：0755-1234567转8001｜张三 2026-11-23');
  });

  it('writes a +86 landline from the form as 区号-号码, and the checker passes the saved line', () => {
    for (const raw of ['+86 21 5555 1234', '+86-21-55551234', '(021)55551234', '0086 21 55551234']) {
      const built = buildRemark(PRESET_A, 'yellow', { phone: raw }, ctx);
      expect(built.ok && built.text, raw).toBe('【信息变更】新电话：021-55551234｜张三 2026-11-23');
      expect(built.ok && checkRemark(built.text, { ruleSet: PRESET_A, flag: 'yellow', today: '2026-11-23' }), raw).toEqual([]);
    }
    const mobile = buildRemark(PRESET_A, 'yellow', { phone: '+86 13812345678' }, ctx);
    expect(mobile.ok && mobile.text).toBe('【信息变更】新电话：13812345678｜张三 2026-11-23');
  });

  it('reads back a line with only the required fields', () => {
    const built = buildRemark(PRESET_B, 'yellow', { discount: '5' }, ctx);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.text).toBe('【改价】改价金额：5元｜张三 2026-11-23');
    expect(parseRemark(built.text, PRESET_B).fields).toEqual({ discount: '5' });
  });
});

describe('parseRemark in the wild', () => {
  const o = { today };

  it('reads full-width colons, extra spaces, commas and a bracketed signature', () => {
    const p = parseRemark('【 延迟发货 】 可发货日 ： 11月28日 ， 原因 ： 缺货 （张三 11月23日）', PRESET_A, o);
    expect(p).toMatchObject({ target: 'purple', fields: { shipDate: '2026-11-28', reason: '缺货' }, agent: '张三', date: '2026-11-23' });
  });

  it('reads square brackets and ASCII bars', () => {
    const p = parseRemark('[延迟发货] 可发货日:2026-11-28 | 原因:缺货 | 张三 11.23', PRESET_A, o);
    expect(p).toMatchObject({ target: 'purple', fields: { shipDate: '2026-11-28', reason: '缺货' }, agent: '张三', date: '2026-11-23' });
  });

  it('reads labels glued together without separators', () => {
    const p = parseRemark('可发货日:2026-11-28原因:缺货张三11/23', PRESET_A, { ...o, agents: ['张三'] });
    expect(p).toMatchObject({ target: 'purple', fields: { shipDate: '2026-11-28', reason: '缺货' }, agent: '张三', date: '2026-11-23' });
  });

  it('guesses the rule from the labels when the title is missing', () => {
    const p = parseRemark('新电话：138 1234 5678  李四 11/22', PRESET_A, o);
    expect(p).toMatchObject({ target: 'yellow', fields: { phone: '13812345678' }, agent: '李四', date: '2026-11-22' });
  });

  it('reads agent and date written as labels, and date before name', () => {
    expect(parseRemark('可发货日:2026-11-28 处理人:张三 时间:11/23', PRESET_A, o)).toMatchObject({ agent: '张三', date: '2026-11-23' });
    expect(parseRemark('延迟发货，可发货日：2026/11/28，原因：缺货，2026-11-23 张三', PRESET_A, o)).toMatchObject({
      target: 'purple', title: '延迟发货', notes: [],
      fields: { shipDate: '2026-11-28', reason: '缺货' }, agent: '张三', date: '2026-11-23',
    });
  });

  it('reads aliases agents use for labels', () => {
    const p = parseRemark('发货日期:11/30 张三 11/23', PRESET_A, o);
    expect(p.fields.shipDate).toBe('2026-11-30');
    const q = parseRemark('【改价】优惠:30元 主管:王五｜张三 2026-11-23', PRESET_B, o);
    expect(q.fields).toEqual({ discount: '30', supervisor: '王五' });
  });

  it('reads a title typed without brackets as the first word', () => {
    expect(parseRemark('缺货 可发货日:12/01 张三 11/23', PRESET_A, o)).toMatchObject({ target: 'purple', title: '缺货', fields: { shipDate: '2026-12-01' } });
    expect(parseRemark('无效订单 重复拍下 张三 11/23', PRESET_A, o)).toMatchObject({ target: 'gray', notes: ['重复拍下'] });
    expect(parseRemark('退货:不要了 张三 11/23', PRESET_A, o).title).toBeUndefined();
  });

  it("breaks a tie between rules with the order's flag", () => {
    // 主管 belongs to red (discount) in A, 发货日期 to purple: one label each.
    expect(parseRemark('发货日期:11/30 主管:王五 张三 11/23', PRESET_A, o).target).toBe('red');
    expect(parseRemark('发货日期:11/30 主管:王五 张三 11/23', PRESET_A, { ...o, expect: 'purple' }).target).toBe('purple');
  });

  it('keeps unknown labels and free notes apart from the fields', () => {
    const p = parseRemark('可发货日:2026-11-28 仓库:二号仓 张三 2026-11-23', PRESET_A, o);
    expect(p.fields).toEqual({ shipDate: '2026-11-28' });
    expect(p.unknown).toEqual([{ label: '仓库', value: '二号仓' }]);
    expect(parseRemark('重复拍下 张三 11/23', PRESET_A, o)).toMatchObject({ notes: ['重复拍下'], agent: '张三' });
  });

  it('describes the newest line and keeps every line, oldest first', () => {
    const text = '【信息变更】新地址：浙江省杭州市西湖区文三路1号｜李四 11/22\n\n【延迟发货】可发货日:2026-11-28｜张三 2026-11-23';
    const p = parseRemark(text, PRESET_A, o);
    expect(p.lines).toHaveLength(2);
    expect(p.latestIndex).toBe(1);
    expect(p.target).toBe('purple');
    expect(p.lines[0]).toMatchObject({ target: 'yellow', agent: '李四', fields: { address: '浙江省杭州市西湖区文三路1号' } });
  });

  it('splits two remarks run together on one line', () => {
    expect(splitRemarkLines('老客户 张三 11/20【已核对可发货】张三 2026-11-23')).toEqual(['老客户 张三 11/20', '【已核对可发货】张三 2026-11-23']);
  });

  it('keeps a value it cannot normalise as written, for the checker to report', () => {
    const p = parseRemark('【延迟发货】可发货日:下周｜张三 2026-11-23', PRESET_A, o);
    expect(p.fields.shipDate).toBe('下周');
  });

  it('leaves a date without a year unresolved when no today is given', () => {
    const p = parseRemark('重复拍下 张三 11/23', PRESET_A);
    expect(p.date).toBeUndefined();
    expect(p.dateRaw).toBe('11/23');
  });

  it('returns an empty description for an empty box', () => {
    expect(parseRemark('  \n ', PRESET_A)).toMatchObject({ lines: [], fields: {} });
  });
});

describe('round trip with awkward values', () => {
  it('reads back a note that itself contains a label, a colon and spaces', () => {
    const built = buildRemark(PRESET_A, 'red', { note: '原因:客户要求 14:00 前发 新电话:见聊天' }, ctx);
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const parsed = parseRemark(built.text, PRESET_A);
    expect(parsed.fields).toEqual({ note: '原因:客户要求 14:00 前发 新电话:见聊天' });
    expect(parsed.unknown).toEqual([]);
  });

  it('still splits glued typed fields inside a barred segment', () => {
    const p = parseRemark('【延迟发货】可发货日:2026-11-28原因:缺货｜张三 2026-11-23', PRESET_A);
    expect(p.fields).toEqual({ shipDate: '2026-11-28', reason: '缺货' });
  });
});
