/**
 * The whole-data lock with the real verbs and jobs: 删除全部数据 behind a verb that never answers,
 * and the scheduled jobs (alarms) against 删除全部数据 and 导入全部数据.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { localArea } from '../testing';
const local = localArea();
vi.mock('../../browser', async () => (await import('../testing')).fakeBrowser());
vi.mock('../../teach/background-api', () => ({ forgetSiteNow: vi.fn(async () => ({})), syncTaughtScriptsNow: vi.fn(async () => {}), syncTaughtScriptsQuietly: vi.fn(async () => {}) }));

const { dispatch } = await import('../dispatch');
const { runJob } = await import('../../background/alarms');
const { coreHandlers } = await import('./core');
const { db, STORE_NAMES } = await import('../../storage/db');
const { reasonText } = await import('../reason');
const { CallError } = await import('../client');
const { registerMessages, setLocale } = await import('../../i18n');
const { options } = await import('../../i18n/messages/options');
import type { AllDataImportResult } from '../protocol-data';

async function ok<T>(verb: string, payload?: unknown): Promise<T> {
  const r = await dispatch({ kf: verb, payload }, 'extension-page');
  if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const buyer = (nickname: string) => ({ platform: 'demo', nickname });
const note = (nickname: string, text: string) => ok('addCustomerEvent', { ...buyer(nickname), kind: 'note', text });
const has = async (nickname: string) => !!(await ok('getCustomer', { ...buyer(nickname), seen: false }));

beforeEach(async () => {
  for (const s of STORE_NAMES) await db.clear(s);
  for (const k of Object.keys(local)) delete local[k];
});

describe('删除全部数据 behind a verb that never answers', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('is refused after a minute with a reason the options page shows, deletes nothing, and works once that verb has ended', async () => {
    await note('等了很久的买家', '说好周三再联系');
    let end!: () => void;
    vi.spyOn(coreHandlers.ping, 'handle').mockImplementationOnce(() => new Promise<true>((r) => (end = () => r(true))));
    void dispatch({ kf: 'ping' }, 'extension-page');
    let reply: unknown;
    void dispatch({ kf: 'deleteAllData', payload: { confirm: true } }, 'extension-page').then((r) => (reply = r));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(reply).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(await has('等了很久的买家')).toBe(true);
    // What the options page says (删除全部数据, 导入全部数据 and 恢复 all show reasonText).
    registerMessages(options);
    const { error } = reply as { error: { code: string; message: string } };
    setLocale('zh-CN');
    expect(reasonText(new CallError(error.code, error.message))).toMatch(/^还有别的操作.*没有删除或改动任何数据/);
    setLocale('en');
    expect(reasonText(new CallError(error.code, error.message))).toMatch(/^other work .*nothing was deleted or changed/);
    setLocale('zh-CN');
    // The card's saves carry on meanwhile; once the stuck verb ends, 删除全部数据 goes through.
    await note('等了很久的买家', '又来问了');
    end();
    expect(await ok('deleteAllData', { confirm: true })).toEqual({ deleted: true });
    expect(await has('等了很久的买家')).toBe(false);
  });
});

describe('a note saved behind 删除全部数据 stuck on a store', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('is answered after a minute that the helper is busy, in words, and writes nothing', async () => {
    const clear = db.clear.bind(db);
    let unstick!: () => void;
    const stuck = new Promise<void>((r) => (unstick = r));
    vi.spyOn(db, 'clear').mockImplementation((name) => (name === 'followups' ? stuck.then(() => clear(name)) : clear(name)));
    const wipe = dispatch({ kf: 'deleteAllData', payload: { confirm: true } }, 'extension-page');
    let reply: unknown;
    void dispatch({ kf: 'addCustomerEvent', payload: { ...buyer('删除时来问的买家'), kind: 'note', text: '要顺丰' } }, 'extension-page').then((r) => (reply = r));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(reply).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1000);
    expect(reply).toMatchObject({ ok: false, error: { code: 'waiting' } });
    expect(await db.keys('customers')).toEqual([]);
    const { error } = reply as { error: { code: string; message: string } };
    setLocale('zh-CN');
    expect(reasonText(new CallError(error.code, error.message))).toBe('客服助手正忙于删除、导入或恢复全部数据，请稍后再试');
    setLocale('en');
    expect(reasonText(new CallError(error.code, error.message))).not.toMatch(/[\u4e00-\u9fff]/);
    setLocale('zh-CN');
    unstick();
    expect(await wipe).toMatchObject({ ok: true });
  });
});

describe('scheduled jobs and the whole-data verbs', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Every local backup as text: does any still hold the buyer? */
  const backupsHold = async (text: string) => JSON.stringify(await db.values('backups')).includes(text);

  /**
   * A shop's snapshot runs to tens of megabytes: writing it takes a while. The backup's write here
   * waits until the deletion has cleared the backups, or a moment when it cannot (the deletion
   * waits for the backup): either way, the deletion's answer must hold.
   */
  function slowBackupWrites() {
    let cleared!: () => void;
    const backupsCleared = new Promise<void>((r) => (cleared = r));
    const clear = db.clear.bind(db);
    vi.spyOn(db, 'clear').mockImplementation(async (name) => {
      await clear(name);
      if (name === 'backups') cleared();
    });
    const setMany = db.setMany.bind(db);
    vi.spyOn(db, 'setMany').mockImplementation(async (name, entries) => {
      if (name === 'backups') await Promise.race([backupsCleared, new Promise((r) => setTimeout(r, 200))]);
      return setMany(name, entries);
    });
  }

  it('the hourly backup running when 删除全部数据 is asked: no backup keeps what was deleted', async () => {
    await note('要被删除的买家', '收件人换成她妈妈');
    slowBackupWrites();
    let read!: () => void;
    const customersRead = new Promise<void>((r) => (read = r));
    const entries = db.entries.bind(db);
    vi.spyOn(db, 'entries').mockImplementation(async (name) => {
      const got = await entries(name);
      if (name === 'customers') read();
      return got as never;
    });
    const job = runJob('kf-backup');
    // The backup has read the buyers and is writing its copy when the agent confirms the deletion.
    await customersRead;
    expect(await ok('deleteAllData', { confirm: true })).toEqual({ deleted: true });
    await job;
    expect(await has('要被删除的买家')).toBe(false);
    expect(await backupsHold('要被删除的买家')).toBe(false);
  });

  it('the hourly backup firing during 导入全部数据 runs after it: the daily copy holds the whole import, not half of it', async () => {
    await note('文件里的买家', '喜欢浅色');
    const file = await ok<Record<string, any>>('exportAllData');
    file.customers.customers = await db.values('customers');
    file.library = undefined;
    await ok('deleteAllData', { confirm: true });
    await note('这台电脑上的买家', '只要顺丰');
    const imported = ok<AllDataImportResult>('importAllData', { json: file, merge: false });
    await runJob('kf-backup');
    expect(await imported).toMatchObject({ ok: true });
    const daily = (await db.values<{ reason?: string; stores?: Record<string, [string, unknown][]> }>('backups')).find((b) => b.reason === 'scheduled' && b.stores);
    expect(JSON.stringify(daily?.stores?.customers)).toContain('文件里的买家');
    expect(JSON.stringify(daily?.stores?.customers)).not.toContain('这台电脑上的买家');
  });
});
