/**
 * Plain messages of every hour on the demo console (lib/domain/suggest/plain-walk.cases.ts has the
 * unit cases). The keyboard walk of 2026-12-06 found three wrong:
 * - 有现货吗 今天能发吗 发顺丰可以吗 from a buyer with a paid order (tb_8834729_88, who had asked about 顺丰
 *   before) showed 指定顺丰, 到货时间, 默认快递: no stock card, and when it arrives for when it ships;
 * - L码大了想换个M码 had 质量问题请拍照 among its cards (a swap for size, no fault);
 * - a thanks with 亲 showed the 问候 chip and a welcome card (夜班接待 at night, 新客欢迎 by day beside a
 *   shipped order).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bjClock, callFromExtensionPage, demo, inPanel, openDemoChat } from './pages';
import { evaluateInPanel } from './panel-world';
import { extensionSuite } from './suite';

const s = extensionSuite({});

/** tb_8834729_88: a paid order beside the chat; their last message (发什么快递？能发顺丰吗) is unanswered. */
const PAID_BUYER = 'tb_8834729_88';
/** 米粒妈妈: one order beside the chat, shipped. */
const SHIPPED_BUYER = 'u-1008';
const WELCOMES = ['新客欢迎', '老客欢迎', '咨询高峰稍候', '人工客服在线', '离线留言回复', '夜班接待'];

const shown = (p: Page) =>
  evaluateInPanel(p, (roots) => ({
    chips: roots.flatMap((r) => [...r.querySelectorAll<HTMLElement>('[data-kf="chip"]')].map((c) => c.dataset.scenario!)),
    titles: roots.flatMap((r) => [...r.querySelectorAll('[data-kf="suggestions"] .kf-tpl-title')].map((x) => x.textContent!)),
  }));

/** Pushes a buyer message and returns the chips and cards once the model's reading has refined them. */
async function cardsFor(p: Page, buyer: string, text: string): Promise<{ chips: string[]; titles: string[] }> {
  await openDemoChat(p, s.h.demoUrl, { buyer });
  await inPanel(p, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
  await demo.push(p, text);
  await expect.poll(() => inPanel(p, '[data-kf="suggestions"]').getAttribute('data-signals')).toBe('ready');
  let now = await shown(p);
  await expect.poll(async () => (now = await shown(p)).titles.length, { timeout: 10_000 }).toBe(3);
  return now;
}

async function setShiftHours(start: string, end: string) {
  await callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start, end } } });
}

describe('plain messages the keyboard walk found wrong (demo console)', () => {
  it('gives a stock, a shipping-day and a 顺丰 card to three needs in one message beside a paid order', async () => {
    const { chips, titles } = await cardsFor(s.page, PAID_BUYER, '有现货吗 今天能发吗 发顺丰可以吗');
    expect(chips).toEqual(expect.arrayContaining(['stock', 'shipping-time', 'courier']));
    expect(titles).toEqual(expect.arrayContaining(['有现货', '发货时间', '指定顺丰']));
    expect(titles).not.toContain('到货时间');
  });

  it('answers a swap for size with the exchange, never the defect replies', async () => {
    const { titles } = await cardsFor(s.page, SHIPPED_BUYER, 'L码大了想换个M码');
    expect(titles[0]).toBe('换货流程');
    for (const t of ['质量问题请拍照', '质量问题处理方案', '质量问题运费']) expect(titles).not.toContain(t);
  });

  it('says goodbye to a thanks with 亲, with no greeting chip or welcome, by day and at night', async () => {
    // Day shift from two hours ago to two hours from now: now is day.
    await setShiftHours(bjClock(-120), bjClock(120));
    const day = await cardsFor(s.page, SHIPPED_BUYER, '谢谢了亲');
    expect(day.chips).toEqual(['thanks']);
    expect(day.titles[0]).toBe('回应道谢');
    for (const t of WELCOMES) expect(day.titles).not.toContain(t);
    // Day shift from two to four hours from now: now is night.
    await setShiftHours(bjClock(120), bjClock(240));
    const night = await cardsFor(s.page, SHIPPED_BUYER, '好的亲 辛苦啦');
    expect(night.chips).toEqual(['thanks']);
    for (const t of WELCOMES) expect(night.titles).not.toContain(t);
  });
});

describe('the leftovers of the walk, third round (demo console, 2026-12-07)', () => {
  it('answers a part come off and a broken gift as defects: no welcome beside 您好, no 赠品说明', async () => {
    const part = await cardsFor(s.page, SHIPPED_BUYER, '您好，外套的拉链头掉了，这个怎么处理');
    expect(part.titles[0]).toBe('质量问题请拍照');
    expect(part.chips).not.toContain('greeting');
    for (const t of WELCOMES) expect(part.titles).not.toContain(t);
    const gift = await cardsFor(s.page, SHIPPED_BUYER, '赠品坏了');
    expect(gift.titles[0]).toBe('质量问题请拍照');
    expect(gift.chips).not.toContain('promotion');
    expect(gift.titles).not.toContain('赠品说明');
  });
});
