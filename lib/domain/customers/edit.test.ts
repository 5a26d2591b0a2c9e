import { describe, expect, it } from 'vitest';
import { editDraftOf, patchFromDraft, splitTags } from './edit';
import { applyPatch, newCustomer } from './customer';

const T = Date.UTC(2026, 2, 1);
const stored = applyPatch(
  newCustomer('demo', '小鹿乱撞0521', T, 'u-1001'),
  { tags: ['VIP2', '老客'], sizes: { heightCm: 162, weightKg: 52, usualSize: 'M' }, preferences: '喜欢宽松', note: '只发顺丰' },
  T,
  { maskPii: true },
);

describe("a buyer's edit form (panel card and 客户档案)", () => {
  it('opens with the stored fields, and an untouched form changes nothing', () => {
    const d = editDraftOf(stored);
    expect(d).toMatchObject({ tags: 'VIP2，老客', preferences: '喜欢宽松', note: '只发顺丰', addressNote: '', segment: '' });
    expect(d.sizes).toEqual({ heightCm: '162', weightKg: '52', usualSize: 'M', shoeSize: '', bustCm: '', waistCm: '' });
    expect(patchFromDraft(stored, d)).toEqual({ patch: {}, problems: [] });
  });

  it('splits tags on commas, 、, semicolons, bars and spaces (half- and full-width), each tag once', () => {
    expect(splitTags(' VIP2；老客;批发|爱砍价｜ 老客 ,， 、vip2 ')).toEqual(['VIP2', '老客', '批发', '爱砍价']);
  });

  it('sends only the fields the agent changed: tags split on commas, 、 and spaces; a cleared size is removed', () => {
    const d = editDraftOf(stored);
    const edited = { ...d, tags: 'VIP3、老客 批发', sizes: { ...d.sizes, heightCm: ' 165 ', weightKg: '' } };
    expect(patchFromDraft(stored, edited)).toEqual({ patch: { tags: ['VIP3', '老客', '批发'], sizes: { heightCm: 165, weightKg: null } }, problems: [] });
  });

  it('pins a segment, and "automatic" unpins it', () => {
    const pinned = patchFromDraft(stored, { ...editDraftOf(stored), segment: 'difficult' });
    expect(pinned.patch).toEqual({ segment: 'difficult' });
    const p = applyPatch(stored, pinned.patch, T + 1, { maskPii: true });
    expect(patchFromDraft(p, { ...editDraftOf(p), segment: '' }).patch).toEqual({ segment: null });
  });

  it('refuses a size that is not a plausible number (1650 for 165 would otherwise drop the stored height), naming its range', () => {
    const d = editDraftOf(stored);
    const r = patchFromDraft(stored, { ...d, sizes: { ...d.sizes, heightCm: '1650', shoeSize: '38码' } });
    expect(r.problems).toEqual([
      { field: 'heightCm', min: 40, max: 230 },
      { field: 'shoeSize', min: 15, max: 50 },
    ]);
  });

  it('reads full-width digits as typed by a Chinese input method', () => {
    const d = editDraftOf(stored);
    expect(patchFromDraft(stored, { ...d, sizes: { ...d.sizes, shoeSize: '３８．５' } }).patch).toEqual({ sizes: { shoeSize: 38.5 } });
  });

  it('for a buyer with no record yet, sends what was typed', () => {
    const d = editDraftOf(null);
    expect(patchFromDraft(null, { ...d, note: '第一次来' }).patch).toEqual({ note: '第一次来' });
  });
});
