/**
 * Team mode against a server like a shop's: https, on a host of its own, with the browser blocking
 * third-party cookies (team-https-world.ts). Sign-in keeps no password — everything after it rests on
 * CouchDB's AuthSession cookie coming back with the extension's requests — so these tests check the
 * cookie really went with them and really was what let them in (the shop's databases refuse a
 * request without it), and what the agent sees when a proxy in front of the server keeps the cookie
 * from the browser.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import type { TeamServer } from '../team/server';
import { dbName } from '../../lib/team/names';
import { call, join, startTeamShop, stopAll, syncNow, syncUntilSynced } from './team-world';
import { framedCookie, launchBlocking3pc, startHttpsFront, type HttpsFront } from './team-https-world';

const SHOP = 'https-shop';
let server: TeamServer;
let front: HttpsFront;
let sup: Harness;
let agent: Harness;

beforeAll(async () => {
  server = await startTeamShop(SHOP, { 店长: { role: 'supervisor', password: 'boss-pw' }, 小王: { role: 'agent', password: 'wang-pw' }, 小李: { role: 'agent', password: 'li-pw' } });
  front = await startHttpsFront(server.url);
  sup = await launchBlocking3pc();
  agent = await launchBlocking3pc();
}, 600_000);

afterAll(() => stopAll(sup, agent, front, server));

/** The https address, where join() would use the server's own loopback http one. */
const viaHttps = (): TeamServer => ({ ...server, url: front.url });

/** The shop's database requests (not the sign-in, not the server's welcome) seen since `from`. */
const shopRequests = (from: number) => front.requests.slice(from).filter((r) => r.path.startsWith(`/kf-${SHOP}-`));

it('the browsers here block third-party cookies: a frame of the server’s host inside another site cannot keep a cookie (it can when they are allowed)', async () => {
  expect(await framedCookie(sup, front)).toBe('');
  // The check can tell: the same frame in a profile that allows third-party cookies keeps it.
  const allowing = await launchBlocking3pc(0);
  try {
    expect(await framedCookie(allowing, front)).toBe('kf3pc=set');
  } finally {
    await allowing.close();
  }
});

let supPage: Page;
let agentPage: Page;

it('over https, with third-party cookies blocked, both sign in and reach 已同步 — every request carried the session cookie, and the databases refuse one without it', async () => {
  const from = front.requests.length;
  supPage = await join(sup, viaHttps(), SHOP, '店长', 'boss-pw');
  agentPage = await join(agent, viaHttps(), SHOP, '小王', 'wang-pw');
  expect(await agentPage.locator('[data-kf="team-joined"]').textContent()).toContain('小王（客服）');
  const seen = shopRequests(from);
  expect(seen.length).toBeGreaterThan(10);
  expect(seen.filter((r) => !r.session || r.authorization)).toEqual([]);
  // Not an open database: without the cookie the server turns the same request away.
  for (const area of ['library', 'buyers'] as const) expect((await fetch(`${server.url}/${dbName(SHOP, area)}/`)).status).toBe(401);
  // The cookie as the server sent it: no SameSite and no Secure (CouchDB 3's default behind a proxy that ends https).
  expect(front.setCookies[0]).toMatch(/^AuthSession=[^;]+; Path=\/; HttpOnly$/);
});

it("over https, the supervisor's new reply reaches the agent, and the agent's note reaches the supervisor", async () => {
  const lib = await call(supPage, 'getLibrary');
  const reply = { id: 'team-https-1', title: 'https 话术', body: '亲，这条话术经 https 同步', group: lib.groups[0], scenarios: [] };
  await call(supPage, 'saveLibrary', { groups: lib.groups, templates: [...lib.templates, reply], baseUpdatedAt: lib.updatedAt });
  expect(await syncUntilSynced(supPage)).toBeLessThanOrEqual(2);
  expect(await syncNow(agentPage)).toBe('已同步');
  const agentLib = await call(agentPage, 'getLibrary');
  expect(agentLib.templates.filter((t: { id: string }) => t.id === 'team-https-1').map((t: { body: string }) => t.body)).toEqual(['亲，这条话术经 https 同步']);

  await call(agentPage, 'addCustomerEvent', { platform: 'demo', nickname: '小明', kind: 'note', text: '经 https：要L码' });
  expect(await syncNow(agentPage)).toBe('已同步');
  expect(await syncNow(supPage)).toBe('已同步');
  const card = await call(supPage, 'getCustomer', { platform: 'demo', nickname: '小明' });
  expect(card.history.map((e: { text: string }) => e.text)).toEqual(['经 https：要L码']);
});

it('a cookie made as strict as a proxy can make it (SameSite=Strict; Secure; Max-Age=600) still works', async () => {
  front.setCookieRewrite((c) => `${c}; SameSite=Strict; Secure; Max-Age=600`);
  const h = await launchBlocking3pc();
  try {
    const from = front.requests.length;
    const page = await join(h, viaHttps(), SHOP, '小李', 'li-pw');
    expect(await syncNow(page)).toBe('已同步');
    const seen = shopRequests(from);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((r) => !r.session)).toEqual([]);
  } finally {
    front.setCookieRewrite(null);
    await h.close();
  }
});

/** Signs in through options → 团队 at the https address; the sign-in's message once one shows (nothing else waits for it). */
async function refusedSignIn(h: Harness, user: string, password: string): Promise<{ page: Page; said: string }> {
  const page = await h.openExtensionPage('options.html#team');
  await page.locator('[data-kf="team-server"]').fill(front.url);
  await page.locator('[data-kf="team-shop"]').fill(SHOP);
  await page.locator('[data-kf="team-user"]').fill(user);
  await page.locator('[data-kf="team-password"]').fill(password);
  await page.locator('[data-kf="team-connect"]').click();
  return { page, said: (await page.locator('[data-kf="team-message"]').textContent({ timeout: 30_000 })) ?? '' };
}

const COOKIE_LOST = (server: string) =>
  `服务器 ${server} 接受了用户名和密码，但浏览器没有留下登录凭据（Cookie），之后的每次同步都会被拒绝，所以没有加入。请搭建服务器的人检查：服务器前面的代理（nginx 等）不能去掉 CouchDB 回答里的 Set-Cookie；浏览器设置或单位的策略也不能禁止这个地址的 Cookie（只屏蔽第三方 Cookie 没有关系）。`;

it('a proxy that drops Set-Cookie: the sign-in says the browser kept no cookie and what to check, and joins nothing (it joined, then said 登录已过期)', async () => {
  front.setCookieRewrite(() => null);
  const h = await launchBlocking3pc();
  try {
    const { page, said } = await refusedSignIn(h, '小李', 'li-pw');
    expect(said).toBe(COOKIE_LOST(front.url));
    expect(await page.locator('[data-kf="team-joined"]').count()).toBe(0);
  } finally {
    front.setCookieRewrite(null);
    await h.close();
  }
});

it('a browser that blocks every site’s cookies says the same at sign-in', async () => {
  // Settings → 隐私 → 第三方 Cookie is not it: this is "sites cannot save data" (content setting 2 = block).
  const h = await launchBlocking3pc(1, { default_content_setting_values: { cookies: 2 } });
  try {
    const { page, said } = await refusedSignIn(h, '小李', 'li-pw');
    expect(said).toBe(COOKIE_LOST(front.url));
    expect(await page.locator('[data-kf="team-joined"]').count()).toBe(0);
  } finally {
    await h.close();
  }
});
