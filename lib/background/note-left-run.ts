/**
 * The bodies of lib/storage/note-left.ts (the buyer card's unsaved notes kept on disk for an update),
 * in worker-extras.js: the worker runs them one at a time and lends its API (`b`: the extras' own copy
 * of lib/browser would not be the one the worker runs with) and the store (`kv`, the database
 * kf-note-drafts). Not parsed at every wake: only when a note is typed, a tab closes with one, at a
 * browser run's first start and at an update.
 */
import type { Browser } from 'webextension-polyfill';
import type { UseStore } from 'idb-keyval';
import { maskPii } from '../domain/customers/privacy';
import { NOTE_LEFT_MARK } from './reach-pending';

const DRAFT = 'kf:note-draft';

const done = (t: IDBTransaction) => new Promise<void>((ok, ko) => ((t.oncomplete = () => ok()), (t.onerror = t.onabort = () => ko(t.error))));
const got = <T>(r: IDBRequest<T>) => new Promise<T>((ok, ko) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => ko(r.error))));

/** The copy's records, key and value. */
const read = (kv: UseStore): Promise<[string, unknown][]> =>
  kv('readonly', async (s) => {
    const [ks, vs] = await Promise.all([got(s.getAllKeys()), got(s.getAll())]);
    return ks.map((k, i): [string, unknown] => [String(k), vs[i]]);
  });

/** The copy made what storage.session holds now (a run marked only); `mask`: the shop masks what is saved. */
export async function syncNoteLeft(b: Browser, kv: UseStore, mask: boolean): Promise<void> {
  const all = (await b.storage.session?.get(null)) ?? {};
  if (!all[NOTE_LEFT_MARK]) return;
  const want = new Map<string, unknown>();
  for (const [k, v] of Object.entries(all)) if (k.startsWith(DRAFT) && typeof v === 'string' && v.trim()) want.set(k, mask ? maskPii(v) : v);
  const edits: [string, unknown][] = [];
  for (const [k, v] of await read(kv)) if (!want.has(k)) edits.push([k, undefined]);
  else if (want.get(k) === v) want.delete(k);
  edits.push(...want);
  if (edits.length) await kv('readwrite', (s) => (edits.forEach(([k, v]) => (v === undefined ? s.delete(k) : s.put(v, k))), done(s.transaction)));
}

/**
 * A run's first start (the caller found no mark): at an update, what the copy holds goes back into
 * storage.session where that has no such key, a tab's only while the tab is open; then the run is marked.
 */
export async function startNoteLeft(b: Browser, kv: UseStore, update: boolean): Promise<void> {
  const back: Record<string, unknown> = { [NOTE_LEFT_MARK]: 1 };
  if (update) {
    const all = await b.storage.session.get(null);
    const open = new Set((await b.tabs.query({})).map((t) => t.id));
    for (const [k, v] of await read(kv)) {
      const tab = /^kf:note-draft@(\d+):/.exec(k);
      if (typeof v === 'string' && !(k in all) && (!tab || open.has(Number(tab[1])))) back[k] = v;
    }
  }
  await b.storage.session.set(back);
}

/** 删除全部数据: the copy emptied (the session area was), and the run marked again so the next note is kept. */
export async function clearNoteLeft(b: Browser, kv: UseStore): Promise<void> {
  await kv('readwrite', (s) => (s.clear(), done(s.transaction)));
  await b.storage.session?.set({ [NOTE_LEFT_MARK]: 1 });
}
