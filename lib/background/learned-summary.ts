/**
 * What options → 学习记录 shows of the learned picks: how many per situation and the latest pairs.
 * Asked only when that page is open, so it runs from worker-extras.js (extras-modules.ts).
 */
import { LEARNED_CAP, type LearnedPick } from '../domain/suggest/learned';
import type { ScenarioId } from '../domain/scenarios';
import type { LearnedSummary } from '../messaging/protocol-learned';

/** `limit`: the page's wish for the latest pairs (a whole number, at most the cap; else 50). */
export function learnedSummary(picks: readonly LearnedPick[], enabled: boolean, limit: unknown): LearnedSummary {
  const n = Number(limit ?? 50);
  const take = Number.isInteger(n) && n > 0 ? Math.min(n, LEARNED_CAP) : 50;
  const perScenario: Partial<Record<ScenarioId, number>> = {};
  for (const p of picks) perScenario[p.scenario] = (perScenario[p.scenario] ?? 0) + 1;
  return { enabled, count: picks.length, cap: LEARNED_CAP, perScenario, latest: picks.slice(-take).reverse() };
}
