/**
 * Days the shop does not ship: what a reply promises ({发货日}, {付款发货}) and what the follow-up list
 * reminds of (unpaid orders, overdue shipping) skip them. 2026-12-04 is a Friday; 2027-02-04 a Thursday.
 */
import { describe, expect, it } from 'vitest';
import { payShipText, renderTemplate, shippingDay } from './templates/variables';
import { followupsFromOrders, unpaidDue } from './followups/rules';
import { DEFAULT_FOLLOWUP_SETTINGS, type OrderInput } from './followups/types';
import { shipDateFrom, type NoShipDays } from './ship-days';
import { parseNoShipDates } from './no-ship-text';
import { normaliseSettings } from '../storage/settings';

/** Beijing wall time → epoch ms (shop time is UTC+8). */
const bj = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);
const ZONE = 480;
const WEEKEND: NoShipDays = { weekdays: [0, 6], dates: [] };
const SPRING: NoShipDays = { weekdays: [], dates: [{ from: '2027-02-05', to: '2027-02-12' }] };
const day = (at: number, no?: NoShipDays) => shippingDay(at, '16:00', ZONE, no).label;

describe('{发货日} and {付款发货} on a shop that does not ship every day', () => {
  it('skip a weekend the shop is closed, naming the real day by its weekday', () => {
    expect(day(bj(2026, 12, 4, 17, 0), WEEKEND)).toBe('周一（12月7日）');
    expect(payShipText(bj(2026, 12, 4, 17, 0), '16:00', ZONE, WEEKEND)).toBe('现在付款，周一（12月7日）就能发出');
    // Saturday morning is before the cut-off, but the warehouse is closed: no 今天.
    expect(day(bj(2026, 12, 5, 10, 0), WEEKEND)).toBe('周一（12月7日）');
    expect(payShipText(bj(2026, 12, 5, 10, 0), '16:00', ZONE, WEEKEND)).toBe('现在付款，周一（12月7日）就能发出');
    // Sunday: Monday is tomorrow, and said so.
    expect(day(bj(2026, 12, 6, 0, 20), WEEKEND)).toBe('明天（12月7日）');
  });

  it('skip a range of dates that crosses into the next month', () => {
    const closed: NoShipDays = { weekdays: [], dates: [{ from: '2027-01-30', to: '2027-02-02' }] };
    expect(day(bj(2027, 1, 29, 17, 0), closed)).toBe('周三（2月3日）');
    expect(day(bj(2027, 1, 31, 9, 0), closed)).toBe('周三（2月3日）');
  });

  it('before the cut-off on the day before a holiday ship today; from the cut-off, after the holiday', () => {
    expect(day(bj(2027, 2, 4, 15, 59), SPRING)).toBe('今天（2月4日）');
    expect(payShipText(bj(2027, 2, 4, 15, 59), '16:00', ZONE, SPRING)).toBe('今天16:00前付款，今天（2月4日）就能发出');
    expect(day(bj(2027, 2, 4, 16, 0), SPRING)).toBe('周六（2月13日）');
    expect(payShipText(bj(2027, 2, 4, 16, 0), '16:00', ZONE, SPRING)).toBe('现在付款，周六（2月13日）就能发出');
  });

  it('on the last day of a range promise the day after, never today', () => {
    expect(day(bj(2027, 2, 12, 10, 0), SPRING)).toBe('明天（2月13日）');
    expect(shippingDay(bj(2027, 2, 12, 10, 0), '16:00', ZONE, SPRING).isToday).toBe(false);
    expect(day(bj(2027, 2, 13, 10, 0), SPRING)).toBe('今天（2月13日）');
  });

  it('are what a reply holds, and a reply that names today’s cut-off is marked on a closed day', () => {
    const ctx = { agentName: '', shopName: '', now: new Date(bj(2026, 12, 5, 10, 0)), cutoff: '16:00', zone: ZONE, noShip: WEEKEND };
    expect(renderTemplate('亲，{发货日}发出哦', ctx).text).toBe('亲，周一（12月7日）发出哦');
    expect(renderTemplate('今天{截单时间}前付款当天发', ctx).pastCutoff).toBe(true);
    // A shop that ships every day is as before.
    expect(renderTemplate('亲，{发货日}发出哦', { ...ctx, noShip: undefined }).text).toBe('亲，今天（12月5日）发出哦');
  });
});

describe('follow-ups on a shop that does not ship every day', () => {
  const S = { ...DEFAULT_FOLLOWUP_SETTINGS, noShip: WEEKEND };
  const order = (o: Partial<OrderInput> & { orderId: string }): OrderInput => ({ buyer: '小林', status: 'unpaid', flag: 'gray', remark: '', ...o });

  it('an unpaid order after Friday’s cut-off is reminded before Monday’s, and the reason names Friday', () => {
    const created = bj(2026, 12, 4, 17, 0);
    expect(unpaidDue(created, S).dueAt).toBe(bj(2026, 12, 7, 15, 30));
    const [item] = followupsFromOrders([order({ orderId: 'A1', createdAt: created })], [], S, created + 40 * 60_000).upserts;
    expect(item!.dueAt).toBe(bj(2026, 12, 7, 15, 30));
    expect(item!.reason).toContain('已过 2026-12-04 16:00 截单，2026-12-07 15:30 前催付');
  });

  it('an unpaid order on a closed Sunday waits for Monday’s cut-off and says the shop does not ship that day', () => {
    const created = bj(2026, 12, 6, 10, 0);
    const [item] = followupsFromOrders([order({ orderId: 'A2', createdAt: created })], [], S, created + 40 * 60_000).upserts;
    expect(item!.dueAt).toBe(bj(2026, 12, 7, 15, 30));
    expect(item!.reason).toContain('2026-12-06 店铺不发货，2026-12-07 15:30 前催付');
  });

  it('a paid order is not overdue over a closed weekend: it is late once Monday is over', () => {
    const paid = order({ orderId: 'B1', status: 'paid', createdAt: bj(2026, 12, 4, 17, 0) });
    expect(followupsFromOrders([paid], [], S, bj(2026, 12, 6, 9, 0)).upserts).toEqual([]);
    expect(followupsFromOrders([paid], [], S, bj(2026, 12, 7, 23, 0)).upserts).toEqual([]);
    const [item] = followupsFromOrders([paid], [], S, bj(2026, 12, 8, 9, 0)).upserts;
    expect(item!.kind).toBe('delay');
    expect(item!.reason).toContain('应在 2026-12-07 发出');
  });
});

describe('the dates as the owner types them, and as stored', () => {
  it('reads single days and ranges in the ways owners write them', () => {
    expect(parseNoShipDates('2027-01-01\n2027/2/5 至 2027/2/12\n\n2026年12月25日')).toEqual({
      dates: [
        { from: '2026-12-25', to: '2026-12-25' },
        { from: '2027-01-01', to: '2027-01-01' },
        { from: '2027-02-05', to: '2027-02-12' },
      ],
    });
    expect(parseNoShipDates('2027-02-05 ~ 2027-02-12, 2027-05-01到2027-05-03')).toEqual({
      dates: [
        { from: '2027-02-05', to: '2027-02-12' },
        { from: '2027-05-01', to: '2027-05-03' },
      ],
    });
    expect(parseNoShipDates('  \n')).toEqual({ dates: [] });
  });

  it('refuses what is no date, a range backwards, and a range of a wrong year, naming the line', () => {
    expect(parseNoShipDates('2027-02-30')).toEqual({ error: { key: 'options.noShipDateInvalid', params: { value: '2027-02-30' } } });
    expect(parseNoShipDates('春节')).toEqual({ error: { key: 'options.noShipDateInvalid', params: { value: '春节' } } });
    expect(parseNoShipDates('2027-02-12 至 2027-02-05')).toEqual({ error: { key: 'options.noShipRangeBackwards', params: { value: '2027-02-12 至 2027-02-05' } } });
    expect(parseNoShipDates('2027-02-05 至 2028-02-12')).toMatchObject({ error: { key: 'options.noShipRangeLong', params: { days: 373 } } });
  });

  it('are kept in the settings (an import, a backup) as they were, with anything malformed dropped', () => {
    const s = normaliseSettings({ shop: { cutoff: '16:00', noShip: { weekdays: [0, 9, '1', 6, 0], dates: [SPRING.dates[0], { from: '2027-13-01', to: 'x' }, { from: '2027-03-02', to: '2027-03-01' }] } } });
    expect(s.shop.noShip).toEqual({ weekdays: [0, 6], dates: [{ from: '2027-02-05', to: '2027-02-12' }] });
    expect(normaliseSettings(s).shop.noShip).toEqual(s.shop.noShip);
    // None, or every weekday (no day left to ship): the shop ships every day.
    expect(normaliseSettings({ shop: { noShip: { weekdays: [], dates: [] } } }).shop.noShip).toBeUndefined();
    expect(normaliseSettings({ shop: { noShip: { weekdays: [0, 1, 2, 3, 4, 5, 6], dates: [] } } }).shop.noShip).toBeUndefined();
  });

  it('name the first shipping date on or after a promised one (the purple remark’s 可发货日)', () => {
    const closed: NoShipDays = { weekdays: [0], dates: [{ from: '2027-02-05', to: '2027-02-12' }] };
    expect(shipDateFrom('2027-02-06', closed)).toBe('2027-02-13'); // the range's Saturday: past its end
    expect(shipDateFrom('2026-12-06', closed)).toBe('2026-12-07'); // a Sunday
    expect(shipDateFrom('2026-12-31', { weekdays: [], dates: [{ from: '2026-12-31', to: '2027-01-01' }] })).toBe('2027-01-02');
    expect(shipDateFrom('2026-12-08', closed)).toBe('2026-12-08');
    expect(shipDateFrom('2026-12-06')).toBe('2026-12-06');
    expect(shipDateFrom('12/06', closed)).toBe('12/06');
  });
});
