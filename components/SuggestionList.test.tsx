// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '@/lib/panel/store';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import { registerMessages, setLocale } from '@/lib/i18n';
import { suggestPanelMessages } from '@/lib/i18n/messages/suggest-panel';
import { PanelContext } from './PanelContext';
import { SuggestionList } from './SuggestionList';
import { mount } from './remarks/testing';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

function note(state: Partial<PanelState>): string {
  const store = new Store({
    buyerMessages: ['我拍了两单，能一起发吗'], messagesUnread: false, engineReady: true, signalsReady: true, query: '', suggestions: [],
    scenarioOverride: null, inputFound: true, ...state,
  } as unknown as PanelState);
  const m = mount(
    <PanelContext.Provider value={{ store } as unknown as PanelController}>
      <SuggestionList />
    </PanelContext.Provider>,
  );
  cleanup = m.unmount;
  return m.root.querySelector('[data-kf="suggestions"] .kf-muted')?.textContent ?? '';
}

describe('SuggestionList with no card', () => {
  it('says the library has no reply for this buyer in a situation the agent chose (it said the message had no clear need)', () => {
    registerMessages(suggestPanelMessages); // as the panel does when the suggest feature is in (engineReady)
    setLocale('zh-CN');
    expect(note({ scenarioOverride: 'merge-orders' })).toBe('此情境下没有适合这位买家的话术，可搜索。');
    cleanup!();
    setLocale('en');
    expect(note({ scenarioOverride: 'delay' })).toBe('No reply here fits this buyer; search instead.');
    setLocale('zh-CN');
  });

  it('still says a message had no clear need when no situation was chosen', () => {
    setLocale('zh-CN');
    expect(note({})).toBe('这条消息没有明确诉求，可直接搜索话术。');
  });
});

describe('the buyer messages the suggestions are based on', () => {
  it('show a buyer’s direction controls as marks instead of letting them reverse the line', () => {
    setLocale('zh-CN');
    const store = new Store({
      buyerMessages: ['帮我看看\u202E单订的我\u202C好吗'], messagesUnread: false, engineReady: true, signalsReady: true, query: '', suggestions: [],
      scenarioOverride: null, inputFound: true,
    } as unknown as PanelState);
    const m = mount(
      <PanelContext.Provider value={{ store } as unknown as PanelController}>
        <SuggestionList />
      </PanelContext.Provider>,
    );
    cleanup = m.unmount;
    const line = m.root.querySelector('[data-kf="basis-msg"]')!;
    expect(line.textContent).toBe('帮我看看⟨RLO⟩单订的我⟨PDF⟩好吗');
    // Isolated, so whatever direction the text has cannot reorder the list around it.
    expect(line.querySelector('bdi')?.getAttribute('dir')).toBe('auto');
  });
});
