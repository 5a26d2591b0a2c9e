import { describe, expect, it } from 'vitest';
import { editDraftOf, patchFromDraft } from './edit';
import { arriveEdit, rebaseEdit, settleClash, takeTheirs } from './edit-clash';
import { applyPatch, newCustomer } from './customer';

const T = Date.UTC(2026, 2, 1);
const opened = applyPatch(
  newCustomer('demo', '双开的买家', T, 'u-2002'),
  { tags: ['老客'], sizes: { heightCm: 170, usualSize: 'L' }, preferences: '原来的偏好', note: '原来的备注' },
  T,
  { maskPii: false },
);
/** The buyer as saved elsewhere after the form opened. */
const elsewhere = (patch: Parameters<typeof applyPatch>[1]) => applyPatch(opened, patch, T + 60_000, { maskPii: false });

describe('an open buyer edit form meeting a version saved elsewhere', () => {
  it('calls a field changed here and, differently, elsewhere a clash, with the value there', () => {
    const mine = { ...editDraftOf(opened), preferences: '这边改的偏好' };
    const r = rebaseEdit(opened, mine, elsewhere({ preferences: '那边改的偏好' }));
    expect(r.clashes).toEqual([{ field: 'preferences', theirs: '那边改的偏好' }]);
    // What the agent typed stays until they choose.
    expect(r.draft.preferences).toBe('这边改的偏好');
  });

  it('lets a field the agent did not touch follow the other save, and keeps merging different fields', () => {
    const mine = { ...editDraftOf(opened), note: '这边只改备注' };
    const now = elsewhere({ preferences: '那边改的偏好', sizes: { heightCm: 172 } });
    const r = rebaseEdit(opened, mine, now);
    expect(r.clashes).toEqual([]);
    expect(r.draft).toMatchObject({ preferences: '那边改的偏好', note: '这边只改备注' });
    expect(r.draft.sizes.heightCm).toBe('172');
    // Saved against the new version: only the agent's own change is sent.
    expect(patchFromDraft(now, r.draft).patch).toEqual({ note: '这边只改备注' });
  });

  it('is no clash when both places made the same change (tags compared as the list they make)', () => {
    const mine = { ...editDraftOf(opened), tags: '老客 VIP' };
    expect(rebaseEdit(opened, mine, elsewhere({ tags: ['老客', 'VIP'] })).clashes).toEqual([]);
  });

  it('tells sizes and the segment apart field by field', () => {
    const d = editDraftOf(opened);
    const mine = { ...d, segment: 'vip' as const, sizes: { ...d.sizes, heightCm: '175', usualSize: 'XL' } };
    const r = rebaseEdit(opened, mine, elsewhere({ segment: 'difficult', sizes: { heightCm: null } }));
    expect(r.clashes).toEqual([
      { field: 'segment', theirs: 'difficult' },
      { field: 'heightCm', theirs: '' },
    ]);
    expect(r.draft.sizes.usualSize).toBe('XL');
  });

  it('用那边的 takes the stored values of the clashing fields and keeps the agent’s other edits', () => {
    const mine = { ...editDraftOf(opened), preferences: '这边改的偏好', addressNote: '这边加的地址备注' };
    const now = elsewhere({ preferences: '那边改的偏好' });
    const r = rebaseEdit(opened, mine, now);
    const taken = takeTheirs(r.draft, r.clashes);
    expect(taken).toMatchObject({ preferences: '那边改的偏好', addressNote: '这边加的地址备注' });
    expect(patchFromDraft(now, taken).patch).toEqual({ addressNote: '这边加的地址备注' });
    // 覆盖 instead: measured against the new version, the agent's value is sent.
    expect(patchFromDraft(now, r.draft).patch).toEqual({ preferences: '这边改的偏好', addressNote: '这边加的地址备注' });
  });

  it('keeps a form with a clash measured against the record it opened with until the agent chooses, then against the newer one', () => {
    const open = { base: opened, draft: { ...editDraftOf(opened), preferences: '这边改的偏好' }, clash: null };
    const now = elsewhere({ preferences: '那边改的偏好', note: '那边改的备注' });
    const held = arriveEdit(open, now);
    expect(held.base).toBe(opened);
    expect(held.clash?.fields).toEqual([{ field: 'preferences', theirs: '那边改的偏好' }]);
    expect(held.draft.note).toBe('那边改的备注');
    expect(patchFromDraft(settleClash(held, true).base, settleClash(held, true).draft).patch).toEqual({});
    expect(patchFromDraft(now, settleClash(held, false).draft).patch).toEqual({ preferences: '这边改的偏好' });
    expect(settleClash(held, false)).toMatchObject({ base: now, clash: null });
    // No clash: the form simply moves on to the newer record (a buyer the form opened without a record too).
    expect(arriveEdit({ base: null, draft: editDraftOf(null), clash: null }, now)).toMatchObject({ base: now, clash: null });
  });
});
