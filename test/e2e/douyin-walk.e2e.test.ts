/**
 * A Douyin 抖店 飞鸽 agent's day on the fixture (walk9, 2026-12-07), in the built extension. Buyers come
 * from a live stream: one says the live room's price was lower than what they paid; before, the panel
 * said 暂无明确诉求 and offered no reply. The agent promises an answer and adds it with no time; before,
 * the form showed an empty date field and nothing said when the promise would come back.
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

describe('a live-stream buyer on Douyin 飞鸽', () => {
  it('the live room’s price beside the one paid shows 优惠活动 and its replies (价格保护 among them), not 暂无明确诉求 and none', async () => {
    await openConsole(s.page, CONSOLES.douyin);
    await cardReady(s.page, '豆豆爱吃梨');
    await push(s.page, '直播间价格是99 怎么我拍的129');
    await expect.poll(() => chips(s.page), { timeout: 15_000 }).toEqual(['promotion']);
    await expect.poll(() => cardTitles(s.page)).toHaveLength(3);
    expect(await cardTitles(s.page)).toEqual(expect.arrayContaining(['价格保护']));
    expect(s.pageErrors).toEqual([]);
  });

  it('a 极速退款 whose money is not in shows the refund alone, no 延迟发货 or 查件 beside it', async () => {
    await openConsole(s.page, CONSOLES.douyin);
    await cardReady(s.page, '豆豆爱吃梨');
    await push(s.page, '极速退款怎么还没到账');
    await expect.poll(() => chips(s.page), { timeout: 15_000 }).toEqual(['refund-status']);
    expect(await cardTitles(s.page)).not.toContain('查询发货进度');
  });

  it('承诺答复 with no time says when it comes due before 加入跟进', async () => {
    await openConsole(s.page, CONSOLES.douyin);
    await cardReady(s.page, '豆豆爱吃梨');
    await inPanel(s.page, '[data-kf="fu-promised"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-due-default"]').textContent()).toMatch(/^不填时间：24 小时内答复，\d{4}-\d\d-\d\d \d\d:\d\d 到期$/);
    await inPanel(s.page, '[data-kf="fu-note"]').fill('明天上午回复直播间价格');
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-due-default"]').count()).toBe(0);
    expect(s.pageErrors).toEqual([]);
  });
});
