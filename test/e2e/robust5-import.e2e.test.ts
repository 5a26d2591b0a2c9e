/**
 * 导入 / 导出 → 导入 CSV 表格 with a full disk (robust5), in the built extension in real Chromium. The
 * agent chose a situation for each group the import did not know (这一组都算作：) and clicked 合并导入;
 * the worker's write failed for room (its IndexedDB refuses writes as a full disk does, as
 * storage-full.e2e.test.ts makes it). That was said as "导入被拒绝" and the preview was dropped with
 * every choice in it. Now the preview stays with the choices, says why nothing was imported and what
 * to do, and the same click imports once there is room.
 */
import { afterEach, expect, it } from 'vitest';
import { extensionSuite } from './suite';
import { callFromExtensionPage } from './pages';
import { diskFull as setDiskFull } from './stores';

const s = extensionSuite({ page: 'none' });
type Lib = { groups: unknown[]; templates: { title: string; scenarios: string[] }[] };

/** The worker's IndexedDB writes fail as on a full disk (on), or work again (off). */
const diskFull = async (on: boolean) => setDiskFull(await s.h.serviceWorker(), on);

let starter: Lib | null = null;
afterEach(async () => {
  await diskFull(false);
  if (starter) await callFromExtensionPage(s.ext, 'saveLibrary', { groups: starter.groups, templates: starter.templates });
});

const SHEET = ['分组,标题,内容', '尺码问答,按身高体重选码,"亲，把身高体重告诉我，帮您挑个合适的码"', '尺码问答,鞋子偏大,"亲，这双偏大半码，平常38的拍37"', '几点发货,截单说明,"亲，下午四点前付款当天就发"'].join('\r\n');

it('a full disk at 合并导入 keeps the preview and each group’s situation chosen, says why and what to do; the same click imports them once there is room', async () => {
  starter = await callFromExtensionPage<Lib>(s.ext, 'getLibrary');
  const page = await s.h.openExtensionPage('options.html#import');
  try {
    await page.locator('[data-kf="import-csv-file"]').setInputFiles({ name: '尺码.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET, 'utf8') });
    await page.getByLabel('分组“尺码问答”这一组都算作').selectOption('size-fit');
    await page.getByLabel('分组“几点发货”这一组都算作').selectOption('shipping-time');
    const groups = () => page.locator('[data-kf="import-csv-group-text"]').allTextContents();
    await expect.poll(groups).toEqual(['分组“尺码问答”→ 场景：尺码（2 条，按你的选择）', '分组“几点发货”→ 场景：发货时间（1 条，按你的选择）']);

    await diskFull(true);
    await page.locator('[data-kf="import-merge"]').click();
    await expect.poll(() => page.locator('[data-kf="import-failed"]').textContent()).toBe(
      '没能导入：存储空间已满。没有导入任何内容，现有话术库未改动。上面的选择都还在：腾出磁盘空间或稍等片刻后再点一次，不用重新选文件。',
    );
    expect(await page.locator('[data-kf="import-result"]').count()).toBe(0);
    expect(await groups()).toEqual(['分组“尺码问答”→ 场景：尺码（2 条，按你的选择）', '分组“几点发货”→ 场景：发货时间（1 条，按你的选择）']);
    expect((await callFromExtensionPage<Lib>(s.ext, 'getLibrary')).templates).toHaveLength(starter.templates.length);

    await diskFull(false);
    await page.locator('[data-kf="import-merge"]').click();
    await expect.poll(() => page.locator('[data-kf="import-result"]').textContent()).toContain('已合并：新增 3 条');
    const added = (await callFromExtensionPage<Lib>(s.ext, 'getLibrary')).templates.slice(-3);
    expect(added.map((x) => [x.title, x.scenarios])).toEqual([
      ['按身高体重选码', ['size-fit']],
      ['鞋子偏大', ['size-fit']],
      ['截单说明', ['shipping-time']],
    ]);
  } finally {
    await page.close();
  }
});
