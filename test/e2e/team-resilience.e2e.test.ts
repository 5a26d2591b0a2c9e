/**
 * Team mode when things break half-way, in real Chromium: two profiles (supervisor, agent) with the
 * built extension, talking to pouchdb-server on 127.0.0.1 through a proxy the test controls
 * (test/team/net-proxy.ts; Chromium's offline switch does not reach the offscreen team page). Each
 * case slows the proxy so a round is still pushing when it is interrupted: the service worker
 * stopped, the team page closed, the network cut while the agent goes on working. Afterwards every
 * note, profile edit and follow-up is on the supervisor's machine exactly once.
 * Also: the remark rules, a taught page and a learned pick cross over through the team page, and the
 * agent's forget of that pick reaches the supervisor and the server.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { stopExtensionWorker, type Harness } from './harness';
import { evaluateInContentWorld } from './panel-world';
import { openDemoChat } from './pages';
import { call, closeTeamPage, join, serverNotes, startTwoMachines, stopAll, syncNow, syncUntilSynced } from './team-world';
import type { TeamServer } from '../team/server';
import { startNetProxy, type NetProxy } from '../team/net-proxy';
import { dbName } from '../../lib/team/names';
import { TEAM_CONFIG_KEY, TEAM_STATUS_KEY } from '../../lib/team/config';

const SHOP = 'e2e-break';
let server: TeamServer;
let proxy: NetProxy;
let sup: Harness;
let agent: Harness;
let supPage: Page;
let agentPage: Page;

beforeAll(async () => {
  ({ server, sup, agent } = await startTwoMachines(SHOP, { 店长: { role: 'supervisor', password: 'boss-pw' }, 小李: { role: 'agent', password: 'li-pw' } }));
  proxy = await startNetProxy(server.url);
}, 600_000);

afterAll(() => stopAll(sup, agent, proxy, server));

/** The agent writes `texts` as notes on a few buyers. */
async function writeNotes(texts: string[], buyer: (i: number) => string): Promise<void> {
  for (const [i, text] of texts.entries()) await call(agentPage, 'addCustomerEvent', { platform: 'demo', nickname: buyer(i), kind: 'note', text });
}

/** Starts a round on the agent's machine and returns once it is pushing buyers through the slowed proxy. */
async function roundPushing(): Promise<void> {
  proxy.setMode('slow', 400);
  const from = proxy.requests.length;
  // Not awaited: the round is interrupted before it answers.
  void agentPage.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ kf: 'teamSyncNow' }).catch(() => 0));
  const pushing = () => proxy.requests.slice(from).some((r) => /-buyers\/(_revs_diff|_bulk_docs)/.test(r));
  await expect.poll(pushing, { timeout: 30_000 }).toBe(true);
}

/** From now on, every state the status line takes on this page (read with the returned function). */
async function watchStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate((key) => {
    const g = globalThis as unknown as { kfStates: string[]; chrome: { storage: { onChanged: { addListener(f: (c: Record<string, { newValue?: { state: string } }>) => void): void } } } };
    g.kfStates = [];
    g.chrome.storage.onChanged.addListener((changes) => {
      const s = changes[key]?.newValue?.state;
      if (s) g.kfStates.push(s);
    });
  }, TEAM_STATUS_KEY);
  return () => page.evaluate(() => (globalThis as unknown as { kfStates: string[] }).kfStates);
}

/** The supervisor's card of a buyer: its notes' texts. */
async function supNotes(nickname: string): Promise<string[]> {
  const c = await call(supPage, 'getCustomer', { platform: 'demo', nickname });
  return (c?.history ?? []).map((e: { text: string }) => e.text);
}

const expectEachOnce = async (buyers: string[], texts: string[]) => {
  const all = (await Promise.all(buyers.map(supNotes))).flat();
  expect(all.sort()).toEqual([...texts].sort());
  expect(await serverNotes(server, SHOP, buyers)).toBe(texts.length);
};

it('both join through the proxy', async () => {
  // Both machines reach the server only through the proxy.
  const viaProxy = { ...server, url: proxy.url };
  supPage = await join(sup, viaProxy, SHOP, '店长', 'boss-pw');
  agentPage = await join(agent, viaProxy, SHOP, '小李', 'li-pw');
});

it('the service worker stopped mid-sync: the next round finishes the work, every note arrives once', async () => {
  const buyers = ['停一', '停二', '停三'];
  const texts = Array.from({ length: 24 }, (_, i) => `工作线程停止时的第${i}条`);
  await writeNotes(texts, (i) => buyers[i % 3]!);
  await roundPushing();
  const stopped = await stopExtensionWorker(agent, agentPage);
  expect(stopped.status()).toBe('stopped');
  await stopped.detach();
  proxy.setMode('pass');
  // The next message wakes a fresh worker.
  expect(await syncUntilSynced(agentPage)).toBeLessThanOrEqual(3);
  expect(await syncNow(supPage)).toBe('已同步');
  await expectEachOnce(buyers, texts);
});

it('the team page closed mid-sync: the next round opens it again and finishes, every note arrives once', async () => {
  const buyers = ['关一', '关二'];
  const texts = Array.from({ length: 20 }, (_, i) => `同步页关闭时的第${i}条`);
  await writeNotes(texts, (i) => buyers[i % 2]!);
  await roundPushing();
  const states = await watchStatus(agentPage);
  await closeTeamPage(agent, agentPage);
  proxy.setMode('pass');
  // The interrupted round opens the page again and finishes: the agent never sees an error.
  await expect.poll(async () => (await states()).at(-1), { timeout: 30_000 }).toBe('synced');
  expect(await states()).not.toContain('error');
  expect(await syncNow(agentPage)).toBe('已同步');
  expect(await syncNow(supPage)).toBe('已同步');
  await expectEachOnce(buyers, texts);
});

it('the network cut mid-sync while the agent keeps working: 离线 with the count, then everything arrives once', async () => {
  const buyers = ['断一', '断二'];
  const before = Array.from({ length: 16 }, (_, i) => `断网前的第${i}条`);
  await writeNotes(before, (i) => buyers[i % 2]!);
  await roundPushing();
  proxy.setMode('cut');
  await expect.poll(async () => (await call(agentPage, 'teamStatus')).status.state, { timeout: 30_000 }).toBe('offline');

  // Working on while cut off: more notes, a profile edit, a follow-up for the next shift.
  const during = Array.from({ length: 6 }, (_, i) => `断网时的第${i}条`);
  await writeNotes(during, (i) => buyers[i % 2]!);
  await call(agentPage, 'patchCustomer', { platform: 'demo', nickname: '断一', patch: { preferences: '只要浅色' } });
  const fu = await call(agentPage, 'addFollowup', { kind: 'handover', title: '断网时交接：断二 等补发', buyer: '断二', platform: 'demo' });
  const offline = await syncNow(agentPage);
  expect(offline).toMatch(/^离线（[1-9]\d* 条待同步）$/);
  expect((await call(agentPage, 'getCustomer', { platform: 'demo', nickname: '断一' })).preferences).toBe('只要浅色');

  proxy.setMode('pass');
  expect(await syncUntilSynced(agentPage)).toBeLessThanOrEqual(3);
  expect(await syncNow(supPage)).toBe('已同步');
  await expectEachOnce(buyers, [...before, ...during]);
  expect((await call(supPage, 'getCustomer', { platform: 'demo', nickname: '断一' })).preferences).toBe('只要浅色');
  const list = await call(supPage, 'listFollowups', { perGroup: 100 });
  const items = list.groups.flatMap((g: { items: { id: string }[] }) => g.items).filter((f: { id: string }) => f.id === fu.id);
  expect(items).toHaveLength(1);
});

it("the supervisor's remark rules and taught page reach the agent; the agent's learned pick reaches the supervisor, masked", async () => {
  const rules = await call(supPage, 'getRuleSet');
  await call(supPage, 'saveRuleSet', { ...rules, name: '本店规则（团队）' });
  await call(supPage, 'saveTaughtSite', { origin: 'https://im.shop.example', name: '本店客服台', url: 'https://im.shop.example/chat', fields: { chatInput: [{ css: 'textarea.reply' }] } });
  await call(agentPage, 'learnPick', { message: '电话13812345678，能改地址吗', buyer: '改地址的买家', scenario: 'address-change', templateId: null, source: 'insert' });
  expect(await syncUntilSynced(supPage)).toBeLessThanOrEqual(3);
  expect(await syncUntilSynced(agentPage)).toBeLessThanOrEqual(3);
  expect(await syncUntilSynced(supPage)).toBe(1);
  expect((await call(agentPage, 'getRuleSet')).name).toBe('本店规则（团队）');
  expect((await call(agentPage, 'listTaughtSites')).map((s: { origin: string }) => s.origin)).toContain('https://im.shop.example');
  const learned = await call(supPage, 'getLearned', { limit: 10 });
  const picks = learned.latest.filter((p: { scenario: string }) => p.scenario === 'address-change');
  expect(picks).toHaveLength(1);
  expect(picks[0].text).not.toContain('13812345678');
});

it("the agent forgets that pick in options → 学习记录: it leaves the supervisor's machine and the server, and does not come back", async () => {
  const mine = (await call(agentPage, 'getLearned', { limit: 10 })).latest.find((p: { scenario: string }) => p.scenario === 'address-change');
  const page = await agent.openExtensionPage('options.html#learned');
  await page.locator(`tr[data-pick-id="${mine.id}"] [data-kf="learned-forget"]`).click();
  await page.locator(`tr[data-pick-id="${mine.id}"]`).waitFor({ state: 'detached', timeout: 30_000 });
  expect(await syncUntilSynced(agentPage)).toBeLessThanOrEqual(3);
  expect(await syncUntilSynced(supPage)).toBeLessThanOrEqual(3);
  const onSup = (await call(supPage, 'getLearned', { limit: 50 })).latest.map((p: { id: string }) => p.id);
  expect(onSup).not.toContain(mine.id);
  // The marker the agent sent was deleted by the supervisor's round: only a tombstone is left.
  const auth = 'Basic ' + btoa(`${server.admin.user}:${server.admin.password}`);
  const doc = await fetch(`${server.url}/${dbName(SHOP, 'picks')}/pick:${mine.id}`, { headers: { authorization: auth } });
  expect(doc.status).toBe(404);
  const row = await fetch(`${server.url}/${dbName(SHOP, 'picks')}/_all_docs?keys=${encodeURIComponent(JSON.stringify([`pick:${mine.id}`]))}`, { headers: { authorization: auth } }).then((r) => r.json());
  expect(row.rows[0].value).toMatchObject({ deleted: true });
  // Nothing brings it back to the agent either.
  expect(await syncNow(agentPage)).toBe('已同步');
  expect((await call(agentPage, 'getLearned', { limit: 50 })).latest.map((p: { id: string }) => p.id)).not.toContain(mine.id);
});

it('live mode (an options page open): the network cut shows 离线 on its own, and its return brings 已同步 and the waiting note without 立即同步', async () => {
  proxy.setMode('cut');
  // No round asked for: the live pull notices by itself.
  await expect.poll(async () => (await call(supPage, 'teamStatus')).status.state, { timeout: 30_000 }).toBe('offline');
  await call(agentPage, 'addCustomerEvent', { platform: 'demo', nickname: '断三', kind: 'note', text: '断网时的实时一条' });
  await expect.poll(async () => (await call(agentPage, 'teamStatus')).status.state, { timeout: 30_000 }).toBe('offline');
  proxy.setMode('pass');
  // The live pulls retry (backoff up to 30 s); coming back, each page runs a round by itself.
  await expect.poll(async () => (await call(agentPage, 'teamStatus')).status.state, { timeout: 60_000 }).toBe('synced');
  await expect.poll(() => supNotes('断三'), { timeout: 60_000 }).toEqual(['断网时的实时一条']);
  await expect.poll(async () => (await call(supPage, 'teamStatus')).status.state, { timeout: 60_000 }).toBe('synced');
  expect(await serverNotes(server, SHOP, ['断三'])).toBe(1);
});

it('the team page takes orders from the extension only: a seller page’s content script gets no team operation', async () => {
  expect(await syncNow(agentPage)).toBe('已同步');
  const config = (await agentPage.evaluate((k) => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(k), TEAM_CONFIG_KEY))[TEAM_CONFIG_KEY];
  const order = { kfTeam: 'op', config, req: { op: 'review' } };
  // From an extension page the team page answers (the control: the order itself is well formed).
  const fromOptions = await agentPage.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<any> } } }).chrome.runtime.sendMessage(m), order);
  expect(fromOptions).toMatchObject({ ok: true, value: { proposals: expect.any(Array) } });
  // The same order from the content script on a demo chat page: nobody answers it.
  const chat = await agent.context.newPage();
  try {
    await openDemoChat(chat, agent.demoUrl);
    const send = `chrome.runtime.sendMessage(${JSON.stringify(order)}).then((r) => r ?? 'no answer', (e) => 'refused: ' + e.message)`;
    let answer: { value: unknown } | undefined;
    await expect.poll(async () => (answer = await evaluateInContentWorld(chat, send)) !== undefined, { timeout: 15_000 }).toBe(true);
    expect(answer!.value).not.toMatchObject({ ok: true });
  } finally {
    await chat.close();
  }
});
