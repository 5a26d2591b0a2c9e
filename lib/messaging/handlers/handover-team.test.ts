/** Handover in team mode: people from the shop's member list, the agent's own shift. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const local: Record<string, unknown> = {
  'kf:team': { server: 'http://127.0.0.1:5984', shop: 'shop1', user: '小王', role: 'agent', shift: 'night' },
  'kf:team:members': [
    { name: '店长', role: 'supervisor' },
    { name: '小王', role: 'agent' },
    { name: '小李', role: 'agent' },
  ],
};
vi.mock('../../browser', () => ({
  browser: {
    storage: {
      local: { set: vi.fn(async (o: Record<string, unknown>) => void Object.assign(local, o)), get: vi.fn(async (k: string) => (k in local ? { [k]: local[k] } : {})) },
      onChanged: { addListener: vi.fn(), removeListener: vi.fn() },
    },
    runtime: { id: 'ext', getURL: (p = '') => `chrome-extension://ext/${p.replace(/^\//, '')}` },
  },
}));

const { dispatch } = await import('../dispatch');
const { db } = await import('../../storage/db');
import type { FollowupList } from '../protocol-followups';
import type { Followup } from '../../domain/followups';

const bj = (h: number, m = 0) => Date.UTC(2026, 2, 2, h - 8, m);
async function ok<T>(verb: string, payload: unknown, sender: 'extension-page' | 'content-script' = 'extension-page', ctx = {}): Promise<T> {
  const r = await dispatch({ kf: verb, payload }, sender, ctx);
  if (!r.ok) throw new Error(`${verb}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(bj(11));
  await db.clear('followups');
});

describe('handover in team mode', () => {
  it('offers the other members, and the agent’s own shift decides the section, not the clock', async () => {
    expect(await ok('handoverTargets', undefined, 'content-script', { tabId: 1, url: 'http://127.0.0.1:4100/chat/x' })).toEqual({ shift: 'night', chosen: true, me: '小王', members: ['店长', '小李'] });
    const forMe = await ok<Followup>('addFollowup', { kind: 'manual', title: '回访老客户', toPerson: '小王' });
    const forNight = await ok<Followup>('addFollowup', { kind: 'manual', title: '晚上对账', toShift: 'night' });
    const forLi = await ok<Followup>('addFollowup', { kind: 'manual', title: '给小李', toPerson: '小李' });
    const l = await ok<FollowupList>('listFollowups', undefined);
    expect(l.viewer).toEqual({ user: '小王', shift: 'night' });
    const section = (id: string) => l.groups.find((g) => g.items.some((f) => f.id === id))!.section;
    expect([section(forMe.id), section(forNight.id), section(forLi.id)]).toEqual(['handover', 'handover', 'today']);
  });

  it('a to-do the night agent writes at 11:00 goes to the day shift: their shift decides, not the clock', async () => {
    const made = await ok<Followup>('addFollowup', { kind: 'manual', title: '交代白班：3001 补发' });
    expect(made).toMatchObject({ handover: true, shift: 'day', dueAt: bj(12) });
    const l = await ok<FollowupList>('listFollowups', undefined);
    expect(l.groups.find((g) => g.items.some((f) => f.id === made.id))!.section).not.toBe('handover');
  });

  it('a night agent in a shop with the day shift round the clock (全天白班) works as the day shift: no night to hand to, nothing marked for the morning', async () => {
    const { patchSettings } = await import('../../storage/settings');
    await patchSettings({ followups: { dayShift: { start: '08:00', end: '08:00' } } });
    try {
      // What was handed to the night shift before the shop said so is the day shift's, and so this agent's.
      const handed = await ok<Followup>('addFollowup', { kind: 'manual', title: '晚上对账', toShift: 'night' });
      const mine = await ok<Followup>('addFollowup', { kind: 'manual', title: '给阿强回电话' });
      expect(mine.handover).toBeUndefined();
      expect(await ok('handoverTargets', undefined)).toMatchObject({ shift: 'day', chosen: true, allDay: true });
      const l = await ok<FollowupList>('listFollowups', undefined);
      expect(l.viewer).toEqual({ user: '小王', shift: 'day' });
      expect(l.groups.find((g) => g.items.some((f) => f.id === handed.id))!.section).toBe('handover');
    } finally {
      await patchSettings({ followups: { dayShift: { start: '08:00', end: '20:00' } } });
    }
  });

  it('refuses a person who is not a member, naming them, in the interface’s language', async () => {
    const { patchSettings } = await import('../../storage/settings');
    const add = () => dispatch({ kf: 'addFollowup', payload: { kind: 'manual', title: 'x', toPerson: '陌生人' } }, 'extension-page');
    const assign = async () => {
      const made = await ok<Followup>('addFollowup', { kind: 'manual', title: '回访' });
      return dispatch({ kf: 'updateFollowup', payload: { id: made.id, action: 'assign', to: { person: 'Tom' } } }, 'extension-page');
    };
    try {
      expect(await add()).toMatchObject({ ok: false, error: { code: 'invalid', message: '“陌生人”不在本店的团队成员名单里（可能刚被移除）。请重新打开后从名单里选择。' } });
      expect(await assign()).toMatchObject({ ok: false, error: { code: 'invalid', message: '“Tom”不在本店的团队成员名单里（可能刚被移除）。请重新打开后从名单里选择。' } });
      await patchSettings({ shop: { locale: 'en' } });
      expect(await add()).toMatchObject({ ok: false, error: { code: 'invalid', message: '“陌生人” is not on the shop’s team list (perhaps just removed). Reopen and pick from the list.' } });
      expect(await assign()).toMatchObject({ ok: false, error: { code: 'invalid', message: '“Tom” is not on the shop’s team list (perhaps just removed). Reopen and pick from the list.' } });
    } finally {
      await patchSettings({ shop: { locale: 'zh-CN' } });
    }
  });
});
