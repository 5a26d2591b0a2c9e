/**
 * The options page as the blind QA passes left it: forms that lost what was typed when something
 * changed elsewhere (合规检查's reply clock, 客户档案's edit form below the first page; 团队 checked
 * too), the import pickers out of reach of the keyboard, and the tables at a 480 px window (a reply
 * deleted over another tab's edit: library-qa.e2e.test.ts). The built extension in real Chromium;
 * each test puts back what it changed.
 */
import { describe, expect, it } from 'vitest';
import type { FileChooser, Page } from 'playwright-core';
import { callFromExtensionPage, nextChangeSeen } from './pages';
import { optionsTabsSuite } from './suite';
import { DEFAULT_CLOCK_SETTINGS } from '../../lib/domain/clock/types';
import { newCustomer } from '../../lib/domain/customers';
import type { AppSettings } from '../../lib/storage/settings';

const s = optionsTabsSuite(async (other) => {
  await callFromExtensionPage(other, 'patchSettings', { replyClock: DEFAULT_CLOCK_SETTINGS, panel: { collapsed: false } });
  await callFromExtensionPage(other, 'saveGuardConfig', { v: 1, disabled: [], rules: [] });
});
const openOptions = (tab: string) => s.open(tab);

/** A change announced for `area` as the worker announces one, with nothing changed in it: every tab showing it reloads. */
const announce = (page: Page, area: string) =>
  page.evaluate((key) => (globalThis as any).chrome.storage.local.set({ [key]: Date.now() + Math.random() }), `kf:rev:${area}`);
const settings = () => callFromExtensionPage<AppSettings>(s.other, 'getSettings');

describe('what is typed survives a change made elsewhere', () => {
  it('合规检查: keeps a reply-clock threshold being typed, the new rule and the try-out through a settings and a rules change, and merges another tab\'s threshold', async () => {
    const guard = await openOptions('guard');
    const clock = (platform: string, i: 0 | 1) => guard.locator(`[data-kf="clock-thresholds"] tr[data-platform="${platform}"] input`).nth(i);
    await clock('taobao', 0).fill('150');
    await clock('taobao', 1).fill('240');
    await guard.locator('[data-kf="guard-add"] input[name="words"]').fill('秒发');
    await guard.locator('[data-kf="guard-add"] input[name="reason"]').fill('本店不承诺时效');
    await guard.locator('[data-kf="guard-try"]').fill('亲加我微信');
    await clock('taobao', 0).fill('90');

    // The panel on a chat page stores its collapsed state in the settings; another tab adds a rule.
    const seen = await nextChangeSeen(guard, 'settings');
    await callFromExtensionPage(s.other, 'patchSettings', { panel: { collapsed: true } });
    await seen();
    await callFromExtensionPage(s.other, 'saveGuardConfig', { v: 1, disabled: [], rules: [{ id: 'shop-x', words: ['包邮'], severity: 'warn', platforms: ['any'], reason: '别处加的' }] });
    await guard.locator('[data-kf="guard-shop-rules"] tr[data-rule-id="shop-x"]').waitFor();
    expect(await clock('taobao', 0).inputValue()).toBe('90');
    expect(await clock('taobao', 1).inputValue()).toBe('240');
    expect(await guard.locator('[data-kf="guard-add"] input[name="words"]').inputValue()).toBe('秒发');
    expect(await guard.locator('[data-kf="guard-try"]').inputValue()).toBe('亲加我微信');
    expect(await guard.locator('[data-kf="changed-elsewhere"]').count()).toBe(0);
    // Nothing was saved by typing or leaving a box.
    expect((await settings()).replyClock.taobao).toMatchObject({ amberSec: 120, redSec: 180 });
    expect(await guard.locator('[data-tab="guard"][data-unsaved]').count()).toBe(1);

    // Another tab changes JD's thresholds: named, merged on request, saved together.
    await callFromExtensionPage(s.other, 'patchSettings', { replyClock: { jd: { amberSec: 60, redSec: 100 } } });
    await expect.poll(() => guard.locator('[data-kf="changed-fields"]').textContent()).toBe('别处改动的项：京东 · 黄色（秒）、京东 · 红色（秒）');
    expect(await clock('taobao', 0).inputValue()).toBe('90');
    await guard.locator('[data-kf="draft-merge"]').click();
    expect(await clock('jd', 0).inputValue()).toBe('60');
    await clock('taobao', 1).press('Enter');
    await expect.poll(() => guard.locator('[data-kf="clock-status"]').textContent()).toBe('已保存');
    const stored = (await settings()).replyClock;
    expect(stored.taobao).toMatchObject({ amberSec: 90, redSec: 240 });
    expect(stored.jd).toMatchObject({ amberSec: 60, redSec: 100 });
    expect(stored.douyin.window).toEqual({ from: '08:00', to: '23:00' });
    expect(await guard.locator('[data-tab="guard"][data-unsaved]').count()).toBe(0);
  });

  it('合规检查: says which threshold is wrong instead of saving a default in its place', async () => {
    const guard = await openOptions('guard');
    const amber = guard.locator('[data-kf="clock-thresholds"] tr[data-platform="pdd"] input').nth(0);
    await amber.fill('200');
    await guard.locator('[data-kf="clock-save"]').click();
    await expect.poll(() => guard.locator('[data-kf="clock-status"]').textContent()).toBe('没有保存：拼多多的红色阈值（180 秒）比黄色（200 秒）还短，红色要等于或长于黄色。');
    await amber.fill('3');
    await guard.locator('[data-kf="clock-save"]').click();
    await expect.poll(() => guard.locator('[data-kf="clock-status"]').textContent()).toBe('没有保存：“拼多多 · 黄色（秒）”要填 5 到 86400 之间的整数秒数。');
    expect((await settings()).replyClock.pdd).toMatchObject({ amberSec: 120, redSec: 180 });
    expect(await amber.inputValue()).toBe('3');
  });

  it('客户档案: keeps a buyer\'s edit form below the first page, as typed, when the panel saves another buyer\'s note', async () => {
    const now = Date.now();
    const buyers = Array.from({ length: 60 }, (_, i) => newCustomer('demo', `买家${String(i + 1).padStart(2, '0')}`, now));
    await callFromExtensionPage(s.other, 'importCustomers', { json: { format: 'kefu-customers', version: 2, exportedAt: now, customers: buyers } });
    try {
      const page = await openOptions('customers');
      await page.locator('[data-kf="customers-more"]').click();
      const row = page.locator('tr', { has: page.getByText('买家55', { exact: true }) });
      await row.locator('[data-kf="customer-edit"]').click();
      const note = page.locator('[data-kf="customer-edit-form"] [data-field="note"]');
      await note.fill('只发顺丰，写了一半');

      const seen = await nextChangeSeen(page, 'customers');
      await callFromExtensionPage(s.other, 'patchCustomer', { platform: 'demo', nickname: '买家01', patch: { note: '面板上记的' } });
      await seen();
      await expect.poll(() => page.locator('[data-kf="customer-notes"]').first().textContent()).toContain('面板上记的');
      expect(await note.inputValue()).toBe('只发顺丰，写了一半');
      await page.locator('[data-kf="customer-edit-save"]').click();
      await expect.poll(() => row.locator('[data-kf="customer-notes"]').textContent()).toContain('只发顺丰，写了一半');
    } finally {
      await callFromExtensionPage(s.other, 'deleteAllCustomers', { confirm: true });
    }
  });

  it('团队: keeps the sign-in form as typed when team mode and the settings change elsewhere', async () => {
    const team = await openOptions('team');
    const field = (k: string) => team.locator(`[data-kf="team-${k}"]`);
    await field('server').fill('https://team.example.cn');
    await field('shop').fill('橙子旗舰店');
    await field('user').fill('小美');
    await field('password').fill('口令123');
    await field('shift').selectOption('night');

    const teamSeen = await nextChangeSeen(team, 'team');
    await announce(s.other, 'team');
    await teamSeen();
    const settingsSeen = await nextChangeSeen(team, 'settings');
    await callFromExtensionPage(s.other, 'patchSettings', { panel: { collapsed: true } });
    await settingsSeen();
    expect(await field('server').inputValue()).toBe('https://team.example.cn');
    expect(await field('shop').inputValue()).toBe('橙子旗舰店');
    expect(await field('user').inputValue()).toBe('小美');
    expect(await field('password').inputValue()).toBe('口令123');
    expect(await field('shift').inputValue()).toBe('night');
  });
});

/**
 * The file choosers `page` opens, in order, through one listener for the page's life: Playwright
 * turns its interception of choosers off and on again around each waitForEvent, and a key pressed
 * meanwhile opens one that no test sees. Call it before the keys are pressed.
 */
function fileChoosers(page: Page): () => Promise<FileChooser> {
  const arrived: FileChooser[] = [];
  const waiting: ((c: FileChooser) => void)[] = [];
  page.on('filechooser', (c) => {
    const w = waiting.shift();
    if (w) w(c);
    else arrived.push(c);
  });
  return () => {
    const c = arrived.shift();
    return c ? Promise.resolve(c) : new Promise((resolve) => waiting.push(resolve));
  };
}

describe('the import pickers from the keyboard', () => {
  it.each([
    // tab, the control before the picker, the picker, its name
    ['import', 'export', 'import-file', '导入 JSON 文件'],
    ['learned', 'learned-export', 'learned-import', '导入学习记录'],
    ['customers', 'customers-export-csv', 'customers-import-file', '导入客户 JSON 文件'],
  ])('%s: Tab reaches the picker, which is named, and Enter or Space opens the file chooser', async (tab, before, picker, name) => {
    const page = await openOptions(tab);
    const nextChooser = fileChoosers(page);
    await page.locator(`[data-kf="${before}"]`).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-kf'))).toBe(picker);
    expect(await page.getByLabel(name, { exact: true }).getAttribute('data-kf')).toBe(picker);
    // The focus is shown on the label the eye sees.
    expect(await page.locator(`label:has([data-kf="${picker}"])`).evaluate((l) => getComputedStyle(l).outlineStyle)).toBe('solid');
    for (const key of ['Enter', 'Space']) {
      await page.keyboard.press(key);
      expect(await (await nextChooser()).element().getAttribute('data-kf')).toBe(picker);
    }
  });

  it('imports the file chosen from the keyboard', async () => {
    const page = await openOptions('learned');
    const nextChooser = fileChoosers(page);
    await page.locator('[data-kf="learned-import"]').focus();
    await page.keyboard.press('Enter');
    const picks = [{ id: 'kb-1', at: Date.now(), text: '能便宜点吗', scenario: 'bargain', templateId: null, source: 'chip' }];
    await (await nextChooser()).setFiles({ name: 'learned.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ kind: 'kf-learned', v: 1, exportedAt: Date.now(), picks })) });
    await expect.poll(() => page.locator('[data-kf="learned-message"]').textContent()).toBe('已导入 1 条新记录。 导入前的数据已备份，可在「备份」页恢复。');
    await callFromExtensionPage(s.other, 'forgetLearned', { all: true });
  });
});

describe('a 480 px window', () => {
  /** Opens a tab at 480 px once its table has rows. */
  async function narrow(tab: string, rows: string): Promise<Page> {
    const page = await openOptions(tab);
    await page.setViewportSize({ width: 480, height: 900 });
    await page.locator(rows).first().waitFor();
    return page;
  }
  /**
   * What is laid out wrong in the tab shown: the named headers and buttons whose words take more
   * than one line (分/类), the buttons reaching past their card, and whether the page is wider than
   * the window.
   */
  const layout = (page: Page, names: string[]) =>
    page.evaluate((names) => {
      const panel = document.querySelector('[role="tabpanel"]:not([hidden])')!;
      const lines = (el: Element) => {
        const text = document.createRange();
        text.selectNodeContents(el);
        return Math.round(text.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
      };
      const found = [...panel.querySelectorAll('th, button')].filter((el) => names.includes(el.textContent!.trim()));
      const outside = [...panel.querySelectorAll('.kf-card button')].filter((b) => {
        const r = b.getBoundingClientRect();
        const card = b.closest('.kf-card')!.getBoundingClientRect();
        return r.width > 0 && (r.left < card.left || r.right > card.right);
      });
      return {
        named: [...new Set(found.map((el) => el.textContent!.trim()))].sort(),
        onMoreLines: found.filter((el) => lines(el) > 1).map((el) => el.textContent!.trim()),
        outsideCard: outside.map((b) => b.textContent!.trim()),
        pageWider: document.documentElement.scrollWidth > innerWidth,
      };
    }, names);

  it('客户档案: headers and 编辑 / 导出 / 删除 on one line each, the buttons inside the card', async () => {
    for (const nickname of ['小红帽2019', 'tb_buyer_very_long_nickname_01']) {
      await callFromExtensionPage(s.other, 'patchCustomer', {
        platform: 'demo', nickname,
        patch: { note: '只发顺丰，不要发中通，地址写到门牌号', tags: ['VIP', '爱退货'], sizes: { heightCm: 165, weightKg: 52, usualSize: 'M' } },
      });
    }
    try {
      const page = await narrow('customers', '[data-kf="customer-nick"]');
      const names = ['买家', '分类', '标签', '尺码', '最近接待', '编辑', '导出', '删除', '保存'];
      expect(await layout(page, names)).toEqual({ named: [...names].sort(), onMoreLines: [], outsideCard: [], pageWider: false });
    } finally {
      await callFromExtensionPage(s.other, 'deleteAllCustomers', { confirm: true });
    }
  });

  it('话术库, 学习记录, 备份 and 备注规则: headers and buttons on one line each, inside their cards', async () => {
    await callFromExtensionPage(s.other, 'importLearned', {
      json: { kind: 'kf-learned', v: 1, exportedAt: Date.now(), picks: [{ id: 'n-1', at: Date.now(), text: '能便宜点吗亲，我买两件', scenario: 'bargain', templateId: null, source: 'chip' }] },
    });
    await callFromExtensionPage(s.other, 'createBackup');
    try {
      const cases: [string, string, string[]][] = [
        ['templates', '[data-kf="edit-template"]', ['标题', '分组', '简码', '适用场景', '编辑']],
        ['learned', '[data-kf="learned-forget"]', ['场景', '话术', '时间', '忘记']],
        ['backups', '[data-kf="backup-restore"]', ['时间', '原因', '内容', '恢复']],
        ['remark-rules', '[data-kf="editor-fields"] tbody tr', ['名称', '类型', '必填']],
      ];
      for (const [tab, rows, names] of cases) {
        const page = await narrow(tab, rows);
        expect({ tab, ...(await layout(page, names)) }).toEqual({ tab, named: [...names].sort(), onMoreLines: [], outsideCard: [], pageWider: false });
      }
    } finally {
      await callFromExtensionPage(s.other, 'forgetLearned', { all: true });
    }
  });
});
