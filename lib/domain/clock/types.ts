/** The reply clock: how long buyers wait, and the day's first-response figures. Pure data. */

export type ClockPlatform = 'taobao' | 'jd' | 'pdd' | 'douyin' | 'kuaishou' | 'demo' | 'taught';
export const CLOCK_PLATFORMS: readonly ClockPlatform[] = ['taobao', 'jd', 'pdd', 'douyin', 'kuaishou', 'demo', 'taught'];

export type ClockLevel = 'ok' | 'amber' | 'red';

/** When a wait turns amber and red, and which hours of the day count (shop time, 'HH:MM'). */
export interface ClockThresholds {
  amberSec: number;
  redSec: number;
  /**
   * Only time inside this daily window counts (Douyin: 08:00–23:00). null: all day, chosen over the
   * platform's default window; absent: all day where the platform has no default (in a stored or
   * patched record, absent is the platform's default: normaliseClockSettings).
   */
  window?: { from: string; to: string } | null;
}

export type ClockSettings = Record<ClockPlatform, ClockThresholds>;

/**
 * Platforms score the share of buyers answered within 3 minutes, so red is 3 minutes everywhere
 * and amber a minute earlier, leaving time to act. Douyin counts only 08:00–23:00 (issue #13). The
 * shop's after-sale 5 minutes (domain.md) is looser and the clock cannot tell the stage: README.md.
 */
export const DEFAULT_CLOCK_SETTINGS: ClockSettings = {
  taobao: { amberSec: 120, redSec: 180 },
  jd: { amberSec: 120, redSec: 180 },
  pdd: { amberSec: 120, redSec: 180 },
  douyin: { amberSec: 120, redSec: 180, window: { from: '08:00', to: '23:00' } },
  kuaishou: { amberSec: 120, redSec: 180 },
  demo: { amberSec: 120, redSec: 180 },
  taught: { amberSec: 120, redSec: 180 },
};

/** A message as the clock needs it (lib/sites ChatMessage fits). */
export interface TimedMessage {
  from: 'buyer' | 'agent';
  at?: number;
}

/** One answered wait, reported when the shop's reply appears after a buyer waited. */
export interface AnsweredWait {
  platform: ClockPlatform;
  /** A key for the conversation that holds no buyer data (a hash). */
  conversation: string;
  /** When the buyer's oldest unanswered message was sent and when the reply was, epoch ms. */
  since: number;
  at: number;
}

/** What the day's record keeps per platform: which conversations got a first response, and how fast. */
export interface PlatformDay {
  /** Conversation hashes answered today (each counts once). */
  conversations: string[];
  /** First response of each of those conversations, counted ms, same order. */
  firstMs: number[];
}

/** The local record of response times: per day (YYYY-MM-DD, the shop's day), per platform. */
export interface ClockLog {
  v: 1;
  days: Record<string, Partial<Record<ClockPlatform, PlatformDay>>>;
}

export interface PlatformSummary {
  platform: ClockPlatform;
  /** Conversations answered. */
  answered: number;
  medianSec: number | null;
  p90Sec: number | null;
  /**
   * The shop's red threshold for this platform (3 minutes by default, what the platforms score),
   * and the share of first responses within it, 0…1 (null with none): a shop that set red at 5
   * minutes sees its share within 5.
   */
  redSec: number;
  withinRed: number | null;
}
