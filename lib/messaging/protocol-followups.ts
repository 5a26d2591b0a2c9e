import type { Followup, FollowupKind, FollowupSettings, HandoverViewer, Shift } from '../domain/followups';
import { SCENARIO_IDS, type ScenarioId } from '../domain/scenarios';
import { NOTE_MAX } from '../domain/followups/notes';
import type { Platform } from '../sites/types';
import { s, type PageSchemas } from './schema';
import { BUYER_ID_MAX } from '../domain/customers/identity';

/**
 * Where an item sits on the list: handed to this agent or their shift (交接给我 / 夜班交接, first),
 * the three lists of todayView, the snoozed ones, and done today.
 */
export const FOLLOWUP_SECTIONS = ['handover', 'overdue', 'today', 'upcoming', 'snoozed', 'done'] as const;
export type FollowupSection = (typeof FOLLOWUP_SECTIONS)[number];

/** One kind within one section: its size and the first items (the rest is fetched on demand). */
export interface FollowupGroupSlice {
  section: FollowupSection;
  kind: FollowupKind;
  total: number;
  items: Followup[];
}

export interface FollowupList {
  /** The background's clock when the list was made (due times are shown relative to it). */
  now: number;
  counts: Record<FollowupSection, number> & { badge: number };
  /** Sections in display order, kinds within a section ordered by their most urgent item. */
  groups: FollowupGroupSlice[];
  /**
   * The consoles the items of every section come from, whatever was asked for: the popup tags its rows
   * with their console when there are several.
   */
  consoles?: Platform[];
  /** Shop time for formatting due times (minutes east of UTC; null = the browser's zone). */
  utcOffsetMinutes: number | null;
  /** The shop's follow-up settings (cut-off, shift hours): the times 推迟 offers are made from them. */
  settings?: FollowupSettings;
  /** The interface language, so the popup needs one round trip before its first render. */
  locale?: 'zh-CN' | 'en';
  /** Whose handover section this is (the team member and their shift, or the clock's shift). */
  viewer?: HandoverViewer;
  /** Where the item asked for with `reveal` sits (absent when it is not listed, e.g. done days ago). */
  revealed?: { section: FollowupSection; kind: FollowupKind; id: string };
}

/** Who a follow-up can be handed to from here. */
export interface HandoverTargets {
  /** This machine's shift now (team mode: the agent's own; otherwise the clock's). */
  shift: Shift;
  /** `shift` is the one the team member chose (options → 团队 → 我的班次; 夜班 in a 全天白班 shop is 白班), not the clock's. */
  chosen?: true;
  /** The signed-in team member, if any. */
  me?: string;
  /** The other team members (empty without team mode). */
  members: string[];
  /** The day shift runs round the clock (全天白班): there is no night shift to hand to. */
  allDay?: true;
}

/** `to`: a person (team mode), a shift, or null to take the item back. */
export type HandoverTo = { person: string } | { shift: Shift } | null;

export type UpdateFollowupRequest =
  | { id: string; action: 'done'; reason?: string }
  /** Without `until`: the kind's usual snooze (returns: a few days; unpaid: an hour, after 15:30 the next morning; else tomorrow morning). */
  | { id: string; action: 'snooze'; until?: number }
  | { id: string; action: 'note'; text: string }
  | { id: string; action: 'reopen' }
  | { id: string; action: 'assign'; to: HandoverTo };

/**
 * What the chat panel adds for the buyer in front of the agent: 咨询未拍 · 承诺答复 · 中差评, and the
 * after-sales ones (待收退货, with `exchange` for an exchange parcel; 待付退款; 约定回电 at a time).
 * An order page's panel adds the same but 咨询未拍, for its one order (buyer '' where it shows none).
 */
export const PANEL_KINDS = ['inquiry', 'promised-answer', 'bad-review', 'return-pending', 'refund-to-pay', 'call-back'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

export type AddFollowupRequest =
  /**
   * From the chat panel, for the buyer on the page (content scripts may add only these). `scenarios`:
   * the situation chips the panel showed (what the buyer asked about), carried by the item so
   * opening it later offers those replies (lib/domain/followups/rules.ts, PanelExtra).
   */
  | { kind: PanelKind; buyer: string; buyerId?: string | null; platform?: Platform; orderId?: string; note?: string; dueAt?: number; toShift?: Shift; toPerson?: string; scenarios?: ScenarioId[]; exchange?: boolean }
  /** From the popup: a to-do or a note for the next shift. */
  | { kind: 'manual' | 'handover'; title: string; buyer?: string; platform?: Platform; orderId?: string; note?: string; dueAt?: number; toShift?: Shift; toPerson?: string };

export interface FollowupsProtocol {
  /**
   * The day's list: counts, and the first `perGroup` items of every group of `sections` (default:
   * all); groups of other sections come with their count only (a collapsed section in the popup).
   * `reveal`: an item's id; its group comes with items up to it whatever its section, and
   * `revealed` says where it is (the popup keeps on screen the item the agent just added or handed over).
   */
  listFollowups: [{ perGroup?: number; sections?: FollowupSection[]; reveal?: string } | void, FollowupList];
  /** More items of one group, for scrolling/expanding in the popup. */
  listFollowupGroup: [{ section: FollowupSection; kind: FollowupKind; offset: number; limit: number }, { total: number; items: Followup[] }];
  updateFollowup: [UpdateFollowupRequest, Followup];
  /**
   * The item made, and its title as the interface's language shows it (`shownTitle`): the chat
   * panel says what it added in that language without carrying the follow-up messages itself.
   */
  addFollowup: [AddFollowupRequest, Followup & { shownTitle: string }];
  /** The day's list as CSV (UTF-8 with BOM, Chinese headers) for the shift handover. */
  exportFollowupsCsv: [void, { filename: string; csv: string; count: number }];
  /** Opens or focuses the item's chat/order page; its chat panel then shows the item's scenario first. */
  openFollowup: [{ id: string }, { url: string | null }];
  /** The shifts and team members a follow-up can be handed to (the panel's and popup's 交给… menu). */
  handoverTargets: [void, HandoverTargets];
  /** Content: the panel of a buyer's chat asks once which scenario to show first (after "open"; '': opened, none to show). */
  takePendingSuggestion: [{ buyer: string; buyerId?: string | null; platform?: Platform }, ScenarioId | '' | null];
  /**
   * The buyer card (its own extension frame, never the seller page): this buyer's follow-ups not yet
   * done, most urgent first, the first CARD_FOLLOWUPS_MAX of `total`, with the shop's zone for their due times.
   */
  buyerFollowups: [{ platform: Platform; nickname: string; buyerId?: string | null }, BuyerFollowups];
  /**
   * Content: the chat panel keeps (`draft`) or drops (null) a 承诺答复 typed and not added, for a
   * reload of its tab. Kept in storage.session (memory only; the page cannot read it) under the
   * sender's tab id as the browser gives it, never a tab the payload names, with the sender's page
   * origin; gone when the tab closes. `key`: the panel's own name for the buyer; `draft`: the
   * panel's own text (JSON of a PromiseDraft), which the worker only hands back to that tab.
   */
  keepPromiseDraft: [{ key: string; draft: string | null }, void];
  /** Content: this tab's kept 承诺答复 drafts, as [key, draft], for the page origin they were typed on. */
  promiseDrafts: [void, [string, string][]];
  /**
   * Content: the library's reply `templateId` went into this buyer's chat. A 催付 reply (its main
   * situation 付款) marks the buyer's open 拍下未付 items reminded (lib/domain/followups/reminded.ts);
   * `undo`: the `at` of such a mark, given back (the panel's 撤销). The orders changed ('' for none), and when;
   * `kept`: the reminder is kept for the buyer's orders placed before it that the list has no item for yet.
   */
  remindedUnpaid: [{ buyer: string; buyerId?: string | null; platform?: Platform; templateId: string; undo?: number; copied?: boolean }, { at: number; ids: string[]; orders: string[]; kept?: boolean }];
}

/** A 承诺答复 the panel's form holds, not added yet: whose it is, the note, the due time and 交给… as typed. */
export interface PromiseDraft {
  buyer: string;
  buyerId: string | null;
  note: string;
  /** The form's datetime-local value. */
  due?: string;
  /** The 交给… choice (HandoverPicker's value). */
  handTo?: string;
  scenarios?: ScenarioId[];
  /** Typed on an order page: the order it is about (its buyer may be '', where the page shows none). */
  orderId?: string;
}

/** The longest 承诺答复 draft kept for a reload, as JSON (a longer one stays in the tab's memory only). */
export const PROMISE_DRAFT_MAX = 6000;

/** The buyer card's follow-ups (buyerFollowups). */
export interface BuyerFollowups {
  items: Followup[];
  total: number;
  utcOffsetMinutes: number | null;
}

/** Follow-ups the buyer card lists at most (the rest is counted). */
export const CARD_FOLLOWUPS_MAX = 3;

/** Situations a panel item carries, at most (the panel shows up to three chips). */
export const SCENARIOS_MAX = 3;

/** Order ids as the consoles show them. */
export const ORDER_ID = /^[0-9A-Za-z-]{4,40}$/;

const panelItem = (kind: PanelKind) =>
  s.object({
    exchange: s.optional(s.boolean()),
    kind: s.oneOf([kind]),
    // '' from an order page that shows no buyer: the worker then requires the order (and no 咨询未拍).
    buyer: s.text({ max: 256 }),
    buyerId: s.optional(s.nullable(s.text({ max: BUYER_ID_MAX, min: 1 }))),
    platform: s.ownPlatform({ optional: true }),
    orderId: s.optional(s.text({ max: 40, pattern: /^$|^[0-9A-Za-z-]{4,40}$/ })),
    note: s.optional(s.nullable(s.text({ max: NOTE_MAX }))),
    dueAt: s.optional(s.nullable(s.number())),
    toShift: s.optional(s.oneOf(['day', 'night'])),
    toPerson: s.optional(s.text({ max: 64, min: 1 })),
    scenarios: s.optional(s.array(s.oneOf(SCENARIO_IDS), { max: SCENARIOS_MAX })),
  });

/** The buyer in front of the chat panel, on the page's own console. */
const who = () => ({
  buyer: s.text({ max: 256, min: 1 }),
  buyerId: s.optional(s.nullable(s.text({ max: BUYER_ID_MAX, min: 1 }))),
  platform: s.ownPlatform({ optional: true }),
});

/**
 * What a seller page may send (dispatch.ts checks it first; see README.md, "Schemas"): only the
 * chat panel's own kinds, for its own console.
 */
export const followupsPageSchemas = (): PageSchemas<FollowupsProtocol> => ({
  addFollowup: s.variants('kind', Object.fromEntries(PANEL_KINDS.map((k) => [k, panelItem(k)])) as Record<PanelKind, ReturnType<typeof panelItem>>),
  handoverTargets: s.none(),
  takePendingSuggestion: s.object(who()),
  remindedUnpaid: s.object({ ...who(), templateId: s.text({ max: 64, min: 1 }), undo: s.optional(s.number()), copied: s.optional(s.boolean()) }),
  keepPromiseDraft: s.object({ key: s.text({ max: 512, min: 1 }), draft: s.nullable(s.text({ max: PROMISE_DRAFT_MAX, min: 1 })) }),
  promiseDrafts: s.none(),
});

declare module './protocol' {
  interface Protocol extends FollowupsProtocol {}
}
