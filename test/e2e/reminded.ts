/**
 * What the 催付 e2e files share (unpaid-reminded, unpaid-reminded-early, team-unpaid-reminded): a reply
 * found by the panel's search inserted into the chat box, and the panel's 撤销 of a reminder checked
 * on the item it gave back.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { chatInput, inPanel } from './pages';
import type { Followup } from '../../lib/domain/followups/types';

/** Inserts the starter reply `id`, found by the panel's search for `query`, into the chat box (never sent). */
export async function insertFound(chat: Page, query: string, id: string): Promise<void> {
  await chatInput(chat).click();
  await inPanel(chat, '[data-kf="search"]').fill(query);
  await inPanel(chat, `[data-kf="results"] [data-template-id="${id}"] .kf-tpl-main`).click();
}

/**
 * Clicks the panel's 撤销 of the reminder and checks the unpaid item of `orderId` is open again as it
 * was — no 催过 line, no close reason — and the panel says so.
 */
export async function undoReminder(chat: Page, orderId: string, item: (id: string) => Promise<Followup | undefined>): Promise<void> {
  await chat.bringToFront();
  await inPanel(chat, '[data-kf="fu-reminded-undo"]').click();
  await expect.poll(async () => (await item(`unpaid:${orderId}`))?.status).toBe('open');
  const back = (await item(`unpaid:${orderId}`))!;
  expect(back.note).toBeUndefined();
  expect(back.closedReason).toBeUndefined();
  expect(await inPanel(chat, '[data-kf="fu-status"]').textContent()).toBe(`已撤销：订单 ${orderId}的拍下未付回到跟进清单。`);
}
