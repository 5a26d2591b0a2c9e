/**
 * A time of day as shops write one — 16:00, 16点, 16点半, 下午4点, 傍晚5点半, 晚上八点, 4:30pm — read
 * into minutes after midnight, for the shipping cut-off (the options page's 截单时间, and the panel's
 * fill-in while the owner has not confirmed it). An hour of 1–7 written with 点 and no part of the
 * day is the afternoon (5点 = 17:00). Anything else is not guessed at: null, and the
 * caller says it was not understood (a wrong cut-off would promise wrong shipping days).
 */

/** Parts of the day, as words before the time: each moves an hour written 1–12 to where it is. */
const PERIOD = '凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|夜间|晚';
const AFTERNOON = /^(下午|傍晚|晚上|夜里|夜间|晚|pm|p\.m\.)$/i;
const MORNING = /^(凌晨|早上|早晨|清晨|上午|am|a\.m\.)$/i;

const NUMBER = '\\d{1,2}|[零一二两三四五六七八九十]{1,3}';

const CLOCK = new RegExp(
  `^(${PERIOD})?\\s*(${NUMBER})\\s*` +
    // 16:30 / 16：30 / 16.30, or 16点 / 16点半 / 16点30(分) / 4点钟 / 4点整 / 16时
    `(?:[:：.]\\s*(\\d{2})|[点點时時]\\s*(?:(半)|(${NUMBER})\\s*分?|钟|鐘|整)?)?` +
    `\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*$`,
  'i',
);

const CN_DIGIT: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 16, １６, 十六, 二十, 四 → the number; NaN when it is none. */
export function clockNumber(s: string): number {
  if (/^[0-9０-９]+$/.test(s)) return Number(s.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10)));
  const [tens, ones] = s.split('十');
  if (ones === undefined) return s.length === 1 ? (CN_DIGIT[s] ?? NaN) : NaN;
  return (tens ? (CN_DIGIT[tens] ?? NaN) : 1) * 10 + (ones ? (CN_DIGIT[ones] ?? NaN) : 0);
}

/** A time as written, before its part of the day is applied (readClockWords). */
export interface ClockWords {
  /** 0–23 as written: 4 in 下午4点 and in 4:00 PM. */
  hour: number;
  minutes: number;
  /** The part of the day or am/pm as written (下午, PM), '' when none. */
  period: string;
  /** Minutes after a colon (16:30, 8：30, 16.30), not after 点. */
  colon: boolean;
}

/**
 * The pieces of a time in a shop's words, shared by the cut-off (parseClock) and the shift hours
 * (shift-time.ts), which read an hour of 1–12 with no part of the day differently. Null when it
 * does not read as a time at all.
 */
export function readClockWords(value: string): ClockWords | null {
  const m = CLOCK.exec(value.normalize('NFKC').trim());
  if (!m) return null;
  const [, before, hourText, colonMinutes, half, pointMinutes, after] = m;
  // A bare number (16, 四) says no time of day: only with a mark of one (点, :, 下午, pm).
  if (!/[:：.点點时時]/.test(value) && !before && !after) return null;
  const hour = clockNumber(hourText!);
  const minutes = half ? 30 : clockNumber(colonMinutes ?? pointMinutes ?? '0');
  if (!(hour <= 23 && minutes <= 59)) return null;
  return { hour, minutes, period: after ?? before ?? '', colon: colonMinutes !== undefined };
}

/** An hour as written with its part of the day (下午 4 → 16, 12am → 0) → the hour on the clock, or null where none is meant. */
export function hourInPeriod(hour: number, period: string): number | null {
  if (AFTERNOON.test(period)) {
    // 下午4点 → 16:00; 晚上12点 is midnight's eve, not noon: not a cut-off anyone writes, so not guessed.
    if (hour === 12) return period === '晚' || /晚上|夜/.test(period) ? null : 12;
    return hour < 12 ? hour + 12 : hour;
  }
  if (MORNING.test(period)) return hour > 12 ? null : hour % 12;
  // 中午12点半, 中午1点: around noon.
  if (period === '中午') return hour >= 1 && hour <= 2 ? hour + 12 : hour < 11 || hour > 13 ? null : hour;
  return hour;
}

/** A time of day in a shop's words → minutes after midnight, or null when it does not read as one. */
export function parseClock(value: string): number | null {
  const c = readClockWords(value);
  if (!c) return null;
  // 5点 with no part of the day is the afternoon, as in a reply's own deadline (templates/variables.ts
  // todayDeadline): no shop cuts off before dawn. A colon time is read as written (05:00).
  const hour = hourInPeriod(!c.period && !c.colon && c.hour >= 1 && c.hour <= 7 ? c.hour + 12 : c.hour, c.period);
  return hour === null ? null : hour * 60 + c.minutes;
}
