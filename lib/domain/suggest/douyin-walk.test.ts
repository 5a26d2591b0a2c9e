/**
 * A Douyin 抖店 飞鸽 agent's day (walk9, 2026-12-07): buyers who come from a live stream, as the panel
 * reads them — the cues and the shipped model combined, then the ranking on the starter library. Our
 * own words, written for this test. Before this change: a buyer saying the live room's price was
 * lower than what they paid got 暂无明确诉求 and no reply at all; a 极速退款 whose money has not come
 * showed 延迟发货 and 查件 chips beside the refund, with 查询发货进度 as Alt+2.
 */
import { describe, expect, it } from 'vitest';
import { starterPanel } from './testing';

const now = Date.UTC(2026, 11, 7, 2);

const panel = (text: string) => starterPanel(text, now);

describe('the live room’s price is a promotion question, not a message with no need', () => {
  it.each(['直播间价格是99 怎么我拍的129', '主播讲的直播价才79，我付了99', '刚刚直播间的价格比这里便宜二十', '能按直播间价给我吗', '直播间说的9块9包邮 我怎么付了19块9'])('%s', (text) => {
    const { chips, cards } = panel(text);
    expect(chips[0], text).toBe('promotion');
    expect(cards.length, text).toBe(3);
    expect(cards.every((c) => c.startsWith('promo-')), `${text} ${chips} ${cards}`).toBe(true);
  });

  it('a live room named with no price stays what the rest says', () => {
    expect(panel('我在直播间抢的 能退吗').chips[0]).toBe('return');
    expect(panel('直播间那款什么时候发货').chips[0]).toBe('shipping-time');
    expect(panel('主播说的那个 我158 95斤拍几号').chips[0]).toBe('size-fit');
  });
});

describe('refund money not come yet is no late parcel', () => {
  it.each(['极速退款怎么还没到账', '退款显示成功了怎么还没到账', '申请了极速退款 钱怎么还没到'])('%s', (text) => {
    const { chips, cards } = panel(text);
    expect(chips[0], text).toBe('refund-status');
    expect(chips, text).not.toContain('delay');
    expect(chips, text).not.toContain('tracking');
    expect(cards[0], text).toMatch(/^refund-/);
    expect(cards, text).not.toContain('delay-check');
    expect(cards, text).not.toContain('tracking-check');
  });

  it('the parcel’s own 怎么还没到 / 怎么还没发 keep their chips', () => {
    expect(panel('我的快递怎么还没到').chips[0]).toBe('tracking');
    expect(panel('拍了三天了怎么还没发货').chips[0]).toBe('delay');
  });
});
