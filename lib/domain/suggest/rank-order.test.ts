import { describe, expect, it } from 'vitest';
import { buildTemplateIndex } from './template-index';
import { classify } from './classify';
import { rankTemplates } from './rank';
import { STARTER_LIBRARY } from '../templates/starter';

const index = buildTemplateIndex(STARTER_LIBRARY.templates);
const rank = (text: string, orderStatus?: 'unpaid' | 'paid') =>
  rankTemplates(index, { classification: classify([text]), text, orderStatus }, 3).map((r) => r.template);

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
