/**
 * 导入 / 导出 → the reply library as a spreadsheet, in the built extension in real Chromium: a shop's
 * quick-phrase sheet saved by Excel on Chinese Windows (GBK) is counted and shown first, merged
 * after the agent's choice and seen in 话术库; the CSV export comes back from an edit unchanged but
 * for the edit; a Big5 sheet and one without a text column are refused. Each test leaves the
 * library as the starter's.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { libraryPages } from './library-pages';
import { altKeyOf, callFromExtensionPage, demo, inPanel, openDemoChat } from './pages';
import { encodeLegacy } from '../legacy-encode';

const { s: kit, options, library } = libraryPages();
const choose = (page: Page, name: string, bytes: Uint8Array) =>
  page.locator('[data-kf="import-csv-file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });

/** A shop's 快捷短语 sheet: a quoted cell with a comma and a line break, "" quotes, a blank row, a row without text, a column the import does not use. */
const SHEET = [
  '分组,标题,快捷编码,话术内容,备注',
  '议价,不议价送券,/sjq,"亲，本店都是实价哦，不议价的呢\n可以送您一张5元无门槛券~",店长定',
  '售后常用,吊牌提醒,dpt,"支持七天无理由退换，""吊牌""请不要剪哦",',
  '',
  '售后常用,,,,这一行没写话术',
].join('\r\n');

describe('导入 CSV 表格 (Excel / WPS)', () => {
  it('shows what the GBK sheet would do, writes nothing until merged, then the replies are in 话术库', async () => {
    const page = await options('import');
    await choose(page, '快捷短语.csv', encodeLegacy('gbk', SHEET));
    const confirm = page.locator('[data-kf="import-confirm"]');
    await expect.poll(() => page.locator('[data-kf="import-csv-counts"]').textContent()).toBe('表格中 2 行可导入：新增 2 条，与现有相同 0 条，有改动 0 条；略过 1 行。');
    expect(await page.locator('[data-kf="import-csv-columns"]').textContent()).toContain('未使用的列：“备注”');
    expect(await page.locator('[data-kf="import-csv-group-text"]').allTextContents()).toEqual([
      '分组“议价”→ 场景：议价（1 条）',
      '分组“售后常用”没有对应的场景：场景记为“其他”，可搜索到，但不会被推荐（1 条）',
    ]);
    expect(await page.locator('[data-kf="import-csv-skipped"]').textContent()).toBe('第 5 行：“话术内容”为空');
    expect(await confirm.textContent()).toContain('导入前会自动备份全部数据');
    expect((await library()).templates).toHaveLength(kit.starter.templates.length);

    await page.locator('[data-kf="import-merge"]').click();
    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain(`已合并：新增 2 条，更新 0 条，话术库现有 ${kit.starter.templates.length + 2} 条。`);
    const added = (await library()).templates.slice(-2);
    expect(added).toMatchObject([
      { title: '不议价送券', code: 'sjq', group: '议价', scenarios: ['bargain'], body: '亲，本店都是实价哦，不议价的呢\n可以送您一张5元无门槛券~' },
      { title: '吊牌提醒', code: 'dpt', group: '售后常用', scenarios: ['other'], body: '支持七天无理由退换，"吊牌"请不要剪哦' },
    ]);
    const backups = await callFromExtensionPage<{ reason: string }[]>(kit.ext, 'listBackups');
    expect(backups[0]!.reason).toBe('before-import');

    // The agent finds them in 话术库.
    const lib = await options('templates');
    await lib.getByPlaceholder('筛选话术').fill('吊牌');
    await expect.poll(() => lib.locator('[data-kf="template-table"] tbody tr td:first-child').allTextContents()).toContain('吊牌提醒');
    expect(await lib.locator(`tr[data-template-id="${added[1]!.id}"]`).textContent()).toContain('售后常用');
  });

  it('files a whole group the import does not know under the situation set once on its line, and the panel suggests its replies to a buyer asking for a size', async () => {
    const page = await options('import');
    // 尺码问答 names no situation the import knows: before, its replies went under 其他 and were never suggested.
    const sheet = ['分组,标题,内容', '尺码问答,按身高体重选码,"亲，身高体重发我一下，帮您挑合适的码"', '尺码问答,偏大半码,"亲，这款鞋子偏大半码，平时穿38的拍37就好"', '议价,不议价,"亲，本店都是实价的呢"'].join('\r\n');
    await choose(page, '尺码.csv', Buffer.from(sheet, 'utf8'));
    const line = page.locator('[data-kf="import-csv-group"]', { hasText: '尺码问答' });
    await expect.poll(() => line.locator('[data-kf="import-csv-group-text"]').textContent()).toBe('分组“尺码问答”没有对应的场景：场景记为“其他”，可搜索到，但不会被推荐（2 条）');
    expect(await line.locator('label').textContent()).toMatch(/^这一组都算作：/);
    // The group the import knows has no picker.
    expect(await page.locator('[data-kf="import-csv-pick"]').count()).toBe(1);

    await page.getByLabel('分组“尺码问答”这一组都算作').selectOption({ label: '尺码' });
    await expect.poll(() => line.locator('[data-kf="import-csv-group-text"]').textContent()).toBe('分组“尺码问答”→ 场景：尺码（2 条，按你的选择）');
    // Undone, and set again: the preview follows each choice.
    await line.locator('[data-kf="import-csv-pick-undo"]').click();
    await expect.poll(() => line.locator('[data-kf="import-csv-group-text"]').textContent()).toContain('没有对应的场景');
    await page.getByLabel('分组“尺码问答”这一组都算作').selectOption('size-fit');
    await expect.poll(() => line.locator('[data-kf="import-csv-group-text"]').textContent()).toContain('按你的选择');
    expect((await library()).templates).toHaveLength(kit.starter.templates.length);

    // The shop's own sheet replaces the starter replies (the panel's suggestions are then the shop's alone).
    await page.locator('[data-kf="import-replace"]').click();
    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain('已替换：话术库现有 3 条');
    expect((await library()).templates.map((x) => [x.title, x.group, x.scenarios])).toEqual([
      ['按身高体重选码', '尺码问答', ['size-fit']],
      ['偏大半码', '尺码问答', ['size-fit']],
      ['不议价', '议价', ['bargain']],
    ]);

    // In the demo console, a buyer asks which size: the panel suggests the group's replies.
    const chat = await kit.h.context.newPage();
    try {
      await openDemoChat(chat, kit.h.demoUrl);
      await inPanel(chat, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
      await demo.push(chat, '我身高160体重100斤，穿什么码合适？');
      expect(await altKeyOf(chat, '按身高体重选码')).toMatch(/^Alt\+\d$/);
      expect(await inPanel(chat, '[data-kf="suggestions"] .kf-tpl-title').allTextContents()).toContain('偏大半码');
    } finally {
      await chat.close();
    }
  });

  it('exports the library as a CSV Excel opens in Chinese, and an edited export updates the one reply in place', async () => {
    const page = await options('import');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-kf="export-csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^kefu-library-\d{8}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    const first = kit.starter.templates[0]!;
    expect(text).toContain(`${first.title},`);

    // Back unchanged: everything the same.
    await choose(page, 'kefu-library.csv', bytes);
    await expect.poll(() => page.locator('[data-kf="import-csv-counts"]').textContent()).toBe(
      `表格中 ${kit.starter.templates.length} 行可导入：新增 0 条，与现有相同 ${kit.starter.templates.length} 条，有改动 0 条；略过 0 行。`,
    );
    await page.locator('[data-kf="import-cancel"]').click();

    // A title edited in Excel: one changed, updated in place after the merge.
    await choose(page, 'kefu-library.csv', Buffer.from(text.replace(`,${first.title},`, ',改过的标题,'), 'utf8'));
    await expect.poll(() => page.locator('[data-kf="import-csv-counts"]').textContent()).toContain('有改动 1 条');
    await page.locator('[data-kf="import-merge"]').click();
    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain('更新 1 条');
    const after = await library();
    expect(after.templates).toHaveLength(kit.starter.templates.length);
    expect(after.templates[0]).toEqual({ ...first, title: '改过的标题' });
  });

  it('names the replies here a sheet would rewrite: its /fh and /th rows land on the starter 发货时间 and 七天无理由退货', async () => {
    const page = await options('import');
    const fh = kit.starter.templates.find((x) => x.code === 'fh')!;
    const th = kit.starter.templates.find((x) => x.code === 'th')!;
    const sheet = ['分组,快捷编码,短语内容', '发货,fh,亲，当天下午五点半前付款当天发出', '售后,th,亲，收到有问题请拍照发我们', '茶叶,cq,亲，明前茶冲泡水温80度左右'].join('\r\n');
    await choose(page, '店里的短语.csv', Buffer.from(sheet, 'utf8'));
    await expect.poll(() => page.locator('[data-kf="import-csv-counts"]').textContent()).toContain('有改动 2 条');
    // Which two: the lead reads the titles of the replies the sheet's text would replace, before choosing.
    expect(await page.locator('[data-kf="import-changed-titles"]').textContent()).toBe(`文件里的内容会改写这些现有话术：${fh.title}、${th.title}`);
    await page.locator('[data-kf="import-cancel"]').click();
    expect((await library()).templates.find((x) => x.id === fh.id)!.body).toBe(fh.body);
  });

  it('refuses a Big5 sheet and a sheet without a text column, saying why, and changes nothing', async () => {
    const page = await options('import');
    const before = await library();
    await choose(page, '繁體.csv', encodeLegacy('big5', '分組,內容\n議價,親，本店商品都是實價哦，不議價的呢，可以送您優惠券'));
    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain('这个文件看起来是繁体中文 Big5 编码');
    expect(await page.locator('[data-kf="import-result"]').textContent()).toContain('另存为”CSV UTF-8');
    // That nothing changed is said once, by the heading: the reason does not say it again.
    const unchanged = async () => (await page.locator('[data-kf="import-result"]').textContent())!.match(/没有导入任何内容|未改动/g);
    expect(await unchanged()).toEqual(['未改动']);
    await choose(page, '问答.csv', new TextEncoder().encode('问题,答案\n在吗,在的\n'));
    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain('文件的列是：“问题”、“答案”');
    expect(await unchanged()).toEqual(['未改动']);
    expect(await library()).toEqual(before);
  });
});
