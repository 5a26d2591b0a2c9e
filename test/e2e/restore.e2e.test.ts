/**
 * After 备份 → 恢复, what the extension shows and where it runs are the restored data's, end to end in
 * Chromium with the built extension: the popup lists the restored follow-ups (not the worker's list
 * from before, which it keeps in memory), and the content script is registered for the restored
 * taught pages only (registrations live in the browser, not in the data a backup holds).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, openPopup } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({ page: 'none' });

/** 恢复 on the 备份 tab, confirmed; what the tab says. */
async function restore(id: string): Promise<string> {
  const page = await s.h.openExtensionPage('options.html#backups');
  const row = page.locator(`[data-kf="backup-row"][data-id="${id}"]`);
  await row.locator('[data-kf="backup-restore"]').click();
  await row.locator('[data-kf="backup-restore-confirm"]').click();
  const said = page.locator('[data-kf="backup-message"]');
  await said.waitFor();
  const text = (await said.textContent())!;
  await page.close();
  return text;
}

const popupTitles = async (popup: Page) => popup.locator('[data-kf="followup-title"]').allTextContents();

/** The match patterns of the content scripts the worker registered (taught pages). */
async function registered(): Promise<string[]> {
  const sw = await s.h.serviceWorker();
  return sw.evaluate(async () => ((await (globalThis as any).chrome.scripting.getRegisteredContentScripts()) as { matches: string[] }[]).flatMap((r) => r.matches));
}

describe('after a restore', () => {
  it('the popup lists the restored follow-ups, not the ones from before the restore', async () => {
    const due = Date.now() - 60_000;
    await callFromExtensionPage(s.ext, 'addFollowup', { kind: 'manual', title: '备份里的跟进：回电确认尺码', buyer: '豆包妈妈', dueAt: due });
    const { id } = await callFromExtensionPage<{ id: string }>(s.ext, 'createBackup');
    // After the backup another is added, and the popup seen (the worker keeps this list in memory).
    await callFromExtensionPage(s.ext, 'addFollowup', { kind: 'manual', title: '备份之后的跟进：补发赠品', buyer: '豆包妈妈', dueAt: due });
    let popup = await openPopup(s.h);
    await expect.poll(async () => (await popupTitles(popup)).sort()).toEqual(['备份之后的跟进：补发赠品', '备份里的跟进：回电确认尺码']);
    await popup.close();

    expect(await restore(id)).toMatch(/^已恢复 .* 的备份。$/);
    popup = await openPopup(s.h);
    await expect.poll(() => popupTitles(popup)).toEqual(['备份里的跟进：回电确认尺码']);
    await popup.close();
  });

  it('the extension runs on the restored taught pages only', async () => {
    // The demo server's origin: the manifest grants it, so the worker may register a script there.
    const origin = new URL(s.h.demoUrl).origin;
    const { id } = await callFromExtensionPage<{ id: string }>(s.ext, 'createBackup');
    await callFromExtensionPage(s.ext, 'saveTaughtSite', { origin, name: '自建客服台', url: `${origin}/chat`, fields: { chatInput: [{ css: 'textarea' }] } });
    expect(await registered()).toContain(`${origin}/*`);

    expect(await restore(id)).toMatch(/^已恢复 .* 的备份。$/);
    expect(await callFromExtensionPage(s.ext, 'listTaughtSites')).toEqual([]);
    expect(await registered()).not.toContain(`${origin}/*`);
  });
});
