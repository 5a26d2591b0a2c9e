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
