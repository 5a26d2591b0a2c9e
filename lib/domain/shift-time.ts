/**
 * A day shift's start or end as the shop lead types it (options → 跟进: 白班开始 / 白班结束) → HH:MM as
 * stored. Every form with one meaning is taken: 16:00, 16：00, １６：００, 16点, 16点半, 下午4点,
 * 晚上10点, 傍晚6点半, 中午12点, 上午9点15分, 凌晨2点, 4:00 PM / 4pm, 08:30.
 *
 * An hour that may be either half of the day is asked, never guessed (a wrong hour moves the night
 * shift and its handovers without a word):
 * - 1–12 with 点 and no part of the day (4点, 8点半, 12点): spoken time, either half.
 * - 1:00–5:59 with a colon and no am/pm (4:00, 5:30): as 24-hour writing that is before dawn, when no
 *   shop's day shift begins or ends; typed, it is most often a 12-hour afternoon (4:00 for 16:00).
 * A colon time from 6:00 to 12:59 is 24-hour writing, as written (8:30 is 08:30, 12:30 is half past
 * noon: a shop's 8:30 means the morning; the evening is written 20:30, 晚上8:30 or 8:30 PM). A leading
 * zero (04:00, 04点) says 24-hour time, as do hours 0 and 13–23.
 *
 * Unlike the cut-off (time-words.ts parseClock), 5点 is not taken as the afternoon: a cut-off is never
 * before dawn, a shift's end may be (a day shift of 22:00–06:00).
 */
import { hourInPeriod, readClockWords } from './time-words';

export type ShiftTime =
  /** HH:MM, as stored. */
  | { time: string }
  /** The two times it may mean, the earlier first: 4点 → ['04:00', '16:00']. */
  | { either: [string, string] }
  /** Not a time (24:00, 0830, 下午, ''). */
  | null;

const hhmm = (hour: number, minutes: number) => `${String(hour).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;

/** What a shift box holds: the time, the two it may mean, or null. */
export function readShiftTime(typed: string): ShiftTime {
  const c = readClockWords(typed);
  if (!c) return null;
  const { hour, minutes, period } = c;
  if (!period) {
    const zero = typed.normalize('NFKC').trim().startsWith('0');
    const asked = !zero && hour >= 1 && (c.colon ? hour <= 5 : hour <= 12);
    return asked ? { either: [hhmm(hour % 12, minutes), hhmm((hour % 12) + 12, minutes)] } : { time: hhmm(hour, minutes) };
  }
  // 晚上12点: midnight, where a late shift ends (the cut-off's reader leaves it unread: no shop cuts off then).
  const clock = hour === 12 && /^(晚上?|夜里|夜间)$/.test(period) ? 0 : hourInPeriod(hour, period);
  return clock === null ? null : { time: hhmm(clock, minutes) };
}

/** The box's time as stored (HH:MM), or null when it is asked or unread. */
export function shiftTimeOf(typed: string): string | null {
  const read = readShiftTime(typed);
  return read && 'time' in read ? read.time : null;
}
