import { db } from './db';
import { migrate, type RecordSchema } from './versioned';
import { DEFAULT_SETTINGS, type ShopSettings } from '../domain/templates/types';
import { isScenarioId, type ScenarioId } from '../domain/scenarios';
import { DEFAULT_FOLLOWUP_SETTINGS, type FollowupSettings } from '../domain/followups/types';
import { midnightAs0, resolveSettings } from '../domain/followups/rules';
import { CLOCK_PLATFORMS, DEFAULT_CLOCK_SETTINGS, normaliseClockSettings, type ClockSettings } from '../domain/clock';
import type { Zone } from '../domain/time';
import type { NoShipDays } from '../domain/ship-days';

export interface AppSettings {
  v: 1;
  shop: ShopSettings;
  /** The in-page panel's remembered state. */
  panel: { collapsed: boolean };
  /** Cue phrases the shop adds per scenario for the classifier. */
  shopCues: Partial<Record<ScenarioId, string[]>>;
  /** learnFromPicks: the panel learns from the agent's insertions and chip corrections (lib/domain/suggest/learned.ts). */
  privacy: { maskPii: boolean; retentionDays: number; learnFromPicks: boolean };
  /** Follow-up list: shift hours and reminder rules (the cut-off itself is `shop.cutoff`). */
  followups: FollowupPrefs;
  /** Reply clock: when a waiting buyer turns amber and red, per platform (Douyin counts 08:00–23:00). */
  replyClock: ClockSettings;
  /**
   * The first-run checklist's steps the owner has done (components/options/FirstRun.tsx): set by
   * saving or confirming there, never inferred from a value being filled in — the cut-off's 16:00 is
   * a default, not the shop's. Absent (the defaults, a page's copy before it loads): none done.
   * `cutoff` unconfirmed: the panel asks the agent for the time a reply would promise.
   */
  setup?: SetupSteps;
}

export const SETUP_STEPS = ['cutoff', 'remarks', 'limits', 'imported'] as const;
export type SetupSteps = Record<(typeof SETUP_STEPS)[number], boolean>;

/** The follow-up settings the agent edits; the rest of FollowupSettings keeps the domain defaults. */
export type FollowupPrefs = Pick<FollowupSettings, 'unpaidAfterMinutes' | 'dayShift' | 'notifyBeforeCutoffMinutes'> & {
  /** Desktop notifications before the cut-off for unpaid orders (off unless the agent turns them on). */
  notify: boolean;
};

const DEFAULT_FOLLOWUP_PREFS: FollowupPrefs = {
  unpaidAfterMinutes: DEFAULT_FOLLOWUP_SETTINGS.unpaidAfterMinutes,
  dayShift: { ...DEFAULT_FOLLOWUP_SETTINGS.dayShift },
  notifyBeforeCutoffMinutes: DEFAULT_FOLLOWUP_SETTINGS.notifyBeforeCutoffMinutes,
  notify: false,
};

/** The rules' settings: the agent's follow-up choices plus the shop's cut-off and zone. */
export function followupSettingsOf(s: AppSettings): FollowupSettings {
  return resolveSettings({ ...s.followups, cutoff: s.shop.cutoff, utcOffsetMinutes: shopZone(s), noShip: s.shop.noShip });
}

/**
 * Shop time (FollowupSettings.utcOffsetMinutes, minutes east of UTC; null = the browser's zone): the
 * one zone of every shop-day decision — follow-ups, the templates' shipping day and dates, remark
 * dates, the reply clock's days and counting window. The settings keep none of their own yet (the
 * options page offers none), so it is the default, Beijing: Chinese consoles, cut-offs and platform
 * rules run on Beijing time whatever the agent's computer says. Stored one day, it is read here
 * (and the options page's cut-off help, options.cutoffHelp, which names Beijing time, changes too).
 */
export function shopZone(_s: AppSettings): Zone {
  return DEFAULT_FOLLOWUP_SETTINGS.utcOffsetMinutes;
}

export const DEFAULT_APP_SETTINGS: AppSettings = {
  v: 1,
  shop: DEFAULT_SETTINGS,
  panel: { collapsed: false },
  shopCues: {},
  privacy: { maskPii: true, retentionDays: 0, learnFromPicks: true },
  followups: DEFAULT_FOLLOWUP_PREFS,
  replyClock: DEFAULT_CLOCK_SETTINGS,
};

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The days the shop does not ship as stored (an import, a backup, an older copy): weekdays 0–6 and
 * well-formed date ranges kept, anything else dropped; none at all is no field (it ships every day).
 * All seven weekdays would leave no day to ship: the options page refuses that, and here it is dropped.
 */
function noShipOf(v: any): { noShip?: NoShipDays } {
  const weekdays = [0, 1, 2, 3, 4, 5, 6].filter((d) => Array.isArray(v?.weekdays) && v.weekdays.includes(d));
  const dates = (Array.isArray(v?.dates) ? v.dates : [])
    .filter((d: any) => ISO_DAY.test(d?.from) && ISO_DAY.test(d.to) && d.from <= d.to)
    .map(({ from, to }: any) => ({ from, to }))
    .slice(0, 200);
  if (weekdays.length > 6) weekdays.length = 0;
  return weekdays.length || dates.length ? { noShip: { weekdays, dates } } : {};
}

/** Keeps only well-formed values; anything else falls back to the default. */
export function normaliseSettings(input: unknown): AppSettings {
  const r = (input && typeof input === 'object' ? input : {}) as Record<string, any>;
  const shop = (r.shop && typeof r.shop === 'object' ? r.shop : {}) as Record<string, unknown>;
  const cues: Partial<Record<ScenarioId, string[]>> = {};
  if (r.shopCues && typeof r.shopCues === 'object') {
    for (const [id, list] of Object.entries(r.shopCues as Record<string, unknown>)) {
      if (!isScenarioId(id) || !Array.isArray(list)) continue;
      const phrases = list.map((p) => String(p).trim()).filter((p) => p.length > 0 && p.length <= 30);
      if (phrases.length) cues[id] = [...new Set(phrases)].slice(0, 200);
    }
  }
  const f = (r.followups && typeof r.followups === 'object' ? r.followups : {}) as Record<string, any>;
  const count = (v: unknown, fallback: number, max: number) =>
    typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.min(Math.round(v), max) : fallback;
  const time = (v: unknown, fallback: string) => (typeof v === 'string' && HHMM.test(v) ? v : fallback);
  const cutoff = time(shop.cutoff, DEFAULT_SETTINGS.cutoff);
  return {
    v: 1,
    shop: {
      agentName: typeof shop.agentName === 'string' ? shop.agentName.slice(0, 40) : '',
      shopName: typeof shop.shopName === 'string' ? shop.shopName.slice(0, 60) : '',
      cutoff,
      ...noShipOf(shop.noShip),
      locale: shop.locale === 'en' ? 'en' : 'zh-CN',
    },
    panel: { collapsed: r.panel?.collapsed === true },
    shopCues: cues,
    privacy: {
      maskPii: r.privacy?.maskPii !== false,
      retentionDays: count(Number(r.privacy?.retentionDays), 0, 3650),
      learnFromPicks: r.privacy?.learnFromPicks !== false,
    },
    followups: {
      unpaidAfterMinutes: count(f.unpaidAfterMinutes, DEFAULT_FOLLOWUP_PREFS.unpaidAfterMinutes, 24 * 60),
      // 24:00 (a shift that ends at midnight, as an imported file may say) is 00:00, not a wrong time
      // put back to the default 20:00 without a word; 00:00–00:00 is the day shift round the clock.
      dayShift: {
        start: time(midnightAs0(f.dayShift?.start), DEFAULT_FOLLOWUP_PREFS.dayShift.start),
        end: time(midnightAs0(f.dayShift?.end), DEFAULT_FOLLOWUP_PREFS.dayShift.end),
      },
      notifyBeforeCutoffMinutes: count(f.notifyBeforeCutoffMinutes, DEFAULT_FOLLOWUP_PREFS.notifyBeforeCutoffMinutes, 12 * 60),
      notify: f.notify === true,
    },
    replyClock: normaliseClockSettings(r.replyClock),
    // A cut-off other than the default was set by someone before these steps were stored (an update).
    setup: Object.fromEntries(SETUP_STEPS.map((k) => [k, r.setup?.[k] === true || (k == 'cutoff' && cutoff != DEFAULT_SETTINGS.cutoff)])) as SetupSteps,
  };
}

export const SETTINGS_SCHEMA: RecordSchema<AppSettings> = {
  version: 1,
  // v0: the prototype stored ShopSettings flat at the top level.
  steps: [(r) => ('shop' in r ? r : { shop: { ...r } })],
  finish: normaliseSettings,
};

/** Its key in the meta store (导入全部数据 writes it whole). */
export const SETTINGS_KEY = 'settings';

export async function loadSettings(): Promise<AppSettings> {
  const raw = await db.get<unknown>('meta', SETTINGS_KEY);
  return raw === undefined ? structuredClone(DEFAULT_APP_SETTINGS) : migrate(raw, SETTINGS_SCHEMA);
}

const MERGED = ['shop', 'panel', 'privacy', 'followups', 'setup'] as const;

/** Merges a partial change atomically, so two tabs changing different settings keep both. */
export async function patchSettings(patch: DeepPartial<AppSettings>): Promise<AppSettings> {
  let result = DEFAULT_APP_SETTINGS;
  await db.update<unknown>('meta', SETTINGS_KEY, (old) => {
    const current = old === undefined ? DEFAULT_APP_SETTINGS : migrate(old, SETTINGS_SCHEMA);
    // Each section merged with its patch (shopCues is one value: replaced whole, or kept).
    result = normaliseSettings({
      ...current,
      ...Object.fromEntries(MERGED.map((k) => [k, { ...current[k], ...patch[k] }])),
      // The clock one platform deeper: a patch of Douyin's window alone keeps its thresholds.
      replyClock: Object.fromEntries(CLOCK_PLATFORMS.map((p) => [p, { ...current.replyClock[p], ...patch.replyClock?.[p] }])),
      shopCues: patch.shopCues ?? current.shopCues,
    });
    return result;
  });
  return result;
}

export type DeepPartial<T> = { [K in keyof T]?: NonNullable<T[K]> extends object ? Partial<NonNullable<T[K]>> : T[K] };
