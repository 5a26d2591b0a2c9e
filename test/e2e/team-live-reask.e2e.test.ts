/**
 * Live mode when the team page's `pulled` message never reaches the worker (it stopped after taking
 * it, or the send failed with no later batch to ask again): the colleague's note used to wait in the
 * replica for the next round, up to 5 min. The page now asks again until the import comes
 * (lib/team/page.ts `REASK_MS`). The message is lost inside the real offscreen team page, reached
 * through the DevTools protocol; the 5-minute alarm is cleared, so no round can stand in.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import type { TeamServer } from '../team/server';
import { call, join, startTwoMachines, stopAll } from './team-world';

const SHOP = 'e2e-reask';
let server: TeamServer;
let sup: Harness;
let agent: Harness;

beforeAll(async () => {
  ({ server, sup, agent } = await startTwoMachines(SHOP, { 店长: { role: 'supervisor', password: 'boss-pw' }, 小王: { role: 'agent', password: 'wang-pw' } }));
}, 600_000);

afterAll(() => stopAll(sup, agent, server));

/** Runs `expression` in the extension's offscreen team page (no Playwright page: a CDP session to its target). */
async function inTeamPage(h: Harness, page: Page, expression: string): Promise<unknown> {
  const cdp = await h.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
    const team = targetInfos.find((t) => t.url === `chrome-extension://${h.extensionId}/team-sync.html`);
    if (!team) throw new Error('the team page is not open');
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: team.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<unknown>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
        const m = JSON.parse(e.message) as { id?: number; result?: { result?: { value?: unknown } } };
        if (e.sessionId === sessionId && m.id === 1) resolve(m.result?.result?.value);
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }) });
    const value = await answer;
    await cdp.send('Target.detachFromTarget', { sessionId });
    return value;
  } finally {
    await cdp.detach();
  }
}

it("a colleague's note reaches the supervisor's open page though the team page's first 'pulled' message is lost", async () => {
  const supPage = await join(sup, server, SHOP, '店长', 'boss-pw');
  const agentPage = await join(agent, server, SHOP, '小王', 'wang-pw');
  // Live mode: the supervisor's options page is open. No 5-minute round while this runs.
  await supPage.evaluate(() => (globalThis as unknown as { chrome: { alarms: { clear(n: string): Promise<boolean> } } }).chrome.alarms.clear('kf-team-sync'));
  await expect.poll(async () => (await call(supPage, 'teamStatus')).status.state, { timeout: 30_000 }).toBe('synced');
  const lastRound = (await call(supPage, 'teamStatus')).status.lastSyncAt;
  // The next `pulled` the supervisor's team page sends goes nowhere.
  const patched = await inTeamPage(
    sup,
    supPage,
    `(() => {
      const rt = chrome.runtime;
      const send = rt.sendMessage.bind(rt);
      globalThis.kfLost = 0;
      rt.sendMessage = (m, ...rest) => {
        if (m && m.kfTeamPage === 'pulled' && globalThis.kfLost === 0) { globalThis.kfLost = 1; return Promise.resolve(undefined); }
        return send(m, ...rest);
      };
      return 'patched';
    })()`,
  );
  expect(patched).toBe('patched');

  await call(agentPage, 'addCustomerEvent', { platform: 'demo', nickname: '小青', kind: 'note', text: '明早十点后再联系' });
  const notes = async () => ((await call(supPage, 'getCustomer', { platform: 'demo', nickname: '小青' }))?.history ?? []).map((e: { text: string }) => e.text);
  // Before, it stayed in the replica until a round (none runs here).
  await expect.poll(notes, { timeout: 30_000 }).toEqual(['明早十点后再联系']);
  expect(await inTeamPage(sup, supPage, 'globalThis.kfLost')).toBe(1);
  expect((await call(supPage, 'teamStatus')).status.lastSyncAt).toBe(lastRound);
});
