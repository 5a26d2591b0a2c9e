import { describe, expect, it } from 'vitest';
import { dueFromWords, promiseDue } from './due-words';
import { panelFollowup } from './rules';
import { DEFAULT_FOLLOWUP_SETTINGS } from './types';
import { followupReason, sayFrom } from './text';
import { followups as messages } from '../../i18n/messages/followups';

/** Beijing wall time → epoch ms (the shop's zone, UTC+8). */
const bj = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);
const BEIJING = 480;
const SHIFT = { dayStart: 8 * 60, dayEnd: 20 * 60 };
// Tuesday 2026-12-08, 17:20 in Beijing: after the day's work, before the evening.
const NOW = bj(2026, 12, 8, 17, 20);
const due = (text: string, shift = SHIFT, now = NOW) => dueFromWords(text, now, BEIJING, shift)?.dueAt ?? null;

describe('dueFromWords: when a promise’s own words say it is due', () => {
  it('reads a day and a part of the day: 明天上午 is tomorrow at the day shift’s start', () => {
    expect(dueFromWords('仓库核对发错货，明天上午回复', NOW, BEIJING, SHIFT)).toEqual({ dueAt: bj(2026, 12, 9, 8, 0), words: '明天上午' });
    // A shift that starts at 09:30: then; one that starts at noon, or runs round the clock: 10:00.
    expect(due('明天上午回复', { dayStart: 9 * 60 + 30, dayEnd: 21 * 60 })).toBe(bj(2026, 12, 9, 9, 30));
    expect(due('明天上午回复', { dayStart: 12 * 60, dayEnd: 24 * 60 - 1 })).toBe(bj(2026, 12, 9, 10, 0));
    expect(due('明天上午回复', { dayStart: 0, dayEnd: 0 })).toBe(bj(2026, 12, 9, 10, 0));
    expect(due('明早给您答复')).toBe(bj(2026, 12, 9, 8, 0));
    expect(due('明天下午回复')).toBe(bj(2026, 12, 9, 14, 0));
    expect(due('明天回复您')).toBe(bj(2026, 12, 9, 8, 0));
  });

  it('reads a time written with it: 今晚8点 is 20:00 today, 明天下午3点半 15:30', () => {
    expect(due('今晚8点前给您答复')).toBe(bj(2026, 12, 8, 20, 0));
    expect(due('今晚八点回复')).toBe(bj(2026, 12, 8, 20, 0));
    expect(due('今晚回复')).toBe(bj(2026, 12, 8, 19, 0));
    expect(due('明天下午3点半回您')).toBe(bj(2026, 12, 9, 15, 30));
    expect(due('明天10:30回复')).toBe(bj(2026, 12, 9, 10, 30));
  });

  it('reads days ahead and weekdays: 后天, 周五前, 下周一', () => {
    expect(due('后天给答复')).toBe(bj(2026, 12, 10, 8, 0));
    expect(due('大后天')).toBe(bj(2026, 12, 11, 8, 0));
    // Tuesday: 周五 is this Friday, 下周一 next week's Monday, 星期二 today (by the shift's end).
    expect(due('周五前回复')).toBe(bj(2026, 12, 11, 8, 0));
    expect(due('星期五之前')).toBe(bj(2026, 12, 11, 8, 0));
    expect(due('下周一回复')).toBe(bj(2026, 12, 14, 8, 0));
    expect(due('周日回复')).toBe(bj(2026, 12, 13, 8, 0));
    expect(due('星期二回复')).toBe(bj(2026, 12, 8, 20, 0));
    expect(due('2小时内回复')).toBe(NOW + 2 * 3_600_000);
    expect(due('半小时后回复')).toBe(NOW + 1_800_000);
  });

  it('reads nothing from words that name no day, nor a time already past', () => {
    expect(due('身高170 体重130斤 平时穿XL')).toBeNull();
    expect(due('7天无理由退货，上午8点发的货')).toBeNull();
    expect(due('今天上午回复')).toBeNull();
    expect(due('今天下午3点回复')).toBeNull();
  });

  it('reads no due day from a range of weekdays (周一到周五发货 is when the shop ships), but the day said after it', () => {
    expect(due('仓库周一到周五发货')).toBeNull();
    expect(due('工作日周一至周五 9点到6点')).toBeNull();
    expect(due('星期一~星期五有人')).toBeNull();
    expect(due('周一到周五发货，明天下午回复您')).toBe(bj(2026, 12, 9, 14, 0));
    expect(due('周五前回复')).toBe(bj(2026, 12, 11, 8, 0));
  });
});

describe('a 承诺答复 whose note says when', () => {
  it('made at 17:20 with 明天上午回复 is due tomorrow at 08:00, not 24 hours later, and its reason says so', () => {
    const item = panelFollowup('promised-answer', '京东买家', NOW, DEFAULT_FOLLOWUP_SETTINGS, undefined, { note: '仓库核对发错货，明天上午回复' });
    expect(item.dueAt).toBe(bj(2026, 12, 9, 8, 0));
    expect(followupReason(item, sayFrom(messages.zh))).toBe('答应过买家在 2026-12-09 08:00 前答复');
    // A time the agent typed in the form wins over the note's words; a note without any keeps 24 hours.
    expect(panelFollowup('promised-answer', '京东买家', NOW, DEFAULT_FOLLOWUP_SETTINGS, bj(2026, 12, 9, 11, 0), { note: '明天上午回复' }).dueAt).toBe(bj(2026, 12, 9, 11, 0));
    expect(panelFollowup('promised-answer', '京东买家', NOW, DEFAULT_FOLLOWUP_SETTINGS, undefined, { note: '问下仓库' }).dueAt).toBe(NOW + 24 * 3_600_000);
  });
});

describe('promiseDue: the note read with the shop’s settings, as the worker reads them', () => {
  it('gives the panel’s form the time the item will be due at, from the shop’s day shift', () => {
    const settings = { ...DEFAULT_FOLLOWUP_SETTINGS, dayShift: { start: '09:00', end: '21:00' } };
    expect(promiseDue('明天上午回复', NOW, settings)).toEqual({ dueAt: bj(2026, 12, 9, 9, 0), words: '明天上午' });
    expect(panelFollowup('promised-answer', '京东买家', NOW, settings, undefined, { note: '明天上午回复' }).dueAt).toBe(bj(2026, 12, 9, 9, 0));
    expect(promiseDue('问下仓库', NOW, settings)).toBeNull();
  });
});
