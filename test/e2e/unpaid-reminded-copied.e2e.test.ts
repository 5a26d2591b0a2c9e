/**
 * A 催付 reply the panel copies instead of inserting, on a buyer's chat page, counts as the reminder
 * the agent is about to paste and send: the buyer's 拍下未付 item is done as after an insertion, its
 * close and note line saying it was copied (已催付（已复制）, 催过（已复制） <time>: a lead reading the list
 * later tells it from an insertion), and the panel's line says so too, with the same 撤销 for an agent who
 * copied and did not send. Two ways a chat page copies: the panel cannot find the chat box (a console
 * redesign: the demo's broken=input), and the result's copy button. Before, a copy marked nothing and
 * the popup kept asking to remind a buyer already reminded by hand.
 * The same reply copied from the browser's side panel library: the tab it serves marks the buyer its
 * chat shows at that moment, as its own copy does (the side panel knows the tab only by a nickname
 * that a switch inside the chat makes stale), and the side panel says whom — or, next to a page with
 * no buyer's chat open, that nobody was marked. Before, the side panel's copy marked nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { demoOrdersRead, followupById, cardReady, demo, inPanel, openDemoChat, openPopup, MIDNIGHT_WAIT_MS } from './pages';
import { undoReminder } from './reminded';
import { extensionSuite } from './suite';
import type { Followup } from '../../lib/domain/followups/types';

const CAT = '爱吃橙子的猫';
const CAT_ORDER = '3967201845739261054';

let ext: Page;
let orders: Page;

const s = extensionSuite({ shop: 'none', page: 'none' });
beforeAll(async () => {
  // As unpaid-reminded.e2e: the demo's orders are unpaid reminders at any hour.
  ({ ext, orders } = await demoOrdersRead(s.h, 0));
  await s.h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.h.demoUrl });
}, 60_000 + MIDNIGHT_WAIT_MS);

const item = (id: string): Promise<Followup | undefined> => followupById(ext, id);
const clipboard = (p: Page) => p.evaluate(() => navigator.clipboard.readText());

/** The cat's chat page, her card drawn, the clipboard emptied and the 催付 reply found by the panel's search. */
async function catChat(query?: string): Promise<Page> {
  const chat = await s.h.context.newPage();
  await openDemoChat(chat, s.h.demoUrl, { buyer: CAT, query });
  await cardReady(chat, CAT);
  await chat.evaluate(() => navigator.clipboard.writeText('空'));
  await inPanel(chat, '[data-kf="search"]').fill('截单提醒');
  return chat;
}

/** The reply was copied (not written into the page), the item marked, and the line says copied, with 撤销 that gives it back. */
async function markedAsCopied(chat: Page): Promise<void> {
  await expect.poll(() => clipboard(chat)).toContain('还没付款');
  const line = inPanel(chat, '[data-kf="fu-reminded"]');
  await expect.poll(() => line.count()).toBe(1);
  expect(await line.textContent()).toMatch(new RegExp(`^\\d{2}:\\d{2} 已复制催付回复：跟进清单里订单 ${CAT_ORDER}的拍下未付已标为完成，没发出就点撤销。 ?撤销$`));
  const marked = (await item(`unpaid:${CAT_ORDER}`))!;
  expect(marked).toMatchObject({ status: 'done', closedReason: '已催付（已复制）' });
  expect(marked.note).toMatch(/^催过（已复制） \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  expect(await demo.sent(chat)).toBe(0);
  await undoReminder(chat, CAT_ORDER, item);
  expect(await inPanel(chat, '[data-kf="fu-reminded"]').count()).toBe(0);
}

describe('a 催付 reply copied on the buyer’s chat page', () => {
  it('where the panel cannot find the chat box, the click copies it and marks her 拍下未付 reminded, saying it was copied; 撤销 gives it back', async () => {
    await expect.poll(async () => (await item(`unpaid:${CAT_ORDER}`))?.status).toBe('open');
    const chat = await catChat('broken=input');
    await inPanel(chat, '[data-kf="results"] [data-template-id="pay-remind"] .kf-tpl-main').click();
    await markedAsCopied(chat);
    await chat.close();
  });

  it('with the result’s copy button, the chat box found: the same', async () => {
    await expect.poll(async () => (await item(`unpaid:${CAT_ORDER}`))?.status).toBe('open');
    const chat = await catChat();
    await inPanel(chat, '[data-kf="results"] [data-template-id="pay-remind"] [data-kf="copy"]').click();
    await markedAsCopied(chat);
    expect(await demo.draft(chat)).toBe('');
    await chat.close();
  });
});

/** The browser's side panel serving `page`'s tab (opened as an extension page naming the tab, as sidepanel.e2e does). */
async function sidePanelFor(page: Page): Promise<Page> {
  const sw = await s.h.serviceWorker();
  const tabId = await sw.evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({ url: u }))[0].id as number, page.url());
  return s.h.openExtensionPage(`sidepanel.html?tab=${tabId}`);
}

/** Copies the 催付 reply from the side panel's library (its search), past a fill-in form if it asks; its status line. */
async function copyFromSide(side: Page): Promise<Locator> {
  await side.locator('[data-kf="side-search"]').fill('截单提醒');
  await side.locator('[data-kf="side-results"] [data-kf="side-tpl"][data-id="pay-remind"] [data-kf="side-copy"]').click();
  const fill = side.locator('[data-kf="side-fill-ok"]');
  while (await fill.isVisible()) await fill.click();
  const status = side.locator('[data-kf="side-status"]');
  await expect.poll(() => status.textContent()).toMatch(/^已复制/);
  return status;
}

describe('a 催付 reply copied from the browser’s side panel', () => {
  it('next to the buyer’s chat: her 拍下未付 is marked copied (the popup says 催过（已复制）), the side panel says whom, the page’s panel has the line with 撤销', async () => {
    await expect.poll(async () => (await item(`unpaid:${CAT_ORDER}`))?.status).toBe('open');
    const chat = await s.h.context.newPage();
    await openDemoChat(chat, s.h.demoUrl, { buyer: CAT });
    await cardReady(chat, CAT);
    const side = await sidePanelFor(chat);
    const status = await copyFromSide(side);
    await expect.poll(async () => (await item(`unpaid:${CAT_ORDER}`))?.status).toBe('done');
    await expect.poll(() => status.textContent()).toBe(`已复制；已把 ${CAT} 记为催过（撤销在聊天页的面板里）`);
    const marked = (await item(`unpaid:${CAT_ORDER}`))!;
    expect(marked).toMatchObject({ status: 'done', closedReason: '已催付（已复制）' });
    expect(marked.note).toMatch(/^催过（已复制） \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await side.close();

    // The popup's list: under 已完成, saying it was copied — no longer asking to remind her.
    const popup = await openPopup(s.h);
    const toggles = popup.locator('[data-kf="section-toggle"][aria-expanded="false"], [data-kf="group-toggle"][aria-expanded="false"]');
    for (let n = await toggles.count(); n > 0; n = await toggles.count()) await toggles.first().click();
    const row = popup.locator(`[data-kf="followup"][data-id="unpaid:${CAT_ORDER}"]`);
    await expect.poll(() => row.getAttribute('data-section')).toBe('done');
    expect(await row.locator('[data-kf="followup-note"]').textContent()).toContain('催过（已复制）');
    await popup.close();

    // The chat page's panel: the same line as its own copy, and 撤销 gives it back.
    await chat.bringToFront();
    const line = inPanel(chat, '[data-kf="fu-reminded"]');
    await expect.poll(() => line.count()).toBe(1);
    expect(await line.textContent()).toContain('已复制催付回复');
    await undoReminder(chat, CAT_ORDER, item);
    expect(await demo.sent(chat)).toBe(0);
    await chat.close();
  });

  it('next to a console page with no buyer’s chat open (the order list): nothing marked, and the side panel says so', async () => {
    await expect.poll(async () => (await item(`unpaid:${CAT_ORDER}`))?.status).toBe('open');
    const side = await sidePanelFor(orders);
    const status = await copyFromSide(side);
    await expect.poll(() => status.textContent()).toBe('已复制；当前聊天里没有买家，未记为催过');
    expect((await item(`unpaid:${CAT_ORDER}`))?.status).toBe('open');
    await side.close();
  });
});
