import { describe, expect, it } from 'vitest';
import { buyerLabel, buyerTag } from './buyer-tag';

describe('buyerTag: two buyers behind one masked nickname, told apart', () => {
  it('gives a masked name with an id a short tag of 4 letters or digits, the same every time', () => {
    const a = buyerTag('S*******n', '7205118833');
    expect(a).toMatch(/^[0-9a-z]{4}$/);
    expect(buyerTag('S*******n', '7205118833')).toBe(a);
    expect(buyerTag('S＊＊n', '7205118833')).toBe(a);
  });

  it('gives two ids behind one masked name different tags, none of which shows the id', () => {
    const ids = ['7205118833', '6620034417', 'u-2001', 'u-2002', 'jd_4401', 'jd_4402'];
    const tags = ids.map((id) => buyerTag('S*******n', id)!);
    expect(new Set(tags).size).toBe(ids.length);
    for (const [i, tag] of tags.entries()) expect(ids[i]).not.toContain(tag);
  });

  it('gives none to an unmasked name, or where the console showed no id', () => {
    expect(buyerTag('小鹿乱撞0521', 'u-1001')).toBeNull();
    expect(buyerTag('S*******n', null)).toBeNull();
    expect(buyerTag('S*******n', '')).toBeNull();
    expect(buyerTag(null, 'u-1')).toBeNull();
  });

  it('labels a name for a sentence or a tooltip: S*******n · tag, or the name as it is', () => {
    expect(buyerLabel('S*******n', 'u-2001')).toBe(`S*******n · ${buyerTag('S*******n', 'u-2001')}`);
    expect(buyerLabel('米粒妈妈', 'u-1008')).toBe('米粒妈妈');
  });
});
