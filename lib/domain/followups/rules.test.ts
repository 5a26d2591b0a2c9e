import { describe, expect, it } from 'vitest';
import { applyPatch, appendEvent, makeEvent, newCustomer } from '../customers/customer';
import {
  followupsFromCustomers,
  followupsFromOrders,
  followupsFromRemarkFacts,
  handoverFollowup,
  isNight,
  manualFollowup,
  markHandover,
  panelFollowup,
  unpaidDue,
  DELAY_RECHECK_DAYS,
  SAME_DAY_LEAD_MINUTES,
} from './rules';
import { DEFAULT_FOLLOWUP_SETTINGS as S, type Followup, type OrderInput, type RemarkFact } from './types';
import { applyRuleResult, complete, snooze, suggestedSnooze, todayView } from './view';
import { assignFollowup, handoverItems, handoverTarget } from './handover';
import { snoozeOptions } from './snooze';
import { isoDay } from '../time';
import { anonymised } from '../customers/forget';

/** Beijing wall time → epoch ms (shop time is UTC+8 by default). */
const bj = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);
const MIN = 60_000;
const HOUR = 60 * MIN;

const order = (o: Partial<OrderInput> & { orderId: string }): OrderInput => ({
  buyer: '小明',
  status: 'unpaid',
  flag: 'gray',
  remark: '',
  ...o,
});

/** Runs a rule, applies its result, returns the new list (what storage does in one transaction). */
function run(items: Followup[], result: { upserts: Followup[]; closes: { id: string; reason: string }[] }, now: number): Followup[] {
  return applyRuleResult(items, result, now);
}

describe('unpaid (拍下未付)', () => {
  const created = bj(2026, 3, 10, 10, 0);

  it('is not listed until the order has waited 30 minutes', () => {
    expect(followupsFromOrders([order({ orderId: '1001', createdAt: created })], [], S, created + 29 * MIN).upserts).toEqual([]);
    const { upserts } = followupsFromOrders([order({ orderId: '1001', createdAt: created })], [], S, created + 30 * MIN);
    expect(upserts).toHaveLength(1);
    expect(upserts[0]).toMatchObject({
      id: 'unpaid:1001',
      kind: 'unpaid',
      title: '拍下未付：小明',
      buyer: '小明',
      orderId: '1001',
      status: 'open',
      source: 'order',
      suggestScenario: 'payment',
      createdAt: created + 30 * MIN,
    });
    expect(upserts[0]!.reason).toBe('拍下超过 30 分钟未付款，16:00 截单前催付');
  });

  it('is due at 15:30, half an hour before the 16:00 cut-off, on the day it was ordered', () => {
    expect(unpaidDue(created, S)).toEqual({ dueAt: bj(2026, 3, 10, 15, 30), nextDay: false });
  });

  it('is due at the cut-off itself when the order only becomes overdue between 15:30 and 16:00', () => {
    expect(unpaidDue(bj(2026, 3, 10, 15, 10), S).dueAt).toBe(bj(2026, 3, 10, 16, 0));
  });

  it('is due the next day at 15:30 when ordered after the cut-off, and says so with dates that stay true days later', () => {
    const late = bj(2026, 3, 10, 16, 20);
    expect(unpaidDue(late, S)).toEqual({ dueAt: bj(2026, 3, 11, 15, 30), nextDay: true });
    const { upserts } = followupsFromOrders([order({ orderId: '1002', createdAt: late })], [], S, late + HOUR);
    // Not 今天已过…明天截单前: the item is still read on the 12th, when neither is true.
    expect(upserts[0]!.reason).toBe('拍下超过 30 分钟未付款，已过 2026-03-10 16:00 截单，2026-03-11 15:30 前催付');
    expect(upserts[0]!.why).toEqual({
      key: 'followups.reason.unpaidLate',
      params: { minutes: 30, cutoff: '16:00', missed: '2026-03-10', due: '2026-03-11 15:30' },
    });
  });


  describe('snoozed (推迟) around the 16:00 cut-off', () => {
    const page = [order({ orderId: '1001', createdAt: created })];
    const [item] = followupsFromOrders(page, [], S, created + HOUR).upserts;
    const snoozeAt = (now: number) => snooze(item!, suggestedSnooze(item!, now, S), S);

    it('after the cut-off, it comes back the next morning, due before the next cut-off, and no longer promises today', () => {
      const now = bj(2026, 3, 10, 17, 42);
      const later = snoozeAt(now);
      expect(later).toMatchObject({
        status: 'snoozed',
        snoozedUntil: bj(2026, 3, 11, 8, 0),
        dueAt: bj(2026, 3, 11, 15, 30),
        reason: '拍下超过 30 分钟未付款，已过 2026-03-10 16:00 截单，2026-03-11 15:30 前催付',
      });
      // The order list read again while it sleeps changes nothing: not today's 15:30, not "16:00 截单前".
      expect(followupsFromOrders(page, [later], S, now + 10 * MIN).upserts).toEqual([]);
      // Back the next morning under today, due 15:30.
      const morning = todayView([later], bj(2026, 3, 11, 8, 0), S);
      expect(morning.today.map((f) => f.dueAt)).toEqual([bj(2026, 3, 11, 15, 30)]);
    });

    it('in the last half hour before the cut-off (15:30–16:00) it goes to the next cut-off too', () => {
      expect(snoozeAt(bj(2026, 3, 10, 15, 40))).toMatchObject({ snoozedUntil: bj(2026, 3, 11, 8, 0), dueAt: bj(2026, 3, 11, 15, 30) });
    });

    it('before the cut-off, it comes back the same afternoon and still reads "16:00 截单前催付"', () => {
      expect(snoozeAt(bj(2026, 3, 10, 11, 0))).toMatchObject({ snoozedUntil: bj(2026, 3, 10, 12, 0), dueAt: bj(2026, 3, 10, 15, 30), reason: item!.reason });
      expect(snoozeAt(bj(2026, 3, 10, 15, 10))).toMatchObject({ snoozedUntil: bj(2026, 3, 10, 15, 30), dueAt: bj(2026, 3, 10, 15, 30), reason: item!.reason });
      expect(item!.reason).toBe('拍下超过 30 分钟未付款，16:00 截单前催付');
    });

    it('to a time the agent chose between 15:30 and the cut-off, it comes back then, still promising today', () => {
      // Minutes were left to pay for today's shipping: at 16:00 there were none (it used to come back at the cut-off).
      const later = snooze(item!, bj(2026, 3, 10, 15, 45), S);
      expect(later).toMatchObject({ status: 'snoozed', snoozedUntil: bj(2026, 3, 10, 15, 45), dueAt: bj(2026, 3, 10, 15, 45), reason: item!.reason });
      // The order list read again while it sleeps keeps that time.
      expect(unpaidDue(created, S, bj(2026, 3, 10, 15, 45), created + HOUR)).toEqual({ dueAt: bj(2026, 3, 10, 15, 45), nextDay: false });
      expect(followupsFromOrders(page, [later], S, bj(2026, 3, 10, 15, 35)).upserts).toEqual([]);
      // Back at 15:45 under today, due then.
      expect(todayView([later], bj(2026, 3, 10, 15, 45), S).today.map((f) => f.dueAt)).toEqual([bj(2026, 3, 10, 15, 45)]);
    });

    it('to the cut-off or past it, it goes to the next shipping day\'s 15:30, naming the cut-off it missed', () => {
      for (const until of [bj(2026, 3, 10, 16, 0), bj(2026, 3, 10, 16, 10)]) {
        expect(snooze(item!, until, S)).toMatchObject({
          dueAt: bj(2026, 3, 11, 15, 30),
          reason: '拍下超过 30 分钟未付款，已过 2026-03-10 16:00 截单，2026-03-11 15:30 前催付',
        });
      }
      // On a day the shop does not ship (Saturday 2026-03-14) 15:45 has no cut-off to pay before: Monday's 15:30.
      const weekend = { ...S, noShip: { weekdays: [0, 6], dates: [] } };
      expect(snooze(item!, bj(2026, 3, 14, 15, 45), weekend).dueAt).toBe(bj(2026, 3, 16, 15, 30));
    });

    it('any other kind keeps its due time and reason', () => {
      const promised = panelFollowup('promised-answer', '小明', created, S);
      const later = snooze(promised, bj(2026, 3, 12, 8, 0), S);
      expect(later).toEqual({ ...promised, status: 'snoozed', snoozedUntil: bj(2026, 3, 12, 8, 0) });
    });
  });

  it('across midnight: ordered at 23:50 it becomes overdue at 00:20 and is due at 15:30 that day', () => {
    expect(unpaidDue(bj(2026, 3, 10, 23, 50), S).dueAt).toBe(bj(2026, 3, 11, 15, 30));
  });

  it('follows a shop\'s own cut-off, waiting time and margin', () => {
    const own = { ...S, cutoff: '15:00', unpaidAfterMinutes: 60, notifyBeforeCutoffMinutes: 60 };
    expect(unpaidDue(bj(2026, 3, 10, 9, 0), own).dueAt).toBe(bj(2026, 3, 10, 14, 0));
    expect(followupsFromOrders([order({ orderId: '1', createdAt: created })], [], own, created + 59 * MIN).upserts).toEqual([]);
  });

  it('closes itself when the page later shows the order paid, shipped or closed', () => {
    const items = run([], followupsFromOrders([order({ orderId: '1001', createdAt: created })], [], S, created + HOUR), created + HOUR);
    expect(followupsFromOrders([order({ orderId: '1001', createdAt: created, status: 'paid' })], items, S, created + 2 * HOUR)).toEqual({
      upserts: [],
      closes: [{ id: 'unpaid:1001', reason: '买家已付款' }],
    });
    expect(followupsFromOrders([order({ orderId: '1001', status: 'closed' })], items, S, created + 2 * HOUR).closes).toEqual([
      { id: 'unpaid:1001', reason: '订单已关闭' },
    ]);
    const closed = run(items, followupsFromOrders([order({ orderId: '1001', status: 'shipped' })], items, S, created + 3 * HOUR), created + 3 * HOUR);
    expect(closed[0]).toMatchObject({ status: 'done', closedReason: '已发货', closedAt: created + 3 * HOUR });
  });

  it('an order whose status the page did not let us read makes nothing and closes nothing', () => {
    const items = run([], followupsFromOrders([order({ orderId: '1001', createdAt: created })], [], S, created + HOUR), created + HOUR);
    expect(items.map((f) => f.id)).toEqual(['unpaid:1001']);
    expect(followupsFromOrders([order({ orderId: '1001', createdAt: created, status: 'unknown' })], items, S, created + 2 * HOUR)).toEqual({ upserts: [], closes: [] });
    // Nor, days later, a shipping delay for a status that may never have been paid.
    expect(followupsFromOrders([order({ orderId: '3003', createdAt: created, status: 'unknown' })], [], S, created + 3 * 24 * HOUR)).toEqual({ upserts: [], closes: [] });
  });

  it('stays open when the order is simply not on the page being read (paged or filtered list)', () => {
    const items = run([], followupsFromOrders([order({ orderId: '1001', createdAt: created })], [], S, created + HOUR), created + HOUR);
    expect(followupsFromOrders([order({ orderId: '2002', status: 'paid' })], items, S, created + 2 * HOUR).closes).toEqual([]);
  });

  it('reading the same page again changes nothing', () => {
    const page = [order({ orderId: '1001', createdAt: created })];
    const items = run([], followupsFromOrders(page, [], S, created + HOUR), created + HOUR);
    expect(followupsFromOrders(page, items, S, created + 2 * HOUR)).toEqual({ upserts: [], closes: [] });
  });

  it('does not bring back an item the agent marked done while the order is still unpaid', () => {
    const page = [order({ orderId: '1001', createdAt: created })];
    const items = run([], followupsFromOrders(page, [], S, created + HOUR), created + HOUR).map((f) => complete(f, created + HOUR, '已催'));
    expect(followupsFromOrders(page, items, S, created + 3 * HOUR)).toEqual({ upserts: [], closes: [] });
  });

  it('keeps the agent\'s snooze and note when the buyer\'s name on the page changes', () => {
    const items = run([], followupsFromOrders([order({ orderId: '1001', createdAt: created })], [], S, created + HOUR), created + HOUR)
      .map((f) => ({ ...snooze(f, created + 2 * HOUR), note: '说下午付' }));
    const { upserts } = followupsFromOrders([order({ orderId: '1001', createdAt: created, buyer: '小明明' })], items, S, created + HOUR + MIN);
    expect(upserts[0]).toMatchObject({ buyer: '小明明', title: '拍下未付：小明明', status: 'snoozed', note: '说下午付', snoozedUntil: created + 2 * HOUR });
  });

  it('counts an order without a time on the page from when it was first seen, and keeps that due time', () => {
    const first = bj(2026, 3, 10, 11, 0);
    const items = run([], followupsFromOrders([order({ orderId: '1003' })], [], S, first), first);
    expect(items[0]).toMatchObject({ createdAt: first, dueAt: bj(2026, 3, 10, 15, 30) });
    expect(followupsFromOrders([order({ orderId: '1003' })], items, S, bj(2026, 3, 10, 17, 0)).upserts).toEqual([]);
  });

  it('lists one item when a page shows the same order twice', () => {
    const page = [order({ orderId: '1001', createdAt: created }), order({ orderId: '1001', createdAt: created })];
    expect(followupsFromOrders(page, [], S, created + HOUR).upserts).toHaveLength(1);
  });

  describe('first read after the cut-off (QA pass X: listed 2 h overdue for a cut-off gone before it was made)', () => {
    // Monday 2026-12-07, ordered 13:00: its reminder was 15:30, but the extension first reads the order list at 17:00.
    const page = [order({ orderId: '1004', createdAt: bj(2026, 12, 7, 13, 0) })];
    const first = bj(2026, 12, 7, 17, 0);

    it('is due before the next cut-off and says the missed one; read again the next morning it is due that day, never overdue', () => {
      const items = run([], followupsFromOrders(page, [], S, first), first);
      expect(items[0]).toMatchObject({
        createdAt: first,
        dueAt: bj(2026, 12, 8, 15, 30),
        reason: '拍下超过 30 分钟未付款，已过 2026-12-07 16:00 截单，2026-12-08 15:30 前催付',
      });
      expect(todayView(items, first + MIN, S).overdue).toEqual([]);
      // The next morning the list is read again: the same item, due at that day's reminder time, under 今天.
      const morning = bj(2026, 12, 8, 10, 0);
      expect(followupsFromOrders(page, items, S, morning)).toEqual({ upserts: [], closes: [] });
      const view = todayView(items, morning, S);
      expect([view.overdue.length, view.today.map((f) => f.dueAt)]).toEqual([0, [bj(2026, 12, 8, 15, 30)]]);
    });

    it('skips the days the shop does not ship: read on Friday evening, due before Monday\'s cut-off', () => {
      const weekend = { ...S, noShip: { weekdays: [0, 6], dates: [] } };
      const friday = [order({ orderId: '1005', createdAt: bj(2026, 12, 11, 11, 0) })];
      const [item] = followupsFromOrders(friday, [], weekend, bj(2026, 12, 11, 18, 0)).upserts;
      expect(item).toMatchObject({ dueAt: bj(2026, 12, 14, 15, 30), reason: '拍下超过 30 分钟未付款，已过 2026-12-11 16:00 截单，2026-12-14 15:30 前催付' });
    });

    it('first read between 15:30 and the cut-off is due at the cut-off, still promising today', () => {
      const [item] = followupsFromOrders(page, [], S, bj(2026, 12, 7, 15, 40)).upserts;
      expect(item).toMatchObject({ dueAt: bj(2026, 12, 7, 16, 0), reason: '拍下超过 30 分钟未付款，16:00 截单前催付' });
    });

    it('an item an earlier version made due before it existed gets the next cut-off at the next read', () => {
      const [made] = followupsFromOrders(page, [], S, first).upserts;
      const old: Followup = { ...made!, dueAt: bj(2026, 12, 7, 15, 30), reason: '拍下超过 30 分钟未付款，16:00 截单前催付', why: { key: 'followups.reason.unpaid', params: { minutes: 30, cutoff: '16:00' } } };
      const [fixed] = followupsFromOrders(page, [old], S, bj(2026, 12, 8, 9, 0)).upserts;
      expect(fixed).toMatchObject({ createdAt: first, dueAt: bj(2026, 12, 8, 15, 30) });
    });
  });
});

describe('delay (延迟发货) from the order list: not shipped by the day the cut-off promised', () => {
  // domain.md: ordered before the 16:00 cut-off ships that day, after it the next day (shop time).
  const paid = bj(2026, 3, 9, 10, 0);
  const page = [order({ orderId: '2001', status: 'paid', createdAt: paid })];

  it('is not listed while the promised ship day lasts', () => {
    expect(followupsFromOrders(page, [], S, bj(2026, 3, 9, 23, 59)).upserts).toEqual([]);
  });

  it('appears once the promised day is over, due at the next day-shift start, saying which day was promised', () => {
    const { upserts } = followupsFromOrders(page, [], S, bj(2026, 3, 10, 0, 0));
    expect(upserts[0]).toMatchObject({
      id: 'delay:2001',
      kind: 'delay',
      dueAt: bj(2026, 3, 10, 8, 0),
      suggestScenario: 'delay',
      reason: '2026-03-09 10:00 下单，按 16:00 截单应在 2026-03-09 发出，至今未发货：告知买家并提供换款或退款',
    });
  });

  it('gives an order placed after the cut-off until the end of the next day', () => {
    const late = [order({ orderId: '2002', status: 'paid', createdAt: bj(2026, 3, 9, 16, 30) })];
    expect(followupsFromOrders(late, [], S, bj(2026, 3, 10, 23, 0)).upserts).toEqual([]);
    const { upserts } = followupsFromOrders(late, [], S, bj(2026, 3, 11, 0, 5));
    expect(upserts[0]).toMatchObject({ dueAt: bj(2026, 3, 11, 8, 0) });
    expect(upserts[0]?.reason).toContain('应在 2026-03-10 发出');
  });

  it('follows the shop\'s own cut-off and counts the day in shop time on a computer elsewhere', () => {
    // 17:00 cut-off: an order placed at 16:30 Beijing ships that day, even where the computer's clock says 00:30 UTC.
    const s17 = { ...S, cutoff: '17:00' };
    const early = [order({ orderId: '2003', status: 'paid', createdAt: bj(2026, 3, 9, 16, 30) })];
    expect(followupsFromOrders(early, [], s17, bj(2026, 3, 10, 0, 1)).upserts[0]).toMatchObject({ dueAt: bj(2026, 3, 10, 8, 0) });
  });

  it('closes itself once the page shows the order shipped, or the buyer asks for a refund', () => {
    const items = run([], followupsFromOrders(page, [], S, paid + 48 * HOUR), paid + 48 * HOUR);
    expect(items).toHaveLength(1);
    expect(followupsFromOrders([order({ orderId: '2001', status: 'shipped' })], items, S, paid + 50 * HOUR).closes).toEqual([
      { id: 'delay:2001', reason: '已发货' },
    ]);
    expect(followupsFromOrders([order({ orderId: '2001', status: 'refunding' })], items, S, paid + 50 * HOUR).closes).toEqual([
      { id: 'delay:2001', reason: '买家已申请退款' },
    ]);
  });

  describe('marked done while the order is still not shipped (QA pass X: it left the list for good)', () => {
    const doneAt = bj(2026, 3, 10, 10, 0);
    const told = () => run([], followupsFromOrders(page, [], S, bj(2026, 3, 10, 0, 0)), bj(2026, 3, 10, 0, 0)).map((f) => ({ ...complete(f, doneAt, '已告知买家'), note: '买家同意再等等' }));

    it(`comes back ${DELAY_RECHECK_DAYS} days after it was done, due at the start of that day shift, with its note, as long as the list shows it unshipped`, () => {
      const items = told();
      expect(followupsFromOrders(page, items, S, bj(2026, 3, 12, 23, 59)).upserts).toEqual([]);
      const back = run(items, followupsFromOrders(page, items, S, bj(2026, 3, 13, 0, 30)), bj(2026, 3, 13, 0, 30));
      expect(back[0]).toMatchObject({ id: 'delay:2001', status: 'open', dueAt: bj(2026, 3, 13, 8, 0), note: '买家同意再等等' });
      expect(back[0]).not.toHaveProperty('closedAt');
      expect(back[0]!.reason).toBe('2026-03-10 已跟进，订单仍未发货：再次告知买家进度，提供换款或退款（未发货期间每 3 天查看一次）');
      // Read again: unchanged. Done again: the next check three days after that.
      expect(followupsFromOrders(page, back, S, bj(2026, 3, 13, 9, 0))).toEqual({ upserts: [], closes: [] });
      const again = back.map((f) => complete(f, bj(2026, 3, 13, 9, 30)));
      expect(followupsFromOrders(page, again, S, bj(2026, 3, 15, 12, 0)).upserts).toEqual([]);
      expect(followupsFromOrders(page, again, S, bj(2026, 3, 16, 7, 0)).upserts[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 3, 16, 8, 0) });
    });

    it('推迟 offers first the day 已完成 would bring it back: one rhythm of checks, however the agent puts it off', () => {
      const [item] = run([], followupsFromOrders(page, [], S, bj(2026, 3, 10, 0, 0)), bj(2026, 3, 10, 0, 0));
      // The first morning the list brings the item back after it was marked done at doneAt.
      const done = [complete(item!, doneAt)];
      let back = 0;
      for (let d = 1; d <= 14 && !back; d++) if (followupsFromOrders(page, done, S, bj(2026, 3, 10 + d, 7, 0)).upserts.length) back = d;
      expect(back).toBeGreaterThan(0);
      const [first] = snoozeOptions(item!, doneAt, S);
      expect(first).toMatchObject({ key: 'followups.action.snoozeRecheck', params: { days: back } });
      expect(isoDay(first!.until, S.utcOffsetMinutes)).toBe(isoDay(bj(2026, 3, 10 + back, 12, 0), S.utcOffsetMinutes));
    });

    it('found later that day, is due by the end of the day shift, not overdue for the morning it missed', () => {
      const [back] = followupsFromOrders(page, told(), S, bj(2026, 3, 13, 14, 0)).upserts;
      expect(back).toMatchObject({ status: 'open', dueAt: bj(2026, 3, 13, 20, 0) });
    });

    it('stops once the order ships, is refunded or closed', () => {
      for (const status of ['shipped', 'refunding', 'closed', 'completed'] as const) {
        expect(followupsFromOrders([order({ orderId: '2001', status })], told(), S, bj(2026, 3, 20, 9, 0)), status).toEqual({ upserts: [], closes: [] });
      }
      // Open again and then shipped: the page closes it, and nothing comes back.
      const back = run(told(), followupsFromOrders(page, told(), S, bj(2026, 3, 13, 9, 0)), bj(2026, 3, 13, 9, 0));
      const shipped = run(back, followupsFromOrders([order({ orderId: '2001', status: 'shipped' })], back, S, bj(2026, 3, 14, 9, 0)), bj(2026, 3, 14, 9, 0));
      expect(shipped[0]).toMatchObject({ status: 'done', closedReason: '已发货' });
      expect(followupsFromOrders([order({ orderId: '2001', status: 'shipped' })], shipped, S, bj(2026, 3, 25, 9, 0)).upserts).toEqual([]);
    });

    it('a purple remark\'s promise done before its day comes back on that day, as the promise; done on it, three days after, and a re-read remark brings nothing back', () => {
      // Two days out: no check before it, due on the date.
      const fact: RemarkFact = { kind: 'ship-promised', orderId: '2001', buyer: '小明', date: '2026-03-12' };
      const items = run([], followupsFromRemarkFacts([fact], [], S, doneAt), doneAt).map((f) => complete(f, doneAt + HOUR));
      expect(items[0]).toMatchObject({ status: 'done', dueAt: bj(2026, 3, 12, 15, 30) });
      // It used to stay away until the 15th, three days after the promise it had to keep.
      expect(followupsFromOrders(page, items, S, bj(2026, 3, 11, 23, 59)).upserts).toEqual([]);
      const back = run(items, followupsFromOrders(page, items, S, bj(2026, 3, 12, 7, 0)), bj(2026, 3, 12, 7, 0));
      expect(back[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 3, 12, 15, 30), source: 'remark', reason: '备注承诺 2026-03-12 发货，当天确认发出并告知买家' });
      expect(followupsFromRemarkFacts([fact], back, S, bj(2026, 3, 12, 9, 0)).upserts).toEqual([]);
      // Done on the promised day: checked again three days after the close (as for any delay).
      const redone = back.map((f) => complete(f, bj(2026, 3, 12, 16, 0)));
      expect(followupsFromRemarkFacts([fact], redone, S, bj(2026, 3, 12, 17, 0)).upserts).toEqual([]);
      expect(followupsFromOrders(page, redone, S, bj(2026, 3, 14, 23, 59)).upserts).toEqual([]);
      const again = run(redone, followupsFromOrders(page, redone, S, bj(2026, 3, 15, 7, 0)), bj(2026, 3, 15, 7, 0));
      expect(again[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 3, 15, 8, 0), why: { key: 'followups.reason.delayRecheck' } });
      expect(followupsFromRemarkFacts([fact], again, S, bj(2026, 3, 15, 9, 0)).upserts).toEqual([]);
      // A new promise still replaces it.
      const moved = followupsFromRemarkFacts([{ ...fact, date: '2026-03-17' }], redone, S, bj(2026, 3, 15, 10, 0)).upserts;
      expect(moved[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 3, 17, 15, 30) });
    });
  });

  it('leaves a delay item from a purple remark (with its promised date) alone', () => {
    const fromRemark = run(
      [],
      followupsFromRemarkFacts([{ kind: 'ship-promised', orderId: '2001', buyer: '小明', date: '2026-03-15' }], [], S, paid + HOUR),
      paid + HOUR,
    );
    expect(followupsFromOrders(page, fromRemark, S, paid + 49 * HOUR)).toEqual({ upserts: [], closes: [] });
  });
});

describe('delay (延迟发货) from a purple remark with a promised ship date', () => {
  const now = bj(2026, 3, 10, 11, 0);
  const fact: RemarkFact = { kind: 'ship-promised', orderId: '3001', buyer: '小红', date: '2026-03-12' };

  it('is due on the promised date, before the cut-off', () => {
    const { upserts } = followupsFromRemarkFacts([fact], [], S, now);
    expect(upserts[0]).toMatchObject({
      id: 'delay:3001',
      kind: 'delay',
      source: 'remark',
      dueAt: bj(2026, 3, 12, 15, 30),
      reason: '备注承诺 2026-03-12 发货，当天确认发出并告知买家',
    });
  });

  it('turns an overdue-shipping item into the promised-date one', () => {
    const overdue = run([], followupsFromOrders([order({ orderId: '3001', status: 'paid', createdAt: now - 49 * HOUR })], [], S, now), now);
    const { upserts } = followupsFromRemarkFacts([fact], overdue, S, now + MIN);
    expect(upserts[0]).toMatchObject({ source: 'remark', dueAt: bj(2026, 3, 12, 15, 30), createdAt: now });
  });

  it('saved on a page that shows no buyer (Taobao\'s memo page), keeps the buyer the order list named: 延迟发货：小红, not a bare 延迟发货', () => {
    const listed = run([], followupsFromOrders([order({ orderId: '3001', buyer: '小红', buyerId: 'u-3001', status: 'paid', createdAt: now - 49 * HOUR })], [], S, now), now);
    expect(listed[0]).toMatchObject({ title: '延迟发货：小红', buyer: '小红', buyerId: 'u-3001' });
    const noBuyer: RemarkFact = { ...fact, buyer: '' };
    const promised = run(listed, followupsFromRemarkFacts([noBuyer], listed, S, now + MIN, true), now + MIN);
    expect(promised[0]).toMatchObject({ title: '延迟发货：小红', buyer: '小红', buyerId: 'u-3001', dueAt: bj(2026, 3, 12, 15, 30) });
    // Closed, then promised another day on that page: reopened with the buyer too.
    const done = promised.map((f) => complete(f, now + HOUR));
    const moved = followupsFromRemarkFacts([{ ...noBuyer, date: '2026-03-13' }], done, S, now + 2 * HOUR).upserts;
    expect(moved[0]).toMatchObject({ status: 'open', title: '延迟发货：小红', buyer: '小红' });
    // A return agreed on that page: no buyer to name there, so none is made up; a page that names one still replaces it.
    expect(followupsFromRemarkFacts([{ kind: 'return-pending', orderId: '3009', buyer: '' }], [], S, now).upserts[0]!.buyer).toBeUndefined();
    expect(followupsFromRemarkFacts([{ ...fact, buyer: '小红2' }], promised, S, now + 3 * HOUR).upserts[0]).toMatchObject({ title: '延迟发货：小红2', buyer: '小红2' });
  });

  it('stays closed when re-read with the same date, and reopens when the promise moves', () => {
    const items = run([], followupsFromRemarkFacts([fact], [], S, now), now).map((f) => complete(f, now + HOUR, '已告知'));
    expect(followupsFromRemarkFacts([fact], items, S, now + 2 * HOUR).upserts).toEqual([]);
    const moved = followupsFromRemarkFacts([{ ...fact, date: '2026-03-13' }], items, S, now + 2 * HOUR).upserts;
    expect(moved[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 3, 13, 15, 30), createdAt: now });
    // Moved far off: open again, as the check before the new date (three days from now).
    const far = followupsFromRemarkFacts([{ ...fact, date: '2026-03-20' }], items, S, now + 2 * HOUR).upserts;
    expect(far[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 3, 13, 8, 0), why: { key: 'followups.reason.delayCheck', params: { date: '2026-03-20' } } });
  });

  it('ignores a fact whose date is not a real date', () => {
    expect(followupsFromRemarkFacts([{ ...fact, date: '2026-02-30' }, { ...fact, date: '3月12日' }], [], S, now).upserts).toEqual([]);
  });

  it('closes when the order ships', () => {
    const items = run([], followupsFromRemarkFacts([fact], [], S, now), now);
    expect(followupsFromOrders([order({ orderId: '3001', status: 'shipped' })], items, S, now).closes).toEqual([
      { id: 'delay:3001', reason: '已发货' },
    ]);
  });

  it('stays open on a list that shows the order paid without its creation time (JD’s order list): it was closed as 买家已付款 at the first read', () => {
    const items = run([], followupsFromRemarkFacts([fact], [], S, now), now);
    expect(followupsFromOrders([order({ orderId: '3001', status: 'paid', createdAt: undefined })], items, S, now)).toEqual({ upserts: [], closes: [] });
  });
});

describe('delay (延迟发货) from a purple remark promising a date far off: the order is looked at before it', () => {
  // domain.md: delayed orders are checked once or twice a week. Read on Monday 12-07, the remark promises 12-21.
  const read = bj(2026, 12, 7, 10, 0);
  const fact: RemarkFact = { kind: 'ship-promised', orderId: '5001', buyer: '小鹿', date: '2026-12-21', note: '缺货，等厂家补货' };
  const page = [order({ orderId: '5001', buyer: '小鹿', status: 'paid', createdAt: bj(2026, 12, 5, 10, 0), flag: 'purple' })];
  const first = () => run([], followupsFromRemarkFacts([fact], [], S, read), read);
  /** Remark and list read at `now` (as the order page and the list do), the results applied. */
  const visit = (items: Followup[], now: number) => {
    const seen = run(items, followupsFromRemarkFacts([fact], items, S, now), now);
    return run(seen, followupsFromOrders(page, seen, S, now), now);
  };

  it('is one item, due three days later at the day-shift start, its reason naming the promised date', () => {
    const items = first();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: 'delay:5001',
      kind: 'delay',
      status: 'open',
      dueAt: bj(2026, 12, 10, 8, 0),
      reason: '承诺 2026-12-21 发货，日子还没到：先查一次备货，货到没到、买家还愿不愿意等',
      why: { key: 'followups.reason.delayCheck', params: { date: '2026-12-21' } },
      note: '缺货，等厂家补货',
    });
    // In the popup: later on the 9th, today's on the 10th, counted on the badge (it used to wait until the 21st).
    expect(todayView(items, bj(2026, 12, 9, 9, 0), S)).toMatchObject({ upcoming: [items[0]], badgeCount: 0 });
    expect(todayView(items, bj(2026, 12, 10, 7, 30), S)).toMatchObject({ today: [items[0]], badgeCount: 1 });
  });

  it('read again on later days, here or on another machine, keeps its day: never a second item, never pushed back', () => {
    let items = first();
    for (const d of [7, 8, 9]) items = visit(items, bj(2026, 12, d, 15, 0));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 12, 10, 8, 0) });
    expect(followupsFromRemarkFacts([fact], items, S, bj(2026, 12, 12, 9, 0))).toEqual({ upserts: [], closes: [] });
  });

  it('a promise three days out or nearer has no check before it: due on its date', () => {
    expect(followupsFromRemarkFacts([{ ...fact, date: '2026-12-10' }], [], S, read).upserts[0]).toMatchObject({
      dueAt: bj(2026, 12, 10, 15, 30),
      why: { key: 'followups.reason.delayPromised' },
    });
    expect(followupsFromRemarkFacts([{ ...fact, date: '2026-12-11' }], [], S, read).upserts[0]).toMatchObject({ dueAt: bj(2026, 12, 10, 8, 0) });
  });

  it('done while the promise is ahead, it comes back three days later while the order is unshipped, then on the promised date as the promise', () => {
    const checked = first().map((f) => ({ ...complete(f, bj(2026, 12, 10, 9, 0), '厂家说下周到'), note: '缺货，等厂家补货\n厂家说下周到' }));
    // The remark read again does not reopen the check the agent closed; the list does, three days on.
    expect(visit(checked, bj(2026, 12, 12, 23, 59))[0]).toMatchObject({ status: 'done' });
    let items = visit(checked, bj(2026, 12, 13, 7, 0));
    expect(items[0]).toMatchObject({
      status: 'open',
      dueAt: bj(2026, 12, 13, 8, 0),
      note: '缺货，等厂家补货\n厂家说下周到',
      reason: '承诺 2026-12-21 发货，2026-12-10 已查过：再查一次备货（承诺日前每 3 天查看一次）',
      why: { key: 'followups.reason.delayCheckAgain', params: { date: '2026-12-21', done: '2026-12-10', days: 3 } },
    });
    expect(items[0]!.closedAt).toBeUndefined();
    // Checked on the 13th and the 16th; closed on the 19th, the next check would be the 22nd: the promised 21st comes first.
    for (const [d, next] of [[13, 16], [16, 19]] as const) {
      items = items.map((f) => complete(f, bj(2026, 12, d, 9, 0)));
      expect(visit(items, bj(2026, 12, next - 1, 23, 0))[0]!.status).toBe('done');
      items = visit(items, bj(2026, 12, next, 7, 30));
      expect(items[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 12, next, 8, 0) });
    }
    items = items.map((f) => complete(f, bj(2026, 12, 19, 9, 0)));
    expect(visit(items, bj(2026, 12, 20, 23, 0))[0]!.status).toBe('done');
    items = visit(items, bj(2026, 12, 21, 7, 0));
    expect(items[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 12, 21, 15, 30), reason: '备注承诺 2026-12-21 发货，当天确认发出并告知买家' });
    // Done on the promised date: final as before — checked three days after, while still unshipped.
    items = items.map((f) => complete(f, bj(2026, 12, 21, 16, 0)));
    expect(visit(items, bj(2026, 12, 23, 23, 0))[0]!.status).toBe('done');
    expect(visit(items, bj(2026, 12, 24, 7, 0))[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 12, 24, 8, 0), why: { key: 'followups.reason.delayRecheck' } });
  });

  it('found later than the check day, is due by the end of that day shift, not overdue for the morning it missed', () => {
    const checked = first().map((f) => complete(f, bj(2026, 12, 10, 9, 0)));
    expect(visit(checked, bj(2026, 12, 14, 14, 0))[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 12, 14, 20, 0) });
    // First read after the promised day began: the promise, due at 15:30, or by the shift's end once that is past.
    expect(visit(checked, bj(2026, 12, 21, 10, 0))[0]).toMatchObject({ dueAt: bj(2026, 12, 21, 15, 30), why: { key: 'followups.reason.delayPromised' } });
    expect(visit(checked, bj(2026, 12, 22, 10, 0))[0]).toMatchObject({ dueAt: bj(2026, 12, 22, 20, 0), why: { key: 'followups.reason.delayPromised' } });
  });

  it('a check still on the list on the promised day is the promise from then on, put off or not', () => {
    const [check] = first();
    for (const rule of ['remark', 'list'] as const) {
      for (const item of [check!, snooze(check!, bj(2026, 12, 22, 8, 0))]) {
        const now = bj(2026, 12, 21, 9, 0);
        const { upserts } = rule === 'remark' ? followupsFromRemarkFacts([fact], [item], S, now) : followupsFromOrders(page, [item], S, now);
        expect(upserts[0], rule).toMatchObject({ status: item.status, dueAt: bj(2026, 12, 21, 15, 30), why: { key: 'followups.reason.delayPromised' } });
      }
    }
    // The day before, it stays the check, overdue since the 10th.
    expect(visit([check!], bj(2026, 12, 20, 9, 0))[0]).toEqual(check);
  });

  it('closes when the order ships, and nothing comes back', () => {
    const shipped = [order({ orderId: '5001', buyer: '小鹿', status: 'shipped' })];
    const items = run(first(), followupsFromOrders(shipped, first(), S, bj(2026, 12, 9, 9, 0)), bj(2026, 12, 9, 9, 0));
    expect(items[0]).toMatchObject({ status: 'done', closedReason: '已发货' });
    expect(followupsFromRemarkFacts([fact], items, S, bj(2026, 12, 13, 9, 0)).upserts).toEqual([]);
    expect(followupsFromOrders(shipped, items, S, bj(2026, 12, 21, 9, 0)).upserts).toEqual([]);
  });

  it('a far promise an older version made (due on its date, nothing before) is checked before it from the next read; closed, it stays closed', () => {
    const old: Followup = { ...first()[0]!, dueAt: bj(2026, 12, 21, 15, 30), reason: '备注承诺 2026-12-21 发货，当天确认发出并告知买家', why: { key: 'followups.reason.delayPromised', params: { date: '2026-12-21' } } };
    expect(followupsFromRemarkFacts([fact], [old], S, bj(2026, 12, 8, 9, 0)).upserts[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 12, 11, 8, 0), why: { key: 'followups.reason.delayCheck' } });
    expect(followupsFromRemarkFacts([fact], [complete(old, bj(2026, 12, 8, 9, 0))], S, bj(2026, 12, 8, 10, 0)).upserts).toEqual([]);
  });
});

describe('return-pending (待收退货) from a green remark', () => {
  const now = bj(2026, 3, 10, 14, 0);
  const fact: RemarkFact = { kind: 'return-pending', orderId: '4001', buyer: '阿强' };

  it('is due two days later for a tracking check, and re-reading the remark does not push it back', () => {
    const items = run([], followupsFromRemarkFacts([fact], [], S, now), now);
    expect(items[0]).toMatchObject({ id: 'return-pending:4001', dueAt: now + 48 * HOUR, suggestScenario: 'return-shipping' });
    expect(items[0]!.reason).toBe('退换货等买家寄回，每 2 天查看一次物流');
    expect(followupsFromRemarkFacts([fact], items, S, now + 30 * HOUR).upserts).toEqual([]);
  });

  it('says exchange when it is one', () => {
    expect(followupsFromRemarkFacts([{ ...fact, exchange: true }], [], S, now).upserts[0]!.reason).toContain('换货');
  });

  it('closes when the order is closed after the refund', () => {
    const items = run([], followupsFromRemarkFacts([fact], [], S, now), now);
    expect(followupsFromOrders([order({ orderId: '4001', status: 'closed' })], items, S, now + 72 * HOUR).closes).toEqual([
      { id: 'return-pending:4001', reason: '订单已关闭' },
    ]);
  });
});

describe('after-sales items added from the chat panel', () => {
  const now = bj(2026, 3, 10, 10, 0);
  it('a return on its way: for the order, due with the return recheck, one item with the remark\'s', () => {
    const f = panelFollowup('return-pending', '买家乙', now, S, undefined, { orderId: '7001', exchange: true });
    expect(f).toMatchObject({ id: 'return-pending:7001', kind: 'return-pending', orderId: '7001', title: '待收退货：买家乙', dueAt: now + S.returnRecheckDays * 24 * HOUR });
    expect(f.reason).toContain('换发');
  });
  it('a refund to pay is due today; a call-back when the agent said, named 约定回电', () => {
    expect(panelFollowup('refund-to-pay', '买家乙', now, S)).toMatchObject({ kind: 'refund-to-pay', dueAt: bj(2026, 3, 10, 20, 0) });
    const at = bj(2026, 3, 10, 15, 0);
    expect(panelFollowup('call-back', '买家乙', now, S, at)).toMatchObject({ kind: 'call-back', title: '约定回电：买家乙', dueAt: at, reason: '约好 2026-03-10 15:00 联系买家' });
  });
});

describe('refund-to-pay (待付退款) and postage-refund (待退运费)', () => {
  it('a refund for goods coming back is due with the return, once the parcel is in, never "today"', () => {
    const now = bj(2026, 3, 10, 10, 0);
    const { upserts } = followupsFromRemarkFacts(
      [
        { kind: 'return-pending', orderId: '5003', buyer: 'a' },
        { kind: 'refund-pending', orderId: '5003', buyer: 'a', amountYuan: 99, afterReturn: true },
      ],
      [],
      S,
      now,
    );
    const [ret, refund] = upserts;
    expect(refund!.id).toBe('refund-to-pay:5003');
    expect(refund!.dueAt).toBe(ret!.dueAt);
    expect(refund!.dueAt).toBeGreaterThan(bj(2026, 3, 11, 0, 0));
    expect(refund!.reason).toBe('收到退货、检查无误后退款（¥99.00）');
    // An item listed as due today by the older rule takes the return's due time.
    const again = followupsFromRemarkFacts([{ kind: 'refund-pending', orderId: '5003', buyer: 'a', afterReturn: true }], [ret!, { ...refund!, dueAt: bj(2026, 3, 10, 20, 0) }], S, now + HOUR);
    expect(again.upserts[0]!.dueAt).toBe(ret!.dueAt);
  });

  it('are due by the end of today\'s day shift and show the amount', () => {
    const now = bj(2026, 3, 10, 10, 0);
    const { upserts } = followupsFromRemarkFacts(
      [
        { kind: 'refund-pending', orderId: '5001', buyer: 'a', amountYuan: 20 },
        { kind: 'postage-refund', orderId: '5002', buyer: 'b', amountYuan: 12.5 },
      ],
      [],
      S,
      now,
    );
    expect(upserts.map((f) => [f.id, f.dueAt, f.reason])).toEqual([
      ['refund-to-pay:5001', bj(2026, 3, 10, 20, 0), '有退款或补偿待支付（¥20.00）'],
      ['postage-refund:5002', bj(2026, 3, 10, 20, 0), '有运费待退还给买家（¥12.50）'],
    ]);
  });

  it('are due by noon when found during the night shift, on either side of midnight', () => {
    const fact: RemarkFact = { kind: 'refund-pending', orderId: '5001', buyer: 'a' };
    expect(followupsFromRemarkFacts([fact], [], S, bj(2026, 3, 10, 21, 0)).upserts[0]!.dueAt).toBe(bj(2026, 3, 11, 12, 0));
    expect(followupsFromRemarkFacts([fact], [], S, bj(2026, 3, 11, 2, 0)).upserts[0]!.dueAt).toBe(bj(2026, 3, 11, 12, 0));
  });

  it('a refund closes when the order is closed; a postage refund needs the agent', () => {
    const now = bj(2026, 3, 10, 10, 0);
    const items = run(
      [],
      followupsFromRemarkFacts(
        [
          { kind: 'refund-pending', orderId: '5001', buyer: 'a' },
          { kind: 'postage-refund', orderId: '5001', buyer: 'a' },
        ],
        [],
        S,
        now,
      ),
      now,
    );
    expect(followupsFromOrders([order({ orderId: '5001', status: 'closed' })], items, S, now).closes).toEqual([
      { id: 'refund-to-pay:5001', reason: '订单已关闭' },
    ]);
  });
});

describe('night shift and handover (夜班交接)', () => {
  const item = manualFollowup({ title: '给阿强回电话' }, bj(2026, 3, 10, 10, 0), S);

  it('day shift is 08:00–20:00: 19:59 is day, 20:00 is night, 07:59 is night, 08:00 is day', () => {
    expect(isNight(bj(2026, 3, 10, 19, 59), S)).toBe(false);
    expect(isNight(bj(2026, 3, 10, 20, 0), S)).toBe(true);
    expect(isNight(bj(2026, 3, 10, 7, 59), S)).toBe(true);
    expect(isNight(bj(2026, 3, 10, 8, 0), S)).toBe(false);
  });

  it('an item marked at 23:00 is a handover due at noon tomorrow', () => {
    expect(markHandover({ ...item, dueAt: bj(2026, 3, 12, 0, 0) }, S, bj(2026, 3, 10, 23, 0))).toMatchObject({
      handover: true,
      dueAt: bj(2026, 3, 11, 12, 0),
    });
  });

  it('an item marked at 02:00 is a handover due at noon the same day', () => {
    expect(markHandover({ ...item, dueAt: bj(2026, 3, 12, 0, 0) }, S, bj(2026, 3, 11, 2, 0))).toMatchObject({
      handover: true,
      dueAt: bj(2026, 3, 11, 12, 0),
    });
  });

  it('changes nothing during the day shift', () => {
    expect(markHandover(item, S, bj(2026, 3, 10, 8, 0))).toBe(item);
  });

  it('never moves a due time later', () => {
    const early = { ...item, dueAt: bj(2026, 3, 10, 22, 0) };
    expect(markHandover(early, S, bj(2026, 3, 10, 21, 0)).dueAt).toBe(bj(2026, 3, 10, 22, 0));
  });

  it('works with a day shift that crosses midnight', () => {
    const nightShop = { ...S, dayShift: { start: '22:00', end: '06:00' } };
    expect(isNight(bj(2026, 3, 10, 23, 0), nightShop)).toBe(false);
    expect(isNight(bj(2026, 3, 10, 12, 0), nightShop)).toBe(true);
  });

  it('a handover note written at night is due by noon; one written by day is the night shift’s, due that evening after it comes on', () => {
    expect(handoverFollowup({ title: '3001 等仓库回复' }, bj(2026, 3, 10, 22, 30), S)).toMatchObject({
      kind: 'handover',
      handover: true,
      dueAt: bj(2026, 3, 11, 12, 0),
      title: '3001 等仓库回复',
      reason: '夜班交接，2026-03-11 12:00 前处理完',
    });
    const byDay = handoverFollowup({ title: 'x' }, bj(2026, 3, 10, 15, 0), S);
    expect(byDay).toMatchObject({ shift: 'night', dueAt: bj(2026, 3, 10, 23, 59), reason: '白班交给夜班：夜班 20:00 接班后处理，2026-03-10 23:59 前处理完' });
    // The night shift starts at 20:00: the note is due, not overdue, and on today's list.
    expect(todayView([byDay], bj(2026, 3, 10, 20, 0), S).today).toEqual([byDay]);
    expect(todayView([byDay], bj(2026, 3, 10, 23, 30), S).overdue).toEqual([]);
  });

  it('a handover note around the shift change: 19:59 is for tonight, 20:00 for tomorrow noon, 07:59 for noon, 08:00 for tonight', () => {
    const note = (h: number, mi: number, d = 10) => handoverFollowup({ title: '交接' }, bj(2026, 3, d, h, mi), S);
    expect(note(19, 59)).toMatchObject({ shift: 'night', dueAt: bj(2026, 3, 10, 23, 59) });
    expect(note(20, 0)).toMatchObject({ shift: 'day', dueAt: bj(2026, 3, 11, 12, 0), reason: '夜班交接，2026-03-11 12:00 前处理完' });
    expect(note(7, 59, 11)).toMatchObject({ shift: 'day', dueAt: bj(2026, 3, 11, 12, 0) });
    expect(note(8, 0, 11)).toMatchObject({ shift: 'night', dueAt: bj(2026, 3, 11, 23, 59) });
    // A day agent in team mode writing one after their shift (the night shift is on): still that evening.
    expect(handoverFollowup({ title: '交给夜班' }, bj(2026, 3, 10, 21, 0), S, 'day').dueAt).toBe(bj(2026, 3, 10, 23, 59));
  });

  it("in team mode the agent's chosen shift decides, not the clock: a day agent's late to-do stays theirs; a night agent's at 10:00 goes to the day shift", () => {
    const late = bj(2026, 3, 10, 21, 0);
    const dayAgents = manualFollowup({ title: '加班记的' }, late, S, 'day');
    expect(dayAgents.handover).toBeUndefined();
    expect(handoverTarget(dayAgents, S)).toBeNull();
    expect(handoverItems([dayAgents], { user: '小白', shift: 'day' }, S)).toEqual([]);
    // The same to-do without team mode (one shared machine): the clock makes it the night's handover.
    expect(handoverTarget(manualFollowup({ title: '加班记的' }, late, S), S)).toEqual({ shift: 'day' });

    const morning = bj(2026, 3, 11, 10, 0);
    const nightAgents = manualFollowup({ title: '下班前记的' }, morning, S, 'night');
    expect(nightAgents).toMatchObject({ handover: true, shift: 'day', dueAt: bj(2026, 3, 11, 12, 0) });
    expect(handoverItems([nightAgents], { user: '小夜', shift: 'night' }, S)).toEqual([]);
    expect(handoverItems([nightAgents], { user: '小白', shift: 'day' }, S)).toEqual([nightAgents]);
    // A buyer's item keeps its kind's rule whoever made it: in the bad-review section, not 交接.
    expect(panelFollowup('bad-review', '买家甲', morning, S).handover).toBeUndefined();
    expect(markHandover(item, S, late, 'day')).toBe(item);

    // A handover note goes to the other shift than its writer's.
    expect(handoverFollowup({ title: '交给夜班' }, late, S, 'day')).toMatchObject({ handover: true, shift: 'night' });
    expect(handoverFollowup({ title: '交给白班' }, morning, S, 'night')).toMatchObject({ handover: true, shift: 'day', dueAt: bj(2026, 3, 11, 12, 0) });
  });

  it('a to-do made at night names the day shift when made: changing the shift hours later does not move it', () => {
    const todo = manualFollowup({ title: '给阿强回电话' }, bj(2026, 3, 10, 21, 0), S);
    expect(todo).toMatchObject({ handover: true, shift: 'day', dueAt: bj(2026, 3, 11, 12, 0) });
    // The shop moves the end of the day shift to 22:00: 21:00 is day now, but the to-do was the night's.
    const later = { ...S, dayShift: { start: '08:00', end: '22:00' } };
    expect(handoverTarget(todo, later)).toEqual({ shift: 'day' });
    expect(handoverItems([todo], { shift: 'day' }, later)).toEqual([todo]);
    // With a time the agent chose, too.
    expect(manualFollowup({ title: '回电', dueAt: bj(2026, 3, 11, 9, 0) }, bj(2026, 3, 10, 23, 0), S)).toMatchObject({ handover: true, shift: 'day' });
  });
});

describe('what a page dictates at night (夜班读到的页面)', () => {
  const night = bj(2026, 12, 5, 23, 59);
  const promise: RemarkFact = { kind: 'ship-promised', date: '2026-12-10', orderId: '3930', buyer: '南风' };

  it('is not marked a handover: markHandover leaves every kind but to-dos and notes alone', () => {
    for (const f of [
      ...followupsFromRemarkFacts([promise, { kind: 'return-pending', orderId: '3931', buyer: '小鹿' }], [], S, night).upserts,
      ...followupsFromOrders([order({ orderId: '1001', createdAt: night - HOUR })], [], S, night).upserts,
    ])
      expect(markHandover(f, S, night)).toBe(f);
  });

  it('a purple remark read at night is due by its own rule (five days out: the check three days later), not by noon, also over an older version\'s item', () => {
    const fresh = followupsFromRemarkFacts([promise], [], S, night).upserts[0]!;
    expect(fresh).toMatchObject({ dueAt: bj(2026, 12, 8, 8, 0), why: { key: 'followups.reason.delayCheck', params: { date: '2026-12-10' } } });
    expect(fresh.handover).toBeUndefined();
    // The item as the version before stored it at night: the promise, marked a handover due by 08:00 the day before.
    const old: Followup = { ...fresh, dueAt: bj(2026, 12, 4, 8, 0), handover: true, reason: '备注承诺 2026-12-10 发货，当天确认发出并告知买家', why: { key: 'followups.reason.delayPromised', params: { date: '2026-12-10' } } };
    const [merged] = followupsFromRemarkFacts([promise], [old], S, night).upserts;
    expect(merged!.dueAt).toBe(bj(2026, 12, 8, 8, 0));
    // Done in the morning: the next read of the same remark does not reopen it.
    const done = complete(merged!, bj(2026, 12, 6, 9, 0));
    expect(followupsFromRemarkFacts([promise], [done], S, bj(2026, 12, 6, 9, 5)).upserts).toEqual([]);
  });

  it('a return registered from the panel at night is due in two days, not at noon', () => {
    expect(panelFollowup('return-pending', '小鹿', bj(2026, 12, 5, 23, 0), S, undefined, { orderId: '3931' })).toMatchObject({
      dueAt: bj(2026, 12, 7, 23, 0),
    });
    expect(panelFollowup('return-pending', '小鹿', bj(2026, 12, 5, 23, 0), S, undefined, { orderId: '3931' }).handover).toBeUndefined();
  });

  it('an item the agent handed over keeps the room the handover gave it when the page is read again; one overdue when handed stays overdue', () => {
    const created = bj(2026, 12, 5, 10, 0);
    const page = [order({ orderId: '1001', createdAt: created })];
    const [item] = followupsFromOrders(page, [], S, created + HOUR).upserts;
    // Due 15:30, handed to the night shift at 15:00: due by 23:59, also after the page is read again.
    const early = assignFollowup(item!, { shift: 'night' }, bj(2026, 12, 5, 15, 0), S);
    expect(early.dueAt).toBe(bj(2026, 12, 5, 23, 59));
    expect(followupsFromOrders(page, [early], S, bj(2026, 12, 5, 15, 50)).upserts).toEqual([]);
    // Overdue since 15:30, handed to the morning at 21:00: still overdue (the day shift sees it late,
    // first), also after the next read; it used to be due by noon, as if nothing were late.
    const handed = assignFollowup(item!, { shift: 'day' }, bj(2026, 12, 5, 21, 0), S);
    expect(handed.dueAt).toBe(bj(2026, 12, 5, 15, 30));
    expect(followupsFromOrders(page, [handed], S, bj(2026, 12, 5, 22, 0)).upserts).toEqual([]);
  });
});

describe('vip-revisit (VIP 回访)', () => {
  const contact = bj(2026, 3, 1, 15, 0);
  const vip = appendEvent(
    applyPatch(newCustomer('taobao', '大客户王姐', contact - 100 * 24 * HOUR), { tags: ['VIP'] }, contact - 100 * 24 * HOUR, { maskPii: false }),
    makeEvent('note', contact, '聊了新款'),
  );
  const day = 24 * HOUR;

  it('is due 30 days after the last contact at the start of the day shift, and listed 3 days ahead', () => {
    const due = bj(2026, 3, 31, 8, 0);
    expect(followupsFromCustomers([vip], [], S, due - 3 * day - MIN).upserts).toEqual([]);
    const { upserts } = followupsFromCustomers([vip], [], S, due - 3 * day);
    expect(upserts[0]).toMatchObject({
      id: 'vip-revisit:taobao:大客户王姐',
      kind: 'vip-revisit',
      buyer: '大客户王姐',
      platform: 'taobao',
      source: 'customer',
      dueAt: due,
      suggestScenario: 'promotion',
    });
  });

  it('is not made for buyers without a VIP tag, and closes when the tag is removed', () => {
    const plain = applyPatch(vip, { tags: [] }, contact, { maskPii: false });
    expect(followupsFromCustomers([plain], [], S, contact + 40 * day).upserts).toEqual([]);
    const items = run([], followupsFromCustomers([vip], [], S, contact + 29 * day), contact + 29 * day);
    expect(followupsFromCustomers([plain], items, S, contact + 29 * day).closes).toEqual([
      { id: 'vip-revisit:taobao:大客户王姐', reason: '已不是 VIP 客户' },
    ]);
  });

  it('closes an open revisit when the buyer has been in contact since', () => {
    const items = run([], followupsFromCustomers([vip], [], S, contact + 29 * day), contact + 29 * day);
    const talked = appendEvent(vip, makeEvent('template-used', contact + 29 * day, '新品推荐'));
    expect(followupsFromCustomers([talked], items, S, contact + 29 * day + HOUR).closes).toEqual([
      { id: 'vip-revisit:taobao:大客户王姐', reason: '近期已联系过' },
    ]);
  });

  it('after completion, comes back for the next month once the contact is recorded', () => {
    const doneAt = contact + 30 * day;
    const items = run([], followupsFromCustomers([vip], [], S, contact + 29 * day), contact + 29 * day).map((f) => complete(f, doneAt));
    const visited = appendEvent(vip, makeEvent('followup-done', doneAt, '已回访', 'vip-revisit:taobao:大客户王姐'));
    expect(followupsFromCustomers([visited], items, S, doneAt + day).upserts).toEqual([]);
    const next = followupsFromCustomers([visited], items, S, doneAt + 28 * day).upserts;
    expect(next[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 4, 30, 8, 0) });
  });
});

describe('vip-revisit marked done without a chat (QA pass X: it never came back)', () => {
  const contact = bj(2026, 3, 1, 15, 0);
  const vip = appendEvent(
    applyPatch(newCustomer('taobao', '大客户王姐', contact - 100 * 24 * HOUR), { tags: ['VIP'] }, contact - 100 * 24 * HOUR, { maskPii: false }),
    makeEvent('note', contact, '聊了新款'),
  );
  const day = 24 * HOUR;

  it('counts as the contact: the next revisit is due a month after it, every month', () => {
    // Revisited by phone on 04-01 and marked done in the popup: lastSeenAt (the chat) does not move.
    const items = run([], followupsFromCustomers([vip], [], S, bj(2026, 3, 30, 9, 0)), bj(2026, 3, 30, 9, 0)).map((f) => complete(f, bj(2026, 4, 1, 10, 0)));
    expect(followupsFromCustomers([vip], items, S, bj(2026, 4, 27, 9, 0))).toEqual({ upserts: [], closes: [] });
    const next = run(items, followupsFromCustomers([vip], items, S, bj(2026, 4, 28, 8, 0)), bj(2026, 4, 28, 8, 0));
    expect(next[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 5, 1, 8, 0), reason: 'VIP 客户，上次联系 2026-04-01，已 30 天，回访问候' });
    // Later runs keep that cycle, its reason and due time.
    expect(followupsFromCustomers([vip], next, S, bj(2026, 5, 1, 9, 0))).toEqual({ upserts: [], closes: [] });
    // Done again: a month after that.
    const third = next.map((f) => complete(f, bj(2026, 5, 2, 10, 0)));
    expect(followupsFromCustomers([vip], third, S, bj(2026, 5, 28, 9, 0)).upserts).toEqual([]);
    expect(followupsFromCustomers([vip], third, S, bj(2026, 5, 29, 9, 0)).upserts[0]).toMatchObject({ status: 'open', dueAt: bj(2026, 6, 1, 8, 0) });
  });

  it('a chat after the revisit still closes the next one early and starts its month', () => {
    const items = run([], followupsFromCustomers([vip], [], S, bj(2026, 3, 30, 9, 0)), bj(2026, 3, 30, 9, 0)).map((f) => complete(f, bj(2026, 4, 1, 10, 0)));
    const next = run(items, followupsFromCustomers([vip], items, S, bj(2026, 4, 28, 8, 0)), bj(2026, 4, 28, 8, 0));
    const talked = appendEvent(vip, makeEvent('template-used', bj(2026, 4, 29, 11, 0), '新品推荐'));
    expect(followupsFromCustomers([talked], next, S, bj(2026, 4, 29, 12, 0)).closes).toEqual([{ id: 'vip-revisit:taobao:大客户王姐', reason: '近期已联系过' }]);
    const closed = run(next, followupsFromCustomers([talked], next, S, bj(2026, 4, 29, 12, 0)), bj(2026, 4, 29, 12, 0));
    expect(followupsFromCustomers([talked], closed, S, bj(2026, 5, 26, 8, 0)).upserts[0]).toMatchObject({ status: 'open', dueAt: talked.lastSeenAt - 11 * HOUR + 30 * day + 8 * HOUR });
  });
});

describe('vip-revisit backlog (buyers imported long after their last contact)', () => {
  const day = 24 * HOUR;
  /** A VIP buyer as a buyer file brings them: last seen `lastSeenAt`. */
  const vipSeen = (name: string, lastSeenAt: number) => ({
    ...applyPatch(newCustomer('taobao', name, lastSeenAt), { tags: ['VIP'] }, lastSeenAt, { maskPii: false }),
    lastSeenAt,
  });
  const importedAt = bj(2026, 12, 3, 10, 0);

  it('is due now, not 335 days overdue, and says how long the buyer has really been silent', () => {
    const buyer = vipSeen('老客户甲', bj(2025, 12, 3, 15, 0));
    const [item] = followupsFromCustomers([buyer], [], S, importedAt).upserts;
    expect(item!.dueAt).toBe(importedAt);
    expect(item!.reason).toBe('VIP 客户，上次联系 2025-12-03，已 365 天未联系，回访问候（积压的回访每天安排 20 位）');
    expect(item!.reason).not.toContain('将满');
    const view = todayView([item!], importedAt + MIN, S);
    expect(view.overdue.map((f) => f.dueAt)).toEqual([importedAt]);
    expect(view.overdue[0]!.dueAt).toBeGreaterThan(importedAt - day);
  });

  it('imported at night, is due at the start of the next day shift', () => {
    const buyer = vipSeen('老客户乙', bj(2026, 6, 1, 9, 0));
    const night = bj(2026, 12, 3, 22, 0);
    expect(followupsFromCustomers([buyer], [], S, night).upserts[0]!.dueAt).toBe(bj(2026, 12, 4, 8, 0));
  });

  it('spreads hundreds of overdue revisits at 20 a day, those silent longest first, and a later run moves none', () => {
    const buyers = Array.from({ length: 50 }, (_, i) => vipSeen(`VIP买家${String(i).padStart(2, '0')}`, bj(2026, 1, 1, 9, 0) + i * day));
    const items = run([], followupsFromCustomers(buyers, [], S, importedAt), importedAt);
    const due = (name: string) => items.find((f) => f.buyer === name)!.dueAt;
    const perDay = new Map<number, number>();
    for (const f of items) perDay.set(f.dueAt, (perDay.get(f.dueAt) ?? 0) + 1);
    expect([...perDay].sort((a, b) => a[0] - b[0])).toEqual([
      [importedAt, 20],
      [bj(2026, 12, 4, 8, 0), 20],
      [bj(2026, 12, 5, 8, 0), 10],
    ]);
    expect(due('VIP买家00')).toBe(importedAt);
    expect(due('VIP买家49')).toBe(bj(2026, 12, 5, 8, 0));
    // What the agent sees today: 20, not 50.
    expect(todayView(items, importedAt + HOUR, S).badgeCount).toBe(20);
    // The hourly job runs again: nothing moves, nothing is rewritten.
    expect(followupsFromCustomers(buyers, items, S, importedAt + HOUR)).toEqual({ upserts: [], closes: [] });
    expect(followupsFromCustomers(buyers, items, S, importedAt + 2 * day).upserts).toEqual([]);
  });

  it('once done, does not come back for the same silence; a new contact starts a normal month', () => {
    const buyer = vipSeen('老客户丙', bj(2026, 2, 1, 9, 0));
    const doneAt = importedAt + HOUR;
    const items = run([], followupsFromCustomers([buyer], [], S, importedAt), importedAt).map((f) => complete(f, doneAt));
    expect(followupsFromCustomers([buyer], items, S, doneAt + HOUR).upserts).toEqual([]);
    expect(followupsFromCustomers([buyer], items, S, doneAt + 10 * day).upserts).toEqual([]);
    const visited = appendEvent(buyer, makeEvent('followup-done', doneAt, '已回访', 'vip-revisit:taobao:老客户丙'));
    const next = followupsFromCustomers([visited], items, S, doneAt + 28 * day).upserts;
    expect(next[0]).toMatchObject({ status: 'open', dueAt: bj(2027, 1, 2, 8, 0), reason: 'VIP 客户，上次联系 2026-12-03，已 30 天，回访问候' });
  });

  it('after 全部删除 with open follow-ups kept, the revisits kept anonymous take no buyer’s place: a re-import’s revisits start today', () => {
    // 全部删除 keeps open work without a buyer (forget.ts); a revisit of nobody used to fill the 20 of
    // each day it was due, so the re-imported shop's revisits started days or months out.
    const kept: Followup[] = Array.from({ length: 45 }, (_, i) => {
      const f = followupsFromCustomers([vipSeen(`旧VIP${i}`, bj(2026, 1, 1, 9, 0))], [], S, importedAt).upserts[0]!;
      const { buyer: _b, buyerId: _i, ...rest } = f;
      return { ...rest, id: `vip-revisit:gone-x-${i}`, title: 'VIP 回访', dueAt: importedAt + Math.floor(i / 20) * day };
    });
    const back = vipSeen('老客户戊', bj(2026, 1, 1, 9, 0));
    expect(followupsFromCustomers([back], kept, S, importedAt).upserts[0]!.dueAt).toBe(importedAt);
    // A revisit that still names its buyer counts as before.
    const named = followupsFromCustomers(Array.from({ length: 20 }, (_, i) => vipSeen(`在的VIP${i}`, bj(2026, 1, 1, 9, 0))), [], S, importedAt).upserts;
    expect(followupsFromCustomers([back], named, S, importedAt).upserts[0]!.dueAt).toBe(bj(2026, 12, 4, 8, 0));
  });

  it('closes at its next run an open VIP revisit an older 全部删除 kept without its buyer: a visit to nobody leaves the list', () => {
    // Before 2026-12-07, 全部删除 keeping open follow-ups kept each VIP revisit anonymous; the rule
    // stopped counting them, but they stayed open in the popup for good, due for nobody.
    const made = (name: string) => followupsFromCustomers([vipSeen(name, bj(2026, 1, 1, 9, 0))], [], S, importedAt).upserts[0]!;
    const left = anonymised(made('旧VIP甲'), importedAt, 0);
    const snoozed = { ...anonymised(made('旧VIP乙'), importedAt, 1), status: 'snoozed' as const, snoozedUntil: importedAt + 2 * day };
    expect([left.buyer, left.buyerId, left.kind, left.status]).toEqual([undefined, undefined, 'vip-revisit', 'open']);
    // A revisit of a buyer here, and one of a buyer this run was not given (an import's run): theirs stay.
    const here = vipSeen('老客户庚', bj(2026, 1, 1, 9, 0));
    const mine = made('老客户庚');
    const other = made('老客户辛');
    const later = importedAt + HOUR;
    const items = run([left, snoozed, mine, other], followupsFromCustomers([here], [left, snoozed, mine, other], S, later), later);
    const byId = new Map(items.map((f) => [f.id, f]));
    for (const gone of [left, snoozed]) expect(byId.get(gone.id)).toMatchObject({ status: 'done', closedReason: '买家已删除' });
    expect(byId.get(mine.id)!.status).toBe('open');
    expect(byId.get(other.id)!.status).toBe('open');
    expect(todayView(items, later, S).overdue.map((f) => f.buyer)).toEqual(['老客户庚', '老客户辛']);
    // Nothing more to do at the next run.
    expect(followupsFromCustomers([here], items, S, later + HOUR)).toEqual({ upserts: [], closes: [] });
  });

  it('reschedules, once, the revisits an earlier version made due on the long-past date', () => {
    const buyer = vipSeen('老客户丁', bj(2026, 1, 3, 9, 0));
    const old: Followup = {
      ...followupsFromCustomers([buyer], [], S, importedAt).upserts[0]!,
      dueAt: bj(2026, 2, 2, 8, 0),
      reason: 'VIP 客户，距上次联系将满 30 天，回访问候',
      why: { key: 'followups.reason.vipRevisit', params: { days: 30 } },
    };
    const later = importedAt + 3 * HOUR;
    const [moved] = followupsFromCustomers([buyer], [old], S, later).upserts;
    expect(moved).toMatchObject({ dueAt: later, createdAt: old.createdAt, reason: expect.stringContaining('已 334 天未联系') });
    expect(followupsFromCustomers([buyer], [moved!], S, later + HOUR).upserts).toEqual([]);
  });
});

describe('panel items: inquiry (咨询未拍), promised-answer (承诺答复), bad-review (中差评)', () => {
  it('an inquiry is due the same day before the cut-off margin, one per buyer', () => {
    const now = bj(2026, 3, 10, 14, 0);
    const a = panelFollowup('inquiry', '小明', now, S, undefined, { platform: 'taobao' });
    expect(a).toMatchObject({ id: 'inquiry:taobao:小明', kind: 'inquiry', source: 'panel', dueAt: bj(2026, 3, 10, 15, 30) });
    expect(panelFollowup('inquiry', '小明', now + HOUR, S, undefined, { platform: 'taobao' }).id).toBe(a.id);
    // Listed under today, not later.
    expect(todayView([a], now, S).today.map((f) => f.id)).toEqual([a.id]);
  });

  it('an inquiry registered near or after the cut-off is still due that day: at the cut-off, else by the end of the day shift', () => {
    expect(panelFollowup('inquiry', '小明', bj(2026, 3, 10, 15, 45), S).dueAt).toBe(bj(2026, 3, 10, 16, 0));
    expect(panelFollowup('inquiry', '小明', bj(2026, 3, 10, 17, 0), S).dueAt).toBe(bj(2026, 3, 10, 20, 0));
    expect(panelFollowup('inquiry', '小明', bj(2026, 3, 10, 9, 0), { ...S, cutoff: '11:00' }).dueAt).toBe(bj(2026, 3, 10, 10, 30));
  });

  it('an inquiry closes itself when the buyer\'s order shows up on the order list', () => {
    const now = bj(2026, 3, 10, 14, 0);
    const items = [panelFollowup('inquiry', '小明', now, S)];
    expect(followupsFromOrders([order({ orderId: '9', buyer: '小明', createdAt: now + HOUR })], items, S, now + HOUR).closes).toEqual([
      { id: 'inquiry:小明', reason: '买家已下单' },
    ]);
  });

  it('an older order of the same buyer on the list does not close a fresh inquiry', () => {
    const now = bj(2026, 3, 10, 14, 0);
    const items = [panelFollowup('inquiry', '小明', now, S)];
    const old = order({ orderId: '8', buyer: '小明', status: 'completed', createdAt: now - 15 * 24 * HOUR });
    expect(followupsFromOrders([old], items, S, now + HOUR).closes).toEqual([]);
  });

  it('an inquiry registered at 23:00 is due by noon, its own rule at night, and is not a handover', () => {
    const item = panelFollowup('inquiry', '小明', bj(2026, 3, 10, 23, 0), S);
    expect(item.dueAt).toBe(bj(2026, 3, 11, 12, 0));
    expect(item.handover).toBeUndefined();
  });

  it('a promised answer is due 24 hours later, or when the agent chose', () => {
    const now = bj(2026, 3, 10, 10, 0);
    expect(panelFollowup('promised-answer', '小红', now, S)).toMatchObject({
      kind: 'promised-answer',
      dueAt: now + 24 * HOUR,
      suggestScenario: 'product-info',
      reason: '答应过买家尽快答复（24 小时内）',
    });
    const chosen = panelFollowup('promised-answer', '小红', now, S, bj(2026, 3, 10, 17, 0));
    expect(chosen).toMatchObject({ dueAt: bj(2026, 3, 10, 17, 0), reason: '答应过买家在 2026-03-10 17:00 前答复' });
  });

  it('carries what the buyer asked about when it was made: opening it offers those replies, not the holding reply', () => {
    const now = bj(2026, 3, 10, 10, 0);
    // The buyer asked about an invoice; the agent promised to find out.
    expect(panelFollowup('promised-answer', '京东用户_小满', now, S, undefined, { scenarios: ['invoice', 'shipping-time'] }).suggestScenario).toBe('invoice');
    expect(panelFollowup('inquiry', '小明', now, S, undefined, { scenarios: ['size-fit'] }).suggestScenario).toBe('size-fit');
    expect(panelFollowup('bad-review', '小明', now, S, undefined, { scenarios: ['quality'] }).suggestScenario).toBe('quality');
  });

  it('keeps its kind’s scenario when the panel read no need (nothing, a greeting, thanks)', () => {
    const now = bj(2026, 3, 10, 10, 0);
    expect(panelFollowup('promised-answer', '小红', now, S).suggestScenario).toBe('product-info');
    expect(panelFollowup('promised-answer', '小红', now, S, undefined, { scenarios: [] }).suggestScenario).toBe('product-info');
    expect(panelFollowup('inquiry', '小红', now, S, undefined, { scenarios: ['thanks'] }).suggestScenario).toBe('promotion');
    // A greeting before the need: the need.
    expect(panelFollowup('inquiry', '小红', now, S, undefined, { scenarios: ['greeting', 'stock'] }).suggestScenario).toBe('stock');
  });

  it('a time the agent chose at night is kept, and a promise to a buyer is not a handover', () => {
    const night = bj(2026, 3, 10, 22, 0);
    const item = panelFollowup('promised-answer', '小红', night, S, bj(2026, 3, 11, 18, 0));
    expect(item.dueAt).toBe(bj(2026, 3, 11, 18, 0));
    expect(item.handover).toBeUndefined();
    // Without a time: the 24 hours promised, not the next noon.
    expect(panelFollowup('promised-answer', '小红', night, S).dueAt).toBe(night + 24 * HOUR);
  });

  it('a bad review is due the same day', () => {
    const now = bj(2026, 3, 10, 9, 0);
    expect(panelFollowup('bad-review', '差评买家', now, S, undefined, { orderId: '777' })).toMatchObject({
      id: 'bad-review:777',
      dueAt: bj(2026, 3, 10, 20, 0),
      suggestScenario: 'review',
    });
  });
});

describe('manual items', () => {
  it('are due by the end of the day shift unless the agent picks a time', () => {
    const now = bj(2026, 3, 10, 9, 0);
    expect(manualFollowup({ title: ' 补发赠品 ', buyer: '小明' }, now, S)).toMatchObject({
      kind: 'manual',
      source: 'manual',
      title: '补发赠品',
      buyer: '小明',
      dueAt: bj(2026, 3, 10, 20, 0),
    });
    expect(manualFollowup({ title: 'x', dueAt: now + HOUR }, now, S).dueAt).toBe(now + HOUR);
  });

  it('get different ids for different to-dos made in the same millisecond', () => {
    const now = bj(2026, 3, 10, 9, 0);
    expect(manualFollowup({ title: 'a' }, now, S).id).not.toBe(manualFollowup({ title: 'b' }, now, S).id);
  });
});

describe('settings', () => {
  it('fall back to the defaults for malformed values', () => {
    const created = bj(2026, 3, 10, 10, 0);
    expect(unpaidDue(created, { cutoff: '25:99', unpaidAfterMinutes: -5 }).dueAt).toBe(bj(2026, 3, 10, 15, 30));
  });

  it('use the browser\'s zone when the offset is null', () => {
    const created = Date.UTC(2026, 2, 10, 2, 0);
    const local = -new Date(created).getTimezoneOffset();
    expect(unpaidDue(created, { utcOffsetMinutes: null }).dueAt).toBe(unpaidDue(created, { utcOffsetMinutes: local }).dueAt);
  });

  it('follow another shop time zone', () => {
    // 10:00 in UTC+9 → reminder at 15:30 UTC+9.
    expect(unpaidDue(Date.UTC(2026, 2, 10, 1, 0), { utcOffsetMinutes: 540 }).dueAt).toBe(Date.UTC(2026, 2, 10, 6, 30));
  });
});

describe('facts straight from the remarks module', () => {
  const now = bj(2026, 3, 10, 10, 0);

  it('accepts its shapes (extra fields, alias kinds) and ignores facts that make no follow-up', () => {
    // The remarks module's own type must stay assignable to what this function takes.
    const facts: import('../remarks/facts').RemarkFact[] = [
      { kind: 'ship-promised', date: '2026-03-12', reason: '缺货', orderId: '1', buyer: 'a', source: 'purple', agent: '小李', writtenOn: '2026-03-10' },
      { kind: 'postage-refund-pending', amountYuan: 10, orderId: '2', buyer: 'b', source: 'quality-exchange' },
      { kind: 'compensation-pending', amountYuan: 5, orderId: '3', buyer: 'c', source: 'compensation' },
      { kind: 'verified', orderId: '4', buyer: 'd', source: 'red' },
    ];
    const { upserts } = followupsFromRemarkFacts(facts, [], S, now);
    expect(upserts.map((f) => [f.id, f.note])).toEqual([
      ['delay:1', '缺货'],
      ['postage-refund:2', undefined],
      ['refund-to-pay:3', undefined],
    ]);
  });
});

describe('a quality exchange on a green remark (质量问题运费店铺承担)', () => {
  const facts = async (now: number) => {
    const { PRESET_A, parseRemark, remarkFacts } = await import('../remarks');
    const text = '换货：藏青M→藏青L，无差价，质量问题运费店铺承担 阿杰 3/10';
    return remarkFacts(parseRemark(text, PRESET_A, { today: '2026-03-10', expect: 'green' }), '7001', '青柠');
  };

  it('lists the postage the shop owes, due by the end of the day shift, beside the parcel awaited', async () => {
    const now = bj(2026, 3, 10, 10, 0);
    const { upserts } = followupsFromRemarkFacts(await facts(now), [], S, now);
    expect(upserts.map((f) => [f.id, f.kind, f.dueAt, f.reason])).toEqual([
      ['return-pending:7001', 'return-pending', now + 2 * 24 * HOUR, expect.any(String)],
      ['postage-refund:7001', 'postage-refund', bj(2026, 3, 10, 20, 0), '有运费待退还给买家'],
    ]);
    // No refund of the goods: the exchange is at no price difference.
    expect(upserts.some((f) => f.kind === 'refund-to-pay')).toBe(false);
  });

  it('found in the night shift, by noon', async () => {
    const now = bj(2026, 3, 10, 22, 0);
    const { upserts } = followupsFromRemarkFacts(await facts(now), [], S, now);
    expect(upserts.find((f) => f.kind === 'postage-refund')!.dueAt).toBe(bj(2026, 3, 11, 12, 0));
  });
});

describe('made in the last hour of the day shift (QA pass X: due 20:00, overdue for the night shift minutes later)', () => {
  const fact = (kind: RemarkFact['kind']) => ({ kind, orderId: '56', buyer: '小明' }) as RemarkFact;
  const sameDay = (now: number, s = S): Followup[] => [
    panelFollowup('inquiry', '小明', now, s),
    panelFollowup('bad-review', '小明', now, s),
    panelFollowup('refund-to-pay', '小明', now, s),
    manualFollowup({ title: '回电' }, now, s),
    ...followupsFromRemarkFacts([fact('refund-pending'), fact('postage-refund')], [], s, now).upserts,
  ];

  it(`with less than ${SAME_DAY_LEAD_MINUTES} minutes left, "today" is the next noon, as at night: nothing reaches the night shift overdue`, () => {
    const now = bj(2026, 12, 7, 19, 55);
    const made = sameDay(now);
    expect(made.map((f) => [f.kind, f.dueAt])).toEqual(made.map((f) => [f.kind, bj(2026, 12, 8, 12, 0)]));
    // Not handed over: the day shift's, in their kinds' sections.
    expect(made.filter((f) => f.handover)).toEqual([]);
    expect(todayView(made, bj(2026, 12, 7, 20, 5), S).overdue).toEqual([]);
    expect(todayView(made, bj(2026, 12, 8, 8, 0), S).today).toHaveLength(made.length);
  });

  it('with an hour left or more, still the end of the shift; a shift ending after midnight counts the same', () => {
    expect(sameDay(bj(2026, 12, 7, 19, 0)).map((f) => f.dueAt)).toEqual(sameDay(bj(2026, 12, 7, 19, 0)).map(() => bj(2026, 12, 7, 20, 0)));
    expect(sameDay(bj(2026, 12, 7, 19, 1)).map((f) => f.dueAt)).toEqual(sameDay(bj(2026, 12, 7, 19, 1)).map(() => bj(2026, 12, 8, 12, 0)));
    const late = { ...S, dayShift: { start: '14:00', end: '01:00' } };
    expect(panelFollowup('bad-review', '小明', bj(2026, 12, 7, 23, 30), late).dueAt).toBe(bj(2026, 12, 8, 1, 0));
    expect(panelFollowup('bad-review', '小明', bj(2026, 12, 8, 0, 30), late).dueAt).toBe(bj(2026, 12, 8, 12, 0));
  });
});

describe('work the shop does the same day is listed under today, not later', () => {
  // In the day shift, before the cut-off: every kind whose rule is "today" (see README's table).
  const times = [bj(2026, 3, 10, 9, 0), bj(2026, 3, 10, 15, 40), bj(2026, 3, 10, 19, 0)];
  const section = (f: Followup, now: number) => {
    const v = todayView([f], now, S);
    return v.overdue.length ? 'overdue' : v.today.length ? 'today' : 'upcoming';
  };
  it.each(times.map((now) => [new Date(now + 8 * HOUR).toISOString().slice(11, 16), now]))('made at %s', (_, now) => {
    const fact = (kind: RemarkFact['kind']) => ({ kind, orderId: '55', buyer: '小明' }) as RemarkFact;
    const made: Followup[] = [
      panelFollowup('inquiry', '小明', now, S),
      panelFollowup('bad-review', '小明', now, S),
      manualFollowup({ title: '回电' }, now, S),
      handoverFollowup({ title: '交接' }, now, S),
      ...followupsFromRemarkFacts([fact('refund-pending'), fact('postage-refund')], [], S, now).upserts,
    ];
    expect(made.map((f) => [f.kind, section(f, now)])).toEqual(made.map((f) => [f.kind, 'today']));
  });
});
