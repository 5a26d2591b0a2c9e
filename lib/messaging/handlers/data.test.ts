import { beforeEach, describe, expect, it, vi } from 'vitest';

const local: Record<string, unknown> = {};
vi.mock('../../browser', () => ({
  browser: {
    storage: {
      local: {
        set: vi.fn(async (x: Record<string, unknown>) => void Object.assign(local, x)),
        get: vi.fn(async (k: string) => (k in local ? { [k]: local[k] } : {})),
        clear: vi.fn(async () => void Object.keys(local).forEach((k) => delete local[k])),
      },
    },
    runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' },
  },
}));
const forgetSiteNow = vi.fn(async () => ({ removed: true, permission: 'removed' as const }));
vi.mock('../../teach/background-api', () => ({ forgetSiteNow, syncTaughtScriptsNow: vi.fn(async () => {}) }));

const { dispatch } = await import('../dispatch');
const { db, STORE_NAMES } = await import('../../storage/db');
const { saveTaughtSite } = await import('../../storage/sites');

async function ok<T>(verb: string, payload?: unknown): Promise<T> {
  const r = await dispatch({ kf: verb, payload }, 'extension-page');
  if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeEach(async () => {
  for (const s of STORE_NAMES) await db.clear(s);
  forgetSiteNow.mockClear();
});

async function seed() {
  await ok('patchSettings', { shop: { agentName: '小美', shopName: '橙子旗舰店', cutoff: '15:30' }, followups: { dayShift: { start: '09:00', end: '21:00' } } });
  for (const [i, nickname] of ['阳光明媚的日子', '米粒妈妈', '星辰大海ing'].entries()) {
    await ok('patchCustomer', { platform: 'demo', nickname, buyerId: `u-${i}`, patch: { note: `第${i}位`, tags: ['VIP1'] } });
  }
  await ok('addFollowup', { kind: 'handover', title: '晚班：3 单地址待确认', note: '先核对' });
  await ok('addFollowup', { kind: 'manual', title: '给王姐回电话', buyer: '王姐' });
  await ok('recordUsage', { templateId: 'hi', scenario: 'greeting' });
  await db.set('learned', 'p1', { id: 'p1', at: 1, text: '还没发货', scenario: 'address-change', templateId: null, source: 'chip' });
  await db.set('meta', 'remarkOverrides', { v: 1, items: [{ at: 1, platform: 'demo', orderId: '1', buyer: '小鹿', flag: 'red', agent: '小美', reason: '急', problems: [], text: '可以发' }] });
  await db.set('meta', 'replyClock', { v: 1, days: { '2026-03-01': { demo: { conversations: ['h1'], firstMs: [40_000] } } } });
  await ok('saveLibrary', { groups: ['问候'], templates: [{ id: 'hi', title: '问候', body: '亲，在的', group: '问候', scenarios: ['greeting'], code: 'zaide' }] });
}

describe('删除全部数据', () => {
  it('empties every store and storage.local, forgets taught sites, and leaves the defaults', async () => {
    await seed();
    await saveTaughtSite({ origin: 'https://erp.example', name: '自建客服台', url: 'https://erp.example/chat', fields: { chatInput: [{ css: 'textarea' }] } } as never);
    await ok('createBackup');
    expect(await dispatch({ kf: 'deleteAllData', payload: {} }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await dispatch({ kf: 'deleteAllData', payload: { confirm: true } }, 'content-script', { tabId: 1, url: 'http://127.0.0.1/chat' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db.keys('customers')).toHaveLength(3);

    await ok('deleteAllData', { confirm: true });
    expect(forgetSiteNow).toHaveBeenCalledWith('https://erp.example');
    for (const s of STORE_NAMES) expect(await db.keys(s), s).toEqual([]);
    // Only the change announcements the pages listen to (a counter each, no data).
    expect(Object.keys(local).every((k) => k.startsWith('kf:rev:'))).toBe(true);
    expect((await ok<{ shop: { agentName: string; cutoff: string } }>('getSettings')).shop).toMatchObject({ agentName: '', cutoff: '16:00' });
  });
});
