/**
 * The options page's reply library, as the blind QA pass of 2026-12-03 used it: importing a small
 * file into a full library, two options tabs editing the same reply, and 编辑 on a row far down
 * the list. The built extension in Chromium; each test leaves the library as the starter's.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { libraryPages } from './library-pages';
import { callFromExtensionPage } from './pages';
import { encodeLegacy } from '../legacy-encode';

const { s: kit, options, library } = libraryPages();
const form = (page: Page) => page.locator('[data-kf="template-form"]');
const editButton = (page: Page, title: string) => page.getByRole('button', { name: `编辑「${title}」`, exact: true });
/** A row's 编辑 by the template's id (the same on the build before the QA fixes, to compare). */
const editRow = (page: Page, id: string) => page.locator(`tr[data-template-id="${id}"] .kf-link`).first();

describe('importing a library file into a full library', () => {
  /** What the QA imported: an export with three replies, one of them changed, one new. */
  const file = async () => {
    const exported = await callFromExtensionPage<Record<string, unknown>>(kit.ext, 'exportLibrary');
    const [a, b] = kit.starter.templates;
    return {
      ...exported,
      templates: [{ ...a!, body: `${a!.body}（文件里改过）` }, b!, { id: 'qa-new', title: '文件带来的新话术', body: '亲，这是文件里的新话术。', group: a!.group, scenarios: ['greeting'] }],
    };
  };
  const choose = async (page: Page, name: string) =>
    page.locator('[data-kf="import-file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(await file())) });

  it('asks first with the counts in words, merges by default, and keeps the replies the file does not hold', async () => {
    const n = kit.starter.templates.length;
    const page = await options('import');
    await choose(page, 'partial3.json');
    const confirm = page.locator('[data-kf="import-confirm"]');
    await expect.poll(() => confirm.textContent()).toContain(`文件中有 3 条话术，现有话术库有 ${n} 条。按 id 对照：文件中 1 条是新的，1 条与现有话术内容不同，1 条完全相同；现有话术中有 ${n - 2} 条不在文件里。`);
    expect(await page.locator('[data-kf="import-replace-what"]').textContent()).toBe(`替换：现有 ${n} 条话术将被文件中的 3 条替换，文件里没有的 ${n - 2} 条会被删除。`);
    // An export carries the remark and compliance rules too (no taught pages here): said before they are written.
    expect(await confirm.textContent()).toContain('文件还带有：备注规则（替换现有规则）、合规规则设置（替换现有设置），导入时一并写入。');
    // Nothing is written while the agent reads; merge has the focus, so Enter merges.
    expect((await library()).templates).toHaveLength(n);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-kf'))).toBe('import-merge');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain(`已合并：新增 1 条，更新 1 条，话术库现有 ${n + 1} 条。`);
    const after = await library();
    expect(after.templates).toHaveLength(n + 1);
    expect(after.templates[0]!.body).toContain('（文件里改过）');
    expect(after.templates.at(-1)!.title).toBe('文件带来的新话术');
  });

  it('replaces only when chosen, after a backup that 备份 restores', async () => {
    const page = await options('import');
    await choose(page, 'partial3.json');
    await page.locator('[data-kf="import-replace"]').click();
    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain(`已替换：话术库现有 3 条（原有 ${kit.starter.templates.length} 条）。`);
    expect((await library()).templates).toHaveLength(3);

    await page.locator('[data-tab="backups"]').click();
    const row = page.locator('[data-kf="backup-row"]').first();
    await expect.poll(() => row.textContent()).toContain('导入话术库前');
    await row.locator('[data-kf="backup-restore"]').click();
    await row.locator('[data-kf="backup-restore-confirm"]').click();
    await page.locator('[data-kf="backup-message"]').waitFor();
    expect((await library()).templates.map((x) => x.id)).toEqual(kit.starter.templates.map((x) => x.id));
  });

  it('six imports in a row keep the daily and the manual backup listed in 备份', async () => {
    const page = await options('backups');
    const rows = page.locator('[data-kf="backup-row"]');
    const kinds = async () => (await rows.locator('td:nth-child(2)').allTextContents()).join(',');
    // Yesterday's daily backup: the background's own hourly alarm, fired now.
    await page.evaluate(() => (globalThis as any).chrome.alarms.create('kf-backup', { when: Date.now(), periodInMinutes: 60 }));
    await expect.poll(kinds, { timeout: 20_000 }).toContain('每日自动');
    await page.locator('[data-kf="backup-now"]').click();
    await expect.poll(kinds).toMatch(/^手动,/);

    await page.locator('[data-tab="import"]').click();
    for (let i = 1; i <= 6; i++) {
      const f = await file();
      f.templates.push({ id: `qa-run-${i}`, title: `第 ${i} 次导入的新话术`, body: `亲，第 ${i} 次导入。`, group: f.templates[0]!.group, scenarios: ['greeting'] });
      await page.locator('[data-kf="import-file"]').setInputFiles({ name: `run${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(f)) });
      await page.locator('[data-kf="import-merge"]').click();
      await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain('已合并');
    }

    await page.locator('[data-tab="backups"]').click();
    // Five safety copies (the oldest import's went), and the daily and manual backups still there.
    await expect.poll(kinds).toBe('导入话术库前,导入话术库前,导入话术库前,导入话术库前,导入话术库前,手动,每日自动');
    expect(await page.locator('[data-kf="backups"] .kf-help').textContent()).toContain('多次导入或恢复不会挤掉每日和手动备份');
  });

  it('reads a file saved as GBK ("ANSI" in Excel/Notepad) as Chinese, and refuses one whose Chinese was already lost', async () => {
    const page = await options('import');
    const reply = { id: 'gbk-welcome', title: '欢迎光临', body: '亲，您好！请问有什么可以帮您的？', group: '店铺欢迎', scenarios: ['greeting'] };
    const text = JSON.stringify({ format: 'kefu-library', version: 1, groups: ['店铺欢迎'], templates: [reply] });
    const choose = (name: string, bytes: Uint8Array) => page.locator('[data-kf="import-file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(bytes) });

    await choose('gbk.json', encodeLegacy('gbk', text));
    await expect.poll(() => page.locator('[data-kf="import-counts"]').textContent()).toContain('文件中有 1 条话术');
    await page.locator('[data-kf="import-merge"]').click();
    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain('已合并');
    const after = await library();
    expect(after.templates.find((t) => t.id === 'gbk-welcome')).toMatchObject({ title: '欢迎光临', body: '亲，您好！请问有什么可以帮您的？', group: '店铺欢迎' });
    expect(after.templates.filter((t) => t.id !== 'gbk-welcome')).toEqual(kit.starter.templates);

    // The same file opened as UTF-8 and saved again: refused, saying why, and nothing changes.
    await choose('resaved.json', new TextEncoder().encode(new TextDecoder().decode(encodeLegacy('gbk', text.replace('gbk-welcome', 'gbk-resaved')))));
    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toMatch(/文件的编码看起来不对：其中有 \d+ 处乱码字符/);
    expect(await page.locator('[data-kf="import-confirm"]').count()).toBe(0);
    expect(await library()).toEqual(after);
  });

  it('points a buyer-notes export to 客户档案 and changes nothing', async () => {
    const page = await options('import');
    const customers = { format: 'kefu-customers', version: 2, exportedAt: Date.now(), customers: [] };
    await page.locator('[data-kf="import-file"]').setInputFiles({ name: 'kefu-customers.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(customers)) });
    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain('请到「客户档案」页用「导入客户 JSON 文件」导入');
    expect((await library()).templates).toHaveLength(kit.starter.templates.length);
  });
});

describe('two options tabs editing the same reply', () => {
  /** Tabs A and B, each with the reply's form open (B in front). */
  async function bothEditing(id: string): Promise<{ a: Page; b: Page }> {
    const a = await options('templates');
    await editRow(a, id).click();
    const b = await options('templates');
    await editRow(b, id).click();
    return { a, b };
  }
  /** Back in tab A: a new body, 保存; the notice the form shows instead of saving. */
  async function saveInA(a: Page, body: string) {
    await a.bringToFront();
    await form(a).locator('textarea[name="body"]').fill(body);
    await form(a).locator('[data-kf="save-template"]').click();
    return form(a).locator('[data-kf="template-clash"]');
  }

  it('does not bring back a reply the other tab deleted; it offers to save it as a new one', async () => {
    const { a, b } = await bothEditing('refund-done');
    b.once('dialog', (d) => void d.accept());
    await form(b).locator('button.kf-danger').click();
    await expect.poll(() => b.locator('[data-kf="status"]').textContent()).toBe('已删除「退款已完成」。 撤销');

    const clash = await saveInA(a, '亲，tab A 改过的内容');
    await expect.poll(() => clash.textContent()).toContain('这条话术已在另一个页面被删除');
    expect((await library(a)).templates.some((x) => x.title === '退款已完成')).toBe(false);

    await clash.locator('[data-kf="clash-save-new"]').click();
    await expect.poll(() => a.locator('[data-kf="status"]').textContent()).toBe('已保存「退款已完成」');
    const saved = (await library(a)).templates.find((x) => x.title === '退款已完成')!;
    expect(saved.body).toBe('亲，tab A 改过的内容');
    expect(saved.id).not.toBe('refund-done');
  });

  it('says the other tab saved the same reply first, and overwrites it only when asked', async () => {
    const { a, b } = await bothEditing('welcome-new');
    await form(b).locator('textarea[name="body"]').fill('亲，B 页面的版本');
    await form(b).locator('[data-kf="save-template"]').click();
    await expect.poll(() => b.locator('[data-kf="status"]').textContent()).toBe('已保存「新客欢迎」');

    const clash = await saveInA(a, '亲，A 页面的版本');
    await expect.poll(() => clash.textContent()).toContain('已在另一个页面被修改并保存');
    expect(await clash.locator('[data-kf="clash-theirs"]').textContent()).toContain('亲，B 页面的版本');
    expect((await library(a)).templates.find((x) => x.id === 'welcome-new')!.body).toBe('亲，B 页面的版本');

    await clash.locator('[data-kf="clash-overwrite"]').click();
    await expect.poll(() => a.locator('[data-kf="status"]').textContent()).toBe('已保存「新客欢迎」');
    expect((await library(a)).templates.find((x) => x.id === 'welcome-new')!.body).toBe('亲，A 页面的版本');
  });
  it('asks before deleting a reply the other tab changed, shows what changed, and deletes it only when told to', async () => {
    const { a, b } = await bothEditing('welcome-new');
    await form(b).locator('textarea[name="body"]').fill('亲，B 页面的版本');
    await form(b).locator('[data-kf="save-template"]').click();
    await expect.poll(() => b.locator('[data-kf="status"]').textContent()).toBe('已保存「新客欢迎」');

    await a.bringToFront();
    // The usual question before a delete is a browser dialog: answered yes, as an agent in a hurry would.
    const dialogs: string[] = [];
    a.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.accept();
    });
    const del = form(a).getByRole('button', { name: '删除', exact: true });
    await del.click();
    const ask = form(a).locator('[data-kf="delete-clash"]');
    await expect.poll(() => ask.textContent()).toContain('这条话术在你打开之后已在另一个页面被修改并保存（改了：内容）。现在删除，那边的修改也会一起删掉。');
    expect(await ask.locator('[data-kf="clash-theirs"]').textContent()).toContain('亲，B 页面的版本');
    expect((await library(a)).templates.find((x) => x.id === 'welcome-new')!.body).toBe('亲，B 页面的版本');

    await ask.getByRole('button', { name: '取消', exact: true }).click();
    expect(await ask.count()).toBe(0);
    expect((await library(a)).templates.some((x) => x.id === 'welcome-new')).toBe(true);

    await del.click();
    await ask.getByRole('button', { name: '仍然删除', exact: true }).click();
    await expect.poll(() => a.locator('[data-kf="status"]').textContent()).toBe('已删除「新客欢迎」。 撤销');
    expect((await library(a)).templates.some((x) => x.id === 'welcome-new')).toBe(false);
    // 仍然删除 was the question: no second one.
    expect(dialogs).toEqual([]);
  });
});

describe('deleting a reply on day one (QA pass S, defect 3)', () => {
  /** The owner's own reply, added through the editor as the QA did. */
  async function addReply(page: Page) {
    await page.locator('[data-kf="new-template"]').click();
    await form(page).locator('input[name="title"]').fill('满减说明');
    await form(page).locator('input[name="code"]').fill('mj');
    await form(page).locator('textarea[name="body"]').fill('亲，店里满两件减十元，下单时自动减哦');
    await form(page).locator('[data-kf="save-template"]').click();
    await expect.poll(() => page.locator('[data-kf="status"]').textContent()).toBe('已保存「满减说明」');
    return (await library(page)).templates.find((x) => x.title === '满减说明')!;
  }
  async function deleteIt(page: Page, title: string) {
    await editButton(page, title).click();
    page.once('dialog', (d) => void d.accept());
    await form(page).locator('[data-kf="delete-template"]').click();
    await expect.poll(() => page.locator('[data-kf="status"]').textContent()).toBe(`已删除「${title}」。 撤销`);
  }

  it('brings it back with 撤销, exactly: its id, place, code, and the count of its uses', async () => {
    const page = await options('templates');
    const mine = await addReply(page);
    const before = (await library(page)).templates;
    await callFromExtensionPage(page, 'recordUsage', { templateId: mine.id, scenario: null });

    await deleteIt(page, '满减说明');
    expect((await library(page)).templates.some((x) => x.id === mine.id)).toBe(false);
    await page.locator('[data-kf="undo-delete"]').click();
    await expect.poll(() => page.locator('[data-kf="status"]').textContent()).toBe('已恢复「满减说明」。');
    expect((await library(page)).templates).toEqual(before);
    const usage = await callFromExtensionPage<{ templates: Record<string, { count: number }> }>(page, 'getUsage');
    expect(usage.templates[mine.id]?.count).toBe(1);
    expect(await page.locator('tr[data-template-id="' + mine.id + '"]').count()).toBe(1);
  });

  it('keeps it restorable under 最近删除 after the options page was closed', async () => {
    const page = await options('templates');
    const mine = await addReply(page);
    await deleteIt(page, '满减说明');
    await page.close();

    const again = await options('templates');
    const recent = again.locator('[data-kf="recently-deleted"]');
    await expect.poll(() => recent.textContent()).toContain('满减说明');
    await recent.getByRole('button', { name: '恢复「满减说明」', exact: true }).click();
    await expect.poll(() => again.locator('[data-kf="status"]').textContent()).toBe('已恢复「满减说明」。');
    expect((await library(again)).templates.find((x) => x.id === mine.id)).toEqual(mine);
    expect(await recent.count()).toBe(0);
  });
});

describe('编辑 on a row far down the list', () => {
  const where = (page: Page) =>
    page.evaluate(() => {
      const r = document.querySelector('[data-kf="template-form"]')!.getBoundingClientRect();
      const el = document.activeElement as HTMLInputElement | null;
      return { top: r.top, innerHeight, focused: el?.getAttribute('name') ?? null, value: el?.value ?? null };
    });

  it('brings the form into view with the cursor in its title; Escape closes it, asking when something was typed', async () => {
    const page = await options('templates');
    const button = editButton(page, '退款已完成');
    await button.scrollIntoViewIfNeeded();
    await button.click();
    // The form is scrolled to after it is drawn (a frame later on a busy machine): wait for it in view.
    // Scrolling goes by whole pixels: above a block of fractional height its top may sit a fraction above 0.
    await expect.poll(async () => {
      const s = await where(page);
      return s.top > -1 && s.top < s.innerHeight;
    }).toBe(true);
    expect(await where(page)).toMatchObject({ focused: 'title', value: '退款已完成' });

    await page.keyboard.press('Escape');
    expect(await form(page).count()).toBe(0);
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);

    // Saved from the form, the agent is back at the row, which says so.
    await button.click();
    await form(page).locator('[data-kf="save-template"]').click();
    await expect.poll(() => page.locator('tr[data-template-id="refund-done"] [data-kf="row-saved"]').textContent()).toBe('已保存');
    expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);

    await button.click();
    await form(page).locator('textarea[name="body"]').fill('改了一半');
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.keyboard.press('Escape');
    await expect.poll(() => asked).toEqual(['放弃对这条话术未保存的修改吗？']);
    expect(await form(page).locator('textarea[name="body"]').inputValue()).toBe('改了一半');
    page.once('dialog', (d) => void d.accept());
    await page.keyboard.press('Escape');
    await expect.poll(() => form(page).count()).toBe(0);
  });

  it('puts the cursor in the title of a new reply opened from the keyboard', async () => {
    const page = await options('templates');
    await page.locator('[data-kf="new-template"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await where(page)).focused).toBe('title');
  });
});
