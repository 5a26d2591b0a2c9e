import { expect, it } from 'vitest';
import { chatInput, demo, inPanel, openDemoChat } from './pages';
import { extensionSuite } from './suite';
import { encodeLegacy } from '../legacy-encode';

const s = extensionSuite({ shop: 'close', page: 'none' });

const firstChip = (page: Parameters<typeof inPanel>[0]) => inPanel(page, '[data-kf="chip"]').first();

it('learns from a corrected situation and an inserted reply: a similar message in another conversation ranks that reply first', async () => {
  const page = await s.h.context.newPage();
  await openDemoChat(page, s.h.demoUrl, { buyer: 'tb_8834729_88' });

  // No cue names this need; the trained model reads it as a quality complaint (it says so).
  await demo.push(page, '咖啡机用了一个月蒸汽棒就堵了 喷不出气');
  await expect.poll(() => firstChip(page).getAttribute('data-scenario')).toBe('quality');
  expect(await firstChip(page).getAttribute('data-source')).toBe('model');
  expect(await firstChip(page).getAttribute('title')).toMatch(/模型判断 \d+%/);

  // The agent knows better: it is a repair. Corrects the situation, finds the send-in reply, inserts it.
  await inPanel(page, '[data-kf="change-situation"]').click();
  await inPanel(page, '.kf-chip-option[data-scenario="repair"]').click();
  await expect.poll(() => firstChip(page).getAttribute('data-scenario')).toBe('repair');
  await chatInput(page).click();
  await inPanel(page, '[data-kf="search"]').fill('寄修');
  await inPanel(page, '[data-kf="results"] [data-template-id="repair-send"] .kf-tpl-main').click();
  await inPanel(page, '[data-kf="fill-input"]').first().fill('杭州滨江售后点');
  await inPanel(page, '[data-kf="fill-ok"]').click();
  await expect.poll(() => demo.draft(page)).toContain('杭州滨江售后点');
  expect(await demo.sent(page)).toBe(0);

  // The options page shows what was learned: the masked message, the situation and the reply.
  const opts = await s.h.openExtensionPage('options.html#learned');
  const rows = opts.locator('[data-kf="learned-latest"] tbody tr');
  await expect.poll(() => rows.count()).toBe(2);
  expect(await rows.first().textContent()).toContain('寄修流程');
  expect(await opts.locator('[data-kf="learned-per-scenario"] [data-scenario="repair"]').textContent()).toContain('2');
  await opts.close();
  await page.bringToFront(); // animation frames and focus run only in the front tab

  // Later, another buyer in another conversation writes something similar (alone, with nothing
  // learned, the engine abstains on it: the last test).
  await inPanel(page, '[data-kf="search"]').fill('');
  await openDemoChat(page, s.h.demoUrl, { buyer: '爱吃橙子的猫' });
  await demo.push(page, '咖啡机蒸汽棒堵了喷不出气 用了一个月 怎么弄');
  const top = inPanel(page, '[data-kf="suggestions"] [data-kf="template"]').first();
  await expect.poll(() => top.getAttribute('data-template-id')).toBe('repair-send');
  expect(await firstChip(page).getAttribute('data-scenario')).toBe('repair');
  expect(await firstChip(page).getAttribute('data-source')).toContain('learned');
  expect(await top.textContent()).toContain('你为类似消息选过');
  await page.close();
});

it('forgetting everything in the options page stops the suggestion', async () => {
  const opts = await s.h.openExtensionPage('options.html#learned');
  await opts.locator('[data-kf="learned-forget-all"]').click();
  await opts.locator('[data-kf="learned-forget-all-confirm"]').click();
  await opts.locator('[data-kf="learned-none"]').waitFor();
  await opts.close();
  const page = await s.h.context.newPage();
  await openDemoChat(page, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
  await demo.push(page, '咖啡机蒸汽棒堵了喷不出气 用了一个月 怎么弄');
  await expect.poll(() => firstChip(page).count()).toBe(0);
  await page.close();
});

it('a follow-up that took its situation from the conversation (接下来呢) is not learned: in another conversation it follows that one', async () => {
  const page = await s.h.context.newPage();
  await openDemoChat(page, s.h.demoUrl, { buyer: 'tb_8834729_88' });
  await demo.push(page, '我退货的退款什么时候到账');
  await demo.push(page, '接下来呢');
  // 接下来呢 says nothing by itself; the refund question before it gives the situation.
  await expect.poll(() => firstChip(page).getAttribute('data-scenario')).toBe('refund-status');
  await chatInput(page).click();
  await inPanel(page, '[data-kf="suggestions"] [data-template-id="refund-time"] .kf-tpl-main').click();
  await expect.poll(() => demo.draft(page)).toContain('原路退回');

  // Nothing was stored for 接下来呢.
  const opts = await s.h.openExtensionPage('options.html#learned');
  await opts.locator('[data-kf="learned-none"]').waitFor();
  await opts.close();
  await page.bringToFront();

  // Another buyer asks about a parcel, then writes the same 接下来呢: the parcel, not the refund.
  await openDemoChat(page, s.h.demoUrl, { buyer: '爱吃橙子的猫' });
  await demo.push(page, '我的快递到哪了 物流一直没更新');
  await demo.push(page, '接下来呢');
  await expect.poll(() => firstChip(page).getAttribute('data-scenario')).toBe('tracking');
  expect(await firstChip(page).getAttribute('data-source')).not.toContain('learned');
  await page.close();
});

it('imports a learned-picks file saved as GBK; an id twice is named when the copies differ and counted as skipped when they are the same', async () => {
  const opts = await s.h.openExtensionPage('options.html#learned');
  const pick = { id: 'e2e-gbk-1', at: Date.now(), text: '快递到哪了', scenario: 'tracking', templateId: null, source: 'chip' };
  const choose = (name: string, picks: unknown[]) =>
    opts.locator('[data-kf="learned-import"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(encodeLegacy('gbk', JSON.stringify({ kind: 'kf-learned', v: 1, exportedAt: 1, picks }))) });
  const message = () => opts.locator('[data-kf="learned-message"]').textContent();
  try {
    await choose('edited.json', [pick, { ...pick, text: '退货' }]);
    await expect.poll(message).toBe('没能导入：第 2 条记录（id "e2e-gbk-1"）：id 与第 1 条重复，内容却不同（文件可能被改动过）。没有导入任何内容，现有学习记录未改动。');
    expect(await opts.locator('[data-pick-id="e2e-gbk-1"]').count()).toBe(0);

    await choose('twice.json', [pick, pick]);
    await expect.poll(message).toMatch(/^已导入 1 条新记录。 文件中 1 条重复，已跳过。/);
    await expect.poll(() => opts.locator('[data-pick-id="e2e-gbk-1"] td').first().textContent()).toBe('快递到哪了');
  } finally {
    await opts.close();
  }
});
