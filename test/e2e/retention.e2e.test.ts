/**
 * The retention period (客户档案 → 保留天数), end to end in Chromium with the built extension: its
 * daily alarms fire in the real service worker (the test sets the same-named alarms due now, as
 * Chrome does when a day has passed), and a buyer not seen for longer than the period is forgotten
 * as 删除 forgets one — their record and name claims, their done follow-ups, learned picks holding
 * their name, their name in the remark override log, in every local backup too; their open
 * follow-up is kept without name or id; every follow-up note is masked — while a buyer seen within
 * the period keeps everything. Read through every storage area of the extension's origin.
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage } from './pages';
import { extensionSuite } from './suite';
import { everything } from './stores';

const DAY = 86_400_000;
const OLD = { nickname: '去年的老客', buyerId: 'u-old-7', phone: '13912345678', masked: '139****5678' };
const RECENT = { nickname: '米粒妈妈', buyerId: 'u-new-8', phone: '13700001111', masked: '137****1111' };
const OLD_PICK = '上个季度的消息能便宜点吗';

/** A buyer as the chat panel leaves them: a note, a promised answer (its note typed before masking), a done inquiry, a pick naming them, a remark saved against the rules. */
async function seed(b: typeof OLD): Promise<void> {
  const buyer = { platform: 'demo', nickname: b.nickname, buyerId: b.buyerId };
  await callFromExtensionPage(s.ext, 'addCustomerEvent', { ...buyer, kind: 'note', text: `只发顺丰 ${b.phone}` });
  await callFromExtensionPage(s.ext, 'patchSettings', { privacy: { maskPii: false } });
  await callFromExtensionPage(s.ext, 'addFollowup', { kind: 'promised-answer', platform: 'demo', buyer: b.nickname, buyerId: b.buyerId, note: `回电 ${b.phone}` });
  await callFromExtensionPage(s.ext, 'patchSettings', { privacy: { maskPii: true } });
  await callFromExtensionPage(s.ext, 'addFollowup', { kind: 'inquiry', platform: 'demo', buyer: b.nickname, buyerId: b.buyerId });
  await callFromExtensionPage(s.ext, 'updateFollowup', { id: `inquiry:demo#${b.buyerId}`, action: 'done' });
  await callFromExtensionPage(s.ext, 'learnPick', { message: `${b.nickname}的快递地址要改一下`, buyer: null, scenario: 'address-change', templateId: null, source: 'chip' });
  await callFromExtensionPage(s.ext, 'recordRemark', {
    platform: 'demo', orderId: `40129384756${b.buyerId.slice(-1)}`.padEnd(19, '0'), buyer: b.nickname, buyerId: b.buyerId, flag: 'yellow',
    text: `改电话 小美 12/3`, override: { reason: `${b.nickname}急着要`, problems: [{ code: 'x', message: '缺少新地址' }] },
  });
}

/** Fires a periodic job now in the running service worker: its alarm, re-created due at once, with its usual period. */
async function fireAlarm(name: string): Promise<void> {
  const sw = await s.h.serviceWorker();
  await sw.evaluate(async (n) => {
    const alarms = (globalThis as any).chrome.alarms;
    const before = await alarms.get(n);
    if (!before) throw new Error(`no alarm ${n}`);
    await alarms.create(n, { when: Date.now(), periodInMinutes: before.periodInMinutes });
  }, name);
}

const s = extensionSuite({ page: 'none' });

describe('the retention period’s daily purge', () => {
  it('forgets a buyer unseen for longer than the period everywhere, backups included, and keeps a buyer seen within it', async () => {
    await seed(OLD);
    await seed(RECENT);
    // Two months pass for the old buyer: the shop's own all-data file, their record dated 60 days
    // back, with a learned pick of that time, imported in place of what is there (导入全部数据 → 替换).
    const then = Date.now() - 60 * DAY;
    const file = await callFromExtensionPage<Record<string, any>>(s.ext, 'exportAllData');
    // The buyers come page by page, as the options page assembles the file.
    file.customers.customers = (await callFromExtensionPage<{ items: any[] }>(s.ext, 'exportCustomers', {})).items;
    const old = file.customers.customers.find((c: any) => c.buyerId === OLD.buyerId);
    Object.assign(old, { createdAt: then, updatedAt: then, lastSeenAt: then });
    file.learned.picks.push({ id: 'old-pick', at: then, text: OLD_PICK, scenario: 'bargain', templateId: null, source: 'chip' });
    const imported = await callFromExtensionPage<{ ok: boolean }>(s.ext, 'importAllData', { json: file, merge: false });
    expect(imported.ok).toBe(true);
    await callFromExtensionPage(s.ext, 'createBackup');
    expect(await callFromExtensionPage(s.ext, 'previewRetention', { days: 30 })).toMatchObject({ customers: 1, learned: 1 });
    await callFromExtensionPage(s.ext, 'patchSettings', { privacy: { retentionDays: 30 } });

    const before = await everything(s.ext);
    for (const s of [OLD.nickname, OLD.buyerId, OLD.phone, RECENT.phone, OLD_PICK]) expect(before, s).toContain(s);
    // …in the backups too (the one taken before the import and the one taken after).
    const backups = JSON.stringify(JSON.parse(before)['idb:kf-backups']);
    for (const s of [OLD.nickname, OLD.phone, OLD_PICK]) expect(backups, s).toContain(s);

    await fireAlarm('kf-customers-daily');
    await fireAlarm('kf-learned-daily');

    await expect.poll(async () => (await everything(s.ext)).includes(OLD.nickname), { timeout: 15_000 }).toBe(false);
    await expect.poll(async () => (await everything(s.ext)).includes(OLD_PICK), { timeout: 15_000 }).toBe(false);
    const after = await everything(s.ext);
    expect(JSON.parse(after)['idb:kf-backups'].kv.length).toBe(JSON.parse(before)['idb:kf-backups'].kv.length);
    // Nothing of the old buyer, in any store or backup; no phone number in clear.
    for (const gone of [OLD.nickname, OLD.buyerId, OLD.phone, RECENT.phone, `inquiry:demo#${OLD.buyerId}`]) expect(after, gone).not.toContain(gone);
    // The recent buyer keeps their record, follow-ups, pick and the override log's entry.
    for (const kept of [`demo#${RECENT.buyerId}`, `inquiry:demo#${RECENT.buyerId}`, `${RECENT.nickname}的快递地址`, `${RECENT.nickname}急着要`]) expect(after, kept).toContain(kept);

    const customers = await callFromExtensionPage<{ items: { key: string; history: { kind: string; text: string }[] }[] }>(s.ext, 'listCustomers', {});
    expect(customers.items.map((c) => c.key)).toEqual([`demo#${RECENT.buyerId}`]);
    expect(customers.items[0]?.history.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual([`只发顺丰 ${RECENT.masked}`]);

    // The old buyer's promised answer is work still owed: kept, with no name, and its note masked.
    const live = (JSON.parse(after)['idb:kf-followups'].kv as { kind: string; buyer?: string; note?: string }[]).filter((f) => f.kind === 'promised-answer');
    expect(live.map((f) => [f.buyer ?? null, f.note]).sort()).toEqual([[RECENT.nickname, `回电 ${RECENT.masked}`], [null, `回电 ${OLD.masked}`]].sort());
  });
});
