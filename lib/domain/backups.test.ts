import { describe, expect, it } from 'vitest';
import { KEEP_PER_POOL, SNAPSHOT_MIN_AGE_MS, dailyMaybeDue, dailySnapshotDue, snapshotId, staleSnapshots, type KeptSnapshot, type SnapshotReason } from './backups';

const H = 3_600_000;
const D = 24 * H;
let n = 0;
const snap = (reason: SnapshotReason | string, takenAt: number): KeptSnapshot => ({ id: `snap-${++n}-${reason}`, reason, takenAt });
/** What is left after the policy ran over `list`. */
const kept = (list: KeptSnapshot[]) => {
  const stale = new Set(staleSnapshots(list));
  return list.filter((s) => !stale.has(s.id));
};
const count = (list: KeptSnapshot[], reason: string) => list.filter((s) => s.reason === reason).length;

describe('which local backups are kept', () => {
  it('keeps a week of daily backups, five manual ones and five taken before an import or a restore', () => {
    expect(KEEP_PER_POOL).toEqual({ daily: 7, manual: 5, safety: 5 });
    const list = [
      ...Array.from({ length: 10 }, (_, i) => snap('scheduled', i * D)),
      ...Array.from({ length: 8 }, (_, i) => snap('manual', i * D + H)),
      ...Array.from({ length: 8 }, (_, i) => snap('before-import', i * D + 2 * H)),
    ];
    const left = kept(list);
    expect([count(left, 'scheduled'), count(left, 'manual'), count(left, 'before-import')]).toEqual([7, 5, 5]);
    // The newest of each kind stay.
    expect(left.filter((s) => s.reason === 'scheduled').map((s) => s.takenAt / D)).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });

  it('six library imports in a row do not push out yesterday’s daily backup or the agent’s manual one', () => {
    const daily = snap('scheduled', 0);
    const manual = snap('manual', H);
    const imports = Array.from({ length: 6 }, (_, i) => snap('before-import', 2 * H + i * 60_000));
    const left = kept([daily, manual, ...imports]);
    expect(left).toContain(daily);
    expect(left).toContain(manual);
    // The oldest import's copy is the one that goes.
    expect(left.filter((s) => s.reason === 'before-import')).toEqual(imports.slice(1));
  });

  it('restores and imports share the safety allowance; neither touches the daily or manual backups', () => {
    const daily = Array.from({ length: 7 }, (_, i) => snap('scheduled', i * D));
    const manual = Array.from({ length: 5 }, (_, i) => snap('manual', i * D + H));
    const safety = Array.from({ length: 12 }, (_, i) => snap(i % 2 ? 'before-restore' : 'before-import', 8 * D + i * H));
    const left = kept([...daily, ...manual, ...safety]);
    expect(left).toEqual([...daily, ...manual, ...safety.slice(7)]);
  });

  it('never lists the copy being restored as stale: the oldest other safety copy goes instead', () => {
    const safety = Array.from({ length: 5 }, (_, i) => snap('before-import', i * H));
    const before = snap('before-restore', 10 * H);
    expect(staleSnapshots([...safety, before], [safety[0]!.id])).toEqual([safety[1]!.id]);
    expect(staleSnapshots([...safety, before])).toEqual([safety[0]!.id]);
    // A kept id of another pool changes nothing in this one.
    const manual = snap('manual', 0);
    expect(staleSnapshots([manual, ...safety, before], [manual.id])).toEqual([safety[0]!.id]);
  });

  it('counts a kind it does not know (a newer copy’s) with the safety copies, never against the agent’s own', () => {
    const manual = Array.from({ length: 5 }, (_, i) => snap('manual', i));
    const odd = Array.from({ length: 6 }, (_, i) => snap('before-sync', 100 + i));
    expect(staleSnapshots([...manual, ...odd])).toEqual([odd[0]!.id]);
  });
});

describe('when the daily backup is due', () => {
  it('is due at first, and again 20 hours after the last daily one', () => {
    expect(dailySnapshotDue([], 0)).toBe(true);
    const last = snap('scheduled', 100 * H);
    expect(dailySnapshotDue([last], 100 * H + SNAPSHOT_MIN_AGE_MS - 1)).toBe(false);
    expect(dailySnapshotDue([last], 100 * H + SNAPSHOT_MIN_AGE_MS)).toBe(true);
  });

  it('is not put off by a manual backup or an import’s copy: the week of dailies stays a week', () => {
    const list = [snap('scheduled', 0), snap('manual', 20 * H), snap('before-import', 21 * H), snap('before-restore', 21 * H + 1)];
    expect(dailySnapshotDue(list, 22 * H)).toBe(true);
  });

  it('reads the same from the ids alone (the hourly check), and an id of another shape never says "not due"', () => {
    const T = Date.UTC(2026, 11, 4, 8);
    const ids = [snapshotId(T, 'scheduled'), 'info:' + snapshotId(T, 'scheduled'), snapshotId(T + 2 * H, 'manual')];
    expect(dailyMaybeDue(ids, T + SNAPSHOT_MIN_AGE_MS - 1)).toBe(false);
    expect(dailyMaybeDue(ids, T + SNAPSHOT_MIN_AGE_MS)).toBe(true);
    expect(dailyMaybeDue(ids.slice(1), T + H)).toBe(true);
    expect(dailyMaybeDue(['snap-old-scheduled', 'scheduled'], T)).toBe(true);
  });
});
