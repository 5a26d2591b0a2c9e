import { describe, expect, it, vi } from 'vitest';
import { db, toStorageError } from './db';
import { DATA_STORES, editSnapshots, listSnapshots, scrubFromSnapshots, snapshotIfDue, takeSnapshot } from './backup';
import { workerExtras } from '../background/extras';

/** A restore as the worker runs it (lib/messaging/handlers/backup.ts, lib/background/restore-run.ts). */
const restoreSnapshot = (id: string, now?: number) => workerExtras().restore.run({ db, dataStores: DATA_STORES, toStorageError }, id, now);
const full = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

const H = 60 * 60 * 1000;

describe('local snapshots', () => {
  it('captures every data store and restores it identically, after keeping a copy of the current data', async () => {
    await db.set('customers', 'demo:小鹿', { v: 1, nickname: '小鹿', note: '身高165' });
    await db.set('meta', 'settings', { v: 1, shop: { agentName: '小美' } });
    const snap = await takeSnapshot('manual', 1_000);
    expect(snap.counts.customers).toBe(1);
    await db.clear('customers');
    await db.set('meta', 'settings', { v: 1, shop: { agentName: '别人' } });
    await restoreSnapshot(snap.id, 2_000);
    expect(await db.get('customers', 'demo:小鹿')).toEqual({ v: 1, nickname: '小鹿', note: '身高165' });
    expect(await db.get('meta', 'settings')).toEqual({ v: 1, shop: { agentName: '小美' } });
    const list = await listSnapshots();
    expect(list[0]!.reason).toBe('before-restore');
  });

  it('says what a snapshot holds in the agent’s terms: replies, buyers, follow-ups, learned picks, settings', async () => {
    for (const name of ['library', 'customers', 'followups', 'learned', 'meta'] as const) await db.clear(name);
    const templates = Array.from({ length: 103 }, (_, i) => ({ id: `t${i}` }));
    await db.set('library', 'library', { v: 2, groups: ['售前'], templates, updatedAt: 1 });
    await db.setMany('customers', [['demo:甲', { v: 2 }], ['demo:乙', { v: 2 }]]);
    await db.setMany('learned', [['p1', {}], ['p2', {}], ['p3', {}]]);
    // Settings and four other records in 'meta': one "设置", not five.
    for (const key of ['settings', 'remarkRules', 'usage', 'customers:schema', 'guardRules']) await db.set('meta', key, { v: 1 });
    expect((await takeSnapshot('manual', 20_000)).contents).toEqual({ templates: 103, buyers: 2, followups: 0, learned: 3, settings: true });
    await db.clear('library');
    await db.del('meta', 'settings');
    // No library saved: a restore gives the starter library; no settings: the defaults.
    expect((await takeSnapshot('manual', 20_001)).contents).toMatchObject({ templates: null, settings: false });
    expect((await listSnapshots()).find((x) => x.takenAt === 20_000)?.contents.templates).toBe(103);
    await db.clear('backups');
  });

  it('keeps the newest 5 manual backups', async () => {
    await db.clear('backups');
    for (let i = 0; i < 8; i++) await takeSnapshot('manual', 10_000 + i);
    const list = await listSnapshots();
    expect(list).toHaveLength(5);
    expect(list[0]!.takenAt).toBe(10_007);
  });

  it('keeps the daily and manual backups through six library imports and two restores', async () => {
    await db.clear('backups');
    await takeSnapshot('scheduled', 1 * H);
    const manual = await takeSnapshot('manual', 2 * H);
    for (let i = 0; i < 6; i++) await takeSnapshot('before-import', 3 * H + i);
    await restoreSnapshot(manual.id, 4 * H);
    await restoreSnapshot(manual.id, 5 * H);
    const reasons = (await listSnapshots()).map((s) => s.reason);
    expect(reasons).toEqual(['before-restore', 'before-restore', 'before-import', 'before-import', 'before-import', 'manual', 'scheduled']);
  });

  it('restoring the oldest safety copy with the safety copies at their allowance leaves it listed; the oldest other one goes', async () => {
    await db.clear('backups');
    await db.set('customers', 'demo:小鹿', { v: 1, nickname: '小鹿', note: '导入前' });
    const oldest = await takeSnapshot('before-import-customers', 1 * H);
    const others = [];
    for (let i = 2; i <= 5; i++) others.push(await takeSnapshot('before-import-customers', i * H));
    await db.set('customers', 'demo:小鹿', { v: 1, nickname: '小鹿', note: '导入后' });
    await restoreSnapshot(oldest.id, 6 * H);
    expect((await db.get<{ note: string }>('customers', 'demo:小鹿'))!.note).toBe('导入前');
    const ids = (await listSnapshots()).map((s) => s.id);
    expect(ids).toContain(oldest.id);
    expect(ids).not.toContain(others[0]!.id);
    expect(ids).toHaveLength(5);
    expect((await listSnapshots())[0]!.reason).toBe('before-restore');
    // Restoring it again (or any other) still works; it ages out with later copies as usual.
    await restoreSnapshot(oldest.id, 7 * H);
    expect((await listSnapshots()).map((s) => s.id)).toContain(oldest.id);
    await takeSnapshot('before-import-customers', 8 * H);
    expect((await listSnapshots()).map((s) => s.id)).not.toContain(oldest.id);
  });

  it('takes a scheduled snapshot only when the newest daily one is older than 20 hours', async () => {
    await db.clear('backups');
    const base = 100 * H;
    await takeSnapshot('scheduled', base);
    expect(await snapshotIfDue(base + 19 * H)).toBe(false);
    // An import's copy an hour ago does not put the daily backup off.
    await takeSnapshot('before-import', base + 20 * H);
    expect(await snapshotIfDue(base + 21 * H)).toBe(true);
    expect((await listSnapshots()).map((s) => s.reason)).toEqual(['scheduled', 'before-import', 'scheduled']);
  });

  it('lists the backups without reading their data (a shop’s snapshot runs to tens of megabytes)', async () => {
    await db.clear('backups');
    await takeSnapshot('scheduled', 1 * H);
    await takeSnapshot('manual', 2 * H);
    const get = vi.spyOn(db, 'get');
    const values = vi.spyOn(db, 'values');
    try {
      expect((await listSnapshots()).map((s) => s.reason)).toEqual(['manual', 'scheduled']);
      expect(get).not.toHaveBeenCalled();
      expect(values).not.toHaveBeenCalled();
    } finally {
      get.mockRestore();
      values.mockRestore();
    }
  });

  it('lists a snapshot an older copy took, and a pruned one leaves nothing behind', async () => {
    await db.clear('backups');
    await db.set('customers', 'demo:甲', { v: 1 });
    // As the copy before listings were kept apart wrote it: the data alone.
    await db.set('backups', 'snap-old', { v: 1, id: 'snap-old', takenAt: 5, reason: 'manual', stores: { customers: [['demo:甲', { v: 1 }]] } });
    expect(await listSnapshots()).toMatchObject([{ id: 'snap-old', reason: 'manual', contents: { buyers: 1 } }]);
    for (let i = 0; i < 5; i++) await takeSnapshot('manual', 10 + i);
    expect((await listSnapshots()).map((s) => s.id)).not.toContain('snap-old');
    expect((await db.keys('backups')).filter((k) => k.includes('snap-old'))).toEqual([]);
    expect(await db.keys('backups')).toHaveLength(10);
  });

  it('refuses a damaged snapshot without touching the data', async () => {
    await db.set('customers', 'keep', { v: 1 });
    await db.set('backups', 'bad', { v: 1, id: 'bad', takenAt: 1, reason: 'manual', stores: { customers: 'oops' } });
    expect(await restoreSnapshot('bad')).toMatchObject({ ok: false, problem: 'damaged' });
    // A record that is not [key, value] would fail halfway through the write: found first.
    await db.set('backups', 'bad', { v: 1, id: 'bad', takenAt: 1, reason: 'manual', stores: { library: [], customers: [['a', {}], [7]] } });
    expect(await restoreSnapshot('bad')).toMatchObject({ ok: false, problem: 'damaged' });
    expect(await restoreSnapshot('snap-gone')).toMatchObject({ ok: false, problem: 'missing' });
    expect(await db.get('customers', 'keep')).toEqual({ v: 1 });
    await db.del('backups', 'bad');
  });

  it('a write failing partway is put back: nothing changed; failing again, says it is mixed and names the copy', async () => {
    await db.clear('backups');
    await db.set('library', 'library', { v: 2, templates: [], updatedAt: 1, note: '备份里的' });
    await db.set('customers', 'demo:甲', { v: 1, note: '备份里的' });
    const snap = await takeSnapshot('manual', 1 * H);
    await db.set('library', 'library', { v: 2, templates: [], updatedAt: 2, note: '现在的' });
    await db.set('customers', 'demo:甲', { v: 1, note: '现在的' });
    const replace = db.replace;
    // The disk fills after the library is written: the customers store cannot be.
    const spy = vi.spyOn(db, 'replace').mockImplementation((name, items) => (name === 'customers' ? Promise.reject(toStorageError(full())) : replace(name, items)));
    try {
      const undone = await restoreSnapshot(snap.id, 2 * H);
      expect(undone).toMatchObject({ ok: false, problem: 'undone', cause: 'quota' });
      expect(await db.get('library', 'library')).toMatchObject({ note: '现在的' });
      expect(await db.get('customers', 'demo:甲')).toMatchObject({ note: '现在的' });
      // Putting the library back fails too: it holds the backup's, the buyers are as they were.
      spy.mockImplementation((name, items) => (name === 'customers' || (name === 'library' && (items[0]?.[1] as { note?: string })?.note === '现在的') ? Promise.reject(toStorageError(full())) : replace(name, items)));
      const mixed = await restoreSnapshot(snap.id, 3 * H);
      expect(mixed).toMatchObject({ ok: false, problem: 'mixed', cause: 'quota' });
      expect(await db.get('library', 'library')).toMatchObject({ note: '备份里的' });
      expect(await db.get('customers', 'demo:甲')).toMatchObject({ note: '现在的' });
      expect((await listSnapshots()).find((s) => s.id === (mixed as { copy: string }).copy)?.reason).toBe('before-restore');
    } finally {
      spy.mockRestore();
    }
    // The copy brings everything back as it was before.
    const copy = (await listSnapshots())[0]!;
    expect(await restoreSnapshot(copy.id, 4 * H)).toMatchObject({ ok: true });
    expect(await db.get('library', 'library')).toMatchObject({ note: '现在的' });
  });
});

describe('privacy of snapshots', () => {
  it('removes a deleted buyer from every snapshot and keeps the rest', async () => {
    await db.clear('backups');
    await db.clear('customers');
    await db.set('customers', 'demo:甲', { v: 1, nickname: '甲' });
    await db.set('customers', 'demo:乙', { v: 1, nickname: '乙' });
    await takeSnapshot('manual', 50_000);
    await takeSnapshot('manual', 50_001);
    expect(await scrubFromSnapshots('customers', ['demo:丙'])).toBe(false);
    expect(await scrubFromSnapshots('customers', ['demo:甲'])).toBe(true);
    // The data of both snapshots, and what the 备份 tab lists of them.
    const data = (await db.values<{ stores?: { customers: [string, unknown][] } }>('backups')).filter((s) => s.stores);
    expect(data.map((s) => s.stores!.customers.map(([k]) => k))).toEqual([['demo:乙'], ['demo:乙']]);
    expect((await listSnapshots()).map((s) => s.contents.buyers)).toEqual([1, 1]);
    await scrubFromSnapshots('customers', 'all');
    expect((await listSnapshots()).every((s) => s.counts.customers === 0)).toBe(true);
  });

  it('keeps a deleted buyer out of the snapshots when another edit of them runs at the same moment', async () => {
    await db.clear('backups');
    await db.clear('customers');
    await db.clear('followups');
    await db.set('customers', 'demo:甲', { v: 1, nickname: '甲' });
    await db.set('customers', 'demo:乙', { v: 1, nickname: '乙' });
    await db.set('followups', 'fu-1', { v: 1, id: 'fu-1', title: '旧的' });
    await takeSnapshot('manual', 60_000);
    // A deletion's scrub and another job's edit of the same snapshot, started together.
    await Promise.all([
      scrubFromSnapshots('customers', ['demo:甲']),
      editSnapshots('followups', (entries) => entries.map(([k, v]) => [k, { ...(v as object), title: '改过的' }])),
    ]);
    const [snap] = (await db.values<{ stores?: { customers: [string, unknown][]; followups: [string, { title: string }][] } }>('backups')).filter((s) => s.stores);
    expect(snap!.stores!.customers.map(([k]) => k)).toEqual(['demo:乙']);
    expect(snap!.stores!.followups.map(([, f]) => f.title)).toEqual(['改过的']);
    expect((await listSnapshots()).map((s) => [s.counts.customers, s.counts.followups])).toEqual([[1, 1]]);
  });
});
