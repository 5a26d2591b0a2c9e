/**
 * A buyer who asks three things in a row before the shop answers (her size, the live room's price, when
 * it ships): before, the panel read only the last question, and once the agent had answered one the shop
 * had spoken last and the other two were out of sight — unanswered questions count against the shop.
 * Now the panel names each need of the round, and after the reply to one, says which are 还没答 and offers
 * their replies, until the buyer writes a new round.
 */
import { beforeEach, expect, it } from 'vitest';
import { altKeyOf, chatInput, demo, inPanel, openDemoChat } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({ shop: 'close', page: 'file' });
beforeEach(async () => s.page.bringToFront());

const needs = () => inPanel(s.page, '[data-kf="needs"] [data-kf="need"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-scenario')));
const needsLine = () => inPanel(s.page, '[data-kf="needs"]');
const titles = () => inPanel(s.page, '[data-kf="suggestions"] .kf-tpl-title').allTextContents();

it('three questions in a row: each is named; after the size reply is sent, the price and shipping ones are offered as 还没答 until the buyer writes again', async () => {
  // 米粒妈妈: the shop's 请稍等 is the last message; her three questions make a new round.
  await openDemoChat(s.page, s.h.demoUrl, { buyer: 'u-1008' });
  await inPanel(s.page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
  for (const q of ['我162 100斤穿哪个码', '直播间价格是69 怎么我付的是89', '今天拍了几号能发出']) await demo.push(s.page, q);
  await expect.poll(needs, { timeout: 15_000 }).toEqual(['size-fit', 'promotion', 'shipping-time']);
  expect(await needsLine().textContent()).toContain('买家连问 3 件：');

  // The agent picks 尺码 (the focus goes back to the chat box), puts in a size reply with one key and sends it.
  await inPanel(s.page, '[data-kf="need"][data-scenario="size-fit"]').click();
  const key = await altKeyOf(s.page, '询问身高体重');
  await s.page.keyboard.press(key);
  await expect.poll(() => demo.draft(s.page)).toContain('方便告诉我您的身高、体重吗');
  await chatInput(s.page).press('Enter');
  await expect.poll(() => demo.sent(s.page)).toBe(1);

  // The shop spoke last: the two questions no reply answered are still there, and so are their replies.
  await expect.poll(needs, { timeout: 15_000 }).toEqual(['promotion', 'shipping-time']);
  expect(await needsLine().textContent()).toContain('还没答：');
  await expect.poll(titles).toEqual(expect.arrayContaining([expect.stringMatching(/^(价格保护|当前活动介绍|优惠券使用|满减规则|赠品说明)$/), expect.stringMatching(/^(发货时间|到货时间|发货地)$/)]));
  expect(await titles()).not.toContain('询问身高体重');

  // A new round from the buyer: the last one's 还没答 goes.
  await demo.push(s.page, '好的，我先拍了');
  await expect.poll(() => needsLine().count()).toBe(0);
});
