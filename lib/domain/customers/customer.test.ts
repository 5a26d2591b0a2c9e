import { describe, expect, it } from 'vitest';
import {
  appendEvent,
  applyPatch,
  customerKey,
  makeEvent,
  markSeen,
  maskRecord,
  matchesQuery,
  mergeCustomer,
  mergeCustomers,
  newCustomer,
  noteEvents,
  orderSeenEvent,
  segmentOf,
} from './customer';
import { HISTORY_CAP, type Customer } from './types';

const T0 = Date.UTC(2026, 0, 1, 2, 0);
const MIN = 60_000;
const mask = { maskPii: true };
const noMask = { maskPii: false };

describe('a new customer', () => {
  it('is keyed by platform and nickname and starts as a new buyer with empty notes', () => {
    const c = newCustomer('taobao', ' 小明同学 ', T0);
    expect(c).toMatchObject({
      v: 2,
      key: 'taobao:小明同学',
      nickname: '小明同学',
      segment: 'new',
      tags: [],
      sizes: {},
      createdAt: T0,
      updatedAt: T0,
      lastSeenAt: T0,
      history: [],
      droppedEvents: 0,
    });
    expect(customerKey('jd', '小明同学')).toBe('jd:小明同学');
  });

  it('refuses an empty nickname', () => {
    expect(() => newCustomer('taobao', '  ', T0)).toThrow(RangeError);
  });
});

describe('applyPatch', () => {
  const base = newCustomer('taobao', '小明', T0);

  it('returns a new object and leaves the original untouched', () => {
    const next = applyPatch(base, { note: '喜欢宽松款' }, T0 + MIN, noMask);
    expect(next).not.toBe(base);
    expect(base.note).toBe('');
    expect(next.note).toBe('喜欢宽松款');
    expect(next.updatedAt).toBe(T0 + MIN);
  });

  it('masks phone numbers in notes when masking is on, and keeps them when it is off', () => {
    expect(applyPatch(base, { addressNote: '电话13812345678 周末不收' }, T0, mask).addressNote).toBe('电话138****5678 周末不收');
    expect(applyPatch(base, { addressNote: '电话13812345678' }, T0, noMask).addressNote).toBe('电话13812345678');
  });

  it('merges sizes field by field, clears a field given null and drops implausible values', () => {
    const a = applyPatch(base, { sizes: { heightCm: 165, weightKg: 55 } }, T0, noMask);
    const b = applyPatch(a, { sizes: { weightKg: null, usualSize: 'M', shoeSize: 380 } }, T0, noMask);
    expect(b.sizes).toEqual({ heightCm: 165, usualSize: 'M' });
  });

  it('deduplicates and trims tags', () => {
    expect(applyPatch(base, { tags: [' VIP ', 'vip', '', '老客'] }, T0, noMask).tags).toEqual(['VIP', '老客']);
  });

  it('returns the same object when nothing changes, so storage can skip the write', () => {
    const a = applyPatch(base, { note: 'x' }, T0, noMask);
    expect(applyPatch(a, { note: 'x' }, T0 + MIN, noMask)).toBe(a);
  });

  it('recomputes the segment: a VIP tag makes a VIP', () => {
    expect(applyPatch(base, { tags: ['VIP2'] }, T0, noMask).segment).toBe('vip');
  });

  it('lets the agent set the segment explicitly, and null goes back to the derived one', () => {
    const vip = applyPatch(base, { tags: ['VIP'] }, T0, noMask);
    const difficult = applyPatch(vip, { segment: 'difficult' }, T0, noMask);
    expect(difficult.segment).toBe('difficult');
    expect(applyPatch(difficult, { segment: null }, T0, noMask).segment).toBe('vip');
  });
});

describe('segmentOf', () => {
  const c = newCustomer('taobao', 'a', T0);
  it('is new for a first-time buyer', () => {
    expect(segmentOf(c)).toBe('new');
  });
  it('is returning after two different orders', () => {
    const one = appendEvent(c, orderSeenEvent('1001', T0));
    expect(segmentOf(one)).toBe('new');
    expect(appendEvent(one, orderSeenEvent('1002', T0 + MIN)).segment).toBe('returning');
  });
  it('is returning when tagged 老客 or 回头客', () => {
    expect(segmentOf({ ...c, tags: ['回头客'] })).toBe('returning');
  });
  it('is difficult when tagged 难缠 or 黑名单', () => {
    expect(segmentOf({ ...c, tags: ['黑名单'] })).toBe('difficult');
  });
  it('puts a VIP tag above every derived segment', () => {
    expect(segmentOf({ ...c, tags: ['难缠', 'VIP'], orderIds: ['1', '2'] })).toBe('vip');
  });
});

describe('appendEvent', () => {
  const c = newCustomer('taobao', 'a', T0);

  it('appends an event and moves lastSeenAt forward without touching updatedAt', () => {
    const e = makeEvent('note', T0 + 5 * MIN, '问了尺码');
    const next = appendEvent(c, e);
    expect(next.history).toEqual([e]);
    expect(next.lastSeenAt).toBe(T0 + 5 * MIN);
    expect(next.updatedAt).toBe(T0);
  });

  it('ignores an event already recorded (same id)', () => {
    const e = makeEvent('template-used', T0, '催付话术', 'tpl-1');
    const once = appendEvent(c, e);
    expect(appendEvent(once, { ...e })).toBe(once);
  });

  it('records each order once, however often the order list is read', () => {
    const once = appendEvent(c, orderSeenEvent('1001', T0));
    expect(appendEvent(once, orderSeenEvent('1001', T0 + 60 * MIN))).toBe(once);
    expect(once.orderIds).toEqual(['1001']);
  });

  it(`keeps the ${HISTORY_CAP} newest events and counts the dropped ones`, () => {
    let x: Customer = c;
    for (let i = 0; i < HISTORY_CAP + 5; i++) x = appendEvent(x, makeEvent('note', T0 + i, `n${i}`));
    expect(x.history).toHaveLength(HISTORY_CAP);
    expect(x.droppedEvents).toBe(5);
    expect(x.history[0]?.text).toBe('n5');
    expect(x.history.at(-1)?.text).toBe(`n${HISTORY_CAP + 4}`);
  });

  it('masks event text on request', () => {
    expect(appendEvent(c, makeEvent('issue', T0, '电话13812345678'), { maskPii: true }).history[0]?.text).toBe('电话138****5678');
  });

  it('gives identical events identical ids', () => {
    expect(makeEvent('note', T0, 'x').id).toBe(makeEvent('note', T0, 'x').id);
    expect(makeEvent('note', T0, 'x').id).not.toBe(makeEvent('note', T0, 'y').id);
  });
});

describe('markSeen', () => {
  it('only moves lastSeenAt forward', () => {
    const c = newCustomer('taobao', 'a', T0);
    expect(markSeen(c, T0 + MIN).lastSeenAt).toBe(T0 + MIN);
    expect(markSeen(c, T0 - MIN)).toBe(c);
  });
});

describe('mergeCustomers (import, two tabs)', () => {
  const base = newCustomer('taobao', '小明', T0);
  const tabA = appendEvent(applyPatch(base, { note: 'A 的备注' }, T0 + 10 * MIN, noMask), makeEvent('note', T0 + 10 * MIN, 'a'));
  const tabB = appendEvent(
    appendEvent(applyPatch(base, { note: 'B 的备注', tags: ['老客'] }, T0 + 20 * MIN, noMask), makeEvent('issue', T0 + 15 * MIN, 'b')),
    orderSeenEvent('1001', T0 + 1),
  );

  it('takes the fields of the later edit and the union of both histories', () => {
    const m = mergeCustomer(tabA, tabB);
    expect(m.note).toBe('B 的备注');
    expect(m.tags).toEqual(['老客']);
    expect(m.history.map((e) => e.text)).toEqual(['1001', 'a', 'b']);
    expect(m.orderIds).toEqual(['1001']);
    expect(m.updatedAt).toBe(T0 + 20 * MIN);
    expect(m.segment).toBe('returning');
  });

  it('does not depend on the order of its arguments', () => {
    expect(mergeCustomer(tabA, tabB)).toEqual(mergeCustomer(tabB, tabA));
    const tie = { ...tabA, updatedAt: tabB.updatedAt };
    expect(mergeCustomer(tie, tabB)).toEqual(mergeCustomer(tabB, tie));
  });

  it('is idempotent: merging a record with itself or merging twice changes nothing', () => {
    expect(mergeCustomer(tabA, tabA)).toEqual(tabA);
    const once = mergeCustomer(tabA, tabB);
    expect(mergeCustomer(once, tabB)).toEqual(once);
    expect(mergeCustomers([once], [tabA, tabB])).toEqual([once]);
  });

  it('is associative for three versions', () => {
    const tabC = appendEvent(applyPatch(base, { preferences: '不要黑色' }, T0 + 5 * MIN, noMask), makeEvent('note', T0 + 30 * MIN, 'c'));
    expect(mergeCustomer(mergeCustomer(tabA, tabB), tabC)).toEqual(mergeCustomer(tabA, mergeCustomer(tabB, tabC)));
  });

  it('keeps customers only on one side and adds new ones by key', () => {
    const other = newCustomer('jd', '小红', T0);
    const out = mergeCustomers([tabA], [other, tabB]);
    expect(out.map((c) => c.key)).toEqual(['taobao:小明', 'jd:小红']);
    expect(out[0]?.note).toBe('B 的备注');
  });

  it('refuses to merge two different customers', () => {
    expect(() => mergeCustomer(tabA, newCustomer('jd', '小红', T0))).toThrow();
  });

  it('caps the merged history and adds the overflow to the dropped counter', () => {
    let a: Customer = base;
    let b: Customer = base;
    for (let i = 0; i < HISTORY_CAP; i++) {
      a = appendEvent(a, makeEvent('note', T0 + 2 * i, `a${i}`));
      b = appendEvent(b, makeEvent('note', T0 + 2 * i + 1, `b${i}`));
    }
    const m = mergeCustomer(a, b);
    expect(m.history).toHaveLength(HISTORY_CAP);
    expect(m.droppedEvents).toBe(HISTORY_CAP);
    expect(mergeCustomer(m, m)).toEqual(m);
  });
});

describe('matchesQuery', () => {
  const c = applyPatch(
    newCustomer('taobao', 'Lily小店主', T0),
    { tags: ['VIP', '怕冷'], note: '上次买的羽绒服偏大，换了S', preferences: '喜欢浅色' },
    T0,
    noMask,
  );
  it.each([
    ['lily', true],
    ['LILY', true],
    ['羽绒服', true],
    ['vip', true],
    ['#怕冷', true],
    ['#羽绒服', false],
    ['浅色 羽绒服', true],
    ['浅色 毛衣', false],
    ['', true],
    ['小王', false],
  ])('query %j matches: %s', (q, expected) => {
    expect(matchesQuery(c, q)).toBe(expected);
  });
});

describe('matchesQuery: what a buyer gives when they write in', () => {
  // Saved while the shop masks: the number is kept as 137****2468.
  const c = applyPatch(newCustomer('pdd', '晴天小雨', T0, 'u-2088'), { note: '回寄单上留的手机 13788882468' }, T0, mask);

  it('finds the buyer by the console id their row shows', () => {
    expect(c.note).toContain('137****2468');
    expect(matchesQuery(c, 'u-2088')).toBe(true);
    expect(matchesQuery(c, 'U-2088')).toBe(true);
    expect(matchesQuery(c, 'u-2089')).toBe(false);
  });

  it('finds them by their full phone number, matched as it is stored (masked)', () => {
    expect(matchesQuery(c, '13788882468')).toBe(true);
    expect(matchesQuery(c, '2468')).toBe(true);
    expect(matchesQuery(c, '137****2468')).toBe(true);
    // Another number with the same masked form is a different phone: still shown, as the masked record cannot tell.
    expect(matchesQuery(c, '13711112468')).toBe(true);
    expect(matchesQuery(c, '13788882469')).toBe(false);
  });

  it('matches a full number kept in clear (a shop that does not mask) as typed', () => {
    const clear = applyPatch(newCustomer('pdd', '晴天小雨', T0), { note: '手机 13788882468' }, T0, noMask);
    expect(matchesQuery(clear, '13788882468')).toBe(true);
    expect(matchesQuery(clear, '晴天 13788882468')).toBe(true);
  });
});

describe('notes saved from the buyer card (Alt+N: history events)', () => {
  const c = [
    makeEvent('note', T0 + MIN, '要开发票，抬头写公司'),
    makeEvent('template-used', T0 + 2 * MIN, '发货时间说明'),
    makeEvent('note', T0 + 3 * MIN, '改发顺丰'),
  ].reduce((acc, e) => appendEvent(acc, e, noMask), newCustomer('demo', '小鹿乱撞0521', T0));

  it('are found by search like the note field, every term anywhere in the notes', () => {
    expect(matchesQuery(c, '发票')).toBe(true);
    expect(matchesQuery(c, '顺丰 抬头')).toBe(true);
    expect(matchesQuery(c, '#发票')).toBe(false);
    // Other history (replies used) is not a note.
    expect(matchesQuery(c, '发货时间')).toBe(false);
  });

  it('are listed newest first', () => {
    expect(noteEvents(c).map((e) => e.text)).toEqual(['改发顺丰', '要开发票，抬头写公司']);
  });
});

describe('mergeCustomer, field by field (two machines)', () => {
  const base = applyPatch(newCustomer('taobao', '小明', T0), { note: '老客户' }, T0 + MIN, noMask);
  it('keeps each field from the machine that edited it last, so edits to different fields all survive', () => {
    const onA = applyPatch(base, { sizes: { heightCm: 165 }, note: '要M码' }, T0 + 5 * MIN, noMask);
    const onB = applyPatch(base, { preferences: '不要黑色', tags: ['回头客'] }, T0 + 9 * MIN, noMask);
    const merged = mergeCustomer(onA, onB);
    expect(merged).toMatchObject({ note: '要M码', preferences: '不要黑色', tags: ['回头客'], sizes: { heightCm: 165 } });
    expect(mergeCustomer(onB, onA)).toEqual(merged);
    expect(mergeCustomer(merged, onA)).toEqual(merged);
  });
  it('the same field edited on both machines takes the later edit', () => {
    const onA = applyPatch(base, { note: '先写的' }, T0 + 5 * MIN, noMask);
    const onB = applyPatch(base, { note: '后写的' }, T0 + 6 * MIN, noMask);
    expect(mergeCustomer(onA, onB).note).toBe('后写的');
    expect(mergeCustomer(onB, onA).note).toBe('后写的');
  });
});

describe('maskRecord: a team notice of replaced text', () => {
  it('masks the text the notice shows, like its field, and keeps its time', () => {
    const at = Date.UTC(2026, 11, 4, 3, 0);
    const c = { ...newCustomer('demo', '屋檐下的燕子', at), note: '下周再寄', replaced: { note: { text: '改寄 学院路12号5幢302室，电话 13987654321', at } } };
    const m = maskRecord(c);
    expect(m.replaced?.note?.at).toBe(at);
    expect(m.replaced?.note?.text).toContain('学院路**号*幢***室');
    expect(m.replaced?.note?.text).not.toContain('13987654321');
    expect(maskRecord(m)).toEqual(m);
  });
});
