/**
 * A shop that does not sell clothes, fresh install: 话术库 says which starter replies were written
 * for a clothing shop and removes the unedited ones in one click (QA pass S, defect 10). The demo
 * console then answers a size question with the generic 细节待核实 reply instead of 推荐尺码; the
 * backup taken first is listed in 备份, and an extension update (the directory loaded again, as
 * 重新加载 does) brings none back.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, inPanel, openDemoChat } from './pages';
import { extensionSuite } from './suite';

type Lib = { groups: string[]; templates: { id: string; title: string; body: string; group: string }[] };

const s = extensionSuite({ shop: 'close', page: 'none', launch: { args: ['--enable-unsafe-extension-debugging'] } });

/** The clothing-only starter replies this test knows by name (lib/domain/templates/starter-kinds.ts). */
const CLOTHING = ['size-ask', 'size-recommend', 'size-model', 'size-chart', 'size-exchange-ok', 'product-material', 'product-match'];

/** The reply ids the demo console's panel suggests for a buyer asking `text`. */
async function suggestedFor(page: Page, text: string): Promise<string[]> {
  await openDemoChat(page, s.h.demoUrl);
  await inPanel(page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
  await page.evaluate((t) => (window as any).__demo.pushBuyerMessage((window as any).__demo.activeBuyer(), t), text);
  await expect.poll(() => inPanel(page, '[data-kf="chip"][data-scenario="size-fit"]').count()).toBeGreaterThan(0);
  await inPanel(page, '[data-kf="suggestions"][data-signals="ready"]').waitFor();
  return inPanel(page, '[data-kf="suggestions"] [data-kf="template"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-template-id')!));
}

/** Sizes given: before the removal the panel recommends a size (推荐尺码, a clothing starter). A bare
 * 选多大 question is not used: since 2026-12-07 its cards are the size chart and 细节待核实 either way
 * (尺码不合适可换 answers an exchange asked about, no longer any size question). */
const SIZE_QUESTION = '身高165 体重110斤 这款穿多大码合适';

it('removes the unedited clothing starter replies after a backup; a size question then gets 细节待核实, and an update adds none back', async () => {
  const chat = await s.h.context.newPage();
  const before = await suggestedFor(chat, SIZE_QUESTION);
  expect(before).toContain('size-recommend');

  const opts = await s.h.openExtensionPage('options.html#templates');
  const starter = await callFromExtensionPage<Lib>(opts, 'getLibrary');
  // The owner rewrote one of them for the shop's own goods: it stays.
  const own = starter.templates.map((x) => (x.id === 'size-chart' ? { ...x, body: '亲，详情页写了每个规格的长宽高，您量一下摆放的位置再选～' } : x));
  await callFromExtensionPage(opts, 'saveLibrary', { groups: starter.groups, templates: own });
  const notice = opts.locator('[data-kf="starter-kind"]');
  await expect.poll(() => notice.textContent()).toContain('这些起始话术按服装店编写');
  expect(await notice.textContent()).toContain('您改过的 1 条（对照尺码表）会保留');
  opts.once('dialog', (d) => void d.accept());
  await opts.locator('[data-kf="starter-kind-remove"]').click();
  await expect.poll(() => opts.locator('[data-kf="starter-kind-status"]').textContent()).toContain('条服装类起始话术');
  // The editor below shows the library without them, at once.
  await opts.locator('[data-kf="template-table"] [data-template-id="size-recommend"]').waitFor({ state: 'detached' });

  const after = await callFromExtensionPage<Lib>(opts, 'getLibrary');
  const ids = after.templates.map((x) => x.id);
  for (const id of CLOTHING.filter((x) => x !== 'size-chart')) expect(ids, id).not.toContain(id);
  expect(after.templates.find((x) => x.id === 'size-chart')!.body).toContain('长宽高');
  expect(ids).toContain('product-verify');

  // What the agent sees for the same question: the generic reply and the shop's own, no 尺码推荐 starter.
  const now = await suggestedFor(chat, SIZE_QUESTION);
  expect(now).toContain('product-verify');
  expect(now).toContain('size-chart');
  for (const id of CLOTHING.filter((x) => x !== 'size-chart')) expect(now, id).not.toContain(id);

  // The safety copy taken first is in 备份.
  await opts.locator('[data-tab="backups"]').click();
  await expect.poll(() => opts.locator('[data-kf="backup-row"]').first().textContent()).toContain('删除服装类起始话术前');
  await opts.close();

  // An extension update: the worker's starter step runs again and adds none of them back.
  const cdp = await s.h.context.browser()!.newBrowserCDPSession();
  await cdp.send('Extensions.loadUnpacked' as never, { path: s.h.extensionDir } as never);
  await cdp.detach();
  const later = await s.h.openExtensionPage('options.html#import');
  await expect.poll(async () => (await callFromExtensionPage<Lib>(later, 'getLibrary')).templates.length, { timeout: 15_000 }).toBe(after.templates.length);
  const stored = await callFromExtensionPage<Lib>(later, 'getLibrary');
  for (const id of CLOTHING.filter((x) => x !== 'size-chart')) expect(stored.templates.map((x) => x.id), id).not.toContain(id);
  await later.close();
  await chat.close();
});
