/**
 * Wall-clock arithmetic in shop time, for every decision that depends on the shop's day: follow-up
 * rules (cut-off 16:00, noon after a night shift), the templates' shipping day and dates, remark
 * dates, the reply clock's days. They speak in local times of day while the code holds epoch ms;
 * these helpers convert between the two for a fixed UTC offset (Beijing has no daylight saving) or,
 * with `null`, the runtime's own zone. The zone comes from one setting,
 * `FollowupSettings.utcOffsetMinutes` (lib/storage/settings.ts `shopZone`).
 */

export type Zone = number | null;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface Wall {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** Minutes since local midnight. */
  minutes: number;
}

export function wallOf(ms: number, zone: Zone): Wall {
  if (zone === null) {
    const d = new Date(ms);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), minutes: d.getHours() * 60 + d.getMinutes() };
  }
  const d = new Date(ms + zone * MINUTE);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), minutes: d.getUTCHours() * 60 + d.getUTCMinutes() };
}

/** Epoch ms of a local date and time; day overflow (day 32, minutes 1500) rolls over. */
export function fromWall(year: number, month: number, day: number, minutes: number, zone: Zone): number {
  if (zone === null) return new Date(year, month - 1, day, 0, minutes).getTime();
  return Date.UTC(year, month - 1, day, 0, minutes) - zone * MINUTE;
}

/** `minutes` past local midnight on the day of `ms`, shifted by `dayOffset` days. */
export function atTime(ms: number, minutes: number, zone: Zone, dayOffset = 0): number {
  const w = wallOf(ms, zone);
  return fromWall(w.year, w.month, w.day + dayOffset, minutes, zone);
}

export function startOfDay(ms: number, zone: Zone): number {
  return atTime(ms, 0, zone);
}

export function minutesOfDay(ms: number, zone: Zone): number {
  return wallOf(ms, zone).minutes;
}

/** 'HH:MM' → minutes since midnight, or null when malformed. */
export function parseHHMM(value: string): number | null {
  const m = /^\s*(\d{1,2})[:：](\d{2})\s*$/.exec(value);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

export function hhmm(value: string, fallback: string): number {
  return parseHHMM(value) ?? (parseHHMM(fallback) as number);
}

/** 'YYYY-MM-DD' → the parts, or null. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { year, month, day };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:MM' in shop time. */
export function formatWall(ms: number, zone: Zone): string {
  const w = wallOf(ms, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(Math.floor(w.minutes / 60))}:${pad(w.minutes % 60)}`;
}

/** 'YYYY-MM-DD HH:MM:SS' in shop time (zones are whole minutes, so the seconds are the moment's own). */
export function formatWallSeconds(ms: number, zone: Zone): string {
  return `${formatWall(ms, zone)}:${pad(new Date(ms).getUTCSeconds())}`;
}

export function formatMinutes(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** 'YYYY-MM-DD': the shop's calendar day of a moment. */
export function isoDay(ms: number, zone: Zone): string {
  return formatWall(ms, zone).slice(0, 10);
}
