/**
 * Day one, before the owner has confirmed the shop's cut-off: the panel's fill-in asks the agent for
 * it, and takes it as shops write it (傍晚5点半, 下午4点), not only as 17:30; what is not a time is said
 * at once, and a reply does not go in with its shipping day left as {发货日} by one Enter.
 */
import { expect, it } from 'vitest';
import { chatInput, inPanel, openDemoChat } from './pages';
import { extensionSuite } from './suite';

// A fresh install: the cut-off is the default, unconfirmed.
const s = extensionSuite({ shop: 'none' });

const draft = () => s.page.evaluate(() => (window as any).__demo.draft() as string);

async function askShippingReply(): Promise<void> {
  await openDemoChat(s.page, s.h.demoUrl);
  await chatInput(s.page).click();
  await s.page.keyboard.type('/fh');
  await s.page.keyboard.press('Space');
  await inPanel(s.page, '[data-kf="fill-input"][data-name="截单时间"]').waitFor();
}

it('takes the cut-off typed in words (傍晚5点半) and works the shipping day out from it', async () => {
  await askShippingReply();
  await s.page.keyboard.type('傍晚5点半');
  expect(await inPanel(s.page, '[data-kf="fill-cutoff-unread"]').count()).toBe(0);
  await s.page.keyboard.press('Enter');
  await expect.poll(draft).toContain('每天傍晚5点半前付款的订单当天发出');
  expect(await draft()).toMatch(/您现在付款的话，(今天|明天)（\d+月\d+日）就能发出哦/);
});

it('says at once that a cut-off it cannot read is not understood, and one Enter does not put the reply in with {发货日}', async () => {
  await askShippingReply();
  await s.page.keyboard.type('五点左右');
  await expect
    .poll(() => inPanel(s.page, '[data-kf="fill-cutoff-unread"]').textContent())
    .toBe('没看懂截单时间“五点左右”：请写成 14:00、14点 或 下午2点，发货日才能算出来。');
  await s.page.keyboard.press('Enter');
  await expect.poll(() => inPanel(s.page, '[data-kf="fill-ok"]').textContent()).toBe('仍然使用');
  expect(await draft()).not.toContain('每天');
});
