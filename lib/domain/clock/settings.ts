/** The shop's thresholds per platform, as edited in the options page; bad values fall back to the defaults. */
import { CLOCK_PLATFORMS, DEFAULT_CLOCK_SETTINGS, type ClockSettings, type ClockThresholds } from './types';

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function normaliseClockSettings(input: unknown): ClockSettings {
  const r = (input && typeof input === 'object' ? input : {}) as Record<string, Partial<ClockThresholds> | undefined>;
  const out = {} as ClockSettings;
  for (const p of CLOCK_PLATFORMS) {
    const d = DEFAULT_CLOCK_SETTINGS[p];
    const v = r[p] ?? {};
    const sec = (x: unknown, fallback: number) => (typeof x === 'number' && Number.isFinite(x) && x >= 5 && x <= 86_400 ? Math.round(x) : fallback);
    const amberSec = sec(v.amberSec, d.amberSec);
    const redSec = Math.max(sec(v.redSec, d.redSec), amberSec);
    // null: the shop counts all day (ClockThresholds.window); absent or malformed: the platform's default.
    const w = v.window;
    const window = w === null ? null : w && HHMM.test(w.from) && HHMM.test(w.to) && w.from < w.to ? { from: w.from, to: w.to } : d.window;
    const t: ClockThresholds = { amberSec, redSec };
    if (window) t.window = window;
    // Kept as null where the platform has a default window: stored absent, it would read back as that default.
    else if (d.window && window === null) t.window = null;
    out[p] = t;
  }
  return out;
}
