import type { Platform } from '../../sites/types';

/**
 * Schema version of a stored customer record. Every record carries `v` from the first version on.
 * 1 → 2: the console's buyer id (`buyerId`, key `${platform}#${id}`) and normalised nicknames.
 */
export const CUSTOMER_VERSION = 2;

/** How many history events a record keeps; older ones are dropped and counted. */
export const HISTORY_CAP = 200;
/** Distinct order ids remembered per customer (only needed to tell a returning buyer). */
export const ORDER_IDS_CAP = 100;

export const SEGMENTS = ['new', 'returning', 'vip', 'difficult'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const PLATFORMS: readonly Platform[] = ['demo', 'taobao', 'jd', 'pdd', 'douyin', 'kuaishou', 'taught'];

/** Body measurements and sizes that save asking a buyer twice. Lengths in cm, weight in kg. */
export interface Sizes {
  heightCm?: number;
  weightKg?: number;
  /** Clothing size the buyer usually wears, e.g. 'M', 'XL', '均码'. */
  usualSize?: string;
  /** Chinese/EU shoe size, e.g. 38 or 38.5. */
  shoeSize?: number;
  bustCm?: number;
  waistCm?: number;
}

export const EVENT_KINDS = ['note', 'remark-saved', 'template-used', 'followup-done', 'order-seen', 'issue'] as const;
export type CustomerEventKind = (typeof EVENT_KINDS)[number];

export interface CustomerEvent {
  /** Stable id; history is a set keyed by it (merges take the union). */
  id: string;
  /** Epoch ms. */
  at: number;
  kind: CustomerEventKind;
  text: string;
  /** What the event refers to: an order id, a template id, a follow-up id. */
  ref?: string;
}

export interface Customer {
  v: typeof CUSTOMER_VERSION;
  /** `${platform}#${buyerId}` when the console shows an id, else `${platform}:${nickname}`; see buyerKey(). */
  key: string;
  platform: Platform;
  /** The console's stable id of the buyer (Pinduoduo uid, JD pin…), when the page shows one. */
  buyerId?: string;
  /** The name shown (normalised, see normaliseNickname); updated when the console shows another. */
  nickname: string;
  /** Derived by segmentOf() after every change; stored so lists can filter without recomputing. */
  segment: Segment;
  /** The agent's explicit choice; wins over the derived segment when set. */
  segmentManual?: Segment;
  tags: string[];
  sizes: Sizes;
  preferences: string;
  addressNote: string;
  note: string;
  createdAt: number;
  /** Last change to the editable fields (not to history); merges use it to pick the newer fields. */
  updatedAt: number;
  /**
   * When each editable field was last changed (see PROFILE_FIELDS; sizes per measurement), so
   * team mode can merge two machines' edits field by field. Absent fields date from `updatedAt`.
   */
  fieldAt?: Partial<Record<ProfileField, number>>;
  /** Last time the buyer was in front of an agent (chat opened) or anything was recorded about them. */
  lastSeenAt: number;
  /** Append-only, oldest first, at most HISTORY_CAP newest events. */
  history: CustomerEvent[];
  /** How many events were dropped by the cap. */
  droppedEvents: number;
  /** Distinct order ids seen for this buyer, newest last, at most ORDER_IDS_CAP. */
  orderIds: string[];
  /**
   * Team mode: this machine's text of a field that a colleague's edit, made at the same time on
   * another machine (neither had seen the other's), replaced under the newest-edit-wins merge —
   * what it said and when the colleague's edit was made. Shown on the card so the agent learns it
   * while the field still holds that edit (replacedNow); kept on this machine only (never sent).
   */
  replaced?: Partial<Record<ReplaceableField, { text: string; at: number }>>;
}

/** The text fields whose concurrent replacement the agent is told about (see Customer.replaced). */
export const REPLACEABLE_FIELDS = ['preferences', 'addressNote', 'note'] as const;
export type ReplaceableField = (typeof REPLACEABLE_FIELDS)[number];

/** The editable fields, each merged on its own in team mode; sizes count one field per measurement. */
export const PROFILE_FIELDS = [
  'tags',
  'sizes.heightCm',
  'sizes.weightKg',
  'sizes.usualSize',
  'sizes.shoeSize',
  'sizes.bustCm',
  'sizes.waistCm',
  'preferences',
  'addressNote',
  'note',
  'segmentManual',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

/** What an agent can edit. `null` clears a size; absent fields stay. */
export interface CustomerPatch {
  tags?: string[];
  sizes?: { [K in keyof Sizes]?: Sizes[K] | null };
  preferences?: string;
  addressNote?: string;
  note?: string;
  /** `null` goes back to the derived segment. */
  segment?: Segment | null;
}

export const EXPORT_FORMAT = 'kefu-customers';
/** 2: entries may carry `buyerId`. Version 1 files (no ids) still import. */
export const EXPORT_VERSION = 2;
export const EXPORT_VERSIONS_READ: readonly number[] = [1, 2];

export interface CustomersExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: number;
  customers: Customer[];
}
