export * from './types';
export { normalise } from './normalize';
export { BUILT_IN_RULES, builtInRule } from './rules';
export { activeRules, checkReply, compileShopRule, guardPlatformOf, isBlocking, rewriteReply, type CheckOptions } from './check';
export { RepeatLog, REPEAT_LIMIT, REPEAT_WINDOW_MS } from './repetition';
export { validateGuardConfig, checkShopRule, type ConfigResult } from './config';
export { createGuardEngine, loadGuardEngine, type GuardAsk, type GuardEngine } from './engine';
