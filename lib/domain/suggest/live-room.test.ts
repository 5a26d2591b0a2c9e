/**
 * A Douyin / Kuaishou live room's buyers, walk round nine (sugg14, 2026-12-07), as the panel reads them: the cues and the
 * shipped model combined, then the ranking on the starter library. Our own words, written for this test. Before:
 * 福袋什么时候开 showed no chip; 主播说今天下单送杯套 送了吗 led with 发货时间; 小黄车几号链接 had 退货运费 beside 商品咨询 and
 * 补运费 as the second card; 买贵了 昨天直播间才69 had 议价 cards second and third; 快递能发到学校吗 had 查件 second;
 * 运费险怎么用 had 商品咨询 second with 使用安装方法 on the cards.
 */
import { describe, expect, it } from 'vitest';
import { starterPanel } from './testing';

const now = Date.UTC(2026, 11, 7, 2);

const panel = (text: string) => starterPanel(text, now);

describe('a live room’s lucky bag or draw is its activity', () => {
  it.each(['福袋什么时候开', '福袋几点开奖', '直播间的抽奖什么时候开'])('%s', (text) => {
    const { chips, cards } = panel(text);
    expect(chips, text).toEqual(['promotion']);
    expect(cards[0], `${text} ${cards}`).toBe('promo-current');
    expect(cards, text).not.toContain('stock-available');
  });

  it('a lucky bag asked in stock keeps its stock chip', () => {
    expect(panel('福袋还有货吗').chips[0]).toBe('stock');
  });

  // None of the catalogue's situations: 暂无明确诉求 and the search box, not a card forced on it.
  it.each(['你们直播几点开始', '今晚还播吗', '主播几点下播'])('when the stream is on is no shop situation: %s abstains', (text) => {
    expect(panel(text).chips, text).toEqual([]);
  });
});

describe('a gift promised with the order is the promotion’s gift, not a delivery time', () => {
  it.each(['主播说今天下单送杯套 送了吗', '主播说关注送小样 下单了会送吗', '直播间说买就送杯子 今天拍还送吗'])('%s', (text) => {
    const { chips, cards } = panel(text);
    expect(chips[0], `${text} ${chips}`).toBe('promotion');
    expect(chips, text).not.toContain('shipping-time');
    expect(cards[0], `${text} ${cards}`).toBe('promo-gift-rules');
    expect(cards, text).not.toContain('ship-time');
  });

  it('the parcel’s 送 keeps its own reading', () => {
    expect(panel('送到了吗').chips[0]).toBe('tracking');
    expect(panel('下单送杯套 什么时候发货').chips[0]).toBe('shipping-time');
    expect(panel('今天下单明天能送到吗').chips[0]).toBe('shipping-time');
    expect(panel('买了送人的 能包装吗').chips).not.toContain('promotion');
    expect(panel('下单送的杯套坏了').chips[0]).toBe('quality');
  });
});

describe('which link in the live room’s cart is a product question before buying', () => {
  it.each(['小黄车几号链接', '黄车里是几号链接呀', '这个在橱窗第几个', '刚刚讲的那件是几号链接'])('%s', (text) => {
    const { chips, cards } = panel(text);
    expect(chips, `${text} ${chips}`).toEqual(['product-info']);
    expect(cards[0], text).toMatch(/^product-/);
    expect(cards, text).not.toContain('postage-top-up');
  });

  it('the link to pay a postage top-up through stays the postage’s question', () => {
    const { chips, cards } = panel('补运费拍哪个链接');
    expect(chips[0]).toBe('return-shipping');
    expect(cards[0]).toBe('postage-top-up');
  });
});

describe('paid more than the live room’s price is price protection, not a plea', () => {
  it.each(['买贵了 昨天直播间才69', '拍贵了 刚才直播间才59', '我付贵了 主播现在只要39'])('%s', (text) => {
    const { chips, cards } = panel(text);
    expect(chips, `${text} ${chips}`).toEqual(['promotion']);
    expect(cards[0], `${text} ${cards}`).toBe('promo-price-protect');
    expect(cards.some((c) => c.startsWith('bargain-')), `${text} ${cards}`).toBe(false);
  });

  it('a plea of the buyer’s own keeps its chip; a bare number is still a height', () => {
    expect(panel('能便宜点吗 买贵了').chips[0]).toBe('bargain');
    expect(panel('我158').chips[0]).toBe('size-fit');
    expect(panel('主播说的那个 我158 95斤拍几号').chips[0]).toBe('size-fit');
  });
});

describe('whether it can be sent to a place is the courier’s reach, no parcel to look for', () => {
  it.each(['快递能发到学校吗', '可以寄到部队吗', '能送到我们学校宿舍吗', '能发到村里吗'])('%s', (text) => {
    const { chips, cards } = panel(text);
    expect(chips, `${text} ${chips}`).toEqual(['courier']);
    expect(cards[0], `${text} ${cards}`).toMatch(/^(courier-|postage-)/);
    expect(cards.some((c) => c.startsWith('tracking-')), `${text} ${cards}`).toBe(false);
  });

  it('a far place keeps its postage reply; a parcel asked after stays tracking', () => {
    expect(panel('能发到新疆吗').cards[0]).toBe('postage-region');
    expect(panel('快递到学校了吗').chips[0]).toBe('tracking');
    expect(panel('我的快递什么时候能送到学校').chips[0]).toBe('shipping-time');
  });
});

describe('how the return-postage insurance works is the return’s postage, no product usage', () => {
  it.each(['运费险怎么用', '运费险怎么理赔', '运费险怎么赔'])('%s', (text) => {
    const { chips, cards } = panel(text);
    expect(chips, `${text} ${chips}`).toEqual(['return-shipping']);
    expect(cards, text).not.toContain('product-usage');
  });

  // 退货运费险 explains the insurance (starter2, 2026-12-07). Before it 非质量问题运费 led these (来回运费需要您承担),
  // wrong for a buyer whose order carries the insurance.
  it.each(['运费险怎么用', '有运费险吗', '退货运费险怎么赔', '运费险怎么理赔', '我没有运费险 怎么办'])('%s leads with the insurance reply', (text) => {
    expect(panel(text).cards[0], text).toBe('return-insurance');
  });

  it('a plain question of who pays a return’s postage keeps 非质量问题运费 first, and no insurance reply', () => {
    for (const text of ['不想要了退回运费谁出', '退货运费谁出']) {
      const { cards } = panel(text);
      expect(cards[0], `${text} ${cards}`).toBe('return-postage-buyer');
      expect(cards, text).not.toContain('return-insurance');
    }
  });
});
