// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Store } from '@/lib/panel/store';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import type { AddFollowupRequest, HandoverTargets } from '@/lib/messaging/protocol-followups';
import type { Res } from '@/lib/messaging/protocol';
import type { Followup } from '@/lib/domain/followups/types';
import { followupTitleIn } from '@/lib/domain/followups/title-in';
import { setLocale, type Locale } from '@/lib/i18n';
import { PanelContext } from '../PanelContext';
import { FollowupActions } from './FollowupActions';
import { click, mount, type } from '../remarks/testing';
import { CallError } from '@/lib/messaging/client';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';

vi.mock('@/lib/browser', () => ({ browser: {}, listen: () => () => {} }));

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

const TITLES: Record<string, string> = { inquiry: '咨询未拍', 'promised-answer': '承诺答复', 'bad-review': '中差评', 'return-pending': '待收退货', 'refund-to-pay': '待付退款', 'call-back': '约定回电' };

/**
 * The buttons for a panel whose open buyer the test switches; `add` answers when `release` is called
 * (or at once), as the worker does: the item with its Chinese title, and that title in `locale`.
 */
function open(first: { buyer: string | null; buyerId: string | null } & Partial<PanelState>, opts: { hold?: boolean; locale?: Locale; targets?: HandoverTargets; holdTargets?: boolean; refuse?: Error } = {}) {
  setLocale(opts.locale ?? 'zh-CN');
  const store = new Store({ pageKind: 'chat', orders: [], remarkEditor: null, ...first } as PanelState);
  const controller = { store, platform: () => 'demo' } as unknown as PanelController;
  const sent: AddFollowupRequest[] = [];
  const waiting: (() => void)[] = [];
  const add = (req: AddFollowupRequest) => {
    sent.push(req);
    if (opts.refuse) return Promise.reject(opts.refuse);
    const made = { kind: req.kind, buyer: 'buyer' in req ? req.buyer : undefined, title: `${TITLES[req.kind]}：${'buyer' in req ? req.buyer : ''}` } as Followup;
    const item = { ...made, shownTitle: followupTitleIn(made, opts.locale ?? 'zh-CN') };
    return opts.hold ? new Promise<Res<'addFollowup'>>((r) => waiting.push(() => r(item))) : Promise.resolve(item);
  };
  let answerTargets: (t: HandoverTargets) => void = () => {};
  const targets = () =>
    opts.holdTargets ? new Promise<HandoverTargets>((r) => (answerTargets = r)) : opts.targets ? Promise.resolve(opts.targets) : Promise.reject(new Error('no team'));
  const m = mount(
    <PanelContext.Provider value={controller}>
      <FollowupActions add={add} targets={targets} />
    </PanelContext.Provider>,
  );
  cleanup = m.unmount;
  const $ = (kf: string) => m.root.querySelector<HTMLInputElement>(`[data-kf="${kf}"]`);
  return {
    $,
    sent,
    store,
    switchTo: (buyer: string, buyerId: string | null = null) => act(() => store.set({ buyer, buyerId })),
    release: async () => act(async () => waiting.splice(0).forEach((r) => r())),
    answerTargets: (t: HandoverTargets) => act(async () => answerTargets(t)),
    m,
    settle: () => act(async () => {}),
  };
}

describe('FollowupActions', () => {
  it('shows each buyer only their own status line and 承诺答复 form', async () => {
    const p = open({ buyer: '南风知我意2019', buyerId: 'u-1005' });
    click(p.$('fu-inquiry'));
    await p.settle();
    expect(p.$('fu-status')?.textContent).toBe('已加入跟进清单：咨询未拍：南风知我意2019');
    p.switchTo('小鹿乱撞0521', 'u-1001');
    expect(p.$('fu-status')).toBeNull();
    click(p.$('fu-promised'));
    type(p.$('fu-note'), '尺码表明早发');
    p.switchTo('米粒妈妈', 'u-1008');
    expect(p.$('fu-status')).toBeNull();
    expect(p.$('fu-note')).toBeNull();
    expect(p.$('fu-promised')?.getAttribute('aria-expanded')).toBe('false');
    // Back on the first buyer: what was said to them is still there.
    p.switchTo('南风知我意2019', 'u-1005');
    expect(p.$('fu-status')?.textContent).toContain('南风知我意2019');
  });

  it('says before 添加 when a 承诺答复 will be due by its note’s words (明天上午 → the day shift’s start), and nothing once a time is typed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-12-08T17:20:00+08:00'));
    try {
      const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001', settings: DEFAULT_APP_SETTINGS } as never);
      click(p.$('fu-promised'));
      type(p.$('fu-note'), '尺码表');
      expect(p.$('fu-due-read')).toBeNull();
      type(p.$('fu-note'), '明天上午回复尺码表');
      expect(p.$('fu-due-read')?.textContent).toBe('按备注里的「明天上午」：2026-12-09 08:00 到期');
      type(p.$('fu-due'), '2026-12-09T15:00');
      expect(p.$('fu-due-read')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says before 加入跟进 when a 承诺答复 with no time and no time words is due (the shop’s 24 hours), in either language', async () => {
    // Douyin walk (walk9): the form showed an empty date field and nothing else; the item added went
    // to the popup's folded 以后 and the agent could not tell when the promise would come back.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-12-08T10:05:00+08:00'));
    try {
      const p = open({ buyer: '豆豆爱吃梨', buyerId: null, settings: DEFAULT_APP_SETTINGS } as never);
      click(p.$('fu-promised'));
      expect(p.$('fu-due-default')?.textContent).toBe('不填时间：24 小时内答复，2026-12-09 10:05 到期');
      type(p.$('fu-note'), '明天上午回复尺码表');
      expect(p.$('fu-due-default')).toBeNull();
      type(p.$('fu-note'), '查一下直播间价格');
      expect(p.$('fu-due-default')?.textContent).toContain('2026-12-09 10:05');
      type(p.$('fu-due'), '2026-12-08T15:00');
      expect(p.$('fu-due-default')).toBeNull();
      cleanup?.();
      const en = open({ buyer: '豆豆爱吃梨', buyerId: null, settings: DEFAULT_APP_SETTINGS } as never, { locale: 'en' });
      click(en.$('fu-promised'));
      expect(en.$('fu-due-default')?.textContent).toBe('No time given: due 2026-12-09 10:05 (24 h from now)');
    } finally {
      vi.useRealTimers();
      setLocale('zh-CN');
    }
  });

  it('adds the follow-up for the open buyer, never with the note typed for the one before', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    click(p.$('fu-promised'));
    type(p.$('fu-note'), '尺码表明早发');
    p.switchTo('米粒妈妈', 'u-1008');
    click(p.$('fu-promised'));
    expect(p.$('fu-note')!.value).toBe('');
    click(p.$('fu-add'));
    await p.settle();
    expect(p.sent).toEqual([expect.objectContaining({ kind: 'promised-answer', buyer: '米粒妈妈', buyerId: 'u-1008', note: undefined })]);
    expect(p.$('fu-status')?.textContent).toBe('已加入跟进清单：承诺答复：米粒妈妈');
  });

  it('keeps a 承诺答复 note pasted longer than 500 characters whole, says by how much it is over and adds nothing until it is shortened', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    click(p.$('fu-promised'));
    const long = '答应明天上午把尺码表发过去'.repeat(50); // 650 characters
    expect(p.$('fu-note')!.hasAttribute('maxlength')).toBe(false);
    type(p.$('fu-note'), long);
    expect(p.$('fu-note')!.value).toBe(long);
    expect(p.$('fu-note-too-long')?.textContent).toBe('最多 500 字，现在 650 字（多 150 字）。文字都还在，缩短后才能保存。');
    expect((p.$('fu-add') as unknown as HTMLButtonElement).disabled).toBe(true);
    await act(async () => void p.$('fu-note')!.form!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true })));
    expect(p.sent).toEqual([]);
    expect(p.$('fu-status')?.textContent).toBe('最多 500 字，现在 650 字（多 150 字）。文字都还在，缩短后才能保存。');
    type(p.$('fu-note'), long.slice(0, 500));
    expect(p.$('fu-note-too-long')).toBeNull();
    click(p.$('fu-add'));
    await p.settle();
    expect(p.sent).toEqual([expect.objectContaining({ kind: 'promised-answer', buyer: '小鹿乱撞0521', note: long.slice(0, 500) })]);
  });

  it('says how much room the buyer’s open item has left when its notes cannot take this one, and keeps the note', async () => {
    // A promise made again adds its note to the buyer's open one; the worker refused it whole (notes.ts).
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' }, { refuse: new CallError('invalid', 'notes-full:12') });
    click(p.$('fu-promised'));
    type(p.$('fu-note'), '又来问了一次尺码，说周末再决定');
    click(p.$('fu-add'));
    await p.settle();
    expect(p.$('fu-status')?.textContent).toBe('这位买家已有这项跟进，备注会记在它下面，但它的备注只剩 12 个字的位置（合计最多 5000 个字）。没有加入，你写的备注还在：请缩短，或记到买家备注（Alt+N）。');
    expect(p.$('fu-note')!.value).toBe('又来问了一次尺码，说周末再决定');
  });

  it('says the open item’s notes are full, in English too', async () => {
    const p = open({ buyer: 'Lucy', buyerId: 'u-1002' }, { locale: 'en', refuse: new CallError('invalid', 'notes-full:0') });
    click(p.$('fu-promised'));
    type(p.$('fu-note'), 'asked about sizes again');
    click(p.$('fu-add'));
    await p.settle();
    expect(p.$('fu-status')?.textContent).toBe('This buyer already has this follow-up and its notes are full (at most 5000 characters together). Nothing was added and your note is still here: save it as a buyer note (Alt+N).');
  });

  it('咨询未拍 and 中差评 leave a 承诺答复 or 售后 being typed as it was: its note is neither sent with them nor cleared', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    const year = new Date().getUTCFullYear() + 1;
    click(p.$('fu-promised'));
    type(p.$('fu-due'), `${year}-01-02T10:00`);
    type(p.$('fu-note'), '答应查一下有没有加大码');
    click(p.$('fu-inquiry'));
    await p.settle();
    expect(p.sent).toEqual([expect.objectContaining({ kind: 'inquiry', buyer: '小鹿乱撞0521', note: undefined, dueAt: undefined })]);
    expect(p.$('fu-status')?.textContent).toBe('已加入跟进清单：咨询未拍：小鹿乱撞0521');
    expect([p.$('fu-due')!.value, p.$('fu-note')!.value]).toEqual([`${year}-01-02T10:00`, '答应查一下有没有加大码']);
    click(p.$('fu-after'));
    type(p.$('fu-order'), '2026120512345');
    type(p.$('fu-after-note'), '退回的包裹还没到');
    // 中差评's own form takes the place of 售后's; what 售后 holds waits for it.
    click(p.$('fu-bad-review'));
    click(p.$('fu-review-add'));
    await p.settle();
    expect(p.sent[1]).toEqual(expect.objectContaining({ kind: 'bad-review', note: undefined }));
    expect(p.sent[1]).not.toHaveProperty('orderId');
    click(p.$('fu-after'));
    expect([p.$('fu-order')!.value, p.$('fu-after-note')!.value]).toEqual(['2026120512345', '退回的包裹还没到']);
    // The promise is still there to add, with its own note and time.
    click(p.$('fu-promised'));
    click(p.$('fu-add'));
    await p.settle();
    expect(p.sent[2]).toEqual(expect.objectContaining({ kind: 'promised-answer', note: '答应查一下有没有加大码', dueAt: Date.UTC(year, 0, 2, 2) }));
  });

  it('承诺答复 refuses a time already past, as 售后 and the popup’s 添加 do, and keeps what was typed — from another buyer’s panel too', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    const past = new Date(Date.now() - 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16); // 2 days ago, Beijing
    click(p.$('fu-promised'));
    type(p.$('fu-due'), past);
    type(p.$('fu-note'), '查好库存再回她');
    click(p.$('fu-add'));
    await p.settle();
    expect(p.sent).toEqual([]);
    expect(p.$('fu-status')?.textContent).toBe('时间要晚于现在：请重选（截止可留空）。没有加入，你写的还在。');
    expect([p.$('fu-due')!.value, p.$('fu-note')!.value]).toEqual([past, '查好库存再回她']);
    // Left for another buyer: its 为…加入 is refused the same way, said on this panel, the draft kept.
    p.switchTo('米粒妈妈', 'u-1008');
    click(p.$('fu-unsaved-add'));
    await p.settle();
    expect(p.sent).toEqual([]);
    expect(p.$('fu-status')?.textContent).toBe('时间要晚于现在：请重选（截止可留空）。没有加入，你写的还在。');
    expect(p.$('fu-unsaved')?.textContent).toContain('查好库存再回她');
    p.switchTo('小鹿乱撞0521', 'u-1001');
    expect([p.$('fu-due')!.value, p.$('fu-note')!.value]).toEqual([past, '查好库存再回她']);
    // Emptied, it is due as the kind's rule says (24 h).
    type(p.$('fu-due'), '');
    click(p.$('fu-add'));
    await p.settle();
    expect(p.sent).toEqual([expect.objectContaining({ kind: 'promised-answer', note: '查好库存再回她', dueAt: undefined })]);
  });

  it.each([
    ['zh-CN', '时间均为北京时间'],
    ['en', 'Times are Beijing time'],
  ] as const)('in %s, says beside 答复时间 and 售后’s time that they are Beijing time when the computer is in another zone, and nothing when it is not', (locale, said) => {
    const offset = vi.spyOn(Date.prototype, 'getTimezoneOffset').mockReturnValue(420); // Los Angeles, summer
    try {
      const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' }, { locale });
      click(p.$('fu-promised'));
      expect(p.$('fu-due-zone')?.textContent).toBe(said);
      click(p.$('fu-after'));
      expect(p.$('fu-after-due-zone')?.textContent).toBe(said);
      cleanup?.();
      offset.mockReturnValue(-480);
      const q = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' }, { locale });
      click(q.$('fu-promised'));
      expect(q.$('fu-due')).not.toBeNull();
      expect(q.$('fu-due-zone')).toBeNull();
      click(q.$('fu-after'));
      expect(q.$('fu-after-due-zone')).toBeNull();
    } finally {
      offset.mockRestore();
      setLocale('zh-CN');
    }
  });

  it('a background older than the page (updated, not reloaded) is said with what to do, not as 出现意外错误', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' }, { refuse: new CallError('outdated', 'unknown message') });
    click(p.$('fu-inquiry'));
    await p.settle();
    expect(p.$('fu-status')?.textContent).toBe('未能加入跟进清单：客服助手已更新，但还没有重新加载：请在扩展管理页（chrome://extensions）的客服助手上点「重新加载」，然后刷新此页面');
  });

  it('keeps a half-typed note for its buyer, to finish when the agent is back', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    click(p.$('fu-promised'));
    type(p.$('fu-note'), '尺码表明早发');
    p.switchTo('米粒妈妈', 'u-1008');
    p.switchTo('小鹿乱撞0521', 'u-1001');
    expect(p.$('fu-note')!.value).toBe('尺码表明早发');
    click(p.$('fu-add'));
    await p.settle();
    expect(p.sent[0]).toMatchObject({ buyer: '小鹿乱撞0521', note: '尺码表明早发' });
    expect(p.$('fu-note')).toBeNull();
  });

  it.each(['zh-CN', 'en'] as const)('in %s, names a buyer whose nickname holds direction controls in the unfinished 承诺答复 line without letting them act', (locale) => {
    const odd = '\u202Eabc\u2067小鹿';
    const p = open({ buyer: odd, buyerId: 'u-1001' }, { locale });
    click(p.$('fu-promised'));
    type(p.$('fu-note'), '明早\u202E回复');
    p.switchTo('米粒妈妈', 'u-1008');
    const line = p.$('fu-unsaved')!;
    // No control left to act on the sentence; each shown as a mark, the name and the note each isolated.
    expect(line.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect([...line.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['⟨RLO⟩abc⟨RLI⟩小鹿', '明早⟨RLO⟩回复', '⟨RLO⟩abc⟨RLI⟩小鹿']);
    expect(line.textContent).toContain(locale === 'en' ? 'Promised answer for ⟨RLO⟩abc⟨RLI⟩小鹿 not added yet: “明早⟨RLO⟩回复”' : '⟨RLO⟩abc⟨RLI⟩小鹿 的承诺答复还没加入跟进：「明早⟨RLO⟩回复」');
    setLocale('zh-CN');
  });

  it('售后 adds a return or exchange on its way for the order, and a call-back only with its time', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    click(p.$('fu-after'));
    const kind = p.$('fu-after-kind') as unknown as HTMLSelectElement;
    expect([...kind.options].map((o) => o.textContent)).toEqual(['待收退货', '待收退货（换货）', '待付退款', '约定回电']);
    await act(() => {
      kind.value = 'exchange';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    type(p.$('fu-order'), '2026120512345');
    click(p.$('fu-after-add'));
    await p.settle();
    expect(p.sent).toEqual([expect.objectContaining({ kind: 'return-pending', exchange: true, orderId: '2026120512345', buyer: '小鹿乱撞0521', buyerId: 'u-1001' })]);
    expect(p.$('fu-status')?.textContent).toBe('已加入跟进清单：待收退货：小鹿乱撞0521');
    click(p.$('fu-after'));
    const kind2 = p.$('fu-after-kind') as unknown as HTMLSelectElement;
    await act(() => {
      kind2.value = 'call-back';
      kind2.dispatchEvent(new Event('change', { bubbles: true }));
    });
    click(p.$('fu-after-add'));
    await p.settle();
    expect(p.sent).toHaveLength(1);
    expect(p.$('fu-status')?.textContent).toBe('请先选好回电时间。没有加入，你写的还在。');
    const year = new Date().getUTCFullYear() + 1;
    type(p.$('fu-after-due'), `${year}-12-05T15:00`);
    click(p.$('fu-after-add'));
    await p.settle();
    expect(p.sent[1]).toEqual(expect.objectContaining({ kind: 'call-back', dueAt: Date.UTC(year, 11, 5, 7) })); // 15:00 Beijing
  });

  it('售后 refuses a time already past, as the popup’s 添加 does, and keeps what was typed', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    click(p.$('fu-after'));
    const kind = p.$('fu-after-kind') as unknown as HTMLSelectElement;
    await act(() => {
      kind.value = 'call-back';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const past = new Date(Date.now() - 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16); // 3 days ago, Beijing
    type(p.$('fu-after-due'), past);
    type(p.$('fu-after-note'), '问问快递到哪了');
    click(p.$('fu-after-add'));
    await p.settle();
    expect(p.sent).toEqual([]);
    expect(p.$('fu-status')?.getAttribute('role')).toBe('status');
    expect(p.$('fu-status')?.textContent).toBe('时间要晚于现在：请重选（截止可留空）。没有加入，你写的还在。');
    expect([p.$('fu-after-due')!.value, p.$('fu-after-note')!.value]).toEqual([past, '问问快递到哪了']);
    // A return on its way, with a past 截止: refused too (left empty, it is due as the list's rules say).
    await act(() => {
      kind.value = 'return-pending';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
    });
    click(p.$('fu-after-add'));
    await p.settle();
    expect(p.sent).toEqual([]);
    type(p.$('fu-after-due'), '');
    click(p.$('fu-after-add'));
    await p.settle();
    expect(p.sent).toEqual([expect.objectContaining({ kind: 'return-pending', note: '问问快递到哪了', dueAt: undefined })]);
  });

  it('承诺答复 and 售后 keep their own time and note: what is typed in one never turns up in the other', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    const year = new Date().getUTCFullYear() + 1;
    click(p.$('fu-promised'));
    type(p.$('fu-due'), `${year}-01-02T10:00`);
    type(p.$('fu-note'), '答应明早确认库存');
    click(p.$('fu-after'));
    expect([p.$('fu-after-due')!.value, p.$('fu-after-note')!.value]).toEqual(['', '']);
    type(p.$('fu-after-note'), '退货单号待补');
    click(p.$('fu-after-add'));
    await p.settle();
    expect(p.sent).toEqual([expect.objectContaining({ kind: 'return-pending', note: '退货单号待补', dueAt: undefined })]);
    // The promise being typed is still there, as left.
    click(p.$('fu-promised'));
    expect([p.$('fu-due')!.value, p.$('fu-note')!.value]).toEqual([`${year}-01-02T10:00`, '答应明早确认库存']);
    click(p.$('fu-after'));
    expect(p.$('fu-after-note')!.value).toBe('');
  });

  it('says on the next buyer’s panel that the last one’s 承诺答复 is not added, and adds it for that buyer with its note', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    const year = new Date().getUTCFullYear() + 1; // a time to come, whenever the test runs
    click(p.$('fu-promised'));
    type(p.$('fu-due'), `${year}-12-05T10:00`);
    type(p.$('fu-note'), '查好库存再回她');
    p.switchTo('米粒妈妈', 'u-1008');
    expect(p.$('fu-note')).toBeNull();
    expect(p.$('fu-unsaved')?.textContent).toContain('小鹿乱撞0521 的承诺答复还没加入跟进：「查好库存再回她」');
    click(p.$('fu-unsaved-add'));
    await p.settle();
    // For 小鹿, never the open buyer; with her note and time.
    expect(p.sent).toEqual([expect.objectContaining({ kind: 'promised-answer', buyer: '小鹿乱撞0521', buyerId: 'u-1001', note: '查好库存再回她', dueAt: Date.UTC(year, 11, 5, 2) })]); // 10:00 typed is 10:00 Beijing, whatever the computer's zone
    expect(p.$('fu-status')?.textContent).toBe('已加入跟进清单：承诺答复：小鹿乱撞0521');
    expect(p.$('fu-unsaved')).toBeNull();
    // Back on 小鹿: done, no form left to add it twice.
    p.switchTo('小鹿乱撞0521', 'u-1001');
    expect(p.$('fu-note')).toBeNull();
    expect(p.$('fu-unsaved')).toBeNull();
  });

  it('does not offer a 承诺答复 whose save is still on its way (added once)', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' }, { hold: true });
    click(p.$('fu-promised'));
    type(p.$('fu-note'), '明早回复');
    click(p.$('fu-add'));
    p.switchTo('米粒妈妈', 'u-1008');
    expect(p.$('fu-unsaved')).toBeNull();
    await p.release();
    expect(p.sent).toHaveLength(1);
    expect(p.$('fu-unsaved')).toBeNull();
  });

  it('an unsaved 承诺答复 dropped from another buyer’s panel is gone; one with no note, or a form closed, is not said', () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    click(p.$('fu-promised'));
    type(p.$('fu-note'), '明天回复尺码');
    p.switchTo('南风知我意2019', 'u-1005');
    click(p.$('fu-promised')); // a form opened, nothing typed
    p.switchTo('米粒妈妈', 'u-1008');
    expect([...document.querySelectorAll('[data-kf="fu-unsaved"]')].map((e) => e.getAttribute('data-buyer'))).toEqual(['小鹿乱撞0521']);
    click(p.$('fu-unsaved-drop'));
    expect(p.$('fu-unsaved')).toBeNull();
    expect(p.sent).toEqual([]);
    p.switchTo('小鹿乱撞0521', 'u-1001');
    expect(p.$('fu-note')).toBeNull();
    // Typed, then the form closed with 承诺答复 again: not a promise left half-made.
    click(p.$('fu-promised'));
    type(p.$('fu-note'), '再说');
    click(p.$('fu-promised'));
    p.switchTo('米粒妈妈', 'u-1008');
    expect(p.$('fu-unsaved')).toBeNull();
  });

  it('says what it added in the English interface in English, the buyer’s name as the page shows it', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' }, { locale: 'en' });
    click(p.$('fu-bad-review'));
    click(p.$('fu-review-add'));
    await p.settle();
    expect(p.$('fu-status')?.textContent).toBe('Added to the follow-up list: Bad review: 小鹿乱撞0521');
    setLocale('zh-CN');
  });

  it('choosing 交给… says at once where the next follow-up goes, in place of the line before', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' }, { targets: { shift: 'day', members: [] } });
    click(p.$('fu-inquiry'));
    await p.settle();
    expect(p.$('fu-status')?.textContent).toBe('已加入跟进清单：咨询未拍：小鹿乱撞0521');
    type(p.$('fu-handover'), 'shift:night');
    expect(p.$('fu-status')?.textContent).toBe('接下来加入的跟进将交给夜班');
    // Back to 不交接: no line is left that could be read as a confirmation.
    type(p.$('fu-handover'), '');
    expect(p.$('fu-status')).toBeNull();
    type(p.$('fu-handover'), 'shift:night');
    click(p.$('fu-bad-review'));
    click(p.$('fu-review-add'));
    await p.settle();
    expect(p.sent.at(-1)).toMatchObject({ kind: 'bad-review', toShift: 'night' });
    expect(p.$('fu-status')?.textContent).toBe('已加入跟进清单：中差评：小鹿乱撞0521 · 已交给夜班');
  });

  it('holds the 交给… row while the worker has not said whom to offer, so the 中差评 form’s 添加 does not move down under the pointer when it answers', async () => {
    // handover.e2e (English) failed once in CI under load: its click on 添加 was aimed before the
    // targets came and the row appeared above the form, moving 添加 down.
    const p = open({ buyer: '南风知我意2019', buyerId: 'u-1005' }, { holdTargets: true });
    click(p.$('fu-bad-review'));
    await p.settle();
    const before = [...p.m.root.querySelector('[data-kf="followup-actions"]')!.children].map((e) => e.tagName);
    const pending = p.$('fu-handover-pending') as unknown as HTMLSelectElement;
    expect(pending.disabled).toBe(true);
    expect([...pending.options].map((o) => o.textContent)).toEqual(['不交接']);
    expect(p.$('fu-handover')).toBeNull();
    await p.answerTargets({ shift: 'day', members: [] });
    expect([...p.m.root.querySelector('[data-kf="followup-actions"]')!.children].map((e) => e.tagName)).toEqual(before);
    expect(p.$('fu-handover-pending')).toBeNull();
    expect([...(p.$('fu-handover') as unknown as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['不交接', '夜班（下一班）']);
    click(p.$('fu-review-add'));
    await p.settle();
    expect(p.$('fu-status')?.textContent).toBe('已加入跟进清单：中差评：南风知我意2019');
  });

  it('中差评 takes the order it is about and a note; an order number that is none is refused, what was typed kept (QA pass X finding 6)', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    click(p.$('fu-bad-review'));
    expect(p.$('fu-bad-review')!.getAttribute('aria-expanded')).toBe('true');
    type(p.$('fu-review-order'), '单号 4012');
    type(p.$('fu-review-note'), '评价说尺码偏小，已道歉，补发小礼物');
    click(p.$('fu-review-add'));
    await p.settle();
    expect(p.sent).toEqual([]);
    expect(p.$('fu-status')?.textContent).toBe('订单号只能是 4–40 位字母、数字或“-”：请改正或留空。没有加入，你写的还在。');
    expect([p.$('fu-review-order')!.value, p.$('fu-review-note')!.value]).toEqual(['单号 4012', '评价说尺码偏小，已道歉，补发小礼物']);
    type(p.$('fu-review-order'), '4012938475610293847');
    click(p.$('fu-review-add'));
    await p.settle();
    expect(p.sent).toEqual([expect.objectContaining({ kind: 'bad-review', buyer: '小鹿乱撞0521', buyerId: 'u-1001', orderId: '4012938475610293847', note: '评价说尺码偏小，已道歉，补发小礼物' })]);
    expect(p.$('fu-status')?.textContent).toBe('已加入跟进清单：中差评：小鹿乱撞0521');
    // Added: the form closes and starts empty next time.
    expect(p.$('fu-review-form')).toBeNull();
    click(p.$('fu-bad-review'));
    expect([p.$('fu-review-order')!.value, p.$('fu-review-note')!.value]).toEqual(['', '']);
  });

  it('咨询未拍 is added with one click and then takes why the buyer did not order, as a note of that item (QA pass X finding 6)', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' });
    expect(p.$('fu-reason')).toBeNull();
    click(p.$('fu-inquiry'));
    await p.settle();
    expect(p.sent).toEqual([expect.objectContaining({ kind: 'inquiry', note: undefined })]);
    expect(p.$('fu-reason')!.placeholder).toBe('没拍的原因（可选），如 嫌贵、等活动、尺码缺货');
    // Nothing typed: nothing sent.
    click(p.$('fu-reason-add'));
    await p.settle();
    expect(p.sent).toHaveLength(1);
    type(p.$('fu-reason'), '嫌运费贵，等满减活动');
    click(p.$('fu-reason-add'));
    await p.settle();
    // The same buyer's inquiry registered again with the note: the worker adds it as a line of that item.
    expect(p.sent[1]).toEqual(expect.objectContaining({ kind: 'inquiry', buyer: '小鹿乱撞0521', buyerId: 'u-1001', note: '嫌运费贵，等满减活动' }));
    expect(p.$('fu-status')?.textContent).toBe('原因已记在跟进下：咨询未拍：小鹿乱撞0521');
    expect(p.$('fu-reason')).toBeNull();
    // Another buyer's panel has no reason field of hers.
    click(p.$('fu-inquiry'));
    await p.settle();
    await p.switchTo('阿猫', 'u-2002');
    expect(p.$('fu-reason')).toBeNull();
  });

  it('tells two buyers with the same masked nickname apart by their id', () => {
    const p = open({ buyer: 'S*******n', buyerId: 'u-2001' });
    click(p.$('fu-promised'));
    type(p.$('fu-note'), '发票抬头');
    p.switchTo('S*******n', 'u-2002');
    expect(p.$('fu-note')).toBeNull();
  });

  it('a save that answers after a switch clears the form it was made from, not the open one', async () => {
    const p = open({ buyer: '小鹿乱撞0521', buyerId: 'u-1001' }, { hold: true });
    click(p.$('fu-promised'));
    type(p.$('fu-note'), '尺码表明早发');
    click(p.$('fu-add'));
    p.switchTo('米粒妈妈', 'u-1008');
    click(p.$('fu-promised'));
    type(p.$('fu-note'), '查物流');
    await p.release();
    expect(p.$('fu-status')).toBeNull();
    expect(p.$('fu-note')!.value).toBe('查物流');
    p.switchTo('小鹿乱撞0521', 'u-1001');
    expect(p.$('fu-note')).toBeNull();
    expect(p.$('fu-status')?.textContent).toBe('已加入跟进清单：承诺答复：小鹿乱撞0521');
  });

  describe('on an order page', () => {
    const row = (orderId: string, buyer: string, buyerId?: string) => ({ orderId, buyer, buyerId, status: 'paid', flag: 'gray', remark: '' }) as unknown as PanelState['orders'][number];
    const detail = (orders: PanelState['orders'], remarkEditor: PanelState['remarkEditor'] = null) => ({ buyer: null, buyerId: null, pageKind: 'order-detail' as const, orders, remarkEditor });

    it('acts for the page’s one order and its buyer: no 咨询未拍, the order on every item, its number in the 中差评 and 售后 forms', async () => {
      const p = open(detail([row('3710462259018273645', '晴天小铺子')]));
      expect(p.$('fu-for-order')?.textContent).toBe('以下跟进针对订单 3710462259018273645（晴天小铺子）');
      // 以下 ("below") names every button: the line stands above 承诺答复, not between 中差评 and 售后.
      for (const kf of ['fu-promised', 'fu-bad-review', 'fu-after']) expect(p.$('fu-for-order')!.compareDocumentPosition(p.$(kf)!) & Node.DOCUMENT_POSITION_FOLLOWING, kf).toBeTruthy();
      expect(p.$('fu-inquiry')).toBeNull();
      click(p.$('fu-promised'));
      type(p.$('fu-note'), '答应查一下能不能补开发票');
      click(p.$('fu-add'));
      await p.settle();
      expect(p.sent).toEqual([expect.objectContaining({ kind: 'promised-answer', buyer: '晴天小铺子', orderId: '3710462259018273645', note: '答应查一下能不能补开发票' })]);
      click(p.$('fu-bad-review'));
      expect(p.$('fu-review-order')!.value).toBe('3710462259018273645');
      // Emptied, the item is still the page's order's; another number typed is the agent's choice.
      type(p.$('fu-review-order'), '');
      click(p.$('fu-review-add'));
      await p.settle();
      expect(p.sent[1]).toMatchObject({ kind: 'bad-review', orderId: '3710462259018273645' });
      click(p.$('fu-after'));
      expect(p.$('fu-order')!.value).toBe('3710462259018273645');
      type(p.$('fu-order'), '3710462259018270000');
      click(p.$('fu-after-add'));
      await p.settle();
      expect(p.sent[2]).toMatchObject({ kind: 'return-pending', orderId: '3710462259018270000', buyer: '晴天小铺子' });
    });

    it('a page that shows no buyer (the memo page) names the order alone and sends the buyer empty', async () => {
      const p = open(detail([], { orderId: '3709981726354019283' } as PanelState['remarkEditor']));
      expect(p.$('fu-for-order')?.textContent).toBe('以下跟进针对订单 3709981726354019283');
      click(p.$('fu-bad-review'));
      click(p.$('fu-review-add'));
      await p.settle();
      expect(p.sent).toEqual([expect.objectContaining({ kind: 'bad-review', buyer: '', orderId: '3709981726354019283' })]);
    });

    it('a list of several orders acts for the one whose remark box is open', () => {
      const rows = [row('4012938475610293847', '小鹿乱撞0521'), row('3967201845739261054', '爱吃橙子的猫')];
      const p = open({ ...detail(rows), pageKind: 'order-list' });
      expect(p.$('fu-for-order')).toBeNull();
      act(() => p.store.set({ remarkEditor: { orderId: '3967201845739261054' } as PanelState['remarkEditor'] }));
      expect(p.$('fu-for-order')?.textContent).toBe('以下跟进针对订单 3967201845739261054（爱吃橙子的猫）');
    });

    describe('a list of several orders: the rows read, in the panel, to pick the order', () => {
      const rows = () => [
        { ...row('4012938475610293847', '小鹿乱撞0521'), buyerId: 'u-1001', status: 'unpaid' },
        row('3967201845739261054', 'S*******n', 'jd_8f3a2c'),
        { ...row('3951842736019283746', '米粒妈妈'), status: 'shipped' },
        // The same order shown twice on the page (a split row): listed once.
        row('3967201845739261054', 'S*******n', 'jd_8f3a2c'),
      ] as PanelState['orders'];
      const listed = (p: ReturnType<typeof open>) => [...p.$('fu-rows')!.querySelectorAll<HTMLButtonElement>('[data-kf="fu-row"]')];

      it('lists each row once — number, buyer (a masked name with its tag), status — with no actions until one is picked', () => {
        const p = open({ ...detail(rows()), pageKind: 'order-list' });
        expect(p.$('fu-rows-hint')?.textContent).toBe('跟进：先选订单（本页读到 3 笔；↑↓ 移动，回车选定）');
        expect(listed(p).map((b) => b.textContent)).toEqual([
          '4012938475610293847小鹿乱撞0521待付款',
          expect.stringMatching(/^3967201845739261054S\*{7}n · [0-9a-z]{4}待发货$/),
          '3951842736019283746米粒妈妈已发货',
        ]);
        expect(listed(p).map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'false']);
        for (const kf of ['fu-promised', 'fu-bad-review', 'fu-after', 'fu-handover', 'fu-for-order', 'fu-inquiry']) expect(p.$(kf), kf).toBeNull();
        // One Tab stop: the first row.
        expect(listed(p).map((b) => b.tabIndex)).toEqual([0, -1, -1]);
      });

      it('a picked row gets the order page’s actions for its order and buyer: the item sent is the one the order’s own page sends', async () => {
        const p = open({ ...detail(rows()), pageKind: 'order-list' });
        click(listed(p)[1]!);
        expect(listed(p).map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true', 'false']);
        expect(p.$('fu-for-order')?.textContent).toMatch(/^以下跟进针对订单 3967201845739261054（S\*{7}n · [0-9a-z]{4}）$/);
        expect(p.$('fu-inquiry')).toBeNull();
        click(p.$('fu-bad-review'));
        expect(p.$('fu-review-order')!.value).toBe('3967201845739261054');
        click(p.$('fu-review-add'));
        await p.settle();
        expect(p.sent).toEqual([expect.objectContaining({ kind: 'bad-review', buyer: 'S*******n', buyerId: 'jd_8f3a2c', orderId: '3967201845739261054', platform: 'demo' })]);
        // Another row: its own actions; a 承诺答复 typed for it and left is named on the others.
        click(listed(p)[0]!);
        expect(p.$('fu-for-order')?.textContent).toBe('以下跟进针对订单 4012938475610293847（小鹿乱撞0521）');
        expect(p.$('fu-status')).toBeNull();
        click(p.$('fu-promised'));
        type(p.$('fu-note'), '答应查一下能不能改地址');
        click(listed(p)[2]!);
        expect(p.$('fu-note')).toBeNull();
        expect(p.$('fu-unsaved')?.textContent).toContain('小鹿乱撞0521 的承诺答复还没加入跟进：「答应查一下能不能改地址」');
        click(listed(p)[0]!);
        expect(p.$('fu-note')!.value).toBe('答应查一下能不能改地址');
      });

      it('opening a remark box on the page picks its order; a row picked after it takes over; a row gone from the list is let go', () => {
        const p = open({ ...detail(rows()), pageKind: 'order-list' });
        const box = (orderId: string | null) => act(() => p.store.set({ remarkEditor: orderId ? ({ orderId } as PanelState['remarkEditor']) : null }));
        box('3951842736019283746');
        expect(listed(p)[2]!.getAttribute('aria-pressed')).toBe('true');
        click(listed(p)[0]!);
        expect(p.$('fu-for-order')?.textContent).toContain('4012938475610293847');
        // The box closes (remark saved): the pick stays; a box opened again picks its order.
        box(null);
        expect(p.$('fu-for-order')?.textContent).toContain('4012938475610293847');
        box('3967201845739261054');
        expect(p.$('fu-for-order')?.textContent).toContain('3967201845739261054');
        box(null);
        // The list's next page: the picked order is not on it.
        act(() => p.store.set({ orders: [row('3000000000000000001', '晴天小铺子'), row('3000000000000000002', '阿猫')] }));
        expect(p.$('fu-for-order')).toBeNull();
        expect(p.$('fu-rows-hint')?.textContent).toContain('本页读到 2 笔');
      });

      it('is one Tab stop: the arrow keys, Home and End move along the rows, Enter or a click picks', () => {
        const p = open({ ...detail(rows()), pageKind: 'order-list' });
        const key = (k: string) => act(() => void (p.$('fu-rows')!.ownerDocument.activeElement ?? listed(p)[0]!).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true })));
        listed(p)[0]!.focus();
        key('ArrowRight');
        expect(p.$('fu-rows')!.ownerDocument.activeElement).toBe(listed(p)[1]);
        key('End');
        expect(p.$('fu-rows')!.ownerDocument.activeElement).toBe(listed(p)[2]);
        expect(listed(p).map((b) => b.tabIndex)).toEqual([-1, -1, 0]);
        // A button: Enter and Space click it (the browser's own), which picks.
        click(listed(p)[2]!);
        expect(listed(p)[2]!.getAttribute('aria-pressed')).toBe('true');
        expect(p.$('fu-rows-hint')?.textContent).toBe('跟进：本页读到的 3 笔订单（可改选）');
      });

      it('speaks English with the interface', () => {
        const p = open({ ...detail(rows()), pageKind: 'order-list' }, { locale: 'en' });
        expect(p.$('fu-rows-hint')?.textContent).toBe('Follow up: pick an order first (3 read on this page; ↑↓ to move, Enter to pick)');
        expect(listed(p)[2]!.textContent).toBe('3951842736019283746米粒妈妈Shipped');
      });
    });
  });
});
