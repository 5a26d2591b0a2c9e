import { describe, expect, it } from 'vitest';
import { manualFollowup } from './rules';
import { FOLLOWUP_PRIORITY, kindPriority } from './priority';
import { DEFAULT_FOLLOWUP_SETTINGS as S, FOLLOWUP_KINDS, type Followup, type FollowupKind } from './types';
import { todayView } from './view';

const bj = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function item(kind: FollowupKind, n: number, dueAt: number): Followup {
  return { ...manualFollowup({ title: `${kind} ${n}` }, dueAt - DAY, S), id: `${kind}:${n}`, kind, dueAt };
}

describe('follow-up priority (what the agent acts on first)', () => {
  it('ranks every kind once: money and promises first, VIP revisits last', () => {
    expect([...FOLLOWUP_PRIORITY].sort()).toEqual([...FOLLOWUP_KINDS].sort());
    expect(FOLLOWUP_PRIORITY[0]).toBe('unpaid');
    expect(kindPriority('promised-answer')).toBeLessThan(kindPriority('vip-revisit'));
    expect(kindPriority('refund-to-pay')).toBeLessThan(kindPriority('inquiry'));
    expect(FOLLOWUP_PRIORITY.at(-1)).toBe('vip-revisit');
  });

  it('lists an unpaid order 20 minutes late before promised answers, postage refunds and month-old VIP revisits', () => {
    // QA E, defect 2: the mix the agent saw, VIP revisits first and the unpaid order folded at the bottom.
    const now = bj(2026, 12, 3, 15, 50);
    const items = [
      item('unpaid', 1, now - 20 * MIN),
      item('promised-answer', 1, now - 60 * MIN),
      ...[1, 2, 3, 4, 5, 6].map((n) => item('postage-refund', n, now - 3 * DAY - n * MIN)),
      ...[1, 2, 3, 4, 5, 6].map((n) => item('vip-revisit', n, now - 30 * DAY - n * MIN)),
    ];
    const v = todayView(items, now, S);
    expect(v.groups.overdue.map((g) => [g.kind, g.items.length])).toEqual([
      ['unpaid', 1],
      ['promised-answer', 1],
      ['postage-refund', 6],
      ['vip-revisit', 6],
    ]);
    // The first row the popup selects.
    expect(v.groups.overdue[0]!.items[0]!.id).toBe('unpaid:1');
    // Within a kind, the most overdue first.
    expect(v.groups.overdue[2]!.items.map((f) => f.id)).toEqual([6, 5, 4, 3, 2, 1].map((n) => `postage-refund:${n}`));
  });
});
