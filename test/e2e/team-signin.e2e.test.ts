/**
 * Signing in to team mode when the address is wrong (or redirects), in real Chromium (options → 团队), and the
 * status line once joined with the server gone and nothing waiting: the words say what is wrong,
 * in Chinese, without the browser's English.
 */
import { afterAll, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { extensionSuite } from './suite';
import type { TeamServer } from '../team/server';
import { join, startTeamShop, syncNow } from './team-world';

const SHOP = 'signin-shop';
const s = extensionSuite<TeamServer>({
  server: () => startTeamShop(SHOP, { 小王: { role: 'agent', password: 'wang-pw' } }),
  shop: 'none',
  page: 'none',
  setUpTimeout: 600_000,
});
const others: Server[] = [];

/** A web server that is not CouchDB, answering every request the same way. */
async function notCouch(status: number, type: string, body: string): Promise<string> {
  const other = createServer((_q, r) => {
    r.writeHead(status, { 'content-type': type });
    r.end(body);
  });
  others.push(other);
  await new Promise<void>((ok) => other.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
}

// Registered after the suite's: runs before it closes the browser and stops the team server.
afterAll(async () => {
  for (const other of others) await new Promise((ok) => other.close(ok));
});

async function attempt(page: Page, url: string): Promise<string> {
  await page.locator('[data-kf="team-server"]').fill(url);
  await page.locator('[data-kf="team-shop"]').fill(SHOP);
  await page.locator('[data-kf="team-user"]').fill('小王');
  await page.locator('[data-kf="team-password"]').fill('wang-pw');
  // evaluateAll, not evaluate: with no message yet there is nothing to wait 30 s for.
  await page.locator('[data-kf="team-message"]').evaluateAll((els) => els.forEach((el) => el.remove()));
  await page.locator('[data-kf="team-connect"]').click();
  return (await page.locator('[data-kf="team-message"]').textContent({ timeout: 30_000 })) ?? '';
}

it('an address where nothing answers names the likely causes in Chinese, not the browser’s "Failed to fetch"', async () => {
  const page = await s.h.openExtensionPage('options.html#team');
  const said = await attempt(page, 'http://127.0.0.1:1');
  expect(said).toContain('连不上服务器 http://127.0.0.1:1');
  expect(said).toMatch(/没有开着.*地址、端口写错/);
  expect(said).not.toMatch(/[A-Za-z]{4,} [a-z]{2,}/); // no English sentence inside the Chinese
  await page.close();
});

it('a web server that is not CouchDB (an HTML page, or JSON 404) is named as such, not "not a member" or "HTTP 404"', async () => {
  const page = await s.h.openExtensionPage('options.html#team');
  for (const url of [await notCouch(200, 'text/html', '<html><body>Welcome to nginx</body></html>'), await notCouch(404, 'application/json', '{"message":"not found"}')]) {
    const said = await attempt(page, url);
    expect(said).toBe(`${url} 不是 CouchDB 服务器（它的回答不像 CouchDB）。请检查地址和端口，应填团队 CouchDB 的地址。`);
  }
  expect(await page.locator('[data-kf="team-joined"]').count()).toBe(0);
  await page.close();
});

it('a server that redirects the sign-in elsewhere gets no password sent there, and the agent is told of the redirect', async () => {
  // B records whatever reaches it; A (the address typed) sends every request on to B with a 307,
  // which a followed fetch answers by posting the same body — name and password — to B.
  const atB: string[] = [];
  const b = createServer((q, r) => {
    let body = '';
    q.on('data', (c) => (body += c));
    q.on('end', () => {
      atB.push(`${q.method} ${q.url} ${body}`);
      r.writeHead(401, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      r.end('{"error":"unauthorized","reason":"Name or password is incorrect."}');
    });
  });
  others.push(b);
  await new Promise<void>((ok) => b.listen(0, '127.0.0.1', ok));
  const bUrl = `http://localhost:${(b.address() as AddressInfo).port}`;
  const a = createServer((q, r) => {
    q.resume();
    r.writeHead(307, { location: `${bUrl}/steal` });
    r.end();
  });
  others.push(a);
  await new Promise<void>((ok) => a.listen(0, '127.0.0.1', ok));
  const aUrl = `http://127.0.0.1:${(a.address() as AddressInfo).port}`;
  const page = await s.h.openExtensionPage('options.html#team');
  const said = await attempt(page, aUrl);
  expect(atB).toEqual([]);
  expect(said).toBe(`服务器 ${aUrl} 把登录转到了另一个地址。为了不把密码交给别处，已拒绝这次跳转，密码没有发往那里。请填写团队 CouchDB 的最终地址（不会再跳转的那个）。`);
  expect(await page.locator('[data-kf="team-joined"]').count()).toBe(0);
  await page.close();
});

it('joined, with the server stopped and nothing waiting: the status says 离线, without "（0 条待同步）"', async () => {
  const page = await join(s.h, s.server, SHOP, '小王', 'wang-pw');
  await s.server.halt();
  try {
    expect(await syncNow(page)).toBe('离线');
  } finally {
    await s.server.restart();
  }
});
