import { afterEach, describe, expect, it } from 'vitest';
import { clearPicks, deletePicks, loadPicks, mergePicks, storePick } from './learned';
import { setLocalChangeListener } from './changes';
import type { LearnedPick } from '../domain/suggest/learned';

const pick = (id: string, at: number): LearnedPick => ({ id, at, text: '什么时候发货', scenario: 'shipping-time', templateId: null, source: 'insert' });

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
    ]);
    expect(await loadPicks()).toEqual([]);
  });
});
