/**
 * handoverTargets, as the panel and the popup read it: the shift and members for every state of team
 * mode, from one read of the team configuration.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import type { TeamConfig } from '../../team/config';

const team = vi.hoisted(() => ({
  config: null as TeamConfig | null,
  members: [] as { name: string; role: 'agent' | 'supervisor' }[],
}));
vi.mock('../../browser', () => ({
  browser: {
    storage: { local: { set: vi.fn(async () => {}), get: vi.fn(async () => ({})) }, onChanged: { addListener: vi.fn(), removeListener: vi.fn() } },
    runtime: { id: 'ext', getURL: (p = '') => `chrome-extension://ext/${p.replace(/^\//, '')}` },
  },
}));
// The coordinator's two reads, so the test can say what is stored and count how often it is asked.
vi.mock('../../background/team', async (actual) => ({
  ...(await actual<typeof import('../../background/team')>()),
  loadTeamConfig: vi.fn(async () => team.config),
  loadTeamMembers: vi.fn(async () => (team.config ? team.members : [])),
}));

const { dispatch } = await import('../dispatch');
const { db } = await import('../../storage/db');
const { patchSettings } = await import('../../storage/settings');
const { loadTeamConfig } = await import('../../background/team');

/** Beijing wall time on 2026-03-02 as epoch ms. */
const bj = (h: number) => Date.UTC(2026, 2, 2, h - 8);
const member = (shift?: 'day' | 'night'): TeamConfig => ({ server: 'http://127.0.0.1:5984', shop: 'shop1', user: '小王', role: 'agent', ...(shift ? { shift } : {}) });

async function targets(): Promise<unknown> {
  const r = await dispatch({ kf: 'handoverTargets', payload: undefined }, 'content-script', { tabId: 1, url: 'http://127.0.0.1:4100/chat/x' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  await db.clear('meta');
  team.members = [
    { name: '店长', role: 'supervisor' },
    { name: '小王', role: 'agent' },
  ];
});

it('says the shift, whether the member chose it, and the other members, for every state of team mode (one read of the configuration)', async () => {
  const cases: [string, TeamConfig | null, number, unknown][] = [
    ['no team mode, by day', null, 11, { shift: 'day', members: [] }],
    ['no team mode, at night', null, 22, { shift: 'night', members: [] }],
    ['a member with no shift chosen: the clock', member(), 22, { shift: 'night', me: '小王', members: ['店长'] }],
    ['a member on 白班 at night', member('day'), 22, { shift: 'day', chosen: true, me: '小王', members: ['店长'] }],
    ['a member on 夜班 by day', member('night'), 11, { shift: 'night', chosen: true, me: '小王', members: ['店长'] }],
  ];
  for (const [what, config, hour, expected] of cases) {
    team.config = config;
    vi.setSystemTime(bj(hour));
    vi.mocked(loadTeamConfig).mockClear();
    expect(await targets(), what).toEqual(expected);
    expect(vi.mocked(loadTeamConfig).mock.calls.length, what).toBe(1);
  }
});

it('round the clock (全天白班) a member on 夜班 is the day shift, and nobody is offered the night', async () => {
  await patchSettings({ followups: { dayShift: { start: '08:00', end: '08:00' } } });
  vi.setSystemTime(bj(22));
  team.config = member('night');
  expect(await targets()).toEqual({ shift: 'day', chosen: true, me: '小王', members: ['店长'], allDay: true });
  team.config = null;
  expect(await targets()).toEqual({ shift: 'day', members: [], allDay: true });
});
