/**
 * A JD shop agent's day (walk7, 2026-12-07): after-sales turns as the panel reads them — the cues and the
 * shipped model combined, then the ranking on the starter library. Our own words, written for this test.
 * Before this change: a refund's 多久能到账 read as the parcel's 多久能到 and showed a 发货时间 chip with
 * 到货时间 third; a wrong item told by its sizes (买的XL 寄来的L) showed a 尺码 chip with 询问身高体重 third,
 * and 收到了，但是… a 结束语 chip or 回应道谢 on the cards.
 */
import { describe, expect, it } from 'vitest';
import { starterPanel } from './testing';

const now = Date.UTC(2026, 11, 7, 9);

const panel = (text: string) => starterPanel(text, now);

describe('money reaching the account is a refund question, not a parcel’s arrival', () => {
  it.each(['算了，直接给我退款吧，退款多久能到账', '钱几天能到账啊', '退款什么时候能到账呀'])('%s', (text) => {
    const { chips, cards } = panel(text);
    expect(chips[0], text).toBe('refund-status');
    expect(chips, text).not.toContain('shipping-time');
    expect(cards, text).toContain('refund-time');
    expect(cards, text).not.toContain('ship-arrival');
  });

  it('the parcel’s own 多久能到 is still a shipping question', () => {
    expect(panel('我的包裹多久能到').chips[0]).toBe('shipping-time');
  });
});

describe('a wrong item told by its sizes: no 尺码 chip, no 询问身高体重 card', () => {
  it.each(['收到了，但是发错货了，我买的灰色XL，寄来的是黑色L', '发错了，我要的XL你们发的L', '我拍的是M码，发来的是S码'])('%s', (text) => {
    const { chips, cards } = panel(text);
    expect(chips[0], text).toBe('wrong-item');
    expect(chips, text).not.toContain('size-fit');
    expect(cards[0], text).toBe('wrong-item');
    expect(cards, text).not.toContain('size-ask');
  });

  it('figures given or a fit asked keep the size question', () => {
    expect(panel('发错码了，我170 120斤该穿M').chips).toContain('size-fit');
    expect(panel('我买的L码偏小，想换XL').chips).toContain('size-fit');
  });
});

describe('收到了 then a fault is no closing', () => {
  it.each(['收到了，但是发错货了，我买的灰色XL，寄来的是黑色L', '收到了，但是少发了一件', '收到了 结果少了一件', '收到啦，可是颜色不对'])('%s', (text) => {
    const { chips, cards } = panel(text);
    expect(chips, text).not.toContain('thanks');
    expect(cards, text).not.toContain('bye-welcome');
  });

  it('a plain 收到了 still closes', () => {
    expect(panel('好的收到了，谢谢').chips).toContain('thanks');
    expect(panel('收到了，不过还是谢谢你们').chips).toContain('thanks');
  });
});
