/**
 * Team mode when the shop's member list changes under a signed-in machine, and when the library is
 * edited by someone who may only propose (real Chromium, pouchdb-server on 127.0.0.1, team-world.ts):
 * - an agent's edit of a team reply goes to the supervisor as a proposal, never only to this machine;
 * - two proposals for one reply: the review says so, and the first proposer learns theirs was replaced;
 * - a supervisor made agent (npm run team -- add-agent) is shown as 客服, and a write the server
 *   refused is named, not covered by 已同步;
 * - a removed agent (npm run team -- remove) is told they are no longer a member, not to sign in again.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import type { TeamServer } from '../team/server';
import { call, join, startTeamShop, stopAll, syncNow, WORKER } from './team-world';
import { addMember, removeMember } from '../../lib/team/provision';

const SHOP = 'e2e-roles';
let server: TeamServer;
let sup: Harness;
let wang: Harness;
let li: Harness;
let supTeam: Page;
let wangTeam: Page;
let liTeam: Page;

beforeAll(async () => {
  server = await startTeamShop(SHOP, {
    店长: { role: 'supervisor', password: 'boss-pw' },
    小王: { role: 'agent', password: 'wang-pw' },
    小李: { role: 'agent', password: 'li-pw' },
  });
  sup = await launchWithExtension();
  wang = await launchWithExtension();
  li = await launchWithExtension();
  supTeam = await join(sup, server, SHOP, '店长', 'boss-pw');
  wangTeam = await join(wang, server, SHOP, '小王', 'wang-pw');
  liTeam = await join(li, server, SHOP, '小李', 'li-pw');
}, 600_000);

afterAll(() => stopAll(sup, wang, li, server));

/** The agent edits the first reply of their library in 话术库 and presses the form's main button. */
async function agentEdits(h: Harness, body: string): Promise<{ id: string; title: string; page: Page }> {
  const page = await h.openExtensionPage('options.html#templates');
  const row = page.locator('[data-kf="template-table"] tbody tr').first();
  const id = (await row.getAttribute('data-template-id'))!;
  await row.locator('[data-kf="edit-template"]').click();
  const form = page.locator('[data-kf="template-form"]');
  const title = await form.locator('input[name="title"]').inputValue();
  await form.locator('textarea[name="body"]').fill(body);
  await form.locator('button[type="submit"]').click();
  return { id, title, page };
}

it("an agent's edit of a team reply is proposed to the supervisor, not kept on this machine only", async () => {
  const before = (await call(wangTeam, 'getLibrary')).templates[0];
  const page = await wang.openExtensionPage('options.html#templates');
  await page.locator('[data-kf="template-table"] tbody tr').first().locator('[data-kf="edit-template"]').click();
  const form = page.locator('[data-kf="template-form"]');
  // Before saving: the form says where the change goes; there is no save that would stay here only.
  expect(await form.locator('[data-kf="agent-library-note"]').textContent()).toContain('会作为提议交给主管审核');
  expect(await form.locator('[data-kf="save-template"]').count()).toBe(0);
  await page.close();

  const { title, page: editor } = await agentEdits(wang, '王改的：亲，欢迎光临小店，有事随时找我');
  await expect.poll(() => editor.locator('[data-kf="status"]').textContent(), { timeout: 30_000 }).toBe(`已把「${title}」提交给主管审核。`);
  // This machine keeps the shop's version until the supervisor decides.
  expect((await call(wangTeam, 'getLibrary')).templates[0].body).toBe(before.body);
  expect(await syncNow(supTeam)).toBe('已同步');
  await expect.poll(() => supTeam.locator('[data-kf="proposal"]').count(), { timeout: 30_000 }).toBe(1);
});

it('two proposals for one reply: the review says so, and the first proposer learns theirs was replaced', async () => {
  const { title, page: editor } = await agentEdits(li, '李改的：亲，欢迎光临，今天下单有小礼物');
  // The proposal is on this machine once the page says so (the propose call answered), not at the click:
  // a round started before it would not carry it.
  await expect.poll(() => editor.locator('[data-kf="status"]').textContent(), { timeout: 30_000 }).toBe(`已把「${title}」提交给主管审核。`);
  await syncNow(liTeam);
  expect(await syncNow(supTeam)).toBe('已同步');
  const proposals = supTeam.locator('[data-kf="proposal"]');
  await expect.poll(() => proposals.count(), { timeout: 30_000 }).toBe(2);
  const wangCard = proposals.filter({ hasText: '王改的' });
  const liCard = proposals.filter({ hasText: '李改的' });
  expect(await wangCard.locator('[data-kf="proposal-same-reply"]').textContent()).toContain('小李 也提议修改这条话术');
  expect(await liCard.locator('[data-kf="proposal-same-reply"]').textContent()).toContain('小王 也提议修改这条话术');

  await wangCard.locator('[data-kf="proposal-accept"]').click();
  await expect.poll(() => proposals.count(), { timeout: 30_000 }).toBe(1);
  // What the second accept would replace: the proposal just accepted.
  await expect.poll(() => liCard.locator('[data-kf="proposal-replaces-accepted"]').textContent(), { timeout: 30_000 }).toContain('刚采纳了 小王 的提议');
  await liCard.locator('[data-kf="proposal-accept"]').click();
  await expect.poll(() => proposals.count(), { timeout: 30_000 }).toBe(0);

  await syncNow(supTeam);
  await syncNow(wangTeam);
  const mine = wangTeam.locator('[data-kf="my-proposal"]');
  await expect.poll(() => mine.first().locator('[data-kf="my-proposal-state"]').textContent(), { timeout: 30_000 }).toBe(
    '店长 已采纳，但之后被 小李 的提议替换：你的文字已不在话术库里',
  );
  expect((await call(wangTeam, 'getLibrary')).templates[0].body).toBe('李改的：亲，欢迎光临，今天下单有小礼物');
});

it('a supervisor made agent is shown as 客服, and a write the server refused is named instead of 已同步', async () => {
  // Offline meanwhile in effect: the edit is written before this machine hears of the change.
  const lib = await call(supTeam, 'getLibrary');
  const title = lib.templates[1].title;
  await addMember(server.admin, SHOP, '店长', 'agent');
  await call(supTeam, 'saveLibrary', {
    groups: lib.groups,
    templates: lib.templates.map((t: { body: string }, i: number) => (i === 1 ? { ...t, body: '降级以后改的一句' } : t)),
    baseUpdatedAt: lib.updatedAt,
  });
  const line = await syncNow(supTeam);
  expect(line).not.toBe('已同步');
  expect(line).toContain(`服务器拒绝了 1 项修改：话术「${title}」`);
  expect(line).toContain('只保存在这台电脑上');
  await expect.poll(() => supTeam.locator('[data-kf="team-joined"]').textContent(), { timeout: 30_000 }).toContain('店长（客服）');
  await expect.poll(() => supTeam.locator('[data-kf="my-proposals"]').count(), WORKER).toBe(1);
  expect(await supTeam.locator('[data-kf="team-review"]').count()).toBe(0);
  // Kept here; read, it is no longer said.
  expect((await call(supTeam, 'getLibrary')).templates[1].body).toBe('降级以后改的一句');
  await supTeam.locator('[data-kf="team-refused-ok"]').click();
  await expect.poll(() => supTeam.locator('[data-kf="team-status"]').textContent(), { timeout: 30_000 }).toBe('已同步');
});

it('a removed agent is told they are no longer a member and what happens to what waits', async () => {
  await removeMember(server.admin, SHOP, '小李');
  await call(liTeam, 'addCustomerEvent', { platform: 'demo', nickname: '小鹿', kind: 'note', text: '移出以后写的备注' });
  const line = await syncNow(liTeam);
  expect(line).not.toContain('登录已过期');
  expect(line).toContain(`你已不是店铺 ${SHOP} 的成员`);
  expect(line).toMatch(/\d+ 条待同步的记录不会再上传，只留在这台电脑上/);
});
