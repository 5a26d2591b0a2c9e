import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const announced: string[] = [];
vi.mock('../../browser', () => ({
  browser: {
    storage: { local: { set: vi.fn(async (x: Record<string, unknown>) => void announced.push(...Object.keys(x))), remove: vi.fn(async () => {}) } },
    runtime: { id: 'ext', getURL: () => 'chrome-extension://ext/' },
  },
}));

const { dispatch } = await import('../dispatch');
const { learnedDailyJob, setModelSource } = await import('./learned');
const { patchSettings } = await import('../../storage/settings');
const { loadPicks } = await import('../../storage/learned');
const { takeSnapshot } = await import('../../storage/backup');
const { db } = await import('../../storage/db');
import type { LearnedExport, LearnedSummary } from '../protocol-learned';
import type { Signals } from '../../domain/suggest/combine';

const assetPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../public/suggest-model.json');
setModelSource(async () => JSON.parse(readFileSync(assetPath, 'utf8')));

const PAGE = { tabId: 1, url: 'http://127.0.0.1:5173/chat' };
async function ok<T>(verb: string, payload: unknown, sender: 'extension-page' | 'content-script' = 'extension-page'): Promise<T> {
  const r = await dispatch({ kf: verb, payload }, sender, sender === 'content-script' ? PAGE : {});
  if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const pick = (message: string, scenario: string, templateId: string | null = 'tpl-1', source = 'insert') =>
  ok<{ learned: boolean }>('learnPick', { message, buyer: '小鹿乱撞0521', scenario, templateId, source }, 'content-script');

beforeEach(async () => {
  await ok('forgetLearned', { all: true });
  await db.clear('backups');
  await patchSettings({ privacy: { learnFromPicks: true, retentionDays: 0 } });
  announced.length = 0;
});

describe('learned picks through the background', () => {
  it('a page learns a pick, and a similar message then recalls its situation and reply; the model speaks too', async () => {
    expect(await pick('小鹿乱撞0521 我的烤箱门关不严 13812345678', 'repair', 'tpl-repair')).toEqual({ learned: true });
    expect(announced).toContain('kf:rev:learned');
    const stored = await loadPicks();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.text).not.toMatch(/小鹿乱撞|13812345678/);
    const sig = await ok<Signals>('suggestSignals', { message: '烤箱门关不严怎么办', buyer: null }, 'content-script');
    expect(sig.learned?.scenarios[0]?.id).toBe('repair');
    expect(sig.learned?.templates['tpl-repair']).toBeGreaterThan(0.5);
    expect(sig.model?.[0]?.p).toBeGreaterThan(0);
  });

  it('a pick the disk refused is not learned either: the page sends it again and it is stored, not skipped as a repeat', async () => {
    const full = vi.spyOn(db, 'set').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    try {
      const r = await dispatch({ kf: 'learnPick', payload: { message: '烤箱门关不严', buyer: null, scenario: 'repair', templateId: 'tpl-repair', source: 'insert' } }, 'content-script', PAGE);
      expect(r).toMatchObject({ ok: false, error: { code: 'quota' } });
      expect((await ok<LearnedSummary>('getLearned', {})).count).toBe(0);
    } finally {
      full.mockRestore();
    }
    expect(await pick('烤箱门关不严', 'repair', 'tpl-repair')).toEqual({ learned: true });
    expect(await loadPicks()).toHaveLength(1);
  });

  it('stores no e-mail, WeChat id and no digit of a phone or ID number (qaJ D12), and a similar message still recalls it', async () => {
    expect(await pick('发票寄到 hua.li@mail.example.cn 微信 huali_1990 手机 139 0571 2468 身份证 11010519880808123X 发票什么时候开', 'invoice', 'tpl-inv')).toEqual({ learned: true });
    const [p] = await loadPicks();
    expect(p!.text).not.toMatch(/hua|li_|mail|example|139|2468|110|123|@/);
    expect(p!.text).toContain('发票什么时候开');
    const sig = await ok<Signals>('suggestSignals', { message: '发票什么时候开 手机 13905712468', buyer: null }, 'content-script');
    expect(sig.learned?.scenarios[0]?.id).toBe('invoice');
  });

  it('learns nothing while learning is turned off, and recalls nothing', async () => {
    await pick('洗衣机脱水时晃得厉害', 'quality');
    await patchSettings({ privacy: { learnFromPicks: false } });
    expect(await pick('洗衣机噪音很大', 'quality')).toEqual({ learned: false });
    expect(await loadPicks()).toHaveLength(1);
    const sig = await ok<Signals>('suggestSignals', { message: '洗衣机脱水时晃得厉害', buyer: null }, 'content-script');
    expect(sig.learned).toBeNull();
    expect((await ok<LearnedSummary>('getLearned', undefined)).enabled).toBe(false);
  });

  it('shows counts per situation and the latest pairs; forgets one, then everything, also from the backups', async () => {
    await pick('发票抬头写公司名', 'invoice', 'tpl-inv');
    await pick('能开专票吗', 'invoice', null, 'chip');
    await pick('寄回运费谁出', 'return-shipping', 'tpl-rs');
    const s = await ok<LearnedSummary>('getLearned', undefined);
    expect(s.count).toBe(3);
    expect(s.perScenario).toEqual({ invoice: 2, 'return-shipping': 1 });
    expect(s.latest.map((p) => p.text)).toEqual(['寄回运费谁出', '能开专票吗', '发票抬头写公司名']);
    await takeSnapshot('manual');
    expect(await ok('forgetLearned', { ids: [s.latest[0]!.id] })).toEqual({ deleted: 1 });
    expect((await ok<Signals>('suggestSignals', { message: '寄回运费谁出', buyer: null }, 'content-script')).learned?.scenarios).toEqual([]);
    expect(await ok('forgetLearned', { all: true })).toEqual({ deleted: 2 });
    expect(await loadPicks()).toEqual([]);
    const snaps = (await db.values<{ stores?: Record<string, unknown[]> }>('backups')).filter((x) => x.stores);
    expect(snaps.length).toBeGreaterThan(0);
    expect(snaps.every((x) => (x.stores!.learned ?? []).length === 0)).toBe(true);
  });

  it('a forget the disk refuses (the backups cannot be rewritten) forgets nothing: the picks stay, here and in the backups, to forget again', async () => {
    await pick('发票抬头写公司名', 'invoice', 'tpl-inv');
    await pick('寄回运费谁出', 'return-shipping', 'tpl-rs');
    await takeSnapshot('manual');
    const inBackups = async () => (await db.values<{ stores?: Record<string, unknown[]> }>('backups')).filter((x) => x.stores).map((x) => (x.stores!.learned ?? []).length);
    const [first] = (await ok<LearnedSummary>('getLearned', undefined)).latest;
    const update = db.update.bind(db);
    // A full disk as IndexedDB says it, for the backups' rewrite only.
    const full = vi.spyOn(db, 'update').mockImplementation(((store: string, ...rest: unknown[]) =>
      store === 'backups' ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : (update as (...a: unknown[]) => Promise<unknown>)(store, ...rest)) as typeof db.update);
    try {
      for (const payload of [{ ids: [first!.id] }, { all: true }]) {
        const r = await dispatch({ kf: 'forgetLearned', payload }, 'extension-page', {});
        expect(r).toMatchObject({ ok: false, error: { code: 'quota' } });
        // Before: the picks were deleted here first and stayed in the backups (count 1, then 0; backups 2).
        expect((await ok<LearnedSummary>('getLearned', undefined)).count).toBe(2);
        expect(await inBackups()).toEqual([2]);
      }
    } finally {
      full.mockRestore();
    }
    expect(await ok('forgetLearned', { all: true })).toEqual({ deleted: 2 });
    expect(await inBackups()).toEqual([0]);
  });

  it('refuses the list, forget, export and import verbs to seller pages', async () => {
    for (const verb of ['getLearned', 'forgetLearned', 'exportLearned', 'importLearned']) {
      const r = await dispatch({ kf: verb, payload: { all: true } }, 'content-script', PAGE);
      expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('exports append-friendly records and imports them by id; a bad file changes nothing', async () => {
    await pick('面膜过敏了', 'quality', 'tpl-q');
    const file = await ok<LearnedExport>('exportLearned', undefined);
    expect(file.picks[0]).toMatchObject({ id: expect.any(String), at: expect.any(Number), scenario: 'quality', templateId: 'tpl-q', source: 'insert' });
    const bad = await ok<{ ok: boolean; errors: string[] }>('importLearned', { json: { ...file, picks: [...file.picks, { id: 'x', scenario: 'nope' }] } });
    expect(bad.ok).toBe(false);
    // The second pick, counted from 1 as the agent counts, in the shop's language (Chinese).
    expect(bad.errors[0]).toMatch(/^第 2 条记录不完整或已损坏/);
    await ok('forgetLearned', { all: true });
    expect(await ok('importLearned', { json: file })).toEqual({ ok: true, count: 1, backedUp: true });
    expect(await ok('importLearned', { json: file })).toEqual({ ok: true, count: 0, backedUp: false });
    expect((await ok<Signals>('suggestSignals', { message: '面膜过敏', buyer: null }, 'content-script')).learned?.scenarios[0]?.id).toBe('quality');
  });

  it('takes a safety copy before an import adds picks (the import can be undone from 备份); none for a refused file or one adding nothing', async () => {
    await pick('面膜过敏了', 'quality', 'tpl-q');
    const file = await ok<LearnedExport>('exportLearned', undefined);
    const theirs = { ...file, picks: [{ ...file.picks[0]!, id: 'imported-1', text: '快递到哪了' }] };
    await ok('importLearned', { json: { ...theirs, picks: [{ id: 'x', scenario: 'nope' }] } });
    await ok('importLearned', { json: file });
    expect(await ok<unknown[]>('listBackups', undefined)).toEqual([]);
    announced.length = 0;
    expect(await ok('importLearned', { json: theirs })).toMatchObject({ ok: true, count: 1, backedUp: true });
    const [copy, ...more] = await ok<{ id: string; reason: string; contents: { learned: number } }[]>('listBackups', undefined);
    expect(more).toEqual([]);
    // What was here before the import: the one pick.
    expect(copy).toMatchObject({ reason: 'before-import-learned', contents: { learned: 1 } });
    expect(announced).toContain('kf:rev:backups');
    await ok('restoreBackup', { id: copy!.id });
    expect((await loadPicks()).map((p) => p.id)).toEqual([file.picks[0]!.id]);
  });

  it("copies only the learned picks before an import of picks (not every buyer), and restoring that copy leaves the buyers as they are now", async () => {
    await pick('面膜过敏了', 'quality', 'tpl-q');
    await ok('patchCustomer', { platform: 'demo', nickname: '老客阿满', patch: { note: '只发顺丰' } });
    const file = await ok<LearnedExport>('exportLearned', undefined);
    const theirs = { ...file, picks: [{ ...file.picks[0]!, id: 'imported-2', text: '能便宜点吗' }] };
    expect(await ok('importLearned', { json: theirs })).toMatchObject({ ok: true, count: 1, backedUp: true });
    const copy = (await ok<{ id: string; reason: string; counts: Record<string, number>; scope?: string[] }[]>('listBackups', undefined)).find((b) => b.reason === 'before-import-learned');
    expect(copy!.counts).toEqual({ learned: 1 });
    expect(copy!.scope).toEqual(['learned']);
    // A buyer noted after the import is still there after the picks are put back.
    await ok('patchCustomer', { platform: 'demo', nickname: '新客小北', patch: { note: '要发票' } });
    await ok('restoreBackup', { id: copy!.id });
    expect((await loadPicks()).map((p) => p.id)).toEqual([file.picks[0]!.id]);
    const buyers = await ok<{ items: { nickname: string }[] }>('listCustomers', {});
    expect(buyers.items.map((c) => c.nickname).sort()).toEqual(['新客小北', '老客阿满'].sort());
    const beforeRestore = (await ok<{ reason: string; counts: Record<string, number> }[]>('listBackups', undefined)).find((b) => b.reason === 'before-restore');
    expect(beforeRestore).toMatchObject({ reason: 'before-restore', counts: { learned: 2 } });
    expect(Object.keys(beforeRestore!.counts)).toEqual(['learned']);
  });

  it('says why a file with an id twice is refused, or how many repeated copies of the same pick it skipped', async () => {
    await pick('面膜过敏了', 'quality', 'tpl-q');
    const file = await ok<LearnedExport>('exportLearned', undefined);
    const [mine] = file.picks;
    // What QA did: a second pick with the id of the first and other text. Nothing is imported, and the entry is named.
    const edited = { ...file, picks: [mine!, { ...mine!, id: 'other-1', text: '快递到哪了' }, { ...mine!, text: '能开专票吗' }] };
    expect(await ok('importLearned', { json: edited })).toEqual({ ok: false, errors: [`第 3 条记录（id "${mine!.id}"）：id 与第 1 条重复，内容却不同（文件可能被改动过）`] });
    expect((await loadPicks()).map((p) => p.id)).toEqual([mine!.id]);
    // The same pick twice (two exports pasted together): the new one imported, the copy counted as skipped.
    const twice = { ...file, picks: [mine!, { ...mine!, id: 'other-1', text: '快递到哪了' }, mine!] };
    expect(await ok('importLearned', { json: twice })).toMatchObject({ ok: true, count: 1, duplicates: 1 });
    expect((await loadPicks()).map((p) => p.id).sort()).toEqual([mine!.id, 'other-1'].sort());
  });

  it('the daily job deletes picks older than the retention period', async () => {
    await pick('箱子压扁了', 'damaged');
    await patchSettings({ privacy: { retentionDays: 30 } });
    expect(await learnedDailyJob(Date.now() + 10 * 86_400_000)).toBe(0);
    expect(await learnedDailyJob(Date.now() + 31 * 86_400_000)).toBe(1);
    expect(await loadPicks()).toEqual([]);
    expect((await ok<Signals>('suggestSignals', { message: '箱子压扁了', buyer: null }, 'content-script')).learned?.scenarios).toEqual([]);
  });
});
