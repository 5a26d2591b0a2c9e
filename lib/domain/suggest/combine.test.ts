import { describe, expect, it } from 'vitest';
import { classify, type Classification } from './classify';
import { combineSignals, COMBINE } from './combine';
import { LearnedMemory, makePick, maskForMemory, type LearnedRecall } from './learned';
import type { ModelScore } from './model';

const model = (...pairs: [string, number][]): ModelScore[] => pairs.map(([id, p]) => ({ id, p }) as ModelScore);
const recall = (id: string, best: number, count = 1): LearnedRecall =>
  ({ scenarios: [{ id, weight: best * count, count }], templates: {}, best, bestShared: 12 }) as LearnedRecall;

describe('combineSignals', () => {
  it('keeps abstaining on chit-chat when the model is not sure either', () => {
    const c = combineSignals(classify(['哈哈哈']), { model: model(['other', 0.5], ['tracking', 0.4]) });
    expect(c.confident).toBe(false);
    expect(c.top).toEqual([]);
  });

  it('lets a very sure model answer alone when no cue fired, and says so in the evidence', () => {
    const cues = classify(['这款车载支架卡不卡得住大屏']);
    expect(cues.confident).toBe(false);
    const c = combineSignals(cues, { model: model(['product-info', COMBINE.modelAlone + 0.02], ['other', 0.05]) });
    expect(c.top[0]).toBe('product-info');
    expect(c.evidence['product-info']).toContain(`model ${Math.round((COMBINE.modelAlone + 0.02) * 100)}%`);
  });

  it('gives no chip to a need the cues rule out, however the model leans (少6吧 is no goods short)', () => {
    const cues = classify(['少6吧']);
    expect(cues.top).toEqual(['bargain']);
    expect(cues.evidence['wrong-item']).toContain('negated');
    const c = combineSignals(cues, { model: model(['wrong-item', 0.55], ['bargain', 0.3], ['other', 0.1]) });
    expect(c.top).toEqual(['bargain']);
    // A need the cues say nothing against is still added from the model.
    const plain = combineSignals(classify(['便宜点吧']), { model: model(['wrong-item', 0.55], ['bargain', 0.3]) });
    expect(plain.top).toContain('wrong-item');
  });

  it('keeps a strong, clear cue reading first even when the model prefers another need', () => {
    const cues = classify(['这个能用消费券吗']);
    expect(cues.scores[0]!.id).toBe('promotion');
    const c = combineSignals(cues, { model: model(['product-info', 0.9], ['promotion', 0.05], ['other', 0.05]) });
    expect(c.top.slice(0, 2)).toEqual(['promotion', 'product-info']);
  });

  it('shows no more chips than the three cards, the cue-led need first and the others by the blend (walk, 2026-12-07, fifth round)', () => {
    const cues = classify(['满减怎么算']);
    expect(cues.scores[0]!.id).toBe('promotion');
    const c = combineSignals(cues, { model: model(['quality', 0.22], ['cancel-order', 0.21], ['bargain', 0.18], ['return', 0.16], ['promotion', 0.1]) });
    expect(c.top).toEqual(['promotion', 'quality', 'cancel-order']);
    // The needs past the cap still follow the chips in the ranking's list.
    expect(c.scores.slice(3).map((s) => s.id)).toEqual(expect.arrayContaining(['bargain', 'return']));
  });

  it('lets the model reorder a cue reading that has no clear lead', () => {
    // Two needs with equal cue evidence: the model's preference decides which comes first.
    const cues = classify(['发票和快递单号都发我']);
    const [a, b] = cues.scores;
    expect(a!.score - b!.score).toBeLessThan(COMBINE.cueLeadMargin);
    const c = combineSignals(cues, { model: model([b!.id, 0.9], ['other', 0.1]) });
    expect(c.top[0]).toBe(b!.id);
  });

  it('fills empty slots after the cues with the model’s likely needs', () => {
    const cues = classify(['发票什么时候开']);
    const c = combineSignals(cues, { model: model(['invoice', 0.6], ['shipping-time', 0.3], ['other', 0.1]) });
    expect(c.top.slice(0, 2)).toEqual(['invoice', 'shipping-time']);
  });

  it('puts the agent’s own pick for a near-identical message first, tagged as learned', () => {
    const cues = classify(['包装破了']);
    const c = combineSignals(cues, { model: model(['damaged', 0.9]), learned: recall('return', 0.9, 2) });
    expect(c.top[0]).toBe('return');
    expect(c.top).toContain('damaged');
    expect(c.evidence.return).toContain('learned 2');
  });

  it('lets a pick answer a short message alone only when it is that message again, not when it shares two or three n-grams', () => {
    const memory = new LearnedMemory([
      makePick({ message: '办好没亲', scenario: 'invoice', templateId: 'tpl-i', source: 'insert' }, 1)!,
      makePick({ message: '咖啡机的蒸汽棒堵住了 喷不出气', scenario: 'repair', source: 'chip' }, 2)!,
    ]);
    const read = (text: string) => combineSignals(classify([text]), { learned: memory.recall(maskForMemory(text)) });
    // 办好没 shares 办好/好没/办好没 with the pick (cosine 0.77) but could follow up on anything.
    expect(classify(['办好没']).confident).toBe(false);
    expect(read('办好没').top).toEqual([]);
    expect(read('办好没亲').top[0]).toBe('invoice');
    // A longer message alike in many n-grams (cosine 0.66) is the agent's own situation again.
    expect(read('我家咖啡机蒸汽棒堵住了，喷不出气怎么办').top[0]).toBe('repair');
  });

  it('does not let a pick for the same follow-up words (接下来呢) speak for another conversation', () => {
    const memory = new LearnedMemory([makePick({ message: '接下来呢', scenario: 'refund-status', source: 'insert' }, 1)!]);
    const learned = memory.recall(maskForMemory('接下来呢'));
    expect(learned?.best).toBeGreaterThan(0.9);
    // First message of a conversation: the pick is that message again, it answers.
    expect(combineSignals(classify(['接下来呢']), { learned }).top[0]).toBe('refund-status');
    // After a question about a parcel, 接下来呢 follows the parcel.
    const c = combineSignals(classify(['我的快递到哪了', '接下来呢']), { learned });
    expect(c.top[0]).toBe('tracking');
    expect(c.top).not.toContain('refund-status');
    expect(c.followUp).toBe(true);
  });

  it('ignores learned picks for messages that are only faintly alike', () => {
    const c = combineSignals(classify(['包装破了']), { learned: recall('return', COMBINE.learnedFill - 0.05) });
    expect(c.top).not.toContain('return');
  });

  it('withdraws one weak cue in a short message the model reads as no need', () => {
    const cues = classify(['我先去查一下']);
    expect(cues.confident).toBe(true);
    const noNeed = model(['other', 0.8], ['tracking', 0.05]);
    const c = combineSignals(cues, { model: noNeed, chars: 6 });
    expect(c.confident).toBe(false);
    expect(c.top).toEqual([]);
    // The same cue stays when the model gives its need some weight, or the message is long.
    expect(combineSignals(cues, { model: model(['other', 0.6], ['tracking', 0.3]), chars: 6 }).top[0]).toBe('tracking');
    expect(combineSignals(cues, { model: noNeed, chars: COMBINE.vetoChars + 1 }).top[0]).toBe('tracking');
  });

  it('never withdraws a greeting, however sure the model is that nothing is asked', () => {
    const c = combineSignals(classify(['你好呀']), { model: model(['other', 0.95]), chars: 3 });
    expect(c.top[0]).toBe('greeting');
  });

  it('fills empty slots with the model’s two likeliest needs before the cues’ weaker ones', () => {
    // A lead on one strong hint (票, weight 2): not clear, so the model's second need fills a slot at 6 %.
    const cues = classify(['票什么时候开']);
    expect(cues.scores[0]!.score).toBeLessThan(COMBINE.cueLeadAt);
    const c = combineSignals(cues, { model: model(['invoice', 0.9], ['refund-status', 0.06], ['repair', 0.03], ['other', 0.01]) });
    expect(c.top[0]).toBe('invoice');
    expect(c.top).toContain('refund-status');
    expect(c.top).not.toContain('repair');
  });

  it('beside a clear need, puts up no chip the model gives below its usual floor (walk, 2026-12-07)', () => {
    // 发票 names the need (weight 3): a 6 % 退款 reading is a word that only brushes a situation.
    const c = combineSignals(classify(['发票什么时候开']), { model: model(['invoice', 0.9], ['refund-status', 0.06], ['repair', 0.03], ['other', 0.01]) });
    expect(c.top).toEqual(['invoice']);
    // A capacity question (容量, weight 3); the model's price talk at 8 % put up a bare 议价 chip (QA pass B).
    const cap = combineSignals(classify(['这个壶有没有再大一号容量的']), { model: model(['product-info', 0.55], ['other', 0.3], ['bargain', 0.08], ['stock', 0.04]) });
    expect(cap.top).toEqual(['product-info']);
    expect(cap.evidence['product-info']).toEqual(expect.arrayContaining(['容量', 'model 55%']));
    expect(cap.evidence.bargain).toBeUndefined();
    // At its usual floor the model still adds its need beside a clear one.
    expect(combineSignals(classify(['发票什么时候开']), { model: model(['invoice', 0.7], ['shipping-time', 0.2], ['other', 0.1]) }).top).toEqual(['invoice', 'shipping-time']);
  });

  it('says on a chip the model filled below its usual floor that the model suggested it (QA pass B: a bare 议价 chip)', () => {
    // A question on a weaker lead (the cues' first need below cueLeadAt); the model's second need, a
    // price talk at 8 %, fills a chip, and the chip says the model put it there. (Beside a question about the
    // goods it fills none: see the next test.)
    const cues: Classification = { scores: [{ id: 'invoice', score: 0.5 }], top: ['invoice'], confident: true, evidence: { invoice: ['发票'] } };
    const c = combineSignals(cues, { model: model(['invoice', 0.55], ['other', 0.3], ['bargain', 0.08], ['stock', 0.04]) });
    expect(c.top).toEqual(['invoice', 'bargain']);
    expect(c.evidence.bargain).toEqual(['model 8%']);
    // Tags at the usual floor are as before; a need the model does not put on a chip gets none.
    expect(c.evidence.invoice).toEqual(expect.arrayContaining(['发票', 'model 55%']));
    expect(c.evidence.stock).toBeUndefined();
  });

  it('beside a question about the goods, puts up no chip the model gives with nothing of the buyer’s behind it (walk, 2026-12-07, eighth round)', () => {
    // 这个颜色显白吗-like: the cues read a product question, the model adds stock at 32 % and a price talk.
    const cues: Classification = { scores: [{ id: 'product-info', score: 0.55 }], top: ['product-info'], confident: true, evidence: { 'product-info': ['颜色'] } };
    const c = combineSignals(cues, { model: model(['product-info', 0.5], ['stock', 0.32], ['bargain', 0.1], ['other', 0.08]) });
    expect(c.top).toEqual(['product-info']);
    // …they still follow the chip in the list the ranking reads, and say the model's share.
    expect(c.scores.map((s) => s.id)).toContain('stock');
    expect(c.evidence.stock).toEqual(['model 32%']);
    // A stock word of the buyer's behind it (还有货吗), or the model fairly sure of it, keeps the chip.
    const said: Classification = { ...cues, scores: [...cues.scores, { id: 'stock', score: 0.3 }], evidence: { ...cues.evidence, stock: ['有货'] } };
    expect(combineSignals(said, { model: model(['product-info', 0.5], ['stock', 0.32], ['other', 0.08]) }).top).toEqual(['product-info', 'stock']);
    expect(combineSignals(cues, { model: model(['stock', COMBINE.modelUnbackedAt + 0.02], ['product-info', 0.4], ['other', 0.08]) }).top).toContain('stock');
    // Another first need keeps the model's fills as before.
    const ship: Classification = { scores: [{ id: 'shipping-time', score: 0.55 }], top: ['shipping-time'], confident: true, evidence: { 'shipping-time': ['发货'] } };
    expect(combineSignals(ship, { model: model(['shipping-time', 0.5], ['stock', 0.32], ['other', 0.08]) }).top).toEqual(['shipping-time', 'stock']);
  });

  it('puts no chip up for a weaker cue need with no phrase to show for it, only bigrams or a negation', () => {
    const cues: Classification = {
      scores: [{ id: 'invoice', score: 0.55 }, { id: 'merge-orders', score: 0.3 }, { id: 'return', score: 0.2 }, { id: 'courier', score: 0.15 }],
      top: ['invoice'],
      confident: true,
      evidence: { invoice: ['票'], 'merge-orders': ['~bigram'], return: ['negated', '~bigram'], courier: ['快递'] },
    };
    const c = combineSignals(cues, {});
    expect(c.top).toEqual(['invoice', 'courier']);
    // They still follow the chips in the list the ranking reads.
    expect(c.scores.map((s) => s.id)).toEqual(['invoice', 'courier', 'merge-orders', 'return']);
  });

  it('beside a clear need, puts up a weaker cue need only on a strong hint of its own (宝宝, 这个 or a damped 您好 brush it)', () => {
    const cues: Classification = {
      scores: [{ id: 'quality', score: 0.7 }, { id: 'damaged', score: 0.45 }, { id: 'product-info', score: 0.28 }, { id: 'greeting', score: 0.21 }],
      top: ['quality'],
      confident: true,
      evidence: { quality: ['开线'], damaged: ['破了'], 'product-info': ['宝宝'], greeting: ['您好'] },
    };
    const c = combineSignals(cues, {});
    expect(c.top).toEqual(['quality', 'damaged']);
    expect(c.scores.map((s) => s.id)).toEqual(['quality', 'damaged', 'product-info', 'greeting']);
  });

  it('shows no chip for a need the model gives next to nothing (a thank-you is not also a damaged parcel)', () => {
    const cues = classify(['收到啦 多谢']);
    expect(cues.top[0]).toBe('thanks');
    const c = combineSignals(cues, { model: model(['thanks', 0.96], ['damaged', 0.02], ['review', 0.01], ['other', 0.01]) });
    expect(c.top).toEqual(['thanks']);
  });
});
