/**
 * The worker loads worker-extras.js (remark rules, library checks; lib/background/extras.ts) only
 * when a verb needs it, also after Chrome stopped and restarted the worker — which Chrome allows
 * only because the worker imported it once while it was being installed.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openQuietExtensionPage } from './pages';
import { extensionSuite } from './suite';
import { workerWaker } from '../bench/floor';
import { PRESET_A } from '../../lib/domain/remarks';
import { applyPatch, newCustomer, type Customer } from '../../lib/domain/customers';

const s = extensionSuite({ shop: 'none', page: 'none' });

const send = (page: Page, kf: string, payload?: unknown) =>
  page.evaluate(([kf, payload]) => (globalThis as any).chrome.runtime.sendMessage({ kf, payload }), [kf, payload] as const) as Promise<{ ok: boolean; value?: any; error?: unknown }>;

/** Whether the running worker has loaded the extras. */
async function extrasLoaded(): Promise<boolean> {
  const sw = await s.h.serviceWorker();
  return sw.evaluate(() => '__kfWorkerExtras' in globalThis);
}

it('a restarted worker answers without the extras, and loads them when a verb needs them', async () => {
  // A page that sends nothing of its own: only the messages below wake the stopped worker.
  const page = await openQuietExtensionPage(s.h);
  const waker = await workerWaker(s.h, page, { kf: 'ping', payload: undefined });
  try {
    // Stopped (as Chrome does when it is idle), then woken by a message that needs no extras.
    await waker.sample();
    expect(await extrasLoaded()).toBe(false);

    // The shop's remark rules (the default convention A until the shop picks one) need them.
    const rules = await send(page, 'getRuleSet');
    expect(rules).toEqual({ ok: true, value: PRESET_A });
    expect(await extrasLoaded()).toBe(true);

    // Stopped again: the library export and its import (both checked by the extras) still work.
    await waker.sample();
    const exported = await send(page, 'exportLibrary');
    expect(exported.ok).toBe(true);
    expect(exported.value.templates.length).toBeGreaterThan(50);
    await waker.sample();
    const imported = await send(page, 'importLibrary', { json: exported.value });
    expect(imported.ok, JSON.stringify(imported.error)).toBe(true);
  } finally {
    await waker.close();
    await page.close();
  }
});

it('after a restart, each verb that uses the extras still answers: guard settings, reply-clock summary, CSV exports', async () => {
  // A page that sends nothing of its own: only the messages below wake the stopped worker.
  const page = await openQuietExtensionPage(s.h);
  const waker = await workerWaker(s.h, page, { kf: 'ping', payload: undefined });
  const fresh = async <T,>(kf: string, payload?: unknown): Promise<T> => {
    await waker.sample(); // stopped, then woken: the extras are not loaded yet
    const r = await send(page, kf, payload);
    expect(r.ok, `${kf}: ${JSON.stringify(r.error)}`).toBe(true);
    return r.value as T;
  };
  try {
    const rule = { id: 'no-gift', words: ['赠品'], severity: 'warn', platforms: ['any'], reason: '本店不送赠品' };
    await fresh('saveGuardConfig', { v: 1, disabled: ['curt-rude'], rules: [rule] });
    expect(await fresh('getGuardConfig')).toEqual({ v: 1, disabled: ['curt-rude'], rules: [rule] });
    // A bad setting is still refused with its reason, and nothing changes.
    await waker.sample();
    const bad = await send(page, 'saveGuardConfig', { v: 1, disabled: [], rules: [{ id: 'x', words: [], severity: 'warn', reason: 'r' }] });
    expect(bad.ok).toBe(false);
    // In the shop's language alone (Chinese by default), the rule counted from 1.
    expect(bad.error).toEqual({ code: 'invalid', message: '合规规则第 1 条：至少写一个词' });
    expect(await fresh('getGuardConfig')).toEqual({ v: 1, disabled: ['curt-rude'], rules: [rule] });
    // One rule switched against the stored settings (the options page's switches).
    expect(await fresh('patchGuardConfig', { rule: 'qr-code', on: false })).toEqual({ v: 1, disabled: ['curt-rude', 'qr-code'], rules: [rule] });

    const summary = await fresh<{ day: string; platforms: unknown[] }>('getClockSummary');
    expect(summary.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await fresh<string>('exportClockCsv')).toContain('platform');
    const followups = await fresh<{ filename: string; csv: string }>('exportFollowupsCsv');
    expect(followups.filename).toMatch(/\.csv$/);
    expect(followups.csv.length).toBeGreaterThan(10);
  } finally {
    await waker.close();
    await page.close();
  }
});

it('after a restart, 全部数据 exports, imports (replacing) and deletes everything, with the worker\'s own lists updated', async () => {
  // These three verbs run from worker-extras.js, lent the worker's stores (lib/background/all-data-run.ts).
  const page = await openQuietExtensionPage(s.h);
  const waker = await workerWaker(s.h, page, { kf: 'ping', payload: undefined });
  const fresh = async <T,>(kf: string, payload?: unknown, extras?: 'not-loaded'): Promise<T> => {
    await waker.sample(); // stopped, then woken
    if (extras) expect(await extrasLoaded()).toBe(false);
    const r = await send(page, kf, payload);
    expect(r.ok, `${kf}: ${JSON.stringify(r.error)}`).toBe(true);
    return r.value as T;
  };
  const titles = async () =>
    (await fresh<{ groups: { items: { title: string }[] }[] }>('listFollowups', { perGroup: 50 })).groups.flatMap((g) => g.items.map((f) => f.title));
  try {
    await fresh('addFollowup', { kind: 'manual', title: '回电话确认尺码', buyer: '米粒妈妈', dueAt: Date.now() + 3_600_000 });
    const file = await fresh<Record<string, any>>('exportAllData', undefined, 'not-loaded');
    expect(file.format).toBe('kefu-all-data');
    expect(file.followups.items.map((f: { title: string }) => f.title)).toContain('回电话确认尺码');

    // Another to-do made after the export: replacing with the file takes it out, keeps the file's.
    await fresh('addFollowup', { kind: 'manual', title: '补发赠品', buyer: '米粒妈妈', dueAt: Date.now() + 3_600_000 });
    const preview = await fresh<{ ok: boolean; preview: { areas: Record<string, unknown> } }>('importAllData', { json: file, dryRun: true }, 'not-loaded');
    expect(preview.ok).toBe(true);
    expect(await titles()).toEqual(expect.arrayContaining(['回电话确认尺码', '补发赠品']));
    expect(await fresh<{ ok: boolean }>('importAllData', { json: file, merge: false }, 'not-loaded')).toMatchObject({ ok: true });
    const after = await titles();
    expect(after).toContain('回电话确认尺码');
    expect(after).not.toContain('补发赠品');
    // A damaged file is refused whole, naming the section.
    await waker.sample();
    const bad = await send(page, 'importAllData', { json: { ...file, followups: { v: 2, items: 'x' } } });
    expect(bad).toMatchObject({ ok: true, value: { ok: false } });

    // Deleting asks for the confirmation (refused as the worker's own 'invalid'), then empties everything.
    await waker.sample();
    expect(await send(page, 'deleteAllData', {})).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await fresh('deleteAllData', { confirm: true }, 'not-loaded')).toEqual({ deleted: true });
    expect(await titles()).toEqual([]);
  } finally {
    await waker.close();
    await page.close();
  }
});

it('after a restart, addFollowup makes a handover and a chat panel item, and a buyer-notes import merges into the stored buyer (both made in the extras)', async () => {
  // Making an item and merging an imported buyer record run from worker-extras.js (since 2026-12-06).
  const page = await openQuietExtensionPage(s.h);
  const waker = await workerWaker(s.h, page, { kf: 'ping', payload: undefined });
  const fresh = async <T,>(kf: string, payload?: unknown): Promise<T> => {
    await waker.sample(); // stopped, then woken: the extras are not loaded yet
    expect(await extrasLoaded()).toBe(false);
    const r = await send(page, kf, payload);
    expect(r.ok, `${kf}: ${JSON.stringify(r.error)}`).toBe(true);
    return r.value as T;
  };
  try {
    const due = Date.now() + 2 * 3_600_000;
    expect(await fresh('addFollowup', { kind: 'handover', title: '补寄一双袜子', buyer: '小满', dueAt: due })).toMatchObject({
      kind: 'handover',
      title: '补寄一双袜子',
      buyer: '小满',
      dueAt: due,
      status: 'open',
      handover: true,
      shownTitle: '补寄一双袜子',
    });
    const inquiry = await fresh<Record<string, unknown>>('addFollowup', { kind: 'inquiry', buyer: '小满', platform: 'demo' });
    expect(inquiry).toMatchObject({ kind: 'inquiry', title: '咨询未拍：小满', reason: '咨询后未下单，了解原因后跟进', suggestScenario: 'promotion', source: 'panel', shownTitle: '咨询未拍：小满' });
    expect(inquiry.dueAt).toBeGreaterThan(Date.now() - 60_000);

    // The buyer's tag stored here, then a file whose newer note is for the same buyer: both kept.
    await send(page, 'patchCustomer', { platform: 'demo', nickname: '小满', patch: { tags: ['老客'] } });
    const day = 86_400_000;
    const record = applyPatch(newCustomer('demo', '小满', Date.now() - day), { note: '只发顺丰' }, Date.now(), { maskPii: false });
    expect(await fresh('importCustomers', { json: { format: 'kefu-customers', version: 2, exportedAt: Date.now(), customers: [record] } })).toMatchObject({ ok: true, updated: 1 });
    expect(await fresh<Customer>('getCustomer', { platform: 'demo', nickname: '小满' })).toMatchObject({ tags: ['老客'], note: '只发顺丰' });
  } finally {
    await waker.close();
    await page.close();
  }
});

it('the hourly backup check loads the extras only when a daily backup is due', async () => {
  const page = await openQuietExtensionPage(s.h);
  const waker = await workerWaker(s.h, page, { kf: 'ping', payload: undefined });
  /**
   * Fires the hourly alarm in the running worker (re-created due now, with its period) and resolves
   * when the job has finished reading which backups there are (the keys of kf-backups, read first
   * whether or not one is due) and every step that needs no more storage has run: then says whether
   * the worker has loaded the extras.
   */
  const check = async () => {
    const sw = await s.h.serviceWorker();
    return sw.evaluate(async () => {
      const proto = IDBObjectStore.prototype as any;
      const getAllKeys = proto.getAllKeys;
      const read = new Promise<void>((resolve) => {
        proto.getAllKeys = function (this: IDBObjectStore, ...args: unknown[]) {
          const req = getAllKeys.apply(this, args) as IDBRequest;
          if (this.transaction.db.name === 'kf-backups') req.addEventListener('success', () => setTimeout(resolve));
          return req;
        };
      });
      const alarms = (globalThis as any).chrome.alarms;
      await alarms.create('kf-backup', { when: Date.now(), periodInMinutes: (await alarms.get('kf-backup')).periodInMinutes });
      await read;
      proto.getAllKeys = getAllKeys;
      return '__kfWorkerExtras' in globalThis;
    });
  };
  const daily = async () => (await send(page, 'listBackups')).value.filter((b: { reason: string }) => b.reason === 'scheduled').length;
  try {
    // A daily backup taken: by this alarm now, or by its first run a minute after the install.
    await waker.sample();
    const before = await daily();
    const sw = await s.h.serviceWorker();
    await sw.evaluate(() => (globalThis as any).chrome.alarms.create('kf-backup', { when: Date.now(), periodInMinutes: 60 }));
    await expect.poll(daily).toBeGreaterThanOrEqual(Math.max(1, before));
    const taken = await daily();

    // The next hour (the worker stopped since, as Chrome stops it when idle): none due, the extras not loaded.
    await waker.sample();
    expect(await extrasLoaded()).toBe(false);
    expect(await check()).toBe(false);
    expect(await daily()).toBe(taken);
  } finally {
    await waker.close();
    await page.close();
  }
});

it('after a restart, 推迟 past the cut-off on an unpaid reminder words its new reason in the worker itself, in full', async () => {
  // The reasons only the makers store left background.js (2026-12-06); this one the worker words
  // again at a snooze (unpaidAfterSnooze), from the words it keeps (lib/i18n/messages/followups.ts).
  const page = await openQuietExtensionPage(s.h);
  const waker = await workerWaker(s.h, page, { kf: 'ping', payload: undefined });
  const fresh = async <T,>(kf: string, payload?: unknown): Promise<T> => {
    await waker.sample(); // stopped, then woken
    const r = await send(page, kf, payload);
    expect(r.ok, `${kf}: ${JSON.stringify(r.error)}`).toBe(true);
    return r.value as T;
  };
  try {
    // An unpaid reminder as the order rule stores it, brought in with 导入全部数据 (merged).
    const now = Date.now();
    const file = await fresh<Record<string, any>>('exportAllData');
    const item = {
      v: 2,
      id: 'unpaid:demo:E2E9001',
      kind: 'unpaid',
      title: '拍下未付：小满',
      buyer: '小满',
      platform: 'demo',
      orderId: 'E2E9001',
      reason: '拍下超过 30 分钟未付款，16:00 截单前催付',
      why: { key: 'followups.reason.unpaid', params: { minutes: 30, cutoff: '16:00' } },
      createdAt: now - 3_600_000,
      dueAt: now + 3_600_000,
      status: 'open',
      source: 'order',
    };
    expect(await fresh('importAllData', { json: { ...file, followups: { ...file.followups, items: [...file.followups.items, item] } }, merge: true })).toMatchObject({ ok: true });

    // Put off to the day after tomorrow at 10:00 (shop time): past a cut-off, so it is due before a
    // later one, and the reason says which it missed. A set time of day, not two days from now: a
    // snooze ending between 15:30 and the 16:00 cut-off is due at its own end, before the cut-off (run at 15:40 Beijing).
    const day = 86_400_000;
    const shopDay = (n: number) => new Date(now + 8 * 3_600_000 + n * day).toISOString().slice(0, 10);
    const until = Math.floor((now + 8 * 3_600_000) / day) * day - 8 * 3_600_000 + 2 * day + 10 * 3_600_000;
    const snoozed = await fresh<Record<string, any>>('updateFollowup', { id: item.id, action: 'snooze', until });
    expect(snoozed).toMatchObject({ status: 'snoozed', why: { key: 'followups.reason.unpaidLate' } });
    expect(snoozed.reason).toBe(`拍下超过 30 分钟未付款，已过 ${shopDay(1)} 16:00 截单，${shopDay(2)} 15:30 前催付`);
  } finally {
    await waker.close();
    await page.close();
  }
});
