// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { setLocale } from '@/lib/i18n';
import { manualFollowup, panelFollowup, sameBuyer, type Followup } from '@/lib/domain/followups';
import { DEFAULT_FOLLOWUP_SETTINGS as S } from '@/lib/domain/followups/types';
import type { CustomerCardController } from '@/lib/panel/customers';
import { CardFollowups } from './CardFollowups';
import { mount } from '../remarks/testing';

vi.mock('@/lib/browser', () => ({ browser: {} }));

/** Beijing wall time on 2026-12-03. */
const bj = (h: number, m = 0, day = 0) => Date.UTC(2026, 11, 3 + day, h - 8, m);

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
  setLocale('zh-CN');
  vi.useRealTimers();
});

const flush = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });

/** The card frame's side: a background that answers buyerFollowups from `items`, as the worker's handler filters them. */
function setup(items: Followup[], buyer: { nickname: string; buyerId: string | null }) {
  const changed: (() => void)[] = [];
  const call = vi.fn(async (verb: string, p: { nickname: string; buyerId: string | null }) => {
    if (verb !== 'buyerFollowups') throw new Error(verb);
    const open = items.filter((f) => f.status !== 'done' && sameBuyer(f, { buyer: p.nickname, buyerId: p.buyerId })).sort((a, b) => a.dueAt - b.dueAt);
    return { items: open.slice(0, 3), total: open.length, utcOffsetMinutes: 480 };
  });
  const card = { platform: 'demo', api: { call, onDataChanged: (_areas: unknown, l: () => void) => (changed.push(l), () => {}) } } as unknown as CustomerCardController;
  const Host = () => <CardFollowups card={card} buyer={buyer.nickname} buyerId={buyer.buyerId} />;
  return { card, call, changed, Host };
}

describe('the buyer’s open follow-ups on their card', () => {
  it('lists what is still to do for this buyer with when it is due, the note, and nothing for anyone else', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(bj(10));
    const promised = { ...panelFollowup('promised-answer', '京东用户_小满', bj(9), S, bj(10, 0, 1), { platform: 'demo' }), note: '问了公司抬头\n第二行' };
    const overdue = panelFollowup('inquiry', '京东用户_小满', bj(9, 0, -1), S, bj(16, 0, -1), { platform: 'demo' });
    const todo = manualFollowup({ title: '开好专票后告诉小满', buyer: '京东用户_小满' }, bj(9), S);
    const someoneElse = panelFollowup('bad-review', '别人', bj(9), S, undefined, { platform: 'demo' });
    const { Host } = setup([promised, overdue, todo, someoneElse], { nickname: '京东用户_小满', buyerId: null });
    const m = mount(<Host />);
    cleanup = m.unmount;
    await flush();
    const lines = [...m.root.querySelectorAll('[data-kf="customer-followup"]')];
    expect(lines.map((l) => l.getAttribute('data-id'))).toEqual([overdue.id, todo.id, promised.id]);
    // The buyer's own card: the kind, not 承诺答复：京东用户_小满; the agent's own words as typed.
    expect(lines.map((l) => l.querySelector('.kf-cc-text bdi')!.textContent)).toEqual(['咨询未拍', '开好专票后告诉小满', '承诺答复']);
    expect(lines[2]!.querySelector('[data-kf="customer-followup-due"]')!.textContent).toBe('12-04 10:00 截止');
    expect(lines[2]!.textContent).toContain('问了公司抬头');
    expect(lines[2]!.textContent).not.toContain('第二行');
    expect(lines[0]!.getAttribute('data-overdue')).toBe('true');
    expect(lines[0]!.querySelector('[data-kf="customer-followup-due"]')!.textContent).toBe('已逾期（12-02 16:00）');
  });

  it('speaks the interface’s language', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(bj(10));
    setLocale('en');
    const promised = panelFollowup('promised-answer', '京东用户_小满', bj(9), S, bj(15), { platform: 'demo' });
    const { Host } = setup([promised], { nickname: '京东用户_小满', buyerId: null });
    const m = mount(<Host />);
    cleanup = m.unmount;
    await flush();
    const line = m.root.querySelector('[data-kf="customer-followup"]')!;
    expect(line.querySelector('.kf-cc-text bdi')!.textContent).toBe('Promised answer');
    expect(line.querySelector('[data-kf="customer-followup-due"]')!.textContent).toBe('due 15:00');
  });

  it('shows nothing for a buyer with nothing to follow up, counts what is past three, and follows the list as it changes', async () => {
    const items: Followup[] = [];
    const { Host, changed } = setup(items, { nickname: '小鹿', buyerId: null });
    const m = mount(<Host />);
    cleanup = m.unmount;
    await flush();
    expect(m.root.querySelector('[data-kf="customer-followups"]')).toBeNull();
    for (let i = 0; i < 4; i++) items.push(manualFollowup({ title: `待办${i}`, buyer: '小鹿', stamp: String(i) }, Date.now(), S));
    for (const l of changed) l();
    await flush();
    expect(m.root.querySelectorAll('[data-kf="customer-followup"]')).toHaveLength(3);
    expect(m.root.querySelector('[data-kf="customer-followups"]')!.textContent).toContain('还有 1 项');
  });
});
