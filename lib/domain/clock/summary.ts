/** The daily first-response record: adding an answered wait, the day's summary, and CSV export. */
import { countedMs } from './wait';
import type { AnsweredWait, ClockLog, ClockPlatform, ClockSettings, PlatformSummary } from './types';
import { CLOCK_PLATFORMS, DEFAULT_CLOCK_SETTINGS } from './types';
import { isoDay, type Zone } from '../time';

/** Days kept in the local record. */
export const KEEP_DAYS = 62;

/**
 * The log with this wait added, when it is the conversation's first response of the day (later
 * answers in the same conversation do not change the day's figures). Old days are dropped. The day
 * is the shop's (`zone`, lib/storage/settings.ts shopZone): platforms score the day on their own
 * (Beijing) clock, so a reply at 07:30 Beijing counts for that day whatever the computer's zone.
 */
export function addAnswered(log: ClockLog, w: AnsweredWait, zone: Zone, settings: ClockSettings = DEFAULT_CLOCK_SETTINGS): ClockLog {
  const day = isoDay(w.at, zone);
  const days = { ...log.days };
  const today = { ...(days[day] ?? {}) };
  const p = today[w.platform] ?? { conversations: [], firstMs: [] };
  if (p.conversations.includes(w.conversation)) return log;
  const ms = countedMs(w.since, w.at, settings[w.platform]?.window, zone);
  today[w.platform] = { conversations: [...p.conversations, w.conversation], firstMs: [...p.firstMs, ms] };
  days[day] = today;
  const keep = Object.keys(days).sort().slice(-KEEP_DAYS);
  return { v: 1, days: Object.fromEntries(keep.map((k) => [k, days[k]!])) };
}

function nearestRank(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The day's figures per platform; the share is within each platform's red threshold (`settings`, the shop's). */
export function summariseDay(log: ClockLog, day: string, settings: ClockSettings = DEFAULT_CLOCK_SETTINGS): PlatformSummary[] {
  const d = log.days[day] ?? {};
  const out: PlatformSummary[] = [];
  for (const platform of CLOCK_PLATFORMS) {
    const p = d[platform];
    if (!p || !p.firstMs.length) continue;
    const sorted = [...p.firstMs].sort((a, b) => a - b);
    const redSec = (settings[platform] ?? DEFAULT_CLOCK_SETTINGS[platform]).redSec;
    out.push({
      platform,
      answered: p.conversations.length,
      medianSec: Math.round(nearestRank(sorted, 50) / 1000),
      p90Sec: Math.round(nearestRank(sorted, 90) / 1000),
      redSec,
      withinRed: sorted.filter((ms) => ms <= redSec * 1000).length / sorted.length,
    });
  }
  return out;
}

/**
 * Every day as CSV rows (UTF-8 with BOM so Excel/WPS open it right): day, platform and the figures,
 * the share within the shop's red threshold and that threshold.
 */
export function clockCsv(log: ClockLog, settings: ClockSettings = DEFAULT_CLOCK_SETTINGS, names: Partial<Record<ClockPlatform, string>> = {}): string {
  const rows = [['日期 day', '平台 platform', '已回复会话 answered', '首次响应中位数(秒) median s', '首次响应P90(秒) p90 s', '红色阈值内占比 within red', '红色阈值(秒) red s']];
  for (const day of Object.keys(log.days).sort()) {
    for (const s of summariseDay(log, day, settings)) {
      rows.push([day, names[s.platform] ?? s.platform, String(s.answered), String(s.medianSec), String(s.p90Sec), s.withinRed === null ? '' : s.withinRed.toFixed(3), String(s.redSec)]);
    }
  }
  return '\ufeff' + rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
}

/** Keeps only well-formed days and platforms (a damaged record loses its damaged parts only). */
export function normaliseClockLog(input: unknown): ClockLog {
  const days: ClockLog['days'] = {};
  const raw = (input && typeof input === 'object' ? (input as { days?: unknown }).days : null) ?? {};
  if (raw && typeof raw === 'object') {
    for (const [day, v] of Object.entries(raw as Record<string, unknown>)) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !v || typeof v !== 'object') continue;
      const out: ClockLog['days'][string] = {};
      for (const p of CLOCK_PLATFORMS) {
        const e = (v as Record<string, { conversations?: unknown; firstMs?: unknown }>)[p];
        if (!e || !Array.isArray(e.conversations) || !Array.isArray(e.firstMs) || e.conversations.length !== e.firstMs.length) continue;
        if (!e.firstMs.every((x) => typeof x === 'number' && x >= 0)) continue;
        out[p] = { conversations: e.conversations.map(String), firstMs: e.firstMs as number[] };
      }
      days[day] = out;
    }
  }
  return { v: 1, days };
}
