import { describe, expect, it } from 'vitest';
import type { Template } from '../templates/types';
import { classify, type Classification } from './classify';
import { rankTemplates } from './rank';
import { buildTemplateIndex } from './template-index';

const T = (id: string, scenarios: Template['scenarios'], title: string, body: string, group = '默认', code?: string): Template =>
  code ? { id, title, body, group, scenarios, code } : { id, title, body, group, scenarios };

const library: Template[] = [
  T('ship-std', ['shipping-time'], '发货时间', '亲，{截单时间}前付款当天发货，之后的订单次日发出哦。', '发货物流', 'fh'),
  T('ship-sf', ['shipping-time', 'courier'], '顺丰发货说明', '亲，默认发中通，需要顺丰可以补差价，当天发出。', '发货物流', 'sf'),
  T('ship-warm', ['shipping-time'], '老客发货', '老朋友又见面啦！您的宝贝今天就给您安排发出～', '老客专享'),
  T('greet-new', ['greeting'], '新客欢迎', '您好，欢迎光临，有什么可以帮您？', '欢迎问候', 'hi'),
  T('greet-old', ['greeting'], '老客欢迎', '欢迎回来呀，上次的宝贝还满意吗？', '欢迎问候', 'lk'),
  T('pay-remind', ['payment'], '催付提醒', '亲，您的订单还没有付款哦，{截单时间}前付款今天就能发货。', '付款催付', 'cf'),
  T('return-std', ['return'], '退货流程', '亲，签收七天内可以申请七天无理由退货，商品不影响二次销售即可。', '售后退换', 'th'),
  T('return-calm', ['return', 'complaint'], '退货安抚', '非常抱歉给您带来不好的体验，我们马上为您处理退货。', '售后退换'),
  T('size', ['size-fit'], '尺码推荐', '亲，方便说下身高体重吗？我帮您推荐尺码。', '尺码推荐', 'cm'),
];
const index = buildTemplateIndex(library);

const rank = (text: string, extra: Partial<Parameters<typeof rankTemplates>[1]> = {}, limit = 3) =>
  rankTemplates(index, { classification: classify([text]), text, ...extra }, limit);

describe('rankTemplates', () => {
  it('puts the reply the agent chose for a similar message first, saying so', () => {
    expect(rank('几时发货呀')[0]!.template.id).toBe('ship-std');
    const r = rank('几时发货呀', { learned: { 'ship-sf': 1 } });
    expect(r[0]!.template.id).toBe('ship-sf');
    expect(r[0]!.reason).toBe('learned');
  });

  it('offers templates of the classified scenario first, with the reason', () => {
    const r = rank('几时发货呀');
    expect(r[0]!.template.scenarios).toContain('shipping-time');
    expect(r[0]!.reason).toBe('scenario');
    expect(r.every((x) => x.score > 0)).toBe(true);
  });

  it('prefers the template that shares the buyer\'s words (顺丰)', () => {
    expect(rank('今天能发货吗，能走顺丰吗')[0]!.template.id).toBe('ship-sf');
  });

  it('moves what this agent used before in the same scenario up', () => {
    const before = rank('今天能发货吗').map((x) => x.template.id);
    const target = before[before.length - 1]!;
    expect(before[0]).not.toBe(target);
    const usage = { [target]: { count: 12, lastUsed: Date.now() - 3600_000, byScenario: { 'shipping-time': 12 } } };
    const after = rank('今天能发货吗', { usage });
    expect(after[0]!.template.id).toBe(target);
    expect(after[0]!.reasons.map((x) => x.signal)).toContain('usage');
  });

  it('counts usage in another scenario for less than usage in this one', () => {
    const now = Date.now();
    const same = rank('今天能发货吗', { now, usage: { 'ship-sf': { count: 5, lastUsed: now, byScenario: { 'shipping-time': 5 } } } });
    const other = rank('今天能发货吗', { now, usage: { 'ship-sf': { count: 5, lastUsed: now, byScenario: { courier: 5 } } } });
    const s = (r: typeof same) => r.find((x) => x.template.id === 'ship-sf')!.score;
    expect(s(same)).toBeGreaterThan(s(other));
  });

  it('puts the payment reminder first when the order is unpaid', () => {
    expect(rank('在吗', { orderStatuses: ['unpaid'] })[0]!.template.id).toBe('pay-remind');
    expect(rank('今天能发货吗', { orderStatuses: ['unpaid'] })[0]!.template.id).toBe('pay-remind');
    expect(rank('在吗', { orderStatuses: ['unpaid'] })[0]!.reason).toBe('order');
  });

  it('after the cut-off, does not lead with a payment reminder that names the cut-off as today’s deadline', () => {
    // The QA pass: at 23:03 Beijing (cut-off 16:00) the unpaid buyer's Alt+1 was 今天{截单时间}前付款….
    const lib = buildTemplateIndex([
      ...library,
      T('pay-any-hour', ['payment'], '催付（按时间）', '亲，看到您拍下的宝贝还没付款哦～{付款发货}，早付款早收到。', '付款催付'),
    ]);
    const shop = { cutoff: '16:00', zone: 480 };
    const beijing = (h: number) => Date.UTC(2026, 11, 3, h - 8, 3);
    const top = (text: string, now: number) =>
      rankTemplates(lib, { classification: classify([text]), text, orderStatuses: ['unpaid'], now, shop }).map((r) => r.template.id);
    // Before the cut-off the library's own order decides: its first reminder leads.
    expect(top('在吗', beijing(15))[0]).toBe('pay-remind');
    // After it, the reminder true at any hour takes the order's slot; the deadline one is not led with.
    expect(top('在吗', beijing(23))[0]).toBe('pay-any-hour');
    expect(top('在吗', beijing(23))).not.toContain('pay-remind');
    // Even when the buyer asks about paying, it comes after the one that is true now.
    expect(top('怎么付款', beijing(15))[0]).toBe('pay-remind');
    expect(top('怎么付款', beijing(23))[0]).toBe('pay-any-hour');
    // Without the shop's cut-off the ranking does not look at the hour.
    expect(rankTemplates(lib, { classification: classify(['在吗']), text: '在吗', orderStatuses: ['unpaid'], now: beijing(23) })[0]!.template.id).toBe('pay-remind');
  });

  it('does not let an unconfirmed cut-off (the default 16:00, never set by the owner) decide which reply leads', () => {
    // Day one: the shop's warehouse may cut off at 18:00; at 17:03 the 16:00 guess must not drop the reminder.
    const lib = buildTemplateIndex([
      ...library,
      T('pay-any-hour', ['payment'], '催付（按时间）', '亲，看到您拍下的宝贝还没付款哦～{付款发货}，早付款早收到。', '付款催付'),
    ]);
    const beijing = (h: number) => Date.UTC(2026, 11, 3, h - 8, 3);
    const top = (shop: { cutoff: string; zone: number; cutoffUnconfirmed?: boolean }) =>
      rankTemplates(lib, { classification: classify(['在吗']), text: '在吗', orderStatuses: ['unpaid'], now: beijing(17), shop }).map((r) => r.template.id);
    expect(top({ cutoff: '16:00', zone: 480, cutoffUnconfirmed: true })[0]).toBe('pay-remind');
    // Once the owner has confirmed 16:00, it is past at 17:03 and the reminder true now leads.
    expect(top({ cutoff: '16:00', zone: 480 })[0]).toBe('pay-any-hour');
  });

  it('after a time the shop wrote out as today’s deadline (今天16:00前), does not lead with that reply, whatever the cut-off setting', () => {
    // QA: the shop's own reply said 今天16:00前 in words; at 17:00 it still took Alt+2 for an unpaid buyer.
    const lib = buildTemplateIndex([
      T('pay-clock', ['payment'], '催付（写明时间）', '亲，您拍下的宝贝还没付款哦，今天16:00前付款当天就能发出～', '付款催付'),
      ...library,
      T('pay-any-hour', ['payment'], '催付（按时间）', '亲，看到您拍下的宝贝还没付款哦～{付款发货}，早付款早收到。', '付款催付'),
    ]);
    const shop = { cutoff: '18:00', zone: 480 };
    const beijing = (h: number) => Date.UTC(2026, 11, 3, h - 8, 3);
    const top = (text: string, now: number) =>
      rankTemplates(lib, { classification: classify([text]), text, orderStatuses: ['unpaid'], now, shop }).map((r) => r.template.id);
    expect(top('在吗', beijing(15))[0]).toBe('pay-clock');
    // 17:03: before the shop's cut-off (18:00), after the time the reply gives the buyer.
    expect(top('在吗', beijing(17))).not.toContain('pay-clock');
    expect(top('在吗', beijing(17))[0]).not.toBe('pay-clock');
    // Even when the buyer asks about paying, it comes after the reminders true now (the cut-off's is, till 18:00).
    expect(top('怎么付款', beijing(15))[0]).toBe('pay-clock');
    const asked = top('怎么付款', beijing(17));
    expect(asked.slice(0, 2).sort()).toEqual(['pay-any-hour', 'pay-remind']);
    // Another day's time is no deadline of today's.
    const tomorrow = buildTemplateIndex([T('pay-tomorrow', ['payment'], '催付（明天）', '亲，明天10点前付款也能赶上第一批发货～', '付款催付'), ...library]);
    expect(rankTemplates(tomorrow, { classification: classify(['在吗']), text: '在吗', orderStatuses: ['unpaid'], now: beijing(17), shop })[0]!.template.id).toBe('pay-tomorrow');
  });

  it('does not push a payment reminder over an after-sale need', () => {
    expect(rank('我想退货', { orderStatuses: ['unpaid'] })[0]!.template.scenarios).toContain('return');
  });

  it('greets returning and VIP buyers with the warmer template, new buyers with the standard one', () => {
    expect(rank('在吗', { buyer: { segment: 'returning' } })[0]!.template.id).toBe('greet-old');
    expect(rank('在吗', { buyer: { segment: 'vip' } })[0]!.template.id).toBe('greet-old');
    expect(rank('在吗', { buyer: { segment: 'new' } })[0]!.template.id).toBe('greet-new');
  });

  it('offers the calming template to a difficult buyer', () => {
    expect(rank('我想退货', { buyer: { segment: 'difficult' } })[0]!.template.id).toBe('return-calm');
  });

  it('suggests nothing for a pasted order card with no history', () => {
    expect(rank('订单号:[订单x] 商品ID:[数字x] 数量:[数字x]')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(rank('今天能发货吗', {}, 1)).toHaveLength(1);
  });

  it('reads a tone field when the template has one', () => {
    const lib = [
      T('a', ['thanks'], '结束语', '感谢光临，祝您生活愉快。'),
      { ...T('b', ['thanks'], '结束语二', '谢谢亲，下次再来哦。'), tone: 'warm' } as Template,
    ];
    const idx = buildTemplateIndex(lib);
    const r = rankTemplates(idx, { classification: classify(['好的多谢']), text: '好的多谢', buyer: { segment: 'vip' } });
    expect(r[0]!.template.id).toBe('b');
  });
});

describe('rankTemplates: the shown situations first', () => {
  it('lets a reply holding most of the buyer\'s words through, but not one merely scoring higher in a scenario the chips left out', () => {
    const classification: Classification = {
      // The chips show a greeting; size-fit scores higher but is not shown (as combineSignals lists it).
      scores: [{ id: 'greeting', score: 0.5 }, { id: 'size-fit', score: 0.9 }],
      top: ['greeting'],
      confident: true,
      evidence: {},
    };
    const r = rankTemplates(index, { classification, text: '默认发中通吗？补差价能换顺丰吗' }, 4).map((x) => x.template.id);
    // 顺丰发货说明 holds most of what was asked: strong enough to be shown with the greeting's replies.
    expect(r.slice(0, 2).sort()).toEqual(['greet-new', 'greet-old']);
    expect(r[2]).toBe('ship-sf');
    expect(r[3]).toBe('size');
  });

  it('counts the buyer\'s words that no template has, so a long message dilutes any overlap', () => {
    const words = (text: string) =>
      rank(text, {}, 9).find((x) => x.template.id === 'ship-sf')?.reasons.find((x) => x.signal === 'words')?.value ?? 0;
    const short = words('补差价能换顺丰吗');
    const long = words('补差价能换顺丰吗？我在山区，收件人白天不在家，门卫也不代收，快递员最好提前打电话');
    expect(short).toBeGreaterThan(0.25);
    expect(long).toBeLessThan(short / 3);
  });
});
