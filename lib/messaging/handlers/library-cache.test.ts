/**
 * The worker keeps the library it read (and the chat panel's packed index of it) until the library
 * is written: every panel load and options tab asks for it, a write is rare. Whatever writes the
 * library — the editor, an import, 导入全部数据, a restore, a team round, 删除全部数据 — the next
 * getLibrary and getPanelLibrary answer with what was written.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../browser', async () =>
  (await import('../testing')).fakeBrowser({ alarms: { create: vi.fn(async () => {}), clear: vi.fn(async () => true) }, runtime: { sendMessage: vi.fn() } }),
);
vi.mock('../../teach/background-api', () => ({ forgetSiteNow: vi.fn(async () => ({ removed: true })), syncTaughtScriptsNow: vi.fn(async () => {}), syncTaughtScriptsQuietly: vi.fn(async () => {}) }));

const { dispatch } = await import('../dispatch');
const { db, STORE_NAMES } = await import('../../storage/db');
const { browser } = await import('../../browser');
const { connectTeam, leaveTeam } = await import('../../background/team');
const { createStore, set: rawSet } = await import('idb-keyval');
import type { Template } from '../../domain/templates/types';
import type { LibraryInitials, PanelLibrary } from '../protocol';
import type { LibraryRecord } from '../../storage/library';

async function ok<T>(verb: string, payload?: unknown): Promise<T> {
  const r = await dispatch({ kf: verb, payload }, 'extension-page');
  if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const tpl = (id: string, title: string): Template => ({ id, title, body: `${title}的话术正文`, group: '常用', scenarios: ['greeting'] });
const titles = async () => (await ok<LibraryRecord>('getLibrary')).templates.map((t) => t.title);
/** What the chat panel gets: the library, and an index that is the library's (its bigram table names a word of the new reply). */
async function panelSees(title: string): Promise<boolean> {
  const { library, index } = await ok<PanelLibrary>('getPanelLibrary');
  const at = library.templates.findIndex((t) => t.title === title);
  const keys: string[] = index.keys.match(/../g) ?? [];
  return at >= 0 && index.n === library.templates.length && keys.includes(title.slice(0, 2));
}

beforeEach(async () => {
  for (const s of STORE_NAMES) await db.clear(s);
  await ok('saveLibrary', { groups: ['常用'], templates: [tpl('a', '欢迎语')] });
  // Both read (and so kept) before each write below.
  expect(await titles()).toEqual(['欢迎语']);
  expect(await panelSees('欢迎语')).toBe(true);
});

describe('the library the worker keeps', () => {
  it('is read from IndexedDB once for any number of getLibrary and getPanelLibrary calls until it is written', async () => {
    const get = vi.spyOn(db, 'get');
    for (let i = 0; i < 5; i++) {
      await ok('getLibrary');
      await ok('getPanelLibrary');
    }
    expect(get.mock.calls.filter(([store]) => store === 'library')).toHaveLength(0);
    await ok('saveLibrary', { groups: ['常用'], templates: [tpl('a', '欢迎语'), tpl('b', '催付提醒')] });
    await ok('getLibrary');
    await ok('getPanelLibrary');
    await ok('getLibrary');
    expect(get.mock.calls.filter(([store]) => store === 'library')).toHaveLength(1);
    get.mockRestore();
  });

  it('sends the chat panel the library without its pinyin initials, which come on their own for the same version', async () => {
    await ok('saveLibrary', { groups: ['常用'], templates: [tpl('a', '欢迎语'), tpl('b', '催付提醒')] });
    const { library } = await ok<PanelLibrary>('getPanelLibrary');
    expect(library.templates.map((t) => t.title)).toEqual(['欢迎语', '催付提醒']);
    expect(library).not.toHaveProperty('initials');
    const own = await ok<LibraryRecord>('getLibrary');
    expect(Object.keys(own.initials ?? {})).toEqual(['a', 'b']);
    // In the replies' order, as lists (a record of 2,000 keys is slow for the worker to send).
    expect(await ok<LibraryInitials>('getLibraryInitials')).toEqual({ updatedAt: library.updatedAt, initials: { title: [own.initials!.a![0], own.initials!.b![0]], body: [own.initials!.a![1], own.initials!.b![1]] } });
    // The options page's copy keeps them (its search reads them at once).
    expect(own).toHaveProperty('initials');
    await ok('saveLibrary', { groups: ['常用'], templates: [tpl('c', '退货流程')], baseUpdatedAt: own.updatedAt });
    const next = await ok<LibraryInitials>('getLibraryInitials');
    expect(next.updatedAt).toBe((await ok<PanelLibrary>('getPanelLibrary')).library.updatedAt);
    const stored = (await ok<LibraryRecord>('getLibrary')).initials!;
    expect(next.initials).toEqual({ title: [stored.c![0]], body: [stored.c![1]] });
  });

  it('shows a reply saved in the editor (with and without the version it was edited from)', async () => {
    await ok('saveLibrary', { groups: ['常用'], templates: [tpl('a', '欢迎语'), tpl('b', '催付提醒')] });
    expect(await titles()).toEqual(['欢迎语', '催付提醒']);
    expect(await panelSees('催付提醒')).toBe(true);
    const { updatedAt } = await ok<LibraryRecord>('getLibrary');
    await ok('saveLibrary', { groups: ['常用'], templates: [tpl('c', '退货流程')], baseUpdatedAt: updatedAt });
    expect(await titles()).toEqual(['退货流程']);
    expect(await panelSees('退货流程')).toBe(true);
  });

  it('shows a library file imported (merged, or replacing the library)', async () => {
    const file = (templates: Template[]) => ({ format: 'kefu-library', version: 1, groups: ['常用'], templates });
    expect(await ok('importLibrary', { json: file([tpl('d', '发货时间')]), merge: true })).toMatchObject({ ok: true });
    expect(await titles()).toEqual(['欢迎语', '发货时间']);
    expect(await panelSees('发货时间')).toBe(true);
    expect(await ok('importLibrary', { json: file([tpl('e', '尺码推荐')]) })).toMatchObject({ ok: true });
    expect(await titles()).toEqual(['尺码推荐']);
    expect(await panelSees('尺码推荐')).toBe(true);
  });

  it('shows the library of an all-data file imported (导入全部数据)', async () => {
    const file = await ok<Record<string, any>>('exportAllData');
    file.library.templates = [tpl('f', '包裹去向说明')];
    expect(await ok('importAllData', { json: file, merge: false })).toMatchObject({ ok: true });
    expect(await titles()).toEqual(['包裹去向说明']);
    expect(await panelSees('包裹去向说明')).toBe(true);
  });

  it('shows the library a backup brings back', async () => {
    await ok('createBackup');
    await ok('saveLibrary', { groups: ['常用'], templates: [tpl('g', '修改收件信息')] });
    expect(await titles()).toEqual(['修改收件信息']);
    const [newest] = await ok<{ id: string; reason: string }[]>('listBackups');
    const manual = (await ok<{ id: string; reason: string }[]>('listBackups')).find((b) => b.reason === 'manual') ?? newest!;
    await ok('restoreBackup', { id: manual.id });
    expect(await titles()).toEqual(['欢迎语']);
    expect(await panelSees('欢迎语')).toBe(true);
  });

  it('shows the starter library after 删除全部数据', async () => {
    await ok('deleteAllData', { confirm: true });
    const after = await titles();
    expect(after.length).toBeGreaterThan(50);
    expect(after).not.toContain('欢迎语');
    expect((await ok<PanelLibrary>('getPanelLibrary')).index.n).toBe(after.length);
  });

  it('shows what a team round wrote from the team page (another context, whose writes this worker does not count)', async () => {
    (globalThis as { chrome?: unknown }).chrome = { offscreen: { createDocument: async () => {}, closeDocument: async () => {} } };
    // The team page imports the shop's library into the same IndexedDB, past this worker's `db`.
    vi.mocked(browser.runtime.sendMessage).mockImplementation(async () => {
      const written = { v: 2, groups: ['常用'], templates: [tpl('a', '欢迎语'), tpl('h', '同事的新话术')], updatedAt: Date.now() };
      await rawSet('library', written, createStore('kf-library', 'kv'));
      return { status: { state: 'synced', pending: 0 }, areas: ['library'] };
    });
    try {
      await connectTeam({ server: 'http://127.0.0.1:5984', shop: 'demo', user: 'xiaowang', role: 'agent' });
      expect(await titles()).toEqual(['欢迎语', '同事的新话术']);
      expect(await panelSees('同事的新话术')).toBe(true);
    } finally {
      await leaveTeam();
      delete (globalThis as { chrome?: unknown }).chrome;
    }
  });

  it('reads again after a failed read instead of failing until the next write', async () => {
    await ok('saveLibrary', { groups: ['常用'], templates: [tpl('b', '催付提醒')] });
    const get = vi.spyOn(db, 'get').mockRejectedValueOnce(new Error('IndexedDB gone'));
    expect((await dispatch({ kf: 'getLibrary', payload: undefined }, 'extension-page')).ok).toBe(false);
    expect(await titles()).toEqual(['催付提醒']);
    get.mockRestore();
  });
});

describe('the count of library writes (lib/storage/db.ts)', () => {
  it('counts a write when it is called and again when it ends, so a read that overlapped it is not kept', async () => {
    const { storeGeneration } = await import('../../storage/db');
    const before = storeGeneration('library');
    const writing = db.set('library', 'probe', 1);
    expect(storeGeneration('library')).toBe(before + 1);
    await writing;
    expect(storeGeneration('library')).toBe(before + 2);
    expect(storeGeneration('customers')).toBe(storeGeneration('customers'));
  });
});
