/**
 * A reply edited on two supervisor machines, in real Chromium: two profiles of the same supervisor
 * (the shop owner's desk and laptop), joined to pouchdb-server on 127.0.0.1 through a proxy the test
 * can cut (test/team/net-proxy.ts; Chromium's offline switch does not reach the offscreen team page).
 * Both edit the same reply in the library editor while offline, both come back and sync: options →
 * 团队 shows both versions side by side on each machine; the version chosen on one holds on both.
 * The same for the remark rules, chosen per flag colour, and for a taught page (one version or the other).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { call, join, startTwoMachines, stopAll, syncNow } from './team-world';
import type { TeamServer } from '../team/server';
import { startNetProxy, type NetProxy } from '../team/net-proxy';
import { dbName } from '../../lib/team/names';

const SHOP = 'e2e-conflict';
const TITLE = '退货运费说明';
let server: TeamServer;
let proxy: NetProxy;
let desk: Harness;
let laptop: Harness;
let deskTeam: Page;
let laptopTeam: Page;

beforeAll(async () => {
  ({ server, sup: desk, agent: laptop } = await startTwoMachines(SHOP, { 店长: { role: 'supervisor', password: 'boss-pw' } }));
  proxy = await startNetProxy(server.url);
  const viaProxy = { ...server, url: proxy.url };
  deskTeam = await join(desk, viaProxy, SHOP, '店长', 'boss-pw');
  laptopTeam = await join(laptop, viaProxy, SHOP, '店长', 'boss-pw');
}, 600_000);

afterAll(() => stopAll(desk, laptop, proxy, server));

/** Each test goes on from the replicas and the server the one before left: a retry would start from a
 * half-finished state and report that instead of the first failure. */
const ONCE = { retry: 0 };

const bodyOf = async (page: Page): Promise<string[]> =>
  (await call(page, 'getLibrary')).templates.filter((t: { title: string }) => t.title === TITLE).map((t: { body: string }) => t.body);

/** In the library editor (options → 话术): a new reply, or a new body for the reply with this title. */
async function writeReply(h: Harness, body: string, id?: string): Promise<void> {
  const editor = await h.openExtensionPage('options.html#templates');
  if (id) await editor.locator(`tr[data-template-id="${id}"] button`).first().click();
  else await editor.locator('[data-kf="new-template"]').click();
  const form = editor.locator('[data-kf="template-form"]');
  if (!id) await form.locator('input[name="title"]').fill(TITLE);
  await form.locator('textarea[name="body"]').fill(body);
  await form.locator('[data-kf="save-template"]').click();
  await editor.locator('[data-kf="status"].kf-ok').waitFor({ timeout: 30_000 });
  await editor.close();
}

/** Options → 团队 as the supervisor opens it: the versions of the reply in conflict, as shown. */
async function shownVersions(h: Harness): Promise<{ page: Page; bodies: () => Promise<string[]> }> {
  const page = await h.openExtensionPage('options.html#team');
  const conflict = page.locator('[data-kf="conflict"]');
  return { page, bodies: async () => ((await conflict.count()) ? conflict.locator('[data-kf="conflict-version"] [data-kf="reply-body"]').allTextContents() : []) };
}

it('both versions of a reply edited offline on two supervisor machines are shown; the one chosen holds on both', ONCE, async () => {
  await writeReply(desk, '亲，退货运费由买家承担哦');
  expect(await syncNow(deskTeam)).toBe('已同步');
  expect(await syncNow(laptopTeam)).toBe('已同步');
  expect(await bodyOf(laptopTeam)).toEqual(['亲，退货运费由买家承担哦']);
  const id = (await call(laptopTeam, 'getLibrary')).templates.find((t: { title: string }) => t.title === TITLE).id as string;

  // Both offline; each edits the same reply.
  proxy.setMode('cut');
  await writeReply(desk, '亲，质量问题的退货运费由我们承担', id);
  await writeReply(laptop, '亲，退货运费险可以报销运费哦', id);
  for (const page of [deskTeam, laptopTeam]) expect(await syncNow(page)).toMatch(/^离线/);
  expect(await bodyOf(deskTeam)).toEqual(['亲，质量问题的退货运费由我们承担']);
  expect(await bodyOf(laptopTeam)).toEqual(['亲，退货运费险可以报销运费哦']);

  // Back online: each sends its version and receives the other.
  proxy.setMode('pass');
  for (const page of [deskTeam, laptopTeam, deskTeam]) expect(await syncNow(page)).toBe('已同步');
  const both = ['亲，质量问题的退货运费由我们承担', '亲，退货运费险可以报销运费哦'];
  const onDesk = await shownVersions(desk);
  const onLaptop = await shownVersions(laptop);
  await expect.poll(async () => (await onDesk.bodies()).sort(), { timeout: 30_000 }).toEqual(both);
  await expect.poll(async () => (await onLaptop.bodies()).sort(), { timeout: 30_000 }).toEqual(both);

  // On the desk the supervisor uses the laptop's version.
  const laptops = onDesk.page.locator('[data-kf="conflict-version"]').filter({ hasText: '退货运费险可以报销运费哦' });
  await laptops.locator('[data-kf="conflict-choose"]').click();
  await expect.poll(() => onDesk.page.locator('[data-kf="review-message"]').textContent(), { timeout: 30_000 }).toBe(`「${TITLE}」已统一为选定的内容。`);
  await expect.poll(() => onDesk.bodies(), { timeout: 30_000 }).toEqual([]);

  // The choice holds on both machines, and on the server nothing is left in conflict.
  expect(await syncNow(deskTeam)).toBe('已同步');
  expect(await syncNow(laptopTeam)).toBe('已同步');
  for (const page of [deskTeam, laptopTeam]) await expect.poll(() => bodyOf(page), { timeout: 30_000 }).toEqual(['亲，退货运费险可以报销运费哦']);
  const laptopAgain = await shownVersions(laptop);
  await expect.poll(async () => (await laptopAgain.page.locator('[data-kf="team-review"]').count()) === 1 && (await laptopAgain.bodies()).length, { timeout: 30_000 }).toBe(0);
  const auth = 'Basic ' + btoa(`${server.admin.user}:${server.admin.password}`);
  const doc = await fetch(`${server.url}/${dbName(SHOP, 'library')}/tpl:${encodeURIComponent(id)}?conflicts=true`, { headers: { authorization: auth } }).then((r) => r.json());
  expect(doc._conflicts).toBeUndefined();
  expect(doc.template.body).toBe('亲，退货运费险可以报销运费哦');
});

it('remark rules edited offline on both machines: the colours that differ are shown side by side; the per-colour choice holds on both', ONCE, async () => {
  const shop = await call(deskTeam, 'getRuleSet');
  await call(deskTeam, 'saveRuleSet', { ...shop, name: '本店规则' });
  for (const page of [deskTeam, laptopTeam]) expect(await syncNow(page)).toBe('已同步');
  await expect.poll(async () => (await call(laptopTeam, 'getRuleSet')).name, { timeout: 30_000 }).toBe('本店规则');

  proxy.setMode('cut');
  const base = await call(deskTeam, 'getRuleSet');
  await call(deskTeam, 'saveRuleSet', { ...base, flags: { ...base.flags, red: { ...base.flags.red, meaning: '台式机：红旗写清新地址' } } });
  await call(laptopTeam, 'saveRuleSet', { ...base, flags: { ...base.flags, yellow: { ...base.flags.yellow, meaning: '笔记本：黄旗写主管姓名' } } });
  for (const page of [deskTeam, laptopTeam]) expect(await syncNow(page)).toMatch(/^离线/);
  proxy.setMode('pass');
  for (const page of [deskTeam, laptopTeam, deskTeam]) expect(await syncNow(page)).toBe('已同步');

  const page = await laptop.openExtensionPage('options.html#team');
  const parts = page.locator('[data-kf="rules-conflict"] [data-kf="rules-part"]');
  await expect.poll(() => parts.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.part)), { timeout: 30_000 }).toEqual(['red', 'yellow']);
  const red = page.locator('[data-kf="rules-part"][data-part="red"] [data-kf="rules-part-version"]');
  expect((await red.allTextContents()).some((t) => t.includes('台式机：红旗写清新地址'))).toBe(true);
  // Red from the desk's version, yellow from the laptop's.
  await red.filter({ hasText: '台式机：红旗写清新地址' }).locator('[data-kf="rules-part-choose"]').check();
  await page.locator('[data-kf="rules-part"][data-part="yellow"] [data-kf="rules-part-version"]').filter({ hasText: '笔记本：黄旗写主管姓名' }).locator('[data-kf="rules-part-choose"]').check();
  await page.locator('[data-kf="rules-resolve"]').click();
  await expect.poll(() => page.locator('[data-kf="review-message"]').textContent(), { timeout: 30_000 }).toBe('备注规则已统一为你选定的内容。');
  await expect.poll(() => page.locator('[data-kf="rules-conflict"]').count(), { timeout: 30_000 }).toBe(0);

  for (const p of [laptopTeam, deskTeam]) expect(await syncNow(p)).toBe('已同步');
  for (const p of [deskTeam, laptopTeam]) {
    await expect
      .poll(async () => {
        const r = await call(p, 'getRuleSet');
        return [r.flags.red.meaning, r.flags.yellow.meaning];
      }, { timeout: 30_000 })
      .toEqual(['台式机：红旗写清新地址', '笔记本：黄旗写主管姓名']);
  }
});

it('a taught page changed offline on both machines: both versions are shown on each; the one chosen holds on both and on the server', ONCE, async () => {
  // A page of this attempt only (a retry starts from the conflict the first attempt left).
  const origin = `https://im-${Date.now().toString(36).slice(-5)}.shop.example`;
  const taught = (css: string) => ({ origin, name: '本店客服台', url: `${origin}/chat`, fields: { chatInput: [{ css }] } });
  const inputCss = async (page: Page): Promise<string | undefined> =>
    (await call(page, 'listTaughtSites')).find((s: { origin: string }) => s.origin === origin)?.fields.chatInput?.[0]?.css;
  await call(deskTeam, 'saveTaughtSite', taught('textarea.reply'));
  for (const page of [deskTeam, laptopTeam]) expect(await syncNow(page)).toBe('已同步');
  await expect.poll(() => inputCss(laptopTeam), { timeout: 30_000 }).toBe('textarea.reply');

  // Both offline; each re-teaches the reply box of the same page differently.
  proxy.setMode('cut');
  await call(deskTeam, 'saveTaughtSite', taught('textarea#desk-box'));
  await call(laptopTeam, 'saveTaughtSite', taught('div.laptop-editor'));
  for (const page of [deskTeam, laptopTeam]) expect(await syncNow(page)).toMatch(/^离线/);
  proxy.setMode('pass');
  for (const page of [deskTeam, laptopTeam, deskTeam]) expect(await syncNow(page)).toBe('已同步');

  // Options → 团队 on each machine: both versions of the page, side by side.
  const shown = async (h: Harness) => {
    const page = await h.openExtensionPage('options.html#team');
    const versions = page.locator(`[data-kf="site-conflict"][data-origin="${origin}"] [data-kf="site-version"]`);
    return { page, versions, fields: () => versions.locator('[data-kf="site-field"]').allTextContents() };
  };
  const onDesk = await shown(desk);
  const onLaptop = await shown(laptop);
  for (const s of [onDesk, onLaptop]) {
    await expect.poll(() => s.versions.count(), { timeout: 30_000 }).toBe(2);
    const fields = (await s.fields()).join('\n');
    expect(fields).toContain('css=textarea#desk-box');
    expect(fields).toContain('css=div.laptop-editor');
  }
  // Nothing chosen yet: each machine works with one of the two meanwhile (the winning revision,
  // or its own edit if that is later), never with the page as it was before or without it.
  for (const page of [deskTeam, laptopTeam]) expect(['textarea#desk-box', 'div.laptop-editor']).toContain(await inputCss(page));

  // On the laptop the supervisor takes the desk's version.
  await onLaptop.versions.filter({ hasText: 'textarea#desk-box' }).locator('[data-kf="site-choose"]').click();
  await expect.poll(() => onLaptop.page.locator('[data-kf="review-message"]').textContent(), { timeout: 30_000 }).toBe(`${origin} 已统一为选定的版本。`);
  await expect.poll(() => onLaptop.versions.count(), { timeout: 30_000 }).toBe(0);

  for (const page of [laptopTeam, deskTeam]) expect(await syncNow(page)).toBe('已同步');
  for (const page of [deskTeam, laptopTeam]) await expect.poll(() => inputCss(page), { timeout: 30_000 }).toBe('textarea#desk-box');
  const deskAgain = await shown(desk);
  await expect.poll(async () => (await deskAgain.page.locator('[data-kf="team-review"]').count()) === 1 && (await deskAgain.versions.count()), { timeout: 30_000 }).toBe(0);
  const auth = 'Basic ' + btoa(`${server.admin.user}:${server.admin.password}`);
  const doc = await fetch(`${server.url}/${dbName(SHOP, 'library')}/${encodeURIComponent(`site:${origin}`)}?conflicts=true`, { headers: { authorization: auth } }).then((r) => r.json());
  expect(doc._conflicts).toBeUndefined();
  expect(doc.site.fields.chatInput[0].css).toBe('textarea#desk-box');
});
