import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from './db';
import {
  addFollowup,
  applyFollowupRule,
  changeFollowup,
  claimNotifications,
  HANDOVER_DUE_KEY,
  invalidateFollowupCache,
  loadFollowups,
  PENDING_TTL_MS,
  pruneFollowups,
  setPendingSuggestion,
  takePendingSuggestion,
} from './followups';
import { complete, followupsFromOrders, panelFollowup, snooze, type OrderInput } from '../domain/followups';

/** Beijing wall time on 2026-03-02 (+ day offset) as epoch ms: the fake clock of these tests. */
const bj = (h: number, m = 0, day = 0) => Date.UTC(2026, 2, 2 + day, h - 8, m);
const order = (orderId: string, buyer: string, status: OrderInput['status'], createdAt?: number): OrderInput => ({
  orderId,
  buyer,
  status,
  createdAt,
  flag: 'gray',
  remark: '',
});
const fromOrders = (orders: OrderInput[], now: number) => (existing: Parameters<typeof followupsFromOrders>[1]) =>
  followupsFromOrders(orders, existing, {}, now);

beforeEach(async () => {
  await db.clear('followups');
  await db.clear('meta');
});

describe('handover items stored before the due times changed', () => {
  // As the version before 2026-12-03 stored them: a day-shift handover note due 20:00, the minute the
  // night shift comes on, and a to-do handed to the night shift at 15:00, also due 20:00.
  const note = {
    v: 2, id: 'handover:old-note', kind: 'handover', title: '3001 等仓库回复', reason: '白班交给夜班，2026-03-02 20:00 前处理完',
    why: { key: 'followups.reason.handoverToNight', params: { due: '2026-03-02 20:00' } },
    createdAt: bj(15), dueAt: bj(20), status: 'open', source: 'manual', handover: true, shift: 'night', assignedAt: bj(15),
  };
  const handed = {
    v: 2, id: 'manual:old-todo', kind: 'manual', title: '给阿强回电话', reason: '手动添加的待办', createdAt: bj(14), dueAt: bj(20),
    status: 'open', source: 'manual', handover: true, shift: 'night', assignedAt: bj(15),
  };
  const snoozedByAgent = { ...handed, id: 'manual:old-snoozed', status: 'snoozed', snoozedUntil: bj(21) };

  /** The store module as a worker that has just started sees it (the upgrade runs once per worker life). */
  const started = async () => {
    vi.resetModules();
    return import('./followups');
  };

  it('are due 23:59 the first time the list is read (night shift not greeted by overdue items), once, and stored so', async () => {
    for (const r of [note, handed, snoozedByAgent]) await db.set('followups', r.id, r);
    const store = await started();
    const items = await store.loadFollowups(bj(20, 1));
    const due = (id: string) => items.find((f) => f.id === id)!.dueAt;
    expect(due(note.id)).toBe(bj(23, 59));
    expect(due(handed.id)).toBe(bj(23, 59));
    // The agent snoozed this one: when it comes back is their choice.
    expect(due(snoozedByAgent.id)).toBe(bj(20));
    expect(items.find((f) => f.id === note.id)!.reason).toBe('白班交给夜班：夜班 20:00 接班后处理，2026-03-02 23:59 前处理完');
    // Written back (not just shown), with the marker, so a later change of the shift hours cannot undo it.
    expect((await db.get<{ dueAt: number }>('followups', note.id))!.dueAt).toBe(bj(23, 59));
    expect(await db.get('meta', store.HANDOVER_DUE_KEY)).toBe(2);
    // Once: the marker is kept; a later start moves nothing.
    await db.set('followups', handed.id, handed);
    await (await started()).changeFollowup(note.id, (f) => ({ ...f, note: '仓库已回复' }), bj(20, 2));
    expect((await db.get<{ dueAt: number }>('followups', handed.id))!.dueAt).toBe(bj(20));
    expect((await db.get<{ note: string }>('followups', note.id))!.note).toBe('仓库已回复');
  });

  it('run again at the next start after a restore brings back data from before (meta without the marker)', async () => {
    await db.set('followups', handed.id, handed);
    await (await started()).loadFollowups();
    expect((await db.get<{ dueAt: number }>('followups', handed.id))!.dueAt).toBe(bj(23, 59));
    // A restored snapshot from before: the old record and a meta store without the marker.
    await db.set('followups', handed.id, handed);
    await db.del('meta', HANDOVER_DUE_KEY);
    expect((await (await started()).loadFollowups()).find((f) => f.id === handed.id)!.dueAt).toBe(bj(23, 59));
  });
});

describe('follow-up storage', () => {
  it('keeps both pages’ items when two order pages report at the same moment', async () => {
    const now = bj(11);
    await Promise.all([
      applyFollowupRule(fromOrders([order('1001', '小鹿', 'unpaid', bj(9))], now), now),
      applyFollowupRule(fromOrders([order('2002', '阿猫', 'unpaid', bj(9, 30))], now), now),
      applyFollowupRule(fromOrders([order('3003', '王姐', 'unpaid', bj(10))], now), now),
    ]);
    const ids = (await loadFollowups()).map((f) => f.id).sort();
    expect(ids).toEqual(['unpaid:1001', 'unpaid:2002', 'unpaid:3003']);
  });

  it('reading the same page twice writes nothing the second time', async () => {
    const now = bj(11);
    expect(await applyFollowupRule(fromOrders([order('1001', '小鹿', 'unpaid', bj(9))], now), now)).toBe(1);
    expect(await applyFollowupRule(fromOrders([order('1001', '小鹿', 'unpaid', bj(9))], now + 60_000), now + 60_000)).toBe(0);
  });

  it('closes the payment reminder when the page later shows the order paid', async () => {
    await applyFollowupRule(fromOrders([order('1001', '小鹿', 'unpaid', bj(9))], bj(11)), bj(11));
    await applyFollowupRule(fromOrders([order('1001', '小鹿', 'paid', bj(9))], bj(12)), bj(12));
    const [item] = await loadFollowups(bj(13));
    expect(item).toMatchObject({ id: 'unpaid:1001', status: 'done', closedReason: '买家已付款', closedAt: bj(12) });
  });

  it('does not reopen an item the agent closed while a page was reporting', async () => {
    const now = bj(11);
    await applyFollowupRule(fromOrders([order('1001', '小鹿', 'unpaid', bj(9))], now), now);
    await Promise.all([
      changeFollowup('unpaid:1001', (f) => complete(f, now + 1, '电话联系过'), now + 1),
      applyFollowupRule(fromOrders([order('1001', '小鹿', 'unpaid', bj(9))], now + 2), now + 2),
    ]);
    const [item] = await loadFollowups(now + 3);
    expect(item).toMatchObject({ status: 'done', closedReason: '电话联系过' });
  });

  it('an order read in the night shift is due by its own rule, not handed over', async () => {
    const night = bj(23, 10);
    // Created at 22:30: the payment reminder is due tomorrow 15:30, the reminder time, as by day.
    await applyFollowupRule(fromOrders([order('1001', '小鹿', 'unpaid', bj(22, 30))], night), night);
    const [item] = await loadFollowups();
    expect(item!.handover).toBeUndefined();
    expect(item!.dueAt).toBe(bj(15, 30, 1));
  });

  it('a night-marked item stored before is upgraded once: no longer a handover, due by its own rule', async () => {
    // As the version before 2026-12-05 stored a return read at 23:00: marked for the day shift, due at noon.
    const old = {
      v: 2, id: 'return-pending:1001', kind: 'return-pending', title: '待收退货：小鹿', reason: '退换货等买家寄回，每 2 天查看一次物流',
      why: { key: 'followups.reason.returnPending', params: { days: 2 } }, createdAt: bj(23), dueAt: bj(12, 0, 1),
      status: 'open', source: 'remark', orderId: '1001', buyer: '小鹿', handover: true,
    };
    await db.set('followups', old.id, old);
    await db.set('meta', HANDOVER_DUE_KEY, 1);
    vi.resetModules();
    const [item] = await (await import('./followups')).loadFollowups(bj(8, 0, 1));
    expect(item!.handover).toBeUndefined();
    expect(item!.dueAt).toBe(bj(23, 0, 2));
    expect(await db.get('meta', HANDOVER_DUE_KEY)).toBe(2);
  });

  it('adding an inquiry twice keeps one item and both notes', async () => {
    const now = bj(14);
    await addFollowup(panelFollowup('inquiry', '小鹿', now, {}, undefined, { platform: 'demo', note: '嫌贵' }), now);
    await addFollowup(panelFollowup('inquiry', '小鹿', now + 1000, {}, undefined, { platform: 'demo', note: '等活动' }), now + 1000);
    const items = await loadFollowups();
    expect(items).toHaveLength(1);
    expect(items[0]!.note).toBe('嫌贵\n等活动');
    expect(items[0]!.createdAt).toBe(now);
  });

  it('an inquiry made again after it was closed starts open and keeps the closed one\'s log, first', async () => {
    const now = bj(14);
    const first = await addFollowup(panelFollowup('inquiry', '小鹿', now, {}, undefined, { platform: 'demo', note: '第一次问了颜色' }), now);
    await changeFollowup(first.id, (f) => complete(f, now + 1000), now + 1000);
    const again = await addFollowup(panelFollowup('inquiry', '小鹿', now + 2000, {}, undefined, { platform: 'demo', note: '又来问尺码' }), now + 2000);
    expect(again.id).toBe(first.id);
    const [item] = await loadFollowups();
    expect(item).toMatchObject({ status: 'open', note: '第一次问了颜色\n又来问尺码' });
  });

  it('snoozes and changes nothing for an unknown id', async () => {
    const now = bj(14);
    const item = await addFollowup(panelFollowup('bad-review', '小鹿', now, {}), now);
    const s = await changeFollowup(item.id, (f) => snooze(f, now + 3_600_000), now);
    expect(s).toMatchObject({ status: 'snoozed', snoozedUntil: now + 3_600_000 });
    expect(await changeFollowup('nope', (f) => f, now)).toBeNull();
  });

  it('reads old to-do records and skips damaged ones', async () => {
    await db.set('followups', 'old', { text: '给王姐回电话', due: bj(18), type: '其他待办' });
    await db.set('followups', 'bad', { v: 1, id: 'x', kind: 'nonsense', dueAt: 1 });
    const items = await loadFollowups(bj(10));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'manual', title: '给王姐回电话', dueAt: bj(18), status: 'open' });
  });

  it('forgets done items after 30 days, never open ones', async () => {
    const now = bj(10);
    const a = await addFollowup(panelFollowup('bad-review', '甲', now, {}, undefined, { orderId: 'A1' }), now);
    const b = await addFollowup(panelFollowup('bad-review', '乙', now, {}, undefined, { orderId: 'B1' }), now);
    await changeFollowup(a.id, (f) => complete(f, now), now);
    expect(await pruneFollowups(now + 29 * 86_400_000)).toBe(0);
    expect(await pruneFollowups(now + 31 * 86_400_000)).toBe(1);
    expect((await loadFollowups()).map((f) => f.id)).toEqual([b.id]);
  });

  it('leaves done items past 30 days out of the popup’s read while they wait for the hourly prune', async () => {
    const now = bj(10);
    const old = await addFollowup(panelFollowup('bad-review', '甲', now, {}, undefined, { orderId: 'A2' }), now);
    const recent = await addFollowup(panelFollowup('bad-review', '乙', now, {}, undefined, { orderId: 'B2' }), now);
    const open = await addFollowup(panelFollowup('bad-review', '丙', now, {}, undefined, { orderId: 'C2' }), now);
    await changeFollowup(old.id, (f) => complete(f, now), now);
    await changeFollowup(recent.id, (f) => complete(f, now + 10 * 86_400_000), now + 10 * 86_400_000);
    invalidateFollowupCache();
    const later = now + 31 * 86_400_000;
    expect((await loadFollowups(later)).map((f) => f.id).sort()).toEqual([recent.id, open.id].sort());
    // Still stored until the prune; the prune then takes it.
    expect(await db.get('followups', old.id)).toBeTruthy();
    expect(await pruneFollowups(later)).toBe(1);
  });
});

describe('pending suggestion for the chat opened from the popup', () => {
  it('is taken once by the buyer’s chat and then gone', async () => {
    const now = bj(15);
    await setPendingSuggestion({ buyer: '小鹿', platform: 'demo', scenario: 'payment', followupId: 'unpaid:1' }, now);
    expect(await takePendingSuggestion({ buyer: '阿猫' }, 'demo', now + 1000)).toBeNull();
    expect(await takePendingSuggestion({ buyer: '小鹿' }, 'demo', now + 1000)).toMatchObject({ scenario: 'payment' });
    expect(await takePendingSuggestion({ buyer: '小鹿' }, 'demo', now + 2000)).toBeNull();
  });

  it('goes to the chat of the buyer with the item’s console id, not another buyer behind the same masked name', async () => {
    const now = bj(15);
    await setPendingSuggestion({ buyer: 'S*******n', buyerId: '88002', platform: 'pdd', scenario: 'payment', followupId: 'x' }, now);
    expect(await takePendingSuggestion({ buyer: 'S*******n', buyerId: '88001' }, 'pdd', now + 1)).toBeNull();
    expect(await takePendingSuggestion({ buyer: 'S*******n' }, 'pdd', now + 1)).toBeNull();
    expect(await takePendingSuggestion({ buyer: 'S*******n', buyerId: '88002' }, 'pdd', now + 1)).toMatchObject({ scenario: 'payment' });
  });

  it('expires', async () => {
    const now = bj(15);
    await setPendingSuggestion({ buyer: '小鹿', scenario: 'payment', followupId: 'unpaid:1' }, now);
    expect(await takePendingSuggestion({ buyer: '小鹿' }, 'demo', now + PENDING_TTL_MS + 1)).toBeNull();
  });
});

describe('notification log', () => {
  it('announces an item once per day', async () => {
    expect(await claimNotifications('2026-03-02', ['a', 'b'])).toEqual(['a', 'b']);
    expect(await claimNotifications('2026-03-02', ['b', 'c'])).toEqual(['c']);
    expect(await claimNotifications('2026-03-03', ['a'])).toEqual(['a']);
  });
});
