/**
 * Everything the in-page panel needs from the guard, behind one object: built once per config and
 * platform in the on-demand guard script (entrypoints/guard-feature.ts), so the rules and the
 * matcher stay out of the content script every console page loads.
 */
import { activeRules, checkReply, rewriteReply } from './check';
import { RepeatLog } from './repetition';
import type { GuardConfig, GuardFinding, GuardLimits, GuardPlatform } from './types';
import type { RuleSet } from '../remarks/types';

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

/** How the caller asks the worker (the content script's messaging `call`, the side panel's api.call). */
export interface GuardAsk {
  (verb: 'getGuardConfig'): Promise<GuardConfig>;
  (verb: 'getRuleSet'): Promise<RuleSet>;
}

/**
 * The engine as the shop set it, asked of the worker with the caller's `ask`: the guard settings,
 * and the money limits of the remark rules (unreadable: the default limits). Unreadable settings:
 * the caller's `fallback` — the page's guard throws (it says it could not load and lets the reply
 * go), the side panel checks a copy with every built-in rule.
 */
export async function loadGuardEngine(ask: GuardAsk, platform: GuardPlatform, fallback: (err: unknown) => GuardConfig): Promise<GuardEngine> {
  const [config, rules] = await Promise.all([ask('getGuardConfig').catch(fallback), ask('getRuleSet').catch(() => null)]);
  return createGuardEngine(config, platform, rules?.limits);
}
