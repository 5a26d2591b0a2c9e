import { describe, expect, it, vi } from 'vitest';

/** storage.session as the worker sees it (one Map for the whole browser session). */
const area = new Map<string, unknown>();
const removed: ((tabId: number) => void)[] = [];
vi.mock('../../browser', () => ({
  browser: {
    storage: {
      local: { set: vi.fn(async () => {}), get: vi.fn(async () => ({})) },
      session: {
        get: async (k?: string) => (k === undefined ? structuredClone(Object.fromEntries(area)) : area.has(k) ? { [k]: structuredClone(area.get(k)) } : {}),
        set: async (o: Record<string, unknown>) => void Object.entries(o).forEach(([k, v]) => area.set(k, structuredClone(v))),
        remove: async (k: string | string[]) => void [k].flat().forEach((x) => area.delete(x)),
      },
      onChanged: { addListener: vi.fn(), removeListener: vi.fn() },
    },
    runtime: { id: 'ext', getURL: (p = '') => `chrome-extension://ext/${p.replace(/^\//, '')}` },
    tabs: { onRemoved: { addListener: (f: (id: number) => void) => removed.push(f) } },
  },
}));

const { dispatch } = await import('../dispatch');
const { registerPromiseDraftCleanup } = await import('./followups');

const CHAT = 'http://127.0.0.1:4100/chat/%E5%B0%8F%E9%B9%BF';
const tab = (tabId: number, url = CHAT) => ({ tabId, url });
const draft = (note: string) => JSON.stringify({ buyer: '小鹿', buyerId: 'u1', note });
const keep = (ctx: { tabId?: number; url?: string }, key: string, d: string | null, sender: 'content-script' | 'extension-page' = 'content-script') =>
  dispatch({ kf: 'keepPromiseDraft', payload: { key, draft: d } }, sender, ctx);
const list = (ctx: { tabId?: number; url?: string }, sender: 'content-script' | 'extension-page' = 'content-script') => dispatch({ kf: 'promiseDrafts' }, sender, ctx);

describe('a tab’s unfinished 承诺答复 in storage.session', () => {
  it('is kept for the tab that sent it and for no other tab; dropping it takes it out', async () => {
    area.clear();
    expect(await keep(tab(3), 'u1\n小鹿', draft('明早回她'))).toEqual({ ok: true, value: undefined });
    expect(await list(tab(3))).toEqual({ ok: true, value: [['u1\n小鹿', draft('明早回她')]] });
    expect(await list(tab(4))).toEqual({ ok: true, value: [] });
    await keep(tab(3), 'u1\n小鹿', null);
    expect(await list(tab(3))).toEqual({ ok: true, value: [] });
  });

  it('is not handed to another console loaded in the same tab, and that console’s first keep replaces it', async () => {
    area.clear();
    await keep(tab(5), 'a', draft('一'));
    expect(await list(tab(5, 'https://other.example/chat'))).toEqual({ ok: true, value: [] });
    await keep(tab(5, 'https://other.example/chat'), 'b', draft('二'));
    expect(await list(tab(5))).toEqual({ ok: true, value: [] });
    expect(await list(tab(5, 'https://other.example/chat'))).toEqual({ ok: true, value: [['b', draft('二')]] });
  });

  it('is refused to extension pages (the verbs are a console tab’s own)', async () => {
    area.clear();
    expect(await keep(tab(6, 'chrome-extension://ext/options.html'), 'a', draft('x'), 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid', message: 'a console tab only' } });
    expect(await list({}, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid', message: 'a console tab only' } });
    expect(area.size).toBe(0);
  });

  it('goes when its tab closes', async () => {
    area.clear();
    registerPromiseDraftCleanup();
    await keep(tab(7), 'a', draft('x'));
    await keep(tab(8), 'a', draft('y'));
    removed.forEach((f) => f(7));
    await vi.waitFor(async () => expect(await list(tab(7))).toEqual({ ok: true, value: [] }));
    expect(await list(tab(8))).toEqual({ ok: true, value: [['a', draft('y')]] });
  });

  it('takes the buyer card’s unsaved notes typed in that tab along, and no other tab’s or the buyer’s latest', async () => {
    area.clear();
    registerPromiseDraftCleanup();
    // As lib/panel/tab-note-drafts.ts and note-drafts.ts keep them.
    area.set('kf:note-draft@9:demo\n小鹿', '写到一半的备注');
    area.set('kf:note-draft@9:demo\n米粒', '');
    area.set('kf:note-draft@90:demo\n小鹿', '另一个标签页的');
    area.set('kf:note-draft:demo\n小鹿', '写到一半的备注');
    removed.forEach((f) => f(9));
    await vi.waitFor(() => expect([...area.keys()].sort()).toEqual(['kf:note-draft:demo\n小鹿', 'kf:note-draft@90:demo\n小鹿']));
  });
});
