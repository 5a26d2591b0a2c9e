// @vitest-environment happy-dom
/**
 * The panel's suggestions on the real demo console (happy-dom) with the real suggestion engine and
 * the starter library: what the agent gets under Alt+1 when the page shows the buyer's orders.
 */
import { afterEach, expect, it, vi } from 'vitest';

const bg = vi.hoisted(() => ({
  pendingSituation: null as string | null,
  /** When set, the suggest feature script arrives only once this resolves. */
  engineArrives: null as Promise<void> | null,
  /** When set, the library's pinyin initials (getLibraryInitials) are answered only once this resolves. */
  initialsArrive: null as Promise<void> | null,
  /** When set, the library read is refused as a worker older than the page refuses it (client.ts: outdated). */
  libraryOutdated: false,
  /** The day shift's hours (none: the default 08:00–20:00). */
  dayShift: null as { start: string; end: string } | null,
  /** What handoverTargets answers (none: it never answers, as a worker busy elsewhere). */
  targets: null as { shift: 'day' | 'night'; chosen?: true; members: string[] } | null,
  /** Every verb the panel sent, in order. */
  sent: [] as string[],
  /** The extension's storage.local as the content script reads it (team mode: `kf:team`), and the keys read. */
  local: {} as Record<string, unknown>,
  reads: [] as string[],
}));
vi.mock('../browser', () => ({
  browser: { storage: { local: { get: async (k: string) => (bg.reads.push(k), k in bg.local ? { [k]: bg.local[k] } : {}) } } },
}));
vi.mock('../messaging/client', async () => {
  const { STARTER_LIBRARY } = await import('../domain/templates/starter');
  const { DEFAULT_APP_SETTINGS } = await import('../storage/settings');
  const { buildTemplateIndex, packTemplateIndex } = await import('../domain/suggest/template-index');
  const { initialsFor } = await import('../domain/suggest/pinyin');
  const { PINYIN_TABLE } = await import('../domain/suggest/pinyin-table.generated');
  const { initialsInOrder } = await import('../domain/suggest/attach-initials');
  const replies: Record<string, () => unknown> = {
    getPanelLibrary: () => bg.libraryOutdated ? Promise.reject(Object.assign(new Error('unknown message'), { code: 'outdated' })) : ({ library: { v: 2, ...STARTER_LIBRARY, updatedAt: 0 }, index: packTemplateIndex(buildTemplateIndex(STARTER_LIBRARY.templates)) }),
    getLibraryInitials: async () => {
      await bg.initialsArrive;
      return { updatedAt: 0, initials: initialsInOrder(STARTER_LIBRARY.templates, initialsFor(STARTER_LIBRARY.templates, PINYIN_TABLE)) };
    },
    // A shop whose owner confirmed its cut-off (16:00): its replies state it (before that, they ask: variables.test.ts).
    getSettings: () => ({ ...DEFAULT_APP_SETTINGS, setup: { cutoff: true, remarks: false, limits: false, imported: false }, ...(bg.dayShift ? { followups: { ...DEFAULT_APP_SETTINGS.followups, dayShift: bg.dayShift } } : {}) }),
    handoverTargets: () => bg.targets ?? new Promise(() => {}),
    getUsage: () => ({ v: 1, templates: {} }),
    takePendingSuggestion: () => bg.pendingSituation,
  };
  return {
    // The background's model and learned picks never answer: the cue reading stands.
    call: async (verb: string) => (bg.sent.push(verb), replies[verb] ? replies[verb]() : new Promise(() => {})),
    onDataChanged: () => () => {},
  };
});
vi.mock('./features', async () => {
  const engine = await import('../domain/suggest');
  const { panelIndex, panelSearch } = await import('./panel-index');
  const { combineSignals } = await import('../domain/suggest/combine');
  const { prefillFills } = await import('../domain/templates/prefill');
  const { renderTemplate } = await import('../domain/templates/variables');
  const { suggestPanelMessages } = await import('../i18n/messages/suggest-panel');
  const { learn } = await import('./unsaved-picks');
  const { insertText, replaceBeforeCaret, replaceRange } = await import('../insert');
  const { roundNeeds, roundOpen } = await import('../domain/suggest/context-round');
  const { drawNeeds } = await import('../../components/panel/RoundNeeds');
  return {
    // As entrypoints/suggest-feature.ts registers it.
    loadFeature: async () => {
      await bg.engineArrives;
      return { ...engine, roundNeeds, roundOpen, drawNeeds, libraryIndex: panelIndex, searchTemplates: panelSearch, combineSignals, prefillFills, renderTemplate, messages: suggestPanelMessages, learn, insertText, replaceBeforeCaret, replaceRange };
    },
  };
});

import { bootDemo, type DemoHooks } from '../sites/testing';
import { demoAdapter } from '../sites/demo';
import type { CardFrameHost } from './card-frame';
import { PanelController } from './controller';
import { t } from '../i18n';
import type { PanelFeature } from './page-feature';
import { roundNeeds } from './page-features/round-needs';
import { h, render } from 'preact';

let demo: DemoHooks;
let abort: AbortController;
afterEach(() => {
  bg.pendingSituation = null;
  bg.engineArrives = null;
  bg.initialsArrive = null;
  bg.libraryOutdated = false;
  bg.dayShift = null;
  bg.targets = null;
  bg.sent = [];
  bg.local = {};
  bg.reads = [];
  abort.abort();
  demo.setAutoMessages(false);
});

/** The panel on the demo chat with `conversation` open, once its suggestions are computed. */
async function panelOn(conversation: string, features: readonly PanelFeature[] = []) {
  demo = bootDemo(`/chat/${conversation}?auto=0`);
  abort = new AbortController();
  const panel = new PanelController(demoAdapter, document, abort.signal);
  await panel.start({ card: {} as CardFrameHost, features });
  await vi.waitFor(() => expect(panel.store.get().engineReady).toBe(true));
  const top = () => panel.store.get().suggestions.map((s) => s.template.title);
  return { panel, top };
}

it('opens an unpaid-order follow-up with the payment reminder first, not 重复拍下 (the buyer has one unpaid order)', async () => {
  // 爱吃橙子的猫: one unpaid order and one completed; the last message, 好的我看看, is about neither.
  const { panel, top } = await panelOn('u-1003');
  expect(panel.store.get().buyerOrderStatuses).toContain('unpaid');
  bg.pendingSituation = 'payment';
  panel.askPendingSuggestion();
  await vi.waitFor(() => expect(panel.store.get().scenarioOverride).toBe('payment'));
  // The follow-up's situation did not come from that message: its words (我看 / 看看) choose nothing.
  expect(top()[0]).toBe('催付（截单提醒）');
  expect(top()).not.toContain('重复拍下');
});

it('answers the buyer’s messages since the shop’s last reply; when the shop spoke last, the ones it answered, saying so', async () => {
  // 小鹿乱撞0521: 亲，在吗？ was answered; the two questions after the reply are the basis.
  const { panel } = await panelOn('u-1001');
  expect(panel.store.get().buyerMessages).toEqual(['这条碎花裙我身高162体重52公斤穿什么码', '拍下了还没付，今天能发货吗']);
  expect(panel.store.get().answered).toBe(false);
  abort.abort();
  // 米粒妈妈: the shop's 请稍等 is the last message; the basis is the question it answered.
  const later = await panelOn('u-1008');
  expect(later.panel.store.get().buyerMessages).toEqual(['快递到哪了，物流一直不动']);
  expect(later.panel.store.get().answered).toBe(true);
  // The line saying so came with the engine.
  expect(t('panel.basisAnswered', { count: 1 })).toBe('店铺回复后买家还没有新消息 · 依据回复前的 1 条');
});

it('hands the ranking every order of the buyer: 已付款确认 is not offered to a buyer whose orders are unpaid and refunding', async () => {
  // 小鹿乱撞0521: an unpaid order and a refunding one.
  const { panel, top } = await panelOn('u-1001');
  demo.pushBuyerMessage('u-1001', '收到了，谢谢');
  panel.pageChanged();
  await vi.waitFor(() => expect(panel.store.get().buyerMessages.at(-1)).toBe('收到了，谢谢'));
  await vi.waitFor(() => expect(top().length).toBeGreaterThan(0));
  expect(top()).not.toContain('已付款确认');
  expect(top()).not.toContain('下单后道别（收藏店铺）');
});

it('opens 推荐尺码 with the height and weight the buyer wrote already in 身高体重, and waits for the agent', async () => {
  const { panel } = await panelOn('u-1001');
  demo.pushBuyerMessage('u-1001', '我身高162体重52公斤，穿什么码？');
  panel.pageChanged();
  await vi.waitFor(() => expect(panel.store.get().buyerMessages.at(-1)).toBe('我身高162体重52公斤，穿什么码？'));
  const tj = panel.store.get().library!.templates.find((t) => t.id === 'size-recommend')!;
  panel.useTemplate(tj, 'insert');
  const pending = panel.store.get().pending!;
  expect(pending.missing).toEqual(['身高体重', '推荐尺码']);
  expect(pending.fills).toEqual({ 身高体重: '162cm/52kg' });
  // Never inserted on its own: the form stays until the agent confirms.
  expect(panel.store.get().pending).not.toBeNull();
});

it('opens 按平时尺码推荐 with the size the buyer usually wears in 平时尺码, which the agent can still change before it goes in', async () => {
  const { panel } = await panelOn('u-1001');
  demo.pushBuyerMessage('u-1001', '我平时穿39的鞋，这双拍多大');
  panel.pageChanged();
  await vi.waitFor(() => expect(panel.store.get().buyerMessages.at(-1)).toBe('我平时穿39的鞋，这双拍多大'));
  const usual = panel.store.get().library!.templates.find((t) => t.id === 'size-usual')!;
  panel.useTemplate(usual, 'insert');
  const pending = panel.store.get().pending!;
  expect(pending.missing).toEqual(['平时尺码', '推荐尺码']);
  expect(pending.fills).toEqual({ 平时尺码: '39' });
  expect(demo.draft()).toBe('');
  panel.updateFill('平时尺码', '39.5');
  panel.updateFill('推荐尺码', '40');
  panel.confirmFill();
  await vi.waitFor(() => expect(demo.draft()).toContain('您平时穿39.5码的话，这款建议拍40码。'));
});

/** The panel on 小鹿乱撞0521 after a size question, with 推荐尺码's fill-in form open (Alt+1). */
async function sizeFormOpen() {
  const opened = await panelOn('u-1001');
  demo.pushBuyerMessage('u-1001', '我身高162体重52公斤，穿什么码？');
  opened.panel.pageChanged();
  await vi.waitFor(() => expect(opened.panel.store.get().buyerMessages.at(-1)).toBe('我身高162体重52公斤，穿什么码？'));
  opened.panel.useTemplate(opened.panel.store.get().library!.templates.find((t) => t.id === 'size-recommend')!, 'insert');
  expect(opened.panel.store.get().pending?.template.title).toBe('推荐尺码');
  return opened;
}

it('drops 推荐尺码’s fill-in form once the agent puts another reply in the chat box instead', async () => {
  const { panel } = await sizeFormOpen();
  // She answers with a reply that needs nothing filled in: that one goes in, and the form asking for 推荐尺码 goes.
  const plain = panel.store.get().library!.templates.find((t) => t.title === '咨询高峰稍候')!;
  panel.useTemplate(plain, 'insert');
  await vi.waitFor(() => expect(demo.draft()).not.toBe(''));
  expect(panel.store.get().pending).toBeNull();
});

it('drops an untouched fill-in form when the buyer writes again, and keeps one the agent is typing in', async () => {
  const { panel } = await sizeFormOpen();
  // Left as it opened (the agent went back to the chat box): the buyer's next question makes it stale.
  demo.pushBuyerMessage('u-1001', '现在拍今天能发货吗');
  panel.pageChanged();
  await vi.waitFor(() => expect(panel.store.get().buyerMessages.at(-1)).toBe('现在拍今天能发货吗'));
  expect(panel.store.get().pending).toBeNull();
  // Opened again and typed in: the buyer writing again does not take what she typed.
  panel.useTemplate(panel.store.get().library!.templates.find((t) => t.id === 'size-recommend')!, 'insert');
  panel.updateFill('推荐尺码', 'M');
  demo.pushBuyerMessage('u-1001', '在吗');
  panel.pageChanged();
  await vi.waitFor(() => expect(panel.store.get().buyerMessages.at(-1)).toBe('在吗'));
  expect(panel.store.get().pending?.fills['推荐尺码']).toBe('M');
});

it('keeps an untouched fill-in form the agent’s focus is in when the buyer writes again', async () => {
  const { panel } = await sizeFormOpen();
  // The form's first field has the focus (inside the panel's host): she is at it.
  const host = document.createElement('kf-panel');
  const field = document.createElement('input');
  host.append(field);
  document.body.append(host);
  field.focus();
  demo.pushBuyerMessage('u-1001', '在吗');
  panel.pageChanged();
  await vi.waitFor(() => expect(panel.store.get().buyerMessages.at(-1)).toBe('在吗'));
  expect(panel.store.get().pending?.template.title).toBe('推荐尺码');
  host.remove();
});

it('Escape on a fill-in box opened from a /code search clears the search: Alt+1 is the suggestions again', async () => {
  const { panel } = await panelOn('u-1001');
  panel.setQuery('/tj');
  await vi.waitFor(() => expect(panel.store.get().results.length).toBeGreaterThan(0));
  const tj = panel.store.get().library!.templates.find((t) => t.id === 'size-recommend')!;
  panel.useTemplate(tj, 'insert');
  expect(panel.store.get().pending).not.toBeNull();
  panel.cancelFill();
  expect(panel.store.get().pending).toBeNull();
  expect(panel.store.get().query).toBe('');
});

it('shows a pinyin-initials search typed before the initials came once they are in, the hits of the whole index', async () => {
  let arrive!: () => void;
  bg.initialsArrive = new Promise((resolve) => (arrive = resolve));
  const { panel } = await panelOn('u-1001');
  panel.setQuery('zxgf');
  // Not a list without the initials (which would miss 咨询高峰稍候): nothing until they are in.
  expect(panel.store.get().results).toEqual([]);
  arrive();
  await vi.waitFor(() => expect(panel.store.get().results.length).toBeGreaterThan(0));
  expect(panel.store.get().results[0]!.title).toBe('咨询高峰稍候');
});

it('inserts a reply used before the suggest feature script arrived once it has, its variables filled (the renderer travels in it)', async () => {
  let arrive!: () => void;
  bg.engineArrives = new Promise((resolve) => (arrive = resolve));
  demo = bootDemo('/chat/u-1001?auto=0');
  abort = new AbortController();
  const panel = new PanelController(demoAdapter, document, abort.signal);
  await panel.start({ card: {} as CardFrameHost, features: [] });
  expect(panel.store.get().engineReady).toBe(false);
  // 订单已付款: 收到您的付款啦…订单{发货日}发出…
  const paid = panel.store.get().library!.templates.find((t) => t.code === 'fk')!;
  panel.useTemplate(paid, 'insert');
  expect(demo.draft()).toBe('');
  arrive();
  await vi.waitFor(() => expect(demo.draft()).toMatch(/^收到您的付款啦，谢谢您的支持！订单(今天|明天|\S+)发出，/));
  expect(demo.draft()).not.toContain('{');
  expect(demo.sent).toEqual([]);
});

it('previews on a card exactly what the reply inserts, from the same renderer and context (missing values marked, never raw braces)', async () => {
  const { panel } = await panelOn('u-1003');
  const buyer = panel.store.get().buyer!;
  // 新客欢迎: {买家}您好，欢迎光临{店铺}！我是客服{客服}… — the shop's names are not set here.
  const hi = panel.store.get().library!.templates.find((t) => t.code === 'hi')!;
  const shown = panel.preview(hi)!;
  expect(shown.text).toBe(`${buyer}您好，欢迎光临【店铺】！我是客服【客服】，很高兴为您服务。看中哪款宝贝，直接把链接发给我就行，规格、用法、库存和发货都可以问我～`);
  expect(shown.missing).toEqual(['店铺', '客服']);
  // 催付（截单提醒）has nothing missing: the card shows the very text Alt+N puts in the chat box.
  const cf = panel.store.get().library!.templates.find((t) => t.code === 'cf')!;
  const card = panel.preview(cf)!.text;
  expect(card).not.toMatch(/[{}｛｝【】]/);
  panel.useTemplate(cf, 'insert');
  await vi.waitFor(() => expect(demo.draft()).toBe(card));
  expect(demo.sent).toEqual([]);
});

it('draws the cards anew when the shop’s cut-off passes (one timer to it, nothing drawn in the minute before): the reminder then says 现在付款，明天', async () => {
  // 15:59:00 in Beijing (the shop's zone); the starter cut-off is 16:00.
  vi.useFakeTimers({ now: Date.UTC(2026, 11, 3, 7, 59, 0), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  try {
    const { panel } = await panelOn('u-1003');
    const remind = panel.store.get().library!.templates.find((t) => t.id === 'pay-remind')!;
    const shown: string[] = [];
    // What a card drawn at each redraw shows (TemplateRow renders panel.preview on every store change).
    panel.store.subscribe(() => shown.push(panel.preview(remind)!.text));
    const cutoff = Date.UTC(2026, 11, 3, 8, 0, 0);
    expect(panel.preview(remind)!.text).toContain('今天16:00前付款，今天（12月3日）就能发出');
    vi.advanceTimersByTime(cutoff - Date.now() - 1);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown.at(-1)).toContain('现在付款，明天（12月4日）就能发出');
    // The next turn is the shop's midnight (今天/明天 move on), not a poll.
    shown.length = 0;
    vi.advanceTimersByTime(8 * 3600_000 - 1);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(shown.at(-1)).toContain('今天16:00前付款，今天（12月4日）就能发出');
  } finally {
    vi.useRealTimers();
  }
});

it('names a background older than the page in the library notice with what to do (its words come with the engine), not as “unknown message”', async () => {
  bg.libraryOutdated = true;
  let arrive!: () => void;
  bg.engineArrives = new Promise((r) => (arrive = r));
  demo = bootDemo('/chat/u-1001?auto=0');
  abort = new AbortController();
  const panel = new PanelController(demoAdapter, document, abort.signal);
  await panel.start({ card: {} as CardFrameHost, features: [] });
  // Not the key nor the developer's words while the engine is on its way: nothing yet.
  expect(panel.store.get().notice).toBeNull();
  arrive();
  await vi.waitFor(() =>
    expect(panel.store.get().notice?.text).toBe('读取话术库失败：客服助手已更新，但还没有重新加载：请在扩展管理页（chrome://extensions）的客服助手上点「重新加载」，然后刷新此页面'),
  );
});

it('ranks by the shift a team member chose (我的班次), not the clock: a night agent by day is greeted with the night reception first', async () => {
  // The shop's day shift from two hours ago to two hours from now: by the clock it is day.
  const bjHHMM = (minutes: number) => new Date(Date.now() + (8 * 60 + minutes) * 60_000).toISOString().slice(11, 16);
  bg.dayShift = { start: bjHHMM(-120), end: bjHHMM(120) };
  const greet = async () => {
    const { panel, top } = await panelOn('u-1008');
    demo.pushBuyerMessage('u-1008', '你好，在不在呀');
    panel.pageChanged();
    await vi.waitFor(() => expect(panel.store.get().buyerMessages.at(-1)).toBe('你好，在不在呀'));
    await vi.waitFor(() => expect(top().length).toBeGreaterThan(0));
    return top;
  };
  bg.targets = { shift: 'day', members: [] };
  expect((await greet())()[0]).not.toBe('夜班接待');
  abort.abort();
  // A member who chose 夜班 (options → 团队 → 我的班次): the worker stored it, and says it is chosen.
  bg.local['kf:team'] = { server: 'http://127.0.0.1:5984', shop: 'shop1', user: '小王', role: 'agent', shift: 'night' };
  bg.targets = { shift: 'night', chosen: true, members: [] };
  const top = await greet();
  await vi.waitFor(() => expect(top()[0]).toBe('夜班接待'));
});

it('asks the worker for the team shift only in team mode with a shift chosen: a panel start outside it sends one message less', async () => {
  // Measured 2026-12-06: a start sent getSettings, getPanelLibrary, getUsage and handoverTargets,
  // whose answer outside team mode never says `chosen` and so changed nothing.
  const started = async () => {
    bg.sent = [];
    bg.reads = [];
    // Ready with its suggestions (the engine arrives well after the team shift is settled).
    await panelOn('u-1008');
    abort.abort();
    return bg.sent.filter((v) => v !== 'suggestSignals' && v !== 'getLibraryInitials').sort();
  };
  const member = { server: 'http://127.0.0.1:5984', shop: 'shop1', user: '小王', role: 'agent' };
  expect(await started()).toEqual(['getPanelLibrary', 'getSettings', 'getUsage']);
  // What told it so: team mode's configuration, read once (no message to the worker).
  expect(bg.reads).toEqual(['kf:team']);
  // A member who has not chosen a shift: the clock decides, as outside team mode.
  bg.local['kf:team'] = member;
  expect(await started()).toEqual(['getPanelLibrary', 'getSettings', 'getUsage']);
  expect(bg.reads).toEqual(['kf:team']);
  bg.local['kf:team'] = { ...member, shift: 'night' };
  bg.targets = { shift: 'night', chosen: true, members: [] };
  await started();
  await vi.waitFor(() => expect(bg.sent.filter((v) => v === 'handoverTargets')).toHaveLength(1));
});

it('keeps the needs of three questions in a row after the agent answers one: the other two are still open until the buyer writes again', async () => {
  // 小鹿乱撞0521 asked her size, then whether it ships today; now the live room's price too.
  const { panel, top } = await panelOn('u-1001', [roundNeeds]);
  demo.pushBuyerMessage('u-1001', '直播间价格是69 怎么我付的是89');
  panel.pageChanged();
  await vi.waitFor(() => expect(panel.store.get().needs).toEqual(['size-fit', 'shipping-time', 'promotion']));
  // The panel draws the round's line (its section, drawn by the suggest script), naming the three.
  const section = panel.store.get().sections.find((x) => x.name === 'round-needs')!;
  expect(section.when!(panel.store.get())).toBe(true);
  const line = document.createElement('div');
  render(h(section.component, {}), line);
  expect([...line.querySelectorAll('[data-kf="need"]')].map((b) => b.textContent)).toEqual(['尺码', '发货时间', '优惠活动']);
  // The agent picks 尺码 (as its chip does) and puts in a size reply with no blanks, then sends it.
  panel.chooseScenario('size-fit', { byAgent: false });
  const size = panel.store.get().library!.templates.find((x) => x.scenarios.includes('size-fit') && !/\{/.test(x.body))!;
  panel.useTemplate(size, 'insert');
  await vi.waitFor(() => expect(demo.draft()).not.toBe(''));
  document.querySelector<HTMLButtonElement>('.send-btn')!.click();
  panel.pageChanged();
  await vi.waitFor(() => expect(panel.store.get().answered).toBe(true));
  const s = panel.store.get();
  expect(s.needs!.filter((id) => !s.needsAnswered!.includes(id))).toEqual(['shipping-time', 'promotion']);
  await vi.waitFor(() => expect(line.textContent).toBe('还没答：发货时间优惠活动'));
  // What the replies are ranked for is what is still open, not the size the agent has answered.
  const scenarios = () => panel.store.get().suggestions.map((x) => x.template.scenarios);
  expect(scenarios().some((x) => x.includes('shipping-time'))).toBe(true);
  expect(scenarios().some((x) => x.includes('promotion'))).toBe(true);
  expect(top().length).toBeGreaterThan(0);
  // The buyer writes a new round: nothing of the last one is left open.
  demo.pushBuyerMessage('u-1001', '好的 那我拍M码');
  panel.pageChanged();
  await vi.waitFor(() => expect(panel.store.get().buyerMessages).toEqual(['好的 那我拍M码']));
  expect(panel.store.get().needsAnswered).toEqual([]);
  expect(panel.store.get().needs).toEqual([]);
  render(null, line);
});

it('on a Taobao order’s detail page a reply names the buyer its order names (order8); on a list of many buyers it still asks', async () => {
  const { loadFixture } = await import('../sites/testing');
  const { taobaoAdapter } = await import('../sites');
  const hiOn = async (fixture: string, url: string) => {
    demo = bootDemo();
    loadFixture(fixture, url);
    abort = new AbortController();
    const panel = new PanelController(taobaoAdapter, document, abort.signal);
    await panel.start({ card: {} as CardFrameHost, features: [] });
    // An order page loads the renderer with the first reply drawn (preview asks for it).
    await vi.waitFor(() => expect(panel.preview(panel.store.get().library!.templates[0]!)).not.toBeNull());
    const hi = panel.store.get().library!.templates.find((t) => t.code === 'hi')!;
    return panel.preview(hi)!;
  };
  const detail = await hiOn('taobao-detail.html', 'https://qn.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=3710462259018273645');
  expect(detail.text).toMatch(/^晴天小铺子您好/);
  expect(detail.missing).not.toContain('买家');
  abort.abort();
  const list = await hiOn('taobao-sold.html', 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold');
  expect(list.text).toMatch(/^【买家】您好/);
  expect(list.missing).toContain('买家');
});
