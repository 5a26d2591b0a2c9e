import { beforeEach, describe, expect, it, vi } from 'vitest';

const action = { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}), setTitle: vi.fn(async () => {}) };
const alarms = { create: vi.fn(async () => {}) };
vi.mock('../browser', () => ({ browser: { action, alarms } }));

const { BADGE_OVERDUE, BADGE_TODAY, badgeOf, nextChangeAt, refreshBadge, FOLLOWUP_ALARM } = await import('./badge');
const { db } = await import('../storage/db');
const { addFollowup, invalidateFollowupCache } = await import('../storage/followups');
const { panelFollowup, manualFollowup, snooze } = await import('../domain/followups');

const bj = (h: number, m = 0, day = 0) => Date.UTC(2026, 2, 2 + day, h - 8, m);
const S = { utcOffsetMinutes: 480 };

beforeEach(async () => {
  await db.clear('followups');
  invalidateFollowupCache();
  vi.clearAllMocks();
});

describe('the toolbar badge', () => {
  it('counts overdue and due-today items, blue while nothing is overdue', () => {
    const items = [manualFollowup({ title: 'a', dueAt: bj(18) }, bj(10), {}), manualFollowup({ title: 'b', dueAt: bj(9, 0, 2) }, bj(10), {})];
    expect(badgeOf(items, bj(10), S)).toEqual({ text: '1', color: BADGE_TODAY, count: 1, overdue: 0 });
  });

  it('turns red when something is overdue, and is empty with nothing to do', () => {
    const item = manualFollowup({ title: 'a', dueAt: bj(18) }, bj(10), {});
    expect(badgeOf([item], bj(19), S)).toMatchObject({ text: '1', color: BADGE_OVERDUE, overdue: 1 });
    expect(badgeOf([], bj(19), S)).toMatchObject({ text: '', count: 0 });
    expect(badgeOf([snooze(item, bj(21))], bj(19), S).text).toBe('');
  });

  it('knows when the count next changes by itself: a due time, a snooze ending, or midnight', () => {
    const a = manualFollowup({ title: 'a', dueAt: bj(18) }, bj(10), {});
    const b = snooze(manualFollowup({ title: 'b', dueAt: bj(9) }, bj(8), {}), bj(13));
    expect(nextChangeAt([a, b], bj(10), S)).toBe(bj(13));
    expect(nextChangeAt([a], bj(19), S)).toBe(bj(0, 0, 1));
  });

  it('sets text and colour from storage and arms the alarm for the next item to turn due', async () => {
    const now = bj(10);
    await addFollowup(panelFollowup('bad-review', '小鹿', now, {}, bj(10, 20)), now);
    const b = await refreshBadge(now);
    expect(b.count).toBe(1);
    expect(action.setBadgeText).toHaveBeenCalledWith({ text: '1' });
    expect(action.setBadgeBackgroundColor).toHaveBeenCalledWith({ color: BADGE_TODAY });
    expect(alarms.create).toHaveBeenCalledWith(FOLLOWUP_ALARM, { when: bj(10, 5), periodInMinutes: 5 });
    await refreshBadge(bj(10, 21));
    expect(action.setBadgeBackgroundColor).toHaveBeenLastCalledWith({ color: BADGE_OVERDUE });
  });
});
