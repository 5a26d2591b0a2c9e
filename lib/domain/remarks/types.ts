/**
 * The remark rule schema: plain JSON (stored, exported, imported), pure data, no functions.
 * The canonical line format these rules produce is described in ./README.md.
 */
import type { Zone } from '../time';
import type { FlagColor, Platform } from '../../sites/types';

export type { FlagColor, Platform };

export const FLAG_COLORS = ['gray', 'red', 'yellow', 'green', 'blue', 'purple'] as const satisfies readonly FlagColor[];

export const RECORD_KINDS = ['quality-exchange', 'nonquality-exchange', 'return', 'compensation'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What a remark line is about: one of the six flags, or one of the four after-sale records. */
export type RemarkTarget = FlagColor | RecordKind;

export const FIELD_TYPES = [
  'text', 'date', 'money', 'phone', 'order', 'courier', 'yesno', 'agent', 'address', 'style',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * Business limit a money field is measured against; above it the remark needs a supervisor
 * (the rule's field of key `supervisor`, written `主管同意：姓名`).
 * - 'agent-discount': RuleSet.limits.agentDiscountYuan (default 20 yuan).
 * - 'postage': the same rule's `postage` field when filled, else RuleSet.limits.postageYuan.
 */
export type MoneyLimit = 'agent-discount' | 'postage';

export interface FieldSpec {
  /** Stable key used by code (facts, checks): ascii camelCase, unique within its rule. */
  key: string;
  /** Chinese label written into the remark, e.g. 可发货日. Must not contain : ： ｜ | 【 】. */
  label: string;
  type: FieldType;
  required: boolean;
  help?: string;
  /** Other labels agents write by hand for the same thing (parse tolerance), e.g. 发货日期. */
  aliases?: string[];
  /** Allowed values (shown as a select); only for text fields. */
  options?: string[];
  /** Required only when another field of the rule has this value (e.g. 换货 needs the wanted style). */
  requiredWhen?: { key: string; equals: string };
  /** Date fields: a promised ship date, today or later (a date already past is a broken promise). */
  future?: boolean;
  /** Money fields: above this limit a supervisor must have agreed. */
  limit?: MoneyLimit;
}

/**
 * What follow-up facts a flag produces (see facts.ts). Keeps custom and edited rule sets working:
 * facts come from the intent and the field keys, never from colours or labels.
 */
export const FLAG_INTENTS = [
  'verified', 'info-changed', 'return-exchange', 'merged', 'delay', 'invalid', 'price-change',
  'issue-unshipped', 'issue-shipped', 'special-handling', 'refundable', 'none',
] as const;
export type FlagIntent = (typeof FLAG_INTENTS)[number];

interface RuleBase {
  /** The bracketed title that opens every line, e.g. 延迟发货 → 【延迟发货】. Unique in the rule set. */
  title: string;
  /** What the rule means, shown to the agent. */
  meaning: string;
  fields: FieldSpec[];
  /** Other titles seen in hand-written remarks (parse tolerance), e.g. 缺货. */
  aliases?: string[];
  /** At least one of these field keys must be filled (e.g. a change needs address, phone or courier). */
  atLeastOne?: string[];
}

export interface FlagRule extends RuleBase {
  /** false: the convention does not use this flag (it is still every unflagged order's colour for gray). */
  inUse: boolean;
  intent: FlagIntent;
  /** A phrase the remark must contain, e.g. 无效订单 for gray in convention A. */
  mustSay?: string;
  /** Pinduoduo tag label, at most 3 characters. */
  tag?: string;
}

export type RecordRule = RuleBase;

export interface RuleLimits {
  /** An agent may grant a discount up to this much alone; above it needs the supervisor. */
  agentDiscountYuan: number;
  /** The shop's usual postage, for compensation checks when the remark does not state the postage. */
  postageYuan: number;
}

export interface RuleSet {
  /** Schema version of this JSON, for storage migrations. */
  version: 1;
  id: string;
  name: string;
  convention: 'A' | 'B' | 'custom';
  flags: Record<FlagColor, FlagRule>;
  records: Record<RecordKind, RecordRule>;
  limits: RuleLimits;
}

/** One problem found in a remark. `message` is a plain Chinese sentence; `messageEn` the English. */
export interface Problem {
  code: ProblemCode;
  /** The field key (or 'agent' / 'date' / 'text') the problem is about. */
  field?: string;
  message: string;
  messageEn: string;
}

export type ProblemCode =
  | 'empty'
  | 'missing-field'
  | 'invalid-field'
  | 'missing-agent'
  | 'invalid-agent'
  | 'other-agent'
  | 'missing-date'
  | 'invalid-date'
  | 'date-in-future'
  | 'ship-date-not-future'
  | 'needs-supervisor'
  | 'must-say'
  | 'wrong-flag'
  | 'too-long'
  | 'flag-not-used'
  | 'conflicting-fields'
  /** A warning, never a hold (status.ts): a "ready to ship" flag on an order not to ship. */
  | 'status-contradicts-flag';

export interface BuildContext {
  agent: string;
  /** The moment of writing; its calendar date in `zone` is signed into the remark. */
  now: Date | number;
  /** Shop time (lib/storage/settings.ts shopZone; null = the computer's zone). */
  zone: Zone;
}

export type BuildResult =
  | { ok: true; text: string; fields: Record<string, string> }
  | { ok: false; errors: { field: string; message: string; messageEn: string }[] };

/** One remark line as read back. */
export interface ParsedLine {
  raw: string;
  /** Which flag or record the line looks like (by its title, else by its labels); undefined if none. */
  target?: RemarkTarget;
  /** The flag rule's intent when `target` is a flag (what facts.ts reads). */
  intent?: FlagIntent;
  /** The bracketed title as written, if any. */
  title?: string;
  /** Values by field key, normalised when valid (dates ISO, money plain number, 是/否), else as written. */
  fields: Record<string, string>;
  /** Labelled segments whose label the rule does not know. */
  unknown: { label: string; value: string }[];
  /** Unlabelled text left over (free notes). */
  notes: string[];
  agent?: string;
  /** The signed date, ISO YYYY-MM-DD, when it could be read (a date without year needs `today`). */
  date?: string;
  dateRaw?: string;
}

export interface ParsedRemark extends Omit<ParsedLine, 'raw'> {
  /** Every non-empty line, oldest first (new remarks are appended at the end). */
  lines: ParsedLine[];
  /** Index in `lines` of the line the rest of this object describes (the newest one with a rule). */
  latestIndex: number;
}

export interface ParseOptions {
  /** YYYY-MM-DD: completes dates written without a year (11/23). */
  today?: string;
  /** Known agent names: helps separate a name glued to the value before it. */
  agents?: string[];
  /** The flag/record expected (the order's flag): breaks ties when a line has no title. */
  expect?: RemarkTarget;
}
