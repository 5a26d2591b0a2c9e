import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const tabs = { query: vi.fn(async () => [] as { id?: number; url?: string; windowId?: number }[]), create: vi.fn(async () => ({})), update: vi.fn(async () => ({})) };
// The demo console's host is granted (as the test build's manifest does); nothing else is.
const permissions = { contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => o === 'http://127.0.0.1:4100/*')) };
vi.mock('../../browser', () => ({
  browser: {
    storage: { local: { set: vi.fn(async () => {}), get: vi.fn(async () => ({})) }, onChanged: { addListener: vi.fn(), removeListener: vi.fn() } },
    runtime: { id: 'ext', getURL: (p = '') => `chrome-extension://ext/${p.replace(/^\//, '')}` },
    tabs,
    permissions,
    windows: { update: vi.fn(async () => ({})) },
  },
}));

const { dispatch } = await import('../dispatch');
const { remarkFactSinks } = await import('./rules');
const { followupRemarkSink } = await import('./followups');
const { db } = await import('../../storage/db');
const { newCustomer } = await import('../../domain/customers');
const { vipRevisits } = await import('../../background/followup-jobs');
import type { FollowupList } from '../protocol-followups';
import type { Followup } from '../../domain/followups';
import { buyerTag } from '../../domain/customers/buyer-tag';

/** Beijing wall time on 2026-03-02 (+ days) as epoch ms. */
const bj = (h: number, m = 0, day = 0) => Date.UTC(2026, 2, 2 + day, h - 8, m);
const ORDERS_PAGE = 'http://127.0.0.1:4100/orders?tab=unpaid';
const CHAT_PAGE = 'http://127.0.0.1:4100/chat/%E5%B0%8F%E9%B9%BF';
const fromPage = (url: string) => ({ tabId: 7, url });
const row = (orderId: string, buyer: string, status: string, createdAt?: number) => ({ orderId, buyer, status, createdAt, flag: 'gray', remark: '' });

async function ok<T>(verb: string, payload: unknown, sender: 'extension-page' | 'content-script' = 'extension-page', ctx = {}): Promise<T> {
  const r = await dispatch({ kf: verb, payload }, sender, ctx);
  if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}
const list = () => ok<FollowupList>('listFollowups', undefined);
const items = (l: FollowupList) => l.groups.flatMap((g) => g.items.map((f) => ({ ...f, section: g.section })));
const report = (orders: unknown[]) => ok('reportOrders', { platform: 'demo', orders }, 'content-script', fromPage(ORDERS_PAGE));

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(bj(11));
  for (const s of ['followups', 'meta', 'customers'] as const) await db.clear(s);
  tabs.create.mockClear();
  tabs.update.mockClear();
});
afterEach(() => vi.useRealTimers());

describe('follow-ups from the order list', () => {
  it('makes a payment reminder for every unpaid order seen, linked to the page, suggesting the payment scripts', async () => {
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(9)), row('3967201845739261054', '阿猫', 'unpaid', bj(8)), row('3951842736019283746', '王姐', 'paid', bj(10))]);
    const l = await list();
    expect(l.counts).toMatchObject({ today: 2, overdue: 0, badge: 2 });
    const unpaid = items(l).filter((f) => f.kind === 'unpaid');
    expect(unpaid.map((f) => f.buyer).sort()).toEqual(['小鹿', '阿猫']);
    expect(unpaid[0]).toMatchObject({ section: 'today', suggestScenario: 'payment', url: ORDERS_PAGE, platform: 'demo', dueAt: bj(15, 30) });
    expect(unpaid[0]!.reason).toContain('16:00');
  });

  it('a delayed order first read days after its promised ship day is overdue at once, counted once in the badge, its reason naming the day promised', async () => {
    // Ordered Thursday 10:00, before the cut-off: promised for that day; the list is first opened on Monday.
    await report([row('3988120457736120945', '小鹿', 'paid', bj(10, 0, -4))]);
    const l = await list();
    expect(l.counts).toMatchObject({ overdue: 1, today: 0, badge: 1 });
    const [delay] = items(l).filter((f) => f.kind === 'delay');
    // Made now, due since the morning after the promise: the buyer has waited since then, not the list.
    expect(delay).toMatchObject({ section: 'overdue', createdAt: bj(11), dueAt: bj(8, 0, -3) });
    expect(delay!.reason).toBe('2026-02-26 10:00 下单，按 16:00 截单应在 2026-02-26 发出，至今未发货：告知买家并提供换款或退款');
  });

  it('closes the reminder when the page later shows the order paid, and lists it under done today', async () => {
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(9))]);
    vi.setSystemTime(bj(12));
    await report([row('4012938475610293847', '小鹿', 'paid', bj(9))]);
    const l = await list();
    expect(l.counts).toMatchObject({ today: 0, done: 1, badge: 0 });
    expect(items(l)[0]).toMatchObject({ section: 'done', status: 'done', closedReason: '买家已付款' });
  });

  it('turns overdue after the reminder time and counts in the badge', async () => {
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(9))]);
    vi.setSystemTime(bj(15, 45));
    const l = await list();
    expect(l.counts).toMatchObject({ overdue: 1, today: 0, badge: 1 });
  });

  it('推迟 after the 16:00 cut-off moves a payment reminder to the next morning, before the next cut-off, and says so', async () => {
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(9))]);
    vi.setSystemTime(bj(17, 42));
    const [item] = items(await list());
    const later = await ok<Followup>('updateFollowup', { id: item!.id, action: 'snooze' });
    expect(later).toMatchObject({ snoozedUntil: bj(8, 0, 1), dueAt: bj(15, 30, 1), reason: '拍下超过 30 分钟未付款，已过 2026-03-02 16:00 截单，2026-03-03 15:30 前催付' });
    // The agent opens the order list again: the snooze and its reason stand.
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(9))]);
    expect(items(await list())[0]).toMatchObject({ section: 'snoozed', dueAt: bj(15, 30, 1), reason: later.reason });
  });

  it('an unpaid order first seen at night is due at the next reminder time (15:30), not handed over', async () => {
    vi.setSystemTime(bj(22, 40));
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(22))]);
    const [item] = items(await list());
    expect(item).toMatchObject({ dueAt: bj(15, 30, 1), section: 'upcoming' });
    expect(item!.handover).toBeUndefined();
  });
});

describe('every kind reaches the list from its source (fake clock)', () => {
  it('covers orders, remarks, customers, the panel and manual items', async () => {
    // Orders: unpaid, and a paid order not shipped after 48 h.
    await report([row('1000000001', '甲', 'unpaid', bj(9)), row('1000000002', '乙', 'paid', bj(9, 0, -3))]);
    // Remarks (the rules module's sinks include ours).
    expect(remarkFactSinks).toContain(followupRemarkSink);
    const ctx = { platform: 'demo' as const, now: Date.now() };
    await followupRemarkSink(
      [
        { kind: 'ship-promised', date: '2026-03-04', orderId: '1000000003', buyer: '丙' },
        { kind: 'return-pending', exchange: false, orderId: '1000000004', buyer: '丁' },
        { kind: 'refund-pending', amountYuan: 20, orderId: '1000000005', buyer: '戊' },
        { kind: 'postage-refund-pending', amountYuan: 12, orderId: '1000000006', buyer: '己' },
        { kind: 'verified', orderId: '1000000007', buyer: '庚' },
      ],
      ctx,
    );
    // Customers: a VIP last seen 28 days ago is due for the monthly revisit.
    const vip = { ...newCustomer('demo', '王姐', bj(9, 0, -28)), tags: ['VIP'] };
    await db.set('customers', vip.key, { ...vip, segment: 'vip', lastSeenAt: bj(9, 0, -28) });
    expect(await vipRevisits(Date.now())).toBe(1);
    // The chat panel, for the buyer on its page.
    for (const kind of ['inquiry', 'promised-answer', 'bad-review']) {
      await ok('addFollowup', { kind, buyer: '小鹿', platform: 'demo' }, 'content-script', fromPage(CHAT_PAGE));
    }
    // The popup: a to-do and a handover note.
    await ok('addFollowup', { kind: 'manual', title: '给王姐回电话' });
    await ok('addFollowup', { kind: 'handover', title: '晚班：3 单地址待确认' });

    const all = items(await list());
    const kinds = new Set(all.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(
      ['bad-review', 'delay', 'handover', 'inquiry', 'manual', 'postage-refund', 'promised-answer', 'refund-to-pay', 'return-pending', 'unpaid', 'vip-revisit'].sort(),
    );
    expect(all.filter((f) => f.kind === 'delay')).toHaveLength(2);
    const inquiry = all.find((f) => f.kind === 'inquiry')!;
    expect(inquiry).toMatchObject({ url: CHAT_PAGE, source: 'panel', suggestScenario: 'promotion' });
    expect(all.find((f) => f.kind === 'promised-answer')!.dueAt).toBe(bj(11, 0, 1));
    expect(all.find((f) => f.kind === 'bad-review')!.dueAt).toBe(bj(20));
  });

  it('a remark fact made for a buyer id keeps that id on its follow-up', async () => {
    await followupRemarkSink([{ kind: 'ship-promised', date: '2026-03-04', orderId: '302906652310', buyer: 'jd_2c8d41f3' }], {
      platform: 'jd',
      buyerId: 'jd_2c8d41f3',
      now: Date.now(),
    });
    expect(items(await list()).find((f) => f.orderId === '302906652310')).toMatchObject({ kind: 'delay', buyer: 'jd_2c8d41f3', buyerId: 'jd_2c8d41f3', platform: 'jd' });
  });

  it('an inquiry closes itself when that buyer’s order shows on the list', async () => {
    await ok('addFollowup', { kind: 'inquiry', buyer: '小鹿', platform: 'demo' }, 'content-script', fromPage(CHAT_PAGE));
    // An older order of hers on the list changes nothing; the one placed after asking closes it.
    await report([row('3870019283746512093', '小鹿', 'completed', bj(9, 0, -15))]);
    expect(items(await list()).find((f) => f.kind === 'inquiry')).toMatchObject({ status: 'open' });
    vi.setSystemTime(bj(11, 40));
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(11, 30))]);
    const inquiry = items(await list()).find((f) => f.kind === 'inquiry')!;
    expect(inquiry).toMatchObject({ status: 'done', closedReason: '买家已下单' });
  });

  it('an order page that shows no buyer adds for its order (listed by the order number); 咨询未拍, or no order, still needs the buyer', async () => {
    const memo = fromPage('https://trade.taobao.com/trade/memo/update_sell_memo.htm?biz_order_id=3709981726354019283');
    const item = await ok<Followup & { shownTitle: string }>('addFollowup', { kind: 'bad-review', buyer: '', platform: 'taobao', orderId: '3709981726354019283' }, 'content-script', memo);
    expect(item).toMatchObject({ id: 'bad-review:3709981726354019283', orderId: '3709981726354019283', title: '中差评', shownTitle: '中差评', url: memo.url });
    expect(item.buyer).toBeUndefined();
    const promised = await ok<Followup>('addFollowup', { kind: 'promised-answer', buyer: '', platform: 'taobao', orderId: '3709981726354019283' }, 'content-script', memo);
    expect(promised.id).toMatch(/^promised-answer:#3709981726354019283:/);
    for (const payload of [{ kind: 'inquiry', buyer: '', platform: 'taobao', orderId: '3709981726354019283' }, { kind: 'promised-answer', buyer: '', platform: 'taobao' }]) {
      const r = await dispatch({ kf: 'addFollowup', payload }, 'content-script', memo);
      expect(r, payload.kind).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('addFollowup.buyer: required') } });
    }
  });

  it('a promised answer keeps the time the agent chose', async () => {
    const item = await ok<Followup>('addFollowup', { kind: 'promised-answer', buyer: '小鹿', platform: 'demo', dueAt: bj(17) }, 'content-script', fromPage(CHAT_PAGE));
    expect(item.dueAt).toBe(bj(17));
    expect(item.reason).toContain('2026-03-02 17:00');
  });

  it('a call sent again under the same id (a worker stopped before answering) makes its item once; a new call makes another', async () => {
    const send = (rid: string, kind: 'manual' | 'promised-answer') =>
      dispatch({ kf: 'addFollowup', payload: { kind, buyer: '小鹿', platform: 'demo', ...(kind === 'manual' ? { title: '回电话给小鹿' } : {}) }, rid }, kind === 'manual' ? 'extension-page' : 'content-script', kind === 'manual' ? {} : fromPage(CHAT_PAGE));
    const mine = async () => items(await list()).filter((f) => f.buyer === '小鹿' && (f.kind === 'manual' || f.kind === 'promised-answer'));
    const before = (await mine()).length;
    for (const kind of ['manual', 'promised-answer'] as const) {
      expect(await send(`a1${kind.length}`, kind)).toMatchObject({ ok: true });
      vi.setSystemTime(Date.now() + 1500);
      expect(await send(`a1${kind.length}`, kind)).toMatchObject({ ok: true });
    }
    expect((await mine()).length).toBe(before + 2);
    await send('b2', 'manual');
    expect((await mine()).length).toBe(before + 3);
  });
});

describe('the agent’s actions', () => {
  let id: string;
  beforeEach(async () => {
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(9))]);
    id = 'unpaid:4012938475610293847';
  });

  it('done, reopen, note and snooze (by default the kind’s usual snooze: an hour for unpaid)', async () => {
    expect(await ok<Followup>('updateFollowup', { id, action: 'done', reason: '已电话催付' })).toMatchObject({ status: 'done', closedReason: '已电话催付' });
    expect(await ok<Followup>('updateFollowup', { id, action: 'reopen' })).toMatchObject({ status: 'open' });
    expect((await ok<Followup>('updateFollowup', { id, action: 'note', text: '说晚上付' })).note).toBe('说晚上付');
    const snoozed = await ok<Followup>('updateFollowup', { id, action: 'snooze' });
    expect(snoozed).toMatchObject({ status: 'snoozed', snoozedUntil: bj(12) });
    const l = await list();
    expect(l.counts).toMatchObject({ snoozed: 1, badge: 0 });
  });

  it('refuses bad payloads and changes nothing', async () => {
    for (const payload of [
      { id, action: 'explode' },
      { id, action: 'snooze', until: bj(10) },
      { id, action: 'snooze', until: 'tomorrow' },
      { id, action: 'note', text: '  ' },
      { id: 'unpaid:nope', action: 'done' },
      null,
    ]) {
      expect(await dispatch({ kf: 'updateFollowup', payload }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(items(await list())[0]).toMatchObject({ status: 'open' });
  });

  it('keeps the list, the actions and the export away from seller pages', async () => {
    for (const [verb, payload] of [
      ['listFollowups', undefined],
      ['updateFollowup', { id, action: 'done' }],
      ['exportFollowupsCsv', undefined],
      ['openFollowup', { id }],
    ] as const) {
      expect(await dispatch({ kf: verb, payload }, 'content-script', fromPage(CHAT_PAGE))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const manual = await dispatch({ kf: 'addFollowup', payload: { kind: 'manual', title: 'x' } }, 'content-script', fromPage(CHAT_PAGE));
    expect(manual).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('what the agent types on an item is masked as buyer notes are', () => {
  const PHONE = '13812345678';
  const stored = async (id: string) => (await db.values<Followup>('followups')).find((f) => f.id === id)!;

  it('masks a handover’s title and note, in storage, in the list and in the handover CSV', async () => {
    const made = await ok<Followup>('addFollowup', { kind: 'handover', title: `回电 ${PHONE}`, note: `她说 ${PHONE} 晚上可以打，身份证330106199001011234` });
    expect(made).toMatchObject({ title: '回电 138****5678', note: '她说 138****5678 晚上可以打，身份证330*************34' });
    expect(JSON.stringify(await db.values('followups'))).not.toContain(PHONE);
    expect(JSON.stringify(await list())).not.toContain(PHONE);
    const { csv } = await ok<{ csv: string }>('exportFollowupsCsv', undefined);
    expect(csv).toContain('她说 138****5678 晚上可以打');
    expect(csv).not.toContain(PHONE);
  });

  it('masks a phone typed as the buyer of a to-do or handover, in storage, in the list and in the CSV', async () => {
    for (const kind of ['manual', 'handover']) {
      const made = await ok<Followup>('addFollowup', { kind, title: '回电话', buyer: PHONE });
      expect(made.buyer).toBe('138****5678');
    }
    expect(JSON.stringify(await db.values('followups'))).not.toContain(PHONE);
    expect(JSON.stringify(await list())).not.toContain(PHONE);
    expect((await ok<{ csv: string }>('exportFollowupsCsv', undefined)).csv).not.toContain(PHONE);
  });

  it('masks, once at an update, a phone typed as a to-do’s or handover’s buyer before that was masked — live and in the backups — leaving a page buyer’s nickname, and not while the shop keeps numbers', async () => {
    const { upgradePrivacyAtStart: maskFollowupsAtUpdate } = await import('./data');
    await db.clear('backups');
    // As the version before 2026-12-06 stored them: the typed buyer in clear (the title was masked already).
    const todo = { v: 2, id: 'manual:old-call', kind: 'manual', title: '回电话', reason: '手动添加的待办', buyer: PHONE, createdAt: bj(9), dueAt: bj(20), status: 'open', source: 'manual' };
    const note = { ...todo, id: 'handover:old-note', kind: 'handover', title: '等她回电', buyer: '139 1234 5678', handover: true, shift: 'night' };
    const closed = { ...todo, id: 'manual:old-done', buyer: '+86 137-1234-5678', status: 'done', closedAt: bj(10) };
    // A page's buyer: the console's nickname (some are phone numbers), the key its items are found by.
    const inquiry = { v: 2, id: 'inquiry:demo:13612345678', kind: 'inquiry', title: '咨询未拍：13612345678', reason: '咨询未下单', buyer: '13612345678', platform: 'demo', createdAt: bj(9), dueAt: bj(15, 30), status: 'open', source: 'panel' };
    const OLD = [todo, note, closed, inquiry];
    const putOld = async () => { for (const r of OLD) await db.set('followups', r.id, r); };
    const raw = async () => JSON.stringify(await db.values('followups'));
    await putOld();
    await db.del('meta', 'privacy:remasked');
    // The shop keeps numbers: nothing changes, and the first worker start with masking on looks again.
    await ok('patchSettings', { privacy: { maskPii: false, retentionDays: 0 } });
    await maskFollowupsAtUpdate();
    expect(await raw()).toContain(PHONE);
    await ok('patchSettings', { privacy: { maskPii: true, retentionDays: 0 } });
    const backup = await ok<{ id: string }>('createBackup', undefined);
    await maskFollowupsAtUpdate();
    for (const phone of [PHONE, '139 1234 5678', '137-1234-5678']) expect(await raw()).not.toContain(phone);
    expect(await stored(todo.id)).toMatchObject({ buyer: '138****5678', status: 'open', dueAt: bj(20) });
    expect(await stored(note.id)).toMatchObject({ buyer: '139****5678', handover: true, shift: 'night' });
    expect(await stored(closed.id)).toMatchObject({ buyer: '+86 137****5678', status: 'done', closedAt: bj(10) });
    expect((await stored(inquiry.id)).buyer).toBe('13612345678');
    expect(JSON.stringify(await list())).not.toContain(PHONE);
    expect((await ok<{ csv: string }>('exportFollowupsCsv', undefined)).csv).not.toContain(PHONE);
    // The backup taken before holds them masked too: a restore does not bring the numbers back.
    const snap = await db.get<{ stores: { followups: [string, { buyer?: string }][] } }>('backups', backup.id);
    const inSnap = new Map(snap!.stores.followups);
    expect(inSnap.get(todo.id)!.buyer).toBe('138****5678');
    expect(inSnap.get(inquiry.id)!.buyer).toBe('13612345678');
    expect(JSON.stringify(snap!.stores.followups)).not.toContain(PHONE);
    // Once: what the shop stores later (masking turned off meanwhile) is the shop's choice, left as it is.
    await putOld();
    await maskFollowupsAtUpdate();
    expect(await raw()).toContain(PHONE);
  });

  it('masks a note added later and the reason typed when closing, whatever item it is on', async () => {
    const made = await ok<Followup>('addFollowup', { kind: 'promised-answer', buyer: '阳光明媚的日子', note: `电话 ${PHONE}` });
    await ok('updateFollowup', { id: made.id, action: 'note', text: `回电 13912345678，张晓红` });
    expect((await stored(made.id)).note).toBe('电话 138****5678\n回电 139****5678，张晓红');
    await ok('updateFollowup', { id: made.id, action: 'done', reason: `已打 ${PHONE}` });
    expect((await stored(made.id)).closedReason).toBe('已打 138****5678');
  });

  it('masks what a remark says about a delay before it becomes the item’s note', async () => {
    await followupRemarkSink([{ kind: 'ship-promised', date: '2026-03-04', orderId: '302906652310', buyer: '小鹿', reason: `缺货，买家电话 ${PHONE}` } as never], { platform: 'demo', now: bj(11) });
    expect((await stored('delay:302906652310')).note).toBe('缺货，买家电话 138****5678');
  });

  it('keeps order numbers readable, and keeps the text as typed when the shop turned masking off', async () => {
    const kept = await ok<Followup>('addFollowup', { kind: 'manual', title: '催发货', note: `订单号 4012938475610293847 电话 ${PHONE}` });
    expect(kept.note).toBe('订单号 4012938475610293847 电话 138****5678');
    await ok('patchSettings', { privacy: { maskPii: false } });
    const plain = await ok<Followup>('addFollowup', { kind: 'manual', title: `回电 ${PHONE}` });
    expect(plain.title).toBe(`回电 ${PHONE}`);
  });
});

describe('handover on one machine (no team mode)', () => {
  it('hands an item to the night shift: by day an ordinary item, after 20:00 first on the list, under the handover section', async () => {
    const made = await ok<Followup>('addFollowup', { kind: 'manual', title: '给阿强回电话', toShift: 'night' });
    // Due that evening, not at 20:00 (the night shift found every handed item overdue as it came on).
    expect(made).toMatchObject({ shift: 'night', handover: true, dueAt: bj(23, 59) });
    // By day it is an ordinary item of today's list.
    let l = await list();
    expect(l.viewer).toEqual({ shift: 'day' });
    expect(items(l).find((f) => f.id === made.id)!.section).toBe('today');
    // After 20:00 the machine is the night shift's: the item is in its handover section, first.
    vi.setSystemTime(bj(20, 30));
    l = await list();
    expect(l.viewer).toEqual({ shift: 'night' });
    expect(l.groups[0]).toMatchObject({ section: 'handover' });
    expect(items(l).find((f) => f.id === made.id)!.section).toBe('handover');
    expect(items(l).find((f) => f.id === made.id)!.dueAt).toBeGreaterThan(Date.now());
    expect(l.counts).toMatchObject({ badge: 1, overdue: 0 });
  });

  it('assigns, takes back, and refuses a person outside team mode and a bad target', async () => {
    const made = await ok<Followup>('addFollowup', { kind: 'manual', title: '补发赠品' });
    expect(await ok<Followup>('updateFollowup', { id: made.id, action: 'assign', to: { shift: 'night' } })).toMatchObject({ shift: 'night' });
    const back = await ok<Followup>('updateFollowup', { id: made.id, action: 'assign', to: null });
    expect(back.shift).toBeUndefined();
    for (const to of [{ person: '小王' }, { shift: 'evening' }, 'night', {}]) {
      expect(await dispatch({ kf: 'updateFollowup', payload: { id: made.id, action: 'assign', to } }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await ok('handoverTargets', undefined, 'content-script', fromPage(CHAT_PAGE))).toEqual({ shift: 'day', members: [] });
  });

  it('the panel hands a new item over; a page cannot name a shift that does not exist', async () => {
    const made = await ok<Followup>('addFollowup', { kind: 'inquiry', buyer: '小鹿', platform: 'demo', toShift: 'night' }, 'content-script', fromPage(CHAT_PAGE));
    expect(made).toMatchObject({ kind: 'inquiry', shift: 'night' });
    const bad = await dispatch({ kf: 'addFollowup', payload: { kind: 'inquiry', buyer: '小鹿', toShift: 'evening' } }, 'content-script', fromPage(CHAT_PAGE));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('answers the panel with the item’s title in the interface’s language; the item keeps its Chinese title', async () => {
    const { patchSettings } = await import('../../storage/settings');
    try {
      await patchSettings({ shop: { locale: 'en' } });
      const made = await ok<Followup & { shownTitle: string }>('addFollowup', { kind: 'bad-review', buyer: '小鹿', platform: 'demo' }, 'content-script', fromPage(CHAT_PAGE));
      expect(made.shownTitle).toBe('Bad review: 小鹿');
      expect(items(await list()).find((f) => f.id === made.id)).toMatchObject({ title: '中差评：小鹿' });
      await patchSettings({ shop: { locale: 'zh-CN' } });
      const again = await ok<Followup & { shownTitle: string }>('addFollowup', { kind: 'inquiry', buyer: '小鹿', platform: 'demo' }, 'content-script', fromPage(CHAT_PAGE));
      expect(again.shownTitle).toBe('咨询未拍：小鹿');
    } finally {
      await patchSettings({ shop: { locale: 'zh-CN' } });
    }
  });

  it('names a masked buyer in that title with their tag, as the popup does: two S*******n read apart on the panel’s line', async () => {
    const { patchSettings } = await import('../../storage/settings');
    const [a, b] = [buyerTag('S*******n', 'u-2001'), buyerTag('S*******n', 'u-2002')];
    try {
      const one = await ok<Followup & { shownTitle: string }>('addFollowup', { kind: 'inquiry', buyer: 'S*******n', buyerId: 'u-2001', platform: 'demo' }, 'content-script', fromPage(CHAT_PAGE));
      const two = await ok<Followup & { shownTitle: string }>('addFollowup', { kind: 'inquiry', buyer: 'S*******n', buyerId: 'u-2002', platform: 'demo' }, 'content-script', fromPage(CHAT_PAGE));
      expect([one.shownTitle, two.shownTitle]).toEqual([`咨询未拍：S*******n · ${a}`, `咨询未拍：S*******n · ${b}`]);
      // The item keeps the title every copy reads (the tag is made when it is shown).
      expect(items(await list()).find((f) => f.id === one.id)).toMatchObject({ title: '咨询未拍：S*******n' });
      await patchSettings({ shop: { locale: 'en' } });
      const en = await ok<Followup & { shownTitle: string }>('addFollowup', { kind: 'bad-review', buyer: 'S*******n', buyerId: 'u-2001', platform: 'demo' }, 'content-script', fromPage(CHAT_PAGE));
      expect(en.shownTitle).toBe(`Bad review: S*******n · ${a}`);
    } finally {
      await patchSettings({ shop: { locale: 'zh-CN' } });
    }
  });
});

describe('open from the popup', () => {
  it('opens the buyer’s chat and leaves the payment scenario for that chat’s panel, once', async () => {
    await report([row('4012938475610293847', '小鹿乱撞0521', 'unpaid', bj(9))]);
    const { url } = await ok<{ url: string }>('openFollowup', { id: 'unpaid:4012938475610293847' });
    expect(url).toBe(`http://127.0.0.1:4100/chat/${encodeURIComponent('小鹿乱撞0521')}`);
    expect(tabs.create).toHaveBeenCalledWith({ url });
    const chat = fromPage(url);
    expect(await ok('takePendingSuggestion', { buyer: '别人', platform: 'demo' }, 'content-script', chat)).toBeNull();
    expect(await ok('takePendingSuggestion', { buyer: '小鹿乱撞0521', platform: 'demo' }, 'content-script', chat)).toBe('payment');
    expect(await ok('takePendingSuggestion', { buyer: '小鹿乱撞0521', platform: 'demo' }, 'content-script', chat)).toBeNull();
  });

  it('a promised answer made on the buyer’s invoice question comes back to the invoice replies, not the holding reply', async () => {
    const made = await ok<Followup>(
      'addFollowup',
      { kind: 'promised-answer', buyer: '京东用户_小满', platform: 'demo', scenarios: ['invoice'] },
      'content-script',
      fromPage(CHAT_PAGE),
    );
    expect(made.suggestScenario).toBe('invoice');
    await ok('openFollowup', { id: made.id });
    expect(await ok('takePendingSuggestion', { buyer: '京东用户_小满', platform: 'demo' }, 'content-script', fromPage(CHAT_PAGE))).toBe('invoice');
    // A page sending something that is not a situation is refused (the page schema).
    const bad = await dispatch({ kf: 'addFollowup', payload: { kind: 'inquiry', buyer: '小鹿', platform: 'demo', scenarios: ['<script>'] } }, 'content-script', fromPage(CHAT_PAGE));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('a call-back made while the buyer had only said thanks has no situation: opened, its chat is told so once (\'\', the keys go to its chat box), another buyer\'s chat nothing', async () => {
    const made = await ok<Followup>('addFollowup', { kind: 'call-back', buyer: '京东用户_小满', platform: 'demo', scenarios: ['thanks'], dueAt: Date.now() + 3_600_000 }, 'content-script', fromPage(CHAT_PAGE));
    expect(made.suggestScenario).toBeUndefined();
    await ok('openFollowup', { id: made.id });
    expect(await ok('takePendingSuggestion', { buyer: '别人', platform: 'demo' }, 'content-script', fromPage(CHAT_PAGE))).toBeNull();
    expect(await ok('takePendingSuggestion', { buyer: '京东用户_小满', platform: 'demo' }, 'content-script', fromPage(CHAT_PAGE))).toBe('');
    expect(await ok('takePendingSuggestion', { buyer: '京东用户_小满', platform: 'demo' }, 'content-script', fromPage(CHAT_PAGE))).toBeNull();
  });

  it('opens nothing on a host the extension has no permission for, and says so (no page)', async () => {
    await report([row('4012938475610293847', '小鹿乱撞0521', 'unpaid', bj(9))]);
    permissions.contains.mockResolvedValueOnce(false);
    expect(await ok<{ url: string | null }>('openFollowup', { id: 'unpaid:4012938475610293847' })).toEqual({ url: null });
    expect(tabs.create).not.toHaveBeenCalled();
    expect(tabs.update).not.toHaveBeenCalled();
  });

  it('focuses a tab already showing that chat instead of opening another', async () => {
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(9))]);
    tabs.query.mockResolvedValueOnce([{ id: 3, windowId: 1, url: `http://127.0.0.1:4100/chat/${encodeURIComponent('小鹿')}` }]);
    await ok('openFollowup', { id: 'unpaid:4012938475610293847' });
    expect(tabs.update).toHaveBeenCalledWith(3, { active: true });
    expect(tabs.create).not.toHaveBeenCalled();
  });
});

describe('money and returns read from the order page open that page (QA pass X finding 1)', () => {
  const RETURN = '【退换货】类型:退货｜张三 2026-03-02';
  const QUALITY_EXCHANGE = '【退换货】类型：换货｜原款：藏青M｜换款：藏青L｜原因：质量问题｜张三 2026-03-02';
  const green = (orderId: string, buyer: string, remark: string) => ({ orderId, buyer, status: 'paid', createdAt: bj(9), flag: 'green', remark });

  it('待收退货, 待付退款 and 待退运费 from the order list keep the list’s address, and 打开 opens it', async () => {
    await report([green('4012938475610293847', '小鹿', RETURN), green('3967201845739261054', '阿猫', QUALITY_EXCHANGE)]);
    const made = items(await list()).filter((f) => ['return-pending', 'refund-to-pay', 'postage-refund'].includes(f.kind));
    expect(made.map((f) => f.id).sort()).toEqual(
      ['postage-refund:3967201845739261054', 'refund-to-pay:4012938475610293847', 'return-pending:3967201845739261054', 'return-pending:4012938475610293847'].sort(),
    );
    for (const f of made) expect(f, f.id).toMatchObject({ url: ORDERS_PAGE, platform: 'demo' });
    for (const f of made) {
      tabs.create.mockClear();
      expect(await ok<{ url: string | null }>('openFollowup', { id: f.id }), f.id).toEqual({ url: ORDERS_PAGE });
      expect(tabs.create).toHaveBeenCalledWith({ url: ORDERS_PAGE });
    }
  });

  it('a remark saved through the order page’s panel links its items to that page; a taught page’s address is not kept', async () => {
    const saved = { platform: 'demo', orderId: '4012938475610293847', buyer: '小鹿', flag: 'green', text: RETURN };
    await ok('recordRemark', saved, 'content-script', fromPage(ORDERS_PAGE));
    expect(items(await list()).find((f) => f.id === 'refund-to-pay:4012938475610293847')).toMatchObject({ url: ORDERS_PAGE });
    // A taught page (any site the shop taught) is no console the facade knows: its items keep no address.
    await ok('recordRemark', { ...saved, platform: 'taught', orderId: '3967201845739261054' }, 'content-script', fromPage('https://example.com/orders'));
    const other = items(await list()).find((f) => f.id === 'refund-to-pay:3967201845739261054')!;
    expect(other).toBeDefined();
    expect(other.url).toBeUndefined();
  });

  it('a new ship date saved through the panel stores when it was written (team mode: it beats a colleague’s earlier close); read on the list, none', async () => {
    const id = '4012938475610293847';
    const purple = (date: string) => `【延迟发货】可发货日:${date}｜原因:缺货｜小美 3/2`;
    await report([{ orderId: id, buyer: '小鹿', status: 'paid', createdAt: bj(9), flag: 'purple', remark: purple('2026-03-04') }]);
    expect(items(await list()).find((f) => f.id === `delay:${id}`)).toMatchObject({ dueAt: bj(15, 30, 2) });
    expect(items(await list()).find((f) => f.id === `delay:${id}`)!.reopenedAt).toBeUndefined();
    vi.setSystemTime(bj(11, 30));
    await ok('recordRemark', { platform: 'demo', orderId: id, buyer: '小鹿', flag: 'purple', text: purple('2026-03-05') }, 'content-script', fromPage(ORDERS_PAGE));
    expect(items(await list()).find((f) => f.id === `delay:${id}`)).toMatchObject({ status: 'open', dueAt: bj(15, 30, 3), reopenedAt: bj(11, 30) });
  });
});

describe('the buyer card', () => {
  it('gets this buyer’s follow-ups not yet done, most urgent first, and no one else’s', async () => {
    const chat = fromPage(CHAT_PAGE);
    const promised = await ok<Followup>('addFollowup', { kind: 'promised-answer', buyer: '京东用户_小满', platform: 'demo', dueAt: bj(17) }, 'content-script', chat);
    const asked = await ok<Followup>('addFollowup', { kind: 'inquiry', buyer: '京东用户_小满', platform: 'demo' }, 'content-script', chat);
    // Typed in the popup: no console, the name decides.
    const todo = await ok<Followup>('addFollowup', { kind: 'manual', title: '开好专票后告诉小满', buyer: '京东用户_小满' });
    await ok('addFollowup', { kind: 'inquiry', buyer: '别人', platform: 'demo' }, 'content-script', chat);
    await ok('updateFollowup', { id: asked.id, action: 'done' });
    const got = await ok<{ items: Followup[]; total: number; utcOffsetMinutes: number | null }>('buyerFollowups', { platform: 'demo', nickname: '京东用户_小满' });
    expect(got.items.map((f) => f.id)).toEqual([promised.id, todo.id]);
    expect(got).toMatchObject({ total: 2, utcOffsetMinutes: 480 });
    // Another console's buyer of the same name is someone else.
    expect((await ok<{ total: number }>('buyerFollowups', { platform: 'jd', nickname: '京东用户_小满' })).total).toBe(1);
    // Buyer notes stay out of the seller page's reach.
    expect(await dispatch({ kf: 'buyerFollowups', payload: { platform: 'demo', nickname: '京东用户_小满' } }, 'content-script', chat)).toMatchObject({ ok: false });
  });
});

describe('paging and export', () => {
  it('returns the first items of a group and the rest on demand', async () => {
    await report(Array.from({ length: 45 }, (_, i) => row(`20000000${String(i).padStart(2, '0')}`, `买家${i}`, 'unpaid', bj(9))));
    const l = await ok<FollowupList>('listFollowups', { perGroup: 10 });
    const g = l.groups.find((x) => x.kind === 'unpaid')!;
    expect(g).toMatchObject({ total: 45 });
    expect(g.items).toHaveLength(10);
    const more = await ok<{ total: number; items: Followup[] }>('listFollowupGroup', { section: g.section, kind: 'unpaid', offset: 10, limit: 100 });
    expect(more.items).toHaveLength(35);
    expect(new Set([...g.items, ...more.items].map((f) => f.id)).size).toBe(45);
  });

  it('exports the day’s list as CSV with a BOM, Chinese headers and order numbers kept as text', async () => {
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(9))]);
    const out = await ok<{ filename: string; csv: string; count: number }>('exportFollowupsCsv', undefined);
    expect(out.filename).toBe('跟进清单-2026-03-02-1100.csv');
    expect(out.count).toBe(1);
    expect(out.csv.startsWith('\uFEFF类型,买家,平台,订单号,原因,截止时间,状态,备注\r\n')).toBe(true);
    expect(out.csv).toContain('"=""4012938475610293847"""');
  });
});

describe('the first screen of a long list', () => {
  it('sends items only for the sections asked for, counts for all', async () => {
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(9))]);
    await ok('updateFollowup', { id: 'unpaid:4012938475610293847', action: 'done' });
    await report([row('3967201845739261054', '阿猫', 'unpaid', bj(9))]);
    const l = await ok<FollowupList>('listFollowups', { perGroup: 5, sections: ['overdue', 'today'] });
    expect(l.counts).toMatchObject({ today: 1, done: 1 });
    expect(l.groups.find((g) => g.section === 'today')!.items).toHaveLength(1);
    expect(l.groups.find((g) => g.section === 'done')).toMatchObject({ total: 1, items: [] });
    expect(await dispatch({ kf: 'listFollowups', payload: { sections: ['nope'] } }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('names the consoles of every section, those not sent included, for the popup’s console tags', async () => {
    await report([row('4012938475610293847', '小鹿', 'unpaid', bj(9))]);
    // Due the day after tomorrow on another console: in 以后, whose items are not sent on the first screen.
    await ok('addFollowup', { kind: 'manual', title: '回访尺码', platform: 'pdd', dueAt: bj(11, 0, 2) });
    await ok('addFollowup', { kind: 'manual', title: '给仓库打电话', dueAt: bj(15) });
    const l = await ok<FollowupList>('listFollowups', { perGroup: 5, sections: ['overdue', 'today'] });
    expect(items(l).map((f) => f.platform ?? null).sort()).toEqual(['demo', null]);
    expect(l.consoles!.sort()).toEqual(['demo', 'pdd']);
  });

  it('reveals the item just acted on: its group up to it, in a section not asked for, and where it is', async () => {
    await report(Array.from({ length: 8 }, (_, i) => row(`30000000${i}`, `买家${i}`, 'unpaid', bj(9) + i)));
    const last = (await ok<FollowupList>('listFollowups', { perGroup: 100 })).groups.find((g) => g.kind === 'unpaid')!.items[7]!;
    const l = await ok<FollowupList>('listFollowups', { perGroup: 5, sections: ['handover'], reveal: last.id });
    const g = l.groups.find((x) => x.kind === 'unpaid')!;
    expect(l.revealed).toEqual({ section: g.section, kind: 'unpaid', id: last.id });
    expect(g.items.map((f) => f.id)).toContain(last.id);
    expect(g.items).toHaveLength(8);
    expect((await ok<FollowupList>('listFollowups', { reveal: 'no-such-item' })).revealed).toBeUndefined();
    expect(await dispatch({ kf: 'listFollowups', payload: { reveal: 42 } }, 'extension-page')).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('notes on one item', () => {
  const line = (i: number) => `第${i}次回电：` + '买家说晚点再打'.repeat(80).slice(0, 490);

  it('a note that no longer fits is refused whole with the room left, and every earlier note stays', async () => {
    const made = await ok<Followup>('addFollowup', { kind: 'manual', title: '回访王女士', note: '第一次：电话没人接' });
    for (let i = 2; i <= 11; i++) await ok('updateFollowup', { id: made.id, action: 'note', text: line(i) });
    const stored = items(await list()).find((f) => f.id === made.id)!;
    expect(stored.note!.split('\n')[0]).toBe('第一次：电话没人接');
    const room = 5000 - stored.note!.length - 1;
    const r = await dispatch({ kf: 'updateFollowup', payload: { id: made.id, action: 'note', text: line(12) } }, 'extension-page');
    expect(r).toEqual({ ok: false, error: { code: 'invalid', message: `notes-full:${room}` } });
    expect(items(await list()).find((f) => f.id === made.id)!.note).toBe(stored.note);
  });

  it('takes one note of up to 500 characters, as the popup and the panel do, and refuses a longer one whole from either', async () => {
    const made = await ok<Followup>('addFollowup', { kind: 'manual', title: '回访张先生' });
    const long = '买家说下周再联系'.repeat(70).slice(0, 501);
    const r = await dispatch({ kf: 'updateFollowup', payload: { id: made.id, action: 'note', text: long } }, 'extension-page');
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(items(await list()).find((f) => f.id === made.id)!.note).toBeUndefined();
    expect((await ok<Followup>('updateFollowup', { id: made.id, action: 'note', text: long.slice(0, 500) })).note).toBe(long.slice(0, 500));
    const page = await dispatch({ kf: 'addFollowup', payload: { kind: 'inquiry', platform: 'demo', buyer: '小鹿', note: long } }, 'content-script', fromPage(CHAT_PAGE));
    expect(page).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(items(await list()).some((f) => f.kind === 'inquiry')).toBe(false);
  });

  it('an inquiry registered again adds its note to the open item, or is refused the same when it does not fit', async () => {
    const add = (note: string) => dispatch({ kf: 'addFollowup', payload: { kind: 'inquiry', platform: 'demo', buyer: '小鹿', note } }, 'content-script', fromPage(CHAT_PAGE));
    expect((await add('问了尺码')).ok).toBe(true);
    const id = items(await list()).find((f) => f.kind === 'inquiry')!.id;
    for (let i = 2; i <= 11; i++) await ok('updateFollowup', { id, action: 'note', text: line(i) });
    const before = items(await list()).find((f) => f.id === id)!.note!;
    const r = await add(line(12));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toEqual({ code: 'invalid', message: `notes-full:${5000 - before.length - 1}` });
    const after = items(await list()).find((f) => f.id === id)!.note!;
    expect(after).toBe(before);
    expect(after.startsWith('问了尺码\n')).toBe(true);
  });
});
