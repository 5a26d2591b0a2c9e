// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import { FirstRun, needsFirstRun } from './FirstRun';
import { ShopTab } from './ShopTab';
import { mountTab, settingsStore } from './testing';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import { PRESET_A } from '@/lib/domain/remarks/presets';

registerMessages(options);

const welcome = (on: boolean) => history.replaceState(null, '', on ? '/options.html?welcome#shop' : '/options.html#shop');
afterEach(() => welcome(false));

describe('the first-run checklist (店铺设置)', () => {
  it('on a fresh install lists the shop name and agent name to fill in, the shift hours and the consoles, with links to their tabs', async () => {
    welcome(true);
    const { q } = await mountTab(<FirstRun />, { ...settingsStore().replies, getRuleSet: () => PRESET_A });
    const item = (kf: string) => q(`[data-kf="first-run-${kf}"]`) as HTMLElement;
    expect(item('shop-name').dataset.done).toBe('false');
    expect(item('shop-name').textContent).toContain('在下面填写：话术里的 {店铺} 用它');
    expect(item('agent-name').dataset.done).toBe('false');
    expect(item('agent-name').textContent).toContain('{客服}');
    expect(item('shifts').textContent).toContain('白班 08:00–20:00');
    expect(q('[data-kf="first-run-shifts-link"]')!.getAttribute('href')).toBe('#followups');
    expect(item('consoles').textContent).toContain('拼多多');
    expect(q('[data-kf="first-run-consoles-link"]')!.getAttribute('href')).toBe('#sites');
    expect(q('[data-kf="first-run-done"]')).toBeNull();
  });

  it('ticks what is saved, and says when all is done; the names are shown as text', async () => {
    welcome(true);
    const store = settingsStore({
      shop: { agentName: '小美', shopName: '<b>橙子</b>旗舰店' },
      followups: { dayShift: { start: '09:00', end: '21:00' } },
      setup: { cutoff: true, remarks: true, limits: true },
    });
    const { q, changed } = await mountTab(<FirstRun />, { ...store.replies, getRuleSet: () => PRESET_A });
    expect((q('[data-kf="first-run-shop-name"]') as HTMLElement).dataset.done).toBe('true');
    expect(q('[data-kf="first-run-shop-name"]')!.textContent).toContain('已填写：<b>橙子</b>旗舰店');
    expect(q('[data-kf="first-run-shop-name"] b')).toBeNull();
    expect(q('[data-kf="first-run-shifts"]')!.textContent).toContain('白班 09:00–21:00');
    expect(q('[data-kf="first-run-done"]')).not.toBeNull();
    store.elsewhere({ shop: { agentName: '' } });
    await changed();
    expect((q('[data-kf="first-run-agent-name"]') as HTMLElement).dataset.done).toBe('false');
    expect(q('[data-kf="first-run-done"]')).toBeNull();
  });

  it('later, shows itself only while the shop or the agent name is empty', async () => {
    const store = settingsStore({ shop: { agentName: '小美', shopName: '' }, setup: { cutoff: true, remarks: true, limits: true } });
    const { q, changed } = await mountTab(<ShopTab />, { ...store.replies, getRuleSet: () => PRESET_A });
    expect(q('[data-kf="first-run"]')).not.toBeNull();
    expect(q('[data-kf="shop-settings"]')).not.toBeNull();
    store.elsewhere({ shop: { shopName: '橙子旗舰店' } });
    await changed();
    expect(q('[data-kf="first-run"]')).toBeNull();
    expect(needsFirstRun({ shopName: '橙子旗舰店', agentName: '  ' })).toBe(true);
    expect(needsFirstRun({ shopName: '橙子旗舰店', agentName: '小美' })).toBe(false);
  });

  it('leaves the cut-off, the remark convention and the money limits unticked until the owner confirms them, whatever their defaults', async () => {
    welcome(true);
    const store = settingsStore({ shop: { agentName: '小美', shopName: '橙子旗舰店' } });
    const { q, click } = await mountTab(<FirstRun />, { ...store.replies, getRuleSet: () => PRESET_A }, { notify: ['patchSettings'] });
    const item = (kf: string) => q(`[data-kf="first-run-${kf}"]`) as HTMLElement;
    // 16:00 and 方案A are filled in, but only as defaults: not done.
    expect(item('cutoff').dataset.done).toBe('false');
    expect(item('cutoff').textContent).toContain('现在是默认的 16:00，还没确认');
    expect(q('[data-kf="first-run-cutoff-link"]')!.getAttribute('href')).toBe('#shop:cutoff');
    expect(item('remarks').dataset.done).toBe('false');
    expect(item('remarks').textContent).toContain('方案A');
    expect(q('[data-kf="first-run-remarks-link"]')!.getAttribute('href')).toBe('#remark-rules');
    expect(item('limits').dataset.done).toBe('false');
    expect(item('limits').textContent).toContain('客服自己最多可以让利 20 元，运费按 10 元算');
    expect(q('[data-kf="first-run-limits-link"]')!.getAttribute('href')).toBe('#remark-rules:limits');
    expect(item('imported').textContent).toContain('可选：导入你们店自己的快捷短语表');
    expect(q('[data-kf="first-run-import-link"]')!.getAttribute('href')).toBe('#import');
    expect(q('[data-kf="first-run-done"]')).toBeNull();

    await click('[data-kf="first-run-cutoff-confirm"]');
    expect(store.patchSettings).toHaveBeenLastCalledWith({ setup: { cutoff: true } });
    expect(item('cutoff').dataset.done).toBe('true');
    expect(item('cutoff').textContent).toContain('已确认：每天 16:00 前付款的订单当天发出');
    expect(q('[data-kf="first-run-cutoff-confirm"]')).toBeNull();
    await click('[data-kf="first-run-remarks-confirm"]');
    await click('[data-kf="first-run-limits-confirm"]');
    expect(item('remarks').dataset.done).toBe('true');
    expect(item('limits').dataset.done).toBe('true');
    expect(q('[data-kf="first-run-done"]')).not.toBeNull();
  });

  it('says the sample replies are a clothing shop’s and leads a shop selling something else to remove those (话术库)', async () => {
    welcome(true);
    const store = settingsStore({ shop: { agentName: '', shopName: '' } });
    const { q } = await mountTab(<FirstRun />, { ...store.replies, getRuleSet: () => PRESET_A });
    expect(q('[data-kf="first-run-starter-kind"]')!.textContent).toContain('内置的示例话术是按服装店写的');
    expect(q('[data-kf="first-run-starter-kind-link"]')!.getAttribute('href')).toBe('#templates');
  });

  it('stays on 店铺设置 while a step is not done, even with both names set', async () => {
    const store = settingsStore({ shop: { agentName: '小美', shopName: '橙子旗舰店' }, setup: { cutoff: true, remarks: true } });
    const { q, changed } = await mountTab(<ShopTab />, { ...store.replies, getRuleSet: () => PRESET_A });
    expect(q('[data-kf="first-run"]')).not.toBeNull();
    store.elsewhere({ setup: { limits: true } });
    await changed();
    expect(q('[data-kf="first-run"]')).toBeNull();
  });

  it('ticks the cut-off when the owner saves a changed one in the form, not when they save the names alone', async () => {
    const store = settingsStore();
    const { q, submit } = await mountTab(<ShopTab />, { ...store.replies, getRuleSet: () => PRESET_A }, { notify: ['patchSettings'] });
    expect(q('[data-kf="cutoff-unconfirmed"]')!.textContent).toContain('截单时间未确认');
    const input = (name: string, value: string) =>
      act(() => {
        const el = q(`[data-kf="shop-settings"] [name="${name}"]`) as HTMLInputElement;
        el.value = value;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
    await input('agentName', '小美');
    await submit('[data-kf="shop-settings"]');
    expect((q('[data-kf="first-run-cutoff"]') as HTMLElement).dataset.done).toBe('false');
    await input('cutoff', '14:00');
    await submit('[data-kf="shop-settings"]');
    expect(store.patchSettings).toHaveBeenLastCalledWith(expect.objectContaining({ setup: { cutoff: true } }));
    expect((q('[data-kf="first-run-cutoff"]') as HTMLElement).dataset.done).toBe('true');
    expect(q('[data-kf="first-run-cutoff"]')!.textContent).toContain('每天 14:00 前付款');
    expect(q('[data-kf="cutoff-unconfirmed"]')).toBeNull();
  });

  it('speaks English with an ASCII colon after each step', async () => {
    welcome(true);
    setLocale('en');
    const { q } = await mountTab(<FirstRun />, { ...settingsStore().replies, getRuleSet: () => PRESET_A });
    expect(q('[data-kf="first-run-cutoff"]')!.textContent).toContain('Shipping cut-off: the default 16:00, not confirmed yet');
    // The variables' names ({店铺}) are what a reply holds, in any language.
    expect(q('[data-kf="first-run"]')!.textContent!.replace(/\{[^}]*\}/g, '').match(/[：\u4e00-\u9fff]+/g)).toBeNull();
    setLocale('zh-CN');
  });
});
