/**
 * Team mode in real Chromium: a pouchdb-server on 127.0.0.1 started by the test, a shop provisioned
 * on it, and browser profiles with the built extension that join through options → 团队.
 * 127.0.0.1 is already in host_permissions (the demo console), so the optional-permission request
 * resolves without a prompt a headless browser could not click.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { startTeamServer, type TeamServer } from '../team/server';
import { addMember, initShop } from '../../lib/team/provision';
import { dbName, type TeamRole } from '../../lib/team/names';
import { customerKey } from '../../lib/domain/customers';

/**
 * For a poll on what a page shows once the worker has answered (a verb's reply on the panel's status
 * line, a list or note a page loads): expect.poll's default second is then the whole allowance for a
 * round trip through a worker that shares the machine with the team page's rounds and live imports.
 * Measured here at a load of 17–30 (2026-12-07): the panel's 已加入跟进清单 40–250 ms after the click
 * returned, the click itself up to 0.8 s — a stall a few times longer passes the second with nothing
 * wrong. What a page does by itself at a click (a notice it drops at once) keeps the default, as in
 * first-hour.e2e.test.ts.
 */
export const WORKER = { timeout: 30_000 };

/** A protocol call from an extension page, as the options page makes them. */
export async function call(page: Page, kf: string, payload?: unknown): Promise<any> {
  const reply = await page.evaluate(
    ([kf, payload]) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<any> } } }).chrome.runtime.sendMessage({ kf, payload }),
    [kf, payload] as const,
  );
  if (!reply?.ok) throw new Error(`${kf}: ${JSON.stringify(reply?.error)}`);
  return reply.value;
}

/** A started server with one shop and its members (name → role and password). */
export async function startTeamShop(shop: string, members: Record<string, { role: TeamRole; password: string }>): Promise<TeamServer> {
  const server = await startTeamServer();
  await initShop(server.admin, shop);
  for (const [name, m] of Object.entries(members)) await addMember(server.admin, shop, name, m.role, m.password);
  return server;
}

/** The two machines every team suite starts with: the shop on a fresh server, then a supervisor's and an agent's profile. */
export async function startTwoMachines(
  shop: string,
  members: Record<string, { role: TeamRole; password: string }>,
): Promise<{ server: TeamServer; sup: Harness; agent: Harness }> {
  const server = await startTeamShop(shop, members);
  return { server, sup: await launchWithExtension(), agent: await launchWithExtension() };
}

/** Closes browsers first, then proxies and the server (anything a failed start left undefined is skipped). */
export async function stopAll(...things: ({ close(): Promise<void> } | { stop(): Promise<void> } | undefined)[]): Promise<void> {
  for (const t of things) {
    if (!t) continue;
    await ('close' in t ? t.close() : t.stop());
  }
}

/** Signs in through options → 团队 and waits for 已同步; returns the options page. */
export async function join(h: Harness, server: TeamServer, shop: string, user: string, password: string, shift?: 'day' | 'night'): Promise<Page> {
  const page = await h.openExtensionPage('options.html#team');
  await page.locator('[data-kf="team-server"]').fill(server.url);
  await page.locator('[data-kf="team-shop"]').fill(shop);
  await page.locator('[data-kf="team-user"]').fill(user);
  await page.locator('[data-kf="team-password"]').fill(password);
  if (shift) await page.locator('[data-kf="team-shift"]').selectOption(shift);
  await page.locator('[data-kf="team-connect"]').click();
  // A locator wait rather than expect.poll, so a suite may join in beforeAll.
  await page.locator('[data-kf="team-status"]').filter({ hasText: /^已同步$/ }).waitFor({ timeout: 30_000 });
  return page;
}

/** 立即同步, then the status line once no round is running (a write also starts one, 2 s later). */
export async function syncNow(page: Page): Promise<string> {
  await call(page, 'teamSyncNow');
  const line = page.locator('[data-kf="team-status"]');
  // The words the round ended with, read in the check that saw it end: read again after it, they
  // could be the next round's 正在同步… (a live change or a re-asked pull starts one at once), which
  // carries the skipped-records count after it (正在同步…；8 条同事记录无法读取，已跳过).
  let said = '';
  await expect.poll(async () => !(said = (await line.textContent()) ?? '').startsWith('正在同步') && (await call(page, 'teamStatus')).status.state !== 'syncing', { timeout: 30_000 }).toBe(true);
  return said;
}

/** Rounds until 已同步 (at most 3); returns how many it took. */
export async function syncUntilSynced(page: Page): Promise<number> {
  for (let n = 1; n <= 3; n++) if ((await syncNow(page)) === '已同步') return n;
  return 99;
}

/** How many note documents of these (demo console) buyers the server holds, asked as its admin. */
export async function serverNotes(server: TeamServer, shop: string, nicknames: string[]): Promise<number> {
  const auth = 'Basic ' + btoa(`${server.admin.user}:${server.admin.password}`);
  let n = 0;
  for (const nick of nicknames) {
    const key = customerKey('demo', nick);
    const q = new URLSearchParams({ startkey: JSON.stringify(`ev:${key}:`), endkey: JSON.stringify(`ev:${key}:\ufff0`) });
    n += ((await fetch(`${server.url}/${dbName(shop, 'buyers')}/_all_docs?${q}`, { headers: { authorization: auth } }).then((r) => r.json())) as { rows: unknown[] }).rows.length;
  }
  return n;
}

/** Closes the extension's offscreen team page (as Chrome may) through the DevTools protocol. */
export async function closeTeamPage(h: Harness, page: Page): Promise<void> {
  const cdp = await h.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
    const team = targetInfos.find((t) => t.url === `chrome-extension://${h.extensionId}/team-sync.html`);
    if (!team) throw new Error('the team page is not open');
    await cdp.send('Target.closeTarget', { targetId: team.targetId });
  } finally {
    await cdp.detach();
  }
}
