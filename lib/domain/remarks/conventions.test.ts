/**
 * Remarks written the way the shop's conventions (../shared/domain.md, "Order remarks with flags")
 * describe them, typed by hand: what the checker accepts, what it asks for, and which of them make
 * the follow-up list owe the buyer money.
 */
import { describe, expect, it } from 'vitest';
import { checkRemark, type CheckOptions } from './check';
import { remarkFacts } from './facts';
import { buildRemark, parseRemark } from './format';
import { PRESET_A, PRESET_B } from './presets';
import type { FlagColor, RuleSet } from './types';

const today = '2026-12-07';
const agent = '阿青';
const opts = (ruleSet: RuleSet, flag: FlagColor): CheckOptions => ({ ruleSet, flag, today, agent });
const problems = (ruleSet: RuleSet, flag: FlagColor, text: string) => checkRemark(text, opts(ruleSet, flag)).map((p) => p.message);
const facts = (ruleSet: RuleSet, flag: FlagColor, text: string) =>
  remarkFacts(parseRemark(text, ruleSet, { today, expect: flag, agents: [agent] }), '4100223344556677889', 'buyer-q');
const kinds = (ruleSet: RuleSet, flag: FlagColor, text: string) => facts(ruleSet, flag, text).map((f) => f.kind);

describe('convention A green (return or exchange): money owed only where the remark says so', () => {
  it('reads an exchange written as 换货：from→to as an exchange, with no refund of the goods, only the postage the shop bears', () => {
    const text = '换货：灰色M→蓝色M，不用补差价，质量问题运费我们出 阿青 12/7';
    expect(problems(PRESET_A, 'green', text)).toEqual([]);
    expect(facts(PRESET_A, 'green', text)).toEqual([
      expect.objectContaining({ kind: 'return-pending', exchange: true, fromStyle: '灰色M', toStyle: '蓝色M' }),
      expect.objectContaining({ kind: 'postage-refund-pending' }),
    ]);
  });

  it('makes no refund item for an exchange the buyer tops up (补差价), nor for one at no difference', () => {
    expect(kinds(PRESET_A, 'green', '换货 卡其L换成黑色L 补差价15元 阿青 12/7')).toEqual(['return-pending']);
    expect(kinds(PRESET_A, 'green', '【退换货】类型：换货｜原款：卡其L｜换款：黑色L｜补差价：15元｜阿青 2026-12-07')).toEqual(['return-pending']);
    expect(kinds(PRESET_A, 'green', '换货 卡其L->卡其XL 无差价 阿青 12/7')).toEqual(['return-pending']);
  });

  it('owes the buyer the difference when the shop pays it back (退差价), and the goods on a return', () => {
    const back = facts(PRESET_A, 'green', '换货 卡其L换黑色L 退差价8元 阿青 12/7');
    expect(back.map((f) => f.kind)).toEqual(['return-pending', 'refund-pending']);
    expect(back[1]).toMatchObject({ amountYuan: 8 });
    expect(kinds(PRESET_A, 'green', '退货 不喜欢 阿青 12/7')).toEqual(['return-pending', 'refund-pending']);
  });

  it('owes nothing on a green line that says neither return nor exchange, and says what to write', () => {
    const text = '补发 少了一只袜子 阿青 12/7';
    expect(kinds(PRESET_A, 'green', text)).toEqual(['return-pending']);
    expect(problems(PRESET_A, 'green', text)).toEqual(['绿旗（退换货）缺少必填项“类型”：请写“类型：退货”或“类型：换货”。']);
  });

  it('takes a bare 退货 under the green flag as the request: no refund amount asked for yet', () => {
    expect(problems(PRESET_A, 'green', '退货 七天无理由 阿青 12/7')).toEqual([]);
    expect(problems(PRESET_A, 'green', '退货 阿青 2026-12-07')).toEqual([]);
    // The after-sale record, written once the parcel is back, keeps its own fields.
    expect(problems(PRESET_A, 'green', '【退货】原因：七天无理由｜阿青 2026-12-07').join()).toContain('退款金额');
  });

  it('still asks an exchange for its styles, naming exactly what to write', () => {
    expect(problems(PRESET_A, 'green', '换货 尺码不合适 阿青 12/7')).toEqual([
      '绿旗（退换货）缺少必填项“原款”（类型为“换货”时）：请写“原款：…”。',
      '绿旗（退换货）缺少必填项“换款”（类型为“换货”时）：请写“换款：…”。',
    ]);
  });
});

describe('convention A, other flags typed by hand', () => {
  it('reads the merged order numbers of a blue remark without the 合并订单 label', () => {
    const text = '合并发货 4100223344556677889 4100998877665544332 买家：小桃 阿青 12/7';
    expect(problems(PRESET_A, 'blue', text)).toEqual([]);
    expect(facts(PRESET_A, 'blue', text)[0]).toMatchObject({ kind: 'orders-merged', orders: ['4100223344556677889', '4100998877665544332'] });
  });

  it('still refuses a merge that names one order, saying two are needed', () => {
    expect(problems(PRESET_A, 'blue', '合并 4100223344556677889 买家：小桃 阿青 12/7').join()).toContain('至少要写两个不同的订单号');
  });

  it('reads a new address written after 改地址 without a colon', () => {
    const text = '改地址 南京市鼓楼区中山路8号 阿青12/7';
    expect(problems(PRESET_A, 'yellow', text)).toEqual([]);
    expect(facts(PRESET_A, 'yellow', text)[0]).toMatchObject({ kind: 'contact-changed', address: '南京市鼓楼区中山路8号' });
  });

  it('takes a ship date of today (the restock arrives this morning), and refuses yesterday with the date to write', () => {
    expect(problems(PRESET_A, 'purple', '缺货 12/7 发 阿青 12/7')).toEqual([]);
    expect(kinds(PRESET_A, 'purple', '缺货 12/7 发 阿青 12/7')).toEqual(['ship-promised']);
    expect(problems(PRESET_A, 'purple', '缺货 12/6 发 阿青 12/7')).toEqual([
      '可发货日 2026-12-06 已过（今天是 2026-12-07）：请写今天或以后的日期，例如“可发货日：2026-12-07”。',
    ]);
    expect(buildRemark(PRESET_A, 'purple', { shipDate: today }, { agent, now: Date.UTC(2026, 11, 7, 2), zone: 480 }).ok).toBe(true);
  });

  it('reads a ship date written in Chinese numerals', () => {
    expect(facts(PRESET_A, 'purple', '缺货 预计十二月二十日发 阿青 12/7')[0]).toMatchObject({ kind: 'ship-promised', date: '2026-12-20' });
  });
});

describe('convention B typed by hand', () => {
  it('yellow (an ordinary price change) asks only who changed it', () => {
    expect(problems(PRESET_B, 'yellow', '改价 阿青 12/7')).toEqual([]);
    expect(kinds(PRESET_B, 'yellow', '改价 优惠8元 阿青 12/7')).toEqual(['price-changed']);
  });

  it('yellow still needs the supervisor above the agent\'s limit when an amount is written', () => {
    expect(problems(PRESET_B, 'yellow', '改价 优惠30元 阿青 12/7').join()).toContain('主管同意');
  });

  it('yellow signed without a date is told the date is missing, not the name', () => {
    expect(problems(PRESET_B, 'yellow', '改价 阿青')).toEqual(['备注缺少日期：请在经办人后写上今天的日期（2026-12-07）。']);
  });

  it('red (special handling) reads the courier from 发中通', () => {
    const text = '发中通 阿青 12.7';
    expect(problems(PRESET_B, 'red', text)).toEqual([]);
    expect(facts(PRESET_B, 'red', text)[0]).toMatchObject({ kind: 'courier-requested', courier: '中通' });
  });

  it('red without a courier says what to write', () => {
    expect(problems(PRESET_B, 'red', '特殊处理 加急 阿青 12/7')).toEqual(['红旗（特殊处理）缺少必填项“快递”：请写“快递：…”。']);
  });

  it('green (may be refunded) is money owed', () => {
    expect(kinds(PRESET_B, 'green', '可退款 阿青 2026/12/07')).toEqual(['refund-pending']);
  });
});

describe('the remark form still writes the canonical line', () => {
  it('writes an exchange with its labels, whatever the checker reads by hand', () => {
    const r = buildRemark(PRESET_A, 'green', { kind: '换货', fromStyle: '灰色M', toStyle: '蓝色M' }, { agent, now: Date.UTC(2026, 11, 7, 2), zone: 480 });
    expect(r.ok && r.text).toBe('【退换货】类型：换货｜原款：灰色M｜换款：蓝色M｜阿青 2026-12-07');
  });
});
