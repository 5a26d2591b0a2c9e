/** Types of the compliance guard (话术合规检查). Pure data: no DOM, no storage. */
import type { Bilingual } from '../../i18n/bilingual';

/** Where a rule applies. 'any' = every platform (and the demo console and taught pages). */
export type GuardPlatform = 'taobao' | 'jd' | 'pdd' | 'douyin' | 'kuaishou' | 'any';
export const GUARD_PLATFORMS: readonly GuardPlatform[] = ['taobao', 'jd', 'pdd', 'douyin', 'kuaishou', 'any'];

/** The site adapters' platform names → the guard's (the demo console and taught pages get the 'any' rules). */
export function guardPlatformOf(platform: string | null | undefined): GuardPlatform {
  return platform === 'taobao' || platform === 'jd' || platform === 'pdd' || platform === 'douyin' || platform === 'kuaishou' ? platform : 'any';
}

export type GuardCategory =
  /** Money, gifts or refunds offered for a good review (or for removing a bad one). */
  | 'cash-for-review'
  /** Moving the buyer off the platform: WeChat, QQ, phone numbers, QR codes, outside links, private deals. */
  | 'off-platform'
  /** Absolute advertising claims: best, number one, national-grade. */
  | 'absolute-claim'
  /** Curt or dismissive answers that count against service quality. */
  | 'curt'
  /** A discount or compensation promised over what the agent may grant alone (the shop's limits). */
  | 'over-limit'
  /** The same reply inserted again and again in one conversation. */
  | 'repetition'
  /** A rule the shop wrote itself. */
  | 'custom';
export const GUARD_CATEGORIES: readonly GuardCategory[] = ['cash-for-review', 'off-platform', 'over-limit', 'absolute-claim', 'curt', 'repetition', 'custom'];

/** 'block': the reply is held until the agent confirms; 'warn': shown, never held. */
export type GuardSeverity = 'block' | 'warn';

/** A text in both interface languages (a rule's label and reason). */
export type { Bilingual };

/**
 * How a finding can be fixed with one click.
 * - words: the matched words become `to` (or what `map` makes of them);
 * - sentence: the whole sentence holding the match becomes `to`.
 */
export type GuardRewrite =
  | { kind: 'words'; to: string | ((matched: string) => string) }
  | { kind: 'sentence'; to: string };

/** A rule as the matcher runs it (built-in rules and compiled shop rules). */
export interface GuardRule {
  id: string;
  category: GuardCategory;
  severity: GuardSeverity;
  platforms: readonly GuardPlatform[];
  /** Runs over the normalised text (see normalize.ts); must be global (`g`). */
  pattern: RegExp;
  label: Bilingual;
  reason: Bilingual;
  rewrite?: GuardRewrite;
  /**
   * A negation just before the match in the same clause (不允许好评返现, 我们不加微信) means the reply
   * says the opposite: no finding.
   */
  negatable?: boolean;
  /** Whether the shop wrote it (options page), else built in. */
  shop?: boolean;
  /**
   * A money rule (MONEY_RULES): the pattern's first group that matched is an amount in yuan, a
   * finding only when it is over this limit of the shop's; `{limit}` in the reason says the number.
   */
  limit?: keyof GuardLimits;
}

/** What an agent may grant alone (the shop's remark rule set keeps them: RuleLimits). */
export interface GuardLimits {
  /** A discount or money gesture up to this much alone; above it needs the supervisor. */
  agentDiscountYuan: number;
  /** Compensation for a minor defect is normally at most the shop's usual postage. */
  postageYuan: number;
}

/** A rule the shop writes in the options page: plain words, no regular expressions. */
export interface ShopRule {
  id: string;
  /** Words or phrases; matched ignoring case, full/half width, spaces and dots between letters. */
  words: string[];
  severity: GuardSeverity;
  platforms: GuardPlatform[];
  /** Why the shop forbids it, shown to the agent. */
  reason: string;
  /** What the words become with the one-click rewrite; absent = no rewrite. */
  replacement?: string;
}

/** The shop's guard settings: its own rules and the built-in rules it switched off. Travels with the library export. */
export interface GuardConfig {
  v: 1;
  /** Ids of built-in rules switched off. */
  disabled: string[];
  rules: ShopRule[];
}

export const EMPTY_GUARD_CONFIG: GuardConfig = { v: 1, disabled: [], rules: [] };

/** One problem in a reply. */
export interface GuardFinding {
  ruleId: string;
  category: GuardCategory;
  severity: GuardSeverity;
  /** The words as written in the reply. */
  words: string;
  /** Where they are in the reply (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  label: Bilingual;
  reason: Bilingual;
  /** Whether `rewriteReply` can fix this one. */
  canRewrite: boolean;
}
