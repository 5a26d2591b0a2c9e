/**
 * A buyer's picture on the real consoles' fixtures (after-sales walk, 2026-12-07): the photo a buyer
 * sends with a complaint is their turn, but it says nothing, so the situation and the replies stay
 * those of the words it came with (the picture alone emptied them: 暂无明确诉求); a round that is only
 * a picture says what to do; and the English interface names the picture in English, as text.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';

const s = extensionSuite({ shop: 'keep', pageErrors: true });

const hook = (p: Page, name: string, fn: string, ...args: unknown[]) =>
  p.evaluate(([n, f, a]) => {
    const v = (window as any)[n as string][f as string];
    return typeof v === 'function' ? v(...(a as unknown[])) : v;
  }, [name, fn, args] as const);
const basis = (p: Page) => inPanel(p, '[data-kf="basis-msg"]').allTextContents();
const chips = (p: Page) => inPanel(p, '[data-kf="chip"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')));
const titles = (p: Page) => inPanel(p, '[data-kf="suggestions"] .kf-tpl-title').allTextContents();
const settled = (p: Page) => expect.poll(() => inPanel(p, '[data-kf="suggestions"]').getAttribute('data-signals')).toBe('ready');
const suggestText = (p: Page) => inPanel(p, '[data-kf="suggestions"]').textContent();

/** The agent answers the fixture's waiting buyer on Pinduoduo, so the next buyer turn starts a new round. */
async function answerFirst(p: Page) {
  await openConsole(p, CONSOLES.pdd);
  await p.click('#replyTextarea');
  await p.keyboard.type('亲，在的');
  await p.keyboard.press('Enter');
  await expect.poll(() => inPanel(p, '[data-kf="customer-card"] [data-kf="clock"]').getAttribute('data-level')).toBe('answered');
}

describe('a picture after the buyer’s complaint (Pinduoduo)', () => {
  it('keeps the complaint’s situation and replies, and Alt+1 still inserts the top one (never sent)', async () => {
    await answerFirst(s.page);
    await hook(s.page, '__pdd', 'pushBuyerMessage', '衣服领口开线了，质量太差');
    await expect.poll(() => basis(s.page)).toEqual(['衣服领口开线了，质量太差']);
    await settled(s.page);
    await expect.poll(() => chips(s.page)).toContain('quality');
    const before = await titles(s.page);
    expect(before.length).toBeGreaterThan(0);
    await hook(s.page, '__pdd', 'pushBuyerPicture');
    await expect.poll(() => basis(s.page)).toEqual(['衣服领口开线了，质量太差', '[图片]']);
    await settled(s.page);
    expect(await chips(s.page)).toContain('quality');
    expect(await titles(s.page)).toEqual(before);
    expect(await suggestText(s.page)).not.toContain('没有明确诉求');
    await s.page.click('#replyTextarea');
    await s.page.keyboard.press('Alt+1');
    await expect.poll(() => hook(s.page, '__pdd', 'draft')).not.toBe('');
    expect(await hook(s.page, '__pdd', 'sent')).toHaveLength(1); // the agent's own 亲，在的 only
    expect(s.pageErrors).toEqual([]);
  });

  it('the situation the agent picked for the complaint stays when the buyer’s photo comes after it', async () => {
    await answerFirst(s.page);
    await hook(s.page, '__pdd', 'pushBuyerMessage', '杯子到了，杯口有一道裂纹');
    await settled(s.page);
    await inPanel(s.page, '[data-kf="change-situation"]').click();
    await inPanel(s.page, '.kf-chip-option[data-scenario="quality"]').click();
    await expect.poll(() => chips(s.page)).toEqual(['quality']);
    await hook(s.page, '__pdd', 'pushBuyerPicture');
    await expect.poll(() => basis(s.page)).toEqual(['杯子到了，杯口有一道裂纹', '[图片]']);
    await settled(s.page);
    expect(await chips(s.page)).toEqual(['quality']);
  });

  it('a round of only a picture says the helper cannot read it, not that the message has no clear need', async () => {
    await answerFirst(s.page);
    await hook(s.page, '__pdd', 'pushBuyerPicture');
    await expect.poll(() => basis(s.page)).toEqual(['[图片]']);
    await expect.poll(() => suggestText(s.page)).toContain('买家发的是图片或卡片，助手读不出：请在聊天窗口查看');
    expect(await suggestText(s.page)).not.toContain('没有明确诉求');
  });
});

describe('in English', () => {
  s.interfaceIn('en');

  it('names a JD buyer’s non-text message in English, as text', async () => {
    await openConsole(s.page, CONSOLES.jd);
    await expect.poll(() => basis(s.page)).toEqual(['[Not text]', '公司抬头需要提供什么']);
  });

  it('names a Douyin buyer’s picture in English; a round of only a picture says what to do in English', async () => {
    await openConsole(s.page, CONSOLES.douyin);
    await expect.poll(() => basis(s.page)).toEqual(['[Picture]', '有没有大一点的容量']);
    await answerFirst(s.page);
    await hook(s.page, '__pdd', 'pushBuyerPicture');
    await expect.poll(() => basis(s.page)).toEqual(['[Picture]']);
    await expect.poll(() => suggestText(s.page)).toContain('The buyer sent a picture or card, which the helper cannot read: see it in the chat');
    expect(await suggestText(s.page)).not.toContain('[图片]');
  });
});
