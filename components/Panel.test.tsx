// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Store } from '@/lib/panel/store';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import { setLocale } from '@/lib/i18n';
import { PanelContext } from './PanelContext';
import { Panel } from './Panel';
import { mount } from './remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {} }));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function show(state: Partial<PanelState>) {
  const store = new Store({
    collapsed: false, pageKind: 'chat', siteName: 'demo', buyer: '小鹿乱撞0521', buyerId: 'u-1001', inputFound: true, messagesUnread: false,
    notice: null, pending: null, sections: [], library: null, query: '', results: [], focusSearchTick: 0, ...state,
  } as unknown as PanelState);
  const m = mount(
    <PanelContext.Provider value={{ store, preview: () => null } as unknown as PanelController}>
      <Panel />
    </PanelContext.Provider>,
  );
  cleanup = m.unmount;
  return m.root;
}

/** What a screen reader or voice control calls a button: its aria-label, else its text. */
const nameOf = (el: Element | null) => el?.getAttribute('aria-label') ?? el?.textContent;

describe('Panel', () => {
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

  it('shows the fill-in box as a dialog named by its heading', () => {
    setLocale('zh-CN');
    const pending = { template: { title: '推荐尺码' }, missing: ['尺码'], fills: {}, warned: false, mode: 'insert' };
    const fill = show({ pending } as unknown as Partial<PanelState>).querySelector('[data-kf="fill"]');
    expect(fill?.getAttribute('role')).toBe('dialog');
    expect(fill?.getAttribute('aria-label')).toBe('「推荐尺码」需要补充以下内容：');
  });
});
