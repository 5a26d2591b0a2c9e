/**
 * The order pages' follow-up actions in the built extension: a page of one order (Taobao's order
 * detail page, its memo page) has the chat panel's 跟进 buttons for that order — 承诺答复, 中差评, 售后,
 * 交给…, not 咨询未拍 (the buyer has ordered) — and what they add is listed in the popup with the order
 * number. A list of many orders has them only for the order whose remark box is open.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { bjMinute, callFromExtensionPage, clearOfMidnight, evaluateInPanel, inPanel, openDemoOrders, openPopup, remarkDialog } from './pages';
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
  it('Taobao order detail: 承诺答复 for its order and buyer, in the popup’s 今天 list with 订单 <number>; no 咨询未拍', { timeout: 240_000 }, async () => {
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

  it('a list of many orders: no buttons until one order’s remark box is open, then 售后 for that order and its buyer', async () => {
    const ORDER = '4012938475610293847';
    await openDemoOrders(s.page, s.h.demoUrl);
    await inPanel(s.page, '[data-kf="remark-lint-summary"], [data-kf="feature-remarks"]').first().waitFor();
    expect(await inPanel(s.page, '[data-kf="feature-followups"]').count()).toBe(0);
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
