/**
 * When a promise's own words say it is due — 明天上午回复, 今晚8点前给您答复, 后天, 周五前, 2小时内 — read
 * into a time on the shop's clock, for a 承诺答复 whose form left the time empty (panelFollowup), and for
 * the form to show what it read before it is added. Only words that name a day (今天, 今晚, 明天, 后天,
 * 周五, 下周一…) or a span (2小时内) are read: a bare 8点 or 上午 in a note may be the morning the buyer
 * wrote, or the evening; the form's time field is there for those.
 *
 * Where the words give a day but no time of day:
 * - 上午 / 早上 / a day alone (明天回复, 周五前): the day shift's start (08:00 by default), the moment the
 *   agent who promised is back at work — the item is on her list first thing and she still answers
 *   within the morning she promised. 10:00 instead where the shift starts at noon or later, or runs
 *   round the clock (no start to come back at).
 * - 中午 12:00, 下午 14:00, 傍晚 18:00, 今晚 / 晚上 19:00 (inside the default day shift, which ends at
 *   20:00, so whoever promised it is still there), 今天 alone the day shift's end.
 * - A time written (今晚8点, 明天下午3点半) is the time, read as the cut-off is (time-words.ts parseClock:
 *   8点 with 晚上 is 20:00; 3点 with no part of the day 15:00). 前 / 之前 change nothing: by that time.
 * A weekday that begins or ends a range (周一到周五发货: when the shop works or ships) is no due day;
 * the words after it still are.
 * Null when nothing reads as a time, or it is not after `now` (今天上午 said in the afternoon).
 */
import { clockNumber, parseClock } from '../time-words';
import { atTime, fromWall, hhmm, HOUR, wallOf, type Zone } from '../time';
import { DEFAULT_FOLLOWUP_SETTINGS, type FollowupSettings } from './types';

const NUM = '\\d{1,2}|[一二两三四五六七八九十]{1,3}';
const PERIOD = '凌晨|早上|早晨|清晨|上午|中午|下午|傍晚|晚上|夜里|晚|早';
const CLOCK = `(?:${NUM})\\s*(?:[:：]\\s*\\d{2}|[点點]\\s*(?:半|(?:${NUM})\\s*分?|钟|整)?)`;
const WORDS = new RegExp(
  // A day word, then a part of the day and a time, each optional…
  `(大后天|后天|明天|明日|明早|明晚|今天|今日|今晚|今早|(下个?)?(?:周|星期|礼拜)([一二三四五六日天1-7]))\\s*(${PERIOD})?\\s*(${CLOCK})?` +
    // …or a span from now: 2小时内, 半小时后, 一个半小时之内.
    `|(${NUM}|半)\\s*个?\\s*(半)?\\s*(?:小时|钟头)\\s*(?:以?内|之内|后)`,
  'g',
);
/** 周一到周五 / 周一至周五 / 周一~周五: the days a shop works or ships, not a day the answer is due. */
const RANGE_AFTER = /^\s*(?:到|至|~|～|-|—|－)\s*(?:周|星期|礼拜)?[一二三四五六日天1-7]/;
const RANGE_BEFORE = /(?:到|至|~|～|-|—|－)\s*$/;
const DAYS: Record<string, number> = { 今天: 0, 今日: 0, 今晚: 0, 今早: 0, 明天: 1, 明日: 1, 明早: 1, 明晚: 1, 后天: 2, 大后天: 3 };
const WEEKDAY = '日一二三四五六';

/** The shop's day shift, minutes after midnight (start = end: round the clock). */
export interface DueShift {
  dayStart: number;
  dayEnd: number;
}

/** The time a promise's words say, and the words read; null when they say none still ahead. */
export function dueFromWords(text: string, now: number, zone: Zone, shift: DueShift): { dueAt: number; words: string } | null {
  const said = text.normalize('NFKC');
  let m: RegExpExecArray | null = null;
  for (const found of said.matchAll(WORDS)) {
    const at = found.index!;
    // A weekday that begins or ends a range of days is no due day: the next words are read instead.
    if (found[3] && (RANGE_AFTER.test(said.slice(at + found[0].length)) || RANGE_BEFORE.test(said.slice(0, at)))) continue;
    m = found;
    break;
  }
  if (!m) return null;
  const [words, day, next, weekday, period, clock, span, half] = m;
  let dueAt: number;
  if (span) dueAt = now + (span === '半' ? 0.5 : clockNumber(span) + (half ? 0.5 : 0)) * HOUR;
  else {
    let offset = DAYS[day!];
    if (offset === undefined) {
      const w = wallOf(now, zone);
      const today = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
      const target = /\d/.test(weekday!) ? Number(weekday) % 7 : WEEKDAY.indexOf(weekday === '天' ? '日' : weekday!);
      // 周五: this coming Friday (today if it is one); 下周五: the Friday of next week (weeks start on Monday).
      offset = next ? 7 - ((today + 6) % 7) + ((target + 6) % 7) : (target - today + 7) % 7;
    }
    const part = period ?? (/晚$/.test(day!) ? '晚上' : /早$/.test(day!) ? '早上' : '');
    const allDay = shift.dayStart === shift.dayEnd;
    const morning = !allDay && shift.dayStart < 12 * 60 ? shift.dayStart : 10 * 60;
    const minutes = clock
      ? parseClock(part + clock)
      : /晚|夜/.test(part)
        ? 19 * 60
        : part === '傍晚'
          ? 18 * 60
          : part === '下午'
            ? 14 * 60
            : part === '中午'
              ? 12 * 60
              : !part && offset === 0 && !allDay
                ? shift.dayEnd
                : morning;
    if (minutes === null) return null;
    const w = wallOf(atTime(now, 0, zone, offset), zone);
    dueAt = fromWall(w.year, w.month, w.day, minutes, zone);
  }
  return dueAt > now ? { dueAt, words: words.trim() } : null;
}

/**
 * The time a 承诺答复's note gives (dueFromWords) with the shop's settings as the worker reads them
 * (lib/storage/settings.ts followupSettingsOf: its zone and day shift): what panelFollowup makes the
 * item due at when no time was typed, and what the panel's form can say it read before the item is added.
 */
export function promiseDue(note: string, now: number, settings: Pick<FollowupSettings, 'utcOffsetMinutes' | 'dayShift'>): { dueAt: number; words: string } | null {
  const d = DEFAULT_FOLLOWUP_SETTINGS.dayShift;
  const shift = { dayStart: hhmm(settings.dayShift.start, d.start), dayEnd: hhmm(settings.dayShift.end, d.end) };
  return dueFromWords(note, now, settings.utcOffsetMinutes, shift);
}
