/**
 * A 催付 reply inserted into a buyer's chat acts on that buyer's 拍下未付 item (lib/domain/followups/
 * reminded.ts): the popup files it under 已完成 with 已催付 and 催过 <time> in its notes, the buyer card no
 * longer lists it, the panel says so with 撤销, and 撤销 gives the item back. Another buyer's unpaid
 * order, and a reply that is not a reminder, change nothing. Before, the item kept saying to remind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoOrdersRead, followupById, cardReady, demo, inPanel, openDemoChat, openPopup, panel, MIDNIGHT_WAIT_MS } from './pages';
import { insertFound, undoReminder } from './reminded';
import { extensionSuite } from './suite';
import type { Followup } from '../../lib/domain/followups/types';

const CAT = '爱吃橙子的猫';
const CAT_ORDER = '3967201845739261054';
const FAWN_ORDER = '4012938475610293847';

let ext: Page;

const s = extensionSuite({ shop: 'none', page: 'none' });
beforeAll(async () => {
  // As followups.e2e: the demo's orders are unpaid reminders at any hour, due before a 23:59 cut-off.
  ({ ext } = await demoOrdersRead(s.h, 0));
}, 60_000 + MIDNIGHT_WAIT_MS);

const item = (id: string): Promise<Followup | undefined> => followupById(ext, id);

const insert = insertFound;

const popupRow = (p: Page, id: string) => p.locator(`[data-kf="followup"][data-id="${id}"]`);

describe('a 催付 reply inserted in the buyer’s chat', () => {
  it('marks that buyer’s 拍下未付 reminded in the popup and the card, says so in the panel, and 撤销 gives it back', async () => {
    await expect.poll(async () => (await item(`unpaid:${CAT_ORDER}`))?.status).toBe('open');
    const fawnBefore = await item(`unpaid:${FAWN_ORDER}`);
    const chat = await s.h.context.newPage();
    await openDemoChat(chat, s.h.demoUrl, { buyer: CAT });
    await panel(chat).waitFor();
    await cardReady(chat, CAT);
    await expect.poll(() => inPanel(chat, '[data-kf="customer-followup"] bdi').first().textContent()).toBe('拍下未付');

    // A reply that names 付款 but does not remind (the thank-you for a payment) changes nothing: had it
    // marked the item, the reminder below would find none to mark and say nothing.
    await insert(chat, '已付款确认', 'order-paid');
    await expect.poll(() => demo.draft(chat)).not.toBe('');
    await insert(chat, '截单提醒', 'pay-remind');
    await expect.poll(() => demo.draft(chat)).toContain('还没付款');

    const line = inPanel(chat, '[data-kf="fu-reminded"]');
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.textContent()).toMatch(new RegExp(`^\\d{2}:\\d{2} 已催付：跟进清单里订单 ${CAT_ORDER}的拍下未付已标为完成。 ?撤销$`));
    const marked = (await item(`unpaid:${CAT_ORDER}`))!;
    expect(marked).toMatchObject({ status: 'done', closedReason: '已催付' });
    expect(marked.note).toMatch(/^催过 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // Nothing sent, and another buyer's unpaid order is as it was.
    expect(await demo.sent(chat)).toBe(0);
    expect(await item(`unpaid:${FAWN_ORDER}`)).toEqual(fawnBefore);

    // The popup: under 已完成 (done today), with why.
    const popup = await openPopup(s.h);
    const toggles = popup.locator('[data-kf="section-toggle"][aria-expanded="false"], [data-kf="group-toggle"][aria-expanded="false"]');
    for (let n = await toggles.count(); n > 0; n = await toggles.count()) await toggles.first().click();
    await expect.poll(() => popupRow(popup, `unpaid:${CAT_ORDER}`).getAttribute('data-section')).toBe('done');
    expect(await popupRow(popup, `unpaid:${CAT_ORDER}`).locator('[data-kf="followup-when"]').textContent()).toContain('已催付');
    // The card: no longer waiting to be reminded.
    await expect.poll(() => inPanel(chat, '[data-kf="customer-followup"]').count()).toBe(0);

    // 撤销: back as it was, the note line gone, on the list and the card again.
    await undoReminder(chat, CAT_ORDER, item);
    expect(await inPanel(chat, '[data-kf="fu-reminded"]').count()).toBe(0);
    await expect.poll(() => inPanel(chat, '[data-kf="customer-followup"]').count()).toBe(1);
    await popup.bringToFront();
    await expect.poll(() => popupRow(popup, `unpaid:${CAT_ORDER}`).getAttribute('data-section')).not.toBe('done');
    await popup.close();
    await chat.close();
  });
});
