/**
 * Team mode in real Chromium: a buyer deleted on one machine (客户档案 → 删除, with the buyer's
 * follow-up) is deleted on the shop's server and on a colleague's machine, and does not come back
 * to the machine that deleted it; the colleague's own backups and remark override log lose the buyer
 * too, as after a 删除 of their own. Two profiles (an agent deletes, the supervisor watches) against
 * a pouchdb-server on 127.0.0.1 (team-world.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import type { TeamServer } from '../team/server';
import { call, join, serverNotes, startTwoMachines, stopAll, syncNow } from './team-world';
import { customerKey } from '../../lib/domain/customers';
import { dbName } from '../../lib/team/names';
import { deletionRef } from '../../lib/team/docs';

const SHOP = 'e2e-del';
const NICK = '李雷要退货';
let server: TeamServer;
let sup: Harness;
let agent: Harness;
let supPage: Page;
let agentPage: Page;

beforeAll(async () => {
  ({ server, sup, agent } = await startTwoMachines(SHOP, { 店长: { role: 'supervisor', password: 'boss-pw' }, 小王: { role: 'agent', password: 'wang-pw' } }));
  supPage = await join(sup, server, SHOP, '店长', 'boss-pw');
  agentPage = await join(agent, server, SHOP, '小王', 'wang-pw');
}, 600_000);

afterAll(() => stopAll(sup, agent, server));

/** The follow-up titles a machine lists (every section). */
async function followupTitles(page: Page): Promise<string[]> {
  const list = await call(page, 'listFollowups', { perGroup: 100 });
  return list.groups.flatMap((g: { items: { title: string }[] }) => g.items.map((i) => i.title));
}

/** The buyers the options page lists (客户档案), as the agent sees them. */
async function listedBuyers(h: Harness): Promise<string[]> {
  const page = await h.openExtensionPage('options.html#customers');
  try {
    await page.locator('[data-kf="customers-list"]').waitFor();
    // The list fills after its first read: wait for the buyer kept on every machine.
    await page.locator('[data-kf="customer-nick"]', { hasText: '韩梅梅' }).waitFor({ timeout: 15_000 });
    return await page.locator('[data-kf="customers-list"] [data-kf="customer-nick"]').allTextContents();
  } finally {
    await page.close();
  }
}

/** One of the extension's idb-keyval databases (kf-<name>, store kv) as read on `page`: every record, as text; `put` writes one first. */
async function rawStore(page: Page, name: string, put?: [string, unknown]): Promise<string> {
  return page.evaluate(
    ([name, put]) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open(`kf-${name}`);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('kv', 'readwrite');
          if (put) tx.objectStore('kv').put(put[1], put[0]);
          const all = tx.objectStore('kv').getAll();
          tx.oncomplete = () => (open.result.close(), resolve(JSON.stringify(all.result)));
          tx.onerror = () => reject(tx.error);
        };
      }),
    [name, put] as const,
  );
}

/** The server's copy of a document, asked as its admin: its status and body. */
async function onServer(area: 'buyers' | 'followups', id: string): Promise<{ status: number; body: any }> {
  const auth = 'Basic ' + btoa(`${server.admin.user}:${server.admin.password}`);
  const r = await fetch(`${server.url}/${dbName(SHOP, area)}/${encodeURIComponent(id)}`, { headers: { authorization: auth } });
  return { status: r.status, body: await r.json() };
}

it("an agent deletes a buyer with a note and a follow-up: the server and the supervisor's machine lose them, and they do not come back", async () => {
  await call(agentPage, 'addCustomerEvent', { platform: 'demo', nickname: NICK, kind: 'note', text: '退货地址：北京朝阳区' });
  await call(agentPage, 'addCustomerEvent', { platform: 'demo', nickname: '韩梅梅', kind: 'note', text: '要M码' });
  await call(agentPage, 'addFollowup', { kind: 'manual', title: '回访退货进度', buyer: NICK, platform: 'demo' });
  expect(await syncNow(agentPage)).toBe('已同步');
  expect(await syncNow(supPage)).toBe('已同步');
  // The supervisor's machine has the buyer, the note and the follow-up.
  expect((await call(supPage, 'getCustomer', { platform: 'demo', nickname: NICK })).history.map((e: { text: string }) => e.text)).toEqual(['退货地址：北京朝阳区']);
  expect(await followupTitles(supPage)).toContain('回访退货进度');
  expect(await listedBuyers(sup)).toEqual(expect.arrayContaining([NICK, '韩梅梅']));
  // The supervisor's own keeping: a remark saved against the rules for the buyer's order, and a backup.
  const override = { at: Date.now(), platform: 'demo', orderId: '4012938475610293847', buyer: NICK, flag: 'yellow', agent: '店长', reason: `${NICK}急着要`, problems: [], text: '备注改为浦东仓库收' };
  await rawStore(supPage, 'meta', ['remarkOverrides', { v: 1, items: [override] }]);
  await call(supPage, 'createBackup');
  expect(await rawStore(supPage, 'backups')).toContain('退货地址：北京朝阳区');

  // 客户档案 → 删除 on the agent's machine, the open follow-up deleted with the buyer.
  expect(await call(agentPage, 'deleteCustomer', { platform: 'demo', nickname: NICK, openFollowups: 'delete' })).toMatchObject({ deleted: true, open: 1 });
  expect(await syncNow(agentPage)).toBe('已同步');
  const key = customerKey('demo', NICK);
  expect((await onServer('buyers', `buyer:${key}`)).status).toBe(404);
  expect(await serverNotes(server, SHOP, [NICK])).toBe(0);
  // The deletion names the buyer by a reference only: nothing on the server is called after the buyer.
  expect((await onServer('buyers', `del:${await deletionRef(SHOP, `buyer:${key}`)}`)).body).toMatchObject({ type: 'deletion', by: '小王' });
  expect((await onServer('buyers', `del:buyer:${key}`)).status).toBe(404);

  // The supervisor's machine, after its round: no buyer, no note, no follow-up, in the list either.
  expect(await syncNow(supPage)).toBe('已同步');
  expect(await call(supPage, 'getCustomer', { platform: 'demo', nickname: NICK })).toBeNull();
  expect(await followupTitles(supPage)).not.toContain('回访退货进度');
  const listed = await listedBuyers(sup);
  expect(listed).toContain('韩梅梅');
  expect(listed).not.toContain(NICK);
  // Nor in the supervisor's backups (the other buyer stays there), nor by name in the override log.
  const backups = await rawStore(supPage, 'backups');
  for (const gone of [NICK, '退货地址：北京朝阳区']) expect(backups, gone).not.toContain(gone);
  expect(backups).toContain('要M码');
  expect((await call(supPage, 'listBackups'))[0].contents).toMatchObject({ buyers: 1 });
  const meta = await rawStore(supPage, 'meta');
  expect(meta).not.toContain(NICK);
  expect(meta).toContain('4012938475610293847');

  // The supervisor keeps working on the other buyer; more rounds on both machines bring nothing back.
  await call(supPage, 'addCustomerEvent', { platform: 'demo', nickname: '韩梅梅', kind: 'note', text: '已换L码' });
  expect(await syncNow(supPage)).toBe('已同步');
  expect(await syncNow(agentPage)).toBe('已同步');
  expect(await syncNow(supPage)).toBe('已同步');
  for (const page of [agentPage, supPage]) {
    expect(await call(page, 'getCustomer', { platform: 'demo', nickname: NICK })).toBeNull();
    expect(await followupTitles(page)).not.toContain('回访退货进度');
  }
  expect((await call(agentPage, 'getCustomer', { platform: 'demo', nickname: '韩梅梅' })).history.map((e: { text: string }) => e.text)).toEqual(expect.arrayContaining(['已换L码', '要M码']));
  expect(await listedBuyers(agent)).not.toContain(NICK);
  expect(await serverNotes(server, SHOP, [NICK])).toBe(0);
});
