/**
 * Options → 话术库 with a library stored by an earlier version, before the starter had the five
 * replies true at any order stage (2026-12-04): the tab says which, 全部加上 adds them through the
 * worker's save, and once this machine has had them, deleting them never brings the offer back.
 * And a real extension update (the directory loaded again, as 重新加载 does) over a library stored
 * before the worker kept its count of starter updates: the replies older versions had offered stay
 * as the agent left them (2026-12-05: the first such update brought deleted ones back), and a list added after the count (exchange
 * status, 仅退款, a refund short of what was paid) is added by the update.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage } from './pages';
import { extensionSuite } from './suite';
import { updateExtension } from './update';

type Lib = { groups: string[]; templates: { id: string; title: string; body: string }[] };
const FIVE = ['delay-check', 'merge-ask', 'tracking-check', 'address-check', 'cancel-check'];
/** Every reply the versions before the count offered in 话术库 (STARTER_ADDED's first three lists). */
const OFFERED_BEFORE = [...FIVE, 'refund-check', 'extra-item'];
/** The lists added after the count was kept (2026-12-05, QA pass T; 退货已寄出 and 掉色处理; 2026-12-06 发货地, then 支付方式, then 送货上门与驿站; 2026-12-07 差评之前先解决, the pre-sale three, then 退货运费险): an update adds them, once. */
const SINCE = ['exchange-check', 'exchange-back-received', 'exchange-back-on-way', 'refund-only', 'refund-amount-diff', 'return-sent', 'quality-fading', 'ship-from', 'pay-methods', 'courier-door', 'review-threat', 'gift-wrap', 'size-usual', 'postage-region', 'return-insurance'];

const s = extensionSuite({ shop: 'none', page: 'none', launch: { args: ['--enable-unsafe-extension-debugging'] } });

/** Reads, or with `value` writes (null deletes), `key` in one of the extension's idb-keyval databases (kf-<name>, store kv). */
function raw(page: Page, name: string, key: string, value?: unknown): Promise<unknown> {
  return page.evaluate(
    ([name, key, write, value]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open(`kf-${name}`);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', write ? 'readwrite' : 'readonly');
          const store = tx.objectStore('kv');
          const req = !write ? store.get(key) : value === null ? store.delete(key) : store.put(value, key);
          tx.oncomplete = () => (open.result.close(), resolve(write ? undefined : req.result));
          tx.onerror = () => reject(tx.error);
        };
      }),
    [name, key, value !== undefined, value] as const,
  );
}

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
    // The later updates' replies were in the library all along: held, so seen too.
    expect(JSON.parse((await opts.evaluate(() => localStorage.getItem('kf-starter-added-seen')))!).sort()).toEqual([...FIVE, 'refund-check', 'extra-item', ...SINCE].sort());
    await opts.close();
  });

  it('an update over a library stored before the count was kept brings back none of the replies older versions offered; 话术库 still offers them', async () => {
    const setup = await s.h.openExtensionPage('options.html#import');
    const starter = await setup.evaluate(async () => (await fetch('/data/starter-library.json')).json() as Promise<Lib>);
    // The agent of an earlier version deleted them (or declined the offer): the library lacks them all,
    // and that version kept no count (the install of this browser did; gone, as before it existed).
    await callFromExtensionPage(setup, 'saveLibrary', { groups: starter.groups, templates: starter.templates.filter((x) => !OFFERED_BEFORE.includes(x.id) && !SINCE.includes(x.id)) });
    await raw(setup, 'meta', 'starter-added', null);
    await setup.evaluate(() => localStorage.removeItem('kf-starter-added-seen'));
    expect(await raw(setup, 'meta', 'starter-added')).toBeUndefined();

    await updateExtension(s.h);

    // The new worker's update step has run once it has kept the count.
    const after = await s.h.openExtensionPage('options.html#import');
    // As many lists as STARTER_ADDED holds (starter-additions.ts).
    await expect.poll(() => raw(after, 'meta', 'starter-added'), { timeout: 15_000 }).toBe(11);
    const stored = await callFromExtensionPage<Lib>(after, 'getLibrary');
    for (const id of OFFERED_BEFORE) expect(stored.templates.map((x) => x.id), id).not.toContain(id);
    // The lists added after the count (exchange status, 仅退款, a refund short; 退货已寄出, 掉色处理; 发货地; 支付方式; 送货上门与驿站; 差评之前先解决; 礼品包装与贺卡, 按平时尺码推荐, 偏远地区运费与能否发货; 退货运费险) are added by the update itself.
    for (const id of SINCE) expect(stored.templates.find((x) => x.id === id)?.body, id).toBe(starter.templates.find((x) => x.id === id)!.body);
    expect(stored.templates).toHaveLength(starter.templates.length - OFFERED_BEFORE.length);
    await after.close();

    // Adding them stays the agent's choice, in 话术库 (this machine's record of dismissals was cleared above).
    const opts = await s.h.openExtensionPage('options.html#templates');
    await expect.poll(() => opts.locator('[data-kf="starter-added"]').textContent()).toContain('内置话术新增了 7 条话术');
    await opts.close();
  });
});
