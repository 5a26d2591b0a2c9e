// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { PRESET_A, cloneRuleSet, isoDate, type RuleSet } from '../../lib/domain/remarks';
import { Store } from '../../lib/panel/store';
import type { PanelState } from '../../lib/panel/controller';
import { RemarkController, type RemarkApi } from '../../lib/panel/remarks';
import { DEFAULT_APP_SETTINGS } from '../../lib/storage/settings';
import { bootDemo, type DemoHooks } from '../../lib/sites/testing';
import { demoAdapter } from '../../lib/sites/demo';
import { RemarkContext } from './RemarkContext';
import { RemarkPanel, type RemarkBoxProps } from './RemarkPanel';
import { click, mount, type } from './testing';

vi.mock('../../lib/browser', () => ({ browser: {} }));

const PURPLE_ORDER = '3930018273645518290';
const today = isoDate(Date.now(), 480);
const inDays = (n: number) => isoDate(Date.now() + n * 86_400_000, 480);
const tick = () => act(async () => new Promise((r) => setTimeout(r, 0)));

let demo: DemoHooks;
let abort: AbortController;
let cleanup: (() => void) | undefined;
let recorded: unknown[];
let rules: RuleSet;
let agentName: string;
let sent: [string, unknown][];
let noShip: { weekdays: number[]; dates: { from: string; to: string }[] } | undefined;

/** The main controller's part that matters here: the store the adapter's rows and remark box go into. */
function startMain(collapsed = false) {
  const store = new Store<PanelState>({
    orders: [],
    remarkEditor: null,
    collapsed,
    settings: DEFAULT_APP_SETTINGS,
  } as unknown as PanelState);
  const read = () => store.set({ orders: demoAdapter.readOrders!(document), remarkEditor: demoAdapter.findRemarkEditor!(document) });
  demoAdapter.observeOrders!(document, abort.signal, read);
  read();
  return { store };
}

async function setup(collapsed = false, shownOrders?: () => number, box: RemarkBoxProps = {}) {
  demo = bootDemo('/orders?auto=0');
  const main = startMain(collapsed);
  const api: RemarkApi = {
    call: (async (verb: string, payload: unknown) => {
      if (verb === 'getRuleSet') return rules;
      if (verb === 'getSettings') return { ...DEFAULT_APP_SETTINGS, shop: { ...DEFAULT_APP_SETTINGS.shop, agentName, ...(noShip ? { noShip } : {}) } };
      sent.push([verb, payload]);
      if (verb === 'recordRemark') recorded.push(payload);
      return { facts: 0, overrideRecorded: false };
    }) as RemarkApi['call'],
    onDataChanged: () => () => {},
  };
  const ctl = new RemarkController(main, 'demo', document, abort.signal, api, shownOrders);
  const m = mount(
    <RemarkContext.Provider value={ctl}>
      <RemarkPanel {...box} />
    </RemarkContext.Provider>,
  );
  cleanup = m.unmount;
  await act(() => ctl.start());
  // The panel lives in a shadow root in the product; here it sits in a div of the same document.
  const q = (sel: string) => m.root.querySelector(sel);
  return { ctl, main, root: m.root, q };
}

const box = () => demoAdapter.findRemarkEditor!(document)!;
const typeInBox = async (text: string) => {
  type(box().textarea, text);
  await tick();
};

beforeEach(() => {
  abort = new AbortController();
  recorded = [];
  rules = cloneRuleSet(PRESET_A);
  agentName = '小美';
  sent = [];
  noShip = undefined;
});
afterEach(() => {
  cleanup?.();
  abort.abort();
});

describe('RemarkPanel on the order list', () => {
  it('warns in the purple remark’s form of a ship date the shop closed in its settings (不发货的日期), offering the next shipping day', async () => {
    noShip = { weekdays: [], dates: [{ from: inDays(3), to: inDays(4) }] };
    const { q } = await setup();
    demo.openRemark(PURPLE_ORDER);
    await tick();
    type(q('[data-kf="remark-form"] input[data-field="shipDate"]'), inDays(3));
    expect(q('[data-kf="remark-no-ship-date"]')?.textContent).toContain(`请改成下一个发货日 ${inDays(5)}`);
    click(q('[data-kf="remark-no-ship-next"]'));
    expect((q('[data-kf="remark-form"] input[data-field="shipDate"]') as HTMLInputElement).value).toBe(inDays(5));
    expect(q('[data-kf="remark-no-ship-date"]')).toBeNull();
  });

  it('with no agent name set, the remark form’s notice is a link that opens the options page on 店铺设置, where the name is filled in', async () => {
    agentName = '';
    const { q } = await setup();
    demo.openRemark(PURPLE_ORDER);
    await tick();
    const link = q('[data-kf="remark-no-agent"] button') as HTMLButtonElement;
    expect(link.textContent).toBe('请先在设置的“店铺设置”里填写客服名字：备注需要经办人署名。');
    link.click();
    await tick();
    expect(sent.filter(([verb]) => verb === 'openOptions')).toEqual([['openOptions', { tab: 'shop' }]]);
  });

  it('counts the broken remarks, lists their orders and marks their rows, and only theirs', async () => {
    const { q, ctl } = await setup();
    const lint = ctl.store.get().lint;
    expect(lint.length).toBeGreaterThan(0);
    const read = demoAdapter.readOrders!(document).length;
    expect(q('[data-kf="remark-lint-count"]')?.textContent).toBe(`本页检查了 ${read} 个订单，${lint.length} 条备注不符合规范`);
    const listed = Array.from(document.querySelectorAll('[data-kf="remark-lint-order"]')).map((b) => b.textContent);
    expect(listed).toEqual(lint.map((l) => l.orderId));
    expect(listed).toContain(PURPLE_ORDER);
    const rows = demoAdapter.readOrders!(document);
    for (const row of rows) {
      const marker = row.element.querySelector('[data-kf="remark-lint"]');
      expect(Boolean(marker), row.orderId).toBe(listed.includes(row.orderId));
    }
    // Unflagged orders without a remark are fine.
    expect(listed).not.toContain('4012938475610293847');
    const marker = rows.find((r) => r.orderId === PURPLE_ORDER)!.element.querySelector('[data-kf="remark-lint"]')!;
    expect(marker.className).toMatch(/^kf-/);
    expect(marker.getAttribute('title')).toContain('可发货日');
  });

  it('says how many orders the page shows that were not read, beside the count of those checked', async () => {
    // Two more order ids on the page than rows read (a layout change hid them from the adapter).
    const { q, ctl } = await setup(false, () => demoAdapter.readOrders!(document).length + 2);
    const read = demoAdapter.readOrders!(document).length;
    expect(ctl.store.get()).toMatchObject({ checked: read, shown: read + 2, unread: { orders: 2 } });
    expect(q('[data-kf="remark-unread"][data-part="orders"]')?.textContent).toContain(`页面上有 ${read + 2} 个订单编号，其中 2 单没有读到`);
    expect(q('[data-kf="remark-lint-count"]')?.textContent).toContain(`本页检查了 ${read} 个订单`);
  });

  it('drops the marker once the remark is fixed', async () => {
    const { ctl } = await setup();
    demo.openRemark(PURPLE_ORDER);
    await tick();
    await typeInBox(`【延迟发货】可发货日:${inDays(3)}｜原因:缺货｜小美 ${today}`);
    click(box().saveButton);
    await tick();
    const row = demoAdapter.readOrders!(document).find((r) => r.orderId === PURPLE_ORDER)!;
    expect(row.element.querySelector('[data-kf="remark-lint"]')).toBeNull();
    expect(ctl.store.get().lint.map((l) => l.orderId)).not.toContain(PURPLE_ORDER);
  });
});

describe('RemarkPanel with the remark box open', () => {
  it('builds the remark with the form, keeps the earlier line, and the page saves it', async () => {
    const { q } = await setup();
    demo.openRemark(PURPLE_ORDER);
    await tick();
    expect(q('[data-kf="remark-meaning"]')?.textContent).toContain('延迟发货');
    type(q('input[data-field="shipDate"]'), inDays(4));
    type(q('input[data-field="reason"]'), '缺货');
    click(q('[data-kf="remark-use"]'));
    await tick();
    const line = `【延迟发货】可发货日：${inDays(4)}｜原因：缺货｜小美 ${today}`;
    expect(box().textarea.value).toBe(`缺货，晚点发\n${line}`);
    expect(q('[data-kf="remark-ok"]')).not.toBeNull();
    click(box().saveButton);
    await tick();
    expect((demo as unknown as { remarkSaves: unknown[] }).remarkSaves).toEqual([{ orderId: PURPLE_ORDER, flag: 'purple', remark: `缺货，晚点发\n${line}` }]);
    expect(recorded).toEqual([expect.objectContaining({ orderId: PURPLE_ORDER, flag: 'purple', buyer: '南风知我意2019', text: `缺货，晚点发\n${line}` })]);
    expect((recorded[0] as { override?: unknown }).override).toBeUndefined();
  });

  // walk8 (Taobao memo page): after 使用 the button stayed enabled over the same preview, a second click
  // wrote nothing and nothing said the line was already in the box; 「N / 1000 字节」 showed twice, and
  // 「手写检查」 stood over the line the form had just written.
  it('after 使用 says the line is in the box and rests the button; one counter; the check is headed as the box’s', async () => {
    const { q } = await setup();
    demo.openRemark(PURPLE_ORDER);
    await tick();
    type(q('input[data-field="shipDate"]'), inDays(4));
    type(q('input[data-field="reason"]'), '缺货');
    expect(q('[data-kf="remark-in-box"]')).toBeNull();
    expect(q('[data-kf="remark-keeps"]')?.textContent).toBe('会保留之前的 1 条备注');
    click(q('[data-kf="remark-use"]'));
    await tick();
    const written = `缺货，晚点发\n【延迟发货】可发货日：${inDays(4)}｜原因：缺货｜小美 ${today}`;
    expect(box().textarea.value).toBe(written);
    expect(q('[data-kf="remark-in-box"]')?.textContent).toBe('这条备注已写进备注框（最后一行），请在页面上保存。再点也不会多写一遍；改动上面的内容，才会在它下面写一条新的。');
    const use = q('[data-kf="remark-use"]') as HTMLButtonElement;
    expect(use.disabled).toBe(true);
    expect(use.textContent).toBe('已写入备注框');
    // Not "keeps the 2 earlier lines": the second is the line just written.
    expect(q('[data-kf="remark-keeps"]')?.textContent).toBe('');
    expect(Array.from(document.querySelectorAll('[data-kf="remark-length"]')).map((e) => e.textContent)).toEqual([`${new TextEncoder().encode(written).length} / 1000 字节`]);
    expect(Array.from(document.querySelectorAll('[data-kf="remark-editor"] h4')).map((h) => h.textContent)).toContain('备注框检查');
    expect(document.body.textContent).not.toContain('手写检查');
    // Enter in a field writes nothing more either; a changed field is a new line, and 使用 is back.
    (q('input[data-field="reason"]') as HTMLInputElement).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await tick();
    expect(box().textarea.value).toBe(written);
    type(q('input[data-field="reason"]'), '缺货，已催');
    expect(q('[data-kf="remark-in-box"]')).toBeNull();
    expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(false);
    expect(q('[data-kf="remark-use"]')?.textContent).toBe('使用这条备注');
  });

  // 23:59:05 on 2026-12-05 in Beijing: the night agent fills the line in before midnight and uses it after.
  const beforeMidnight = Date.UTC(2026, 11, 5, 15, 59, 5);

  it('signs a line filled in at 23:59 and used at 00:00:36 with the new day, not the day the box opened', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: beforeMidnight });
    try {
      const { q } = await setup();
      demo.openRemark(PURPLE_ORDER);
      await tick();
      type(q('input[data-field="shipDate"]'), '2026-12-10');
      type(q('input[data-field="reason"]'), '缺货');
      await tick();
      expect(q('[data-kf="remark-preview"]')?.textContent).toContain('小美 2026-12-05');
      vi.setSystemTime(Date.UTC(2026, 11, 5, 16, 0, 36));
      click(q('[data-kf="remark-use"]'));
      await tick();
      expect(box().textarea.value).toBe('缺货，晚点发\n【延迟发货】可发货日：2026-12-10｜原因：缺货｜小美 2026-12-06');
      expect(q('[data-kf="remark-preview"]')?.textContent).toContain('小美 2026-12-06');
    } finally {
      vi.useRealTimers();
    }
  });

  it('turns the open form’s date at the shop’s midnight, and a ship date of the day before is no longer taken', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: beforeMidnight, shouldAdvanceTime: true });
    try {
      const { q } = await setup();
      demo.openRemark(PURPLE_ORDER);
      await tick();
      type(q('input[data-field="shipDate"]'), '2026-12-05');
      type(q('input[data-field="reason"]'), '缺货');
      await tick();
      expect(q('[data-kf="remark-preview"]')?.textContent).toContain('可发货日：2026-12-05｜原因：缺货｜小美 2026-12-05');
      await act(async () => void vi.advanceTimersByTime(60_000));
      await tick();
      expect(q('[data-kf="remark-preview"]')?.textContent).not.toContain('2026-12-05｜原因');
      expect((q('input[data-field="shipDate"]') as HTMLInputElement).min).toBe('2026-12-06');
      expect((q('[data-kf="remark-use"]') as HTMLButtonElement).disabled).toBe(true);
      expect(box().textarea.value).toBe('缺货，晚点发');
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds the save of an invalid hand-typed remark and says why, in the panel and in the dialog', async () => {
    const { q, main } = await setup(true);
    demo.openRemark(PURPLE_ORDER);
    await tick();
    await typeInBox('缺货 过几天发');
    expect(q('[data-kf="remark-problems"]')?.textContent).toContain('可发货日');
    click(box().saveButton);
    await tick();
    expect((demo as unknown as { remarkSaves: unknown[] }).remarkSaves).toEqual([]);
    expect(box()).not.toBeNull(); // the dialog stays open with the text
    expect(box().textarea.value).toBe('缺货 过几天发');
    expect(q('[data-kf="remark-held"]')?.textContent).toContain('保存已拦下');
    expect(document.querySelector('[role="dialog"] [data-kf="remark-held"]')?.textContent).toContain('可发货日');
    expect(main.store.get().collapsed).toBe(false);
    expect(recorded).toEqual([]);
    // The page's own buttons are untouched.
    expect((box().saveButton as HTMLButtonElement).disabled).toBe(false);
  });

  it('saves anyway with a stated reason and records the override', async () => {
    const { q } = await setup();
    demo.openRemark(PURPLE_ORDER);
    await tick();
    await typeInBox('缺货 过几天发 小美');
    click(q('[data-kf="remark-override-open"]'));
    expect((q('[data-kf="remark-override-confirm"]') as HTMLButtonElement).disabled).toBe(true);
    type(q('[data-kf="remark-override-reason"]'), '买家同意等，到货日未定');
    click(q('[data-kf="remark-override-confirm"]'));
    await tick();
    expect((demo as unknown as { remarkSaves: { remark: string }[] }).remarkSaves.map((x) => x.remark)).toEqual(['缺货 过几天发 小美']);
    expect(recorded).toEqual([
      expect.objectContaining({
        orderId: PURPLE_ORDER,
        text: '缺货 过几天发 小美',
        override: { reason: '买家同意等，到货日未定', problems: expect.arrayContaining([expect.objectContaining({ code: 'missing-field' })]) },
      }),
    ]);
  });

  it('re-checks when the agent changes the flag in the dialog', async () => {
    const { ctl } = await setup();
    demo.openRemark(PURPLE_ORDER);
    await tick();
    await typeInBox(`【延迟发货】可发货日:${inDays(3)}｜小美 ${today}`);
    expect(ctl.store.get().editor?.problems).toEqual([]);
    click(box().root.querySelector('input[value="3"]'));
    await tick();
    expect(ctl.store.get().editor?.flag).toBe('green');
    expect(ctl.store.get().editor?.problems.map((p) => p.code)).toContain('wrong-flag');
  });

  it('follows the shop’s edited rules', async () => {
    rules = cloneRuleSet(PRESET_A);
    rules.flags.purple.fields = rules.flags.purple.fields.map((f) => (f.key === 'reason' ? { ...f, required: true } : f));
    const { ctl } = await setup();
    demo.openRemark(PURPLE_ORDER);
    await tick();
    await typeInBox(`【延迟发货】可发货日:${inDays(3)}｜小美 ${today}`);
    expect(ctl.store.get().editor?.problems.map((p) => p.field)).toContain('reason');
  });

  it('does not call an empty box on an unflagged order "following the rules": it says there is nothing to check and what gray asks for', async () => {
    const { q } = await setup();
    demo.openRemark('4012938475610293847');
    await tick();
    expect(box().textarea.value).toBe('');
    expect(q('[data-kf="remark-ok"]')).toBeNull();
    const note = q('[data-kf="remark-empty"]')?.textContent ?? '';
    expect(note).toContain('没有备注需要检查');
    expect(note).toContain('“无效订单”');
    // Once the agent types, the box is checked as usual.
    await typeInBox(`【无效订单】原因:重复拍下｜小美 ${today}`);
    expect(q('[data-kf="remark-empty"]')).toBeNull();
    expect(q('[data-kf="remark-ok"]')?.textContent).toBe('备注符合规则');
  });

  it('shows the live length counter', async () => {
    const { q } = await setup();
    demo.openRemark(PURPLE_ORDER);
    await tick();
    await typeInBox('一二三');
    const counters = Array.from(document.querySelectorAll('[data-kf="remark-length"]')).map((e) => e.textContent);
    expect(counters).toContain('9 / 1000 字节');
    expect(q('[data-kf="remark-length"]')).not.toBeNull();
  });
});

describe('RemarkPanel where the console’s remark box is not found (JD’s order list)', () => {
  it('says only the remarks already on the orders are checked, and offers to teach the page its box, instead of promising to write remarks', async () => {
    const teach = vi.fn();
    const { q } = await setup(false, undefined, { noBox: true, onTeach: teach });
    const summary = q('[data-kf="remark-lint-summary"]')?.textContent ?? '';
    expect(summary).not.toContain('帮你写好备注');
    expect(q('[data-kf="remark-no-box"] p')?.textContent).toBe(
      '在这个后台页面上，助手找不到订单的备注框，所以只检查订单上已有的备注，不会帮你写备注。想让助手帮你写：先打开一个订单的备注框，点下面的“教会这个页面”，再点一下那个备注框。',
    );
    // The page's own remarks are still checked and listed.
    expect(q('[data-kf="remark-lint-list"]')).not.toBeNull();
    const button = q('[data-kf="remark-teach"]');
    expect(button?.textContent).toBe('教会这个页面');
    click(button);
    expect(teach).toHaveBeenCalledTimes(1);
  });

  it('still says a remark box opened shows the form where the console’s box is found', async () => {
    const { q } = await setup();
    expect(q('[data-kf="remark-no-box"]')).toBeNull();
    expect(q('[data-kf="remark-lint-summary"]')?.textContent).toContain('打开订单的备注框后，这里会显示该旗帜要求写什么，并帮你写好备注。');
  });
});

describe('nothing is left behind', () => {
  it('removes its markers and listeners when the page is left', async () => {
    const { ctl } = await setup();
    expect(document.querySelectorAll('[data-kf="remark-lint"]').length).toBeGreaterThan(0);
    demo.openRemark(PURPLE_ORDER);
    await tick();
    abort.abort();
    expect(document.querySelectorAll('[data-kf="remark-lint"]').length).toBe(0);
    await typeInBox('随便写');
    click(box().saveButton);
    expect((demo as unknown as { remarkSaves: unknown[] }).remarkSaves).toHaveLength(1);
    expect(ctl.store.get().editor).toBeNull();
  });
});
