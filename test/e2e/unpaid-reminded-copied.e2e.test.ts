/**
 * A 催付 reply the panel copies instead of inserting, on a buyer's chat page, counts as the reminder
 * the agent is about to paste and send: the buyer's 拍下未付 item is done as after an insertion, its
 * close and note line saying it was copied (已催付（已复制）, 催过（已复制） <time>: a lead reading the list
 * later tells it from an insertion), and the panel's line says so too, with the same 撤销 for an agent who
 * copied and did not send. Two ways a chat page copies: the panel cannot find the chat box (a console
 * redesign: the demo's broken=input), and the result's copy button. Before, a copy marked nothing and
 * the popup kept asking to remind a buyer already reminded by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoOrdersRead, followupById, cardReady, demo, inPanel, openDemoChat, MIDNIGHT_WAIT_MS } from './pages';
import { undoReminder } from './reminded';
import { extensionSuite } from './suite';
import type { Followup } from '../../lib/domain/followups/types';

const CAT = '爱吃橙子的猫';
const CAT_ORDER = '3967201845739261054';

let ext: Page;

const s = extensionSuite({ shop: 'none', page: 'none' });
beforeAll(async () => {
  // As unpaid-reminded.e2e: the demo's orders are unpaid reminders at any hour.
  ({ ext } = await demoOrdersRead(s.h, 0));
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
