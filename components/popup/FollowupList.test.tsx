// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { registerMessages, setLocale } from '@/lib/i18n';
import { followups } from '@/lib/i18n/messages/followups';
import { followupsUi } from '@/lib/i18n/messages/followups-ui';
import { followupsExport } from '@/lib/i18n/messages/followups-export';
import type { Followup, FollowupKind } from '@/lib/domain/followups/types';
import type { Platform } from '@/lib/sites/types';
import type { FollowupList as ListData, FollowupSection } from '@/lib/messaging/protocol-followups';
import { mountPopup } from './testing';
import { FollowupList, FIRST_SCREEN_ROWS } from './FollowupList';
import { CallError } from '@/lib/messaging/client';
import { type } from '../remarks/testing';
import { buyerTag } from '@/lib/domain/customers/buyer-tag';
import { followupsFromOrders } from '@/lib/domain/followups/rules';

registerMessages(followups);
registerMessages(followupsUi);
registerMessages(followupsExport);

const NOW = Date.UTC(2026, 2, 2, 4); // 12:00 Beijing
const H = 3_600_000;
const item = (id: string, kind: FollowupKind, dueAt: number, extra: Partial<Followup> = {}): Followup => ({
  v: 2, id, kind, title: `${kind}：${id}`, reason: '原因', createdAt: NOW - H, dueAt, status: 'open', source: 'order', ...extra,
});

function listOf(groups: { section: FollowupSection; kind: FollowupKind; items: Followup[]; total?: number }[]): ListData {
  const counts = { handover: 0, overdue: 0, today: 0, upcoming: 0, snoozed: 0, done: 0, badge: 0 };
  for (const g of groups) counts[g.section] += g.total ?? g.items.length;
  counts.badge = counts.overdue + counts.today;
  return { now: NOW, counts, groups: groups.map((g) => ({ ...g, total: g.total ?? g.items.length })), utcOffsetMinutes: 480 };
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  setLocale('zh-CN');
  vi.useRealTimers();
});

async function setup(data: ListData, replies: Record<string, unknown> = {}) {
  const m = await mountPopup(<FollowupList initial={data} />, (verb) => {
    if (verb === 'listFollowups') return data;
    if (verb in replies) {
      const r = replies[verb];
      if (r instanceof Error) throw r;
      return r;
    }
    if (verb === 'openFollowup') return { url: 'http://127.0.0.1/chat/x' };
    if (verb === 'listTaughtSites') return [];
    return {};
  });
  cleanup = m.unmount;
  const key = async (k: string) => {
    const target = (document.activeElement as HTMLElement | null) ?? m.root;
    await act(async () => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    });
  };
  return { root: m.root, calls: m.calls, key, rows: () => [...m.root.querySelectorAll('[data-kf="followup"]')] as HTMLElement[] };
}

describe('the popup list', () => {
  it('says why and when, marks overdue items, and shows the counts', async () => {
    const { root } = await setup(
      listOf([
        { section: 'overdue', kind: 'delay', items: [item('delay:1', 'delay', NOW - 2 * H)] },
        { section: 'today', kind: 'unpaid', items: [item('unpaid:2', 'unpaid', NOW + 3.5 * H, { handover: true })] },
      ]),
    );
    expect(root.querySelector('[data-kf="summary"]')!.textContent).toBe('逾期 1 · 今天 1 · 以后 0');
    const [overdue, today] = [...root.querySelectorAll('[data-kf="followup"]')];
    expect(overdue!.classList.contains('kf-overdue')).toBe(true);
    expect(overdue!.querySelector('[data-kf="followup-when"]')!.textContent).toBe('已逾期 2 小时（截止 10:00）');
    expect(today!.querySelector('[data-kf="followup-when"]')!.textContent).toBe('截止 15:30');
    // Made in the day shift and marked handover: it is for the night shift.
    expect(today!.querySelector('[data-kf="handover-tag"]')!.textContent).toBe('交给夜班');
    expect(overdue!.querySelector('[data-kf="handover-tag"]')).toBeNull();
  });

  it('a delay first read days after the promised ship day: overdue since the morning after it, and the row names the day promised', async () => {
    // Ordered 2026-02-26 10:00 Beijing, before the cut-off; the order list is first read now (03-02 12:00).
    const placed = Date.UTC(2026, 1, 26, 2);
    const [late] = followupsFromOrders([{ orderId: '3988120457736120945', buyer: '小鹿', status: 'paid', createdAt: placed, flag: 'gray', remark: '' }], [], {}, NOW).upserts;
    const { root } = await setup(listOf([{ section: 'overdue', kind: 'delay', items: [late!] }]));
    expect(root.querySelector('[data-kf="summary"]')!.textContent).toBe('逾期 1 · 今天 0 · 以后 0');
    const row = root.querySelector('[data-kf="followup"]')!;
    // The 3 days count from the moment it was due (the morning after the ship day), said beside them:
    // read against 应在 2026-02-26 发出 alone they did not add up.
    expect(row.querySelector('[data-kf="followup-when"]')!.textContent).toBe('已逾期 3 天（截止 2-27 08:00）');
    expect(row.querySelector('[data-kf="followup-reason"]')!.textContent).toContain('应在 2026-02-26 发出，至今未发货');
  });

  it('in English too, an overdue row says the due moment its hours count from', async () => {
    setLocale('en');
    const { rows } = await setup(listOf([{ section: 'overdue', kind: 'delay', items: [item('delay:1', 'delay', NOW - 25 * H)] }]));
    expect(rows()[0]!.querySelector('[data-kf="followup-when"]')!.textContent).toBe('Overdue by 25 h (due 3-01 11:00)');
  });

  it('lists what is handed to this agent first, under 交接给我 / 夜班交接, and hands an item over with H', async () => {
    const data = listOf([
      { section: 'handover', kind: 'manual', items: [item('manual:1', 'manual', NOW + H, { assignee: '小王', handover: true })] },
      { section: 'today', kind: 'unpaid', items: [item('unpaid:2', 'unpaid', NOW + 2 * H)] },
    ]);
    data.viewer = { user: '小王', shift: 'day' };
    const { root, calls, key, rows } = await setup(data, { handoverTargets: { shift: 'day', me: '小王', members: ['店长', '小李'] } });
    const sections = [...root.querySelectorAll('[data-kf="section"]')];
    expect(sections.map((x) => x.getAttribute('data-section'))).toEqual(['handover', 'today']);
    expect(sections[0]!.querySelector('[data-kf="section-toggle"]')!.textContent).toContain('交接给我 / 夜班交接');
    expect(rows()[0]!.querySelector('[data-kf="handover-tag"]')!.textContent).toBe('交给小王');
    await key('ArrowDown');
    await key('h');
    const picker = rows()[1]!.querySelector('[data-kf="handover-to"]') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['不交接', '夜班（下一班）', '白班', '店长', '小李']);
    await act(async () => {
      picker.value = 'shift:night';
      picker.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(calls).toContainEqual(['updateFollowup', { id: 'unpaid:2', action: 'assign', to: { shift: 'night' } }]);
    expect(root.querySelector('[data-kf="popup-status"]')!.textContent).toBe('已交给夜班');
  });

  it('renders nicknames and notes as text', async () => {
    const nick = '<img src=x onerror=alert(1)>';
    const { root } = await setup(listOf([{ section: 'today', kind: 'unpaid', items: [item('unpaid:1', 'unpaid', NOW + H, { title: nick, note: nick })] }]));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-kf="followup-title"]')!.textContent).toBe(nick);
  });

  it('says in words why an action did not work, on the row it was for, announced', async () => {
    const { root, key, rows } = await setup(
      listOf([{ section: 'today', kind: 'unpaid', items: [item('unpaid:1', 'unpaid', NOW + H), item('unpaid:2', 'unpaid', NOW + 2 * H)] }]),
      { updateFollowup: new CallError('unavailable', 'no reply from the background') },
    );
    await key('ArrowDown');
    await key('d');
    const error = rows()[1]!.querySelector('[data-kf="followup-error"]')!;
    expect(error.textContent).toBe('没能标为完成：扩展后台暂时没有响应，请稍后再试。');
    expect(error.getAttribute('role')).toBe('alert');
    expect(rows()[0]!.querySelector('[data-kf="followup-error"]')).toBeNull();
    expect(root.querySelector('[data-kf="popup-status"]')).toBeNull();
  });

  it.each([
    ['完成 (D)', ['d'], null, '没能标为完成：存储空间已满。这一条没有改动；请腾出磁盘空间或稍等片刻后再点一次。'],
    ['推迟 (S, a time)', ['s'], 'snooze', '没能推迟：存储空间已满。这一条没有改动；请腾出磁盘空间或稍等片刻后再点一次。'],
    ['交给… (H, 夜班)', ['h'], 'handover', '没能交给夜班：存储空间已满。这一条没有改动；请腾出磁盘空间或稍等片刻后再点一次。'],
  ] as const)('a full disk at %s says on the row that nothing changed and what to do, and the row stays where it was', async (_, keys, pick, said) => {
    const { key, rows } = await setup(listOf([{ section: 'today', kind: 'unpaid', items: [item('unpaid:1', 'unpaid', NOW + H)] }]), {
      updateFollowup: new CallError('quota', 'The quota has been exceeded.'),
      handoverTargets: { shift: 'day', me: '小王', members: ['店长'] },
    });
    for (const k of keys) await key(k);
    if (pick === 'snooze') await act(async () => (document.querySelector('[data-kf="snooze-option"]') as HTMLButtonElement).click());
    if (pick === 'handover') {
      const picker = rows()[0]!.querySelector('[data-kf="handover-to"]') as HTMLSelectElement;
      await act(async () => {
        picker.value = 'shift:night';
        picker.dispatchEvent(new Event('change', { bubbles: true }));
      });
    }
    // Before: 操作失败：存储空间已满 — nothing said of what became of the item, or what to do.
    expect(rows()[0]!.querySelector('[data-kf="followup-error"]')!.textContent).toBe(said);
    expect(rows().map((r) => r.closest('[data-kf="section"]')!.getAttribute('data-section'))).toEqual(['today']);
  });

  it('in English too: what was not done, that the item is as it was, and what to do', async () => {
    setLocale('en');
    const { key, rows } = await setup(listOf([{ section: 'today', kind: 'unpaid', items: [item('unpaid:1', 'unpaid', NOW + H)] }]), {
      updateFollowup: new CallError('quota', 'The quota has been exceeded.'),
    });
    await key('d');
    expect(rows()[0]!.querySelector('[data-kf="followup-error"]')!.textContent).toBe(
      'Could not mark it done: the storage is full. The item is as it was; free some disk space or wait a moment, then click again.',
    );
  });

  it('tells a screen reader which of two buyers behind one masked name an action was for: the title with their tag, as on the row', async () => {
    const tagOf = (id: string) => buyerTag('S*******n', id);
    const of = (id: string, buyerId: string, due: number) => item(id, 'inquiry', due, { title: '咨询未拍：S*******n', buyer: 'S*******n', buyerId, platform: 'pdd' });
    const { key, rows } = await setup(listOf([{ section: 'today', kind: 'inquiry', items: [of('inquiry:1', '7205118833', NOW + H), of('inquiry:2', '6620034417', NOW + 2 * H)] }]));
    expect(rows()[1]!.querySelector('[data-kf="followup-title"]')!.textContent).toBe(`咨询未拍：S*******n · ${tagOf('6620034417')}`);
    const region = () => document.querySelector('[data-kf="announce"]')!.textContent;
    await key('ArrowDown');
    await key('d');
    await vi.waitFor(() => expect(region()).toBe(`已完成：咨询未拍：S*******n · ${tagOf('6620034417')}`));
  });

  it('says which console each row is on when one nickname is a buyer on two (拼多多 / 京东), and which one an action was for', async () => {
    const asked = (id: string, platform: 'pdd' | 'jd', due: number) =>
      item(id, 'inquiry', due, { title: '咨询未拍：青柠苏打2019', buyer: '青柠苏打2019', platform, url: `https://${platform}.example/chat` });
    const todo = item('manual:1', 'manual', NOW + 3 * H, { title: '给仓库打电话', source: 'manual' });
    const { key, rows } = await setup(
      listOf([
        { section: 'today', kind: 'inquiry', items: [asked('inquiry:pdd', 'pdd', NOW + H), asked('inquiry:jd', 'jd', NOW + 2 * H)] },
        { section: 'today', kind: 'manual', items: [todo] },
      ]),
    );
    const tag = (row: HTMLElement) => row.querySelector('[data-kf="followup-platform"]')?.textContent ?? null;
    const [pdd, jd, typed] = rows();
    expect([tag(pdd!), tag(jd!)]).toEqual(['拼多多', '京东']);
    // Before the title, on the same line: read first, and the two rows no longer read the same.
    expect(pdd!.querySelector('.kf-fu-head')!.textContent).toBe('拼多多咨询未拍：青柠苏打2019截止 13:00');
    expect(pdd!.textContent).not.toBe(jd!.textContent);
    // A to-do typed in the popup belongs to no console: nothing made up.
    expect(tag(typed!)).toBeNull();
    const region = () => document.querySelector('[data-kf="announce"]')!.textContent;
    await key('ArrowDown');
    await key('d');
    await vi.waitFor(() => expect(region()).toBe('已完成：京东 · 咨询未拍：青柠苏打2019'));
  });

  it('names the consoles in English in English', async () => {
    setLocale('en');
    const of = (id: string, platform: 'douyin' | 'kuaishou' | 'taobao') => item(id, 'bad-review', NOW + H, { buyer: 'mia', platform });
    const { rows } = await setup(listOf([{ section: 'today', kind: 'bad-review', items: [of('b:1', 'douyin'), of('b:2', 'kuaishou'), of('b:3', 'taobao')] }]));
    // The sellers' short forms, as narrow as the Chinese tags; the full name in the tooltip.
    expect(rows().map((r) => r.querySelector('[data-kf="followup-platform"]')!.textContent)).toEqual(['DY', 'KS', 'TB']);
    expect(rows()[0]!.querySelector('[data-kf="followup-platform"]')!.getAttribute('title')).toBe('Platform: Douyin');
  });

  it('names Pinduoduo PDD on the tag in English, and in full in its tooltip and in what is said of the row', async () => {
    setLocale('en');
    const of = (id: string, platform: 'pdd' | 'jd') => item(id, 'inquiry', NOW + H, { title: 'Asked, not ordered: Mia', buyer: 'Mia', platform });
    const { key, rows } = await setup(listOf([{ section: 'today', kind: 'inquiry', items: [of('i:1', 'pdd'), of('i:2', 'jd')] }]));
    const tag = rows()[0]!.querySelector('[data-kf="followup-platform"]')!;
    expect([tag.textContent, tag.getAttribute('title')]).toEqual(['PDD', 'Platform: Pinduoduo']);
    await key('d');
    await vi.waitFor(() => expect(document.querySelector('[data-kf="announce"]')!.textContent).toContain('Pinduoduo · Asked, not ordered: Mia'));
  });

  it('tags the rows by the consoles of the whole list, so a folded section’s other console counts', async () => {
    const of = (id: string, due: number) => item(id, 'unpaid', due, { title: `拍下未付：${id}`, buyer: id, platform: 'pdd' });
    // Only Pinduoduo's rows are loaded; a JD item waits in 以后 (folded, its items not sent).
    const data = { ...listOf([{ section: 'today', kind: 'unpaid', items: [of('阿远', NOW + H)] }, { section: 'upcoming', kind: 'inquiry', items: [], total: 1 }]), consoles: ['pdd', 'jd'] as Platform[] };
    const { rows } = await setup(data);
    expect(rows().map((r) => r.querySelector('[data-kf="followup-platform"]')?.textContent)).toEqual(['拼多多']);
  });

  it('adds no tag when the whole list is on one console, whatever the rows loaded', async () => {
    const of = (id: string, due: number) => item(id, 'unpaid', due, { title: `拍下未付：${id}`, buyer: id, platform: 'pdd' });
    const data = { ...listOf([{ section: 'today', kind: 'unpaid', items: [of('阿远', NOW + H), of('小桃', NOW + 2 * H)] }]), consoles: ['pdd'] as Platform[] };
    const { root } = await setup(data);
    expect(root.querySelector('[data-kf="followup-platform"]')).toBeNull();
  });

  it('adds no console tag while every item is from one console: nothing to tell apart', async () => {
    const of = (id: string, due: number) => item(id, 'unpaid', due, { title: `拍下未付：${id}`, buyer: id, platform: 'pdd' });
    const todo = item('manual:1', 'manual', NOW + 3 * H, { title: '给仓库打电话', source: 'manual' });
    const { root } = await setup(listOf([
      { section: 'today', kind: 'unpaid', items: [of('阿远', NOW + H), of('小桃', NOW + 2 * H)] },
      { section: 'today', kind: 'manual', items: [todo] },
    ]));
    expect(root.querySelector('[data-kf="followup-platform"]')).toBeNull();
  });

  it('shows the buyer of a to-do typed here, and offers 打开 only where there is a page to open', async () => {
    const todo = item('manual:1', 'manual', NOW + H, { title: '回电话给买家确认尺码', buyer: '米粒妈妈', source: 'manual' });
    const unpaid = item('unpaid:2', 'unpaid', NOW + 2 * H, { title: '拍下未付：小鹿', buyer: '小鹿', platform: 'demo', url: 'http://127.0.0.1:5173/orders' });
    const { calls, key, rows } = await setup(listOf([{ section: 'today', kind: 'manual', items: [todo] }, { section: 'today', kind: 'unpaid', items: [unpaid] }]));
    const [typed, fromPage] = rows();
    expect(typed!.querySelector('[data-kf="followup-buyer"]')!.textContent).toBe('买家：米粒妈妈');
    expect(typed!.querySelector('[data-action="open"]')).toBeNull();
    // A rule's title names the buyer already.
    expect(fromPage!.querySelector('[data-kf="followup-buyer"]')).toBeNull();
    expect(fromPage!.querySelector('[data-action="open"]')).not.toBeNull();
    // Enter on the to-do: said on its row, nothing asked of the background.
    await key('Enter');
    expect(calls.some(([verb]) => verb === 'openFollowup')).toBe(false);
    expect(rows()[0]!.querySelector('[data-kf="followup-error"]')!.textContent).toBe('没有可打开的页面');
  });

  it('shows the order number on a row that has one: two unpaid orders of one buyer are two rows told apart (QA pass X finding 8)', async () => {
    const page = { buyer: '小鹿', platform: 'demo' as const, title: '拍下未付：小鹿', reason: '拍下超过 30 分钟未付款，16:00 截单前催付' };
    const a = item('unpaid:4012938475610293847', 'unpaid', NOW + H, { ...page, orderId: '4012938475610293847' });
    const b = item('unpaid:4012938475610299999', 'unpaid', NOW + H, { ...page, orderId: '4012938475610299999' });
    const todo = item('manual:1', 'manual', NOW + 2 * H, { title: '给老顾客寄赠品', source: 'manual', orderId: '3988127364501928374' });
    const bare = item('manual:2', 'manual', NOW + 3 * H, { title: '盘点仓库', source: 'manual' });
    const { rows } = await setup(listOf([{ section: 'today', kind: 'unpaid', items: [a, b] }, { section: 'today', kind: 'manual', items: [todo, bare] }]));
    const order = (r: HTMLElement) => r.querySelector('[data-kf="followup-order"]')?.textContent ?? null;
    expect(rows().map(order)).toEqual(['订单 4012938475610293847', '订单 4012938475610299999', '订单 3988127364501928374', null]);
    // Compact: on the reason's line, not a line of its own.
    expect(rows()[0]!.querySelector('[data-kf="followup-reason"] + [data-kf="followup-order"]')).not.toBeNull();
    expect(rows()[0]!.textContent).not.toBe(rows()[1]!.textContent);
    cleanup?.();
    setLocale('en');
    const en = await setup(listOf([{ section: 'today', kind: 'unpaid', items: [a] }]));
    expect(order(en.rows()[0]!)).toBe('Order 4012938475610293847');
  });

  it('says on the row when the background found no page to open', async () => {
    const unpaid = item('unpaid:2', 'unpaid', NOW + 2 * H, { buyer: '小鹿', url: 'http://127.0.0.1:5173/orders' });
    const { rows } = await setup(listOf([{ section: 'today', kind: 'unpaid', items: [unpaid] }]), { openFollowup: { url: null } });
    await act(async () => (rows()[0]!.querySelector('[data-action="open"]') as HTMLButtonElement).click());
    expect(rows()[0]!.querySelector('[data-kf="followup-error"]')!.textContent).toBe('没有可打开的页面');
  });

  it('shows items in the interface’s language, whichever language they were made in', async () => {
    const { panelFollowup, manualFollowup, complete } = await import('@/lib/domain/followups');
    const { DEFAULT_FOLLOWUP_SETTINGS: settings } = await import('@/lib/domain/followups/types');
    const now = Date.UTC(2026, 11, 3, 2); // 10:00 Beijing
    setLocale('en');
    const asked = panelFollowup('inquiry', 'en_buyer', now, settings);
    const todo = manualFollowup({ title: 'Call back', buyer: 'en_buyer' }, now, settings);
    const paid = complete(item('unpaid:9', 'unpaid', NOW, { title: '拍下未付：小鹿', buyer: '小鹿' }), NOW, '买家已付款');
    const { rows } = await setup(
      listOf([
        { section: 'today', kind: 'inquiry', items: [asked] },
        { section: 'today', kind: 'manual', items: [todo] },
        { section: 'done', kind: 'unpaid', items: [paid] },
      ]),
    );
    const [a, b] = rows();
    expect(a!.querySelector('[data-kf="followup-title"]')!.textContent).toBe('Asked, not ordered: en_buyer');
    expect(a!.querySelector('[data-kf="followup-reason"]')!.textContent).toBe('Asked but did not order; find out why and follow up');
    expect(b!.querySelector('[data-kf="followup-title"]')!.textContent).toBe('Call back');
    expect(b!.querySelector('[data-kf="followup-reason"]')!.textContent).toBe('Added by hand');
    expect(b!.querySelector('[data-kf="followup-buyer"]')!.textContent).toBe('Buyer: en_buyer');
    // Closed by a rule: why, in English too.
    const toggle = [...document.querySelectorAll<HTMLButtonElement>('[data-kf="section-toggle"]')].find((x) => x.closest('[data-section="done"]'))!;
    await act(async () => toggle.click());
    expect(rows()[2]!.querySelector('[data-kf="followup-when"]')!.textContent).toBe('Done: Buyer paid');
  });

  it('shows the empty state when nothing is open', async () => {
    const { root } = await setup(listOf([]));
    expect(root.querySelector('[data-kf="empty"]')!.textContent).toBe('今天没有待跟进的事项');
  });

  it('is driven by the keyboard: arrows move, Enter opens, D done, S snooze, N note', async () => {
    // The snooze choices are worked out from the clock (none in the past, none within 5 minutes of
    // another): at 08:55 Beijing 今天上午 9:00 is rightly left out and only two remain. The clock is
    // set to the list's own noon, where an unpaid item is offered 13:00, 15:30 and 明天上午 9:00.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const page = { url: 'http://127.0.0.1:5173/orders' };
    const { calls, key, rows } = await setup(
      listOf([{ section: 'today', kind: 'unpaid', items: [item('unpaid:1', 'unpaid', NOW + H, page), item('unpaid:2', 'unpaid', NOW + 2 * H, page), item('unpaid:3', 'unpaid', NOW + 3 * H, page)] }]),
    );
    expect(rows()[0]!.getAttribute('aria-selected')).toBe('true');
    await key('ArrowDown');
    expect(rows()[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(rows()[1]);
    await key('Enter');
    expect(calls).toContainEqual(['openFollowup', { id: 'unpaid:2' }]);
    await key('d');
    expect(calls).toContainEqual(['updateFollowup', { id: 'unpaid:2', action: 'done' }]);
    // The next item takes the selection (the fake background keeps the done one listed).
    expect(rows()[2]!.getAttribute('aria-selected')).toBe('true');
    await key('ArrowUp');
    await key('ArrowUp');
    // S offers a choice of times, the usual one first and focused; ↓ moves to the next; picking one snoozes until then.
    await key('s');
    const options = () => [...document.querySelectorAll('[data-kf="snooze-option"]')] as HTMLButtonElement[];
    expect(options().length).toBeGreaterThanOrEqual(3);
    expect(document.activeElement).toBe(options()[0]);
    await key('ArrowDown');
    expect(document.activeElement).toBe(options()[1]);
    const until = Number(options()[1]!.dataset.until);
    await act(async () => options()[1]!.click());
    expect(calls).toContainEqual(['updateFollowup', { id: 'unpaid:1', action: 'snooze', until }]);
    expect(options()).toEqual([]);
    await key('ArrowUp');
    await key('ArrowUp');
    await key('n');
    const selected = rows().find((r) => r.getAttribute('aria-selected') === 'true')!;
    const input = selected.querySelector('[data-kf="note-input"]') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
  });

  it('N then Escape gives the keys back to the row: D then completes it (the focus used to drop to the page)', async () => {
    const { calls, key, rows } = await setup(listOf([{ section: 'today', kind: 'manual', items: [item('manual:1', 'manual', NOW + H)] }]));
    await key('n');
    expect(document.activeElement?.getAttribute('data-kf')).toBe('note-input');
    await key('Escape');
    expect(document.querySelector('[data-kf="note-input"]')).toBeNull();
    expect(document.activeElement).toBe(rows()[0]);
    await key('d');
    expect(calls).toContainEqual(['updateFollowup', { id: 'manual:1', action: 'done' }]);
  });

  it('keeps a note pasted longer than 500 characters whole, says by how much it is over and saves nothing until it is shortened', async () => {
    const { calls, key } = await setup(listOf([{ section: 'today', kind: 'manual', items: [item('manual:1', 'manual', NOW + H)] }]));
    await key('n');
    const input = () => document.querySelector('[data-kf="note-input"]') as HTMLInputElement;
    const long = '买家说下周再来问尺码'.repeat(60); // 600 characters
    expect(input().hasAttribute('maxlength')).toBe(false);
    type(input(), long);
    await key('Enter');
    expect(calls.filter(([verb]) => verb === 'updateFollowup')).toEqual([]);
    expect(input().value).toBe(long);
    expect(input().getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('[data-kf="note-too-long"]')?.textContent).toBe('最多 500 字，现在 600 字（多 100 字）。文字都还在，缩短后才能保存。');
    type(input(), long.slice(0, 500));
    expect(document.querySelector('[data-kf="note-too-long"]')).toBeNull();
    await key('Enter');
    expect(calls).toContainEqual(['updateFollowup', { id: 'manual:1', action: 'note', text: long.slice(0, 500) }]);
  });

  it('keeps a 待办内容 longer than 200 characters whole and adds nothing until it is shortened, saying so in English too', async () => {
    setLocale('en');
    const { root, calls } = await setup(listOf([]));
    const title = () => root.querySelector('[data-kf="add-followup"] input[name="title"]') as HTMLInputElement;
    const add = () => root.querySelector('[data-kf="add-followup"] button[type="submit"]') as HTMLButtonElement;
    const long = 'Call back about the coat size. '.repeat(8).trim(); // 247 characters
    expect(title().hasAttribute('maxlength')).toBe(false);
    type(title(), long);
    expect(add().disabled).toBe(true);
    await act(async () => void root.querySelector('[data-kf="add-followup"] form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    expect(calls.filter(([verb]) => verb === 'addFollowup')).toEqual([]);
    expect(title().value).toBe(long);
    expect(root.querySelector('[data-kf="add-title-too-long"]')?.textContent).toBe(
      `Takes at most 200 characters; this has ${long.length} (${long.length - 200} over). All your text is still here: shorten it to save it.`,
    );
    type(title(), long.slice(0, 200));
    expect(add().disabled).toBe(false);
    await act(async () => void root.querySelector('[data-kf="add-followup"] form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    expect(calls).toContainEqual(['addFollowup', expect.objectContaining({ kind: 'manual', title: long.slice(0, 200).trim() })]);
  });

  it('添加 takes a due time (Beijing time) and an order number, and says a wrong one without losing the text', async () => {
    const { root, calls } = await setup(listOf([]));
    const field = (name: string) => root.querySelector(`[data-kf="add-followup"] input[name="${name}"]`) as HTMLInputElement;
    const submit = () => act(async () => void root.querySelector('[data-kf="add-followup"] form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    type(field('title'), '下午三点给买家回电话');
    type(field('orderId'), '单号12');
    await submit();
    expect(calls.filter(([verb]) => verb === 'addFollowup')).toEqual([]);
    expect(root.querySelector('[data-kf="add-followup"] .kf-error')?.textContent).toContain('订单号只能是');
    expect(field('title').value).toBe('下午三点给买家回电话');
    const year = new Date().getUTCFullYear() + 1;
    type(field('orderId'), '2026120598765');
    type(field('due'), `${year}-01-10T15:00`);
    await submit();
    expect(calls).toContainEqual(['addFollowup', expect.objectContaining({ kind: 'manual', title: '下午三点给买家回电话', orderId: '2026120598765', dueAt: Date.UTC(year, 0, 10, 7) })]);
  });

  it('添加 with a due time already past says why, aloud, and the field says it is Beijing time on a computer set to another zone', async () => {
    vi.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(0); // a computer left on UTC
    const { root, calls } = await setup(listOf([]));
    const field = (name: string) => root.querySelector(`[data-kf="add-followup"] input[name="${name}"]`) as HTMLInputElement;
    expect(field('due').closest('label')!.textContent).toBe('截止（可选） 时间均为北京时间 ');
    type(field('title'), '给买家回个电话');
    type(field('due'), `${new Date().getUTCFullYear() - 1}-03-02T10:00`);
    await act(async () => void root.querySelector('[data-kf="add-followup"] form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    expect(calls.filter(([verb]) => verb === 'addFollowup')).toEqual([]);
    const said = root.querySelector('[data-kf="add-followup"] [role="status"]');
    expect(said?.textContent).toBe('截止时间要晚于现在：请重选，或留空（今天下班前）。没有加入，你写的内容还在。');
    expect(field('title').value).toBe('给买家回个电话');
    vi.restoreAllMocks();
  });

  it('添加 on a full disk says nothing was added, the text is still there, and what to do', async () => {
    const { root } = await setup(listOf([]), { addFollowup: new CallError('quota', 'The quota has been exceeded.') });
    const title = root.querySelector('[data-kf="add-followup"] input[name="title"]') as HTMLInputElement;
    type(title, '给买家回个电话');
    await act(async () => void root.querySelector('[data-kf="add-followup"] form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    // Before: 操作失败：存储空间已满.
    expect(root.querySelector('[data-kf="add-status"]')!.textContent).toBe('没能加入跟进：存储空间已满。没有加入，你写的内容还在；请腾出磁盘空间或稍等片刻后再点一次。');
    expect(title.value).toBe('给买家回个电话');
  });

  it('推迟 closes with Escape without snoozing, and takes a time of the agent’s own, read as Beijing time', async () => {
    const { calls, key, rows } = await setup(listOf([{ section: 'today', kind: 'manual', items: [item('manual:1', 'manual', NOW + H)] }]));
    await key('s');
    expect(document.querySelector('[data-kf="snooze-menu"]')).not.toBeNull();
    await key('Escape');
    expect(document.querySelector('[data-kf="snooze-menu"]')).toBeNull();
    expect(document.activeElement).toBe(rows()[0]);
    expect(calls.filter(([v]) => v === 'updateFollowup')).toEqual([]);
    await act(async () => (rows()[0]!.querySelector('[data-action="snooze"]') as HTMLButtonElement).click());
    const input = document.querySelector('[data-kf="snooze-custom"]') as HTMLInputElement;
    const go = document.querySelector('[data-kf="snooze-custom-go"]') as HTMLButtonElement;
    // In the past: refused, said on the spot.
    await act(async () => {
      input.value = '2020-01-01T09:00';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => go.click());
    expect(document.querySelector('[data-kf="snooze-bad"]')!.textContent).toBe('请选一个晚于现在、一年以内的时间');
    const later = new Date(Date.now() + 8 * H + 2 * 24 * H).toISOString().slice(0, 10);
    await act(async () => {
      input.value = `${later}T18:30`;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => go.click());
    expect(calls).toContainEqual(['updateFollowup', { id: 'manual:1', action: 'snooze', until: Date.parse(`${later}T18:30:00+08:00`) }]);
  });

  it('推迟 on the night’s own handover past its 23:59 deadline, at 00:30: in an hour and 白班上班前, saying why nothing later is offered', async () => {
    const at = Date.UTC(2026, 2, 2, 16, 30); // 00:30 Beijing, 3-03
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at);
    const due = Date.UTC(2026, 2, 2, 15, 59); // 23:59 Beijing, 3-02
    const note = item('handover:1', 'handover', due, { source: 'manual', handover: true, shift: 'night', createdAt: Date.UTC(2026, 2, 2, 6) });
    const { calls, key } = await setup({ ...listOf([{ section: 'overdue', kind: 'handover', items: [note] }]), now: at });
    await key('s');
    const options = [...document.querySelectorAll('[data-kf="snooze-option"]')] as HTMLButtonElement[];
    expect(options.map((o) => o.textContent)).toEqual(['1 小时后 · 01:30', '白班上班前 · 07:30']);
    expect(document.querySelector('[data-kf="snooze-deadline"]')!.textContent).toBe(
      '交给夜班的交接已过截止时间 3-02 23:59：只能在夜班内推迟，最晚到白班上班（08:00），更晚的时间不提供——要留给白班，请用「交接」',
    );
    // A time of the agent's own in the day shift's hours is refused; within the night it is taken.
    const input = document.querySelector('[data-kf="snooze-custom"]') as HTMLInputElement;
    const go = document.querySelector('[data-kf="snooze-custom-go"]') as HTMLButtonElement;
    for (const [value, until] of [['2026-03-03T09:00', null], ['2026-03-03T03:00', Date.UTC(2026, 2, 2, 19)]] as const) {
      await act(async () => {
        input.value = value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(async () => go.click());
      if (until === null) expect(document.querySelector('[data-kf="snooze-bad"]')!.textContent).toBe('请选一个不晚于截止时间 08:00 的时间');
      else expect(calls).toContainEqual(['updateFollowup', { id: 'handover:1', action: 'snooze', until }]);
    }
  });

  it('推迟 on a to-do the day shift handed to the night with 交给夜班, past its 23:59 deadline at 01:00: the same night times, not 请现在处理', async () => {
    const at = Date.UTC(2026, 2, 2, 17); // 01:00 Beijing, 3-03
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at);
    const due = Date.UTC(2026, 2, 2, 15, 59); // 23:59 Beijing, 3-02
    const handedAt = Date.UTC(2026, 2, 2, 7); // 15:00 Beijing
    const todo = item('manual:9', 'manual', due, { source: 'manual', handover: true, shift: 'night', assignedAt: handedAt, createdAt: handedAt - H });
    const { calls, key } = await setup({ ...listOf([{ section: 'overdue', kind: 'manual', items: [todo] }]), now: at });
    await key('s');
    const options = [...document.querySelectorAll('[data-kf="snooze-option"]')] as HTMLButtonElement[];
    expect(options.map((o) => o.textContent)).toEqual(['1 小时后 · 02:00', '白班上班前 · 07:30']);
    expect(document.querySelector('[data-kf="snooze-deadline"]')!.textContent).toContain('只能在夜班内推迟');
    await act(async () => options[0]!.click());
    expect(calls).toContainEqual(['updateFollowup', { id: 'manual:9', action: 'snooze', until: Date.UTC(2026, 2, 2, 18) }]);
  });

  it('renders about a screenful at first, folds the rest, and grows a group on demand', async () => {
    const many = Array.from({ length: 5 }, (_, i) => item(`unpaid:${i}`, 'unpaid', NOW + H + i));
    const kinds: FollowupKind[] = ['unpaid', 'delay', 'bad-review', 'promised-answer', 'handover', 'inquiry', 'manual'];
    const groups = kinds.map((kind) => ({ section: 'today' as const, kind, items: many.map((f) => ({ ...f, id: `${kind}:${f.id}`, kind })), total: 700 }));
    const { root, rows, calls } = await setup(listOf(groups));
    expect(rows().length).toBeLessThanOrEqual(FIRST_SCREEN_ROWS + 5);
    const folded = root.querySelectorAll('[data-kf="group-toggle"][aria-expanded="false"]');
    expect(folded.length).toBeGreaterThan(0);
    await act(async () => (root.querySelector('[data-kf="more"]') as HTMLButtonElement).click());
    expect(calls).toContainEqual(['listFollowupGroup', { section: 'today', kind: 'unpaid', offset: 5, limit: 50 }]);
  });
});

/**
 * The same popup over the real list logic (follow-up rules, handover, sections) at fixed times of
 * the shop's day (Beijing, UTC+8; day shift 08:00–20:00): a day-shift agent in team mode adds a
 * to-do and hands it to the night shift. Between 20:00 and 24:00 it is due after midnight and filed
 * under 以后, which starts folded; it must still stay on screen, tagged, not as the agent's own handover.
 */
describe('an item the agent hands to the night shift, at every hour', () => {
  const bj = (h: number, m = 0) => Date.UTC(2026, 11, 2, h - 8, m);
  const viewer = { user: '小王', shift: 'day' as const };
  const cases: [string, number, FollowupSection][] = [
    ['10:00', bj(10), 'today'],
    ['18:30', bj(18, 30), 'today'],
    // Made in the day shift's last hour: due by the next noon (sameDayDue); handed over, it keeps that time.
    ['19:30', bj(19, 30), 'upcoming'],
    ['20:15 (CI at 12:15 UTC)', bj(20, 15), 'upcoming'],
    ['23:30', bj(23, 30), 'upcoming'],
    ['02:00', bj(26), 'today'],
  ];

  async function world(now: number) {
    const { buildFollowupList } = await import('@/lib/messaging/handlers/followups');
    const { manualFollowup, assignFollowup } = await import('@/lib/domain/followups');
    const { DEFAULT_FOLLOWUP_SETTINGS: settings } = await import('@/lib/domain/followups/types');
    let items: Followup[] = [];
    const answer = (verb: string, payload?: any): unknown => {
      if (verb === 'listFollowups') return buildFollowupList(items, now, settings, payload.perGroup, payload.sections, viewer, payload.reveal);
      if (verb === 'addFollowup') {
        const made = manualFollowup({ title: payload.title }, now, settings);
        items = [...items, made];
        return made;
      }
      if (verb === 'updateFollowup' && payload.action === 'assign') {
        items = items.map((f) => (f.id === payload.id ? assignFollowup(f, payload.to, now, settings) : f));
        return items.find((f) => f.id === payload.id);
      }
      if (verb === 'handoverTargets') return { shift: 'day', me: '小王', members: ['店长'] };
      if (verb === 'listTaughtSites') return [];
      throw new Error(`unexpected ${verb}`);
    };
    // Other work already on the list, and tomorrow's, folded under 以后.
    items = [
      item('unpaid:a', 'unpaid', now + H),
      ...Array.from({ length: 6 }, (_, i) => item(`manual:later-${i}`, 'manual', now + 30 * H + i, { source: 'manual' })),
    ];
    const initial = answer('listFollowups', { perGroup: 5, sections: ['handover', 'overdue', 'today'] }) as ListData;
    const m = await mountPopup(<FollowupList initial={initial} />, answer);
    cleanup = m.unmount;
    return m.root;
  }
  const rowOf = (root: HTMLElement, title: string) =>
    [...root.querySelectorAll<HTMLElement>('[data-kf="followup"]')].find((r) => r.querySelector('[data-kf="followup-title"]')!.textContent === title);

  for (const [label, now, section] of cases) {
    it(`at ${label} Beijing time it stays on the day agent's list, tagged 交给夜班, under ${section}`, async () => {
      const root = await world(now);
      await act(async () => {
        (root.querySelector('[data-kf="add-followup"] input[name="title"]') as HTMLInputElement).value = '回复小鹿的尺码问题';
        root.querySelector('[data-kf="add-followup"] input[name="title"]')!.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(async () => {
        root.querySelector('[data-kf="add-followup"] form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      });
      await act(async () => {});
      // What the agent just added is on screen, whatever section it went to.
      const added = rowOf(root, '回复小鹿的尺码问题');
      expect(added).toBeDefined();
      await act(async () => (added!.querySelector('[data-action="handover"]') as HTMLButtonElement).click());
      const picker = rowOf(root, '回复小鹿的尺码问题')!.querySelector('[data-kf="handover-to"]') as HTMLSelectElement;
      await act(async () => {
        picker.value = 'shift:night';
        picker.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await act(async () => {});
      expect(root.querySelector('[data-kf="popup-status"]')!.textContent).toBe('已交给夜班');
      const row = rowOf(root, '回复小鹿的尺码问题');
      expect(row, 'the handed-over row is on screen').toBeDefined();
      expect(row!.getAttribute('data-section')).toBe(section);
      expect(row!.querySelector('[data-kf="handover-tag"]')!.textContent).toBe('交给夜班');
      expect(row!.getAttribute('aria-selected')).toBe('true');
    });
  }

  it('labels the 添加待办 inputs for screen readers, not by a placeholder alone', async () => {
    const { root } = await setup(listOf([]));
    const named = (name: string) => root.querySelector(`[data-kf="add-followup"] input[name="${name}"]`)!.getAttribute('aria-label');
    expect([named('title'), named('buyer')]).toEqual(['待办内容', '买家（可选）']);
  });
});

describe('team mode: an item this agent closed that a colleague reopened', () => {
  const reopened = (extra: object = {}) => ({ status: { state: 'synced', pending: 0, reopened: [{ id: 'manual:r', at: NOW - H, by: '小吴', ...extra }] } });
  const back = item('manual:r', 'manual', NOW + 2 * 86_400_000, { reopenedAt: NOW - H, source: 'manual' });

  it('says on the row who reopened it and its date now, until the agent acts on it', async () => {
    const { root, calls, key, rows } = await setup(listOf([{ section: 'today', kind: 'manual', items: [back] }]), { teamStatus: reopened() });
    const said = () => rows()[0]?.querySelector('[data-kf="followup-reopened"]')?.textContent ?? null;
    expect(said()).toBe('你标记完成后，小吴 改了时间并重新打开：3-04 12:00');
    // Its row is brought on screen (the worker opens its section: 以后 starts folded).
    expect(calls.some(([verb, p]) => verb === 'listFollowups' && (p as { reveal?: string }).reveal === 'manual:r')).toBe(true);
    rows()[0]!.focus();
    await key('n');
    expect(said()).toBeNull();
    expect(calls).toContainEqual(['teamDismissRefused', { reopened: 'manual:r' }]);
    expect(root.querySelector('[data-kf="followups"]')!.getAttribute('data-loaded')).toBe('true');
  });

  it('完成 on the row asks the worker once (its verb drops the notice); 打开 and a form opening, which reach no verb, drop it themselves', async () => {
    const dismissals = (calls: unknown[][]) => calls.filter(([verb]) => verb === 'teamDismissRefused');
    const done = await setup(listOf([{ section: 'today', kind: 'manual', items: [back] }]), { teamStatus: reopened() });
    done.rows()[0]!.focus();
    await done.key('d');
    expect(done.root.querySelector('[data-kf="followup-reopened"]')).toBeNull();
    expect(done.calls).toContainEqual(['updateFollowup', { id: 'manual:r', action: 'done' }]);
    expect(dismissals(done.calls)).toEqual([]);
    cleanup?.();
    const opened = await setup(listOf([{ section: 'today', kind: 'manual', items: [{ ...back, url: 'http://127.0.0.1/chat/x' }] }]), { teamStatus: reopened() });
    opened.rows()[0]!.focus();
    await opened.key('Enter');
    expect(opened.calls).toContainEqual(['openFollowup', { id: 'manual:r' }]);
    expect(dismissals(opened.calls)).toEqual([['teamDismissRefused', { reopened: 'manual:r' }]]);
    cleanup?.();
    const snoozing = await setup(listOf([{ section: 'today', kind: 'manual', items: [back] }]), { teamStatus: reopened() });
    snoozing.rows()[0]!.focus();
    await snoozing.key('s');
    expect(snoozing.root.querySelector('[data-kf="followup-reopened"]')).toBeNull();
    expect(dismissals(snoozing.calls)).toEqual([['teamDismissRefused', { reopened: 'manual:r' }]]);
  });

  it('says nothing once the item changed since that reopen, or when no one is named says 同事', async () => {
    const closedAgain = await setup(listOf([{ section: 'today', kind: 'manual', items: [{ ...back, reopenedAt: NOW }] }]), { teamStatus: reopened() });
    expect(closedAgain.root.querySelector('[data-kf="followup-reopened"]')).toBeNull();
    cleanup?.();
    const unnamed = await setup(listOf([{ section: 'today', kind: 'manual', items: [back] }]), { teamStatus: reopened({ by: undefined }) });
    expect(unnamed.root.querySelector('[data-kf="followup-reopened"]')!.textContent).toContain('同事改了时间并重新打开');
  });

  it('marks the list loaded only once the team notices have answered too', async () => {
    let answer: (v: unknown) => void = () => undefined;
    const { root } = await setup(listOf([{ section: 'today', kind: 'manual', items: [back] }]), { teamStatus: new Promise((r) => (answer = r)) });
    const list = () => root.querySelector('[data-kf="followups"]')!;
    expect(list().getAttribute('data-ready')).toBe('true');
    expect(list().hasAttribute('data-loaded')).toBe(false);
    await act(async () => answer(reopened()));
    await act(async () => {});
    expect(list().getAttribute('data-loaded')).toBe('true');
    expect(root.querySelector('[data-kf="followup-reopened"]')).not.toBeNull();
  });
});
