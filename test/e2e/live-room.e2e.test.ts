/**
 * Live-room buyers on Douyin 飞鸽, walk round nine (sugg14, 2026-12-07), in the built extension. Before: a gift the
 * host promised with the order (主播说今天下单送杯套 送了吗) led with 发货时间; a price paid above the live room's
 * (买贵了 昨天直播间才69) had 议价 replies as the second and third cards.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { cardReady, inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';

const s = extensionSuite({ shop: 'close', pageErrors: true });

const push = (p: Page, text: string) => p.evaluate((t) => (window as any).__douyin.pushBuyerMessage(t), text);
const chips = (p: Page) => inPanel(p, '[data-kf="situation"] [data-kf="chip"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')));
const cardTitles = (p: Page) => inPanel(p, '[data-kf="suggestions"] .kf-tpl-title').allTextContents();

describe('a live-room buyer on Douyin 飞鸽', () => {
  it('a gift promised with the order shows 优惠活动 with 赠品说明 first, no 发货时间', async () => {
    await openConsole(s.page, CONSOLES.douyin);
    await cardReady(s.page, '豆豆爱吃梨');
    await push(s.page, '主播说今天下单送杯套 送了吗');
    await expect.poll(() => chips(s.page), { timeout: 15_000 }).toEqual(['promotion']);
    await expect.poll(() => cardTitles(s.page)).toHaveLength(3);
    const titles = await cardTitles(s.page);
    expect(titles[0]).toBe('赠品说明');
    expect(titles).not.toContain('发货时间');
    expect(s.pageErrors).toEqual([]);
  });

  it('paid more than the live room’s price shows 价格保护 first and no 议价 reply', async () => {
    await openConsole(s.page, CONSOLES.douyin);
    await cardReady(s.page, '豆豆爱吃梨');
    await push(s.page, '买贵了 昨天直播间才69');
    await expect.poll(() => chips(s.page), { timeout: 15_000 }).toEqual(['promotion']);
    await expect.poll(() => cardTitles(s.page)).toHaveLength(3);
    const titles = await cardTitles(s.page);
    expect(titles[0]).toBe('价格保护');
    expect(titles).not.toContain('统一定价');
    expect(titles).not.toContain('小额让利（20元内）');
    expect(s.pageErrors).toEqual([]);
  });
});
