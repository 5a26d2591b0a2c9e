import { describe, expect, it } from 'vitest';
import { atTime, isoDay, wallOf } from './time';

const BEIJING = 480;
const LOS_ANGELES = -480; // PST, no daylight saving in November–February

describe('shop time', () => {
  // 2026-11-23 15:30 in Beijing is 07:30 UTC and 23:30 on the 22nd in Los Angeles.
  const moment = Date.UTC(2026, 10, 23, 7, 30);

  it('reads the same moment as the shop sees it, whatever zone the computer is in', () => {
    expect(wallOf(moment, BEIJING)).toEqual({ year: 2026, month: 11, day: 23, minutes: 15 * 60 + 30 });
    expect(wallOf(moment, LOS_ANGELES)).toEqual({ year: 2026, month: 11, day: 22, minutes: 23 * 60 + 30 });
  });

  it("names the shop's calendar day of a moment", () => {
    expect(isoDay(moment, BEIJING)).toBe('2026-11-23');
    expect(isoDay(moment, LOS_ANGELES)).toBe('2026-11-22');
    // Just after midnight in Beijing is still the evening before in UTC.
    expect(isoDay(Date.UTC(2026, 11, 31, 16, 5), BEIJING)).toBe('2027-01-01');
  });

  it("finds a time of day on the shop's day, rolling over months", () => {
    expect(atTime(moment, 16 * 60, BEIJING)).toBe(Date.UTC(2026, 10, 23, 8, 0));
    expect(atTime(Date.UTC(2026, 10, 30, 10, 0), 0, BEIJING, 1)).toBe(Date.UTC(2026, 10, 30, 16, 0));
  });
});
