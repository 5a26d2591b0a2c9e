// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { FirstRun, needsFirstRun } from './FirstRun';
import { ShopTab } from './ShopTab';
import { mountTab, settingsStore } from './testing';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';

registerMessages(options);

const welcome = (on: boolean) => history.replaceState(null, '', on ? '/options.html?welcome#shop' : '/options.html#shop');
afterEach(() => welcome(false));

describe('the first-run checklist (店铺设置)', () => {
  it('on a fresh install lists the shop name and agent name to fill in, the shift hours and the consoles, with links to their tabs', async () => {
    welcome(true);
    const { q } = await mountTab(<FirstRun />, settingsStore().replies);
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
    const store = settingsStore({ shop: { agentName: '小美', shopName: '<b>橙子</b>旗舰店' }, followups: { dayShift: { start: '09:00', end: '21:00' } } });
    const { q, changed } = await mountTab(<FirstRun />, store.replies);
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
    const store = settingsStore({ shop: { agentName: '小美', shopName: '' } });
    const { q, changed } = await mountTab(<ShopTab />, store.replies);
    expect(q('[data-kf="first-run"]')).not.toBeNull();
    expect(q('[data-kf="shop-settings"]')).not.toBeNull();
    store.elsewhere({ shop: { shopName: '橙子旗舰店' } });
    await changed();
    expect(q('[data-kf="first-run"]')).toBeNull();
    expect(needsFirstRun({ shopName: '橙子旗舰店', agentName: '  ' })).toBe(true);
    expect(needsFirstRun({ shopName: '橙子旗舰店', agentName: '小美' })).toBe(false);
  });
});
