/**
 * 导出店铺设置（不含买家数据）: a lead agent sets the shop up once and hands the same set-up to a
 * colleague on another machine, without passing any buyer's data around (lib/domain/all-data.ts,
 * components/options/README.md). Before, the only file with the settings was 导出全部数据, every
 * buyer's notes in it. Real Chromium, the built extension, two profiles (two computers).
 */
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension } from './harness';
import { callFromExtensionPage } from './pages';

const REPLY = { id: 'setup-e2e-bulky', title: '大件物流说明', body: '亲，沙发走大件物流，到货前师傅会先电话联系您约时间', group: '物流', scenarios: ['courier'], code: 'djwl' };
const LEAD_BUYER = { platform: 'demo', nickname: '周末去露营', buyerId: 'u-3107' };
const LEAD_NOTE = '只收顺丰，门口放鞋柜上';
const OWN_BUYER = { platform: 'demo', nickname: '晚风不眠', buyerId: 'u-4410' };

const total = (p: Page) => callFromExtensionPage<{ total: number }>(p, 'listCustomers', {}).then((r) => r.total);

it('the set-up exported after a buyer note and a new cut-off brings the cut-off and a custom reply to a fresh profile, and no buyer note', async () => {
  // The lead's computer: a buyer noted, the cut-off changed on 店铺设置, a reply of the shop's own added.
  const lead = await launchWithExtension();
  let file: Buffer;
  try {
    const shop = await lead.openExtensionPage('options.html#shop');
    await callFromExtensionPage(shop, 'patchCustomer', { ...LEAD_BUYER, patch: { note: LEAD_NOTE } });
    const lib = await callFromExtensionPage<{ groups: string[]; templates: unknown[] }>(shop, 'getLibrary');
    await callFromExtensionPage(shop, 'saveLibrary', { groups: [...lib.groups, REPLY.group], templates: [...lib.templates, REPLY] });
    await shop.locator('input[name=agentName]').fill('阿绿');
    await shop.locator('input[name=cutoff]').fill('14:30');
    await shop.locator('[data-kf="shop-settings"] button[type=submit]').click();
    await expect.poll(() => callFromExtensionPage<{ shop: { cutoff: string } }>(shop, 'getSettings').then((s) => s.shop.cutoff)).toBe('14:30');

    const options = await lead.openExtensionPage('options.html#import');
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('[data-kf="setup-export"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^kefu-shop-setup-\d{8}\.json$/);
    file = await readFile((await download.path())!);
    await expect.poll(() => options.locator('[data-kf="all-result"]').textContent()).toContain('不含任何买家数据');
  } finally {
    await lead.close();
  }
  const text = file.toString('utf8');
  for (const personal of [LEAD_NOTE, LEAD_BUYER.nickname, LEAD_BUYER.buyerId, '阿绿']) expect(text).not.toContain(personal);

  // A colleague's fresh computer, one buyer of their own noted already: 导入文件… → 替换 with the lead's file.
  const colleague = await launchWithExtension();
  try {
    const options = await colleague.openExtensionPage('options.html#import');
    await callFromExtensionPage(options, 'patchCustomer', { ...OWN_BUYER, patch: { note: '要发票' } });
    // The button the colleague presses is named for any file (it read 导入全部数据 before ui7), and says it takes this one.
    expect(await options.locator('label:has([data-kf="all-import-file"])').textContent()).toBe('导入文件…');
    expect(await options.locator('[data-kf="all-import-help"]').textContent()).toContain('「导出店铺设置」保存的文件');
    await options.locator('[data-kf="all-import-file"]').setInputFiles({ name: 'kefu-shop-setup.json', mimeType: 'application/json', buffer: file });
    await expect.poll(() => options.locator('[data-kf="all-import-setup"]').textContent()).toContain('不含买家数据');
    expect(await options.locator('[data-kf="all-import-counts"] tr[data-area="customers"]').count()).toBe(0);
    await options.locator('[data-kf="all-import-replace"]').click();
    await expect.poll(() => options.locator('[data-kf="all-result"]').textContent()).toContain('客户档案、跟进等买家数据没有改动');

    const shop = await colleague.openExtensionPage('options.html#shop');
    await expect.poll(() => shop.locator('input[name=cutoff]').inputValue()).toBe('14:30');
    expect(await shop.locator('input[name=agentName]').inputValue()).toBe('');

    const templates = await colleague.openExtensionPage('options.html#templates');
    await templates.locator('[data-kf="template-filter"]').fill(REPLY.title);
    await expect.poll(() => templates.locator('[data-kf="template-table"]').textContent()).toContain(REPLY.title);

    // No buyer of the lead's came; the colleague's own is still there, note and all.
    expect(await total(options)).toBe(1);
    const [theirs, mine] = await callFromExtensionPage<({ note: string } | null)[]>(options, 'getCustomers', { platform: 'demo', buyers: [LEAD_BUYER, OWN_BUYER] });
    expect(theirs).toBeNull();
    expect(mine!.note).toBe('要发票');
  } finally {
    await colleague.close();
  }
});
