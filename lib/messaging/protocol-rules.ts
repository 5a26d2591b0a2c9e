import type { FlagColor, Platform, RuleSet } from '../domain/remarks';
import type { RemarkOverride } from '../storage/rules';
import { FLAG_COLORS } from '../domain/remarks/types';
import { BUYER_ID_MAX } from '../domain/customers/identity';
import { LIMITS } from '../domain/customers/customer';
import { ORDER_ID } from './protocol-followups';
import { s, type PageSchemas } from './schema';

export type { RemarkOverride };

/** A remark the agent saved on an order page (content script → background). */
export interface RecordRemarkRequest {
  platform: Platform;
  orderId: string;
  buyer: string;
  /** The console's id of the buyer, where the order row shows one. */
  buyerId?: string;
  flag: FlagColor;
  /** The whole remark as saved (earlier lines and the new one). */
  text: string;
  /** Present when the remark broke the rules and the agent saved it anyway. */
  override?: { reason: string; problems: { code: string; message: string }[] };
  /** When the agent saved it: a retry after a failed write sends the first attempt's time. */
  at?: number;
}

export interface RulesProtocol {
  /** The shop's remark rule set (convention A until the shop picks one). */
  getRuleSet: [void, RuleSet];
  /** Replaces the rule set; an invalid one is refused with entry-named errors and changes nothing. */
  saveRuleSet: [RuleSet, RuleSet];
  /** Logs an override (if any) and hands the remark's facts to the follow-up and customer sinks; fails when any of them could not be written. */
  recordRemark: [RecordRemarkRequest, { facts: number; overrideRecorded: boolean }];
  /** Saved-anyway remarks, newest first. */
  listRemarkOverrides: [void, RemarkOverride[]];
}

/** What a seller page may send (dispatch.ts checks it first; see README.md, "Schemas"). */
export const rulesPageSchemas = (): PageSchemas<RulesProtocol> => ({
  getRuleSet: s.none(),
  recordRemark: s.object({
    platform: s.ownPlatform(),
    orderId: s.text({ max: 40, pattern: ORDER_ID }),
    buyer: s.optional(s.text({ max: 64 })),
    buyerId: s.optional(s.text({ max: BUYER_ID_MAX, min: 1 })),
    flag: s.oneOf(FLAG_COLORS),
    // The remark box is kept whole in the buyer's history: one limit for both (LIMITS.eventText).
    text: s.text({ max: LIMITS.eventText }),
    override: s.optional(
      s.object({
        reason: s.text({ max: 200, min: 1 }),
        problems: s.array(s.object({ code: s.text({ max: 40 }), message: s.text({ max: 400 }) }), { max: 30 }),
      }),
    ),
    at: s.optional(s.number({ min: 0 })),
  }),
});

declare module './protocol' {
  interface Protocol extends RulesProtocol {}
}
