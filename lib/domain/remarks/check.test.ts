import { describe, expect, it } from 'vitest';
import { checkRemark, emptyRemarkNote, type CheckOptions } from './check';
import { buildRemark } from './format';
import { PRESET_A, PRESET_B, cloneRuleSet } from './presets';
import type { FlagColor, ProblemCode, RuleSet } from './types';

const today = '2026-11-23';
const A = (flag: FlagColor, extra: Partial<CheckOptions> = {}): CheckOptions => ({ ruleSet: PRESET_A, flag, today, ...extra });
const B = (flag: FlagColor, extra: Partial<CheckOptions> = {}): CheckOptions => ({ ruleSet: PRESET_B, flag, today, ...extra });
const codes = (text: string, opts: CheckOptions): ProblemCode[] => checkRemark(text, opts).map((p) => p.code);
const sig = '｜张三 2026-11-23';

describe('checkRemark: convention A', () => {
  it('accepts a red remark that says verified, with agent and date', () => {
    expect(checkRemark(`【已核对可发货】张三 2026-11-23`, A('red'))).toEqual([]);
  });

  it('blocks a yellow remark that names no change', () => {
    expect(codes(`【信息变更】张三 2026-11-23`, A('yellow'))).toEqual(['missing-field']);
  });

  it('accepts a yellow remark with a new address', () => {
    expect(checkRemark(`【信息变更】新地址:浙江省杭州市西湖区文三路1号${sig}`, A('yellow'))).toEqual([]);
  });

  it('blocks a changed phone that is not a mainland mobile number', () => {
    const p = checkRemark(`【信息变更】新电话:12345678901${sig}`, A('yellow'));
    expect(p.map((x) => x.code)).toEqual(['invalid-field']);
    expect(p[0]?.field).toBe('phone');
    expect(p[0]?.message).toContain('不是有效的大陆电话');
    expect(checkRemark(`【信息变更】新电话:1381234567${sig}`, A('yellow'))[0]?.field).toBe('phone');
    expect(checkRemark(`【信息变更】新电话:139 1234 5678${sig}`, A('yellow'))).toEqual([]);
  });

  it('accepts a changed phone that is a mainland landline', () => {
    expect(checkRemark(`【信息变更】新电话:021-12345678${sig}`, A('yellow'))).toEqual([]);
    // Written by hand the international way, as the remark form reads it too.
    for (const phone of ['+86 21 5555 1234', '+86-21-55551234', '(021)55551234', '0086 21 55551234', '+86 13812345678']) {
      expect(checkRemark(`【信息变更】新电话:${phone}${sig}`, A('yellow')), phone).toEqual([]);
    }
    expect(checkRemark(`【信息变更】新电话:0755-1234567转8001${sig}`, A('yellow'))).toEqual([]);
  });

  it('blocks a blue remark that merges a single order, or the same one twice', () => {
    for (const orders of ['3709981726354019283', '3709981726354019283/3709981726354019283']) {
      const p = checkRemark(`【合并发货】合并订单:${orders}｜买家:小明${sig}`, A('blue'));
      expect(p.map((x) => [x.code, x.field])).toEqual([['invalid-field', 'orders']]);
      expect(p[0]?.message).toContain('至少要写两个不同的订单号');
    }
    // The form says why the same number twice is one order.
    const built = buildRemark(PRESET_A, 'blue', { orders: '3709981726354019283 3709981726354019283', buyers: '小明' }, { agent: '张三', now: Date.UTC(2026, 10, 23, 2), zone: 480 });
    expect(!built.ok && built.errors.map((e) => e.message).join()).toContain('重复的订单号只算一个');
  });

  it('blocks a green remark with both a top-up and a refund of the price difference', () => {
    const p = checkRemark(`【退换货】类型:换货｜原款:驼色｜换款:灰色｜补差价:10元｜退差价:5元${sig}`, A('green'));
    expect(p.map((x) => x.code)).toEqual(['conflicting-fields']);
    expect(p[0]?.message).toContain('补差价和退差价只能填一项');
    expect(checkRemark(`【退换货】类型:换货｜原款:驼色｜换款:灰色｜补差价:10元${sig}`, A('green'))).toEqual([]);
    expect(checkRemark(`【退换货】类型:换货｜原款:驼色｜换款:灰色｜退差价:5元${sig}`, A('green'))).toEqual([]);
  });

  it('blocks a green exchange without the from and to styles', () => {
    const p = checkRemark(`【退换货】类型:换货${sig}`, A('green'));
    expect(p.map((x) => x.field).sort()).toEqual(['fromStyle', 'toStyle']);
  });

  it('accepts a green return with only its type', () => {
    expect(checkRemark(`【退换货】类型:退货${sig}`, A('green'))).toEqual([]);
  });

  it('blocks a green remark whose type is neither return nor exchange', () => {
    expect(codes(`【退换货】类型:退款${sig}`, A('green'))).toEqual(['invalid-field']);
  });

  it('blocks a blue remark without the merged order numbers and buyers', () => {
    expect(checkRemark(`【合并发货】${sig.slice(1)}`, A('blue')).map((p) => p.field).sort()).toEqual(['buyers', 'orders']);
    expect(checkRemark(`【合并发货】合并订单:3456789012345678/3456789012345679｜买家:小明${sig}`, A('blue'))).toEqual([]);
  });

  it('blocks a purple remark without a ship date', () => {
    const p = checkRemark(`【延迟发货】原因:缺货${sig}`, A('purple'));
    expect(p.map((x) => [x.code, x.field])).toEqual([['missing-field', 'shipDate']]);
    expect(p[0]?.message).toContain('可发货日');
  });

  it('blocks a purple remark whose ship date has passed, and takes today (a delay until today is still a delay)', () => {
    expect(codes(`【延迟发货】可发货日:2026-11-20${sig}`, A('purple'))).toEqual(['ship-date-not-future']);
    expect(checkRemark(`【延迟发货】可发货日:2026-11-23${sig}`, A('purple'))).toEqual([]);
    expect(checkRemark(`【延迟发货】可发货日:2026-11-24${sig}`, A('purple'))).toEqual([]);
  });

  it('blocks a ship date that is not a real date', () => {
    expect(codes(`【延迟发货】可发货日:2026-02-30${sig}`, A('purple'))).toEqual(['invalid-field']);
    expect(codes(`【延迟发货】可发货日:下周${sig}`, A('purple'))).toEqual(['invalid-field']);
  });

  it('blocks a gray remark that does not say 无效订单', () => {
    const p = checkRemark('重复拍下 张三 11/23', A('gray'));
    expect(p.map((x) => x.code)).toEqual(['must-say']);
    expect(p[0]?.message).toContain('无效订单');
    expect(p[0]?.messageEn).toMatch(/gray flag/);
  });

  it('accepts a gray remark that says 无效订单, written by hand', () => {
    expect(checkRemark('无效订单 重复拍下 张三 11/23', A('gray'))).toEqual([]);
    expect(checkRemark(`【无效订单】原因:重复拍下${sig}`, A('gray'))).toEqual([]);
  });

  it('accepts an unflagged (gray) order with no remark at all', () => {
    expect(checkRemark('', A('gray'))).toEqual([]);
  });

  it('blocks an empty remark on a flagged order', () => {
    expect(codes('   ', A('purple'))).toEqual(['empty']);
  });

  it('blocks a remark written for another flag', () => {
    const p = checkRemark(`【延迟发货】可发货日:2026-11-28${sig}`, A('yellow'));
    expect(p.map((x) => x.code)).toEqual(['wrong-flag']);
    expect(p[0]?.message).toContain('紫旗');
    expect(p[0]?.message).toContain('黄旗');
  });

  it('accepts an after-sale record line under any flag', () => {
    const text = `【退货】原因:不喜欢｜款式:白色M｜退款金额:99元${sig}`;
    expect(checkRemark(text, A('green'))).toEqual([]);
  });

  // walk8: a re-send typed under the red flag was told it was written for the gray flag (无效订单),
  // because 原因 is a label of the gray rule (and of purple, 退货, 非质量换货): the first of them was
  // taken. Following that, the agent re-flags a re-send as an invalid order and it is never shipped.
  it('does not name another flag’s rule from a label that several rules share (原因)', () => {
    for (const text of ['补发：白色M码 原因：发错货 张三 11/23', '原因：少发一条围巾，已补发 张三 2026-11-23']) {
      const p = checkRemark(text, A('red'));
      expect(p.map((x) => x.message).join(' '), text).not.toContain('无效订单');
      // What the red flag itself asks is said instead.
      expect(p.map((x) => x.code), text).toEqual(['must-say']);
      expect(p[0]?.message, text).toContain('已核对可发货');
    }
    // A label only one rule has still names that rule.
    expect(codes(`可发货日:2026-11-28 原因:缺货 张三 2026-11-23`, A('red'))).toEqual(['wrong-flag']);
    // And 原因 under a flag whose rule has it is that flag's: what is missing there is said.
    expect(codes(`原因:缺货 张三 2026-11-23`, A('purple'))).toEqual(['missing-field']);
  });
});

describe('checkRemark: convention B', () => {
  it('accepts a yellow price change within the agent limit of 20 yuan', () => {
    expect(checkRemark(`【改价】改价金额:20元${sig}`, B('yellow'))).toEqual([]);
  });

  it('requires a supervisor for a price change above 20 yuan', () => {
    const p = checkRemark(`【改价】改价金额:20.01元${sig}`, B('yellow'));
    expect(p.map((x) => x.code)).toEqual(['needs-supervisor']);
    expect(p[0]?.message).toContain('主管同意');
    expect(checkRemark(`【改价】改价金额:35元｜主管同意:王五${sig}`, B('yellow'))).toEqual([]);
  });

  it('accepts 主管:name typed by hand as the supervisor mark', () => {
    expect(checkRemark('改价金额:35 主管:王五 张三 11/23', B('yellow'))).toEqual([]);
  });

  it('follows the limit the shop set', () => {
    const strict: RuleSet = { ...PRESET_B, limits: { ...PRESET_B.limits, agentDiscountYuan: 10 } };
    expect(codes(`【改价】改价金额:15元${sig}`, { ruleSet: strict, flag: 'yellow', today })).toEqual(['needs-supervisor']);
  });

  it('blocks a purple (unshipped issue) remark without a reason', () => {
    expect(checkRemark(`【未发货问题】${sig.slice(1)}`, B('purple')).map((p) => p.field)).toEqual(['reason']);
    expect(checkRemark(`【未发货问题】原因:缺货${sig}`, B('purple'))).toEqual([]);
  });

  it('blocks a past ship date on a B purple remark too', () => {
    expect(codes(`【未发货问题】原因:缺货｜可发货日:2026-11-01${sig}`, B('purple'))).toEqual(['ship-date-not-future']);
  });

  it('blocks a blue (shipped issue) remark without a reason', () => {
    expect(codes(`【已发货问题】${sig.slice(1)}`, B('blue'))).toEqual(['missing-field']);
  });

  it('blocks a red (special handling) remark without the courier', () => {
    expect(checkRemark(`【特殊处理】说明:客户要求${sig}`, B('red')).map((p) => p.field)).toEqual(['courier']);
    expect(checkRemark(`【特殊处理】快递:顺丰${sig}`, B('red'))).toEqual([]);
  });

  it('accepts a green (refundable) remark with agent and date only', () => {
    expect(checkRemark(`【可退款】张三 2026-11-23`, B('green'))).toEqual([]);
  });

  it('blocks a remark on gray, which convention B does not use', () => {
    expect(codes(`备注一下 张三 11/23`, B('gray'))).toContain('flag-not-used');
  });
});

describe('checkRemark: after-sale records', () => {
  const rec = (record: CheckOptions['record']) => A('green', { record });

  it('accepts a complete quality exchange record', () => {
    const text = `【质量换货】质量问题:袖口开线｜退回款式:白色M｜换款式:白色L｜运费:12元｜已退运费:否｜已登记:是${sig}`;
    expect(checkRemark(text, rec('quality-exchange'))).toEqual([]);
  });

  it('blocks a quality exchange record missing postage, refunded and recorded', () => {
    const p = checkRemark(`【质量换货】质量问题:开线｜退回款式:白M｜换款式:白L${sig}`, rec('quality-exchange'));
    expect(p.map((x) => x.field).sort()).toEqual(['postage', 'recorded', 'refunded']);
  });

  it('needs the postage amount when a non-quality exchange needs a top-up', () => {
    const base = `【非质量换货】原因:偏小｜退回款式:白M｜换款式:白L｜需补运费:是｜已登记:否`;
    expect(checkRemark(`${base}${sig}`, rec('nonquality-exchange')).map((x) => x.field)).toEqual(['postage']);
    expect(checkRemark(`${base}｜运费:10元${sig}`, rec('nonquality-exchange'))).toEqual([]);
    expect(checkRemark(`【非质量换货】原因:偏小｜退回款式:白M｜换款式:白L｜需补运费:否｜已登记:是${sig}`, rec('nonquality-exchange'))).toEqual([]);
  });

  it('blocks a return record without the refunded amount', () => {
    expect(checkRemark(`【退货】原因:不喜欢｜款式:白M${sig}`, rec('return')).map((x) => x.field)).toEqual(['amount']);
  });

  it('requires a supervisor for compensation above the stated postage', () => {
    const p = checkRemark(`【折价补偿】质量问题:线头｜补偿金额:15元｜运费:12元${sig}`, rec('compensation'));
    expect(p.map((x) => x.code)).toEqual(['needs-supervisor']);
    expect(p[0]?.message).toContain('运费');
    expect(checkRemark(`【折价补偿】质量问题:线头｜补偿金额:12元｜运费:12元${sig}`, rec('compensation'))).toEqual([]);
    expect(checkRemark(`【折价补偿】质量问题:线头｜补偿金额:15元｜运费:12元｜主管同意:王五${sig}`, rec('compensation'))).toEqual([]);
  });

  it("compares compensation with the shop's usual postage when none is stated", () => {
    expect(codes(`【折价补偿】质量问题:线头｜补偿金额:10元${sig}`, rec('compensation'))).toEqual([]);
    expect(codes(`【折价补偿】质量问题:线头｜补偿金额:10.5元${sig}`, rec('compensation'))).toEqual(['needs-supervisor']);
  });
});

describe('checkRemark: money, dates, signature', () => {
  it('blocks money that is zero, negative or has more than two decimals', () => {
    for (const v of ['0', '-5', '12.345', '十元']) {
      expect(codes(`【改价】改价金额:${v}${sig}`, B('yellow'))).toEqual(['invalid-field']);
    }
    expect(checkRemark(`【改价】改价金额:¥12.34${sig}`, B('yellow'))).toEqual([]);
  });

  it('blocks a remark without the agent', () => {
    expect(codes('【已核对可发货】2026-11-23', A('red'))).toEqual(['missing-agent']);
  });

  it('blocks a remark without a date', () => {
    expect(codes('【已核对可发货】张三', A('red'))).toContain('missing-date');
  });

  it('blocks a signature date after today', () => {
    expect(codes('【已核对可发货】张三 2026-11-25', A('red'))).toEqual(['date-in-future']);
  });

  it('blocks an impossible signature date', () => {
    expect(codes('【已核对可发货】张三 2026-13-45', A('red'))).toContain('invalid-date');
  });

  it('blocks a remark signed by someone other than the agent at the keyboard', () => {
    const p = checkRemark('【已核对可发货】李四 2026-11-23', A('red', { agent: '张三' }));
    expect(p.map((x) => x.code)).toEqual(['other-agent']);
    expect(checkRemark('【已核对可发货】张三 2026-11-23', A('red', { agent: '张三' }))).toEqual([]);
  });

  // walk8: on the sold list a shipped purple order's saved 「缺货」, written by someone else and unsigned,
  // was marked 「备注不规范：备注缺少经办人：请在末尾写上“小美 2026-12-08”。」 — the agent's name and today's
  // date on a colleague's line, false in the shop's record.
  it('never asks the agent to sign or date a saved line someone else wrote: it says what is missing and to add her own line', () => {
    const onList = (text: string) => checkRemark(text, A('purple', { agent: '小美', saved: text, status: 'shipped' }));
    const unsigned = onList('缺货');
    expect(unsigned.map((p) => p.message)).toEqual(['没有署名和日期，看不出是谁、哪天写的：别替人补签；这单再有处理，请另起一行写你自己的备注。']);
    expect(unsigned[0]?.messageEn).toBe('Unsigned and undated, so it does not say who wrote it or when: do not sign it for them; when you handle the order, add a line of your own below it.');
    expect(onList('缺货 2026-11-20')[0]?.message).toBe('没有署名，看不出是谁写的：别替人补签；这单再有处理，请另起一行写你自己的备注。');
    expect(onList('缺货 处理人:阿杰').map((p) => p.message)).toEqual(['“阿杰”的署名后没有日期，看不出是哪天写的：别替人补签；这单再有处理，请另起一行写你自己的备注。']);
    for (const text of ['缺货', '缺货 2026-11-20', '缺货 处理人:阿杰']) {
      const said = onList(text).map((p) => p.message + p.messageEn).join();
      expect(said, text).not.toContain('小美');
      expect(said, text).not.toContain(today);
    }
    // A line she is writing now is hers to sign, as before; so is a saved line she signed herself.
    expect(checkRemark('缺货', A('purple', { agent: '小美', saved: '', status: 'shipped' }))[0]?.message).toBe(`备注缺少经办人：请在末尾写上“小美 ${today}”。`);
    expect(onList('【延迟发货】原因：缺货｜小美').map((p) => p.code)).toEqual(['missing-date']);
    expect(onList('【延迟发货】原因：缺货｜小美')[0]?.message).toContain('今天的日期');
  });

  it('does not compare a saved remark’s signer with the agent: a colleague’s line being shown is normal', () => {
    // The Taobao memo page opens with the saved remark in its box; the order list shows the same text.
    const saved = '改地址：上海市浦东新区张江路88号 客服阿杰 11/22';
    const onBox = codes(saved, A('yellow', { agent: '小美', saved }));
    expect(onBox).not.toContain('other-agent');
    expect(onBox).toEqual(codes(saved, A('yellow', { agent: '小美', saved: `旧的一行\n${saved}` })));
    expect(codes('【已核对可发货】李四 2026-11-23', A('red', { agent: '张三', saved: '【已核对可发货】李四 2026-11-23' }))).toEqual([]);
  });

  it('compares the signer of a line written now: appended, or an old line edited', () => {
    const saved = '【已核对可发货】李四 2026-11-22';
    expect(codes(`${saved}\n【已核对可发货】李四 2026-11-23`, A('red', { agent: '张三', saved }))).toEqual(['other-agent']);
    expect(codes('【已核对可发货】李四 2026-11-23', A('red', { agent: '张三', saved }))).toEqual(['other-agent']);
    expect(codes(`${saved}\n【已核对可发货】张三 2026-11-23`, A('red', { agent: '张三', saved }))).toEqual([]);
    expect(codes('【已核对可发货】李四 2026-11-23', A('red', { agent: '张三', saved: '' }))).toEqual(['other-agent']);
  });

  it('suggests the agent’s own name as the example signature, a neutral placeholder when none is set', () => {
    const [withName] = checkRemark('【已核对可发货】2026-11-23', A('red', { agent: '小美' }));
    expect(withName?.message).toBe('备注缺少经办人：请在末尾写上“小美 2026-11-23”。');
    const [noName] = checkRemark('【已核对可发货】2026-11-23', A('red'));
    expect(noName?.message).toBe('备注缺少经办人：请在末尾写上“客服名 2026-11-23”。');
    expect(noName?.message).not.toContain('张三');
  });

  it('checks only the newest line; earlier lines are history', () => {
    const text = `旧备注随便写的\n【已核对可发货】张三 2026-11-23`;
    expect(checkRemark(text, A('red'))).toEqual([]);
  });

  it('writes every problem as a Chinese sentence with the English beside it', () => {
    const p = checkRemark('可发货日:昨天', A('purple'));
    expect(p.length).toBeGreaterThan(1);
    for (const x of p) {
      expect(x.message).toMatch(/[\u4e00-\u9fff]/);
      expect(x.message).toMatch(/[。！？）]$/);
      expect(x.messageEn).toMatch(/[a-z]{3,} [a-z]{2,}/);
    }
  });
});

describe('checkRemark: platform limits', () => {
  it('blocks a Taobao remark of 400 Chinese characters (1200 bytes > 1000)', () => {
    const text = `【已核对可发货】说明:${'好'.repeat(400)}｜张三 2026-11-23`;
    const p = checkRemark(text, A('red', { platform: 'taobao' }));
    expect(p.map((x) => x.code)).toEqual(['too-long']);
    expect(p[0]?.message).toContain('字节');
  });

  it('lets the same remark through on JD while under 500 characters', () => {
    const text = `【已核对可发货】说明:${'好'.repeat(400)}｜张三 2026-11-23`;
    expect(checkRemark(text, A('red', { platform: 'jd' }))).toEqual([]);
  });

  it('blocks a JD remark over 500 characters', () => {
    const text = `【已核对可发货】说明:${'好'.repeat(500)}｜张三 2026-11-23`;
    expect(codes(text, A('red', { platform: 'jd' }))).toEqual(['too-long']);
  });

  it('applies Taobao rules to the demo console', () => {
    const text = `【已核对可发货】说明:${'好'.repeat(400)}｜张三 2026-11-23`;
    expect(codes(text, A('red', { platform: 'demo' }))).toEqual(['too-long']);
  });
});

describe('build and check agree', () => {
  it('finds nothing wrong with what buildRemark writes', () => {
    const r = buildRemark(PRESET_A, 'purple', { shipDate: '2026-11-28', reason: '缺货' }, { agent: '张三', now: Date.UTC(2026, 10, 23, 4), zone: 480 });
    expect(r.ok && checkRemark(r.text, A('purple', { agent: '张三', platform: 'taobao' }))).toEqual([]);
  });

  it('refuses to build what check would block', () => {
    const r = buildRemark(PRESET_B, 'yellow', { discount: '30' }, { agent: '张三', now: Date.UTC(2026, 10, 23, 4), zone: 480 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['discount']);
  });
});

describe('emptyRemarkNote: an empty box that is allowed is not "following the rules"', () => {
  it('says there is nothing to check, and what an invalid order must say in convention A', () => {
    const note = emptyRemarkNote('  ', PRESET_A, 'gray');
    expect(checkRemark('  ', A('gray'))).toEqual([]);
    expect(note?.message).toContain('没有备注需要检查');
    expect(note?.message).toContain('“无效订单”、经办人和日期');
    expect(note?.messageEn).toMatch(/^No remark to check/);
    expect(note?.messageEn).toContain('"无效订单"');
  });

  it('names the required fields of an edited gray rule', () => {
    const rules = cloneRuleSet(PRESET_A);
    rules.flags.gray.fields = rules.flags.gray.fields.map((f) => ({ ...f, required: true }));
    expect(emptyRemarkNote('', rules, 'gray')?.message).toContain('“无效订单”、原因、经办人和日期');
  });

  it('says convention B does not use gray at all', () => {
    expect(emptyRemarkNote('', PRESET_B, 'gray')?.message).toBe('没有备注需要检查：本规则不使用灰旗，未插旗的订单不用写备注。');
  });

  it('has nothing to add when the box holds text or the flag needs a remark', () => {
    expect(emptyRemarkNote('无效订单 张三 11/23', PRESET_A, 'gray')).toBeNull();
    expect(emptyRemarkNote('', PRESET_A, 'purple')).toBeNull();
  });
});

describe('checkRemark: a flag read from the remark text (a page that shows no flag)', () => {
  it('names the rule as judged from the text, not as a flag the page does not show', () => {
    const p = checkRemark('【延迟发货】小美 2026-11-22', A('purple', { flagInferred: true }));
    expect(p.map((x) => x.code)).toEqual(['missing-field']);
    expect(p[0]?.message).toBe('按内容判断为【延迟发货】的备注缺少必填项“可发货日”（今天或以后）：请写“可发货日：…”。');
    expect(p[0]?.message).not.toContain('紫旗');
    expect(p[0]?.messageEn).toBe('This Delayed shipping remark (going by its wording) is missing the required field Ship date: add "可发货日：…".');
    expect(p[0]?.messageEn).not.toContain('purple');
    // Where the flag is shown, it is named.
    expect(checkRemark('【延迟发货】小美 2026-11-22', A('purple'))[0]?.message).toContain('紫旗（延迟发货）');
  });

  it('says what an inferred gray remark must say without naming the gray flag', () => {
    const p = checkRemark('【无效】重复拍下 小美 2026-11-22', A('gray', { flagInferred: true }));
    expect(p.map((x) => x.code)).toEqual(['must-say']);
    expect(p[0]?.message).toBe('按内容判断为【无效订单】的备注必须写明“无效订单”。');
  });
});

describe('checkRemark: the order’s status, where the list shows it', () => {
  // JD's list: 缺货 on an order already 等待确认收货 is what held it up once, not a delay to plan now.
  const listed = (status: CheckOptions['status'], text = '缺货') => checkRemark(text, A('purple', { flagInferred: true, saved: text, ...(status ? { status } : {}) }));

  it('asks no ship date of an order that has shipped, is done or is closed', () => {
    for (const status of ['shipped', 'completed', 'closed'] as const) {
      const p = listed(status);
      expect(p.map((x) => x.code), status).toEqual(['missing-agent']);
      expect(p.map((x) => x.message).join(), status).not.toContain('可发货日');
    }
  });

  it('still asks it of an order waiting to ship, and where the status was not read', () => {
    for (const status of ['paid', 'unpaid', 'refunding', 'unknown', undefined] as const) {
      expect(listed(status)[0]?.message, String(status)).toBe('按内容判断为【延迟发货】的备注缺少必填项“可发货日”（今天或以后）：请写“可发货日：…”。');
    }
  });

  it('does not call the ship date of a shipped order passed', () => {
    const text = '【延迟发货】可发货日：2026-11-20｜原因：缺货｜张三 2026-11-18';
    expect(listed('paid', text).map((x) => x.code)).toEqual(['ship-date-not-future']);
    expect(listed('shipped', text)).toEqual([]);
  });
});

describe('checkRemark: remarks typed in an agent’s own words (QA pass C)', () => {
  // QA's day: 2026-12-03 in the shop; 小美 at the keyboard; 阿杰 is a colleague.
  const qa = (flag: FlagColor, extra: Partial<CheckOptions> = {}) => A(flag, { agent: '小美', today: '2026-12-03', ...extra });
  const messages = (text: string, opts: CheckOptions) => checkRemark(text, opts).map((p) => p.message);

  it('does not take the word after a ship date for the signer, and says the ship date has passed', () => {
    const p = checkRemark('缺货 11/20 发', qa('purple'));
    expect(p.map((x) => x.code)).toEqual(['ship-date-not-future', 'missing-agent', 'missing-date']);
    expect(p[0]?.message).toBe('可发货日 2026-11-20 已过（今天是 2026-12-03）：请写今天或以后的日期，例如“可发货日：2026-12-03”。');
    expect(p[0]?.messageEn).toContain('2026-11-20 has passed (today is 2026-12-03)');
    expect(p.map((x) => x.message).join()).not.toContain('署名');
    // A ship date that is today is a promise still open: the order goes out with today's batch.
    expect(messages('缺货 12/3 发 小美 12/3', qa('purple'))).toEqual([]);
  });

  it('reads a ship date written in shipping talk, and shipping words are never a name', () => {
    for (const text of ['缺货 12/20 发 小美 12/3', '缺货 12/20前发货 小美 12/3', '延迟发货 预计12月20日发 小美 12/3', '缺货 发货 12/20 小美 12/3']) {
      expect(checkRemark(text, qa('purple')), text).toEqual([]);
    }
    for (const text of ['缺货 12/20 再发', '缺货 12/20 左右到', '缺货 12/20 之前发货']) {
      expect(codes(text, qa('purple')), text).toEqual(['missing-agent', 'missing-date']);
    }
  });

  it("takes no word of the shop's rules for a name: a date after a field's label is that field's", () => {
    // 可发货日 is the purple rule's label, written without its colon: the date is the ship date, the line is unsigned.
    expect(codes('延迟发货 可发货日 11/20', qa('purple'))).toEqual(['ship-date-not-future', 'missing-agent', 'missing-date']);
    expect(codes('延迟发货 可发货日 12/20 小美 12/3', qa('purple'))).toEqual([]);
  });

  it('still reads a real name written after the date, and a colleague signing with their role', () => {
    expect(messages('【已核对可发货】2026-12-03 阿杰', qa('red'))).toEqual(['备注署名是“阿杰”，当前客服是“小美”：谁处理谁备注。']);
    // 客服 is the role, not part of the name: 小美 signing "客服小美" signs as herself.
    expect(checkRemark('【已核对可发货】客服小美 12/3', qa('red'))).toEqual([]);
    expect(messages('【已核对可发货】客服阿杰 12/3', qa('red'))).toEqual(['备注署名是“阿杰”，当前客服是“小美”：谁处理谁备注。']);
  });

  it('recognises a phone change written in words and names the invalid number', () => {
    const p = checkRemark('改电话 1381234567 客服阿杰 12/1', qa('yellow', { saved: '改电话 1381234567 客服阿杰 12/1' }));
    expect(p.map((x) => [x.code, x.field])).toEqual([['invalid-field', 'phone']]);
    expect(p[0]?.message).toContain('新电话“1381234567”不是有效的大陆电话');
    for (const text of ['电话改为1381234567 小美 12/3', '换号码 1381234567 小美 12/3', '新号：1381234567 小美 12/3', '手机 138 1234 567 小美 12/3', '【改电话】1381234567｜小美 12/3']) {
      const q = checkRemark(text, qa('yellow'));
      expect(q.map((x) => x.field), text).toEqual(['phone']);
      expect(q[0]?.message, text).toMatch(/^新电话“1381234567|^新电话“138 1234 567/);
    }
  });

  it('accepts a valid phone change written in words', () => {
    for (const text of ['改电话 13812345678 小美 12/3', '电话改成 139-1234-5678 小美 12/3', '联系电话改为 021 1234 5678 小美 12/3', '手机 13812345678 2件 小美 12/3']) {
      expect(checkRemark(text, qa('yellow')), text).toEqual([]);
    }
    // Words about a phone with no number change nothing: the yellow flag still needs what changed.
    expect(codes('电话已核对 小美 12/3', qa('yellow'))).toEqual(['missing-field']);
  });

  it('faults a red remark that does not say it was checked, naming what it must say', () => {
    const p = checkRemark('可以发 小美 12/3', qa('red'));
    expect(p.map((x) => x.code)).toEqual(['must-say']);
    expect(p[0]?.message).toBe('红旗在本规则里表示“已核对无误，可以发货”，备注必须写明“已核对可发货”（或“核对无误”、“可发货”、“已核对”），现在没有写。');
    expect(p[0]?.messageEn).toContain('the remark must say "已核对可发货"');
    // Unsigned and undated as QA typed it: all three are named.
    expect(codes('能发', qa('red'))).toEqual(['must-say', 'missing-agent', 'missing-date']);
    for (const text of ['【已核对可发货】小美 2026-12-03', '已核对 小美 12/3', '核对无误，可发货 小美 12/3', '已核对 可发货｜优惠:5元｜小美 12/3']) {
      expect(checkRemark(text, qa('red')), text).toEqual([]);
    }
  });

  it('asks the statement of the shop’s own verified rule, by its intent, and of no other flag', () => {
    const rules = cloneRuleSet(PRESET_A);
    rules.flags.red = { ...rules.flags.red, title: '审核通过', aliases: [] };
    expect(messages('可以发 小美 12/3', qa('red', { ruleSet: rules }))).toEqual([
      '红旗在本规则里表示“已核对无误，可以发货”，备注必须写明“审核通过”，现在没有写。',
    ]);
    // Convention B's green (may be refunded) asks only for agent and date.
    expect(checkRemark('可以退 张三 11/23', B('green'))).toEqual([]);
  });
});
