/**
 * Unsaved edits in the options page while the same data changes elsewhere: a remark saved anyway
 * on an order page, a second options tab, the panel remembering it was collapsed. The page keeps
 * what the user typed, says when the saved version changed, and lets them load or merge it
 * (components/options/useDraft.ts). Also: drafts through tab switches, the prompt before closing,
 * the tab keys, and the language switching without a reload.
 */
import { expect, it } from 'vitest';
import { callFromExtensionPage, inPanel, nextChangeSeen, openDemoChat } from './pages';
import { optionsTabsSuite } from './suite';
import { PRESET_A, cloneRuleSet, type RuleSet } from '../../lib/domain/remarks';

/** `other`, the second options tab, is the "elsewhere" of these tests. */
const s = optionsTabsSuite(async (other) => {
  await callFromExtensionPage(other, 'saveRuleSet', cloneRuleSet(PRESET_A));
  await callFromExtensionPage(other, 'patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '16:00', locale: 'zh-CN' }, shopCues: {}, panel: { collapsed: false } });
});
const openOptions = (tab: string) => s.open(tab);

it('keeps a remark-rule edit when a remark is saved anyway elsewhere, and when another tab saves other rules it says so instead of replacing the edit', async () => {
  const rules = await openOptions('remark-rules');
  // 紫旗's rule (the editor opens on the first flag with a rule).
  await rules.locator('[data-kf="editor-target"]').selectOption('purple');
  await rules.locator('[data-kf="editor-title"]').fill('延迟发货-主管改');
  await rules.locator('[data-kf="editor-meaning"]').fill('主管正在改的说明');
  await rules.locator('[data-kf="rules-unsaved"]').waitFor();

  // An order page's panel saves a remark against the rules, with a reason: 'rules' is announced.
  await callFromExtensionPage(s.other, 'recordRemark', {
    platform: 'taobao', orderId: '1234567890123', buyer: 'tb_buyer1', flag: 'purple', text: '延迟',
    override: { reason: '买家急', problems: [{ code: 'missing', message: '缺少可发货日' }] },
  });
  // The tab reloaded (the log shows the new entry); the edit is still there, unsaved, and nothing was announced.
  await expect.poll(() => rules.locator('[data-kf="remark-overrides"]').textContent()).toContain('买家急');
  expect(await rules.locator('[data-kf="editor-title"]').inputValue()).toBe('延迟发货-主管改');
  expect(await rules.locator('[data-kf="editor-meaning"]').inputValue()).toBe('主管正在改的说明');
  expect(await rules.locator('[data-kf="rules-unsaved"]').count()).toBe(1);
  expect(await rules.locator('[data-kf="rules-save"]').isDisabled()).toBe(false);
  expect(await rules.locator('[data-kf="changed-elsewhere"]').count()).toBe(0);

  // Another manager saves different rules in a second tab.
  const theirs: RuleSet = cloneRuleSet(PRESET_A);
  theirs.limits.postageYuan = 12;
  await callFromExtensionPage(s.other, 'saveRuleSet', theirs);
  await rules.locator('[data-kf="changed-elsewhere"]').waitFor();
  expect(await rules.locator('[data-kf="editor-title"]').inputValue()).toBe('延迟发货-主管改');
  // Saving now would replace their rules: the tab says so and saves nothing.
  await rules.locator('[data-kf="rules-save"]').click();
  await expect.poll(() => rules.locator('[data-kf="rules-status"]').textContent()).toContain('会覆盖别处刚保存的修改');
  expect((await callFromExtensionPage<RuleSet>(s.other, 'getRuleSet')).flags.purple.title).toBe('延迟发货');
  // Loading their version drops the edit.
  await rules.locator('[data-kf="draft-load"]').click();
  expect(await rules.locator('[data-kf="editor-title"]').inputValue()).toBe('延迟发货');
  expect(await rules.locator('[data-kf="limit-postageYuan"]').inputValue()).toBe('12');
  expect(await rules.locator('[data-kf="rules-unsaved"]').count()).toBe(0);
});

it('keeps what is typed in 店铺设置 when the chat panel is collapsed in another tab, and merges a change to another field made elsewhere', async () => {
  const shop = await openOptions('shop');
  await shop.locator('input[name=shopName]').fill('橙子旗舰店（新）');
  await shop.locator('input[name=agentName]').fill('小美-夜班');
  await shop.locator('details summary').click();
  await shop.locator('input[data-cue="size-fit"]').fill('穿多大,啥码');

  // The agent collapses the panel on the chat page: the panel stores that in the settings.
  const seen = await nextChangeSeen(shop, 'settings');
  const chat = await s.newPage();
  await openDemoChat(chat, s.h.demoUrl);
  await inPanel(chat, '[data-kf="collapse"]').click();
  await inPanel(chat, '[data-kf="expand"]').waitFor();
  await shop.bringToFront(); // animation frames run only in the front tab
  await seen();
  expect(await shop.locator('input[name=shopName]').inputValue()).toBe('橙子旗舰店（新）');
  expect(await shop.locator('input[name=agentName]').inputValue()).toBe('小美-夜班');
  expect(await shop.locator('input[data-cue="size-fit"]').inputValue()).toBe('穿多大,啥码');
  expect(await shop.locator('[data-kf="changed-elsewhere"]').count()).toBe(0);

  // A second options tab changes the cut-off meanwhile: named, and merged on request.
  await callFromExtensionPage(s.other, 'patchSettings', { shop: { cutoff: '17:00' } });
  await expect.poll(() => shop.locator('[data-kf="changed-fields"]').textContent()).toBe('别处改动的项：截单时间');
  expect(await shop.locator('input[name=shopName]').inputValue()).toBe('橙子旗舰店（新）');
  await shop.locator('[data-kf="draft-merge"]').click();
  expect(await shop.locator('input[name=cutoff]').inputValue()).toBe('17:00');
  await shop.locator('[data-kf="shop-settings"] button[type=submit]').click();
  await expect.poll(() => shop.locator('[data-kf="status"]').textContent()).toBe('已保存');
  const stored = await callFromExtensionPage<{ shop: Record<string, string>; shopCues: Record<string, string[]>; panel: { collapsed: boolean } }>(s.other, 'getSettings');
  expect(stored.shop).toMatchObject({ shopName: '橙子旗舰店（新）', agentName: '小美-夜班', cutoff: '17:00' });
  expect(stored.shopCues['size-fit']).toEqual(['穿多大', '啥码']);
  expect(stored.panel.collapsed).toBe(true);
});

it('keeps drafts through tab switches, asks before the page is closed with one, and moves between tabs with the arrow keys', async () => {
  const o = await openOptions('remark-rules');
  await o.locator('[data-kf="editor-title"]').click();
  await o.locator('[data-kf="editor-title"]').fill('延迟发货X');
  await o.locator('[data-tab="shop"]').click();
  await o.locator('input[name=shopName]').fill('写了一半');
  await o.locator('[data-tab="remark-rules"]').click();
  expect(await o.locator('[data-kf="editor-title"]').inputValue()).toBe('延迟发货X');
  await o.locator('[data-tab="shop"]').click();
  expect(await o.locator('input[name=shopName]').inputValue()).toBe('写了一半');
  expect(await o.locator('[data-tab="remark-rules"][data-unsaved]').textContent()).toContain('有未保存的修改');

  // The tab list: ArrowRight from 店铺设置 shows the next tab and focuses it.
  await o.locator('[data-tab="shop"]').focus();
  await o.keyboard.press('ArrowRight');
  await o.locator('[data-tab="usage"][aria-selected="true"]').waitFor();
  expect(await o.evaluate(() => document.activeElement?.getAttribute('data-tab'))).toBe('usage');
  await o.keyboard.press('Home');
  await o.locator('[data-tab="templates"][aria-selected="true"]').waitFor();

  const dialog = new Promise<string>((resolve) => o.once('dialog', (d) => {
    resolve(d.type());
    void d.dismiss();
  }));
  await o.close({ runBeforeUnload: true });
  expect(await dialog).toBe('beforeunload');
  expect(o.isClosed()).toBe(false);
  await o.close();
});

it('switches the open page to English when the language is saved, keeping a draft on another tab', async () => {
  const o = await openOptions('remark-rules');
  await o.locator('[data-kf="editor-title"]').fill('延迟发货Y');
  await o.locator('[data-tab="shop"]').click();
  await o.locator('select[name=locale]').selectOption('en');
  await o.locator('[data-kf="shop-settings"] button[type=submit]').click();
  await expect.poll(() => o.locator('h1').textContent()).toBe('Service Desk Helper · Settings');
  expect(await o.title()).toBe('Service Desk Helper · Settings');
  expect(await o.evaluate(() => document.documentElement.lang)).toBe('en');
  expect(await o.locator('[data-kf="status"]').textContent()).toBe('Saved');
  expect(await o.locator('input[data-cue="size-fit"]').evaluate((el) => el.closest('label')!.querySelector('span')!.textContent)).toBe('Size & fit');
  await o.locator('[data-tab="remark-rules"]').click();
  expect(await o.locator('[data-kf="editor-title"]').inputValue()).toBe('延迟发货Y');
  expect(await o.locator('[data-kf="ruleset-name"]').textContent()).toMatch(/^Current: Convention A \(red = ready to ship/);
  // And back, from another tab this time.
  await callFromExtensionPage(s.other, 'patchSettings', { shop: { locale: 'zh-CN' } });
  await expect.poll(() => o.locator('h1').textContent()).toBe('客服助手 · 设置');
  expect(await o.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
});
