import { describe, expect, it } from 'vitest';
import { followupsFromOrders } from './rules';
import { isPaymentReminder, markReminded, undoReminded } from './reminded';
import { DEFAULT_FOLLOWUP_SETTINGS as S, type Followup, type OrderInput } from './types';
import { snooze, todayView } from './view';
import { mergeFollowup } from '../../team/docs';

const bj = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);
const MIN = 60_000;
const ZONE = 480;
const created = bj(2026, 12, 7, 13, 0);
const row = (o: Partial<OrderInput> & { orderId: string }): OrderInput => ({ buyer: 'S*******n', buyerId: 'u-1', status: 'unpaid', createdAt: created, flag: 'gray', remark: '', platform: 'demo', ...o });
const items = (orders: OrderInput[], now = bj(2026, 12, 7, 14, 0)): Followup[] => followupsFromOrders(orders, [], S, now).upserts;
const sunny = { buyer: 'S*******n', buyerId: 'u-1', platform: 'demo' as const };

describe('a 催付 reply inserted in the buyer’s chat (拍下未付)', () => {
  it('is a reply whose main situation is 付款; a thank-you for a payment that lists 付款 after others is not', () => {
    expect(isPaymentReminder({ scenarios: ['payment'] })).toBe(true);
    expect(isPaymentReminder({ scenarios: ['payment', 'stock'] })).toBe(true);
    expect(isPaymentReminder({ scenarios: ['shipping-time', 'thanks', 'payment'] })).toBe(false);
    expect(isPaymentReminder(null)).toBe(false);
  });

  it('marks the buyer’s open unpaid orders reminded: done, 已催付, and 催过 with the shop time in the note; the list no longer asks to remind', () => {
    const list = items([row({ orderId: '4012000001' }), row({ orderId: '4012000002' })]);
    const at = bj(2026, 12, 7, 14, 5);
    const marked = markReminded(list, sunny, at, ZONE);
    expect(marked.map((f) => [f.orderId, f.status, f.closedReason, f.note, f.closedAt])).toEqual([
      ['4012000001', 'done', '已催付', '催过 2026-12-07 14:05', at],
      ['4012000002', 'done', '已催付', '催过 2026-12-07 14:05', at],
    ]);
    expect(todayView(marked, at + MIN, S).badgeCount).toBe(0);
    // The next read of the order list (still unpaid) does not bring the reminder back.
    expect(followupsFromOrders([row({ orderId: '4012000001' })], marked, S, at + 30 * MIN).upserts).toEqual([]);
  });

  it('never touches a namesake’s items: another id behind the same masked name, or the same name on another console', () => {
    const list = [...items([row({ orderId: '4012000001' })]), ...items([row({ orderId: '4012000003', buyerId: 'u-2' })]), ...items([row({ orderId: '4012000004', platform: 'pdd' })])];
    expect(markReminded(list, sunny, bj(2026, 12, 7, 14, 5), ZONE).map((f) => f.orderId)).toEqual(['4012000001']);
    expect(markReminded(list, { ...sunny, buyerId: null }, bj(2026, 12, 7, 14, 5), ZONE)).toEqual([]);
  });

  it('undo gives back exactly what the mark changed: the status (a snooze still to come), the note without the line; a later mark is not undone by an earlier undo', () => {
    const [plain, later] = items([row({ orderId: '4012000001' }), row({ orderId: '4012000002' })]);
    const snoozed = { ...snooze(later!, bj(2026, 12, 7, 15, 0), S), note: '买家说晚点付' };
    const at = bj(2026, 12, 7, 14, 5);
    const marked = markReminded([plain!, snoozed], sunny, at, ZONE);
    expect(marked[1]!.note).toBe('买家说晚点付\n催过 2026-12-07 14:05');
    const now = at + MIN;
    const back = undoReminded(marked, sunny, at, now, ZONE);
    expect(back.map((f) => [f.status, f.note, f.snoozedUntil, f.closedAt, f.closedReason, f.reopenedAt])).toEqual([
      ['open', undefined, undefined, undefined, undefined, now],
      ['snoozed', '买家说晚点付', bj(2026, 12, 7, 15, 0), undefined, undefined, now],
    ]);
    expect(undoReminded(marked, sunny, at + 1, now, ZONE)).toEqual([]);
    expect(undoReminded(marked, { ...sunny, buyerId: 'u-2' }, at, now, ZONE)).toEqual([]);
  });

  it('in team mode: a colleague’s snooze or note made meanwhile does not undo the mark; the agent’s undo later wins over that close', () => {
    const [item] = items([row({ orderId: '4012000001' })]);
    const at = bj(2026, 12, 7, 14, 5);
    const [marked] = markReminded([item!], sunny, at, ZONE);
    const colleague = { ...snooze(item!, bj(2026, 12, 7, 15, 0), S), note: '电话未接' };
    const merged = mergeFollowup(marked!, colleague);
    expect(merged).toMatchObject({ status: 'done', closedReason: '已催付' });
    expect(merged.note!.split('\n').sort()).toEqual(['催过 2026-12-07 14:05', '电话未接'].sort());
    const [undone] = undoReminded([marked!], sunny, at, at + MIN, ZONE);
    expect(mergeFollowup(undone!, marked!).status).toBe('open');
  });

  it('in team mode: the undone 催过 line does not come back from a colleague’s copy made before the undo reached it; the colleague’s own line stays', () => {
    const [item] = items([row({ orderId: '4012000001' })]);
    const at = bj(2026, 12, 7, 14, 5);
    const [marked] = markReminded([item!], sunny, at, ZONE);
    // The colleague had the close (with the line) and wrote to the item since: a note of theirs, or only the merge of their snooze.
    const colleague = { ...marked!, note: `${marked!.note}\n电话未接` };
    const [undone] = undoReminded([marked!], sunny, at, at + MIN, ZONE);
    expect(undone!.note).toBeUndefined();
    for (const there of [marked!, colleague]) {
      const m = mergeFollowup(undone!, there);
      expect(m.status).toBe('open');
      expect(m.note ?? '').not.toContain('催过');
      expect(mergeFollowup(there, undone!)).toEqual(m);
      // Merging again, with either copy, changes nothing.
      expect(mergeFollowup(m, there)).toEqual(m);
      expect(mergeFollowup(m, undone!)).toEqual(m);
    }
    expect(mergeFollowup(undone!, colleague).note).toBe('电话未接');
  });

  it('in team mode: the same minute’s reminder sent again after the undo keeps its line against every older copy', () => {
    const [item] = items([row({ orderId: '4012000001' })]);
    const at = bj(2026, 12, 7, 14, 5);
    const [marked] = markReminded([item!], sunny, at, ZONE);
    const [undone] = undoReminded([marked!], sunny, at, at + 10_000, ZONE);
    const [again] = markReminded([undone!], sunny, at + 20_000, ZONE);
    expect(again!.note).toBe('催过 2026-12-07 14:05');
    for (const older of [marked!, undone!]) {
      const m = mergeFollowup(again!, older);
      expect(m).toMatchObject({ status: 'done', closedAt: at + 20_000, note: '催过 2026-12-07 14:05' });
      expect(mergeFollowup(older, again!)).toEqual(m);
    }
  });
});
