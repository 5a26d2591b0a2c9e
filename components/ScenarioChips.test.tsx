// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Store } from '@/lib/panel/store';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import { setLocale } from '@/lib/i18n';
import { PanelContext } from './PanelContext';
import { ScenarioChips } from './ScenarioChips';
import { roveSituations } from '@/lib/panel/rove-keys';
import { click, mount } from './remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {} }));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('ScenarioChips', () => {
  it('closes the list of situations opened for one buyer when the agent switches to another', () => {
    setLocale('zh-CN');
    const store = new Store({ buyer: '小鹿乱撞0521', buyerId: 'u-1001', scenarioOverride: null, classification: null } as unknown as PanelState);
    const chosen: string[] = [];
    const controller = { store, chooseScenario: (id: string) => chosen.push(id), backToChat: () => true } as unknown as PanelController;
    const m = mount(
      <PanelContext.Provider value={controller}>
        <ScenarioChips />
      </PanelContext.Provider>,
    );
    cleanup = m.unmount;
    const menu = () => m.root.querySelector('.kf-chip-menu');
    click(m.root.querySelector('[data-kf="change-situation"]'));
    expect(menu()).not.toBeNull();
    act(() => store.set({ buyer: '米粒妈妈', buyerId: 'u-1008' }));
    expect(menu()).toBeNull();
    click(m.root.querySelector('[data-kf="change-situation"]'));
    click(m.root.querySelector('.kf-chip-option[data-scenario="logistics"]') ?? m.root.querySelector('.kf-chip-option'));
    expect(chosen).toHaveLength(1);
    expect(menu()).toBeNull();
  });

  it('closes the list of situations on Escape and gives the focus back to 更改', () => {
    setLocale('zh-CN');
    const store = new Store({ buyer: '小鹿乱撞0521', buyerId: 'u-1001', scenarioOverride: null, classification: null } as unknown as PanelState);
    const m = mount(
      <PanelContext.Provider value={{ store, chooseScenario: () => {} } as unknown as PanelController}>
        <ScenarioChips />
      </PanelContext.Provider>,
    );
    cleanup = m.unmount;
    const change = m.root.querySelector<HTMLButtonElement>('[data-kf="change-situation"]')!;
    change.focus();
    click(change);
    expect(change.getAttribute('aria-expanded')).toBe('true');
    // The agent tabs into the list, then presses Escape there.
    const option = m.root.querySelector<HTMLButtonElement>('.kf-chip-option')!;
    option.focus();
    act(() => {
      option.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(m.root.querySelector('.kf-chip-menu')).toBeNull();
    expect(document.activeElement).toBe(change);
    expect(change.getAttribute('aria-expanded')).toBe('false');
  });

  /** The chips for a buyer, with the controller's chat box (`chatBox`: whether the page shows one) and the suggest script in. */
  function chips(chatBox: boolean) {
    setLocale('zh-CN');
    const store = new Store({ buyer: '小鹿乱撞0521', buyerId: 'u-1001', scenarioOverride: null, classification: { top: ['courier'], evidence: {} } } as unknown as PanelState);
    const backToChat = vi.fn(() => chatBox);
    const controller = {
      store,
      engine: { roveSituations },
      backToChat,
      chooseScenario: (id: string) => store.set({ scenarioOverride: id } as Partial<PanelState>),
    } as unknown as PanelController;
    const m = mount(
      <PanelContext.Provider value={controller}>
        <ScenarioChips />
      </PanelContext.Provider>,
    );
    cleanup = m.unmount;
    return { m, store, backToChat, $: (sel: string) => m.root.querySelector<HTMLElement>(sel) };
  }
  const key = (el: Element, k: string) => act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true })));

  it('gives the keys back to the chat box after a pick', () => {
    const c = chips(true);
    click(c.$('[data-kf="change-situation"]'));
    click(c.$('.kf-chip-option[data-scenario="return"]'));
    expect(c.backToChat).toHaveBeenCalledTimes(1);
    expect(c.$('[data-kf="chip"]')!.getAttribute('data-scenario')).toBe('return');
    expect(c.$('.kf-chip-menu')).toBeNull();
  });

  it('keeps the focus in the panel, on the chip picked, where the page shows no chat box', () => {
    const c = chips(false);
    click(c.$('[data-kf="change-situation"]'));
    click(c.$('.kf-chip-option[data-scenario="return"]'));
    expect(document.activeElement).toBe(c.$('[data-kf="chip"][data-scenario="return"]'));
  });

  it('is one Tab stop on the situation shown, which the arrow keys move', () => {
    const c = chips(true);
    click(c.$('[data-kf="change-situation"]'));
    const stops = () => [...c.m.root.querySelectorAll<HTMLElement>('.kf-chip-option')].filter((el) => el.tabIndex === 0).map((el) => el.dataset.scenario);
    expect(stops()).toEqual(['courier']);
    const courier = c.$('.kf-chip-option[data-scenario="courier"]')!;
    courier.focus();
    key(courier, 'ArrowRight');
    const next = (courier.nextElementSibling as HTMLElement).dataset.scenario;
    expect((document.activeElement as HTMLElement).dataset.scenario).toBe(next);
    // A redraw (the buyer's next message) keeps the stop where the arrow left it.
    act(() => c.store.set({ classification: { top: ['courier', 'tracking'], evidence: {} } } as Partial<PanelState>));
    expect(c.$('[data-kf="chip"][data-scenario="tracking"]')).not.toBeNull();
    expect(stops()).toEqual([next]);
  });
});
