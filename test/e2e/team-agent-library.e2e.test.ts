/**
 * Team mode: the ways other than the reply editor that used to change an agent's copy of the shop's
 * library on that machine only, without a word, until the supervisor's next change replaced it
 * (real Chromium, pouchdb-server on 127.0.0.1, team-world.ts):
 * - 话术分组: an agent cannot add or delete a group, and is told whose the groups are;
 * - the spreadsheet import: refused for an agent, saying why and where the sheet goes instead;
 * - the library file import: says, before merge or replace is chosen, that it changes this machine only;
 * - 导入全部数据: says the same before the agent chooses, and after it what was kept on this machine;
 * - a library save sent straight through the message protocol (not the options page): refused by
 *   the worker with the reason, nothing kept locally;
 * - the supervisor's own group edits and imports are as before.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import type { TeamServer } from '../team/server';
import { call, join, startTwoMachines, stopAll } from './team-world';

const SHOP = 'e2e-agent-lib';
let server: TeamServer;
let sup: Harness;
let agent: Harness;

beforeAll(async () => {
  ({ server, sup, agent } = await startTwoMachines(SHOP, {
    店长: { role: 'supervisor', password: 'boss-pw' },
    小周: { role: 'agent', password: 'zhou-pw' },
  }));
  await join(sup, server, SHOP, '店长', 'boss-pw');
  await join(agent, server, SHOP, '小周', 'zhou-pw');
}, 600_000);

afterAll(() => stopAll(sup, agent, server));

const sheet = { name: 'phrases.csv', mimeType: 'text/csv', buffer: Buffer.from('标题,内容,分组\n到货时间,亲，一般两到三天就能送到哦,物流\n') };

/** The library file as exported on `page`, with one reply reworded and a group added. */
async function editedExport(page: Page): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const file = await call(page, 'exportLibrary');
  file.templates[0] = { ...file.templates[0], body: '文件里改过的一句：亲，在的，请讲' };
  file.groups = [...file.groups, '文件里的新分组'];
  return { name: 'kefu-library.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };
}

it("an agent cannot change the shop's groups on this machine, and is told whose they are", async () => {
  const page = await agent.openExtensionPage('options.html#templates');
  const note = page.locator('[data-kf="agent-groups-note"]');
  await expect.poll(() => note.textContent(), { timeout: 30_000 }).toContain('分组属于团队话术库，由主管增删');
  expect(await page.locator('[data-kf="new-group"]').count()).toBe(0);
  expect(await page.locator('.kf-group-tag button').count()).toBe(0);
  await page.close();
});

it('an agent cannot import a spreadsheet of replies: the page says why and where it goes instead', async () => {
  const before = (await call(await agent.openExtensionPage('options.html'), 'getLibrary')).templates.length;
  const page = await agent.openExtensionPage('options.html#import');
  const refusal = page.locator('[data-kf="import-csv-agent"]');
  await expect.poll(() => refusal.textContent(), { timeout: 30_000 }).toContain('请把表格交给主管导入');
  expect(await page.locator('[data-kf="import-csv-file"]').count()).toBe(0);
  expect((await call(page, 'getLibrary')).templates.length).toBe(before);
  await page.close();
});

it("an agent's library file import says before it writes that it changes this machine only", async () => {
  const page = await agent.openExtensionPage('options.html#import');
  await page.locator('[data-kf="import-csv-agent"]').waitFor({ timeout: 30_000 });
  await page.locator('[data-kf="import-file"]').setInputFiles(await editedExport(page));
  const confirm = page.locator('[data-kf="import-confirm"]');
  await confirm.waitFor({ timeout: 30_000 });
  expect(await confirm.locator('[data-kf="import-agent-local"]').textContent()).toContain('只写入这台电脑，团队话术库和同事的电脑都不会有这些变化');
  // Nothing is written until the agent chooses, and cancelling leaves the shop's version.
  await page.locator('[data-kf="import-cancel"]').click();
  expect((await call(page, 'getLibrary')).templates[0].body).not.toBe('文件里改过的一句：亲，在的，请讲');
  await page.close();
});

it("an agent's 导入全部数据 says before it writes that the replies stay on this machine, and after it what was kept local", async () => {
  const page = await agent.openExtensionPage('options.html#import');
  await page.locator('[data-kf="import-csv-agent"]').waitFor({ timeout: 30_000 });
  const file = await call(page, 'exportAllData');
  file.library.templates[0] = { ...file.library.templates[0], body: '全部数据里改过的一句：亲，在的' };
  // As the options page exports it: the buyers come page by page (none on this machine).
  file.customers = { ...file.customers, customers: [] };
  await page.locator('[data-kf="all-import-file"]').setInputFiles({ name: 'kefu-all-data.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  const confirm = page.locator('[data-kf="all-import-confirm"]');
  await confirm.waitFor({ timeout: 30_000 });
  expect(await confirm.locator('[data-kf="all-import-agent-local"]').textContent()).toContain('只写入这台电脑，不会同步给团队话术库和同事的电脑');
  // Nothing written before the choice.
  expect((await call(page, 'getLibrary')).templates[0].body).not.toBe('全部数据里改过的一句：亲，在的');
  await page.locator('[data-kf="all-import-merge"]').click();
  const result = page.locator('[data-kf="all-result"]');
  await expect.poll(() => result.textContent(), { timeout: 30_000 }).toContain('已合并导入');
  expect(await result.textContent()).toContain('只保存在这台电脑上，没有同步给团队');
  expect((await call(page, 'getLibrary')).templates[0].body).toBe('全部数据里改过的一句：亲，在的');
  await page.close();
});

it("an agent's library save sent straight through the message protocol is refused with the reason; nothing is kept on the machine", async () => {
  const page = await agent.openExtensionPage('options.html');
  const before = await call(page, 'getLibrary');
  const edited = { groups: before.groups, templates: [{ ...before.templates[1], body: '绕过界面直接保存的一句' }, ...before.templates.slice(2)], baseUpdatedAt: before.updatedAt };
  const reply = await page.evaluate(
    (payload) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<any> } } }).chrome.runtime.sendMessage({ kf: 'saveLibrary', payload }),
    edited,
  );
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(reply.error.message).toContain('团队模式下客服不能直接保存话术库');
  const after = await call(page, 'getLibrary');
  expect(after.updatedAt).toBe(before.updatedAt);
  expect(after.templates[1].body).toBe(before.templates[1].body);
  await page.close();
});

it("the supervisor's own group edits and imports are as before", async () => {
  const page = await sup.openExtensionPage('options.html#templates');
  await page.locator('[data-kf="new-group"]').fill('售后专用');
  await page.getByRole('button', { name: '添加分组' }).click();
  await expect.poll(async () => (await call(page, 'getLibrary')).groups, { timeout: 30_000 }).toContain('售后专用');
  expect(await page.locator('[data-kf="agent-groups-note"]').count()).toBe(0);

  await page.close();

  const io = await sup.openExtensionPage('options.html#import');
  // Offered once the page knows this machine is the supervisor's.
  await expect.poll(() => io.locator('[data-kf="import-csv-file"]').isEnabled(), { timeout: 30_000 }).toBe(true);
  await io.locator('[data-kf="import-csv-file"]').setInputFiles(sheet);
  await io.locator('[data-kf="import-confirm"]').waitFor({ timeout: 30_000 });
  await io.locator('[data-kf="import-cancel"]').click();
  await io.locator('[data-kf="import-file"]').setInputFiles(await editedExport(io));
  const confirm = io.locator('[data-kf="import-confirm"]');
  await confirm.waitFor({ timeout: 30_000 });
  expect(await confirm.locator('[data-kf="import-agent-local"]').count()).toBe(0);
  await io.locator('[data-kf="import-merge"]').click();
  await expect.poll(async () => (await call(io, 'getLibrary')).templates[0].body, { timeout: 30_000 }).toBe('文件里改过的一句：亲，在的，请讲');
  await io.close();
});
