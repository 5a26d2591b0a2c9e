/**
 * A 承诺答复 typed on the chat panel and not added yet, across a reload of its tab: the worker keeps
 * it for that tab in storage.session (keepPromiseDraft / promiseDrafts), so a page load, a worker
 * restarted in between, or both, do not lose the promise; another tab never takes it for its own.
 * A closed tab's drafts (these, and the buyer card's unsaved notes) go with it.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, cardReady, inPanel, openDemoChat, panel } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({ page: 'none' });

type Listed = { groups: { items: { kind: string; buyer?: string; note?: string }[] }[] };
const promisedTo = async (buyer: string) =>
  (await callFromExtensionPage<Listed>(s.ext, 'listFollowups', { perGroup: 500 })).groups
    .flatMap((g) => g.items)
    .filter((x) => x.kind === 'promised-answer' && x.buyer === buyer);
const name = (page: Page) => inPanel(page, '[data-kf="buyer-name"]').textContent();
/** What the extension's session area holds (read from an extension page: the seller page cannot). */
const session = () => s.ext.evaluate(() => (globalThis as any).chrome.storage.session.get(null) as Promise<Record<string, unknown>>);
/** The notes kept for a reload, in every tab's record (each holds the panel's own JSON per buyer). */
const keptNotes = async () =>
  Object.entries(await session())
    .filter(([k]) => k.startsWith('kf:promise@'))
    .flatMap(([, v]) => Object.values((v as { d: Record<string, string> }).d).map((json) => (JSON.parse(json) as { note: string }).note));
const switchTo = async (page: Page, nick: string) => {
  await page.locator(`.conv-item[data-nick="${nick}"]`).click();
  await expect.poll(() => name(page)).toBe(nick);
};
const typePromise = async (page: Page, note: string) => {
  await inPanel(page, '[data-kf="fu-promised"]').click();
  await inPanel(page, '[data-kf="fu-note"]').click();
  await page.keyboard.type(note);
};
const reload = async (page: Page) => {
  await page.reload();
  await page.evaluate(() => (window as any).__demo.setAutoMessages(false));
  await panel(page).waitFor();
};

it('a 承诺答复 typed and not added is there again after a reload (worker restarted between), for the buyer it was typed for; added once, it is gone', async () => {
  const page = await s.h.context.newPage();
  await openDemoChat(page, s.h.demoUrl, { buyer: '爱吃橙子的猫' });
  await typePromise(page, '周五前问清楚仓库再回她');
  // Kept by the worker as typed (what a reload then finds); the worker is stopped before the reload.
  await expect.poll(keptNotes).toEqual(['周五前问清楚仓库再回她']);
  await (await s.stopWorker()).detach();
  await reload(page);
  // Her own panel: the form open on the note, as left. The old panel had lost it here.
  await expect.poll(() => inPanel(page, '[data-kf="fu-note"]').inputValue().catch(() => null)).toBe('周五前问清楚仓库再回她');

  // Another buyer, then a reload there: that panel names her unfinished promise, and adds it for her.
  await switchTo(page, '小鹿乱撞0521');
  await reload(page);
  expect(await name(page)).toBe('小鹿乱撞0521');
  const line = inPanel(page, '[data-kf="fu-unsaved"]');
  await expect.poll(() => line.textContent().catch(() => '')).toContain('爱吃橙子的猫 的承诺答复还没加入跟进：「周五前问清楚仓库再回她」');
  expect(await inPanel(page, '[data-kf="fu-note"]').count()).toBe(0);
  await inPanel(page, '[data-kf="fu-unsaved-add"]').click();
  await expect.poll(() => inPanel(page, '[data-kf="fu-status"]').textContent()).toContain('承诺答复：爱吃橙子的猫');
  expect((await promisedTo('爱吃橙子的猫')).map((x) => x.note)).toEqual(['周五前问清楚仓库再回她']);
  expect(await promisedTo('小鹿乱撞0521')).toEqual([]);
  await expect.poll(keptNotes).toEqual([]);

  // Reloaded again: nothing is offered, here or on her panel.
  await reload(page);
  await inPanel(page, '[data-kf="fu-promised"]').waitFor();
  await switchTo(page, '爱吃橙子的猫');
  await inPanel(page, '[data-kf="followup-actions"] [data-kf="fu-handover"]').waitFor();
  expect(await inPanel(page, '[data-kf="fu-note"]').count()).toBe(0);
  expect(await inPanel(page, '[data-kf="fu-unsaved"]').count()).toBe(0);
  expect(await promisedTo('爱吃橙子的猫')).toHaveLength(1);
  await page.close();
});

it('a second tab on the same console does not take the first tab’s unfinished 承诺答复 as its own; each tab gets back its own after a reload', async () => {
  const first = await s.h.context.newPage();
  await openDemoChat(first, s.h.demoUrl, { buyer: '米粒妈妈' });
  await typePromise(first, '退款到账后发消息告诉她');
  await expect.poll(keptNotes).toEqual(['退款到账后发消息告诉她']);

  const second = await s.h.context.newPage();
  await openDemoChat(second, s.h.demoUrl, { buyer: '小鹿乱撞0521' });
  await typePromise(second, '下周一补发赠品');
  await expect.poll(async () => (await keptNotes()).sort()).toEqual(['下周一补发赠品', '退款到账后发消息告诉她']);
  await reload(second);
  // Its own note came back (so its kept drafts were read); the first tab's is not offered here.
  await expect.poll(() => inPanel(second, '[data-kf="fu-note"]').inputValue().catch(() => null)).toBe('下周一补发赠品');
  expect(await inPanel(second, '[data-kf="fu-unsaved"]').count()).toBe(0);
  // Nor on the buyer it was typed for, in this tab.
  await switchTo(second, '米粒妈妈');
  await inPanel(second, '[data-kf="followup-actions"] [data-kf="fu-handover"]').waitFor();
  expect(await inPanel(second, '[data-kf="fu-note"]').count()).toBe(0);
  await expect.poll(() => inPanel(second, '[data-kf="fu-unsaved"]').textContent().catch(() => '')).toContain('小鹿乱撞0521 的承诺答复还没加入跟进：「下周一补发赠品」');
  expect(await inPanel(second, '[data-kf="fu-unsaved"]').count()).toBe(1);

  // The first tab, reloaded, has its own back and nothing of the second's.
  await reload(first);
  await expect.poll(() => inPanel(first, '[data-kf="fu-note"]').inputValue().catch(() => null)).toBe('退款到账后发消息告诉她');
  expect(await inPanel(first, '[data-kf="fu-unsaved"]').count()).toBe(0);

  // A closed tab's unfinished note goes with it.
  await second.close();
  await expect.poll(keptNotes).toEqual(['退款到账后发消息告诉她']);
  await first.close();
  await expect.poll(keptNotes).toEqual([]);
});

it('a closed tab’s unsaved buyer-card notes go with it; the buyer’s latest draft is still offered in a new tab', async () => {
  const NOTE = '她说下周搬家，地址到时再确认';
  /** The card's drafts kept per tab (`kf:note-draft@<tab>:…`), and their texts. */
  const perTab = async () => Object.entries(await session()).filter(([k]) => k.startsWith('kf:note-draft@'));
  const noteInput = (p: Page) => inPanel(p, '[data-kf="customer-note-input"]');
  const tab = await s.h.context.newPage();
  await openDemoChat(tab, s.h.demoUrl, { buyer: '米粒妈妈' });
  await cardReady(tab, '米粒妈妈');
  await noteInput(tab).click();
  await tab.keyboard.type(NOTE);
  await expect.poll(async () => (await perTab()).map(([, v]) => v)).toContain(NOTE);

  await tab.close();
  await expect.poll(perTab).toEqual([]);
  // Nothing typed is lost: a new tab on her gets the latest draft kept for the buyer.
  const again = await s.h.context.newPage();
  await openDemoChat(again, s.h.demoUrl, { buyer: '米粒妈妈' });
  await cardReady(again, '米粒妈妈');
  await expect.poll(() => noteInput(again).inputValue()).toBe(NOTE);
  await again.close();
  await expect.poll(perTab).toEqual([]);
});
