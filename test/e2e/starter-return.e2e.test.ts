/**
 * A shop that removed the clothing starter replies with a version that still counted the two welcomes
 * among them (before 2026-12-06) was left with no plain welcome, and no update brought one back. After
 * a real extension update (the directory loaded again, as 重新加载 does) the update itself adds neither
 * (the shop may have meant it), and 话术库 offers them once: 加回来 stores them; a welcome deleted
 * after that stays deleted through the next update and the next visit. The offer is read off the
 * worker's mark, not the options page's localStorage: until 2026-12-06 a page whose localStorage was
 * cleared (or a removal made from another profile's page) never offered them.
 */
import { expect, it } from 'vitest';
import { callFromExtensionPage } from './pages';
import { getRaw, putRaw } from './stores';
import { extensionSuite } from './suite';
import { updateExtension } from './update';

type Lib = { groups: string[]; templates: { id: string; title: string; body: string; group: string }[] };

const s = extensionSuite({ shop: 'none', page: 'none', launch: { args: ['--enable-unsafe-extension-debugging'] } });

const WELCOMES = ['welcome-new', 'welcome-returning'];
/** The clothing kind as those versions listed it (lib/domain/templates/starter-kinds.ts, with the welcomes). */
const OLD_CLOTHING = [...WELCOMES, 'product-material', 'product-compare', 'product-match', 'size-ask', 'size-recommend', 'size-model', 'size-between', 'size-chart', 'size-runs-small', 'size-exchange-ok', 'quality-odor'];

it('welcomes an earlier removal of the clothing replies took are offered back once in 话术库, never re-added after the shop deletes them', async () => {
  // Not the 话术库 tab: this page must not see the library before the earlier version's is stored.
  const setup = await s.h.openExtensionPage('options.html#import');
  const starter = await setup.evaluate(async () => (await fetch('/data/starter-library.json')).json() as Promise<Lib>);
  // What that version left: the library without the kind (welcomes too) and the worker's mark. Not the
  // page's record of it (its localStorage, cleared here as a browser's 清除浏览数据 may).
  await callFromExtensionPage(setup, 'saveLibrary', { groups: starter.groups, templates: starter.templates.filter((x) => !OLD_CLOTHING.includes(x.id)) });
  const mark = await getRaw<number>(setup, 'meta', 'starter-added');
  await putRaw(setup, 'meta', 'starter-added', { lists: mark, without: ['clothing'] });
  await setup.evaluate(() => localStorage.clear());
  await setup.close();

  await updateExtension(s.h);

  // The update's step has run (it keeps the mark) and added no welcome by itself.
  const after = await s.h.openExtensionPage('options.html#import');
  await expect.poll(() => getRaw(after, 'meta', 'starter-added'), { timeout: 15_000 }).toEqual({ lists: mark, without: ['clothing'] });
  const held = (await callFromExtensionPage<Lib>(after, 'getLibrary')).templates.map((x) => x.id);
  for (const id of WELCOMES) expect(held).not.toContain(id);
  await after.close();

  const opts = await s.h.openExtensionPage('options.html#templates');
  const notice = opts.locator('[data-kf="starter-return"]');
  await expect.poll(() => notice.textContent()).toContain('之前删除服装类起始话术时，新客欢迎、老客欢迎 也被一起删掉了');
  await opts.locator('[data-kf="starter-return-add"]').click();
  await expect.poll(() => opts.locator('[data-kf="status"]').textContent()).toBe('已加回 2 条欢迎语。');
  expect(await notice.count()).toBe(0);
  // Kept by the worker: the page's localStorage is not what stops a second offer.
  await expect.poll(() => getRaw(opts, 'meta', 'starter-added')).toEqual({ lists: mark, without: ['clothing'], settled: WELCOMES });
  const back = await callFromExtensionPage<Lib>(opts, 'getLibrary');
  expect(back.templates.slice(0, 2).map((x) => x.id)).toEqual(WELCOMES);
  for (const id of WELCOMES) expect(back.templates.find((x) => x.id === id)!.body).toBe(starter.templates.find((x) => x.id === id)!.body);
  // The clothing replies stay removed.
  for (const id of OLD_CLOTHING.filter((x) => !WELCOMES.includes(x))) expect(back.templates.map((x) => x.id), id).not.toContain(id);

  // The shop deletes 老客欢迎 (as from the editor's 删除): neither the tab nor the next update brings it back.
  await callFromExtensionPage(opts, 'saveLibrary', { groups: back.groups, templates: back.templates.filter((x) => x.id !== 'welcome-returning') });
  await opts.locator('[data-kf="template-table"] [data-template-id="welcome-returning"]').waitFor({ state: 'detached' });
  expect(await notice.count()).toBe(0);

  await opts.evaluate(() => localStorage.clear());
  await opts.close();

  await updateExtension(s.h);
  const again = await s.h.openExtensionPage('options.html#templates');
  await again.locator('[data-kf="template-table"] [data-template-id="welcome-new"]').waitFor();
  // The worker's answer the tab asks for offers nothing: no notice is on its way.
  expect(await callFromExtensionPage<{ ids: string[] }>(again, 'checkStarterReturn', {})).toEqual({ ids: [] });
  expect(await again.locator('[data-kf="starter-return"]').count()).toBe(0);
  expect((await callFromExtensionPage<Lib>(again, 'getLibrary')).templates.map((x) => x.id)).not.toContain('welcome-returning');
  await again.close();
});
