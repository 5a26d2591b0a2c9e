// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DISMISSED_KEY } from './StarterOrdersNotice';
import { libraryTab } from './testing';
import type { Template, TemplateLibrary } from '@/lib/domain/templates/types';
import { STARTER_LIBRARY } from '@/lib/domain/templates/starter';
import { provideBundledData } from '@/lib/storage/bundled';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';

registerMessages(options);
provideBundledData({ 'starter-library': STARTER_LIBRARY });

vi.mock('@/lib/browser', () => ({ browser: {} }));

const starter = (id: string) => STARTER_LIBRARY.templates.find((t) => t.id === id)!;
/** A starter reply as a library saved before starter replies had order conditions stores it. */
const old = (id: string): Template => {
  const { orders: _orders, ...rest } = structuredClone(starter(id));
  return rest;
};

/** The template tab over `lib`, saved as the agent saved it long ago; `role` = team mode as that member. */
async function editorOver(lib: TemplateLibrary, role?: 'agent' | 'supervisor') {
  const tab = await libraryTab(lib, role);
  return { ...tab, notice: () => tab.q('[data-kf="starter-orders"]') };
}

beforeEach(() => localStorage.clear());

describe('offering the starter replies’ order conditions to a library saved without them', () => {
  it('says how many replies can take one, and 补上 saves them once through the editor’s save', async () => {
    const mine: Template = { id: 'my-reply', title: '我的话术', body: '亲，我的话术', group: '订单确认', scenarios: ['thanks'] };
    const edited = { ...old('pay-remind'), body: '亲，记得付款哦～' };
    const { notice, click, saves, stored, q } = await editorOver({
      groups: ['订单确认', '付款催付', '欢迎问候'],
      templates: [old('order-paid'), old('pay-duplicate'), old('address-change-shipped'), edited, old('welcome-new'), mine],
    });
    expect(notice()!.textContent).toContain('有 3 条内置话术可以补上「适用订单状态」：补上后，订单状态不符时不会再推荐（如未付款时不推荐“已付款确认”）。');
    expect(notice()!.textContent).toContain('已付款确认');

    await click('[data-kf="starter-orders-apply"]');

    expect(saves).toHaveLength(1);
    expect(saves[0].baseUpdatedAt).toBe(5);
    const byId = new Map(stored().templates.map((t) => [t.id, t]));
    expect(byId.get('order-paid')!.orders).toEqual(['paid']);
    expect(byId.get('pay-duplicate')!.orders).toEqual(['unpaid']);
    expect(byId.get('address-change-shipped')!.orders).toEqual(['shipped']);
    // The agent's edited text, a starter reply with no condition and the agent's own reply: untouched.
    expect(byId.get('pay-remind')).toEqual(edited);
    expect(byId.get('welcome-new')).toEqual(old('welcome-new'));
    expect(byId.get('my-reply')).toEqual(mine);
    expect(q('[data-kf="status"]')!.textContent).toBe('已为 3 条内置话术补上适用订单状态。');
    expect(notice()).toBeNull();
  });

  it('is re-applied to the newer library when another tab saved first, keeping that tab’s change', async () => {
    const { click, saves, stored, otherTab, q } = await editorOver({ groups: ['订单确认'], templates: [old('order-paid'), old('order-confirm')] });
    otherTab((l) => ({ ...l, templates: [...l.templates, { id: 'added', title: '别的标签加的', body: '别的标签加的内容', group: '订单确认', scenarios: ['thanks'] }], updatedAt: 9 }));

    await click('[data-kf="starter-orders-apply"]');

    expect(saves).toHaveLength(2);
    expect(stored().templates.map((t) => [t.id, t.orders])).toEqual([
      ['order-paid', ['paid']],
      ['order-confirm', ['unpaid', 'paid']],
      ['added', undefined],
    ]);
    expect(q('[data-kf="status"]')!.textContent).toBe('已为 2 条内置话术补上适用订单状态。');
  });

  it('is not shown when nothing can take a condition', async () => {
    const { notice, q } = await editorOver({
      groups: STARTER_LIBRARY.groups,
      // The starter as shipped now, plus an edited old copy: nothing to offer.
      templates: [...STARTER_LIBRARY.templates.filter((t) => t.id !== 'order-paid'), { ...old('order-paid'), body: '收到您的付款啦～' }],
    });
    expect(q('[data-kf="template-table"]')).not.toBeNull();
    expect(notice()).toBeNull();
  });

  it('once dismissed, stays away for good, and saves nothing', async () => {
    const lib = { groups: ['订单确认'], templates: [old('order-paid')] };
    const first = await editorOver(lib);
    expect(first.notice()).not.toBeNull();
    await first.click('[data-kf="starter-orders-dismiss"]');
    expect(first.notice()).toBeNull();
    expect(first.saves).toHaveLength(0);
    expect(first.stored().templates[0]).not.toHaveProperty('orders');
    expect(JSON.parse(localStorage.getItem(DISMISSED_KEY)!)).toEqual(['order-paid']);

    const again = await editorOver(lib);
    expect(again.q('[data-kf="template-table"]')).not.toBeNull();
    expect(again.notice()).toBeNull();
  });

  it('an agent in team mode, whose library edits never reach the shop, is not offered them; a supervisor is', async () => {
    const lib = { groups: ['订单确认'], templates: [old('order-paid')] };
    const agent = await editorOver(lib, 'agent');
    expect(agent.q('[data-kf="propose-template"]')).not.toBeNull(); // team mode as an agent is known
    expect(agent.notice()).toBeNull();
    agent.m.unmount();

    const supervisor = await editorOver(lib, 'supervisor');
    expect(supervisor.notice()!.textContent).toContain('有 1 条内置话术可以补上「适用订单状态」');
  });
});
