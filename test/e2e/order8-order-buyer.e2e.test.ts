/**
 * An agent opening a Taobao order's detail page to write its remark or ship it (walk8, 2026-12-07):
 * the page names the buyer (昵称：旺旺在线 晴天小铺子), but her notes were shown nowhere — the buyer
 * card was drawn on chat pages only — and the panel's replies kept 【买家】 unfilled. Now the order's
 * page shows her card (what the extension knows of her: VIP, 只发圆通…, 周末无人签收) in its own frame,
 * where a quick note can be added as on a chat page, and a reply copied there names her. A list of
 * many buyers' orders shows no card. Taobao's chats are in 千牛, which the extension does not run on:
 * her notes are saved beforehand through the verb the card's own save uses (patchCustomer).
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage, cardFrame, cardReady, inPanel } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';

const s = extensionSuite({ viewport: { width: 1366, height: 768 }, pageErrors: true });
const BUYER = '晴天小铺子';

describe("a Taobao order's detail page", () => {
  it('shows the buyer card of the buyer its order names, with her saved notes; a note added there is hers; a reply copied there names her', async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', {
      platform: 'taobao',
      nickname: BUYER,
      patch: { segment: 'vip', note: '只发圆通，邮政到不了', addressNote: '公司地址，周末无人签收' },
    });
    await s.h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://qn.taobao.com' });
    await openConsole(s.page, CONSOLES.taobaoDetail);
    await cardReady(s.page, BUYER);
    // The panel says whose card it is, as on a chat page.
    expect(await inPanel(s.page, '[data-kf="buyer-name"]').textContent()).toBe(BUYER);
    expect(await inPanel(s.page, '[data-kf="customer-address"]').textContent()).toBe('公司地址，周末无人签收');
    expect(await inPanel(s.page, '[data-kf="customer-note"]').textContent()).toContain('只发圆通，邮政到不了');
    expect(await inPanel(s.page, '[data-kf="customer-segment"]').textContent()).toBeTruthy();
    // Her notes are in the card's own frame, never in the page's DOM.
    expect(await s.page.evaluate(() => document.documentElement.outerHTML.includes('周末无人签收'))).toBe(false);

    // A quick note added on her order's page goes into her record.
    await inPanel(s.page, '[data-kf="customer-note-input"]').fill('周六别发顺丰');
    await inPanel(s.page, '[data-kf="customer-note-save"]').click();
    await expect
      .poll(async () => JSON.stringify(await callFromExtensionPage(s.ext, 'getBuyerCard', { platform: 'taobao', nickname: BUYER, buyerId: null })))
      .toContain('周六别发顺丰');

    // The welcome reply: no chat box on an order page, so it is copied — with her name, not 【买家】.
    const hi = inPanel(s.page, '[data-kf="template"][data-template-id="welcome-new"]');
    await expect.poll(() => hi.textContent()).toContain(`${BUYER}您好`);
    await inPanel(s.page, '[data-kf="template"][data-template-id="welcome-new"] [data-kf="copy"]').click();
    await expect.poll(() => s.page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^${BUYER}您好，欢迎光临橙子旗舰店`));
    expect(s.pageErrors).toEqual([]);
  });

  it('the sold list (many buyers’ orders) shows no buyer card', async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'taobao', nickname: BUYER, patch: { note: '只发圆通，邮政到不了' } });
    await openConsole(s.page, CONSOLES.taobaoSold);
    await inPanel(s.page, '[data-kf="template"]').first().waitFor();
    expect(await inPanel(s.page, '[data-kf="customer-card"]').count()).toBe(0);
    expect(await inPanel(s.page, '[data-kf="buyer"]').count()).toBe(0);
    expect(cardFrame(s.page)).toBeFalsy();
    expect(s.pageErrors).toEqual([]);
  });
});
