/**
 * Our own guard never holds our own starter replies. guard/check.test.ts checks the bodies as written
 * (fill-ins still in braces); what the agent inserts is the rendered text, with the shop's variables
 * and the fill-ins typed in — {付款发货} becomes a sentence, {补偿金额?} an amount. Every reply is
 * rendered here as an agent would send it, with money fill-ins at the shop's default limits (an agent
 * may grant 20 yuan alone, compensation up to the postage, 10), and run through the guard with its
 * default settings on every platform. The sample values are our own; every fill-in of the starter
 * must have one, so a new reply cannot slip past this test.
 */
import { describe, expect, it } from 'vitest';
import { checkReply, isBlocking } from '../guard/check';
import { GUARD_PLATFORMS } from '../guard/types';
import { DEFAULT_LIMITS } from '../remarks/presets';
import { STARTER_LIBRARY } from './starter';
import { listVariables, renderTemplate, type RenderContext } from './variables';

/** What an agent would type into each fill-in; money at the default limits, not below them. */
const SAMPLE: Record<string, string> = {
  面料: '95%棉',
  颜色: '雾霾蓝',
  使用步骤: '先充满电，再长按开关三秒开机',
  推荐款: '左边那款',
  搭配款: '同系列的收纳盒',
  补货日期: '12月10日',
  身高体重: '165cm/110斤',
  推荐尺码: 'M',
  平时尺码: '38',
  礼品包装: '免费礼品袋和手写贺卡（礼盒另加5元）',
  偏远地区运费: '新疆、西藏每单加10元，港澳台和海外暂不发货',
  模特身材: '168cm/98斤',
  模特尺码: 'S',
  版型: '宽松',
  赠品: '一包试用装',
  优惠金额: String(DEFAULT_LIMITS.agentDiscountYuan),
  活动内容: '满199减20',
  活动截止: '本周日24点',
  满减门槛: '199',
  减免金额: '20',
  价保天数: '15',
  收货人: '王女士',
  电话: '138****5678',
  地址: '杭州市西湖区文三路100号',
  运费: '8',
  金额: '129',
  支付方式: '支付宝、花呗和信用卡',
  到货天数: '2到3',
  发货地: '浙江杭州',
  默认快递: '中通',
  顺丰差价: '12',
  可达快递: '邮政',
  快递: '韵达',
  单号: '4312345678901',
  物流位置: '杭州转运中心',
  延迟原因: '厂家备货慢了两天',
  可发日期: '12月9日',
  商品: '保温杯（白色）',
  新地址: '南京市鼓楼区中山路8号',
  退货地址: '浙江省杭州市余杭区仓前街道1号仓',
  收件人: '售后组',
  退货电话: '0571-12345678',
  运费金额: '10',
  颜色规格: '白色大号',
  换新发出日: '明天',
  寄回件物流: '还在运输途中',
  退货进度: '仓库已签收，正在验货',
  退款金额: '129',
  补偿金额: String(DEFAULT_LIMITS.postageYuan),
  保修期: '一年',
  售后地址: '浙江省杭州市余杭区仓前街道1号仓售后组',
  处理方案: '给您补寄了缺少的配件',
};

const base = { agentName: '小周', shopName: '好物小铺', buyer: 'tb_1234', cutoff: '16:00', zone: 480 } as const;
/** Before the cut-off, after it, and before the owner confirmed one (the agent types it). */
const MOMENTS: [string, RenderContext, Record<string, string>][] = [
  ['10:00 Beijing', { ...base, now: Date.UTC(2026, 11, 7, 2) }, {}],
  ['21:30 Beijing', { ...base, now: Date.UTC(2026, 11, 7, 13, 30) }, {}],
  ['cut-off not confirmed', { ...base, now: Date.UTC(2026, 11, 7, 2), cutoffUnconfirmed: true }, { 截单时间: '15:00' }],
];

describe('the guard and the starter replies as an agent sends them', () => {
  it('has a sample value for every fill-in a starter reply asks for', () => {
    const asked = STARTER_LIBRARY.templates.flatMap((t) => listVariables(t.body).filter((v) => v.kind !== 'known').map((v) => `${t.id}: ${v.name}`));
    expect(asked.filter((a) => !(a.split(': ')[1]! in SAMPLE))).toEqual([]);
  });

  it.each(MOMENTS)('holds none of them, rendered at %s, on any platform, with the default limits', (_, ctx, extra) => {
    const held: string[] = [];
    let checked = 0;
    for (const t of STARTER_LIBRARY.templates) {
      const r = renderTemplate(t.body, ctx, { ...SAMPLE, ...extra });
      expect(r.missing, t.id).toEqual([]);
      for (const platform of GUARD_PLATFORMS) {
        const found = checkReply(r.text, { platform });
        checked++;
        if (isBlocking(found)) held.push(`${platform} ${t.id}: ${found.map((f) => `${f.ruleId} 「${f.words}」`).join('；')}`);
        // Not even a warning: a starter reply is the example of what to send.
        else expect(found.map((f) => `${f.ruleId} 「${f.words}」`), `${platform} ${t.id}: ${r.text}`).toEqual([]);
      }
    }
    expect(held).toEqual([]);
    expect(checked).toBe(STARTER_LIBRARY.templates.length * GUARD_PLATFORMS.length);
  });

  it('does hold a money reply filled in over the limit — the test can see a hold', () => {
    const discount = STARTER_LIBRARY.templates.find((t) => t.id === 'bargain-small-discount')!;
    const over = renderTemplate(discount.body, MOMENTS[0]![1], { ...SAMPLE, 优惠金额: String(DEFAULT_LIMITS.agentDiscountYuan + 30) }).text;
    expect(isBlocking(checkReply(over, { platform: 'taobao' }))).toBe(true);
    const compensation = STARTER_LIBRARY.templates.find((t) => t.id === 'quality-options')!;
    const more = renderTemplate(compensation.body, MOMENTS[0]![1], { ...SAMPLE, 补偿金额: String(DEFAULT_LIMITS.postageYuan + 20) }).text;
    expect(isBlocking(checkReply(more, { platform: 'taobao' }))).toBe(true);
  });
});
