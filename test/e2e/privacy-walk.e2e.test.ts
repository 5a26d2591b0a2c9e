/**
 * A buyer's personal data walked through the product as an agent meets it, in Chromium with the
 * built extension: the buyer writes their address, phone and ID number in the demo chat; the
 * agent corrects the situation, inserts a reply, writes a note with Alt+N, adds follow-ups from the
 * panel, runs 检查页面 and takes a backup. Every storage area of the extension's origin is then read
 * back (stores.ts `everything`: chrome.storage and every IndexedDB database, backups included) and
 * searched for the raw numbers and the address's door; 导出全部数据 holds the buyer as stored and
 * nothing else; 删除全部数据 leaves nothing of them.
 */
import { expect, it } from 'vitest';
import { callFromExtensionPage, cardReady, chatInput, demo, inPanel, openDemoChat, setUpDemoShop } from './pages';
import { extensionSuite } from './suite';
import { everything } from './stores';

const s = extensionSuite({ shop: 'close', page: 'none' });

const BUYER = 'tb_8834729_88';
const PHONE = '13987654321';
const ID_CARD = '330106199001011234';
const MESSAGE = `我要改地址，新地址浙江省杭州市西湖区文三路88号3幢201室，手机${PHONE}，身份证${ID_CARD}`;
/** What must never be stored: the raw numbers and the door (house number, building, room). */
const RAW = [PHONE, ID_CARD, '88号', '3幢', '201室'];

it('a buyer’s phone, ID number and door are stored nowhere in clear; the export holds the buyer as stored; 删除全部数据 leaves nothing of them', async () => {
  const options = await setUpDemoShop(s.h);
  const page = await s.h.context.newPage();
  await s.h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.h.demoUrl });
  await openDemoChat(page, s.h.demoUrl, { buyer: BUYER });
  await demo.push(page, MESSAGE);
  await expect.poll(() => inPanel(page, '[data-kf="chip"]').count()).toBeGreaterThan(0);

  // The agent corrects the situation (a learned pick), then inserts a reply (another).
  await inPanel(page, '[data-kf="change-situation"]').click();
  await inPanel(page, '.kf-chip-option[data-scenario="address-change"]').click();
  await chatInput(page).click();
  await inPanel(page, '[data-kf="suggestions"] [data-kf="template"] .kf-tpl-main').first().click();
  await expect.poll(() => demo.draft(page)).not.toBe('');

  // A note typed with Alt+N, the buyer's words pasted in.
  await cardReady(page, BUYER);
  await page.keyboard.press('Alt+n');
  await inPanel(page, '[data-kf="customer-note-input"]').fill(`客户说：${MESSAGE}`);
  await page.keyboard.press('Enter');

  // Follow-ups: 咨询未拍 with its reason, 承诺答复 with a note.
  await inPanel(page, '[data-kf="fu-inquiry"]').click();
  await inPanel(page, '[data-kf="fu-reason"]').fill(`等发工资 回电${PHONE}`);
  await inPanel(page, '[data-kf="fu-reason-add"]').click();
  await inPanel(page, '[data-kf="fu-promised"]').click();
  await inPanel(page, '[data-kf="fu-note"]').fill(`查文三路88号3幢201室能否放门卫室 ${PHONE}`);
  await inPanel(page, '[data-kf="fu-add"]').click();
  await expect.poll(() => inPanel(page, '[data-kf="fu-status"]').textContent()).toContain('承诺答复');

  // 检查页面, and its report copied: counts and names of selectors only.
  await inPanel(page, '[data-kf="check-open"]').click();
  await inPanel(page, '[data-kf="page-check"]').waitFor();
  await inPanel(page, '[data-kf="check-copy"]').click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('127.0.0.1');
  const report = await page.evaluate(() => navigator.clipboard.readText());
  for (const secret of [BUYER, 'u-1002', '文三路', '139']) expect(report, secret).not.toContain(secret);

  await expect.poll(async () => JSON.stringify(await callFromExtensionPage(options, 'listFollowups', { perGroup: 50 }))).toContain('放门卫室');
  await callFromExtensionPage(options, 'createBackup');
  const stored = await everything(options);
  expect(RAW.filter((raw) => stored.includes(raw))).toEqual([]);
  // Stored as the agent needs it: the area and the ends of the phone.
  for (const kept of ['文三路**号*幢***室', '139****4321', '330*************34', '等发工资']) expect(stored, kept).toContain(kept);

  // 导出全部数据: the buyer's note and follow-ups as stored; no backups, drafts, team connection or counters.
  const file = await callFromExtensionPage<Record<string, any>>(options, 'exportAllData');
  expect(Object.keys(file).sort()).toEqual(['buyerNames', 'customers', 'exportedAt', 'followups', 'format', 'learned', 'library', 'remarkOverrides', 'reminded', 'replyClock', 'settings', 'usage', 'version']);
  const buyers = await callFromExtensionPage<{ items: { nickname: string; history: { text: string }[] }[] }>(options, 'exportCustomers', {});
  const exported = JSON.stringify({ file, buyers });
  expect(RAW.filter((raw) => exported.includes(raw))).toEqual([]);
  expect(buyers.items.map((c) => c.nickname)).toEqual([BUYER]);
  expect(exported).toContain('文三路**号*幢***室');
  for (const not of ['snap-', 'kf:rev', 'kf:team', 'note-draft']) expect(exported, not).not.toContain(not);

  // 删除全部数据, the chat still open: nothing of the buyer anywhere. The one thing the open chat may
  // write again at once is what it writes for any buyer on screen: which id showed this name (the
  // panel reads the conversation again after the deletion; lib/storage/README.md) — no note, no text.
  await callFromExtensionPage(options, 'deleteAllData', { confirm: true });
  const after = JSON.parse(await everything(options)) as Record<string, unknown>;
  expect([[], [{ v: 1, ids: ['u-1002'] }]]).toContainEqual((after['idb:kf-buyer-names'] as { kv: unknown[] }).kv);
  const rest = JSON.stringify({ ...after, 'idb:kf-buyer-names': null });
  for (const gone of [BUYER, 'u-1002', '文三路', '139****4321', '等发工资', '放门卫室', '我要改地址', 'snap-']) expect(rest, gone).not.toContain(gone);
  await page.close();
});
