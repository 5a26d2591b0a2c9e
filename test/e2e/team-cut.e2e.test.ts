/**
 * 删除全部数据 while a team round nobody asked for waits on a server that starts every answer and
 * never finishes it (verify18, lib/team/README.md "Whole-data verbs cut unasked rounds"). In real
 * Chromium: one agent's profile joined to a pouchdb-server through a proxy the test controls
 * (test/team/net-proxy.ts 'drip': a space every 2 s, so the request is never given up for silence
 * and the round would wait for as long as the server talks). A note starts the round (the timer
 * after a write); once one of its requests is held, the agent deletes everything: the verb is
 * carried out — before, it waited the whole-data lock's minute behind the round and was refused —
 * the machine leaves team mode, and nothing of the shop comes back into its stores, since the page
 * that writes the shop's records is gone.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { call, join, serverNotes, startTeamShop, stopAll, syncNow } from './team-world';
import type { TeamServer } from '../team/server';
import { startNetProxy, type NetProxy } from '../team/net-proxy';

const SHOP = 'e2e-cut';
let server: TeamServer;
let proxy: NetProxy;
let agent: Harness;
let page: Page;

beforeAll(async () => {
  server = await startTeamShop(SHOP, { 小周: { role: 'agent', password: 'zhou-pw' } });
  proxy = await startNetProxy(server.url);
  agent = await launchWithExtension();
  page = await join(agent, { ...server, url: proxy.url }, SHOP, '小周', 'zhou-pw');
}, 600_000);

afterAll(() => stopAll(agent, proxy, server));

/** Whether the extension's offscreen team page (the only writer of the shop's records) is open. */
async function teamPageOpen(): Promise<boolean> {
  const cdp = await agent.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
    return targetInfos.some((t) => t.url === `chrome-extension://${agent.extensionId}/team-sync.html`);
  } finally {
    await cdp.detach();
  }
}

const buyers = async (): Promise<string[]> => (await call(page, 'exportCustomers', {})).items.map((c: { nickname: string }) => c.nickname);

it('删除全部数据 is carried out while an unasked round waits on a server that never finishes answering, and nothing of the shop comes back', { timeout: 180_000, retry: 0 }, async () => {
  await call(page, 'addCustomerEvent', { platform: 'demo', nickname: '周末来取货', kind: 'note', text: '周六下午到店自提' });
  expect(await syncNow(page)).toBe('已同步');
  expect(await serverNotes(server, SHOP, ['周末来取货'])).toBe(1);

  // The server stalls; the agent writes again, which starts a round of its own a moment later.
  proxy.setMode('drip');
  const from = proxy.requests.length;
  await call(page, 'addCustomerEvent', { platform: 'demo', nickname: '周末来取货', kind: 'note', text: '改到周日上午' });
  // A request of the round is held (the live pull, running while the options page is open, only long-polls).
  await expect.poll(() => proxy.requests.slice(from).some((r) => !/feed=longpoll/.test(r)), { timeout: 30_000 }).toBe(true);
  expect((await call(page, 'teamStatus')).status.state).toBe('syncing');

  const replicas = () => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('_pouch_kf-team-')));
  expect(await replicas()).toContain(`_pouch_kf-team-kf-${SHOP}-followups`);
  expect(await call(page, 'deleteAllData', { confirm: true })).toEqual({ deleted: true });
  expect(await buyers()).toEqual([]);
  expect((await call(page, 'teamStatus')).status.state).toBe('off');
  expect(await teamPageOpen()).toBe(false);
  // No replica of the shop is left on this machine, nor with it this machine's team notices (`_local/kf-told`).
  expect(await replicas()).toEqual([]);

  // The server answers again: no round, no page, nothing pulled back.
  proxy.setMode('pass');
  expect((await call(page, 'teamStatus')).config).toBeNull();
  expect(await buyers()).toEqual([]);
  // Left on the server: 删除全部数据 deletes this machine's data, not the shop's.
  expect(await serverNotes(server, SHOP, ['周末来取货'])).toBe(1);
});
