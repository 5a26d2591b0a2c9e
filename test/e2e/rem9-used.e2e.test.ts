/**
 * The remark form after 使用, on the Taobao memo page in the built extension (walk8): the button stayed
 * enabled over the same preview, a second click wrote nothing and nothing said the line was already in
 * the box, 「N / 1000 字节」 showed twice, and 「手写检查」 stood over the line the form had just written.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, clearOfMidnight, inPanel, MIDNIGHT_WAIT_MS } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';
import { PRESET_A, isoDate } from '../../lib/domain/remarks';

const today = () => isoDate(Date.now(), 480);
const memo = (p: Page) => p.evaluate(() => (document.getElementById('memo') as HTMLTextAreaElement).value);

const s = extensionSuite({ shop: 'close' });
beforeAll(async () => {
  const ext = await s.h.openExtensionPage('options.html');
  await callFromExtensionPage(ext, 'saveRuleSet', PRESET_A);
  await ext.close();
});
beforeEach(clearOfMidnight, 60_000 + MIDNIGHT_WAIT_MS);

describe('the remark form after 使用 on the Taobao memo page', () => {
  it('says the line is in the box, rests 使用, shows one counter, and heads the check as the box’s', async () => {
    await openConsole(s.page, CONSOLES.taobaoMemo);
    const before = await memo(s.page);
    await s.page.click('#flag1'); // red: 已核对可发货, no field to fill
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    const use = inPanel(s.page, '[data-kf="remark-use"]');
    await use.click();
    const written = `${before}\n【已核对可发货】小美 ${today()}`;
    await expect.poll(() => memo(s.page)).toBe(written);
    await expect.poll(() => inPanel(s.page, '[data-kf="remark-in-box"]').textContent()).toBe(
      '这条备注已写进备注框（最后一行），请在页面上保存。再点也不会多写一遍；改动上面的内容，才会在它下面写一条新的。',
    );
    expect(await use.isDisabled()).toBe(true);
    expect(await use.textContent()).toBe('已写入备注框');
    const counters = await inPanel(s.page, '[data-kf="remark-length"]').allTextContents();
    expect(counters).toEqual([`${new TextEncoder().encode(written).length} / 1000 字节`]);
    const headings = await inPanel(s.page, '[data-kf="remark-editor"] h4').allTextContents();
    expect(headings).toContain('备注框检查');
    expect(headings).not.toContain('手写检查');
    expect(await memo(s.page)).toBe(written);
  });
});
