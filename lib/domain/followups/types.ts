import type { NoShipDays } from '../ship-days';
import type { ScenarioId } from '../scenarios';
import type { OrderRow, Platform } from '../../sites/types';

/** 1 → 2: `buyerId`, and buyer names normalised (migrate.ts). */
export const FOLLOWUP_VERSION = 2;

/** Every kind. The order the popup lists them in (what to act on first) is FOLLOWUP_PRIORITY, priority.ts. */
export const FOLLOWUP_KINDS = [
  'unpaid',
  'delay',
  'bad-review',
  'promised-answer',
  'handover',
  'refund-to-pay',
  'postage-refund',
  'return-pending',
  'call-back',
  'inquiry',
  'vip-revisit',
  'manual',
] as const;
export type FollowupKind = (typeof FOLLOWUP_KINDS)[number];

export const FOLLOWUP_STATUSES = ['open', 'done', 'snoozed'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

export const FOLLOWUP_SOURCES = ['order', 'remark', 'customer', 'panel', 'manual'] as const;
export type FollowupSource = (typeof FOLLOWUP_SOURCES)[number];

export interface Followup {
  v: typeof FOLLOWUP_VERSION;
  /** Deterministic from the source ('unpaid:<orderId>', 'vip-revisit:<customerKey>'), so re-reading a page never duplicates. */
  id: string;
  kind: FollowupKind;
  /**
   * Short Chinese title, e.g. "拍下未付：小明", or the agent's words. Shown through followupTitle
   * (text.ts), which makes the rules' titles again in the interface's language.
   */
  title: string;
  /** Why the item is on the list, in Chinese, e.g. "拍下超过 30 分钟未付款，16:00 截单前催付". */
  reason: string;
  /**
   * The message `reason` was made from (a `followups.reason.*` key of lib/i18n/messages/followups.ts)
   * and its values, so it is shown in the interface's language (followupReason, text.ts). Absent on
   * items made before it existed: they show `reason`.
   */
  why?: { key: string; params?: Record<string, string | number> };
  /** The buyer's shown nickname (normalised, see normaliseNickname). */
  buyer?: string;
  /** The console's id of the buyer, where the page showed one (see lib/domain/customers/README.md). */
  buyerId?: string;
  platform?: Platform;
  orderId?: string;
  createdAt: number;
  dueAt: number;
  status: FollowupStatus;
  snoozedUntil?: number;
  note?: string;
  /**
   * Note lines an undo took back (the `催过` line of a payment reminder undone, reminded.ts), one
   * entry per line taken. Kept so a team merge, which joins both machines' logs, does not bring the
   * line back from a colleague's copy made before the undo reached it (lib/team/docs.ts mergeFollowup).
   */
  noteUndone?: string[];
  closedAt?: number;
  /**
   * When the agent last reopened it (重新打开, or the same item made again after it was closed), or
   * saved a purple remark with a new ship date for it through the panel (a new promise, written then).
   * Kept through a later snooze, note or close: a team merge lets the later of a close and a reopen
   * decide (lib/team/docs.ts mergeFollowup). The rules' own reopens (a delay checked again, a promise
   * read from a page, a new VIP month) set none: the page decides those again at its next read.
   */
  reopenedAt?: number;
  /**
   * A delay item: when the agent saved, through the panel, the purple remark whose ship date it is
   * due on (with `reopenedAt`). Kept through a later snooze, note or close. In a team merge a version
   * holding a later-written promise wins over one that never had it (a colleague's close of the old
   * date is not a close of the new one; lib/team/docs.ts mergeFollowup).
   */
  promisedAt?: number;
  /** Why it was closed ("买家已付款", or the agent's words). */
  closedReason?: string;
  /** Handed to the next shift: a handover note, a to-do made at night (README: Night), or handed over by the agent. */
  handover?: boolean;
  source: FollowupSource;
  /** Scenario whose reply scripts the panel offers for this item (unpaid → 'payment'). */
  suggestScenario?: ScenarioId;
  /** Where to handle it (the order or chat page). */
  url?: string;
  /** Team mode: the team member who should handle it (user name), or … */
  assignee?: string;
  /** … the shift that should (the next shift after a handover). */
  shift?: 'day' | 'night';
  /** When it was last assigned (the later assignment wins when two machines assign at once). */
  assignedAt?: number;
}

export interface FollowupSettings {
  /** Daily shipping cut-off, 'HH:MM' shop time. */
  cutoff: string;
  /** An unpaid order becomes a follow-up after this many minutes. */
  unpaidAfterMinutes: number;
  /** The day shift; everything outside it is the night shift. */
  dayShift: { start: string; end: string };
  /** Payment reminders are due this long before the cut-off (16:00 → 15:30). */
  notifyBeforeCutoffMinutes: number;
  /** Night-shift items are due by this time the next morning. */
  handoverDue: string;
  /** Returns waiting for the parcel are re-checked this often. */
  returnRecheckDays: number;
  /** VIP buyers are revisited this long after the last contact. */
  vipRevisitDays: number;
  /** A VIP revisit appears on the list this many days before it is due. */
  vipLeadDays: number;
  /** A promised answer is due this many hours after the promise. */
  promisedAnswerHours: number;
  /**
   * Shop time as minutes east of UTC. Default 480 (Beijing): cut-offs and order times on Chinese
   * consoles are Beijing time whatever the agent's computer says. null = the browser's own zone.
   */
  utcOffsetMinutes: number | null;
  /** Days the shop does not ship (the options page's, ShopSettings.noShip): no cut-off to remind before, no promise due. */
  noShip?: NoShipDays;
}

export const DEFAULT_FOLLOWUP_SETTINGS: FollowupSettings = {
  cutoff: '16:00',
  unpaidAfterMinutes: 30,
  dayShift: { start: '08:00', end: '20:00' },
  notifyBeforeCutoffMinutes: 30,
  handoverDue: '12:00',
  returnRecheckDays: 2,
  vipRevisitDays: 30,
  vipLeadDays: 3,
  promisedAnswerHours: 24,
  utcOffsetMinutes: 480,
};

/**
 * What followupsFromOrders needs of an order row. OrderRow (lib/sites/types.ts) fits as it is;
 * `platform` is optional because rows do not carry it (pass it when known).
 */
export type OrderInput = Pick<OrderRow, 'orderId' | 'buyer' | 'buyerId' | 'status' | 'createdAt' | 'flag' | 'remark'> & {
  platform?: Platform;
  url?: string;
};

interface FactCommon {
  orderId: string;
  buyer: string;
  /** The console's id of the buyer, where the page showed one (JD's pin on the order list). */
  buyerId?: string | null;
  platform?: Platform;
  /** Kept as the item's first note (e.g. why the order is delayed). */
  note?: string;
  reason?: string;
  /** The console page the remark was read or saved on (the order page): the item's 打开. */
  url?: string;
}

/**
 * Facts read out of saved order remarks (flag + text) that make follow-ups. The remarks module
 * (lib/domain/remarks/facts.ts) produces these shapes directly; its kind names
 * 'postage-refund-pending' and 'compensation-pending' are accepted as aliases.
 */
export type RemarkFact = FactCommon &
  (
    /** Purple remark (delay / out of stock) with the date it can ship, 'YYYY-MM-DD' shop time. */
    | { kind: 'ship-promised'; date: string }
    /** Green remark or after-sale record: return or exchange agreed, waiting for the buyer's parcel. */
    | { kind: 'return-pending'; exchange?: boolean }
    /** A refund or a compensation (折价) the shop still has to pay; `afterReturn`: once the returned parcel is in. */
    | { kind: 'refund-pending' | 'compensation-pending'; amountYuan?: number; afterReturn?: boolean }
    /** Postage the shop owes the buyer (quality return). */
    | { kind: 'postage-refund' | 'postage-refund-pending'; amountYuan?: number }
  );

/** Any fact the remarks module emits; kinds that make no follow-up (verified, contact-changed…) are ignored. */
export type AnyRemarkFact = RemarkFact | { kind: string; orderId: string; buyer: string };

export const REMARK_FACT_KINDS: ReadonlySet<string> = new Set([
  'ship-promised',
  'return-pending',
  'refund-pending',
  'compensation-pending',
  'postage-refund',
  'postage-refund-pending',
]);

/** What a rule run asks storage to do: put these items, close these (if still open). */
export interface RuleResult {
  upserts: Followup[];
  closes: { id: string; reason: string }[];
}
