import { describe, expect, it } from 'vitest';
import { attachOldRecord, offersOldRecord } from './attach';
import { appendEvent, applyPatch, makeEvent, newCustomer } from './customer';

const NOW = Date.UTC(2026, 10, 1);
const DAY = 24 * 3600_000;
const open = { platform: 'pdd' as const, buyerId: '7205118833', nickname: 'S*******n' };

/** A nickname-only record (no id) with a note typed into the card and a note field. */
function oldRecord() {
  let c = newCustomer('pdd', 'S*******n', NOW - 30 * DAY);
  c = appendEvent(c, makeEvent('note', NOW - 20 * DAY, '要加绒款'));
  c = applyPatch(c, { note: '只发顺丰', tags: ['老客'], sizes: { heightCm: 165 } }, NOW - 20 * DAY, { maskPii: false });
  return c;
}

describe('offersOldRecord: which record the card may offer to attach', () => {
  it('offers the nickname-only record of the same name and platform, also under a masked name', () => {
    expect(offersOldRecord(open, oldRecord(), [])).toBe(true);
    // The name the page shows is normalised the same way the key was.
    expect(offersOldRecord({ ...open, nickname: 'S*******n\uFEFF ' }, oldRecord(), [])).toBe(true);
  });

  it('never offers an id-keyed record, another name, another platform, or one the agent dismissed', () => {
    const other = newCustomer('pdd', 'S*******n', NOW, '6620034417');
    expect(offersOldRecord(open, other, [])).toBe(false);
    expect(offersOldRecord({ ...open, nickname: 'S******n' }, oldRecord(), [])).toBe(false);
    expect(offersOldRecord({ ...open, platform: 'jd' }, oldRecord(), [])).toBe(false);
    expect(offersOldRecord(open, oldRecord(), ['pdd:S*******n'])).toBe(false);
    expect(offersOldRecord(open, null, [])).toBe(false);
    expect(offersOldRecord({ ...open, buyerId: ' ' }, oldRecord(), [])).toBe(false);
  });
});

describe('attachOldRecord: the agent says the old record is this buyer', () => {
  it('with no record under the id yet, the old record moves to the id key whole', () => {
    const joined = attachOldRecord(null, oldRecord(), open, NOW);
    expect(joined).toMatchObject({ key: 'pdd#7205118833', buyerId: '7205118833', nickname: 'S*******n', note: '只发顺丰', tags: ['老客'], sizes: { heightCm: 165 } });
    expect(joined.history.map((e) => e.text)).toEqual(['要加绒款']);
    expect(joined.createdAt).toBe(NOW - 30 * DAY);
  });

  it('joins with the id record: history the union by event id (no duplicates), both notes kept, tags the union', () => {
    const shared = makeEvent('note', NOW - 20 * DAY, '要加绒款');
    let current = newCustomer('pdd', 'S*******n', NOW - 2 * DAY, '7205118833');
    current = appendEvent(current, shared);
    current = appendEvent(current, makeEvent('note', NOW - DAY, '今天问了发货时间'));
    current = applyPatch(current, { note: '发票抬头写公司', tags: ['VIP1'] }, NOW - DAY, { maskPii: false });
    const joined = attachOldRecord(current, oldRecord(), open, NOW);
    expect(joined.key).toBe('pdd#7205118833');
    expect(joined.history.map((e) => e.text)).toEqual(['要加绒款', '今天问了发货时间']);
    expect(joined.note).toBe('只发顺丰\n发票抬头写公司');
    expect(joined.tags).toEqual(['老客', 'VIP1']);
    expect(joined.sizes).toEqual({ heightCm: 165 });
    expect(joined.createdAt).toBe(NOW - 30 * DAY);
    // The join is an edit: the joined fields are dated now, so a later merge keeps them.
    expect(joined.updatedAt).toBe(NOW);
    expect(joined.fieldAt?.note).toBe(NOW);
    expect(joined.fieldAt?.tags).toBe(NOW);
  });

  it('attaching the same record twice changes nothing the second time', () => {
    const once = attachOldRecord(newCustomer('pdd', 'S*******n', NOW - DAY, '7205118833'), oldRecord(), open, NOW);
    const twice = attachOldRecord(once, oldRecord(), open, NOW + DAY);
    expect(twice.history).toEqual(once.history);
    expect(twice.note).toBe(once.note);
    expect(twice.tags).toEqual(once.tags);
    expect(twice.updatedAt).toBe(once.updatedAt);
  });

  it('refuses a record that is not the nickname-only record of this name', () => {
    expect(() => attachOldRecord(null, newCustomer('pdd', 'S*******n', NOW, '6620034417'), open, NOW)).toThrow(RangeError);
    expect(() => attachOldRecord(newCustomer('pdd', 'S*******n', NOW, '6620034417'), oldRecord(), open, NOW)).toThrow(RangeError);
  });
});
