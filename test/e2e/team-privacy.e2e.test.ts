/**
 * Team mode in real Chromium, what an agent is told about buyer data (qaJ D5, D6, D11): while the
 * machine is in team mode the options page and 客户档案 → 隐私 / 学习记录 say the data goes to the
 * shop's server and colleagues (not "only on this machine"); 删除 and 全部删除 say they delete for the
 * whole shop and that the count is this machine's; 退出团队模式 says what it deletes (the shop's
 * records kept for syncing, gone from IndexedDB after it) and what stays; after it the statements are local again,
 * and the sign-in form says what a sign-in under another name would upload, and who was here before.
 * One profile against a pouchdb-server on 127.0.0.1 (team-world.ts).
 */
import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionSuite } from './suite';
import type { TeamServer } from '../team/server';
import { call, join, startTeamShop, syncNow, WORKER } from './team-world';

const SHOP = 'e2e-privacy';
const s = extensionSuite<TeamServer>({
  server: () => startTeamShop(SHOP, { 小王: { role: 'agent', password: 'wang-pw' }, 小李: { role: 'agent', password: 'li-pw' } }),
  shop: 'none',
  page: 'none',
  setUpTimeout: 600_000,
});
let teamPage: Page;

beforeAll(async () => {
  teamPage = await join(s.h, s.server, SHOP, '小王', 'wang-pw');
}, 600_000);

const text = (page: Page, kf: string) => page.locator(`[data-kf="${kf}"]`).first().textContent({ timeout: 15_000 });

it('in team mode every privacy statement names the shop server, and 删除 / 全部删除 say they delete for the whole shop', async () => {
  await call(teamPage, 'addCustomerEvent', { platform: 'demo', nickname: '周末来取货', kind: 'note', text: '周六下午到店' });
  expect(await syncNow(teamPage)).toBe('已同步');

  const page = await s.h.openExtensionPage('options.html#customers');
  await expect.poll(() => text(page, 'privacy-note'), WORKER).toContain(`店铺「${SHOP}」的服务器`);
  expect(await text(page, 'privacy-note')).not.toContain('只保存在本机');
  await expect.poll(() => text(page, 'customers-privacy-note'), WORKER).toContain('同步到店里每位同事的电脑');
  expect(await text(page, 'customers-privacy-note')).not.toContain('不会上传');

  // One buyer's 删除: for the whole shop, colleagues' notes and follow-ups included.
  await page.locator('[data-kf="customer-nick"]', { hasText: '周末来取货' }).waitFor({ timeout: 15_000 });
  await page.locator('[data-kf="customer-delete"]').first().click();
  const ask = page.locator('[data-kf="customer-delete-ask"]');
  await expect.poll(() => ask.textContent(), WORKER).toContain(`确定为整个店铺「${SHOP}」删除「周末来取货」吗？`);
  expect(await ask.textContent()).toContain('每位同事的电脑上删除');
  await page.locator('[data-kf="forget-cancel"]').click();

  // 全部删除: the count is this machine's, said so.
  await page.locator('[data-kf="customers-delete-all"]').click();
  const all = page.locator('[data-kf="customers-delete-all-confirm"]');
  await expect.poll(() => all.textContent(), WORKER).toContain(`确定为整个店铺「${SHOP}」删除客户吗？本机现有的 1 位客户`);
  expect(await all.textContent()).not.toContain('全部 1 位');
  await page.locator('[data-kf="forget-cancel"]').click();
  expect(await call(page, 'getCustomer', { platform: 'demo', nickname: '周末来取货' })).not.toBeNull();

  await page.goto(page.url().replace('#customers', '#learned'));
  await page.reload();
  await expect.poll(() => text(page, 'learned-help'), WORKER).toContain(`上传到店铺「${SHOP}」的服务器`);
  expect(await text(page, 'learned-help')).not.toContain('只保存在本机');
  await page.close();
});

it('after 退出团队模式 the statements are local again, and signing in as someone else says whose records would go up under the new name', async () => {
  // The shop's records kept for syncing are in this profile's IndexedDB while in team mode…
  const teamDbs = () => teamPage.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.includes('kf-team-')));
  expect(await teamDbs()).toContain(`_pouch_kf-team-kf-${SHOP}-buyers`);
  await teamPage.locator('[data-kf="team-leave"]').click();
  // …the question says what leaving deletes and what stays…
  const ask = await text(teamPage, 'team-leave-ask');
  expect(ask).toContain('会删除：本机为同步保存的店铺共享记录副本');
  expect(ask).toContain('会保留：本机的客户档案、跟进、话术库、学习记录和设置');
  // While the replicas are being deleted the page says so, and offers no sign-in: the CI on 2026-12-06
  // saw the sign-in form while 3 of the 4 replicas were still there (a live update during the deletion
  // reloaded the page, the configuration already gone). The deletion is held here as an open
  // connection holds it (each replica blocked for up to 5 s), and the page is made to reload meanwhile.
  await teamPage.evaluate(async () => {
    const w = window as unknown as { kfHeld: IDBDatabase[]; kfSeen: string[] };
    w.kfHeld = [];
    for (const { name } of await indexedDB.databases())
      if (name?.startsWith('_pouch_kf-team-'))
        w.kfHeld.push(await new Promise<IDBDatabase>((done, fail) => Object.assign(indexedDB.open(name), { onsuccess: (e: Event) => done((e.target as IDBOpenDBRequest).result), onerror: fail })));
    // What showed first: the words that the leave is over, or the sign-in form (both in one change: the words).
    w.kfSeen = [];
    const look = () => {
      if (!w.kfSeen.includes('left') && document.querySelector('[data-kf="team-message"]')?.textContent?.includes('已退出团队模式')) w.kfSeen.push('left');
      if (!w.kfSeen.includes('form') && document.querySelector('[data-kf="team-connect"]')) w.kfSeen.push('form');
    };
    new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await teamPage.locator('[data-kf="team-leave-confirm"]').click();
  await expect.poll(async () => (await call(teamPage, 'teamStatus')).config, { timeout: 15_000 }).toBeNull();
  // What a live update does (lib/messaging/client.ts announceChange('team')): the page reads the team state again.
  await teamPage.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ 'kf:rev:team': Date.now() }));
  const other = await s.h.openExtensionPage('options.html#team');
  // (drawn once the page has the team state: its status line, or the line saying the leave is under way)
  await other.locator('[data-kf="team-status"], [data-kf="team-leaving"]').first().waitFor({ timeout: 15_000 });
  expect(await other.locator('[data-kf="team-connect"]').count()).toBe(0);
  expect(await teamPage.locator('[data-kf="team-connect"]').count()).toBe(0);
  expect(await text(other, 'team-leaving')).toBe('正在退出团队模式，正在删除本机为同步保存的店铺记录副本…完成后这里会说明，那时才可以重新加入。');
  expect(await text(teamPage, 'team-leaving')).toContain('正在退出团队模式');
  await teamPage.evaluate(() => (window as unknown as { kfHeld: IDBDatabase[] }).kfHeld.forEach((db) => db.close()));
  // …and once the page says it left, no database of the shop is left on this machine; the agent's own records are.
  await expect.poll(() => text(teamPage, 'team-message'), { timeout: 30_000 }).toContain('本机的团队同步副本已删除');
  await teamPage.locator('[data-kf="team-connect"]').waitFor();
  expect(await teamPage.evaluate(() => (window as unknown as { kfSeen: string[] }).kfSeen)).toEqual(['left', 'form']);
  // The other page offers the sign-in once the leave is over.
  await other.locator('[data-kf="team-connect"]').waitFor();
  await other.close();
  expect(await teamDbs()).toEqual([]);
  expect((await call(teamPage, 'getCustomer', { platform: 'demo', nickname: '周末来取货' })).history.map((e: { text: string }) => e.text)).toContain('周六下午到店');
  await call(teamPage, 'addCustomerEvent', { platform: 'demo', nickname: '周末来取货', kind: 'note', text: '退出后写的' });

  const page = await s.h.openExtensionPage('options.html#customers');
  await expect.poll(() => text(page, 'customers-privacy-note'), WORKER).toContain('不会上传');
  expect(await text(page, 'privacy-note')).toBe('所有数据只保存在本机浏览器扩展中，除非你主动导出。');
  await page.close();

  // The sign-in form, on the same machine: what joining uploads, always; who was here, when the name differs.
  const form = await s.h.openExtensionPage('options.html#team');
  expect(await text(form, 'team-join-shares')).toContain('以你登录的名字署名');
  await form.locator('[data-kf="team-user"]').fill('小王');
  expect(await form.locator('[data-kf="team-join-other"]').count()).toBe(0);
  await form.locator('[data-kf="team-user"]').fill('小李');
  await expect.poll(() => text(form, 'team-join-other'), WORKER).toContain(`本机上次以「小王」加入店铺「${SHOP}」`);
  expect(await text(form, 'team-join-other')).toContain('会以「小李」的名字上传');
  await form.close();
});
