/**
 * The buyer card's unsaved note through an extension update (updated as update-handover.e2e.test.ts
 * does: the same directory loaded again), in Chromium with the built extension. The update empties
 * storage.session, where the card keeps the note for a reload, and the card's frame goes with the old
 * panel; the worker keeps a masked copy on disk and puts it back before the new panel comes
 * (lib/storage/note-left.ts). Its own browser: an update leaves the other files' worker gone.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, cardReady, chatInput, inPanel, openDemoChat, panelFocus } from './pages';
import { extensionSuite } from './suite';
import { updateExtension } from './update';
import { everything } from './stores';

const s = extensionSuite({ shop: 'none', pageErrors: true, launch: { args: ['--enable-unsafe-extension-debugging'] } });

const noteInput = (p: Page) => inPanel(p, '[data-kf="customer-note-input"]');
const panels = (p: Page) => p.evaluate(() => [...document.querySelectorAll('kf-panel')].map((e) => ((e as any).__beforeUpdate ? 'old' : 'new')));

/** What the extension keeps, read from an extension page of the runtime now running (an update closes the earlier ones). */
async function stored(): Promise<{ all: string; onDisk: unknown[] }> {
  const ext = await s.h.openExtensionPage('popup.html');
  try {
    const all = await everything(ext);
    return { all, onDisk: (JSON.parse(all) as Record<string, { kv?: unknown[] }>)['idb:kf-note-drafts']?.kv ?? [] };
  } finally {
    await ext.close();
  }
}

it('a note typed on the buyer card and not saved is in its note box again after an update, each tab its own (a phone masked, as a saved note is); saved or emptied, nothing of it is left stored', async () => {
  const MINE = '下次发顺丰，她电话13912345678';
  const MINE_BACK = '下次发顺丰，她电话139****5678';
  const OTHER = '另一个标签页写的：尺码要大一号';
  const other = await s.h.context.newPage();
  try {
    // Both tabs on the buyer before either types (a tab opened on her later shows the latest note typed).
    for (const p of [s.page, other]) {
      await p.bringToFront(); // typing goes to the front tab
      await openDemoChat(p, s.h.demoUrl, { buyer: '米粒妈妈' });
      await cardReady(p, '米粒妈妈');
    }
    for (const [p, text] of [[s.page, MINE], [other, OTHER]] as const) {
      await p.bringToFront();
      await chatInput(p).click();
      await p.keyboard.press('Alt+KeyN');
      await expect.poll(() => panelFocus(p)).toBe('customer-note-input');
      await p.keyboard.type(text);
      await p.evaluate(() => ((document.querySelector('kf-panel') as any).__beforeUpdate = true));
    }
    // The worker has its copy on disk (what says the typing was kept), masked.
    await expect.poll(async () => (await stored()).onDisk, { timeout: 15_000 }).toEqual(expect.arrayContaining([MINE_BACK, OTHER]));
    expect((await stored()).onDisk.join()).not.toContain('13912345678');

    await updateExtension(s.h);
    for (const p of [s.page, other]) await expect.poll(() => panels(p), { timeout: 20_000 }).toEqual(['new']);

    // Each tab's card has its own note back in the note box, to finish and save.
    await s.page.bringToFront();
    await cardReady(s.page, '米粒妈妈', 20_000);
    await expect.poll(() => noteInput(s.page).inputValue(), { timeout: 15_000 }).toBe(MINE_BACK);
    await cardReady(other, '米粒妈妈', 20_000);
    await expect.poll(() => noteInput(other).inputValue(), { timeout: 15_000 }).toBe(OTHER);

    // Saved in the first tab: in the buyer's history, and no draft of it left in any store.
    await noteInput(s.page).press('Enter');
    await expect.poll(() => inPanel(s.page, '[data-kf="customer-history"] li[data-kind="note"]').first().textContent()).toContain(MINE_BACK);
    // (The other tab's note twice: its own, and the latest typed for her, what a new tab on her shows.)
    await expect.poll(async () => (await stored()).onDisk).toEqual([OTHER, OTHER]);
    // The other tab's is its own: still there. Emptied there, it goes too.
    expect(await noteInput(other).inputValue()).toBe(OTHER);
    await other.bringToFront();
    await noteInput(other).fill('');
    await expect.poll(async () => (await stored()).onDisk).toEqual([]);
    const { all } = await stored();
    expect(all).not.toContain(OTHER);
    // The saved note is the buyer's record: the one place its words stay.
    expect(all.split(MINE_BACK).length - 1).toBe(1);
    expect(s.pageErrors).toEqual([]);
  } finally {
    await other.close();
  }
});

it('删除全部数据 leaves no copy of an unsaved card note on disk, and a note typed after it is kept for an update again', async () => {
  const typeNote = async (text: string) => {
    await chatInput(s.page).click();
    await s.page.keyboard.press('Alt+KeyN');
    await expect.poll(() => panelFocus(s.page)).toBe('customer-note-input');
    await s.page.keyboard.type(text);
  };
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '星辰大海ing' });
  await cardReady(s.page, '星辰大海ing');
  await typeNote('她说周五前寄回来那件');
  await expect.poll(async () => (await stored()).onDisk).toEqual(expect.arrayContaining(['她说周五前寄回来那件']));
  const ext = await s.h.openExtensionPage('popup.html');
  try {
    await callFromExtensionPage(ext, 'deleteAllData', { confirm: true });
    const all = await everything(ext);
    expect(all).not.toContain('周五前寄回来');
    expect((JSON.parse(all) as Record<string, { kv?: unknown[] }>)['idb:kf-note-drafts']?.kv ?? []).toEqual([]);
  } finally {
    await ext.close();
  }
  // The same browser run goes on: the next note typed is kept again.
  await s.page.bringToFront();
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '星辰大海ing' });
  await cardReady(s.page, '星辰大海ing');
  await noteInput(s.page).fill('');
  await typeNote('新写的一条');
  await expect.poll(async () => (await stored()).onDisk).toEqual(expect.arrayContaining(['新写的一条']));
});
