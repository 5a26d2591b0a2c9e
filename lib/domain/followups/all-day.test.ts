import { describe, expect, it } from 'vitest';
import { assignFollowup, handoverItems, handoverTarget, shiftAt } from './handover';
import { allDayShift, handoverDeadline, handoverFollowup, manualFollowup, markHandover, resolveSettings } from './rules';
import { DEFAULT_FOLLOWUP_SETTINGS, type Followup } from './types';
import { followupReason, sayFrom } from './text';
import { followups as messages } from '../../i18n/messages/followups';
import { normaliseSettings } from '../../storage/settings';

const bj = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h - 8, mi);
/** 全天白班: the options page stores start = end; an older or imported setting may say 08:00–08:00. */
const ALL_DAY = { ...DEFAULT_FOLLOWUP_SETTINGS, dayShift: { start: '00:00', end: '00:00' } };
const ALL_DAY_8 = { ...DEFAULT_FOLLOWUP_SETTINGS, dayShift: { start: '08:00', end: '08:00' } };

describe('a shop with a day shift round the clock (全天白班)', () => {
  it('has no night: 02:00 is the day shift, and nothing made then is marked for the morning', () => {
    for (const s of [ALL_DAY, ALL_DAY_8]) {
      expect(allDayShift(s)).toBe(true);
      expect(shiftAt(bj(2026, 12, 6, 2, 0), s)).toBe('day');
      const todo = manualFollowup({ title: '回电话' }, bj(2026, 12, 6, 2, 0), s);
      expect(markHandover(todo, s, bj(2026, 12, 6, 2, 0))).toBe(todo);
    }
    expect(allDayShift(DEFAULT_FOLLOWUP_SETTINGS)).toBe(false);
  });

  it('a handover note written at 02:00 is for whoever is on next, by noon that day, never for a night shift two days on', () => {
    const note = handoverFollowup({ title: '阿强的换货等仓库回复' }, bj(2026, 12, 6, 2, 0), ALL_DAY);
    expect(note).toMatchObject({ shift: 'day', handover: true, dueAt: bj(2026, 12, 6, 12, 0) });
    expect(followupReason(note, sayFrom(messages.zh))).toBe('交给下一位，2026-12-06 12:00 前处理完');
    expect(followupReason(note, sayFrom(messages.en))).toBe('For whoever is on next; finish by 2026-12-06 12:00');
    // Written at 19:50 (the default night shift's eve): the next noon, as a morning handover.
    const evening = handoverFollowup({ title: '补发赠品' }, bj(2026, 12, 6, 19, 50), ALL_DAY_8);
    expect(evening).toMatchObject({ shift: 'day', dueAt: bj(2026, 12, 7, 12, 0) });
    expect(handoverDeadline('night', bj(2026, 12, 6, 19, 50), ALL_DAY_8)).toBe(bj(2026, 12, 7, 12, 0));
  });

  it('what is handed to the night shift goes to the day shift: stored before, handed now, or marked by the old clock', () => {
    const at = bj(2026, 12, 6, 2, 0);
    const stored: Followup = { ...manualFollowup({ title: '核对地址' }, at, ALL_DAY), handover: true, shift: 'night', assignedAt: at };
    expect(handoverTarget(stored, ALL_DAY)).toEqual({ shift: 'day' });
    expect(handoverTarget(stored, DEFAULT_FOLLOWUP_SETTINGS)).toEqual({ shift: 'night' });
    // Marked handover with no shift (made "at night" under the default hours): the day's too.
    const old: Followup = { ...manualFollowup({ title: '催仓库' }, bj(2026, 12, 5, 22, 0), ALL_DAY), handover: true };
    expect(handoverTarget(old, ALL_DAY)).toEqual({ shift: 'day' });
    expect(handoverItems([stored, old], { shift: 'day' }, ALL_DAY).map((f) => f.id).sort()).toEqual([stored.id, old.id].sort());
    const handed = assignFollowup(manualFollowup({ title: '回访' }, at, ALL_DAY), { shift: 'night' }, at, ALL_DAY);
    expect(handoverTarget(handed, ALL_DAY)).toEqual({ shift: 'day' });
    // Its own due time (the end of the shop's day) stands: the day shift is on, nothing to wait for.
    expect(handed.dueAt).toBe(bj(2026, 12, 7, 0, 0));
  });

  it('24:00 as the end of the day shift is midnight, not a wrong time put back to 20:00', () => {
    // Stored (and imported) settings are read through normaliseSettings: 00:00–24:00 is the whole day.
    const s = normaliseSettings({ followups: { dayShift: { start: '00:00', end: '24:00' } } });
    expect(s.followups.dayShift).toEqual({ start: '00:00', end: '00:00' });
    const late = normaliseSettings({ followups: { dayShift: { start: '08:00', end: '24:00' } } }).followups;
    expect(late.dayShift).toEqual({ start: '08:00', end: '00:00' });
    expect(shiftAt(bj(2026, 12, 6, 23, 30), late)).toBe('day');
    expect(shiftAt(bj(2026, 12, 6, 0, 30), late)).toBe('night');
    expect(resolveSettings(late).dayShift.end).toBe('00:00');
  });
});
