import { describe, expect, it } from 'vitest';
import { buildTemplateIndex } from './template-index';
import { classify, type Classification } from './classify';
import { combineSignals } from './combine';
import type { ModelScore } from './model';
import { rankTemplates, type OrderStatus, type RankInput } from './rank';
import { searchTemplates } from './search';
import { STARTER_LIBRARY } from '../templates/starter';
import type { Template } from '../templates/types';

const index = buildTemplateIndex(STARTER_LIBRARY.templates);
const rank = (text: string, orderStatus?: OrderStatus) =>
  rankTemplates(index, { classification: classify([text]), text, orderStatuses: orderStatus ? [orderStatus] : undefined }, 3).map((r) => r.template);
const titles = (text: string, order: Pick<RankInput, 'orderStatuses'>) =>
  rankTemplates(index, { classification: classify([text]), text, ...order }, 3).map((r) => r.template.title);

describe('ranking with the order status shown beside the chat', () => {
  it('gives an unpaid order one payment reminder slot and keeps the rest for what the buyer asked', () => {
    const top = rank('这件能便宜点吗，少点吧', 'unpaid');
    expect(top.filter((t) => t.scenarios.includes('payment'))).toHaveLength(1);
    expect(top.filter((t) => t.scenarios.includes('bargain') && !t.scenarios.includes('payment'))).toHaveLength(2);
  });

  it('lets payment replies fill the list when the buyer asks about paying', () => {
    const top = rank('付不了款怎么办，支付失败了', 'unpaid');
    expect(top.every((t) => t.scenarios.includes('payment'))).toBe(true);
  });

  it('suggests no payment reminder without an unpaid order', () => {
    const top = rank('这件能便宜点吗，少点吧', 'paid');
    expect(top.some((t) => t.scenarios.includes('payment'))).toBe(false);
  });
});

describe('replies that state a fact about the order (Template.orders), on the starter library', () => {
  it('does not answer a bargaining buyer with 已改价请付款 when nobody changed the price', () => {
    const top = titles('能便宜点吗？', { orderStatuses: ['unpaid'] });
    expect(top[0]).not.toBe('已改价请付款');
    expect(top).not.toContain('已改价请付款');
    // The reminder keeps its slot but goes after the answer to the ask (QA re-check: 催付 at Alt+1 for 便宜点).
    expect(top[0]).not.toBe('催付（截单提醒）');
    expect(top).toContain('催付（截单提醒）');
  });

  it('puts the answer to an unpaid buyer’s clear ask before the payment reminder, and the reminder first for small talk', () => {
    expect(titles('还没付款，地址能改吗', { orderStatuses: ['unpaid'] }).slice(0, 2)).toEqual(['修改地址', '催付（截单提醒）']);
    expect(titles('好的我看看', { orderStatuses: ['unpaid'] })[0]).toBe('催付（截单提醒）');
    expect(titles('在吗', { orderStatuses: ['unpaid'] })[0]).toBe('催付（截单提醒）');
  });

  it('does not thank an unpaid buyer for the payment (已付款确认)', () => {
    const top = titles('收到了，谢谢', { orderStatuses: ['unpaid'] });
    expect(top).not.toContain('已付款确认');
    expect(top).not.toContain('下单后道别（收藏店铺）');
  });

  it('does not tell a buyer whose order is paid but not shipped that it has shipped (已发货改地址)', () => {
    for (const text of ['地址写错了能改吗', '我想改个地址']) {
      const top = titles(text, { orderStatuses: ['paid'] });
      expect(top, text).not.toContain('已发货改地址');
      expect(top, text).toContain('修改地址');
    }
    // On a shipped order it is the right reply, and the ones that promise to edit the order are not.
    const shipped = titles('地址写错了能改吗', { orderStatuses: ['shipped'] });
    expect(shipped[0]).toBe('已发货改地址');
    expect(shipped).not.toContain('修改地址');
  });

  it('opens an unpaid-order follow-up with the payment reminder first when the follow-up brings no words of its own', () => {
    const payment = { scores: [{ id: 'payment' as const, score: 1 }], top: ['payment' as const], confident: true, evidence: {} };
    const top = rankTemplates(index, { classification: payment, text: '', orderStatuses: ['unpaid'] }, 3).map((r) => r.template.title);
    expect(top[0]).toBe('催付（截单提醒）');
    expect(top).not.toContain('重复拍下');
  });

  it('judges a condition against every order of the buyer, and the unpaid one for the boost', () => {
    // An unpaid and a refunding order: refund replies stay, the reminder still leads a greeting.
    expect(titles('退款进度怎么样了', { orderStatuses: ['unpaid', 'refunding'] })).toContain('退款进度');
    expect(titles('退款进度怎么样了', { orderStatuses: ['unpaid'] })).not.toContain('退款进度');
    expect(titles('在吗', { orderStatuses: ['completed', 'unpaid', 'closed'] })[0]).toBe('催付（截单提醒）');
    // A closed order says nothing: the reply is judged on the others, or not at all.
    expect(titles('地址写错了能改吗', { orderStatuses: ['closed'] })).toEqual(titles('地址写错了能改吗', {}));
  });

  it('changes nothing when the order status is unknown', () => {
    expect(titles('地址写错了能改吗', {})).toContain('已发货改地址');
    expect(titles('地址写错了能改吗', { orderStatuses: [] })).toEqual(titles('地址写错了能改吗', {}));
  });

  it('gives the unpaid boost only to replies that fit an unpaid order', () => {
    const lib = buildTemplateIndex([
      { id: 'paid-thanks', title: '付款确认', body: '收到您的付款啦', group: 'g', scenarios: ['payment'], orders: ['paid'] },
      { id: 'remind', title: '催付', body: '亲，还没付款哦', group: 'g', scenarios: ['payment'], orders: ['unpaid'] },
      { id: 'any', title: '付款方式', body: '可以用花呗', group: 'g', scenarios: ['payment'] },
    ]);
    const r = rankTemplates(lib, { classification: classify(['在吗']), text: '在吗', orderStatuses: ['unpaid', 'paid'] }, 3);
    // The buyer also has a paid order, so 付款确认 may be true; it is not lifted by the unpaid one.
    expect(r.map((x) => x.template.id)).toEqual(['remind']);
    const all = rankTemplates(lib, { classification: classify(['怎么付款']), text: '怎么付款', orderStatuses: ['unpaid', 'paid'] }, 3);
    expect(all.find((x) => x.template.id === 'paid-thanks')?.reasons.some((x) => x.signal === 'order')).toBe(false);
  });

  it('keeps a reply the order rules out findable by search', () => {
    expect(searchTemplates(index, '已发货改地址', 3).map((h) => h.template.title)).toContain('已发货改地址');
  });
});

describe('replies for the situations the chips show (QA pass B, defect 5), on the starter library', () => {
  const model = (...pairs: [string, number][]): ModelScore[] => pairs.map(([id, p]) => ({ id, p }) as ModelScore);
  /** What the panel ranks with once the background's model reading has arrived. */
  const ranked = (text: string, reading: ModelScore[], limit = 3) => {
    const classification = combineSignals(classify([text]), { model: reading, chars: [...text].length });
    return { chips: classification.top, cards: rankTemplates(index, { classification, text }, limit) };
  };
  const forShownChip = (chips: string[], t: Template) => t.scenarios.some((s) => chips.includes(s));

  it('answers a long complaint with return and quality replies, however often the buyer repeats the story', () => {
    const story = '上个月买的风衣今天才拆开，收到后发现扣子掉了两颗，下摆还开线了，颜色跟详情页也差很多，';
    // The model reads such a message as a return question (as the shipped model does).
    const reading = model(['return', 0.93], ['quality', 0.05], ['other', 0.01]);
    for (const times of [1, 5, 35]) {
      const text = story.repeat(times) + '这种情况可以退吗？';
      const { chips, cards } = ranked(text, reading);
      expect(chips.slice(0, 2), `${text.length} chars`).toEqual(['return', 'quality']);
      expect(chips, `${text.length} chars`).not.toContain('thanks');
      // Alt+1 is the reply for both the defect and the return: before the buyer says a photo was sent,
      // the one asking for photos, not 质量问题处理方案's "照片看到了，确实是我们的问题" (QA pass N, defect 4).
      expect(cards[0]!.template.title, `${text.length} chars`).toBe('质量问题请拍照');
      expect(cards.map((c) => c.template.title), `${text.length} chars`).not.toContain('质量问题处理方案');
      expect(cards.every((c) => forShownChip(chips, c.template)), `${text.length} chars`).toBe(true);
    }
  });

  it('keeps the replies for the shown situations ahead of one the chips leave out, even when it scores higher', () => {
    // As combineSignals hands it over: the chips' blended scores, then a weaker cue need whose own
    // score is on another scale (a colour word repeated through a complaint).
    const classification: Classification = {
      scores: [{ id: 'return', score: 0.75 }, { id: 'quality', score: 0.47 }, { id: 'wrong-item', score: 0.38 }, { id: 'product-info', score: 0.85 }],
      top: ['return', 'quality', 'wrong-item'],
      confident: true,
      evidence: {},
    };
    const cards = rankTemplates(index, { classification, text: '扣子掉了，颜色也不对，可以退吗' }, 3);
    expect(cards.map((c) => c.template.scenarios.some((s) => classification.top.includes(s)))).toEqual([true, true, true]);
    // Each card's "why" names a situation the agent can see.
    expect(cards.every((c) => classification.top.includes(c.reasons.find((r) => r.scenario)!.scenario!))).toBe(true);
  });

  it('does not answer a colour question with a sold-out notice for sharing 这个颜色 with it', () => {
    // The model gives stock 28 %: no chip beside a question about the goods with no stock word of the buyer's
    // (combine.ts modelUnbackedAt), but stock still follows in the list the ranking reads: the sold-out reply is a candidate.
    const { chips, cards } = ranked('这个颜色衬肤色吗', model(['other', 0.36], ['product-info', 0.33], ['stock', 0.28]), 20);
    expect(chips).toEqual(['product-info']);
    expect(cards[0]!.template.title).toBe('颜色与色差');
    const soldOut = cards.findIndex((c) => c.template.title === '断货待补');
    expect(soldOut).toBeGreaterThanOrEqual(3);
    // Half of the question (衬肤色) is in no reply: the overlap counts as half, not whole.
    expect(cards[soldOut]!.reasons.find((r) => r.signal === 'words')!.value).toBeLessThan(0.4);
  });

  it('keeps a learned pick for a situation the chips do not show behind the replies for the shown one', () => {
    const classification: Classification = { scores: [{ id: 'quality', score: 0.7 }], top: ['quality'], confident: true, evidence: {} };
    const cards = rankTemplates(index, { classification, text: '扣子掉了', learned: { 'product-color': 1 } }, 3);
    expect(cards.map((c) => c.template.scenarios.includes('quality'))).toEqual([true, true, true]);
  });
});
