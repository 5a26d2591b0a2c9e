/**
 * 导入全部数据 with 合并 joins a follow-up's notes with the file's copy of it (lib/domain/all-data.ts
 * joinFollowupNotes). Before, the file's copy of an item already here was skipped whole: a call
 * record written on the other computer (or before a restore) never reached this one, and nothing
 * said so. Now both logs' lines are kept in the order written, as a team merge keeps them; a join
 * that would pass the item's 5,000 characters is not made and the item is named, before and after.
 * Real Chromium, the built extension, the options page and the popup.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, popupNote } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({ page: 'none' });

const add = (title: string, note: string) =>
  callFromExtensionPage<{ id: string }>(s.ext, 'addFollowup', { kind: 'manual', title, note, dueAt: Date.now() - 60_000 }).then((r) => r.id);
const addNote = (id: string, text: string) => callFromExtensionPage(s.ext, 'updateFollowup', { id, action: 'note', text });
const exportAll = () => callFromExtensionPage<Record<string, unknown>>(s.ext, 'exportAllData');

async function importMerging(file: Record<string, unknown>, check: (options: Page) => Promise<void>): Promise<string> {
  const options = await s.h.openExtensionPage('options.html#import');
  try {
    await options.locator('[data-kf="all-import-file"]').setInputFiles({ name: 'all.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await options.locator('[data-kf="all-import-confirm"]').waitFor();
    await check(options);
    await options.locator('[data-kf="all-import-merge"]').click();
    await expect.poll(() => options.locator('[data-kf="all-result"]').textContent()).toContain('已合并导入');
    return (await options.locator('[data-kf="all-result"]').textContent())!;
  } finally {
    await options.close();
  }
}

describe('导入全部数据 (合并) and a follow-up both sides wrote notes on', () => {
  it('keeps the lines written here and adds the file’s, in the order written, once however often the file is imported', async () => {
    const id = await add('回访李先生', '第一次回电：没人接');
    await addNote(id, '第二次回电：说周五前要发票');
    await addNote(id, '本机：改约周六上午再打');
    expect(await popupNote(s.h, '回访李先生')).toContain('本机：改约周六上午再打');
    // The file the other computer exported: the same item, with the first call and a line of its own.
    const theirs = await exportAll();
    const items = (theirs.followups as { items: { id: string; note?: string }[] }).items;
    const other = { ...theirs, followups: { ...(theirs.followups as object), items: items.map((f) => (f.id === id ? { ...f, note: '第一次回电：没人接\n对方电脑：买家要求开专票' } : f)) } };
    const result = await importMerging(other, async (options) => {
      expect(await options.locator('[data-kf="all-import-notes"]').textContent()).toContain('本机已有的 1 项跟进会接上文件里多出的备注');
    });
    expect(result).toContain('1 项跟进接上了文件里多出的备注');
    const joined = await popupNote(s.h, '回访李先生');
    expect(joined.split('\n')).toEqual(['第一次回电：没人接', '第二次回电：说周五前要发票', '本机：改约周六上午再打', '对方电脑：买家要求开专票']);

    // The same file again: nothing new to join, nothing doubled.
    const again = await importMerging(other, async (options) => {
      expect(await options.locator('[data-kf="all-import-notes"]').count()).toBe(0);
    });
    expect(again).not.toContain('接上了');
    expect(await popupNote(s.h, '回访李先生')).toBe(joined);
  });

  it('names an item whose notes joined would pass 5,000 characters, and leaves its notes here whole', async () => {
    // Ten call records of about 490 characters: 4,950 characters here, 50 left.
    const call = (i: number) => `第${i}次：` + '买家说在开会，稍后再打过去确认退款金额。'.repeat(25).slice(0, 490);
    const id = await add('回访赵女士', call(1));
    for (let i = 2; i <= 10; i++) await addNote(id, call(i));
    const file = await exportAll();
    const items = (file.followups as { items: { id: string; note?: string }[] }).items;
    const mine = items.find((f) => f.id === id)!.note!;
    expect(mine.length).toBe(4950);
    // The other computer logged one more call, of 115 characters: joined, 5,066.
    const extra = '对方电脑：' + '买家已同意先退一半，另一半等仓库验货后再退。'.repeat(5);
    const theirs = { ...file, followups: { ...(file.followups as object), items: items.map((f) => (f.id === id ? { ...f, note: `${mine}\n${extra}` } : f)) } };
    const result = await importMerging(theirs, async (options) => {
      const warn = (await options.locator('[data-kf="all-import-notes"]').textContent())!;
      expect(warn).toContain('有 1 项跟进的备注和文件里的接在一起会超过每项 5000 个字');
      expect(warn).toContain('「回访赵女士」：文件里多出 1 行，接在一起共 5066 个字');
    });
    expect(result).toMatch(/有 1 项跟进的备注和文件里的接在一起会超过每项 5000 个字.*「回访赵女士」：文件里多出 1 行/);
    expect(await popupNote(s.h, '回访赵女士')).toBe(mine);
  });
});
