/** How long the open buyer has waited, counted the way the platform counts it. */
import type { ClockLevel, ClockThresholds, TimedMessage } from './types';
import { atTime, type Zone } from '../time';
import type { Locale } from '@/lib/i18n/lookup';
import { fnv1a } from '../hash';

/**
 * The hash a conversation's answered wait is logged under (meta `replyClock`): of its platform and its
 * console id or nickname, never the name itself. Deleting a buyer (customers/forget.ts) blanks the same hashes.
 */
export const conversationHash = (platform: string, key: string): string => fnv1a(`${platform}\u0000${key}`);

/**
 * Epoch ms of the buyer's oldest message after the shop's last reply (the earliest time shown), or null when nobody waits
 * (the last message is the shop's, or the buyer messages carry no time).
 */
export function waitingSince(messages: readonly TimedMessage[]): number | null {
  let since: number | null = null;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.from === 'agent') break;
    if (typeof m.at === 'number' && Number.isFinite(m.at)) since = since === null ? m.at : Math.min(since, m.at);
  }
  return since;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * Milliseconds between `from` and `to` that count: all of them, or only those inside the daily
 * window, in shop time (`zone`, lib/storage/settings.ts shopZone): Douyin counts 08:00–23:00 on its
 * own (Beijing) clock, so a message at 23:30 answered at 08:02 waited 2 minutes whatever zone the
 * agent's computer is on.
 */
export function countedMs(from: number, to: number, window: ClockThresholds['window'] | undefined, zone: Zone): number {
  if (to <= from) return 0;
  if (!window) return to - from;
  const open = minutesOf(window.from);
  const close = minutesOf(window.to);
  let total = 0;
  // Walk the shop's days the wait spans (at most a few in practice; capped at 60).
  for (let i = 0, day = from; i < 60 && atTime(day, 0, zone) < to; i++, day = atTime(day, 0, zone, 1)) {
    total += Math.max(0, Math.min(to, atTime(day, close, zone)) - Math.max(from, atTime(day, open, zone)));
  }
  return total;
}

export function clockLevel(waitMs: number, t: ClockThresholds): ClockLevel {
  if (waitMs >= t.redSec * 1000) return 'red';
  if (waitMs >= t.amberSec * 1000) return 'amber';
  return 'ok';
}

/**
 * A wait as the agent reads it, in the interface's language: "45秒" "2分5秒" "41分" "1小时17分"
 * "8天9小时" / "45s" "2m 5s" "41m" "1h 17m" "8d 9h". Seconds only under 10 minutes, where the amber
 * and red thresholds are (2 and 3 minutes by default), minutes only under a day (189小时4分 read as
 * nothing at a glance); a zero part is left out. The card and the 等待中 list both use it.
 */
export function formatWait(ms: number, locale: Locale): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const [d, h, m, sec] = [Math.floor(s / 86400), Math.floor(s / 3600) % 24, Math.floor(s / 60) % 60, s % 60];
  const units = locale === 'en' ? ['d', 'h', 'm', 's'] : ['天', '小时', '分', '秒'];
  const parts = (d ? [d, h, 0, 0] : [0, h, m, h || s >= 600 ? 0 : sec]).map((n, i) => (n ? n + units[i]! : '')).filter(Boolean);
  return parts.join(locale === 'en' ? ' ' : '') || '0' + units[3];
}

/** Milliseconds until the level next changes (for the one countdown timer), or null when already red. */
export function msUntilNextLevel(waitMs: number, t: ClockThresholds): number | null {
  if (waitMs < t.amberSec * 1000) return t.amberSec * 1000 - waitMs;
  if (waitMs < t.redSec * 1000) return t.redSec * 1000 - waitMs;
  return null;
}
