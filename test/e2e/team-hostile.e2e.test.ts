/**
 * Colleagues' documents that no version of the extension writes — fields of the wrong kind, text far
 * over the limits the UI keeps, direction controls — put on the shop's server by its admin (as any
 * member could on a shop provisioned before the server's shape checks), and what the supervisor's
 * machine shows of them in real Chromium: options → 团队 (proposals, replies edited on two machines),
 * the status line while the page is open (the live pull), the popup's follow-up list and 客户档案.
 * Before (qaO 2026-12-05): one proposal without its reply broke the whole review pane, a long or
 * bidi text was shown as sent, a 6,000-character buyer name and a 100,000-character note filled the
 * popup, and a document the live pull skipped was counted only at the next round.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import type { TeamServer } from '../team/server';
import { join, startTeamShop, stopAll, syncNow } from './team-world';
import { dbName, type TeamArea } from '../../lib/team/names';

const SHOP = 'e2e-hostile';
let server: TeamServer;
let sup: Harness;
let team: Page;

beforeAll(async () => {
  server = await startTeamShop(SHOP, { 店长: { role: 'supervisor', password: 'boss-pw' }, 小王: { role: 'agent', password: 'wang-pw' } });
  sup = await launchWithExtension();
  team = await join(sup, server, SHOP, '店长', 'boss-pw');
}, 600_000);

afterAll(() => stopAll(sup, server));

const admin = () => ({ authorization: 'Basic ' + btoa(`${server.admin.user}:${server.admin.password}`), 'content-type': 'application/json' });

/** Written as the server's admin, whom the role check lets write anything (over an earlier attempt's copy). */
async function adminPut(area: TeamArea, doc: Record<string, unknown> & { _id: string }): Promise<void> {
  const url = `${server.url}/${dbName(SHOP, area)}/${encodeURIComponent(doc._id)}`;
  const had = (await fetch(url, { headers: admin() }).then((r) => r.json())) as { _rev?: string };
  const res = await fetch(url, { method: 'PUT', headers: admin(), body: JSON.stringify({ ...doc, ...(had._rev ? { _rev: had._rev } : {}) }) });
  expect(res.status, doc._id).toBe(201);
}

/** Revisions of one document written side by side (a conflict), as replication leaves them. */
async function adminConflict(area: TeamArea, docs: Record<string, unknown>[]): Promise<void> {
  const res = await fetch(`${server.url}/${dbName(SHOP, area)}/_bulk_docs`, { method: 'POST', headers: admin(), body: JSON.stringify({ docs, new_edits: false }) });
  expect(res.status).toBe(201);
}

const NOW = Date.now();
const reply = (id: string, title: unknown, body: unknown) => ({ id, title, body, group: '售后', scenarios: ['other'] });
const proposal = (hex: string, template: unknown, extra: Record<string, unknown> = {}) => ({
  _id: `proposal:小王:${(template as { id?: string } | null)?.id ?? 'x'}:${hex}`, type: 'proposal', template, by: '小王', at: NOW, ...extra,
});
const status = () => team.locator('[data-kf="team-status"]');

it('a document the live pull skips is counted on the status line at once, not at the next round', async () => {
  expect(await syncNow(team)).toBe('已同步');
  // The options page is open: live mode is on, and this arrives through the live pull.
  await adminPut('followups', { _id: 'fu:hostile-null', type: 'followup', item: null });
  await expect.poll(() => status().textContent(), { timeout: 30_000 }).toBe('已同步；1 条同事记录无法读取，已跳过');
});

it('options → 团队 lists the readable proposals and versions, cleaned, and says how many it left out', async () => {
  const bidi = '\u202E退款说明\u202C';
  await adminPut('library', proposal('01', reply('p-ok', '换货运费', '亲，换货运费由我们承担')));
  await adminPut('library', proposal('02', reply('p-num', 12345, '标题是数字')));
  await adminPut('library', proposal('03', { id: 'p-notitle', body: '没有标题', group: '售后', scenarios: ['other'] }));
  await adminPut('library', proposal('04', reply('p-long', '很长的话术', '长'.repeat(100_000))));
  await adminPut('library', proposal('05', null));
  await adminPut('library', proposal('06', reply('p-bidi', bidi, `亲${bidi}请看`)));
  await adminPut('library', proposal('07', reply('p-by', '谁提的', '提议人是个数字'), { by: 42 }));
  // One reply edited on two machines, and a third version without its reply.
  const tpl = (rev: string, template: unknown) => ({ _id: 'tpl:c1', _rev: rev, type: 'template', template, by: '店长', at: NOW });
  await adminConflict('library', [
    tpl('1-aaaa', reply('c1', '发货时间', '亲，48 小时内发货')),
    tpl('1-bbbb', reply('c1', '发货时间', '亲，24 小时内发货')),
    tpl('1-ffff', null),
  ]);
  await syncNow(team);

  const review = team.locator('[data-kf="team-review"]');
  await expect.poll(() => review.locator('[data-kf="proposal"]').count(), { timeout: 30_000 }).toBe(2);
  expect(await team.locator('[data-kf="review-message"]').count()).toBe(0);
  const titles = await review.locator('[data-kf="proposal"] [data-kf="reply-title"]').allTextContents();
  // The direction override is shown as a mark, not obeyed.
  expect([...titles].sort()).toEqual(['换货运费', '⟨RLO⟩退款说明⟨PDF⟩'].sort());
  expect(await review.locator('[data-kf="proposal"][data-id*="p-bidi"] [data-kf="reply-body"]').textContent()).toBe('亲⟨RLO⟩退款说明⟨PDF⟩请看');
  // The two readable versions of the reply in conflict, the third left out.
  await expect.poll(() => review.locator('[data-kf="conflict-version"]').count()).toBe(2);
  expect(await review.locator('[data-kf="conflict-version"] [data-kf="reply-body"]').allTextContents()).toEqual(expect.arrayContaining(['亲，48 小时内发货', '亲，24 小时内发货']));
  // Five proposals and one version could not be read: said, with the same words as the status line's.
  expect(await review.locator('[data-kf="review-skipped"]').textContent()).toBe('6 条同事记录无法读取，已跳过');

  // The supervisor can still choose, and the conflict is settled.
  await review.locator('[data-kf="conflict-version"]').first().locator('[data-kf="conflict-choose"]').click();
  await expect.poll(() => review.locator('[data-kf="conflict-version"]').count(), { timeout: 30_000 }).toBe(0);
});

it("a colleague's follow-up with a 6,000-character buyer name and a 100,000-character note arrives limited in the popup", async () => {
  // Already due, so the row is on the popup's open list at any hour (due in an hour, it was
  // tomorrow's from 23:00 Beijing: in the folded 以后, never visible).
  const item = {
    v: 2, id: 'manual:hostile-long', kind: 'manual', title: '给买家回电话', reason: '答应回电', createdAt: NOW, dueAt: NOW - 60_000,
    status: 'open', source: 'manual', buyer: `长名${'名'.repeat(6_000)}`, note: '记'.repeat(100_000),
  };
  await adminPut('followups', { _id: `fu:${item.id}`, type: 'followup', item });
  await syncNow(team);
  const popup = await sup.openExtensionPage('popup.html');
  const row = popup.locator('[data-kf="followup"]', { hasText: '给买家回电话' });
  await row.waitFor({ timeout: 30_000 });
  const buyer = (await row.locator('[data-kf="followup-buyer"] bdi').first().textContent()) ?? '';
  expect(buyer.startsWith('长名')).toBe(true);
  expect([...buyer].length).toBe(64);
  const note = (await row.locator('[data-kf="followup-note"]').textContent()) ?? '';
  expect(note.startsWith('记记记')).toBe(true);
  expect(note.length).toBeLessThanOrEqual(500);
  await popup.close();
});

it("客户档案's count and list agree: a colleague's buyer with fields of the wrong kind is skipped and counted, not stored unlisted", async () => {
  const profile = (nickname: unknown, extra: Record<string, unknown> = {}) => ({
    v: 2, key: `demo:${String(nickname)}`, platform: 'demo', nickname, segment: 'new', tags: [], sizes: {}, preferences: '', addressNote: '', note: '',
    createdAt: NOW, updatedAt: NOW, orderIds: [], ...extra,
  });
  await adminPut('buyers', { _id: 'buyer:demo:12345', type: 'buyer', customer: profile(12345, { createdAt: '2026-12-05' }) });
  await adminPut('buyers', { _id: 'buyer:demo:阿猫', type: 'buyer', customer: profile('阿猫', { note: '备'.repeat(100_000) }) });
  await adminPut('followups', { _id: 'fu:manual:weird', type: 'followup', item: { v: 2, id: 'manual:weird', kind: 'manual', title: '怪', reason: '', createdAt: NOW, dueAt: null, status: 'weird', source: 'manual' } });
  expect(await syncNow(team)).toMatch(/^已同步；\d+ 条同事记录无法读取，已跳过$/);
  const page = await sup.openExtensionPage('options.html#customers');
  await expect.poll(() => page.locator('[data-kf="customers-total"]').textContent(), { timeout: 30_000 }).toBe('本机共 1 位客户');
  expect(await page.locator('[data-kf="customer-nick"]').allTextContents()).toEqual(['阿猫']);
  await page.close();
});
