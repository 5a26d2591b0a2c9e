import { describe, expect, it } from 'vitest';
import { AFTER, asksArrival, fitOf, gaveReview, namesExchange, PAID, postedBadReview, PRE, SHIPPED, stageOfOrders, stageOfWords, UNPAID } from './fit';
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

  it('reads a parcel not received yet as shipped, not after-sale; a refund not received stays as it was', () => {
    expect(stageOfWords('还没收到货，想把收件地址改到公司')).toBe(SHIPPED);
    expect(stageOfWords('快递没收到呢')).toBe(SHIPPED);
    expect(stageOfWords('包裹未收到')).toBe(SHIPPED);
    expect(stageOfWords('退款还没收到')).toBe(0);
    expect(stageOfWords('收到货了，挺好的')).toBe(AFTER);
  });

  it('reads an announced purchase (那我先拍了) as not bought yet', () => {
    expect(stageOfWords('那我先拍了')).toBe(PRE | UNPAID);
    expect(stageOfWords('好的，这就去下单')).toBe(PRE | UNPAID);
  });

  it('reads a question asked before paying (付款前, 支付之前) as not paid yet: 付 there is no payment made', () => {
    for (const t of ['付款前想问一下这件的面料', '支付之前问问从哪里发货', '付钱以前确认下有没有色差']) expect(stageOfWords(t), t).toBe(PRE | UNPAID);
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

describe('a review the buyer says is given', () => {
  it('is read from 已经给了 / 好评已给 / 打了五星, not from a promise or a question', () => {
    for (const t of ['东西挺好的，已经给了五星', '给你们五星好评了', '好评已给', '刚给你们打了五星', '好评已经给了哦', '衣服很喜欢，刚写了好评']) expect(gaveReview(t), t).toBe(true);
    for (const t of ['都挺好的，会给五星的', '给好评有返现吗', '满意的话给你们好评', '我要给差评']) expect(gaveReview(t), t).toBe(false);
  });

  it('marks a reply that asks for a review, a shop’s own too', () => {
    const tpl = (body: string): Template => ({ id: 'own', title: 't', body, group: 'g', scenarios: ['review'] });
    expect([...fitOf([tpl('满意的话麻烦给个五星好评哦'), tpl('谢谢亲的好评！')]).asksReview]).toEqual([1, 0]);
  });
});

describe('a bad review the buyer says is posted', () => {
  it('is read from 给了差评 / 差评已经给了 / 打了个中评 / 评价了一星, not from a threat or a good review', () => {
    for (const t of ['我已经给了你们差评', '差评已经给了，你们自己看吧', '我给你们打了个中评', '东西太差了，刚评价了一星', '给了一星，你们看着办']) expect(postedBadReview(t), t).toBe(true);
    for (const t of ['再不处理我就给差评了', '我要给你们打差评', '好评已经给了哦', '会给五星的', '差评会影响你们吗']) expect(postedBadReview(t), t).toBe(false);
  });

  it('is read from stars in short forms (一星早就打了, 一颗星早给了, 一星都打完了), not from a week', () => {
    for (const t of ['一星早就打了', '一星早打了', '已经打了一颗星', '一颗星早给了', '两星已经给了', '给你们打了1星', '一星都打完了'])
      expect(postedBadReview(t), t).toBe(true);
    for (const t of ['一星期了还没发货', '一颗星都不想给', '还没打一星']) expect(postedBadReview(t), t).toBe(false);
  });

  it('marks a reply that thanks for a good review, a shop’s own too', () => {
    const tpl = (body: string): Template => ({ id: 'own', title: 't', body, group: 'g', scenarios: ['review'] });
    expect([...fitOf([tpl('感谢亲的五星好评～'), tpl('看到您的评价我们很难过')]).thanksReview]).toEqual([1, 0]);
  });
});

describe('a review said given in any word order, its kind anywhere in the message', () => {
  it('reads a bad one with the review named first or the kind said after (评价我已经写了，差评; 差评我早就写过了)', () => {
    for (const t of ['评价我已经写了，差评', '差评我早就写过了', '中评我都打过了', '已经写过评价了，差评', '评价早写了，给的中评', '我打过一星了', '差评早就给过了，你们看着办']) {
      expect(postedBadReview(t), t).toBe(true);
      expect(gaveReview(t), t).toBe(false);
    }
  });

  it('reads a good one the same way (好评早就给了, 五星给过了, 评价我早写了，五星)', () => {
    for (const t of ['好评早就给了', '五星给过了', '已经给过好评了', '评价我早写了，五星', '好评我都写过了', '我给过五星了哦', '五星好评早就打了']) {
      expect(gaveReview(t), t).toBe(true);
      expect(postedBadReview(t), t).toBe(false);
    }
  });

  it('reads no review given from a denial, a question, a promise or a threat', () => {
    for (const t of ['评价还没写', '评价写了吗', '会给好评的', '满意的话给你们好评', '不处理的话评价我会写差评', '你们再不处理，评价我就写差评', '差评会影响你们吗', '打了电话也没用']) {
      expect(postedBadReview(t), t).toBe(false);
    }
    for (const t of ['评价还没写，好评还是差评看你们', '评价写了吗', '会给好评的', '打了电话也没用，差评']) expect(gaveReview(t), t).toBe(false);
  });
});

describe('an exchange named', () => {
  it('is 换 of goods or the new item, not an address or a phone changed', () => {
    for (const t of ['换的那件寄回去了', '想换个大一码', '换货进度怎么样', '新的什么时候发']) expect(namesExchange(t), t).toBe(true);
    for (const t of ['已经寄回去了', '退货地址换了吗', '我换个地址', '换一下电话号码']) expect(namesExchange(t), t).toBe(false);
  });
});

describe('a question when the parcel arrives', () => {
  it('is read from the days, the date or the time next to an arrival word', () => {
    for (const t of ['付款以前问下几天能到', '多久能收到', '什么时候能送到', '明天能到吗', '发到广州要几天', '大概几号到']) expect(asksArrival(t), t).toBe(true);
  });

  it('is not a wait already too long, a shipping day or a reach', () => {
    for (const t of ['都几天了还没到', '几天了还不到', '今天下午能发出去吗', '大概哪天发货呀', '新疆能到吗', '能送到吗']) expect(asksArrival(t), t).toBe(false);
  });
});
