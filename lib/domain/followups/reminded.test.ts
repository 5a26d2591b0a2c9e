import { describe, expect, it } from 'vitest';
import { followupsFromOrders } from './rules';
import { REMINDED_TTL_MS, ordersRule, isPaymentReminder, markReminded, remindedFacts, undoReminded, withReminder, withoutReminder } from './reminded';
import { DEFAULT_FOLLOWUP_SETTINGS as S, type Followup, type OrderInput } from './types';
import { snooze, todayView } from './view';
import { mergeFollowup } from '../../team/docs';
import { closedReasonText, sayFrom } from './text';
import { followups as messages } from '../../i18n/messages/followups';

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

  it('copied, not inserted: the item says so — 催过（已复制） in its note, closed 已催付（已复制） / Reminded to pay (reply copied) — and the same undo takes it back', () => {
    const [plain, noted] = items([row({ orderId: '4012000001' }), row({ orderId: '4012000002' })]);
    const at = bj(2026, 12, 7, 14, 5);
    const marked = markReminded([plain!, { ...noted!, note: '买家说晚点付' }], sunny, at, ZONE, true);
    expect(marked.map((f) => [f.status, f.note])).toEqual([
      ['done', '催过（已复制） 2026-12-07 14:05'],
      ['done', '买家说晚点付\n催过（已复制） 2026-12-07 14:05'],
    ]);
    // As the popup's row says why it closed, in either language; an insertion still says 已催付.
    expect(closedReasonText(marked[0]!.closedReason!, sayFrom(messages.zh))).toBe('已催付（已复制）');
    expect(closedReasonText(marked[0]!.closedReason!, sayFrom(messages.en))).toBe('Reminded to pay (reply copied)');
    expect(closedReasonText(markReminded([plain!], sunny, at, ZONE)[0]!.closedReason!, sayFrom(messages.en))).toBe('Reminded to pay');
    expect(todayView(marked, at + MIN, S).badgeCount).toBe(0);
    // 撤销 as for an insertion: open again, the note as before, the line remembered as taken back.
    const back = undoReminded(marked, sunny, at, at + MIN, ZONE);
    expect(back.map((f) => [f.status, f.note, f.closedReason, f.noteUndone])).toEqual([
      ['open', undefined, undefined, ['催过（已复制） 2026-12-07 14:05']],
      ['open', '买家说晚点付', undefined, ['催过（已复制） 2026-12-07 14:05']],
    ]);
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

describe('a 催付 reply inserted before the list made the buyer’s 拍下未付 item (remind once)', async () => {
  // The buyer ordered at 13:00 and asked something at 13:10; the agent answered with a reminder. The
  // list asks for the reminder from 13:30 (unpaidAfterMinutes = 30) and is read then.
  const remindedAt = bj(2026, 12, 7, 13, 10);
  const listRead = bj(2026, 12, 7, 13, 30);
  const kept = withReminder(undefined, sunny, remindedAt);
  /** The order list's rule as the worker runs it, the reminders kept read from a store holding `facts`. */
  const ruled = async (orders: OrderInput[], existing: Followup[], now: number, facts: unknown, platform: 'demo' | 'pdd' = 'demo') =>
    (await ordersRule(orders, platform, undefined, S, now, { get: async () => facts, update: async () => undefined }))(existing).upserts;
  const read = (orders: OrderInput[], facts: unknown = kept, now = listRead) => ruled(orders, [], now, facts);

  it('the item made at minute 30 is already done: 已催付, with the 催过 line of the reminder’s time, closed then; the badge does not ask', async () => {
    // Before: the same read made it open, due, and the popup asked to remind her again.
    expect((await read([row({ orderId: '4012000001' })], null)).map((f) => f.status)).toEqual(['open']);
    const [item] = (await read([row({ orderId: '4012000001' })]));
    expect(item).toMatchObject({ kind: 'unpaid', status: 'done', closedReason: '已催付', closedAt: remindedAt, note: '催过 2026-12-07 13:10' });
    expect(todayView([item!], listRead, S).badgeCount).toBe(0);
    // Read again later, still unpaid: it stays done.
    expect((await ruled([row({ orderId: '4012000001' })], [item!], listRead + 60 * MIN, kept))).toEqual([]);
  });

  it('a copied reminder kept for the list says so on the item the list makes later: 催过（已复制）, 已催付（已复制）', async () => {
    const copied = withReminder(undefined, sunny, remindedAt, true);
    const [item] = await read([row({ orderId: '4012000001' })], copied);
    expect(item).toMatchObject({ status: 'done', closedReason: '已催付（已复制）', closedAt: remindedAt, note: '催过（已复制） 2026-12-07 13:10' });
    expect(undoReminded([item!], sunny, remindedAt, listRead + MIN, ZONE)).toMatchObject([{ status: 'open' }]);
  });

  it('the undo of that reminder takes the fact back, and gives back an item it made done', async () => {
    const [item] = (await read([row({ orderId: '4012000001' })]));
    const [back] = undoReminded([item!], sunny, remindedAt, listRead + MIN, ZONE);
    expect(back).toMatchObject({ status: 'open', reopenedAt: listRead + MIN });
    expect(back!.note).toBeUndefined();
    // Undone before the list read: the item is made open.
    const none = withoutReminder(kept, sunny, remindedAt, listRead);
    expect(none.list).toEqual([]);
    expect((await read([row({ orderId: '4012000001' })], none)).map((f) => f.status)).toEqual(['open']);
    // Another buyer's undo, or another time's, takes nothing.
    expect(withoutReminder(kept, { ...sunny, buyerId: 'u-2' }, remindedAt, listRead).list).toHaveLength(1);
    expect(withoutReminder(kept, sunny, remindedAt + 1, listRead).list).toHaveLength(1);
  });

  it('counts only for orders that buyer placed before it: a later order, a namesake behind the masked name, another console, a page with no order time', async () => {
    const orders = [
      row({ orderId: '4012000001' }),
      row({ orderId: '4012000002', createdAt: bj(2026, 12, 7, 13, 20) }),
      row({ orderId: '4012000003', buyerId: 'u-2' }),
      row({ orderId: '4012000004', buyerId: undefined }),
      row({ orderId: '4012000006', createdAt: undefined }),
    ];
    const made = await read(orders, kept, bj(2026, 12, 7, 14, 0));
    expect(made.map((f) => [f.orderId, f.status])).toEqual([
      ['4012000001', 'done'],
      ['4012000002', 'open'],
      ['4012000003', 'open'],
      ['4012000004', 'open'],
      ['4012000006', 'open'],
    ]);
    // The same buyer on another console's list.
    expect((await ruled([row({ orderId: '4012000005' })], [], bj(2026, 12, 7, 14, 0), kept, 'pdd')).map((f) => f.status)).toEqual(['open']);
    // An unmasked name without ids on either side is one buyer, as markReminded has it.
    const lily = { buyer: 'lily_0521', buyerId: null, platform: 'demo' as const };
    expect((await read([row({ orderId: '4012000007', buyer: 'lily_0521', buyerId: undefined })], withReminder(undefined, lily, remindedAt))).map((f) => f.status)).toEqual(['done']);
  });

  it('expires: a reminder more than a day old counts for nothing (last week’s says nothing about this order)', async () => {
    const old = withReminder(undefined, sunny, bj(2026, 12, 1, 13, 10));
    expect((await read([row({ orderId: '4012000001', createdAt: bj(2026, 11, 30, 9, 0) })], old)).map((f) => f.status)).toEqual(['open']);
    expect(remindedFacts(kept, remindedAt + REMINDED_TTL_MS - 1)).toHaveLength(1);
    expect(remindedFacts(kept, remindedAt + REMINDED_TTL_MS)).toEqual([]);
    // A new reminder drops the expired ones it finds.
    expect(withReminder(old, sunny, remindedAt).list.map((x) => x.at)).toEqual([remindedAt]);
    // Only whom and when are kept.
    expect(kept.list).toEqual([{ platform: 'demo', buyer: 'S*******n', buyerId: 'u-1', at: remindedAt }]);
    expect(remindedFacts({ list: [null, 'x', { at: 'soon' }] }, remindedAt)).toEqual([]);
  });

  it('never touches an item already on the list: one the agent reopened after the reminder stays open', async () => {
    const [open] = items([row({ orderId: '4012000001' })], bj(2026, 12, 7, 13, 30));
    const reopened: Followup = { ...open!, reopenedAt: bj(2026, 12, 7, 13, 40) };
    expect((await ruled([row({ orderId: '4012000001' })], [reopened], bj(2026, 12, 7, 13, 50), kept)).every((f) => f.status !== 'done')).toBe(true);
  });
});
