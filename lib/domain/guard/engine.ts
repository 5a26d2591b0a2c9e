/**
 * Everything the in-page panel needs from the guard, behind one object: built once per config and
 * platform in the on-demand guard script (entrypoints/guard-feature.ts), so the rules and the
 * matcher stay out of the content script every console page loads.
 */
import { activeRules, checkReply, rewriteReply } from './check';
import { RepeatLog } from './repetition';
import type { GuardConfig, GuardFinding, GuardLimits, GuardPlatform } from './types';

export interface GuardEngine {
  check(text: string): GuardFinding[];
  /** The reply with every rewritable finding fixed. */
  rewrite(text: string, findings: readonly GuardFinding[]): string;
  /** A finding when this would be the third identical insertion in ten minutes in this conversation. */
  repeat(conversation: string, text: string, now: number): GuardFinding | null;
  recordInserted(conversation: string, text: string, now: number): void;
}

/** `limits`: the shop's (remark rule set); the default ones when it could not be read. */
export function createGuardEngine(config: GuardConfig, platform: GuardPlatform, limits?: GuardLimits): GuardEngine {
  const rules = activeRules(config);
  const log = new RepeatLog();
  return {
    check: (text) => checkReply(text, { platform, rules, ...(limits ? { limits } : {}) }),
    rewrite: (text, findings) => rewriteReply(text, findings, rules),
    repeat: (c, text, now) => log.check(c, text, now),
    recordInserted: (c, text, now) => log.record(c, text, now),
  };
}
