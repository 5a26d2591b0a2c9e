import { describe, expect, it } from 'vitest';
import { parseClock } from './time-words';

const hm = (v: string) => {
  const m = parseClock(v);
  return m === null ? null : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

describe('a time of day as shops write one', () => {
  it('reads clock times, 点 times (1–7点 alone: the afternoon), parts of the day and am/pm', () => {
    const cases: Record<string, string> = {
      '16:00': '16:00', '9:05': '09:05', '16：30': '16:30', '16.30': '16:30', '１６：００': '16:00',
      '16点': '16:00', '16点半': '16:30', '16点30': '16:30', '16点30分': '16:30', '16时': '16:00', '4点钟': '16:00', '8点': '08:00', '05:00': '05:00',
      '下午4点': '16:00', '下午 4 点': '16:00', '下午4:30': '16:30', '下午四点': '16:00', '傍晚5点半': '17:30', '晚上八点': '20:00',
      '下午16点': '16:00', '上午10点': '10:00', '中午12点': '12:00', '中午1点半': '13:30', '凌晨12点': '00:00', '下午十二点半': '12:30',
      '4pm': '16:00', '4:30pm': '16:30', '4:30 PM': '16:30', '11 a.m.': '11:00', '12pm': '12:00', '12am': '00:00',
      '十点十五': '10:15', '二十点': '20:00', '两点': '14:00', '下午两点十分': '14:10',
    };
    for (const [typed, want] of Object.entries(cases)) expect([typed, hm(typed)]).toEqual([typed, want]);
  });

  it('does not guess: a bare number, an hour past 23, minutes past 59, a morning hour past 12, words', () => {
    for (const typed of ['16', '四', '', '24:00', '16:60', '上午16点', '晚上12点', '下午', '四点多', '16:00前', 'abc', '1630', '下午4点到5点'])
      expect([typed, parseClock(typed)]).toEqual([typed, null]);
  });
});
