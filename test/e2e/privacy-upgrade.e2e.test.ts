/**
 * Data an older version stored, upgraded by the real service worker at its next start
 * (lib/background/remask-run.ts): records written by the running worker as the versions before
 * 2026-12-06 left them — the door of an address in clear in a buyer's note, fields and history, a
 * follow-up's note and the override log, a taught site with the page's title (the open buyer's nickname
 * in it) and full address — and
 * a backup taken of them; the worker is stopped and woken, and every storage area of the origin is
 * read back.
 */
import { describe, expect, it } from 'vitest';
import { callFromExtensionPage, openPopup } from './pages';
import { extensionSuite } from './suite';
import { everything, getRaw, putRaw } from './stores';

const DOOR = '文三路88号3幢201室';
const MASKED = '文三路**号*幢***室';
const ORDER = '4012938475610293847';
const AT = Date.UTC(2026, 11, 5, 2, 0);
const ORIGIN = 'https://im.example.com';

/** What the versions before 2026-12-06 stored, by database (kf-<name>) and key. */
const OLD: [string, string, unknown][] = [
  [
    'customers',
    'demo#u-1001',
    {
      v: 2, key: 'demo#u-1001', platform: 'demo', buyerId: 'u-1001', nickname: '阳光明媚的日子', segment: 'returning', tags: ['老客'], sizes: {},
      preferences: '', addressNote: `杭州西湖区${DOOR}`, note: `地址 ${DOOR}`, createdAt: AT, updatedAt: AT, lastSeenAt: AT, droppedEvents: 0, orderIds: [ORDER],
      history: [{ id: 'e1', at: AT, kind: 'note', text: `改地址到${DOOR}` }, { id: 'e2', at: AT + 1, kind: 'order-seen', text: `下单 ${ORDER}`, ref: ORDER }],
    },
  ],
  ['followups', 'manual:old', { v: 2, id: 'manual:old', kind: 'manual', title: '寄赠品', reason: '手动添加的待办', note: `寄到${DOOR}`, createdAt: AT, dueAt: AT + 30 * 86_400_000, status: 'open', source: 'manual' }],
  ['meta', 'remarkOverrides', { v: 1, items: [{ at: AT, platform: 'demo', orderId: ORDER, buyer: '阳光明媚的日子', flag: 'purple', agent: '小美', reason: `改到${DOOR}`, problems: [], text: `改地址 ${DOOR}` }] }],
  [
    'meta',
    'taughtSites',
    {
      v: 1,
      sites: { [ORIGIN]: { v: 1, origin: ORIGIN, name: '阳光明媚的日子 - 与 8834729123 的会话 - 客服台', url: `${ORIGIN}/chat/8834729123?buyer=u-1001#m`, fields: { chatInput: [{ css: '#input' }] }, createdAt: AT, updatedAt: AT } },
    },
  ],
  // Not there yet in those versions: the marks of this upgrade.
  ['meta', 'privacy:remasked', undefined],
  ['meta', 'taughtSites:stripped', undefined],
];

const s = extensionSuite({ shop: 'none', page: 'none' });

describe('data an older version stored', () => {
  it('is masked at the next worker start, live and in the backup, and taught sites lose the page’s data and the stored buyer’s nickname; nothing else is lost', async () => {
    const popup = await openPopup(s.h);
    // Written by the worker itself, beneath its verbs, as the old version's worker left them.
    const sw = await s.h.serviceWorker();
    for (const [name, key, value] of OLD) await putRaw(sw, name, key, value);
    const backup = await callFromExtensionPage<{ id: string }>(popup, 'createBackup');
    expect(await everything(popup)).toContain(DOOR);

    const worker = await s.stopWorker(popup);
    const again = await openPopup(s.h);
    await expect.poll(() => worker.status()).toBe('running');
    // The start's work is done once its marks are written (the last thing it does).
    await expect.poll(() => getRaw(again, 'meta', 'privacy:remasked'), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => getRaw(again, 'meta', 'taughtSites:stripped')).toBe(2);

    // Every storage area of the origin: chrome.storage and every IndexedDB database, backups included.
    const all = await everything(again);
    for (const gone of ['88号', '201室', '8834729123', 'buyer=u-1001']) expect(all, gone).not.toContain(gone);
    const snap = JSON.stringify(await getRaw(again, 'backups', backup.id));
    expect(snap).toContain(MASKED);
    expect(snap).toContain(`${ORIGIN}/chat`);
    const snapSites = (await getRaw<{ stores: { meta: [string, { sites: Record<string, { name: string }> }][] } }>(again, 'backups', backup.id))!.stores.meta.find(([k]) => k === 'taughtSites')![1];
    expect(snapSites.sites[ORIGIN]!.name).toBe('- 与 的会话 - 客服台');

    // What the agent sees, and nothing else lost.
    const buyer = await callFromExtensionPage<{ note: string; addressNote: string; tags: string[]; orderIds: string[]; history: { text: string }[] }>(again, 'getCustomer', {
      platform: 'demo',
      nickname: '阳光明媚的日子',
      buyerId: 'u-1001',
    });
    expect(buyer).toMatchObject({ note: `地址 ${MASKED}`, addressNote: `杭州西湖区${MASKED}`, tags: ['老客'], orderIds: [ORDER] });
    expect(buyer.history.map((e) => e.text)).toEqual([`改地址到${MASKED}`, `下单 ${ORDER}`]);
    const sites = await callFromExtensionPage<{ origin: string; name: string; url: string; fields: unknown }[]>(again, 'listTaughtSites');
    expect(sites).toEqual([expect.objectContaining({ origin: ORIGIN, name: '- 与 的会话 - 客服台', url: `${ORIGIN}/chat`, fields: { chatInput: [{ css: '#input' }] } })]);
    const overrides = await callFromExtensionPage<{ text: string; orderId: string }[]>(again, 'listRemarkOverrides');
    expect(overrides).toEqual([expect.objectContaining({ orderId: ORDER, text: `改地址 ${MASKED}` })]);
  });
});
