import { SCENARIO_IDS, type ScenarioId } from '../scenarios';
import { BROKEN, CUES, FAULTS, goodAcknowledges, goodAsWord, NEGATORS, NEUTRAL, ORDER_CHANGE, PATTERNS, PURCHASE, SOCIAL } from './cues';
import { bigrams, normalize, PARTICLES, type TextFlags } from './normalize';

/** Every scenario except the catch-all, which is never suggested: abstention is how 'other' shows. */
export type NeedId = Exclude<ScenarioId, 'other'>;

export interface ScenarioScore {
  id: ScenarioId;
  /** 0..1, monotone in the evidence; comparable across messages. */
  score: number;
}

export interface Classification {
  /** Scenarios with any evidence, best first. 'other' never appears: see `confident`. */
  scores: ScenarioScore[];
  /** The scenarios worth suggesting now (several when one message holds several needs). */
  top: ScenarioId[];
  /** False means abstain: show no scenario suggestion (pasted cards, chit-chat, unclear). */
  confident: boolean;
  /** The cue phrases that fired per scenario, for the "why" line in the panel and for debugging. */
  evidence: Partial<Record<ScenarioId, string[]>>;
  /**
   * The message being answered is a follow-up with no confident reading of its own (然后呢 after a
   * refund question) and the earlier turns lent it their needs. Such a message is not
   * learned as a pick, since its words alone would teach that need to every later 然后呢.
   */
  followUp?: boolean;
}

export interface ClassifyOptions {
  /** The shop's own cue phrases per scenario; they count as strong cues. */
  shopCues?: Partial<Record<ScenarioId, string[]>>;
}

// ---- tuning constants (one place, explained) -------------------------------------------------
/** Raw evidence a scenario needs before it is suggested: one strong-hint cue (weight 2). */
const CONFIDENT_RAW = 2;
/** A second need is shown when it has at least this share of the best one's evidence. */
const MULTI_RATIO = 0.55;
const MAX_TOP = 3;
/** Further cues of the same scenario add this share of their weight (a long message repeats itself).
 * The same phrase said again is not further evidence: it counts once per message (a complaint that
 * repeats 颜色 forty times asks about colour no more than one that says it once). */
const EXTRA_CUE_SHARE = 0.4;
/** A negated cue pulls its scenario down by this share of its weight. */
const NEGATION_FLIP = 0.6;
/** Bigram evidence: per bigram and total cap per scenario; weak by design. */
const BIGRAM_WEIGHT = 0.25;
const BIGRAM_CAP = 0.9;
/** Greeting/thanks shrink to this share when the message also names a confident need. */
const SOCIAL_DAMPING = 0.35;
/** Previous turns: share of their evidence inherited by a short follow-up, per step back. */
const CONTEXT_DECAY = [0.7, 0.45, 0.25];
/** When the current turn is confident on its own, context only breaks ties among its scenarios. */
const CONTEXT_TIEBREAK = 0.25;
/** A follow-up is short or starts like one (那…, 还有…, …呢). */
const FOLLOW_UP_MAX_CHARS = 14;
const FOLLOW_UP_RE = /^(那|还有|然后|另外|那个|这个|那么|那就|那我|那要|要是|如果)|呢\??$/;
/**
 * A turn that only confirms or hands over data (是的, 10 袋, an order number, a pasted card) asks
 * nothing: it inherits no need from earlier turns. What is left after removing placeholders, digits,
 * Latin letters, punctuation, these words and measure words must be empty.
 */
const BARE_STRIP = [/\[[^\]]*\]/g, /[\s\d\p{P}\p{S}a-zA-Z]/gu, /是的|对的|好的|可以|是|对|嗯|恩|好|哦|噢|行|哈|了|呢|吗|啊|呀|吧|的|哒|滴|[元个件袋盒份瓶只台套]/g];
const isBare = (text: string) => BARE_STRIP.reduce((t, re) => t.replace(re, ''), text) === '';


// ---- the compiled cue index ------------------------------------------------------------------
interface Hit {
  scenario: NeedId;
  weight: number;
  phrase: string;
  /** The message (scoreMessage call) that last counted this hit: a phrase counts once per message.
   * A stamp rather than a per-message Set, so scoring allocates nothing for it. */
  counted?: number;
}

/** Numbers scoreMessage calls (classification is synchronous), for Hit.counted. */
let messageSeq = 0;

interface TrieNode {
  next: Map<string, TrieNode>;
  hits: Hit[];
  /** Matches a phrase that only exists to hide shorter cues inside it (多少 hides 少). */
  terminal: boolean;
}

export interface CueIndex {
  root: TrieNode;
  /** Bigram → weak evidence per scenario, derived from the cue phrases themselves. */
  bigramHits: Map<string, { scenario: NeedId; weight: number }[]>;
}

function newNode(): TrieNode {
  return { next: new Map(), hits: [], terminal: false };
}

function insert(root: TrieNode, phrase: string, hit: Hit | null): void {
  let node = root;
  for (const ch of phrase) {
    let child = node.next.get(ch);
    if (!child) {
      child = newNode();
      node.next.set(ch, child);
    }
    node = child;
  }
  node.terminal = true;
  if (hit && !node.hits.some((h) => h.scenario === hit.scenario)) node.hits.push(hit);
  else if (hit) {
    const same = node.hits.find((h) => h.scenario === hit.scenario)!;
    same.weight = Math.max(same.weight, hit.weight);
  }
}

/** Variants a buyer types for the same question: 吗/么/嘛/呢/? endings, 的/得 swaps. */
function variants(phrase: string): string[] {
  const out = new Set([phrase]);
  if (phrase.endsWith('吗')) {
    out.add(phrase.slice(0, -1) + '呢');
    // A question mark instead of the particle: 可以用? 能退?
    out.add(phrase.slice(0, -1) + '?');
  }
  if (phrase.includes('得')) out.add(phrase.replace(/得/g, '的'));
  return [...out];
}

/** Build the index once; classification then costs O(message length × longest cue). */
export function compileCues(shopCues?: Partial<Record<ScenarioId, string[]>>): CueIndex {
  const root = newNode();
  for (const phrase of NEUTRAL.split(/\s+/).filter(Boolean)) insert(root, phrase, null);
  const bigramAcc = new Map<string, Map<NeedId, number>>();
  const addPhrase = (scenario: NeedId, raw: string, weight: number) => {
    const phrase = normalize(raw).text;
    if (!phrase) return;
    // One hit for all variants: 能退吗 and 能退? in one message are the same cue said twice.
    const hit: Hit = { scenario, weight, phrase: raw };
    for (const v of variants(phrase)) insert(root, v, hit);
    if (phrase.length >= 2 && weight >= 2) {
      for (const bg of bigrams(phrase)) {
        if (bg.length < 2 || PARTICLES.test(bg)) continue;
        let m = bigramAcc.get(bg);
        if (!m) bigramAcc.set(bg, (m = new Map()));
        m.set(scenario, Math.max(m.get(scenario) ?? 0, weight / 3));
      }
    }
  };
  for (const id of Object.keys(CUES) as NeedId[]) {
    const list = CUES[id];
    for (const w of [1, 2, 3] as const) {
      for (const phrase of (list[w] ?? '').split(/\s+/).filter(Boolean)) addPhrase(id, phrase, w);
    }
  }
  if (shopCues) {
    for (const [id, phrases] of Object.entries(shopCues)) {
      if (id === 'other' || !phrases) continue;
      for (const phrase of phrases) addPhrase(id as NeedId, phrase, 3);
    }
  }
  // A bigram that points at many scenarios says nothing.
  const bigramHits = new Map<string, { scenario: NeedId; weight: number }[]>();
  for (const [bg, m] of bigramAcc) {
    if (m.size > 3) continue;
    bigramHits.set(bg, [...m].map(([scenario, w]) => ({ scenario, weight: w * BIGRAM_WEIGHT })));
  }
  return { root, bigramHits };
}

let baseIndex: CueIndex | null = null;
const shopIndexes = new WeakMap<object, CueIndex>();

function indexFor(shopCues?: Partial<Record<ScenarioId, string[]>>): CueIndex {
  if (!shopCues || Object.keys(shopCues).length === 0) return (baseIndex ??= compileCues());
  let idx = shopIndexes.get(shopCues);
  if (!idx) shopIndexes.set(shopCues, (idx = compileCues(shopCues)));
  return idx;
}

// ---- scoring one message ---------------------------------------------------------------------
interface Match {
  start: number;
  end: number;
  hits: Hit[];
}

interface MessageEvidence {
  raw: Map<NeedId, number>;
  evidence: Map<NeedId, string[]>;
  flags: TextFlags;
  text: string;
}

function findMatches(text: string, root: TrieNode): Match[] {
  const chars = [...text];
  const all: Match[] = [];
  for (let i = 0; i < chars.length; i++) {
    let node: TrieNode | undefined = root;
    for (let j = i; j < chars.length; j++) {
      node = node.next.get(chars[j]!);
      if (!node) break;
      if (node.terminal) all.push({ start: i, end: j + 1, hits: node.hits });
    }
  }
  // The most specific phrase wins: drop any match lying inside a longer one.
  all.sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: Match[] = [];
  for (const m of all) {
    if (!kept.some((k) => k.start <= m.start && k.end >= m.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Is the cue starting at `start` negated (不退了, 不用换了, 不要发票) rather than asked about? */
function isNegated(chars: string[], start: number, end: number): boolean {
  const before = chars.slice(Math.max(0, start - 3), start).join('');
  const neg = NEGATORS.find((n) => before.endsWith(n));
  if (!neg) return false;
  const negStart = start - neg.length;
  // A-not-A questions (有没有货, 能不能换, 是不是发错) ask, they do not negate.
  if (negStart > 0 && chars[negStart - 1] === chars[start]) return false;
  if (negStart > 0 && chars[negStart - 1] === neg[neg.length - 1]) return false;
  // 没有发票吗? / 不退吗 asks whether; the negation then questions, it does not decline.
  const cueAndAfter = chars.slice(start, end + 3).join('');
  if (/(吗|么|\?)/.test(cueAndAfter.split(' ')[0]!)) return false;
  return true;
}

/** Cue phrases that are also how buyers address the agent (宝宝 is a product-info hint: 宝宝能用吗). */
const ADDRESS_FORMS: ReadonlySet<string> = new Set(['宝宝', '宝贝', '亲']);
/** Raw evidence of a fault named outright: a phrase that names it (weight 3: 脱线, 扣子掉, 只收到). */
const FAULT_NAMED_RAW = 3;
/** A need with less than this (a bigram's crumb) has no word of its own in the message. */
const PURCHASE_WORD_RAW = 1;

const ACK_ONLY = /^(好|嗯|恩|行|哦|噢|ok|收到|了解|明白)[好的吧呢啦哈了呀哦嗯滴嘞哒 ]*$/;
/** How far a 好 that is no acknowledgement (cues.ts, goodAsWord) pulls thanks down: out. */
const GOOD_AS_WORD_PULL = 5;
/** …and a message that asks or wishes (a question word or ending, 好不好, 好就行) rules it out, the model's alone too. */
const GOOD_ASKED = /[?吗么呢]\s*$|什么|哪|怎么|多少|好不好|好就/;
/** A message that ends as a question (好了吗, 好的 再发两盒吗?) does not close the chat. */
const QUESTION_END = /[?吗么]\s*$/;

function scoreMessage(raw: string, index: CueIndex): MessageEvidence {
  const { text, flags } = normalize(raw);
  const rawScores = new Map<NeedId, number>();
  const evidence = new Map<NeedId, string[]>();
  const perScenario = new Map<NeedId, number[]>();
  const negative = new Map<NeedId, number>();
  const push = (id: NeedId, w: number, why: string) => {
    (perScenario.get(id) ?? perScenario.set(id, []).get(id)!).push(w);
    (evidence.get(id) ?? evidence.set(id, []).get(id)!).push(why);
  };
  if (!text || flags.empty) return { raw: rawScores, evidence, flags, text };

  const chars = [...text];
  const matches = findMatches(text, index.root);
  const covered = new Uint8Array(chars.length);
  // A hit already counted in this message, asked or negated, adds nothing (a Hit is one phrase of
  // one scenario).
  const seq = ++messageSeq;
  for (const m of matches) {
    for (let i = m.start; i < m.end; i++) covered[i] = 1;
    if (m.hits.length === 0) continue;
    const negated = isNegated(chars, m.start, m.end);
    const ackGood = goodAcknowledges(chars, m.start, m.end);
    for (const h of m.hits) {
      // 好 as a word of the sentence (好远, 什么颜色好) is no thanks cue: see below.
      if (!ackGood && h.scenario === 'thanks') continue;
      if (h.counted === seq) continue;
      h.counted = seq;
      if (negated) negative.set(h.scenario, (negative.get(h.scenario) ?? 0) + h.weight * NEGATION_FLIP);
      else push(h.scenario, h.weight, h.phrase);
    }
  }
  // Needs a pattern pulls down (a count changed is no address changed): tagged `/ruled-out/` as well
  // (a pattern tag, so no chip names it as the buyer's word).
  const ruledByPattern = new Set<NeedId>();
  // Adjacent entries sharing one regex (one pattern, several effects) run it once.
  let lastRe: RegExp | null = null;
  let m: RegExpExecArray | null = null;
  for (const p of PATTERNS) {
    if (p.re !== lastRe) {
      lastRe = p.re;
      m = p.re.exec(text);
    }
    if (!m) continue;
    if (p.weight < 0) {
      negative.set(p.scenario, (negative.get(p.scenario) ?? 0) - p.weight);
      ruledByPattern.add(p.scenario);
    }
    else push(p.scenario, p.weight, `/${m[0]}/`);
  }
  if (ACK_ONLY.test(text)) push('thanks', 3, 'ack');
  // 好 as a degree word or what is judged (驿站离我好远, 好贵啊, 拍什么颜色好) with no thanks cue of weight 2
  // or more in the message: no thanks, nor the model's 致谢 chip beside another need (2026-12-06); a weak
  // cue beside it (行 of 就行, 嗯) does not keep thanks. The model may still answer alone and sure (好喜欢
  // is praise the cues do not read), but not when the message asks or wishes (好不好, 什么颜色好, 好就行).
  if (!perScenario.get('thanks')?.some((w) => w >= 2) && goodAsWord(chars)) {
    negative.set('thanks', (negative.get('thanks') ?? 0) + GOOD_AS_WORD_PULL);
    if (GOOD_ASKED.test(text)) ruledByPattern.add('thanks');
  }

  // Weak evidence from bigrams the cue phrases share with uncovered parts of the text (typos,
  // word orders the phrase list does not spell out: 退个货, 发票开一下).
  const bigramSum = new Map<NeedId, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (covered[i] && covered[i + 1]) continue;
    const hits = index.bigramHits.get(chars[i]! + chars[i + 1]!);
    if (!hits) continue;
    for (const h of hits) bigramSum.set(h.scenario, (bigramSum.get(h.scenario) ?? 0) + h.weight);
  }
  for (const [id, w] of bigramSum) push(id, Math.min(BIGRAM_CAP, w), '~bigram');

  for (const [id, ws] of perScenario) {
    ws.sort((a, b) => b - a);
    let total = ws[0]!;
    for (let i = 1; i < ws.length; i++) total += ws[i]! * EXTRA_CUE_SHARE;
    rawScores.set(id, total);
  }
  for (const [id, w] of negative) {
    rawScores.set(id, (rawScores.get(id) ?? 0) - w);
    (evidence.get(id) ?? evidence.set(id, []).get(id)!).push('negated');
    if (ruledByPattern.has(id)) evidence.get(id)!.push('/ruled-out/');
  }
  // A fault named outright in goods the buyer has (领口脱线了 怎么弄, 扣子掉了 怎么搞, 只收到两件): the purchase is
  // behind them. A need of the purchase itself with no word of its own here (nothing but a bigram's crumb) is
  // ruled out, the model's chip with it: the model read 怎么弄 as a coupon's how-to and showed 优惠活动 and 付款
  // beside 质量问题 (walk, 2026-12-07). Named, it stays (开线了 还有货吗 换一件, 赠品坏了).
  if (FAULTS.some((id) => (rawScores.get(id as NeedId) ?? 0) >= FAULT_NAMED_RAW)) {
    // So is a change to an order not yet sent (修改地址): 你们寄错了 showed the model's address chip (p 0.49) beside
    // 错发漏发 — goods sent wrong, not the buyer's address (地址寄错了 names it, and keeps it).
    // So is a wrong or missing item with no word of its own beside goods named broken (a defect or damage): nothing
    // is said to be wrong or short, and the model's 错发漏发 is a second reading of the same words (送的那个小风扇收到
    // 就是坏的 showed it at p 0.36 beside 质量问题, 送的 read as a gift not sent; walk, 2026-12-07). Said, it stays
    // (杯子碎了 盖子也少了一个). Defect and damage are not told apart here: the cue lists and the model each miss
    // some of either (裂了, 漏了), so neither rules the other out.
    const broken = BROKEN.some((id) => (rawScores.get(id as NeedId) ?? 0) >= FAULT_NAMED_RAW);
    // …and the other way round: goods wrong or short named (拍了三个 还差两个, 少发了一件) with no word of a defect or
    // damage beside them are no broken goods — the model's 破损 chip (p 0.24) put 签收后发现破损 second on 拍了三个
    // 还差两个 beside a shipped order (walk, 2026-12-07, sixth round). Said, it stays (杯子碎了 盖子也少了一个).
    const wrongOnly = !broken && (rawScores.get('wrong-item') ?? 0) >= FAULT_NAMED_RAW;
    for (const id of [...PURCHASE, ...ORDER_CHANGE, ...(broken ? ['wrong-item'] : []), ...(wrongOnly ? BROKEN : [])] as NeedId[]) {
      if ((rawScores.get(id) ?? 0) >= PURCHASE_WORD_RAW) continue;
      rawScores.set(id, -1);
      (evidence.get(id) ?? evidence.set(id, []).get(id)!).push('negated', '/ruled-out/');
    }
    // …and the goods' colour or part named beside the fault (发错了 我要的是黑色, 这个拉链) says which goods it
    // is about, no product question: only a phrase that names one (什么颜色, 材质, 怎么用: weight 3) keeps
    // 商品咨询 (收到的衣服颜色发错了，我要的是黑色 had 颜色与色差 — 屏幕色差 — second; walk, 2026-12-07).
    const info = perScenario.get('product-info');
    if (info && !info.some((w) => w >= 3)) rawScores.delete('product-info');
  }
  // 好的 / 好 opening a question is an acknowledgement on the way to asking, not a closing: when
  // thanks would lead, it is dropped (the question's own need, or the context, or nothing remains).
  const thanks = rawScores.get('thanks');
  // Thanks already pulled out (好用吗) stays so, ruling the model's 致谢 chip out.
  if (thanks !== undefined && thanks > 0 && QUESTION_END.test(text) && [...rawScores.values()].every((v) => v <= thanks)) {
    rawScores.delete('thanks');
    evidence.delete('thanks');
  }
  // A closing (thanks leads, confident) that also says 亲, 你好 or 您好 is thanking politely, not
  // opening the chat: the greeting is ruled out, the model's chip with it, so no welcome (新客欢迎, 夜班
  // 接待 at night) reaches the cards of 谢谢亲 or 你好 谢谢 (keyboard walk, 2026-12-06). A greeting that
  // asks for someone (在吗, 有人吗, 人工: weight 3) is a need of its own and stays.
  const closing = rawScores.get('thanks') ?? 0;
  const greeting = perScenario.get('greeting');
  if (greeting && closing >= CONFIDENT_RAW && [...rawScores.values()].every((v) => v <= closing) && greeting.every((w) => w < 3)) {
    rawScores.delete('greeting');
    evidence.get('greeting')!.push('negated', '/ruled-out/');
  }
  // A greeting of courtesy (您好, 你好, hi, 亲: weight 1–2) in front of a need the message names is how the buyer
  // opens the question, no need of its own: it is ruled out, the model's chip with it. 您好，两盒到了一盒，请问另外
  // 一盒呢 showed a 问候 chip (the model's, p 0.43) beside 错发漏发 (walk, 2026-12-07). One that asks for someone
  // (在吗, 人工: weight 3) stays, damped.
  if (greeting && greeting.every((w) => w < 3) && [...rawScores].some(([id, v]) => !SOCIAL.has(id) && v >= CONFIDENT_RAW)) {
    rawScores.delete('greeting');
    evidence.get('greeting')!.push('negated', '/ruled-out/');
  }
  // …and so is a need whose only words are a form of address (宝宝, as 亲: a baby to the product's questions,
  // the buyer's way of calling the agent beside a thanks): 谢谢宝宝 showed a 商品咨询 chip, and 细节待核实 among
  // its cards (walk, 2026-12-07). The cue reading drops it; the model may still name it, as for any need.
  if (closing >= CONFIDENT_RAW && [...rawScores.values()].every((v) => v <= closing)) {
    for (const [id, said] of evidence) {
      if (SOCIAL.has(id) || (rawScores.get(id) ?? 0) >= CONFIDENT_RAW) continue;
      const phrases = said.filter((e) => !/^(~|\/)/.test(e));
      if (phrases.length && phrases.every((e) => ADDRESS_FORMS.has(e))) rawScores.delete(id);
    }
  }
  return { raw: rawScores, evidence, flags, text };
}

function toScore(raw: number): number {
  return raw <= 0 ? 0 : 1 - Math.exp(-raw / 3);
}

/**
 * Classify the buyer's current need. `messages` are the latest buyer turns, oldest first; the
 * last one is the message being answered. Pure and synchronous.
 */
export function classify(messages: string[], opts: ClassifyOptions = {}): Classification {
  const index = indexFor(opts.shopCues);
  const current = messages.length ? messages[messages.length - 1]! : '';
  const cur = scoreMessage(current, index);
  const raw = new Map(cur.raw);

  const best = () => Math.max(0, ...[...raw.values()]);
  // Greeting and thanks frame a message; a named need in the same message comes first.
  const dampSocial = (m: Map<NeedId, number>) => {
    let need = 0;
    for (const [id, v] of m) if (!SOCIAL.has(id)) need = Math.max(need, v);
    if (need < CONFIDENT_RAW) return;
    for (const id of SOCIAL) {
      const v = m.get(id as NeedId);
      if (v === undefined) continue;
      // Only weak hints (亲 as a form of address, 嗯, 行): courtesy around the need, not a greeting or a
      // closing of its own. Damped, 亲 still scored 0.11 and put a 问候 chip beside 亲 有货吗 (2026-12-07).
      if (v < CONFIDENT_RAW) m.delete(id as NeedId);
      else m.set(id as NeedId, v * SOCIAL_DAMPING);
    }
  };
  dampSocial(raw);

  // Context from the previous turns.
  const selfConfident = best() >= CONFIDENT_RAW;
  const followUp = !selfConfident && !isBare(current) && (cur.text.length <= FOLLOW_UP_MAX_CHARS || FOLLOW_UP_RE.test(cur.text));
  const evidence: Partial<Record<ScenarioId, string[]>> = Object.fromEntries(cur.evidence);
  let inherited = false;
  for (let k = 0; k < CONTEXT_DECAY.length; k++) {
    const prevText = messages[messages.length - 2 - k];
    if (prevText === undefined) break;
    if (!followUp && !selfConfident) break;
    const prev = scoreMessage(prevText, index);
    dampSocial(prev.raw);
    for (const [id, v] of prev.raw) {
      if (v <= 0 || SOCIAL.has(id)) continue;
      if (selfConfident) {
        // Only sharpen the current message's own reading (那退吧 after sizes → return, not refund).
        if (k === 0 && (raw.get(id) ?? 0) > 0) raw.set(id, raw.get(id)! + v * CONTEXT_TIEBREAK);
      } else {
        raw.set(id, (raw.get(id) ?? 0) + v * CONTEXT_DECAY[k]!);
        (evidence[id] ??= []).push(`context-${k + 1}`);
        inherited = true;
      }
    }
    // A confident earlier turn is where the topic started; older turns add nothing.
    if (!selfConfident && [...prev.raw.values()].some((v) => v >= CONFIDENT_RAW)) break;
  }

  const sorted = [...raw].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  const scores: ScenarioScore[] = sorted.map(([id, v]) => ({ id, score: toScore(v) }));
  const bestRaw = sorted[0]?.[1] ?? 0;
  const confident = bestRaw >= CONFIDENT_RAW;
  const top: ScenarioId[] = confident
    ? sorted.filter(([, v]) => v >= CONFIDENT_RAW && v >= bestRaw * MULTI_RATIO).slice(0, MAX_TOP).map(([id]) => id)
    : [];
  const out: Classification = { scores, top, confident, evidence };
  if (inherited) out.followUp = true;
  return out;
}

/** All scenario ids a classifier can return, in catalogue order (for UIs and evaluation). */
export const NEED_IDS = SCENARIO_IDS.filter((id): id is NeedId => id !== 'other');
