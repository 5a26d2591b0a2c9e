/**
 * The order pages' follow-up actions in the built extension: a page of one order (Taobao's order
 * detail page, its memo page) has the chat panel's 跟进 buttons for that order — 承诺答复, 中差评, 售后,
 * 交给…, not 咨询未拍 (the buyer has ordered) — and what they add is listed in the popup with the order
 * number. A list of many orders lists the rows read, in the panel (never in the console's rows): the
 * actions are for the row picked there — by click or keyboard — or for the order whose remark box is
 * open, and add the same items the order's own page adds.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bjMinute, callFromExtensionPage, clearOfMidnight, evaluateInPanel, inPanel, MIDNIGHT_WAIT_MS, openDemoOrders, openPopup, panelFocus, remarkDialog } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';
import type { FollowupList } from '../../lib/messaging/protocol-followups';

const s = extensionSuite({ shop: 'keep', pageErrors: true });

const DETAIL_ORDER = '3710462259018273645';
const MEMO_ORDER = '3709981726354019283';

/** Opens every folded section and group of the popup's list. */
async function expandAll(p: Page) {
  const collapsed = p.locator('[data-kf="section-toggle"][aria-expanded="false"], [data-kf="group-toggle"][aria-expanded="false"]');
  for (let n = await collapsed.count(); n > 0; n = await collapsed.count()) await collapsed.first().click();
}

/** A datetime-local value (shop time, Beijing) later today: half an hour on, or 23:59 when that is sooner. */
async function laterToday(): Promise<string> {
  await clearOfMidnight();
  const minutes = Math.min(30, 1439 - bjMinute());
  return new Date(Date.now() + minutes * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}

const stored = async (id: string) =>
  (await callFromExtensionPage<FollowupList>(s.ext, 'listFollowups', { perGroup: 200 })).groups.flatMap((g) => g.items).find((f) => f.id === id || f.id.startsWith(id));

describe('follow-ups on a page of one order', () => {
  it('Taobao order detail: 承诺答复 for its order and buyer, in the popup’s 今天 list with 订单 <number>; no 咨询未拍', { timeout: 60_000 + MIDNIGHT_WAIT_MS }, async () => {
    await openConsole(s.page, CONSOLES.taobaoDetail);
    const forOrder = inPanel(s.page, '[data-kf="fu-for-order"]');
    await forOrder.waitFor();
    expect(await forOrder.textContent()).toBe(`以下跟进针对订单 ${DETAIL_ORDER}（晴天小铺子）`);
    expect(await inPanel(s.page, '[data-kf="fu-inquiry"]').count()).toBe(0);

    await inPanel(s.page, '[data-kf="fu-promised"]').click();
    await inPanel(s.page, '[data-kf="fu-due"]').fill(await laterToday());
    await inPanel(s.page, '[data-kf="fu-note"]').fill('答应查一下能不能补开发票');
    await inPanel(s.page, '[data-kf="fu-add"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toBe('已加入跟进清单：承诺答复：晴天小铺子');

    const item = (await stored('promised-answer:'))!;
    expect(item).toMatchObject({ kind: 'promised-answer', buyer: '晴天小铺子', orderId: DETAIL_ORDER, platform: 'taobao', url: s.page.url() });
    const popup = await openPopup(s.h);
    const row = popup.locator(`[data-kf="followup"][data-id="${item.id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-section')).toBe('today');
    expect(await row.locator('[data-kf="followup-title"]').textContent()).toBe('承诺答复：晴天小铺子');
    expect(await row.locator('[data-kf="followup-order"]').textContent()).toBe(`订单 ${DETAIL_ORDER}`);
    await popup.close();
    expect(s.pageErrors).toEqual([]);
  });

  it('Taobao memo page (no buyer shown): 中差评 starts with its order number and lists the item by it', async () => {
    await openConsole(s.page, CONSOLES.taobaoMemo);
    const forOrder = inPanel(s.page, '[data-kf="fu-for-order"]');
    await forOrder.waitFor();
    expect(await forOrder.textContent()).toBe(`以下跟进针对订单 ${MEMO_ORDER}`);
    await inPanel(s.page, '[data-kf="fu-bad-review"]').click();
    expect(await inPanel(s.page, '[data-kf="fu-review-order"]').inputValue()).toBe(MEMO_ORDER);
    await inPanel(s.page, '[data-kf="fu-review-note"]').fill('买家说包装压坏了，给了中评');
    await inPanel(s.page, '[data-kf="fu-review-add"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toBe('已加入跟进清单：中差评');

    expect(await stored(`bad-review:${MEMO_ORDER}`)).toMatchObject({ kind: 'bad-review', orderId: MEMO_ORDER, note: '买家说包装压坏了，给了中评', url: s.page.url() });
    const popup = await openPopup(s.h);
    await expandAll(popup);
    const row = popup.locator(`[data-kf="followup"][data-id="bad-review:${MEMO_ORDER}"]`);
    expect(await row.locator('[data-kf="followup-title"]').textContent()).toBe('中差评');
    expect(await row.locator('[data-kf="followup-order"]').textContent()).toBe(`订单 ${MEMO_ORDER}`);
    await popup.close();
    expect(s.pageErrors).toEqual([]);
  });

  it('a list of many orders: no actions until an order is picked; opening its remark box picks it, then 售后 for that order and its buyer', async () => {
    const ORDER = '4012938475610293847';
    await openDemoOrders(s.page, s.h.demoUrl);
    await inPanel(s.page, '[data-kf="fu-rows"]').waitFor();
    expect(await inPanel(s.page, '[data-kf="fu-for-order"]').count()).toBe(0);
    expect(await inPanel(s.page, '[data-kf="fu-promised"]').count()).toBe(0);
    await remarkDialog.open(s.page, ORDER);
    const forOrder = inPanel(s.page, '[data-kf="fu-for-order"]');
    await forOrder.waitFor();
    expect(await forOrder.textContent()).toBe(`以下跟进针对订单 ${ORDER}（小鹿乱撞0521）`);
    await inPanel(s.page, '[data-kf="fu-after"]').click();
    expect(await inPanel(s.page, '[data-kf="fu-order"]').inputValue()).toBe(ORDER);
    await evaluateInPanel(s.page, (roots) => {
      const select = roots.map((r) => r.querySelector<HTMLSelectElement>('[data-kf="fu-after-kind"]')).find(Boolean)!;
      select.value = 'refund-to-pay';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await inPanel(s.page, '[data-kf="fu-after-add"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toBe('已加入跟进清单：待付退款：小鹿乱撞0521');
    expect(await stored(`refund-to-pay:${ORDER}`)).toMatchObject({ buyer: '小鹿乱撞0521', orderId: ORDER, platform: 'demo' });
    expect(s.pageErrors).toEqual([]);
  });
});

/** The order number of the row focused in the panel's list, else null. */
const focusedRow = (page: Page) =>
  evaluateInPanel(page, (roots) => roots.map((r) => r.activeElement).find(Boolean)?.getAttribute('data-order-id') ?? null);

describe('follow-ups for any row of an order list, picked in the panel', () => {
  it('demo order list: every row read is listed; from the keyboard, a row is picked and gets a 承诺答复 for its order and buyer', { timeout: 60_000 + MIDNIGHT_WAIT_MS }, async () => {
    const ORDER = '3930018273645518290';
    await openDemoOrders(s.page, s.h.demoUrl);
    const rows = inPanel(s.page, '[data-kf="fu-row"]');
    await expect.poll(() => rows.count()).toBe(12);
    expect(await inPanel(s.page, '[data-kf="fu-rows-hint"]').textContent()).toBe('跟进：先选订单（本页读到 12 笔；↑↓ 移动，回车选定）');
    expect(await inPanel(s.page, `[data-kf="fu-row"][data-order-id="${ORDER}"]`).textContent()).toBe(`${ORDER}南风知我意2019待发货`);
    // Nothing of ours in the console's own rows.
    expect(await s.page.locator('.sold-order [data-kf^="fu-"]').count()).toBe(0);

    // One Tab stop on the first row; ↓ five times reaches the sixth order; Enter picks it.
    await rows.first().focus();
    for (let i = 0; i < 5; i++) await s.page.keyboard.press('ArrowDown');
    expect(await focusedRow(s.page)).toBe(ORDER);
    await s.page.keyboard.press('Enter');
    const forOrder = inPanel(s.page, '[data-kf="fu-for-order"]');
    await forOrder.waitFor();
    expect(await forOrder.textContent()).toBe(`以下跟进针对订单 ${ORDER}（南风知我意2019）`);
    expect(await inPanel(s.page, `[data-kf="fu-row"][data-order-id="${ORDER}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(await inPanel(s.page, '[data-kf="fu-inquiry"]').count()).toBe(0);

    // Tab leaves the list for the first action, 承诺答复; the form is filled and sent with Enter.
    await s.page.keyboard.press('Tab');
    expect(await panelFocus(s.page)).toBe('fu-promised');
    await s.page.keyboard.press('Enter');
    await inPanel(s.page, '[data-kf="fu-due"]').fill(await laterToday());
    await inPanel(s.page, '[data-kf="fu-note"]').fill('答应问仓库这件衬衫哪天能补到货');
    await inPanel(s.page, '[data-kf="fu-note"]').press('Enter');
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toBe('已加入跟进清单：承诺答复：南风知我意2019');
    const item = (await callFromExtensionPage<FollowupList>(s.ext, 'listFollowups', { perGroup: 200 })).groups.flatMap((g) => g.items).find((f) => f.kind === 'promised-answer' && f.orderId === ORDER);
    expect(item).toMatchObject({ buyer: '南风知我意2019', platform: 'demo', note: '答应问仓库这件衬衫哪天能补到货' });
    expect(s.pageErrors).toEqual([]);
  });

  it('Taobao sold list: a 中差评 added for a row is the very item the order’s own memo page adds — one item, both notes; a nickname that looks like HTML stays text', { timeout: 240_000 }, async () => {
    const ORDER = '370812736450918273';
    await openConsole(s.page, CONSOLES.taobaoSold);
    const rows = inPanel(s.page, '[data-kf="fu-row"]');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.allTextContents()).toEqual([
      '3712093845610298374买买买不停_123待付款',
      `${MEMO_ORDER}雨后彩虹_lily待发货`,
      `${ORDER}<img src=x onerror=alert(1)>已发货`,
    ]);

    await inPanel(s.page, `[data-kf="fu-row"][data-order-id="${ORDER}"]`).click();
    expect(await inPanel(s.page, '[data-kf="fu-for-order"]').textContent()).toBe(`以下跟进针对订单 ${ORDER}（<img src=x onerror=alert(1)>）`);
    expect(await inPanel(s.page, '[data-kf="followup-actions"] img').count()).toBe(0);
    await inPanel(s.page, '[data-kf="fu-bad-review"]').click();
    expect(await inPanel(s.page, '[data-kf="fu-review-order"]').inputValue()).toBe(ORDER);
    await inPanel(s.page, '[data-kf="fu-review-note"]').fill('买家嫌物流慢给了中评');
    await inPanel(s.page, '[data-kf="fu-review-add"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toBe('已加入跟进清单：中差评：<img src=x onerror=alert(1)>');
    expect(await stored(`bad-review:${ORDER}`)).toMatchObject({ buyer: '<img src=x onerror=alert(1)>', orderId: ORDER, platform: 'taobao', note: '买家嫌物流慢给了中评' });

    // Later the agent opens that order's memo page (which shows no buyer) and adds its 中差评 there: the same item.
    const memo = { ...CONSOLES.taobaoMemo, url: `https://trade.taobao.com/trade/memo/update_sell_memo.htm?biz_order_id=${ORDER}` };
    await openConsole(s.page, memo, (html) => html.split(MEMO_ORDER).join(ORDER));
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-for-order"]').textContent()).toBe(`以下跟进针对订单 ${ORDER}`);
    await inPanel(s.page, '[data-kf="fu-bad-review"]').click();
    await inPanel(s.page, '[data-kf="fu-review-note"]').fill('已联系，买家同意追评');
    await inPanel(s.page, '[data-kf="fu-review-add"]').click();
    await expect.poll(() => inPanel(s.page, '[data-kf="fu-status"]').textContent()).toMatch(/^已加入跟进清单：中差评/);
    const all = (await callFromExtensionPage<FollowupList>(s.ext, 'listFollowups', { perGroup: 200 })).groups.flatMap((g) => g.items).filter((f) => f.orderId === ORDER);
    expect(all.map((f) => f.id)).toEqual([`bad-review:${ORDER}`]);
    expect(all[0]!.note!.split('\n')).toEqual(['买家嫌物流慢给了中评', '已联系，买家同意追评']);
    expect(s.pageErrors).toEqual([]);
  });
});
