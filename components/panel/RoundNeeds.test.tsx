// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Store } from '@/lib/panel/store';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import { registerMessages, setLocale } from '@/lib/i18n';
import { suggestPanelMessages } from '@/lib/i18n/messages/suggest-panel';
import { PanelContext } from '../PanelContext';
import { RoundNeeds } from './RoundNeeds';
import { click, mount } from '../remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {} }));

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  setLocale('zh-CN');
});

/** The panel's 识别 part for a round of three questions (size, the live room's price, when it ships). */
function show(state: Partial<PanelState>) {
  registerMessages(suggestPanelMessages); // as the panel does when the suggest feature is in (the needs come from it)
  const store = new Store({ needs: ['size-fit', 'promotion', 'shipping-time'], needsAnswered: [], answered: false, scenarioOverride: null, ...state } as unknown as PanelState);
  const picked: string[] = [];
  const m = mount(
    <PanelContext.Provider value={{ store, chooseScenario: (id: string, o: { byAgent?: boolean }) => picked.push(`${id} ${o.byAgent}`), backToChat: () => picked.push('chat box') } as unknown as PanelController}>
      <RoundNeeds />
    </PanelContext.Provider>,
  );
  cleanup = m.unmount;
  const line = () => m.root.querySelector('[data-kf="needs"]');
  return { store, picked, line, text: () => line()?.textContent ?? null, chips: () => [...m.root.querySelectorAll<HTMLButtonElement>('[data-kf="need"]')] };
}

describe('RoundNeeds: every question of a round, and the ones still unanswered', () => {
  it('names the three needs of three questions in a row, in the order asked, each a chip that shows its replies', () => {
    setLocale('zh-CN');
    const v = show({});
    expect(v.text()).toBe('买家连问 3 件：尺码优惠活动发货时间');
    expect(v.chips().map((c) => c.textContent)).toEqual(['尺码', '优惠活动', '发货时间']);
    click(v.chips()[1]!);
    // Its replies are shown, the pick teaches nothing (the last message did not ask it), the keys go back to the chat box.
    expect(v.picked).toEqual(['promotion false', 'chat box']);
  });

  it('after the shop’s reply answered the size, says the price and shipping questions are not answered, until they are', () => {
    setLocale('zh-CN');
    // The size reply is in the chat box, not sent yet: the round still shows all three.
    const v = show({ needsAnswered: ['size-fit'], answered: false });
    expect(v.chips().map((c) => c.textContent)).toEqual(['尺码', '优惠活动', '发货时间']);
    // Sent: the shop spoke last.
    act(() => v.store.set({ answered: true }));
    expect(v.text()).toBe('还没答：优惠活动发货时间');
    expect(v.chips().map((c) => c.dataset.scenario)).toEqual(['promotion', 'shipping-time']);
    act(() => v.store.set({ needsAnswered: ['size-fit', 'shipping-time', 'promotion'] }));
    expect(v.line()).toBeNull();
  });

  it('says nothing for a round with one need', () => {
    expect(show({ needs: ['shipping-time'] }).line()).toBeNull();
  });

  it('speaks English in an English panel', () => {
    setLocale('en');
    const v = show({ needsAnswered: ['size-fit'], answered: true });
    expect(v.text()).toBe('Not answered yet:PromotionShipping time');
    cleanup!();
    expect(show({}).text()).toBe('Buyer asked 3 things:Size & fitPromotionShipping time');
  });
});
