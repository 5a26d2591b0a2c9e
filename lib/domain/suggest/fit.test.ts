import { describe, expect, it } from 'vitest';
import { AFTER, fitOf, PAID, PRE, SHIPPED, stageOfOrders, stageOfWords, UNPAID } from './fit';
import type { Template } from '../templates/types';

describe('the stage a message places the buyer at', () => {
  it('reads before purchase, unpaid, paid, shipped and after-sale from the buyer’s own words', () => {
    expect(stageOfWords('还没下单，想问问S码还有吗')).toBe(PRE);
    expect(stageOfWords('付款一直失败怎么办') & UNPAID).toBeTruthy();
    expect(stageOfWords('付款五天了还没发货')).toBe(PAID);
    expect(stageOfWords('之前那单已经发了，新拍的能一起吗')).toBe(SHIPPED);
    expect(stageOfWords('收到的衣服有股怪味')).toBe(AFTER);
  });

  it('reads nothing from a question about shipping or a pre-sale "after I receive it"', () => {
    expect(stageOfWords('你们发货了吗')).toBe(0);
    expect(stageOfWords('已经发货了吗')).toBe(0);
    expect(stageOfWords('收到货后不合适能换吗')).toBe(0);
    expect(stageOfWords('好嘞，谢谢哈')).toBe(0);
  });

  it('counts a completed order as after-sale and as shopping again; closed adds nothing', () => {
    expect(stageOfOrders(['completed'])).toBe(AFTER | PRE);
    expect(stageOfOrders(['paid', 'closed'])).toBe(PAID);
  });
});

describe('a reply’s own stage', () => {
  const tpl = (body: string, orders?: Template['orders']): Template => ({ id: 'x', title: 't', body, group: 'g', scenarios: ['stock'], ...(orders ? { orders } : {}) });
  it('is its order condition, else before purchase when its text asks the buyer to buy (a shop’s own reply too)', () => {
    const f = fitOf([tpl('亲，有现货的，喜欢就放心拍哦'), tpl('包裹已经发出', ['shipped']), tpl('亲，这款是纯棉的')]);
    expect([...f.stage]).toEqual([PRE | UNPAID, SHIPPED, 0]);
    expect(f.detail).toEqual([null, null, null]);
  });
});
