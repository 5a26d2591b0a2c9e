import { beforeEach, describe, expect, it, vi } from 'vitest';

const announced: string[] = [];
vi.mock('../../browser', () => ({
  browser: {
    storage: { local: { set: vi.fn(async (x: Record<string, unknown>) => void announced.push(...Object.keys(x))), get: vi.fn(async () => ({})), remove: vi.fn(async () => {}) } },
    runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' },
  },
}));

const { dispatch } = await import('../dispatch');
const { upgradePrivacyAtStart } = await import('./data');
const { db } = await import('../../storage/db');
const { patchSettings } = await import('../../storage/settings');
const { listTaughtSites } = await import('../../storage/sites');
const { setLocalChangeListener } = await import('../../storage/changes');
import { newCustomer } from '../../domain/customers';

const AT = Date.UTC(2026, 11, 5, 2, 0);
const DOOR = '文三路88号3幢201室';
const MASKED = '文三路**号*幢***室';
const ORDER = '4012938475610293847';

async function ok<T>(verb: string, payload: unknown): Promise<T> {
  const r = await dispatch({ kf: verb, payload }, 'extension-page', {});
  if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** As the versions before 2026-12-06 stored them: the door of an address in clear; a taught site with the page's title and full address. */
async function seedOld(): Promise<void> {
  const c = newCustomer('demo', '阳光明媚的日子', AT, 'u-1001');
  await db.set('customers', c.key, {
    ...c,
    note: `地址 ${DOOR}`,
    addressNote: `杭州西湖区${DOOR}`,
    tags: ['老客'],
    orderIds: [ORDER],
    history: [{ id: 'e1', at: AT, kind: 'note', text: `改地址到${DOOR}` }, { id: 'e2', at: AT + 1, kind: 'order-seen', text: `下单 ${ORDER}`, ref: ORDER }],
  });
  await db.set('followups', 'manual:old', { v: 2, id: 'manual:old', kind: 'manual', title: '寄赠品', reason: '手动添加的待办', note: `寄到${DOOR}`, createdAt: AT, dueAt: AT + 86_400_000, status: 'open', source: 'manual' });
  await db.set('meta', 'remarkOverrides', { v: 1, items: [{ at: AT, platform: 'demo', orderId: ORDER, buyer: '阳光明媚的日子', flag: 'purple', agent: '小美', reason: `改到${DOOR}`, problems: [], text: `改地址 ${DOOR}` }] });
  const locators = [{ css: '#input' }];
  await db.set('meta', 'taughtSites', {
    v: 1,
    sites: {
      'https://im.example.com': { v: 1, origin: 'https://im.example.com', name: '与 买家 8834729123 的会话 - 客服台', url: 'https://im.example.com/chat/8834729123?buyer=u-1001#m', fields: { chatInput: locators }, createdAt: AT, updatedAt: AT },
    },
  });
}

const everything = async () => JSON.stringify(await Promise.all((['customers', 'followups', 'meta', 'backups'] as const).map((s) => db.entries(s))));

beforeEach(async () => {
  for (const s of ['customers', 'followups', 'meta', 'backups'] as const) await db.clear(s);
  await patchSettings({ privacy: { maskPii: true, retentionDays: 0 } });
  announced.length = 0;
});

describe('data an older version stored, at the first worker start after the update', () => {
  it('masks the door in notes, history, follow-ups and the override log, live and in the backup, and strips taught sites; nothing else changes', async () => {
    await seedOld();
    const backup = await ok<{ id: string }>('createBackup', undefined);
    const before = (await db.get<{ updatedAt: number; lastSeenAt: number }>('customers', 'demo#u-1001'))!;
    expect(await upgradePrivacyAtStart()).toBe(true);

    const all = await everything();
    expect(all).not.toContain('88号');
    expect(all).not.toContain('201室');
    expect(all).not.toContain('8834729123');
    expect(all).not.toContain('buyer=u-1001');
    const c = (await db.get<{ note: string; addressNote: string; history: { text: string }[]; updatedAt: number; lastSeenAt: number; orderIds: string[]; tags: string[]; nickname: string }>('customers', 'demo#u-1001'))!;
    expect(c).toMatchObject({ note: `地址 ${MASKED}`, addressNote: `杭州西湖区${MASKED}`, tags: ['老客'], orderIds: [ORDER], nickname: '阳光明媚的日子' });
    expect(c.history.map((e) => e.text)).toEqual([`改地址到${MASKED}`, `下单 ${ORDER}`]);
    // A correction of what is stored, not an edit: the retention period still counts from the agent's last one.
    expect([c.updatedAt, c.lastSeenAt]).toEqual([before.updatedAt, before.lastSeenAt]);
    expect(await db.get('followups', 'manual:old')).toMatchObject({ note: `寄到${MASKED}`, status: 'open', title: '寄赠品' });
    expect(await db.get('meta', 'remarkOverrides')).toMatchObject({ items: [{ orderId: ORDER, text: `改地址 ${MASKED}`, reason: `改到${MASKED}` }] });
    expect(await listTaughtSites()).toMatchObject([{ origin: 'https://im.example.com', name: '与 买家 的会话 - 客服台', url: 'https://im.example.com/chat', fields: { chatInput: [{ css: '#input' }] } }]);
    // The backup taken before holds them masked too: a restore does not bring the door back.
    const snap = JSON.stringify(await db.get('backups', backup.id));
    expect(snap).toContain(MASKED);
    expect(snap).toContain(ORDER);
    expect(announced).toEqual(expect.arrayContaining(['kf:rev:customers', 'kf:rev:followups', 'kf:rev:rules', 'kf:rev:sites', 'kf:rev:backups']));

    // Done once: the next start reads the markers only.
    const after = await everything();
    expect(await upgradePrivacyAtStart()).toBe(false);
    expect(await everything()).toBe(after);
  });

  it('run again from the start (a worker stopped half-way, before the marker) changes nothing it already did and finishes the rest', async () => {
    await seedOld();
    await ok('createBackup', undefined);
    await upgradePrivacyAtStart();
    const done = await everything();
    // As if stopped before the markers were written, with one record still as the old version left it.
    for (const k of ['privacy:remasked', 'taughtSites:stripped']) await db.del('meta', k);
    await db.set('followups', 'manual:late', { v: 2, id: 'manual:late', kind: 'manual', title: '回访', reason: '手动添加的待办', note: `送到5栋302室`, createdAt: AT, dueAt: AT, status: 'open', source: 'manual' });
    expect(await upgradePrivacyAtStart()).toBe(true);
    expect(await db.get('followups', 'manual:late')).toMatchObject({ note: '送到*栋***室' });
    await db.del('followups', 'manual:late');
    expect(await everything()).toBe(done);
  });

  it('with masking off masks nothing and records nothing (the first start with masking on does it); taught sites are stripped either way', async () => {
    await seedOld();
    await patchSettings({ privacy: { maskPii: false } });
    await upgradePrivacyAtStart();
    expect(await everything()).toContain('88号');
    expect(await db.get('meta', 'privacy:remasked')).toBeUndefined();
    expect((await listTaughtSites())[0]!.url).toBe('https://im.example.com/chat');
    await patchSettings({ privacy: { maskPii: true } });
    expect(await upgradePrivacyAtStart()).toBe(true);
    expect(await everything()).not.toContain('88号');
  });

  it('an install that stripped its sites before takes the stored buyers’ nicknames out of an old title, live and in the backup, and keeps the shop’s words', async () => {
    await seedOld();
    await db.clear('buyer-names');
    // A buyer known only by a name claim, and one called like a word of the shop's (too short to go).
    await db.set('buyer-names', 'demo:tb_summer88', { v: 1, ids: ['u-2002'] });
    await db.set('customers', 'demo:客服', newCustomer('demo', '客服', AT));
    const site = (name: string) => ({ v: 1, origin: 'https://im.example.com', name, url: 'https://im.example.com/chat', fields: { chatInput: [{ css: '#input' }] }, createdAt: AT, updatedAt: AT });
    await db.set('meta', 'taughtSites', { v: 1, sites: { 'https://im.example.com': site('阳光明媚的日子 - 客服 - 某某旗舰店') } });
    await db.set('meta', 'taughtSites:stripped', 1);
    await db.set('meta', 'privacy:remasked', 1);
    const backup = await ok<{ id: string }>('createBackup', undefined);
    // The backup's site names a buyer deleted since: its own records know them.
    await db.del('customers', 'demo#u-1001');
    await db.set('meta', 'taughtSites', { v: 1, sites: { 'https://im.example.com': site('tb_summer88 - 客服 - 某某旗舰店') } });

    expect(await upgradePrivacyAtStart()).toBe(true);
    expect((await listTaughtSites())[0]!.name).toBe('- 客服 - 某某旗舰店');
    const snap = (await db.get<{ stores: { meta: [string, { sites: Record<string, { name: string }> }][] } }>('backups', backup.id))!;
    expect(snap.stores.meta.find(([k]) => k === 'taughtSites')![1].sites['https://im.example.com']!.name).toBe('- 客服 - 某某旗舰店');
    expect(await db.get('meta', 'taughtSites:stripped')).toBe(2);
    expect(announced).toEqual(expect.arrayContaining(['kf:rev:sites', 'kf:rev:backups']));
    expect(await upgradePrivacyAtStart()).toBe(false);
  });

  it('in team mode queues the re-masked buyers (they go up masked, field times kept) and follow-ups like an edit, and not the taught sites', async () => {
    await seedOld();
    const queued: string[] = [];
    setLocalChangeListener(async (area, keys) => void queued.push(`${area}:${keys.join(',')}`));
    try {
      await upgradePrivacyAtStart();
    } finally {
      setLocalChangeListener(null);
    }
    expect(queued.sort()).toEqual(['customers:demo#u-1001', 'followups:manual:old']);
  });
});
