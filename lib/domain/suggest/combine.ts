/**
 * Joins the three signals into the one classification the panel shows:
 * - the cue trie (classify.ts): explainable, negation- and context-aware, abstains on `other`;
 * - the trained model (model.ts): reads word orders and phrasings no cue spells out;
 * - the agent's own picks (learned.ts): what this agent chose for messages like this one.
 *
 * The rules and thresholds below were chosen on our own held-out buyer turns (see README.md,
 * "Combining the signals"); never on a set then reported as unseen.
 */
import type { Classification, NeedId, ScenarioScore } from './classify';
import type { ModelScore } from './model';
import type { LearnedRecall } from './learned';

export const COMBINE = {
  /** The model answers on its own (cues abstained) when its best need is at least this likely
   * and more likely than `other`. */
  modelAlone: 0.7,
  /** Share of the model's probability in the order of the confident needs (the rest: cue score). */
  modelWeight: 0.4,
  /** The cues' first need stays first, whatever the model prefers, when its cue score is at least
   * this (0.63 = raw evidence 3: a strong hint and more) … */
  cueLeadAt: 0.63,
  /** …and it leads the cues' second need by at least this much score. */
  cueLeadMargin: 0.2,
  /** The model fills empty top-3 slots with needs at least this likely. */
  modelFill: 0.15,
  /** …and its first this-many needs fill empty slots before the cues' weaker needs, … */
  modelFillRanks: 2,
  /** …when at least this likely: below it a filled need is a chip the agent can see is wrong
   * (收到了谢谢 → 破损 at p 0.00). */
  modelFillRanksAt: 0.05,
  /** The cues' weaker needs fill the last slots when they score at least this: one bigram shared
   * with a cue phrase (score 0.08, 开发票 → 合并订单) is too little to show as a chip; they still
   * follow the shown needs in the ranking's list. */
  cueFillAt: 0.1,
  /** Beside a clear need (the cues' first need kept first: cueLeadAt, cueLeadMargin), a weaker need is
   * a chip only on more than a word that brushes it: a cue need scoring at least this (one strong hint,
   * 0.49; not 宝宝 or 这个 alone, 0.28, nor a 您好 damped beside the need, 0.21), a model need at least
   * `modelFill` likely (衣服掉色严重 怎么弄啊 showed 商品咨询 at p 0.11; walk, 2026-12-07). */
  clearFillAt: 0.4,
  /** Beside a confident cue reading, a need the cues have no phrase for (the model's alone) is a chip only
   * when at least this likely: a pre-sale worry read as a product question (会不会是假货, 这个颜色显白吗) showed
   * the model's 库存 chip at p 0.32–0.38, 质量好的话我就下单了 its 议价 at 0.18 (walk, 2026-12-07, eighth round). */
  modelUnbackedAt: 0.4,
  /** A weak cue reading is withdrawn on a short message the model reads as no need: the best cue
   * scores below this (one strong hint, nothing else), … */
  vetoCueBelow: 0.5,
  /** …the model gives `other` at least this, … */
  vetoOther: 0.5,
  /** …and none of the cues' needs this much, … */
  vetoSupport: 0.2,
  /** …and the message has at most this many characters. */
  vetoChars: 12,
  /** The agent's own pick leads when the nearest stored message is at least this alike. */
  learnedLead: 0.7,
  /** …and fills slots when at least this alike. */
  learnedFill: 0.5,
  /** …and answers alone, when no other signal does, when at least this alike. */
  learnedAlone: 0.5,
  /** It leads or answers alone only when the message shares at least this many n-grams with the
   * nearest pick, … */
  learnedMinShared: 4,
  /** …or is at least this alike (the same short message again). */
  learnedSame: 0.9,
} as const;

export type CombineParams = { [K in keyof typeof COMBINE]: number };

export interface Signals {
  model?: ModelScore[] | null;
  learned?: LearnedRecall | null;
  /** Length of the message read, in characters (the weak-cue veto only acts on short ones). */
  chars?: number;
}

const MAX_SHOWN = 3;

/** Evidence tags the panel turns into words: `model 62%`, `learned 3`. */
export const MODEL_TAG = 'model';
export const LEARNED_TAG = 'learned';

/**
 * True for a cue reading's evidence entry that is a phrase the buyer wrote (what a chip's tooltip
 * shows as 关键词), not one of classify's tags: `/pattern match/`, `~bigram`, `negated`, `ack`,
 * `context-N`.
 */
export function isCuePhrase(e: string): boolean {
  return !/^(~|\/|context-\d|negated$|ack$)/.test(e);
}

export function combineSignals(cues: Classification, signals: Signals, params: CombineParams = COMBINE): Classification {
  const model = signals.model ?? [];
  // A follow-up's words carry no need of their own (然后呢): a pick for the same words, made in
  // another conversation, says nothing about this one.
  const learned = cues.followUp ? null : signals.learned;
  const evidence: Classification['evidence'] = {};
  for (const [id, list] of Object.entries(cues.evidence)) evidence[id as NeedId] = [...(list ?? [])];
  const tag = (id: NeedId, text: string) => (evidence[id] ??= []).push(text);

  // Ordered list of what is shown, with a score for the ranking.
  const shown: ScenarioScore[] = [];
  const has = (id: string) => shown.some((s) => s.id === id);
  const push = (id: NeedId, score: number) => {
    if (!has(id)) shown.push({ id, score });
  };

  // 1. The agent's own picks for a very similar message lead.
  const learnedNeeds = learned && learned.best >= params.learnedFill ? learned.scenarios : [];
  // A pick only speaks for itself (leads, or answers alone) on enough shared evidence: a short message
  // sharing two or three n-grams with a pick can look alike by cosine and still mean something else.
  const learnedSure = !!learned && (learned.bestShared >= params.learnedMinShared || learned.best >= params.learnedSame);
  if (learnedSure && learned!.best >= params.learnedLead && learnedNeeds[0]) {
    push(learnedNeeds[0].id, Math.min(1, 0.6 + learned!.best * 0.4));
  }
  // 2. The cues, when confident, with the model's likely needs, ordered by a blend of both —
  // unless one weak cue fired in a short message the model reads as no need (好了吗-style replies).
  const pOf = new Map(model.map((m) => [m.id, m.p]));
  // A need the cues rule out (negated, nothing for it left: 少5吧 is no goods short, 不退了 no
  // return) gets no chip from the model alone.
  const ruledOut = (id: string) => !!cues.evidence[id as NeedId]?.includes('negated') && !cues.scores.some((s) => s.id === id);
  let clear = false;
  let overflow: ScenarioScore[] = [];
  // A need the cues hold a phrase for (not only a bigram's crumb, a pattern fragment or a negation).
  const backed = (id: string) => !!cues.evidence[id as NeedId]?.some(isCuePhrase);
  // Beside a confident cue reading the model's need with no phrase of the buyer's behind it is a chip only
  // when the model is fairly sure of it; below that it follows the chips in the list the ranking reads.
  let unbacked = (_id: string, _p: number) => false;
  if (cues.confident && !weakCueVetoed(cues, pOf, signals.chars, params)) {
    const cueOf = new Map(cues.scores.map((s) => [s.id, s.score]));
    const ids = new Set<NeedId>(cues.top as NeedId[]);
    const aboutGoods = cues.top[0] === 'product-info';
    unbacked = (id, p) => aboutGoods && !backed(id) && p < params.modelUnbackedAt;
    const held: NeedId[] = [];
    for (const m of model) {
      if (m.id === 'other' || m.p < params.modelFill || ruledOut(m.id)) continue;
      if (unbacked(m.id, m.p)) held.push(m.id as NeedId);
      else ids.add(m.id as NeedId);
    }
    const blend = (id: NeedId) => (1 - params.modelWeight) * (cueOf.get(id) ?? 0) + params.modelWeight * (pOf.get(id) ?? 0);
    const ordered = [...ids].sort((a, b) => blend(b) - blend(a));
    // A strong, clear cue reading keeps its first need first (能用消费券吗 is a promotion question
    // even when the model leans to product details); the blend orders the rest.
    const [c1, c2] = cues.scores;
    clear = !!c1 && c1.score >= params.cueLeadAt && c1.score - (c2?.score ?? 0) >= params.cueLeadMargin;
    if (clear) push(c1!.id as NeedId, blend(c1!.id as NeedId));
    for (const id of ordered) push(id, blend(id));
    // No more chips than cards (three): the cue-led first need, then the blend's best. The model's need at p 0.15
    // beside three others is noise (还差一个就能满减了吧 showed four chips; walk, 2026-12-07, fifth round); a need
    // past the cap still follows the chips in the list the ranking reads.
    overflow = shown.splice(MAX_SHOWN);
    for (const id of held) if (!has(id)) overflow.push({ id, score: blend(id) });
  }
  // 3. The model alone when the cues abstained.
  // Nor when a pattern of the cues rules its need out, nothing for it left: 能帮我改成3个吗 is a count
  // changed (the pattern at −2 cancels 改成's address hint), and the model's 修改地址 chip stood alone on
  // it until 2026-12-06. A negator alone does not (拍下没有付款 still asks about paying).
  const patternRuledOut = (id: string) => !!cues.evidence[id as NeedId]?.includes('/ruled-out/') && !cues.scores.some((s) => s.id === id);
  const bestNeed = model.find((m) => m.id !== 'other');
  const pOther = model.find((m) => m.id === 'other')?.p ?? 0;
  const modelSpeaks = !!bestNeed && bestNeed.p >= params.modelAlone && bestNeed.p > pOther && !patternRuledOut(bestNeed.id);
  if (shown.length === 0 && modelSpeaks) push(bestNeed!.id as NeedId, bestNeed!.p);
  // 4. Nothing else spoke: the agent's pick for a fairly similar message answers alone.
  if (shown.length === 0 && learnedNeeds[0] && learnedSure && learned!.best >= params.learnedAlone) push(learnedNeeds[0].id, Math.min(1, 0.4 + learned!.best * 0.4));
  const confident = shown.length > 0;
  // Needs the model put on a chip below the tagging floor: their chip still says it was the model.
  const byModel = new Set<string>();
  if (confident) {
    // 5. Fill the empty slots: the agent's other picks, then the model, then the cues' weaker needs.
    for (const s of learnedNeeds) if (shown.length < MAX_SHOWN) push(s.id, Math.min(1, 0.3 + s.weight * 0.2));
    const needs = model.filter((m) => m.id !== 'other');
    for (const m of needs.slice(0, params.modelFillRanks)) {
      if (shown.length < MAX_SHOWN && m.p >= (clear ? params.modelFill : params.modelFillRanksAt) && !has(m.id) && !ruledOut(m.id) && !unbacked(m.id, m.p)) {
        push(m.id as NeedId, m.p * 0.8);
        byModel.add(m.id);
      }
    }
    for (const m of needs) {
      if (shown.length >= MAX_SHOWN) break;
      if (m.p >= params.modelFill && !ruledOut(m.id) && !unbacked(m.id, m.p)) push(m.id as NeedId, m.p * 0.8);
    }
    // A weaker cue need becomes a chip only with a phrase to show for it: bigrams alone, a pattern
    // fragment or a negation (不用退) is too little to put in front of the agent (it still follows
    // the chips in the list the ranking reads).
    const cueFloor = clear ? params.clearFillAt : params.cueFillAt;
    for (const s of cues.scores) if (shown.length < MAX_SHOWN && s.score >= cueFloor && cues.evidence[s.id]?.some(isCuePhrase)) push(s.id as NeedId, s.score * 0.8);
  }
  for (const m of model) if (m.id !== 'other' && (m.p >= params.modelFill || byModel.has(m.id))) tag(m.id as NeedId, `${MODEL_TAG} ${Math.round(m.p * 100)}%`);
  for (const s of learnedNeeds) tag(s.id, `${LEARNED_TAG} ${s.count}`);

  // Everything else with evidence stays visible to the ranking, after the shown ones.
  const scores = [...shown];
  for (const s of overflow) if (!has(s.id)) scores.push(s);
  for (const s of cues.scores) if (!scores.some((x) => x.id === s.id)) scores.push(s);
  return {
    scores,
    top: confident ? shown.map((s) => s.id) : [],
    confident,
    evidence,
    ...(cues.followUp ? { followUp: true } : {}),
  };
}

/**
 * True when the cues' reading rests on a single strong hint, the message is short, and the model
 * reads it as no need while giving none of the cues' needs any weight: a short reply that only makes
 * sense in context (好了吗, 稍等我查下) or an address line, where one cue word fired by accident.
 * A greeting is never withdrawn: 你好 is the need itself, however little else the message says.
 */
function weakCueVetoed(cues: Classification, pOf: Map<string, number>, chars: number | undefined, params: CombineParams): boolean {
  const best = cues.scores[0];
  if (!best || best.id === 'greeting' || best.score >= params.vetoCueBelow) return false;
  if (chars === undefined || chars > params.vetoChars) return false;
  if ((pOf.get('other') ?? 0) < params.vetoOther) return false;
  return cues.top.every((id) => (pOf.get(id) ?? 0) < params.vetoSupport);
}
