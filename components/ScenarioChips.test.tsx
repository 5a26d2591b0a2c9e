// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { Store } from '@/lib/panel/store';
import type { PanelController, PanelState } from '@/lib/panel/controller';
import { setLocale } from '@/lib/i18n';
import { PanelContext } from './PanelContext';
import { ScenarioChips } from './ScenarioChips';
import { click, mount } from './remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {} }));

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('ScenarioChips', () => {
  it('closes the list of situations opened for one buyer when the agent switches to another', () => {
    setLocale('zh-CN');
    const store = new Store({ buyer: '小鹿乱撞0521', buyerId: 'u-1001', scenarioOverride: null, classification: null } as unknown as PanelState);
    const chosen: string[] = [];
    const controller = { store, chooseScenario: (id: string) => chosen.push(id) } as unknown as PanelController;
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
});
