/**
 * The card's unsaved notes kept on disk for an update (note-left.ts), against a fake storage.session
 * that announces its changes as the browser does, and IndexedDB (fake-indexeddb). The browser test of
 * the whole path is test/e2e/update-card-note.e2e.test.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const b = vi.hoisted(() => ({
  session: new Map<string, unknown>(),
  listeners: [] as ((changes: Record<string, { newValue?: unknown }>, area: string) => void)[],
  tabs: [3, 4] as number[],
}));

vi.mock('../browser', () => {
  const changed = (keys: string[], value: (k: string) => unknown) => {
    const changes = Object.fromEntries(keys.map((k) => [k, { newValue: value(k) }]));
    for (const l of b.listeners) l(changes, 'session');
  };
  return {
    browser: {
      storage: {
        session: {
          get: async (k?: string | null) => (k == null ? structuredClone(Object.fromEntries(b.session)) : b.session.has(k) ? { [k]: structuredClone(b.session.get(k)) } : {}),
          set: async (o: Record<string, unknown>) => {
            Object.entries(o).forEach(([k, v]) => b.session.set(k, structuredClone(v)));
            changed(Object.keys(o), (k) => o[k]);
          },
          remove: async (k: string | string[]) => {
            [k].flat().forEach((x) => b.session.delete(x));
            changed([k].flat(), () => undefined);
          },
          clear: async () => {
            const keys = [...b.session.keys()];
            b.session.clear();
            changed(keys, () => undefined);
          },
        },
        onChanged: { addListener: (l: (typeof b.listeners)[number]) => b.listeners.push(l), removeListener: () => {} },
      },
      tabs: { query: async () => b.tabs.map((id) => ({ id })) },
    },
  };
});

const { NOTE_LEFT_MARK } = await import('../background/reach-pending');
const { NOTE_LEFT_DB, clearNoteLeft, registerNoteLeft, startNoteLeft, syncNoteLeft } = await import('./note-left');
const { patchSettings } = await import('./settings');
const session = (await import('../browser')).browser.storage.session;

/** What the copy on disk holds, key → text. */
const onDisk = () =>
  new Promise<Record<string, unknown>>((resolve, reject) => {
    const open = indexedDB.open(NOTE_LEFT_DB);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const s = open.result.transaction('kv').objectStore('kv');
      const ks = s.getAllKeys();
      const vs = s.getAll();
      vs.onsuccess = () => (open.result.close(), resolve(Object.fromEntries(ks.result.map((k, i) => [String(k), vs.result[i]]))));
    };
  });

const TAB3 = 'kf:note-draft@3:demo#u-1';
const TAB4 = 'kf:note-draft@4:demo#u-1';
const LATEST = 'kf:note-draft:demo#u-1';

registerNoteLeft();

beforeEach(async () => {
  await clearNoteLeft();
  b.session.clear();
  b.tabs = [3, 4];
  await patchSettings({ privacy: { maskPii: true } });
});

describe('the card’s unsaved notes on disk', () => {
  it('follow the session area once the run is marked: typed (masked, as a note is saved), emptied or saved, the tab’s mark of showing the latest', async () => {
    await session.set({ [TAB3]: '她老公电话13912345678' });
    await syncNoteLeft();
    expect(await onDisk()).toEqual({}); // the run is not marked: a fresh session area is not this run's yet
    await startNoteLeft(false);
    expect(await onDisk()).toEqual({ [TAB3]: '她老公电话139****5678' });
    await session.set({ [LATEST]: '快递放门卫', [TAB4]: { showsLatest: true } });
    await syncNoteLeft();
    expect(await onDisk()).toEqual({ [TAB3]: '她老公电话139****5678', [LATEST]: '快递放门卫' });
    // Saved in tab 3 (its key kept as ''), the latest it was: neither is kept.
    await session.set({ [TAB3]: '' });
    await session.remove(LATEST);
    await syncNoteLeft();
    expect(await onDisk()).toEqual({});
  });

  it('are stored as typed when the shop does not mask', async () => {
    await patchSettings({ privacy: { maskPii: false } });
    await startNoteLeft(false);
    await session.set({ [TAB3]: '电话13912345678' });
    await syncNoteLeft();
    expect(await onDisk()).toEqual({ [TAB3]: '电话13912345678' });
  });

  it('go back into the emptied session area at an update: each open tab’s own and the latest; a closed tab’s go from the disk too', async () => {
    await startNoteLeft(false);
    await session.set({ [TAB3]: '甲写到一半', [TAB4]: '乙的草稿', [LATEST]: '乙的草稿', 'kf:note-draft@7:demo#u-2': '关掉的标签页' });
    await syncNoteLeft();
    // The update: the session area emptied, tab 7 closed meanwhile; the new worker's install evaluation.
    b.session.clear();
    b.tabs = [3, 4];
    await startNoteLeft(true);
    expect(Object.fromEntries(b.session)).toEqual({ [NOTE_LEFT_MARK]: 1, [TAB3]: '甲写到一半', [TAB4]: '乙的草稿', [LATEST]: '乙的草稿' });
    await syncNoteLeft();
    expect(await onDisk()).toEqual({ [TAB3]: '甲写到一半', [TAB4]: '乙的草稿', [LATEST]: '乙的草稿' });
    // onInstalled('update') puts back again (its work may be a stopped worker's): never over what the card typed since.
    await session.set({ [TAB3]: '甲接着写' });
    await startNoteLeft(true);
    expect(b.session.get(TAB3)).toBe('甲接着写');
  });

  it('do not come back after the browser was closed: a run’s first start without an update drops them', async () => {
    await startNoteLeft(false);
    await session.set({ [TAB3]: '昨天没存的' });
    await syncNoteLeft();
    b.session.clear(); // the browser closed and started again
    await startNoteLeft(false);
    expect(b.session.get(TAB3)).toBeUndefined();
    expect(await onDisk()).toEqual({});
  });

  it('leave with the session area at 删除全部数据, and the next note typed is followed again', async () => {
    await startNoteLeft(false);
    await session.set({ [TAB3]: '要删掉的' });
    await syncNoteLeft();
    await session.clear();
    await clearNoteLeft();
    expect(await onDisk()).toEqual({});
    await session.set({ [TAB3]: '新的' });
    await syncNoteLeft();
    expect(await onDisk()).toEqual({ [TAB3]: '新的' });
  });
});
