/**
 * After-sales on the demo console (QA pass T, 2026-12-05): a split sole with a postage question led
 * with 非质量问题运费 (the buyer pays), a wrong item with 补运费. The shop's own fault now leads with
 * the shop paying. Its own suite: the buyer's earlier turns in one tab are context for the next.
 */
import { describe, expect, it } from 'vitest';
import { chatInput, demo, inPanel, openDemoChat } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({ shop: 'close' });

/** 米粒妈妈: one order beside the chat, shipped. */
const SHIPPED_BUYER = 'u-1008';
const titles = () => inPanel(s.page, '[data-kf="suggestions"] .kf-tpl-title').allTextContents();
const engineReady = () => inPanel(s.page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
const signalsReady = () => expect.poll(() => inPanel(s.page, '[data-kf="suggestions"]').getAttribute('data-signals')).toBe('ready');

describe('after-sales: the shop’s fault is the shop’s postage (QA pass T, findings 1 and 2)', () => {
  it('answers a split sole with a postage question with 质量问题运费, never 非质量问题运费 first', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: SHIPPED_BUYER });
    await engineReady();
    await demo.push(s.page, '鞋底开胶了，想退掉，来回运费谁出');
    await signalsReady();
    await expect.poll(async () => (await titles())[0]).toBe('质量问题运费');
    expect((await titles()).slice(0, 2)).not.toContain('非质量问题运费');
    await chatInput(s.page).click();
    await s.page.keyboard.press('Alt+1');
    await expect.poll(() => demo.draft(s.page)).toMatch(/^亲，质量问题的退换运费由我们承担/);
    expect(await demo.sent(s.page)).toBe(0);
  });

  it('answers a wrong item with 发错货 and offers no 补运费', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: SHIPPED_BUYER });
    await engineReady();
    await demo.push(s.page, '你们寄错颜色了，换成我拍的那个，运费你们出');
    await signalsReady();
    await expect.poll(async () => (await titles())[0]).toBe('发错货');
    expect(await titles()).not.toContain('补运费');
  });
});
