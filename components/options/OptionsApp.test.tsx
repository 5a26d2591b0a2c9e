// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { PRESET_A, cloneRuleSet, type RuleSet } from '@/lib/domain/remarks';
import { OptionsApp, type OptionsTab } from './OptionsApp';
import { RemarkRules } from './RemarkRules';
import { ShopSettingsForm } from './ShopSettingsForm';
import { FollowupSettings } from './FollowupSettings';
import { type } from '../remarks/testing';
import { flush, mountTab, settingsStore } from './testing';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';

registerMessages(options);

const TABS: OptionsTab[] = [
  { id: 'shop', labelKey: 'options.shopSettings', component: ShopSettingsForm },
  { id: 'followups', labelKey: 'followups.options.tab', component: FollowupSettings },
  { id: 'remark-rules', labelKey: 'options.remarkRules', component: RemarkRules },
];

async function setup(initial = 'remark-rules') {
  const store = settingsStore();
  const tab = await mountTab(<OptionsApp tabs={TABS} initial={initial} />, {
    ...store.replies,
    getRuleSet: () => cloneRuleSet(PRESET_A),
    saveRuleSet: (r: RuleSet) => r,
    listRemarkOverrides: () => [],
  });
  const tabButton = (id: string) => tab.q(`[role="tab"][data-tab="${id}"]`) as HTMLButtonElement;
  const selected = () => tab.q('[role="tab"][aria-selected="true"]')!.getAttribute('data-tab');
  const key = async (k: string) => {
    await act(async () => {
      (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
    });
  };
  /** Whether closing the page now would ask first. */
  const leaving = () => {
    const e = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  };
  return { ...tab, tabButton, selected, key, leaving };
}

describe('the options page', () => {
  it('keeps an unsaved edit through a visit to another tab, marks its tab, and asks before the page is closed', async () => {
    const { q, click, tabButton, leaving } = await setup();
    expect(leaving()).toBe(false);
    type(q('[data-kf="editor-title"]'), '延迟发货X');
    expect(tabButton('remark-rules').hasAttribute('data-unsaved')).toBe(true);
    expect(tabButton('remark-rules').textContent).toContain('（有未保存的修改）');
    await click('[data-tab="shop"]');
    expect((q('#kf-panel-remark-rules') as HTMLElement).hidden).toBe(true);
    type(q('input[name="shopName"]'), '橙子旗舰店（新）');
    expect(tabButton('shop').hasAttribute('data-unsaved')).toBe(true);
    await click('[data-tab="remark-rules"]');
    expect((q('[data-kf="editor-title"]') as HTMLInputElement).value).toBe('延迟发货X');
    await click('[data-tab="shop"]');
    expect((q('input[name="shopName"]') as HTMLInputElement).value).toBe('橙子旗舰店（新）');
    expect(leaving()).toBe(true);
    // Saved, nothing is left to lose.
    await click('[data-kf="shop-settings"] button[type="submit"]');
    expect(tabButton('shop').hasAttribute('data-unsaved')).toBe(false);
    await click('[data-tab="remark-rules"]');
    await click('[data-kf="rules-save"]');
    expect(tabButton('remark-rules').hasAttribute('data-unsaved')).toBe(false);
    expect(leaving()).toBe(false);
  });

  it('loads a tab only when it is first shown', async () => {
    const { call } = await setup('shop');
    // teamStatus is the page's own (the header's privacy statement), not a tab's.
    expect(call.mock.calls.map(([verb]) => verb).filter((v) => v !== 'teamStatus')).toEqual(['getSettings']);
  });

  it('moves between tabs with the arrow keys, Home and End, focusing and showing each', async () => {
    const { tabButton, selected, key } = await setup('shop');
    // One tab stop: the selected tab; the others are reached with the arrows.
    expect(TABS.map((x) => tabButton(x.id).tabIndex)).toEqual([0, -1, -1]);
    tabButton('shop').focus();
    await key('ArrowRight');
    expect(selected()).toBe('followups');
    expect(document.activeElement).toBe(tabButton('followups'));
    expect(tabButton('followups').tabIndex).toBe(0);
    await key('End');
    expect(selected()).toBe('remark-rules');
    await key('ArrowRight'); // wraps round
    expect(selected()).toBe('shop');
    await key('ArrowLeft');
    expect(selected()).toBe('remark-rules');
    await key('Home');
    expect(selected()).toBe('shop');
    expect(document.activeElement).toBe(tabButton('shop'));
    expect(location.hash).toBe('#shop');
  });

  it('follows its address: a new hash on the open page (a link, the panel’s 去设置) shows that tab, an unknown one changes nothing', async () => {
    const { q, selected } = await setup('remark-rules');
    type(q('[data-kf="editor-title"]'), '延迟发货X');
    const go = async (hash: string) => {
      await act(async () => {
        location.hash = hash;
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      });
    };
    await go('#shop');
    expect(selected()).toBe('shop');
    await go('#followups');
    expect(selected()).toBe('followups');
    await go('#nothing-here');
    expect(selected()).toBe('followups');
    await go('#settings');
    expect(selected()).toBe('shop');
    expect(location.hash).toBe('#shop');
    // The other tab's unsaved edit is still there.
    await go('#remark-rules');
    expect((q('[data-kf="editor-title"]') as HTMLInputElement).value).toBe('延迟发货X');
  });

  it('follows a link to a field (tab:field): shows the tab and focuses the field, as 合规检查 and the checklist lead to 售后限额', async () => {
    const { q, selected } = await setup('shop');
    await act(async () => {
      location.hash = '#remark-rules:limits';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await flush();
    await flush();
    expect(selected()).toBe('remark-rules');
    expect(document.activeElement).toBe(q('[data-kf="limit-agentDiscountYuan"]'));
    // The cut-off on 店铺设置, once its tab is already drawn.
    await act(async () => {
      location.hash = '#shop:cutoff';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await flush();
    expect(selected()).toBe('shop');
    expect(document.activeElement).toBe(q('[data-kf="shop-settings"] [name="cutoff"]'));
  });
});
