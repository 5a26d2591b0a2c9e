// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from '@/lib/panel/store';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import { registerMessages, setLocale } from '@/lib/i18n';
import { suggestPanelMessages } from '@/lib/i18n/messages/suggest-panel';
import { PanelContext } from './PanelContext';
import { Panel } from './Panel';
import { SuggestionList } from './SuggestionList';
import { drawFillPrompt } from './FillPrompt';
import { drawRows } from './TemplateRows';
import { mount } from './remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {} }));
const sent = vi.hoisted(() => [] as [string, unknown][]);
vi.mock('@/lib/messaging/client', async (actual) => ({
  ...(await actual<typeof import('@/lib/messaging/client')>()),
  call: async (verb: string, payload: unknown) => void sent.push([verb, payload]),
}));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function show(state: Partial<PanelState>) {
  const store = new Store({
    collapsed: false, pageKind: 'chat', siteName: 'demo', buyer: '小鹿乱撞0521', buyerId: 'u-1001', inputFound: true, messagesUnread: false,
    notice: null, pending: null, sections: [], library: null, query: '', results: [], focusSearchTick: 0, ...state,
  } as unknown as PanelState);
  const m = mount(
    <PanelContext.Provider value={{ store, preview: () => null, engine: { fillPrompt: drawFillPrompt, rows: drawRows } } as unknown as PanelController}>
      <Panel />
    </PanelContext.Provider>,
  );
  cleanup = m.unmount;
  return m.root;
}

/** What a screen reader or voice control calls a button: its aria-label, else its text. */
const nameOf = (el: Element | null) => el?.getAttribute('aria-label') ?? el?.textContent;

describe('Panel', () => {
  it('has a 设置 button in the header that asks the worker to open the options page on 店铺设置', () => {
    setLocale('zh-CN');
    sent.length = 0;
    const settings = show({}).querySelector<HTMLButtonElement>('[data-kf="open-settings"]');
    expect(nameOf(settings)).toBe('设置');
    settings!.click();
    expect(sent).toEqual([['openOptions', { tab: 'shop' }]]);
    cleanup!();
    setLocale('en');
    expect(nameOf(show({}).querySelector('[data-kf="open-settings"]'))).toBe('Settings');
    setLocale('zh-CN');
  });

  it('says on hover what the Kuaishou header’s caveat means (not the buyer or the account), in Chinese and in English', async () => {
    const { kuaishouAdapter } = await import('@/lib/sites/kuaishou');
    setLocale('zh-CN');
    const site = show({ siteName: kuaishouAdapter.name }).querySelector('.kf-site')!;
    expect(site.textContent).toBe('快手小店 客服（未经实测）');
    expect(site.getAttribute('title')).toContain('没在真实后台验证');
    cleanup!();
    setLocale('en');
    const en = show({ siteName: kuaishouAdapter.name }).querySelector('.kf-site')!;
    expect(en.textContent).toBe('Kuaishou chat (untested)');
    expect(en.getAttribute('title')).toMatch(/^Only tried on a copy of the page, not the real console/);
    expect(en.getAttribute('title')).not.toMatch(/[\u4e00-\u9fff]/);
    setLocale('zh-CN');
  });

  it('names the collapse button 收起 / Collapse, not by its ⟩ glyph', () => {
    setLocale('zh-CN');
    expect(nameOf(show({}).querySelector('[data-kf="collapse"]'))).toBe('收起');
    cleanup!();
    setLocale('en');
    expect(nameOf(show({}).querySelector('[data-kf="collapse"]'))).toBe('Collapse');
    setLocale('zh-CN');
  });

  it('names the collapsed edge tab by what it does, keeping its visible words', () => {
    setLocale('zh-CN');
    const name = nameOf(show({ collapsed: true }).querySelector('[data-kf="expand"]'));
    expect(name).toContain('展开');
    expect(name).toContain('客服助手');
  });

  it('says when the buyer has written nothing since the shop’s last reply, in Chinese and in English', () => {
    registerMessages(suggestPanelMessages); // as the panel does when the suggest feature is in
    const basis = (state: Partial<PanelState>) => {
      const store = new Store({ buyerMessages: ['快递到哪了'], suggestions: [], query: '', engineReady: true, signalsReady: true, ...state } as unknown as PanelState);
      const m = mount(
        <PanelContext.Provider value={{ store } as unknown as PanelController}>
          <SuggestionList />
        </PanelContext.Provider>,
      );
      cleanup = m.unmount;
      return m.root.querySelector('[data-kf="basis"] summary')?.textContent;
    };
    setLocale('zh-CN');
    expect(basis({ answered: false })).toBe('依据买家最近 1 条消息');
    cleanup!();
    expect(basis({ answered: true })).toBe('店铺回复后买家还没有新消息 · 依据回复前的 1 条');
    cleanup!();
    // Before the engine (and its strings) is in, the plain line.
    expect(basis({ answered: true, engineReady: false })).toBe('依据买家最近 1 条消息');
    cleanup!();
    setLocale('en');
    expect(basis({ answered: true })).toBe('No buyer message since the shop’s last reply · based on the 1 before it');
    setLocale('zh-CN');
  });

  it('shows the fill-in box as a dialog named by its heading', () => {
    setLocale('zh-CN');
    const pending = { template: { title: '推荐尺码' }, missing: ['尺码'], fills: {}, warned: false, mode: 'insert' };
    const fill = show({ pending } as unknown as Partial<PanelState>).querySelector('[data-kf="fill"]');
    expect(fill?.getAttribute('role')).toBe('dialog');
    expect(fill?.getAttribute('aria-label')).toBe('「推荐尺码」需要补充以下内容：');
  });

  it('says at once when the cut-off typed in the fill-in is not a time, and counts it as unfilled (a second Enter only inserts)', () => {
    setLocale('zh-CN');
    const pending = (typed: string) => ({ template: { title: '发货时间' }, missing: ['截单时间'], fills: { 截单时间: typed }, warned: true, mode: 'insert' });
    const odd = show({ pending: pending('四点多') } as unknown as Partial<PanelState>);
    expect(odd.querySelector('[data-kf="fill-cutoff-unread"]')?.textContent).toBe('没看懂截单时间“四点多”：请写成 14:00、14点 或 下午2点，发货日才能算出来。');
    expect(odd.querySelector('[data-kf="fill-ok"]')?.textContent).toBe('仍然使用');
    cleanup?.();
    // As shops write it: understood, nothing said.
    const fine = show({ pending: pending('傍晚5点半') } as unknown as Partial<PanelState>);
    expect(fine.querySelector('[data-kf="fill-cutoff-unread"]')).toBeNull();
    expect(fine.querySelector('[data-kf="fill-ok"]')?.textContent).toBe('插入');
  });
});
