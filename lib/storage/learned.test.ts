import { afterEach, describe, expect, it } from 'vitest';
import { clearPicks, deletePicks, forgetPicks, loadPicks, mergePicks, purgeOldPicks, storePick } from './learned';
import { setLocalChangeListener } from './changes';
import type { LearnedPick } from '../domain/suggest/learned';

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
      ['learned', 'p2'],
      ['forgotten', 'p2'],
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
      ['learned', 'b'],
      ['forgotten', 'b'],
      ['learned', 'old'],
      ['forgotten', 'old'],
    ]);
    expect(await loadPicks()).toEqual([]);
  });
});
