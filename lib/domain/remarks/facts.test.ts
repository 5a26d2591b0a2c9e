import { describe, expect, it } from 'vitest';
import { financeLine, remarkFacts } from './facts';
import { parseRemark } from './format';
import { PRESET_A, PRESET_B } from './presets';

const sig = '｜张三 2026-11-23';
const factsA = (text: string) => remarkFacts(parseRemark(text, PRESET_A), '3456789012345678', 'buyer1');
const factsB = (text: string) => remarkFacts(parseRemark(text, PRESET_B), '3456789012345678', 'buyer1');

describe('remarkFacts', () => {
  it('turns a purple remark in A into a promised ship date', () => {
    expect(factsA(`【延迟发货】可发货日:2026-11-28｜原因:缺货${sig}`)).toEqual([{
      orderId: '3456789012345678', buyer: 'buyer1', source: 'purple', agent: '张三', writtenOn: '2026-11-23',
      kind: 'ship-promised', date: '2026-11-28', reason: '缺货',
    }]);
  });

  it('reads the promised date of a purple remark typed in shipping talk, signed or not', () => {
    expect(factsA('缺货 2026-11-28 发 张三 2026-11-23')).toEqual([
      expect.objectContaining({ kind: 'ship-promised', date: '2026-11-28', agent: '张三', writtenOn: '2026-11-23' }),
    ]);
    const unsigned = remarkFacts(parseRemark('2026-11-28前发货', PRESET_A, { expect: 'purple' }), '3456789012345678', 'buyer1');
    expect(unsigned).toEqual([expect.objectContaining({ kind: 'ship-promised', date: '2026-11-28' })]);
    expect(unsigned[0]).not.toHaveProperty('agent');
  });

  it('promises nothing when the ship date is not a date', () => {
    expect(factsA(`【延迟发货】可发货日:下周${sig}`)).toEqual([]);
  });

  it('turns a green return in A into a pending return and refund', () => {
    expect(factsA(`【退换货】类型:退货${sig}`).map((f) => f.kind)).toEqual(['return-pending', 'refund-pending']);
  });

  it('turns a green exchange in A into a pending exchange parcel', () => {
    const f = factsA(`【退换货】类型:换货｜原款:白M｜换款:白L${sig}`);
    expect(f).toEqual([expect.objectContaining({ kind: 'return-pending', exchange: true, fromStyle: '白M', toStyle: '白L' })]);
  });

  it('owes the buyer the postage of a quality return or exchange, not of one the buyer pays for', () => {
    const green = (text: string) => remarkFacts(parseRemark(text, PRESET_A, { today: '2026-11-23', expect: 'green' }), '1', 'b');
    const postage = (text: string) => green(text).filter((f) => f.kind === 'postage-refund-pending');
    for (const owed of [
      '换货：藏青M→藏青L，无差价，质量问题运费店铺承担 张三 11/23',
      '换货 藏青M→藏青L 店铺出运费 张三 11/23',
      '退货 开线了 运费我们承担 张三 11/23',
      '【退换货】类型：换货｜原款：藏青M｜换款：藏青L｜原因：质量问题｜张三 2026-11-23',
    ]) expect(postage(owed), owed).toEqual([expect.objectContaining({ kind: 'postage-refund-pending', orderId: '1', source: 'green' })]);
    // The amount when the line gives it.
    expect(postage(`【退换货】类型：换货｜原款：藏青M｜换款：藏青L｜运费：12元｜原因：质量问题，运费店铺出${sig}`)).toEqual([
      expect.objectContaining({ amountYuan: 12 }),
    ]);
    for (const none of [
      '换货：藏青M→藏青L，补差价10元，运费买家出 张三 11/23',
      '换货：藏青M→藏青L，非质量问题，买家承担运费 张三 11/23',
      '换货：藏青M→藏青L，质量问题，运费已退 张三 11/23',
      '换货：藏青M→藏青L，不是质量问题 张三 11/23',
      `【退换货】类型：换货｜原款：藏青M｜换款：藏青L｜运费：12元${sig}`,
      '换货：藏青M→藏青L，有运费险 张三 11/23',
    ]) expect(postage(none), none).toEqual([]);
  });

  it('tells the customer notes about a changed address and phone', () => {
    expect(factsA(`【信息变更】新地址:浙江省杭州市西湖区文三路1号｜新电话:13812345678${sig}`)).toEqual([
      expect.objectContaining({ kind: 'contact-changed', address: '浙江省杭州市西湖区文三路1号', phone: '13812345678' }),
    ]);
  });

  it('lists merged orders', () => {
    expect(factsA(`【合并发货】合并订单:111111111/222222222｜买家:小明${sig}`)[0]).toMatchObject({ kind: 'orders-merged', orders: ['111111111', '222222222'] });
  });

  it('marks a gray A remark as an invalid order', () => {
    expect(factsA(`【无效订单】原因:重复拍下${sig}`)[0]).toMatchObject({ kind: 'invalid-order', reason: '重复拍下' });
  });

  it('turns green in B into a pending refund with its amount', () => {
    expect(factsB(`【可退款】退款金额:59.9元${sig}`)[0]).toMatchObject({ kind: 'refund-pending', amountYuan: 59.9 });
  });

  it('turns B purple and blue into open issues', () => {
    expect(factsB(`【未发货问题】原因:缺货｜可发货日:2026-11-30${sig}`).map((f) => f.kind)).toEqual(['issue-open', 'ship-promised']);
    expect(factsB(`【已发货问题】原因:物流不动${sig}`)[0]).toMatchObject({ kind: 'issue-open', shipped: true });
  });

  it('records a B price change with its supervisor', () => {
    expect(factsB(`【改价】改价金额:30元｜主管同意:王五${sig}`)[0]).toMatchObject({ kind: 'price-changed', amountYuan: 30, supervisor: '王五' });
  });

  it('owes the buyer postage on a quality exchange not yet refunded', () => {
    const f = factsA(`【质量换货】质量问题:开线｜退回款式:白M｜换款式:白L｜运费:12元｜已退运费:否｜已登记:否${sig}`);
    expect(f.map((x) => x.kind)).toEqual(['return-pending', 'postage-refund-pending', 'record-pending']);
    expect(f[1]).toMatchObject({ amountYuan: 12 });
  });

  it('asks for a postage top-up on a non-quality exchange', () => {
    const f = factsA(`【非质量换货】原因:偏小｜退回款式:白M｜换款式:白L｜需补运费:是｜运费:10元｜已登记:是${sig}`);
    expect(f.map((x) => x.kind)).toEqual(['return-pending', 'postage-topup-pending']);
  });

  it('sends a compensation to finance with amount and account', () => {
    const f = factsA(`【折价补偿】质量问题:线头｜补偿金额:8元｜买家账号:buyer1${sig}`);
    expect(f).toEqual([expect.objectContaining({ kind: 'compensation-pending', amountYuan: 8, defect: '线头', account: 'buyer1' })]);
  });

  it('writes the finance line for a compensation: shop, account, reason, amount, time', () => {
    const [f] = factsA(`【折价补偿】质量问题:线头｜补偿金额:8元${sig}`);
    expect(f?.kind).toBe('compensation-pending');
    if (f?.kind !== 'compensation-pending') return;
    expect(financeLine(f, '小美服饰')).toBe('店铺:小美服饰｜账号:buyer1｜原因:线头｜金额:8元｜时间:2026-11-23');
  });

  it('gives nothing for a line that matches no rule', () => {
    expect(factsA('随便写写')).toEqual([]);
  });
});

describe('after-sale money the follow-up list is told to pay', () => {
  const today = '2026-11-23';
  const checked = (text: string) => remarkFacts(parseRemark(text, PRESET_A), '3456789012345678', 'buyer1', { ruleSet: PRESET_A, today });

  it('a return record says what was refunded: the parcel is awaited, nothing more is to pay', () => {
    expect(checked(`【退货】原因:尺码不合适｜款式:灰色XL｜退款金额:129元${sig}`).map((f) => f.kind)).toEqual(['return-pending']);
  });

  it('a green 退货 remark: the refund follows the returned parcel', () => {
    const f = checked(`【退换货】类型:退货｜原款:灰色XL${sig}`);
    expect(f.map((x) => x.kind)).toEqual(['return-pending', 'refund-pending']);
    expect(f[1]).toMatchObject({ afterReturn: true });
  });

  it('compensation over the postage without 主管同意 fails the check and orders no payment; with it, it does', () => {
    expect(checked(`【折价补偿】质量问题:脱线｜补偿金额:25元${sig}`)).toEqual([]);
    expect(checked(`【折价补偿】质量问题:脱线｜补偿金额:25元｜主管同意:王五${sig}`).map((f) => f.kind)).toEqual(['compensation-pending']);
  });
});
