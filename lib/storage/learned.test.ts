import { afterEach, describe, expect, it } from 'vitest';
import { clearPicks, deletePicks, forgetPicks, loadPicks, mergePicks, purgeOldPicks, storePick } from './learned';
import { setLocalChangeListener } from './changes';
import type { LearnedPick } from '../domain/suggest/learned';
import { db } from './db';
import { DIRTY_KEY, queueDirty, readDirty } from '../team/dirty';
import { dirtyOf } from '../team/local-stores';

const pick = (id: string, at: number): LearnedPick => ({ id, at, text: '几时发货呀', scenario: 'shipping-time', templateId: null, source: 'insert' });
const DAY = 24 * 60 * 60 * 1000;

afterEach(async () => {
  setLocalChangeListener(null);
  await clearPicks();
});

describe('learned picks storage in team mode', () => {
  it('reports every pick added or deleted here, so team mode can share it', async () => {
    const reported: string[][] = [];
    setLocalChangeListener(async (area, keys) => void reported.push([area, ...keys]));
    await storePick(pick('p1', 1));
    await storePick(pick('p2', 2), ['p1']);
    await mergePicks([pick('p2', 2), pick('p3', 3)]);
    await deletePicks(['p3']);
    await clearPicks();
    expect(reported).toEqual([
      ['learned', 'p1'],
      ['learned', 'p2', 'p1'],
      ['learned', 'p3'],
      ['learned', 'p3'],
      ['forgotten', 'p2'],
      ['learned', 'p2'],
    ]);
    expect(await loadPicks()).toEqual([]);
  });

  it('tells a forget (学习记录, the retention period) from an eviction, so only a forget reaches the team', async () => {
    const reported: string[][] = [];
    setLocalChangeListener(async (area, keys) => void reported.push([area, ...keys]));
    await storePick(pick('old', 1));
    await storePick(pick('a', 5 * DAY));
    await storePick(pick('b', 6 * DAY), ['a']);
    reported.length = 0;
    await forgetPicks(['b']);
    expect(await purgeOldPicks(3 * DAY, 1)).toEqual(['old']);
    expect(reported).toEqual([
      ['forgotten', 'b'],
      ['learned', 'b'],
      ['forgotten', 'old'],
      ['learned', 'old'],
    ]);
    expect(await loadPicks()).toEqual([]);
  });
});

describe('forgetting on a full disk, in team mode', () => {
  const proto = IDBObjectStore.prototype as unknown as { put: unknown; add: unknown };
  const [put, add] = [proto.put, proto.add];
  /** IndexedDB refuses writes as on a full disk (deletes still go through, as they do there). */
  const diskFull = (on: boolean) => {
    const boom = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    [proto.put, proto.add] = on ? [boom, boom] : [put, add];
  };
  /** What the team will be told was forgotten here at the next round. */
  const queuedForgotten = async () => readDirty(await db.get('meta', DIRTY_KEY)).forgot;
  /** Every pick is either still here or queued to be forgotten for the team: none gone unrecorded. */
  const unrecorded = async (ids: string[]) => {
    const here = new Set((await loadPicks()).map((p) => p.id));
    const told = new Set(await queuedForgotten());
    return ids.filter((id) => !here.has(id) && !told.has(id));
  };

  afterEach(async () => {
    diskFull(false);
    await db.clear('meta');
  });

  it.each([
    ['学习记录 → 忘记', () => forgetPicks(['a'])],
    ['全部忘记', () => clearPicks()],
    ['the retention period', () => purgeOldPicks(10 * DAY, 1)],
  ])('%s: a pick the team could not be told about stays here, and goes for the team too once there is room', async (_, forget) => {
    // As the worker does in team mode (lib/background/team.ts): every write is queued for the next round.
    setLocalChangeListener(async (area, keys) => queueDirty(dirtyOf(area, keys)));
    await storePick(pick('a', 1));
    await storePick(pick('b', 2));
    diskFull(true);
    await expect(forget()).rejects.toMatchObject({ code: 'quota' });
    diskFull(false);
    // Before: the picks were deleted here but never queued as forgotten, so the team kept them (and
    // sent them back to this machine with a replica made again, a colleague's restore …).
    expect(await unrecorded(['a', 'b'])).toEqual([]);
    expect((await loadPicks()).map((p) => p.id)).toEqual(['a', 'b']);

    await forget();
    expect((await loadPicks()).map((p) => p.id)).not.toContain('a');
    expect(await queuedForgotten()).toContain('a');
    expect(await unrecorded(['a', 'b'])).toEqual([]);
  });
});
