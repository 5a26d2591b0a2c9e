/**
 * Options → 话术库 with a library stored by an earlier version, before the starter had the five
 * replies true at any order stage (2026-12-04): the tab says which, 全部加上 adds them through the
 * worker's save, and once this machine has had them, deleting them never brings the offer back.
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage } from './pages';
import { extensionSuite } from './suite';

type Lib = { groups: string[]; templates: { id: string; title: string; body: string }[] };
const FIVE = ['delay-check', 'merge-ask', 'tracking-check', 'address-check', 'cancel-check'];

const s = extensionSuite({ shop: 'none', page: 'none' });

describe('starter replies added after a library was stored', () => {
  it('are offered once in 话术库: 全部加上 stores them; deleted later, they are not offered again', async () => {
    // Not the 话术库 tab: this page must not see the library before the earlier version's is stored.
    const setup = await s.h.openExtensionPage('options.html#import');
    const starter = await setup.evaluate(async () => (await fetch('/data/starter-library.json')).json() as Promise<Lib>);
    const earlier = { groups: starter.groups, templates: starter.templates.filter((x) => !FIVE.includes(x.id)) };
    await callFromExtensionPage(setup, 'saveLibrary', earlier);
    await setup.close();

    const opts = await s.h.openExtensionPage('options.html#templates');
    const notice = opts.locator('[data-kf="starter-added"]');
    await expect
      .poll(() => notice.textContent())
      .toContain('内置话术新增了 5 条话术，您的话术库里还没有：查询物流（先查订单）、查询发货进度、合并发货（先查订单）、改地址（先查订单）、取消订单（先查订单）。');
    await opts.locator('[data-kf="starter-added-add"]').click();
    await expect.poll(() => opts.locator('[data-kf="status"]').textContent()).toBe('已加上 5 条内置话术。');
    expect(await notice.count()).toBe(0);
    await opts.locator('[data-kf="template-table"] [data-template-id="delay-check"]').waitFor();

    const stored = await callFromExtensionPage<Lib>(opts, 'getLibrary');
    const byId = new Map(stored.templates.map((x) => [x.id, x]));
    for (const id of FIVE) expect(byId.get(id)?.body).toBe(starter.templates.find((x) => x.id === id)!.body);
    expect(stored.templates).toHaveLength(starter.templates.length);

    // The agent deletes all five again (as from the editor's 删除): once the tab shows that library,
    // the offer stays away — this machine has had them.
    await callFromExtensionPage(opts, 'saveLibrary', { groups: stored.groups, templates: stored.templates.filter((x) => !FIVE.includes(x.id)) });
    await opts.locator('[data-kf="template-table"] [data-template-id="delay-check"]').waitFor({ state: 'detached' });
    expect(await notice.count()).toBe(0);
    // The later update's replies were in the library all along: held, so seen too.
    expect(JSON.parse((await opts.evaluate(() => localStorage.getItem('kf-starter-added-seen')))!).sort()).toEqual([...FIVE, 'refund-check', 'extra-item'].sort());
    await opts.close();
  });
});
