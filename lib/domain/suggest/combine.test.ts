import { describe, expect, it } from 'vitest';
import { classify } from './classify';
import { combineSignals, COMBINE } from './combine';
import type { LearnedRecall } from './learned';
import type { ModelScore } from './model';

const model = (...pairs: [string, number][]): ModelScore[] => pairs.map(([id, p]) => ({ id, p }) as ModelScore);
const recall = (id: string, best: number, count = 1): LearnedRecall =>
  ({ scenarios: [{ id, weight: best * count, count }], templates: {}, best }) as LearnedRecall;

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

  it('ignores learned picks for messages that are only faintly alike', () => {
    const c = combineSignals(classify(['包装破了']), { learned: recall('return', COMBINE.learnedFill - 0.05) });
    expect(c.top).not.toContain('return');
  });
});
