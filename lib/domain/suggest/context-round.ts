/**
 * The needs of one round: a buyer who writes three questions in a row (尺码, then the live room's
 * price, then 什么时候发货) before the shop answers asked three things, and the panel read only the
 * last one — once the agent had answered it, the shop had spoken last and the other two were out of
 * sight (an unanswered question counts against the shop: shared/domain.md). Here each turn of the
 * round (context.ts `buyerTurns`) is read as the panel reads the buyer's latest message — the same
 * classifier over the turns up to it, so a follow-up (那要多久) resolves against the turn before it
 * and adds nothing — and its first need kept, in the order asked. A turn the classifier abstains on
 * adds nothing: no need is made up. In the suggest feature script (lib/panel/features.ts), with the
 * classifier, not in content.js.
 */
import type { ScenarioId } from '../scenarios';
import { classify, type Classification, type ClassifyOptions } from './classify';

/** Courtesies leave nothing to answer: a greeting or thanks in the round is no question (在吗 is answered by any reply). */
const NOT_ASKED: readonly ScenarioId[] = ['greeting', 'thanks', 'other'];

/**
 * The distinct needs of a round of buyer turns (oldest first), in the order first asked: each turn
 * read with the turns before it (the last one is the one read), by the cue classifier with the shop's
 * own cues. `last`: the panel's reading of the whole round, used for its last turn (read once).
 * A round of one turn holds one need at most: none is returned (the panel's chips name it).
 */
export function roundNeeds(turns: readonly string[], opts: ClassifyOptions = {}, last?: { top: readonly ScenarioId[] }): ScenarioId[] {
  const out: ScenarioId[] = [];
  if (opts.shopCues !== cachedCues) (read.clear(), (cachedCues = opts.shopCues));
  for (let i = 0; turns.length > 1 && i < turns.length; i++) {
    const upTo = turns.slice(0, i + 1);
    const id = i === turns.length - 1 && last ? last.top[0] : firstNeed(upTo, opts);
    if (id && !NOT_ASKED.includes(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * The first need of the turns up to one, remembered: a round read again at each buyer message reads
 * only its new turn (the panel's own reading of it, `last`); the turns before read the same as before.
 */
const read = new Map<string, ScenarioId | undefined>();
let cachedCues: ClassifyOptions['shopCues'];
function firstNeed(upTo: string[], opts: ClassifyOptions): ScenarioId | undefined {
  const key = upTo.join('\n');
  if (read.has(key)) return read.get(key);
  if (read.size >= 32) read.delete(read.keys().next().value!);
  const id = classify(upTo, opts).top[0];
  read.set(key, id);
  return id;
}

/**
 * What the round still asks after the shop's replies: its needs less those a reply the agent put in
 * answered (`answered`: the situations of the replies inserted this round), in the order asked.
 */
export function stillOpen(needs: readonly ScenarioId[], answered: readonly ScenarioId[]): ScenarioId[] {
  return needs.filter((id) => !answered.includes(id));
}

/**
 * The situation the panel ranks replies for once the shop's reply answered some of the round's needs
 * (`answered`: the shop spoke last): what is still open, in the order asked, each its own card (rank.ts
 * gives a need the buyer named a card of its own) — unless the agent picked another situation since.
 * Null otherwise: the reading of the buyer's messages (or the agent's pick) stands.
 */
export function roundOpen(s: { needs?: readonly ScenarioId[]; needsAnswered?: readonly ScenarioId[]; answered: boolean; scenarioOverride: ScenarioId | null }): Classification | null {
  const done = s.needsAnswered ?? [];
  if (!s.answered || !done.length || (s.scenarioOverride && !done.includes(s.scenarioOverride))) return null;
  const top = stillOpen(s.needs ?? [], done);
  return top.length ? { scores: top.map((id, i) => ({ id, score: 1 - i / 10 })), top, confident: true, evidence: Object.fromEntries(top.map((id) => [id, ['/round/']])) } : null;
}
