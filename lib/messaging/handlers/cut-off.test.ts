/**
 * 删除全部数据 and 导入全部数据 cut off by a worker stop (lib/storage/whole-run.ts): the next worker
 * finishes the deletion before anything reads the stores, and tells of the import with the copy
 * taken before it. A fresh module graph (vi.resetModules) is the fresh worker: the stores
 * (IndexedDB) and storage.local are the browser's and outlive it, memory does not.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { localArea } from '../testing';
const local = localArea();
vi.mock('../../browser', async () => (await import('../testing')).fakeBrowser());
vi.mock('../../teach/background-api', () => ({ forgetSiteNow: vi.fn(async () => ({})), syncTaughtScriptsNow: vi.fn(async () => {}), syncTaughtScriptsQuietly: vi.fn(async () => {}) }));

import type { AllDataImportResult } from '../protocol-data';
import { IMPORT_CUT_KEY, RUN_KEY } from '../../storage/whole-run';

/** A worker: its own copy of every module, over the same stores and storage.local. */
async function worker() {
  vi.resetModules();
  // What the worker reads from its package: the bundled data and worker-extras.js, its own copies.
  (await import('../../storage/bundled')).provideBundledData((await import('../../storage/bundled-assets')).BUNDLED_DATA);
  (await import('../../background/extras')).registerWorkerExtras((await import('../../background/extras-modules')).WORKER_EXTRAS);
  const { dispatch } = await import('../dispatch');
  const { db, STORE_NAMES } = await import('../../storage/db');
  const { finishCutOff } = await import('./data');
  const ok = async <T>(verb: string, payload?: unknown, rid?: string): Promise<T> => {
    const r = await dispatch({ kf: verb, payload, ...(rid ? { rid } : {}) }, 'extension-page');
    if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  return { dispatch, db, STORE_NAMES, ok, start: finishCutOff };
}
type Worker = Awaited<ReturnType<typeof worker>>;

const buyer = (nickname: string) => ({ platform: 'demo', nickname });
const has = (w: Worker, nickname: string) => w.ok('getCustomer', { ...buyer(nickname), seen: false }).then((c) => !!c);
const titles = async (w: Worker) => {
  await w.ok('ping'); // waits its turn, as every verb does
  return ((await w.db.values('followups')) as { title: string }[]).map((f) => f.title);
};

async function seed(w: Worker) {
  await w.ok('patchCustomer', { ...buyer('周末收货的买家'), patch: { note: '只能周末收货', tags: ['VIP1'] } });
  await w.ok('addFollowup', { kind: 'manual', title: '周五前回电话确认尺码' });
  await w.ok('createBackup');
}

beforeEach(async () => {
  const w = await worker();
  for (const s of w.STORE_NAMES) await w.db.clear(s);
  for (const k of Object.keys(local)) delete local[k];
});

describe('删除全部数据 cut off between two stores', () => {
  it('is finished by the next worker before its first verb answers: every store empty, the mark gone', async () => {
    const old = await worker();
    await seed(old);
    // The run stops at the follow-ups store (a stopped worker stops anywhere; a throw is the same state).
    const clear = old.db.clear;
    vi.spyOn(old.db, 'clear').mockImplementation((name) => (name === 'followups' ? Promise.reject(new Error('worker stopped')) : clear(name)));
    expect(await old.dispatch({ kf: 'deleteAllData', payload: { confirm: true } }, 'extension-page')).toMatchObject({ ok: false });
    expect(await has(old, '周末收货的买家')).toBe(false);
    expect(await titles(old)).toEqual(['周五前回电话确认尺码']);
    expect((await old.db.keys('backups')).length).toBeGreaterThan(0);
    expect(local[RUN_KEY]).toEqual({ verb: 'delete' });

    const fresh = await worker();
    void fresh.start();
    // Whatever asks first waits for the deletion to be finished.
    expect(await titles(fresh)).toEqual([]);
    for (const s of fresh.STORE_NAMES) expect(await fresh.db.keys(s), s).toEqual([]);
    expect(local[RUN_KEY]).toBeUndefined();
    expect(await has(fresh, '周末收货的买家')).toBe(false);
  });

  it('a start with no mark changes nothing', async () => {
    const w = await worker();
    await seed(w);
    const fresh = await worker();
    await fresh.start();
    expect(await has(fresh, '周末收货的买家')).toBe(true);
    expect(Object.keys(local).filter((k) => !k.startsWith('kf:rev:'))).toEqual([]);
  });
});

describe('导入全部数据 cut off partway', () => {
  /** A file of one other buyer (and no follow-ups); `w`'s import of it stops after the buyers are replaced (the worker stopped there). */
  async function cutImport(w: Worker, rid: string) {
    const file = JSON.parse(JSON.stringify(await w.ok<Record<string, any>>('exportAllData')));
    file.customers.customers = [{ ...(await w.ok<object>('getCustomer', { ...buyer('周末收货的买家'), seen: false })), nickname: '文件里的买家', key: 'demo:文件里的买家' }];
    const setMany = w.db.setMany;
    let stopped!: () => void;
    const at = new Promise<void>((r) => (stopped = r));
    vi.spyOn(w.db, 'setMany').mockImplementation((name, entries) => (name === 'buyer-names' ? (stopped(), new Promise(() => {})) : setMany(name, entries)));
    void w.dispatch({ kf: 'importAllData', payload: { json: file, merge: false }, rid }, 'extension-page');
    await at;
    return file;
  }
  const copies = (w: Worker) => w.ok<{ id: string; reason: string }[]>('listBackups').then((l) => l.filter((b) => b.reason === 'before-import-all').map((b) => b.id));

  it('leaves a notice naming the copy taken before it, which brings the data from before back; the mark is gone', async () => {
    const old = await worker();
    await seed(old);
    await cutImport(old, 'call1');
    // Half of it: the file's buyer replaced ours, the rest was never written (the stuck import
    // holds this worker's lock: its stores are read directly).
    expect(await old.db.keys('customers')).toEqual(['demo:文件里的买家']);

    const fresh = await worker();
    await fresh.start();
    const [copy] = await copies(fresh);
    expect(local[IMPORT_CUT_KEY]).toEqual({ copy, at: expect.any(Number), rid: 'call1' });
    expect(local[RUN_KEY]).toBeUndefined();
    // The notice's 恢复.
    expect(await fresh.ok('restoreBackup', { id: copy })).toMatchObject({ ok: true });
    expect([await has(fresh, '周末收货的买家'), await has(fresh, '文件里的买家')]).toEqual([true, false]);
    expect(await titles(fresh)).toEqual(['周五前回电话确认尺码']);
  });

  it('names the copy from before the first send when the second send is cut off too, and goes when a send finishes the import', async () => {
    const old = await worker();
    await seed(old);
    const file = await cutImport(old, 'call2');
    const second = await worker();
    void second.start();
    const [first] = await copies(second);
    await cutImport(second, 'call2');

    const third = await worker();
    await third.start();
    expect((await copies(third)).length).toBe(2);
    expect(local[IMPORT_CUT_KEY]).toMatchObject({ copy: first, rid: 'call2' });
    // The page's send of the same call again (client.ts), this time to the end: nothing is left half done.
    expect(await third.ok<AllDataImportResult>('importAllData', { json: file, merge: false }, 'call2')).toMatchObject({ ok: true });
    expect(local[IMPORT_CUT_KEY]).toBeUndefined();
    expect(local[RUN_KEY]).toBeUndefined();
  });

  it('an import of another call that finishes leaves the notice of the cut one', async () => {
    const old = await worker();
    await seed(old);
    const file = await cutImport(old, 'call3');
    const fresh = await worker();
    await fresh.start();
    expect(await fresh.ok<AllDataImportResult>('importAllData', { json: file, merge: true }, 'other')).toMatchObject({ ok: true });
    expect(local[IMPORT_CUT_KEY]).toMatchObject({ rid: 'call3' });
  });
});

describe('恢复 cut off between two stores', () => {
  /** `w`'s restore of the seed's backup stops after the buyers are replaced, at the follow-ups (the worker stopped there). */
  async function cutRestore(w: Worker) {
    await seed(w);
    const [backup] = await w.ok<{ id: string }[]>('listBackups');
    // Changed since the backup: another buyer, the follow-up done and a new one.
    await w.ok('patchCustomer', { ...buyer('备份之后的买家'), patch: { note: '要发票' } });
    await w.ok('addFollowup', { kind: 'manual', title: '明天提醒付尾款' });
    const replace = w.db.replace;
    let stopped!: () => void;
    const at = new Promise<void>((r) => (stopped = r));
    vi.spyOn(w.db, 'replace').mockImplementation((name, items) => (name === 'followups' ? (stopped(), new Promise(() => {})) : replace(name, items)));
    void w.dispatch({ kf: 'restoreBackup', payload: { id: backup!.id } }, 'extension-page');
    await at;
    // Half of it: the buyers are the backup's, the follow-ups still today's.
    expect(await w.db.keys('customers')).not.toContain('demo:备份之后的买家');
    expect((await w.db.values<{ title: string }>('followups')).map((f) => f.title).sort()).toEqual(['周五前回电话确认尺码', '明天提醒付尾款'].sort());
    return backup!.id;
  }
  const beforeRestore = (w: Worker) => w.ok<{ id: string; reason: string }[]>('listBackups').then((l) => l.filter((b) => b.reason === 'before-restore').map((b) => b.id));

  it('is finished from the same backup by the next worker before its first verb answers, and a notice names the copy from before it', async () => {
    await cutRestore(await worker());
    const fresh = await worker();
    void fresh.start();
    expect(await titles(fresh)).toEqual(['周五前回电话确认尺码']);
    expect([await has(fresh, '周末收货的买家'), await has(fresh, '备份之后的买家')]).toEqual([true, false]);
    const [copy] = await beforeRestore(fresh);
    expect(local[IMPORT_CUT_KEY]).toEqual({ copy, at: expect.any(Number), restore: 'done' });
    expect(local[RUN_KEY]).toBeUndefined();
    // The notice's 退回到恢复前: today's data back whole.
    expect(await fresh.ok('restoreBackup', { id: copy })).toMatchObject({ ok: true });
    expect((await titles(fresh)).sort()).toEqual(['周五前回电话确认尺码', '明天提醒付尾款'].sort());
    expect(await has(fresh, '备份之后的买家')).toBe(true);
  });

  it('says it could not be finished when the backup is gone, naming the copy from before it', async () => {
    const id = await cutRestore(await worker());
    const fresh = await worker();
    await fresh.db.del('backups', id);
    await fresh.start();
    const [copy] = await beforeRestore(fresh);
    expect(local[IMPORT_CUT_KEY]).toEqual({ copy, at: expect.any(Number), restore: 'cut' });
    expect(local[RUN_KEY]).toBeUndefined();
  });
});
