import type { ScenarioId } from '../scenarios';
import type { OrderStatus, Template } from '../templates/types';
import { shippingDay } from '../templates/variables';
import type { NoShipDays } from '../ship-days';
import { wallOf, type Zone } from '../time';
import { isNight } from '../followups/rules';
import { own } from '../own';
import type { Classification } from './classify';
import { isCuePhrase } from './combine';
import { SOCIAL } from './cues';
import { AFTER, asksArrival, asksDeparture, asksSwapOnly, fitOf, gaveReview, namesExchange, PAID, postedBadReview, PRE, saysHesitant, saysPlacedUnpaid, SENT_BACK, swapsForFit, SHIPPED, SHOP_FAULT, stageOfOrders, stageOfWords, threatensReview, UNPAID } from './fit';
import { bigrams, normalize, PARTICLES } from './normalize';
import { ORDER_BIT, SCENARIO_BIT, TONE_CALM, TONE_WARM, orderMask, type TemplateIndex } from './template-index';

export interface UsageEntry {
  /** Times this agent inserted the template. */
  count: number;
  /** Epoch ms of the last use. */
  lastUsed: number;
  /** Uses per scenario the message was classified into at the time. */
  byScenario?: Partial<Record<ScenarioId, number>>;
}
export type UsageStats = Record<string, UsageEntry>;

export type BuyerSegment = 'new' | 'returning' | 'vip' | 'difficult';
export type { OrderStatus };

export interface RankInput {
  classification: Classification;
  /** The buyer's current message (raw). */
  text: string;
  /**
   * The buyer's messages the panel read (oldest first; the current one may be among them): a detail
   * named in an earlier one still counts (能开专票吗 then 公司抬头需要提供什么 is still about the
   * special invoice). Words and stage are the current message's.
   */
  earlier?: readonly string[];
  usage?: UsageStats;
  buyer?: { segment: BuyerSegment };
  /**
   * The states of all the buyer's orders shown beside the chat, newest first ('closed' allowed
   * and ignored). The one that changes the likely reply is the unpaid one, else the newest; a
   * template whose `orders` condition fits none of them is never suggested.
   */
  orderStatuses?: readonly string[];
  /** Replies this agent inserted for similar messages (learned.ts recall): template id → share 0..1. */
  learned?: Record<string, number>;
  /** Clock for recency and the cut-off; defaults to Date.now(). */
  now?: number;
  /**
   * The shop's daily cut-off ('HH:MM') and its zone (shopZone; the panel hands its render context):
   * once it has passed, a reply that names it as a deadline (今天{截单时间}前付款…) is no longer led
   * with, nor one that writes out a time of today already past in this zone (今天16:00前…). Absent:
   * not looked at. `cutoffUnconfirmed` (the owner has not confirmed it, settings.setup.cutoff): the
   * cut-off is only the default guess, so it decides nothing here — a reply naming it is ranked as at
   * any hour, and its fill-in asks the agent for the real one (renderTemplate); a time the shop wrote
   * out itself still counts.
   */
  shop?: { cutoff: string; zone: Zone; cutoffUnconfirmed?: boolean; noShip?: NoShipDays; dayShift?: { start: string; end: string }; shift?: 'day' | 'night' };
  // `dayShift`: the shop's day-shift hours (follow-up settings); `shift`: the shift the agent chose in
  // team mode, which wins over the clock. Neither given: the shift is not looked at (by day, too).
  // At night a reply marked for the day (template `shift`, starter-shift.ts: 主管上班时间联系您,
  // 请稍等几分钟) goes behind its situation's other replies, and one marked for the night (夜班接待)
  // counts as fitting, as its detail named would.
}

export type RankSignal = 'scenario' | 'words' | 'usage' | 'segment' | 'order' | 'learned';

export interface RankedTemplate {
  template: Template;
  score: number;
  /** The signal that contributed most: what the panel's "why" line names. */
  reason: RankSignal;
  /** Every contributing signal with its share of the score, largest first. */
  reasons: { signal: RankSignal; value: number; scenario?: ScenarioId }[];
}

// ---- weights (one place) ---------------------------------------------------------------------
const W_SCENARIO = 1;
const W_TOP_BONUS = 0.1;
/** A reply written for a second (third) shown situation as well answers more of the message: it
 * gains this share of that situation's score (质量问题处理方案 for a defect and a return question). */
const W_ALSO_SHOWN = 0.25;
/** Times the share of the buyer's words (idf-weighted bigrams, the ones no template holds included)
 * a reply holds. */
const W_WORDS = 0.6;
/** Share of the buyer's words a reply must hold to rank among the shown situations' replies when it
 * is written for none of them (and to be a candidate outside the plausible scenarios at all). */
const STRONG_WORDS = 0.5;
/** Sort key offset that keeps every reply for a shown situation (or with strong evidence of its own)
 * ahead of the rest, whatever their other signals. */
const IN_VIEW = 1000;
const W_USAGE_SCENARIO = 0.35;
const W_USAGE_ANY = 0.1;
const W_RECENT = 0.1;
const RECENT_HALF_LIFE_MS = 14 * 24 * 3600 * 1000;
const W_SEGMENT = 0.2;
/** The reply the agent chose for a similar message: enough to lead its scenario's bucket. */
const W_LEARNED = 1;
/** Unpaid order: a payment reminder leads unless the buyer clearly asks for something after-sale. */
const W_UNPAID_PAYMENT = 1.2;
const W_UNPAID_PAYMENT_BUSY = 0.3;
const W_STATUS_HINT = 0.15;
/** A reply whose `orders` condition none of the buyer's orders meets states something false about
 * them (已发货 on an unshipped order): far below MIN_SCORE, so it is never suggested (search finds it). */
const W_ORDER_CONFLICT = 10;
/** After the cut-off, a reply naming it as a deadline (今天{截单时间}前付款) sets the buyer a time already
 * gone: it earns no order boost and falls behind its situation's other replies (the card warns too). */
const W_PAST_DEADLINE = 0.3;
/** Fit to the buyer (fit.ts; README "Fit to the buyer"): these reorder a situation's replies but
 * never take one off the cards (MIN_SCORE is checked without them). A reply written for a detail
 * the message does not name (气味, 好评, 付款失败) falls behind the situation's general replies, even
 * when it shares the buyer's every word (谢谢 in 感谢好评 for 好的谢谢): more than W_WORDS. A named
 * detail puts its reply first, before a reply that only fits the stage (感谢好评 before 邀请五星评价
 * for 好评已经给了). Detail words are the buyer's words for the thing itself, never a word every
 * message of another situation holds (收到 named 邀五星好评 in 扣子掉了，刚收到的). */
const W_DETAIL_MISS = W_WORDS + 0.05;
const W_DETAIL_HIT = 0.2;
/** At night, a reply that promises someone only the day shift has (主管, 同事, 仓库 now or today) goes
 * behind its situation's other replies, as a detail not named does. */
const W_OFF_SHIFT = W_DETAIL_MISS;
/** At night, a reply written for the night (夜班接待) leads its situation: more than a shared 您好
 * gives the daytime welcome (0.07 for 您好在吗). */
const W_ON_SHIFT = 0.3;
/** A reply whose text is true at another order stage than the buyer's (words first, else orders). */
const W_STAGE = 0.5;
/** A reply true at the buyer's known stage goes before the situation's any-stage replies (已发货取消
 * before 取消订单（先查订单）for a shipped order): those are for when the stage is not known. */
const W_STAGE_FIT = 0.15;
/** With no stage known (no order shown, no stage words), a reply true at any stage goes before one
 * true at some: enough to outweigh a shared courtesy (谢谢亲 in 道别（邀五星好评）for 好的谢谢). */
const W_STAGE_UNKNOWN = 0.3;
/** A question when the parcel arrives (几天能到) puts the reply naming the days in transit (到货时间)
 * first: more than a named detail and the stage fit that 发货时间's 您现在付款的话 earns before payment,
 * so the shipping day follows it whatever the library's order. */
const W_ASKED_ARRIVAL = W_DETAIL_HIT + W_STAGE_FIT;
/** A reply listed first for a situation not shown answers it only on the side (感谢好评 for 好的谢谢). */
const W_SECONDARY = 0.2;
/** A reply billing the buyer for postage (非质量问题运费, 补运费) when the message reads as the shop's
 * mistake or a defect: it goes behind the situation's replies that put the postage on the shop. */
const W_BILLS_FAULT = 1;
/** The score at which a defect, a wrong or short item or damage counts as read in the message. */
const SHOP_FAULT_AT = 0.3;
const MIN_SCORE = 0.15;
/** A chip named by the buyer's words with at least this score gets a card of its own (see `best` below). */
const OWN_CARD_AT = 0.3;
/** A message this short (normalised) follows up the one before it (context.ts reads follow-ups alike). */
const FOLLOW_UP_CHARS = 14;

// ---- candidate caps: what keeps one ranking independent of library size -----------------------
/** Templates taken from the head of each scenario bucket. */
const BUCKET_CAP = 48;
/** Scenarios whose buckets are read. */
const SCENARIO_CAP = 4;
/** Only the rarest query bigrams are looked up, and only the head of each posting list is read
 * (library order, which is the shop's priority). Bounds the word pass at 8 × 256 entries. */
const RARE_BIGRAMS = 8;
const POSTING_SCAN = 256;
const TONE_CAP = 16;
/** Word-matched templates kept for scoring, best matches first. */
const WORD_CANDIDATES = 64;

/** Scenarios in which, with an unpaid order, a payment reminder earns its full boost (pre-sale). */
const PRE_PAYMENT: ReadonlySet<ScenarioId> = new Set<ScenarioId>([
  'greeting', 'thanks', 'size-fit', 'product-info', 'stock', 'bargain', 'promotion',
  'shipping-time', 'courier', 'payment', 'invoice',
]);
/**
 * Leads under which the payment reminder may take Alt+1: a message about nothing in particular
 * (在吗, 好的我看看), or one it answers (when it ships depends on paying; payment itself). Under any
 * other clear need the chips show (改地址, 便宜点, 有货吗, a return) the reminder keeps its one slot
 * but goes after the first reply to what the buyer asked (QA: 催付 at Alt+1 for 还没付款，地址能改吗).
 */
/** A return or goods not wanted, said by the buyer (normalised text). */
const RETURN_WORD = /退|不想要|不要了/;
/** Words of thanks (normalised text), as against a bare acknowledgement (嗯嗯, 好的, 收到). */
const THANKS_SAID = /谢|感谢|辛苦|麻烦(?:你|您)?了|3q|thank/;
const REMINDER_LEADS: ReadonlySet<ScenarioId> = new Set<ScenarioId>(['greeting', 'thanks', 'shipping-time', 'payment']);

const STATUS_HINTS: Record<OrderStatus, ScenarioId[]> = {
  unpaid: [],
  paid: ['shipping-time', 'address-change', 'delay'],
  shipped: ['tracking'],
  refunding: ['refund-status', 'return-shipping'],
  completed: ['review', 'return', 'quality'],
};

const PAYMENT_BIT = SCENARIO_BIT.get('payment')!;
const UNPAID_BIT = ORDER_BIT.get('unpaid')!;
/** The order states in which the buyer holds the goods. */
const RECEIVED_MASK = orderMask(['shipped', 'refunding', 'completed']);
/** Scratch for the word pass, reused by every call (ranking is synchronous): at most
 * RARE_BIGRAMS × POSTING_SCAN templates are touched. */
const TOUCHED = new Int32Array(RARE_BIGRAMS * POSTING_SCAN);
const WORD_T = new Int32Array(RARE_BIGRAMS * POSTING_SCAN);
const WORD_W = new Float64Array(RARE_BIGRAMS * POSTING_SCAN);
/** Scored candidates (positions), and their scores by position; grown with the largest index. */
let SCORED_T = new Int32Array(1024);
let SCORED_S = new Float64Array(1024);

/** What follows a return sent back (fit.ts SENT_BACK): its number and postage, the refund. */
const RETURN_SENT_NEXT: ScenarioId[] = ['return-shipping', 'refund-status'];

/** The buyer's message says `w` and does not deny it (不想寄回去了 is not 寄回去了). */
const DENIED = /(?:不|没|别|不想|不用|不要|没有)$/;
/** A bad review's words, for 差评之前先解决 (fit.ts REVIEW_THREAT_ONLY). */
const BAD_REVIEW_WORD = /差评|中评|一星|一颗星|低分|评价|评分/;

function saysWord(m: string, w: string): boolean {
  for (let i = m.indexOf(w); i >= 0; i = m.indexOf(w, i + 1)) if (!DENIED.test(m.slice(Math.max(0, i - 2), i))) return true;
  return false;
}

/** As saysWord, except that an A-not-A question before the word (有没有色差, 要不要顺丰) asks, it does not deny. */
const ASKS_EITHER = /(.)[不没]\1$/;
function namesWord(m: string, w: string): boolean {
  for (let i = m.indexOf(w); i >= 0; i = m.indexOf(w, i + 1)) {
    if (ASKS_EITHER.test(m.slice(Math.max(0, i - 3), i)) || !DENIED.test(m.slice(Math.max(0, i - 2), i))) return true;
  }
  return false;
}

/** Adds one signal's share to the explanation being built (when there is one); returns the value. */
function note(reasons: RankedTemplate['reasons'] | null, signal: RankSignal, value: number, scenario?: ScenarioId): number {
  if (reasons) reasons.push(scenario ? { signal, value, scenario } : { signal, value });
  return value;
}
const LOG11 = Math.log1p(10);
const LOG51 = Math.log1p(50);

/** Rank templates for the current buyer message. Cost is bounded by the caps above. */
export function rankTemplates(index: TemplateIndex, input: RankInput, limit = 3): RankedTemplate[] {
  const { classification: cls } = input;
  const scoreOf = new Map<ScenarioId, number>(cls.scores.map((s) => [s.id, s.score]));
  const reviewThreatened = threatensReview(input.text);
  // A bad review posted or threatened: asking for five stars or thanking for a good review is not
  // suggested at all (我已经给了你们差评 had 邀请五星评价 second).
  const reviewBad = reviewThreatened || postedBadReview(input.text);
  // A need lifted this way counts as shown though no chip names it: it takes the score of the chip it
  // follows from, and its replies become candidates (`lifted`, in the order lifted).
  const top: ScenarioId[] = [...cls.top];
  const lifted: ScenarioId[] = [];
  const liftAfter = (from: ScenarioId, ids: readonly ScenarioId[]) => {
    for (const s of ids) {
      if (!top.includes(s)) top.push(s);
      scoreOf.set(s, Math.max(scoreOf.get(s) ?? 0, scoreOf.get(from) ?? 0));
      lifted.push(s);
    }
  };
  // A review threatened (再不给个说法我就给差评了) is a complaint not yet a review: with only the 中差评
  // chip shown, the complaint's replies count as shown too, so 先协商解决 can answer it (中差评沟通 led it).
  // A complaint chip far below the review one (小心我给差评: 0.05) brought none of its replies either.
  // One posted is a complaint too: after 中差评沟通, the apology comes before 不做好评返现.
  if (reviewBad && cls.top.includes('review')) liftAfter('review', ['complaint']);
  // A return the buyer says is sent back (我已经寄回了) is past every 退货 reply (how to start one, 是哪里
  // 不满意): what follows it — the parcel's number, the refund — counts as shown too, so 退货已寄出 and
  // 退款进度 answer it (with 换货进度 gone from it, the 退货 chip alone had no card left).
  const qText = normalize(input.text).text;
  // Only when neither is a chip already: 寄回去了，什么时候退款 keeps 退款到账时间 first.
  const sentBack = cls.top.includes('return') && !RETURN_SENT_NEXT.some((s) => cls.top.includes(s)) && SENT_BACK.some((w) => saysWord(qText, w));
  if (sentBack) liftAfter('return', RETURN_SENT_NEXT);
  // Another colour or size wanted for an order placed whose parcel has not left (想换个颜色，还没发货吧; a
  // paid order and no other): nothing is sent back, the order itself is changed — the order-change
  // replies count as shown too, so 取消已付款订单 (…只是想换颜色或规格，我也可以直接帮您改) answers it (换货流程
  // led, 2026-12-06). Not for a shopper asking ahead (现在下单，不合适能换吗: the stage words read pre-sale too).
  // A weak 取消订单 chip of the model's own (0.06) is raised too: it kept the lift off, and 想换个颜色 还没发货吧
  // had 延迟发货致歉 first and 取消已付款订单 fifth (2026-12-07).
  const wordStage = stageOfWords(input.text);
  const buyerStage = wordStage || stageOfOrders(input.orderStatuses ?? []);
  const unsentChange =
    cls.top.includes('exchange') && (buyerStage & (UNPAID | PAID)) !== 0 && (buyerStage & (PRE | SHIPPED | AFTER)) === 0;
  if (unsentChange) liftAfter('exchange', ['cancel-order']);
  const topSet = new Set(top);
  const scenarios = (cls.confident ? cls.scores : cls.scores.filter((s) => s.score > 0.3)).slice(0, SCENARIO_CAP).map((s) => s.id);

  // Candidates: a list plus a per-index generation stamp (no Set, nothing to collect per call).
  const seen = (index.seen ??= new Uint32Array(index.templates.length));
  const gen = (index.seenGen = ((index.seenGen ?? 0) + 1) >>> 0) || ((index.seenGen = 1), seen.fill(0), 1);
  const candList: number[] = [];
  const cand = {
    add(t: number) {
      if (seen[t] !== gen) {
        seen[t] = gen;
        candList.push(t);
      }
    },
  };
  const addBucket = (b: Int32Array | undefined, cap: number) => {
    if (!b) return;
    for (let i = 0; i < b.length && i < cap; i++) cand.add(b[i]!);
  };
  for (const s of scenarios) addBucket(index.buckets.get(s), BUCKET_CAP);
  for (const s of lifted) addBucket(index.buckets.get(s), BUCKET_CAP);

  // The buyer's own words: rarer bigrams weigh more (idf); very common ones are skipped.
  // Word overlap accumulates in a per-index scratch array (no Map churn, no GC pressure per call).
  const acc = (index.scratch ??= new Float64Array(index.templates.length));
  if (SCORED_S.length < index.templates.length) {
    SCORED_S = new Float64Array(index.templates.length);
    SCORED_T = new Int32Array(index.templates.length);
  }
  const touched = TOUCHED;
  let nTouched = 0;
  const words = new Map<number, number>();
  // Particles (的吗, 了吧) are no words to match on. A bigram no template holds still counts in the
  // message's weight, as the rarest: the buyer's own specific word (显白, 容量) is what a reply
  // sharing only 这个颜色 does not answer, and a long message dilutes any overlap.
  const qBigrams = [...new Set(bigrams(qText).filter((b) => b.length === 2 && !PARTICLES.test(b)))];
  const n = Math.max(1, index.templates.length);
  const absentIdf = Math.log(1 + n);
  let qWeight = 0;
  const present: { post: Int32Array; idf: number }[] = [];
  for (const bg of qBigrams) {
    const post = index.postings.get(bg);
    if (!post) {
      qWeight += absentIdf;
      continue;
    }
    const idf = Math.log(1 + n / post.length);
    qWeight += idf;
    present.push({ post, idf });
  }
  present.sort((a, b) => a.post.length - b.post.length);
  for (let p = 0; p < present.length && p < RARE_BIGRAMS; p++) {
    const { post, idf } = present[p]!;
    const end = Math.min(post.length, POSTING_SCAN);
    for (let i = 0; i < end; i++) {
      const t = post[i]!;
      if (acc[t] === 0) touched[nTouched++] = t;
      acc[t]! += idf;
    }
  }
  // Only word-matched templates in a plausible scenario, or strong word matches anywhere; the
  // best WORD_CANDIDATES by overlap (ties: library order) are kept.
  const scenarioMask = scenarios.reduce((m, s) => m | (SCENARIO_BIT.get(s) ?? 0), 0);
  let nWord = 0;
  for (let i = 0; i < nTouched; i++) {
    const t = touched[i]!;
    const w = acc[t]!;
    acc[t] = 0;
    if (index.scenarioBits[t]! & scenarioMask || w / Math.max(qWeight, 1e-9) >= STRONG_WORDS) {
      WORD_T[nWord] = t;
      WORD_W[nWord++] = w;
    }
  }
  // Keep the best WORD_CANDIDATES in place, sorted (insertion into a short sorted prefix).
  let kept = 0;
  const before = (i: number, t: number, w: number) => WORD_W[i]! > w || (WORD_W[i] === w && WORD_T[i]! < t);
  for (let i = 0; i < nWord; i++) {
    const t = WORD_T[i]!;
    const w = WORD_W[i]!;
    if (kept === WORD_CANDIDATES && before(kept - 1, t, w)) continue;
    let at = Math.min(kept, WORD_CANDIDATES - 1);
    while (at > 0 && !before(at - 1, t, w)) {
      WORD_T[at] = WORD_T[at - 1]!;
      WORD_W[at] = WORD_W[at - 1]!;
      at--;
    }
    WORD_T[at] = t;
    WORD_W[at] = w;
    if (kept < WORD_CANDIDATES) kept++;
  }
  for (let i = 0; i < kept; i++) {
    cand.add(WORD_T[i]!);
    words.set(WORD_T[i]!, WORD_W[i]!);
  }

  const usage = input.usage ?? {};
  for (const id of Object.keys(usage)) {
    const t = index.byId.get(id);
    if (t !== undefined && (index.scenarioBits[t]! & scenarioMask || !cls.confident)) cand.add(t);
  }
  const learned = input.learned ?? {};
  for (const id of Object.keys(learned)) {
    const t = index.byId.get(id);
    if (t !== undefined) cand.add(t);
  }
  const segment = input.buyer?.segment;
  if (segment === 'returning' || segment === 'vip') for (const s of scenarios) addBucket(index.warmBuckets.get(s), TONE_CAP);
  if (segment === 'difficult') for (const s of scenarios) addBucket(index.calmBuckets.get(s), TONE_CAP);

  const statuses = input.orderStatuses ?? [];
  const status = statuses.includes('unpaid') ? 'unpaid' : ORDER_BIT.has(statuses[0]!) ? (statuses[0] as OrderStatus) : undefined;
  // The states the page shows for this buyer; 0 = unknown, and conditions are not looked at. When the
  // buyer's own words say the goods came (收到的颜色不对) and every order shown is yet to ship, the
  // message is about an earlier order the page does not show: a reply true of received goods (发错货)
  // is no lie about it (漏发少件 led a wrong colour beside a paid order, shift walk 2026-12-07).
  const shown = orderMask(statuses);
  const known = shown && !(shown & RECEIVED_MASK) && wordStage & AFTER ? shown | RECEIVED_MASK : shown;
  let unpaidBoost = 0;
  if (status === 'unpaid') {
    const lead = cls.confident ? cls.scores[0]?.id : undefined;
    unpaidBoost = !lead || PRE_PAYMENT.has(lead) ? W_UNPAID_PAYMENT : W_UNPAID_PAYMENT_BUSY;
    addBucket(index.buckets.get('payment'), TONE_CAP);
  }
  const statusMask = (status ? STATUS_HINTS[status] : []).reduce((m, s) => m | (SCENARIO_BIT.get(s) ?? 0), 0);
  const now = input.now ?? Date.now();
  const late = !!input.shop && !input.shop.cutoffUnconfirmed && !shippingDay(now, input.shop.cutoff, input.shop.zone, input.shop.noShip).isToday;
  // A deadline written out as a clock time (今天16:00前) has passed at that minute of the shop's day.
  const minute = input.shop ? wallOf(now, input.shop.zone).minutes : -1;
  const pastDeadline = (t: number) => (late && index.cutoffDeadline[t] === 1) || minute >= index.clockDeadline[t]!;
  const fit = fitOf(index.templates);
  const sh = input.shop;
  const night = !!sh && (sh.shift ? sh.shift === 'night' : !!sh.dayShift && isNight(now, { dayShift: sh.dayShift, utcOffsetMinutes: sh.zone }));
  const named = [qText, ...(input.earlier ?? []).map((m) => normalize(m).text)];
  // An exchange under way needs the buyer's word for it or the 换货 chip (fit.ts EXCHANGE_UNDER_WAY).
  const exchangeSaid = topSet.has('exchange') || named.some(namesExchange);
  // What rules a reply out: the current message, and the one before it when this one only follows
  // it up (a parcel number after 退货寄出了). 14 characters, as the classifier's follow-ups (context.ts).
  const prior = (input.earlier ?? []).filter((m) => m !== input.text).at(-1);
  // A parcel number or code does not make the message longer.
  const short = qText.replace(/[a-z0-9]+/g, '').length <= FOLLOW_UP_CHARS;
  const ruling = prior !== undefined && short ? [qText, normalize(prior).text] : [qText];
  const ruledOut = (t: number) => {
    const not = fit.notFor[t];
    if (not && not.some((w) => ruling.some((m) => saysWord(m, w)))) return true;
    const u = fit.notForUnless[t];
    return !!u && u[0].some((w) => ruling.some((m) => saysWord(m, w))) && !u[1].some((w) => ruling.some((m) => m.includes(w)));
  };
  // 到货时间 (发货后一般…天左右送达) speaks of a parcel not sent yet: a buyer whose parcel is on its way
  // and asks when it comes is tracking it.
  const arrivalAsked = (!buyerStage || (buyerStage & (PRE | UNPAID | PAID)) !== 0) && asksArrival(qText);
  // Read once, and only when a reply needs it (到货时间, 已付款确认).
  let departure: boolean | undefined;
  const departureAsked = () => (departure ??= asksDeparture(qText));
  // …by a buyer the page shows has paid, and whose words do not place elsewhere (有现货吗 shops again).
  const paidDeparture = () => status === 'paid' && !wordStage && departureAsked();
  // A five-star request is no answer to a threat of a bad review either (再不处理就给差评了).
  const goodGiven = !reviewBad && gaveReview(input.text);
  const reviewGiven = goodGiven || reviewBad;
  // The buyer's stage is known and no order is paid for, on its way or in hand.
  const notBought = !!buyerStage && !(buyerStage & (PAID | SHIPPED | AFTER));
  // The message reads as the shop's mistake or a defect (a wrong, short or broken item is among its
  // needs, chip or not: 退货运费你们给报销吗？是质量问题 had 开发票 on the third chip): the postage is the shop's.
  // Read on the buyer's own words as well as the score: the combined score of a third chip depends
  // on the model's share (0.38 in one reading, 0.29 in the panel's), a defect word does not.
  const shopFault = cls.scores.some((s) => {
    if (!SHOP_FAULT.includes(s.id)) return false;
    const ev = cls.evidence[s.id] ?? [];
    return s.score >= SHOP_FAULT_AT || (ev.some(isCuePhrase) && !ev.includes('negated'));
  });
  /** The best shown situation a reply is written for: the one whose replies a detail reorders. */
  const situationOf = (t: number): ScenarioId | undefined => {
    let at: ScenarioId | undefined;
    for (const s of index.templates[t]!.scenarios) if (topSet.has(s) && (!at || (scoreOf.get(s) ?? 0) > (scoreOf.get(at) ?? 0))) at = s;
    return at;
  };
  /** A reply stating what only the page can show (退款已完成) with no sign of it there (fit.ts NEEDS_ON_PAGE). */
  const unsigned = (t: number): boolean => {
    const need = fit.needsOnPage[t];
    return !!need && !statuses.includes(need as OrderStatus);
  };
  // An order placed and not paid: on the page, or in the buyer's words (还没付款; not 付款前, 还没拍).
  const hesitant = saysHesitant(input.text);
  let swap: boolean | undefined;
  let swapOnly: boolean | undefined;
  const fitSwap = () => (swap ??= swapsForFit(input.text));
  const placedUnpaid = status === 'unpaid' || [input.text, ...(input.earlier ?? [])].some(saysPlacedUnpaid);
  /** A payment reminder (您拍下的宝贝还没付款) to a buyer with no order placed: it answers nothing asked
   * (付款前能用花呗吗 had both reminders first) and tells the buyer what is not so. */
  const unplaced = (t: number): boolean => fit.claimsPlaced[t] === 1 && !placedUnpaid;
  /** Whether message `m` names reply `t`'s detail (its words, less any span that does not name it: NOT_DETAIL). */
  const names = (t: number, m: string) => {
    const cut = fit.notDetail[t];
    const said = cut ? m.replace(cut, '，') : m;
    // A detail the buyer turns down (不要顺丰, 不用分期) is not what they ask for: 指定顺丰 led 不要顺丰 发邮政就行.
    return fit.detail[t]!.some((w) => w.every((p) => namesWord(said, p)));
  };
  /** Situations with a candidate reply that does not miss a detail (general, or its detail named). */
  let general: Set<ScenarioId> | null = null;
  const behindGeneral = (t: number): boolean => {
    if (!general) {
      general = new Set();
      for (const c of candList) {
        const d = fit.detail[c];
        if (d && !named.some((m) => names(c, m))) continue;
        const fits = index.orderBits[c]!;
        if ((known && fits && !(fits & known)) || ruledOut(c)) continue;
        // Every shown situation it is written for: 质量问题请拍照 (质量问题, 退货, 换货) is a general reply of
        // 质量问题 even where 换货 scores higher. Counted for its best one only, 质量问题 had none, and 新衣有
        // 气味 and 超过三天的质量问题 came before 换货流程 for 洗了一次就缩水了 换个大一码 (2026-12-07).
        for (const sc of index.templates[c]!.scenarios) if (topSet.has(sc)) general.add(sc);
      }
    }
    const s = situationOf(t);
    return !s || general.has(s);
  };
  /** A reply whose every shown situation is gated (fit.ts ONLY_WITH) by words no message holds. */
  const gatedOut = (t: number): boolean => {
    const g = fit.onlyWith[t];
    if (!g) return false;
    let shownAny = false;
    for (const s of index.templates[t]!.scenarios) {
      if (!topSet.has(s)) continue;
      shownAny = true;
      const gate = g.find(([gs]) => gs === s);
      if (!gate || named.some((m) => gate[1].some((w) => m.includes(w)))) return false;
    }
    return shownAny;
  };
  /** The fit penalties, and the small bonuses of a named detail and a fitting stage. */
  // The detail words the current message names of a shown situation's replies (set before scoring): a
  // reply whose detail only an earlier message named goes behind them — the latest words lead (少发了一条
  // 裤子 after 发错颜色了 had 发错货 first beside a refunding order, on the order's hint; after-sales walk,
  // 2026-12-07) — unless its own text speaks of them: then the new words ask within its matter (能开专票吗,
  // then 公司抬头需要提供什么: 增值税专票 names 抬头 too, and still leads).
  let latestWords: string[] = [];
  const continues = (t: number) => latestWords.some((w) => index.templates[t]!.body.includes(w));
  const fitOffset = (t: number): number => {
    let v = 0;
    const stage = fit.stage[t]!;
    // With nothing known the buyer may be shopping: a reply true before purchase is not held back.
    // A reply whose text is false at the buyer's stage (TRUE_AT) is off stage for its detail too: 送货上门与驿站
    // (我在订单上给您备注…换一家) named by 能不能送上门 led a shipped order's, where the parcel has left.
    const offStage = !!buyerStage && (stage ? !(stage & buyerStage) : !!fit.trueAt[t] && !(fit.trueAt[t]! & buyerStage));
    if (stage) v += !buyerStage ? (stage & PRE ? 0 : -W_STAGE_UNKNOWN) : offStage ? -W_STAGE : W_STAGE_FIT;
    else if (offStage) v -= W_STAGE;
    const detail = fit.detail[t];
    // A detail named at another stage is not that detail (拍了 in 那我先拍了 is no payment made). One
    // named only in an earlier message keeps its reply from losing but earns no lead over the current
    // ask (物流一直不动, answered before, does not put 物流停滞 over 还没收到货，地址能换吗).
    // A detail not named reorders the replies of its own situation only: when every reply of that
    // situation misses its detail (发的是蓝色…下单的是黑色 names none of 发错货's words), there is no
    // general reply to go behind, and the penalty handed slot 1 to a lower-scored situation's reply
    // (面料材质; QA pass T, finding 3).
    const forShift = fit.shift[t];
    if (night && forShift === 1) v -= W_OFF_SHIFT;
    // The night itself is what a night reply is written for (夜班接待's detail is 晚/夜).
    if (night && forShift === 2) v += W_ON_SHIFT;
    else if (detail) v += offStage ? -W_DETAIL_MISS : names(t, qText) || (fit.answersPaidDeparture[t] === 1 && paidDeparture()) ? W_DETAIL_HIT : named.some((m) => names(t, m)) ? (latestWords.length && !continues(t) ? -W_DETAIL_HIT : 0) : !behindGeneral(t) ? 0 : -W_DETAIL_MISS;
    if (shopFault && fit.billsPostage[t]) v -= W_BILLS_FAULT;
    if (reviewThreatened && fit.answersReview[t]) v -= W_DETAIL_MISS;
    // A threat in any words (等着差评吧, 小心我给差评) names 先协商解决's detail, not only the words listed
    // for it (fit.ts SETTLES_THREAT; 等着差评吧 had 中差评沟通 first): undo a miss the line above took and count the hit.
    if (reviewThreatened && fit.settlesThreat[t] && detail && !names(t, qText))
      v += W_DETAIL_HIT + (named.some((m) => names(t, m)) || !behindGeneral(t) ? 0 : W_DETAIL_MISS);
    if (arrivalAsked && fit.answersArrival[t]) v += W_ASKED_ARRIVAL;
    else if (fit.answersArrival[t] && departureAsked()) v -= W_DETAIL_MISS;
    if (unsigned(t) || unplaced(t)) v -= W_DETAIL_MISS;
    // A buyer still making up their mind (拍了还没付，有点犹豫) is asked what holds them back before being
    // reminded of the order: 催付 led 打消顾虑 on the words it shares with 拍了…还没付 (QA, 2026-12-06).
    if (hesitant && fit.claimsPlaced[t]) v -= W_DETAIL_MISS;
    const first = index.templates[t]!.scenarios[0]!;
    if (shownMask && !topSet.has(first) && index.scenarioBits[t]! & shownMask) v -= W_SECONDARY;
    return v;
  };

  /** A payment reply that fits an unpaid order (no condition, or one that names it) and sets no deadline already past. */
  const paymentForUnpaid = (t: number) =>
    (index.scenarioBits[t]! & PAYMENT_BIT) !== 0 && (!index.orderBits[t] || (index.orderBits[t]! & UNPAID_BIT) !== 0) && !pastDeadline(t);

  // The situations the agent sees as chips. A reply for none of them comes after every reply for
  // one, unless it has strong evidence of its own (most of the buyer's words, or the unpaid order's
  // payment reminder): a scenario the chips left out, a learned pick or usage elsewhere, or a few
  // shared words do not put it before what the chips promise.
  const shownMask = top.reduce((m, s) => m | (SCENARIO_BIT.get(s) ?? 0), 0);
  const wordShare = (t: number) => (qWeight > 0 ? Math.min(1, (words.get(t) ?? 0) / qWeight) : 0);
  // A closing's words are courtesy (辛苦了, 麻烦了): they bring no reply of another situation into view
  // (好的好的 辛苦了 had 细节待核实…辛苦稍等 third, on 辛苦; 2026-12-07).
  const closingOnly = top.includes('thanks') && top.every((s) => SOCIAL.has(s));
  // A situation the cue reading rules out (`/ruled-out/`: a gift at fault is no promotion question, goods in hand at
  // fault no haggling, a greeting in front of a need no welcome) and no chip shows: a reply written for such
  // situations only is not suggested, whatever words it shares with the message — 赠品 烂的 had 送小礼物 and 赠品说明
  // first, on 赠品 alone (walk, 2026-12-07). Search still finds them. An unpaid order's reminder keeps its slot: the
  // order is on the page whatever the message's words rule out (付款前问问…, a fault named: no payment need).
  let ruledSituations = 0;
  for (const [s, ev] of Object.entries(cls.evidence)) if (ev?.includes('/ruled-out/') && !topSet.has(s as ScenarioId)) ruledSituations |= SCENARIO_BIT.get(s as ScenarioId) ?? 0;
  const forRuledOnly = (t: number) => {
    const bits = index.scenarioBits[t]!;
    return ruledSituations !== 0 && bits !== 0 && (bits & ~ruledSituations) === 0 && !(unpaidBoost > 0 && paymentForUnpaid(t));
  };
  const inView = (t: number) =>
    !shownMask || (index.scenarioBits[t]! & shownMask) !== 0 || (!closingOnly && wordShare(t) >= STRONG_WORDS) || (unpaidBoost > 0 && paymentForUnpaid(t));

  // Score every candidate with numbers only; build the explanation for the winners alone.
  const score = (t: number, reasons: RankedTemplate['reasons'] | null): number => {
    const tpl = index.templates[t]!;
    let total = 0;
    // Scenario: the best-scoring shown situation this template is written for, plus a share of each
    // further shown one; a scenario the chips left out only counts for a template written for none
    // of them (its "why" then never names a situation the agent cannot see beside a shown one).
    let best = 0;
    let bestId: ScenarioId | undefined;
    let shown = 0;
    let shownSum = 0;
    let shownId: ScenarioId | undefined;
    for (const s of tpl.scenarios) {
      const v = scoreOf.get(s) ?? 0;
      if (topSet.has(s)) {
        shownSum += v;
        if (v > shown || !shownId) {
          shown = v;
          shownId = s;
        }
      } else if (v > best) {
        best = v;
        bestId = s;
      }
    }
    if (shownId) {
      best = shown + W_TOP_BONUS + W_ALSO_SHOWN * (shownSum - shown);
      bestId = shownId;
    }
    if (best > 0) total += note(reasons, 'scenario', W_SCENARIO * best, bestId);
    const share = wordShare(t);
    if (share > 0) total += note(reasons, 'words', W_WORDS * share);
    const u = own(usage, tpl.id);
    if (u && u.count > 0) {
      let v = W_USAGE_ANY * Math.min(1, Math.log1p(u.count) / LOG51);
      const inScenario = bestId ? u.byScenario?.[bestId] ?? 0 : 0;
      v += W_USAGE_SCENARIO * Math.min(1, Math.log1p(inScenario) / LOG11);
      if (u.lastUsed > 0) v += W_RECENT * Math.pow(0.5, Math.max(0, now - u.lastUsed) / RECENT_HALF_LIFE_MS);
      total += note(reasons, 'usage', v, bestId);
    }
    const l = learned[tpl.id];
    if (l) total += note(reasons, 'learned', W_LEARNED * l, bestId);
    const tone = index.toneBits[t]!;
    if ((segment === 'returning' || segment === 'vip') && tone & TONE_WARM) total += note(reasons, 'segment', W_SEGMENT);
    else if (segment === 'new' && tone & TONE_WARM) total += note(reasons, 'segment', -W_SEGMENT);
    else if (segment === 'difficult' && tone & TONE_CALM) total += note(reasons, 'segment', W_SEGMENT);
    const fits = index.orderBits[t]!;
    if (known && fits && !(fits & known)) total -= W_ORDER_CONFLICT;
    else if (unpaidBoost && paymentForUnpaid(t)) total += note(reasons, 'order', unpaidBoost, 'payment');
    else if (statusMask && index.scenarioBits[t]! & statusMask) total += note(reasons, 'order', W_STATUS_HINT);
    if (pastDeadline(t)) total -= W_PAST_DEADLINE;
    // The message says the reply's text is false for it (刚付款 for 让您久等了, 不喜欢 for 确实是我们的
    // 问题): like an order conflict, it is not suggested on this message (search still finds it).
    if (ruledOut(t) || forRuledOnly(t)) total -= W_ORDER_CONFLICT;
    if (gatedOut(t)) total -= W_ORDER_CONFLICT;
    // A review the buyer says is given, good or bad, or one threatened: asking for five stars asks for
    // what is done (好评已经给了哦 still had 邀请五星评价 third when it only lost ground); thanks for a good one
    // only when the review is not bad.
    if ((reviewGiven && fit.asksReview[t]) || (reviewBad && fit.thanksReview[t])) total -= W_ORDER_CONFLICT;
    // …nor can one be given before the goods are bought: a buyer the page or their words place before payment is not
    // asked for five stars (谢谢 beside an unpaid order had 道别（邀五星好评） third; walk, 2026-12-07).
    else if (notBought && fit.asksReview[t]) total -= W_ORDER_CONFLICT;
    // A good review given is no bad one to answer: a reply to one (看到您的评价…追评或者修改) is not
    // suggested, unless it thanks for the review itself (it led 评价我早写了，五星 on the word 评价, then
    // stayed third behind the thanks when it only lost ground).
    if (goodGiven && fit.answersReview[t] && !fit.thanksReview[t]) total -= W_ORDER_CONFLICT;
    if (fit.exchangeOnly[t] && !exchangeSaid) total -= W_ORDER_CONFLICT;
    // …nor when the message asks for a new one (这条裤子能换个大一码吗: a swap for fit, another size named) and
    // says nothing of one under way (寄回, 新的那件…: their detail). With 退货挽留 and the size replies off such a
    // message, 换货进度 filled its third card (walk, 2026-12-07).
    else if (fit.exchangeOnly[t] && fitSwap() && !named.some((m) => names(t, m))) total -= W_ORDER_CONFLICT;
    // 差评之前先解决 speaks of a bad review threatened: not suggested for one posted or a good one given,
    // nor for a complaint threatened with no review in the words (不然我就投诉).
    if (fit.reviewThreatOnly[t] && !(reviewThreatened && BAD_REVIEW_WORD.test(qText))) total -= W_ORDER_CONFLICT;
    // A closing (好的谢谢) is no payment made nor review given: a reply written first for another situation
    // whose detail no message names (已付款确认's 付了, 感谢好评's 好评) is not suggested on it — 收到您的付款啦
    // was the second card of 好的谢谢 beside a paid order, at any hour (after-sales walk, 2026-12-07).
    if (closingOnly && fit.detail[t] && !SOCIAL.has(index.templates[t]!.scenarios[0]!) && !named.some((m) => names(t, m))) total -= W_ORDER_CONFLICT;
    // A swap for fit or taste with no fault named (L码大了想换个M码) is no defect: 质量问题请拍照 and the
    // other defect replies would tell the buyer otherwise (fit.ts SWAP_FOR_FIT, ABOUT_DEFECT).
    if (fit.aboutDefect[t] && fitSwap()) total -= W_ORDER_CONFLICT;
    // Nor is a swap asked for (换个M码, 能换个白色吗) a return to talk down: 退货挽留 offers the return not asked
    // for (fit.ts TALKS_RETURN_DOWN). The message and the one before a short follow-up say no 退 either.
    if (fit.talksReturnDown[t] && (swapOnly ??= ruling.some((m) => asksSwapOnly(m)) && !ruling.some((m) => RETURN_WORD.test(m)))) total -= W_ORDER_CONFLICT;
    return total + fitOffset(t);
  };

  // Keep the best `limit` (ties: library order, the shop's own priority). An unpaid order earns a
  // payment reminder one slot, not all of them, unless the buyer is asking about payment: the
  // other slots answer what the buyer actually asked.
  const leadIsPayment = cls.confident && cls.scores[0]?.id === 'payment';
  // A payment reply also written for a shown situation whose detail the buyer names answers the ask
  // (重复拍下 for 拍了两单 重复了 under 取消订单): it is no reminder held to one slot behind the answer.
  const answersAsk = (t: number) => {
    // 打消顾虑 for a buyer who says what holds them back (还在犹豫，怕质量不好): held behind the product's
    // replies as a reminder, it came second (2026-12-06).
    if (hesitant && fit.answersDoubt[t]) return true;
    const d = fit.detail[t];
    return !!d && names(t, qText) && index.templates[t]!.scenarios.some((s) => s !== 'payment' && topSet.has(s));
  };
  const orderDriven = (t: number) => unpaidBoost > 0 && !leadIsPayment && paymentForUnpaid(t) && !answersAsk(t);
  const lead = cls.confident ? cls.scores[0]?.id : undefined;
  // A thanks (谢谢, 辛苦了) is answered as a thanks: the reminder keeps its one slot, after the goodbye. An
  // acknowledgement with no thanks in it (嗯嗯, 好的我看看) is a message about nothing in particular, which
  // the reminder may lead (谢谢 beside an unpaid order had 催付 at Alt+1; walk, 2026-12-07).
  const standBack = unpaidBoost > 0 && !!lead && (!REMINDER_LEADS.has(lead) || (lead === 'thanks' && THANKS_SAID.test(qText)));
  let nScored = 0;
  if (shownMask)
    for (const t of candList) {
      const d = fit.detail[t];
      if (!d || !(index.scenarioBits[t]! & shownMask)) continue;
      const cut = fit.notDetail[t];
      const said = cut ? qText.replace(cut, '，') : qText;
      for (const w of d) if (w.every((p) => namesWord(said, p))) latestWords.push(...w);
    }
  for (const t of candList) {
    const v = score(t, null);
    if (v - fitOffset(t) >= MIN_SCORE) {
      SCORED_T[nScored] = t;
      SCORED_S[t] = v + (inView(t) ? IN_VIEW : 0);
      nScored++;
    }
  }
  // The order returned is the order of the cards, so Alt+1..3 are the first three the agent sees.
  const scored = SCORED_T.subarray(0, nScored).sort((a, b) => SCORED_S[b]! - SCORED_S[a]! || a - b);
  const best: number[] = [];
  let orderSlots = 1;
  let held = -1;
  for (const t of scored) {
    if (best.length === limit) break;
    if (orderDriven(t)) {
      if (orderSlots === 0) continue;
      orderSlots--;
      if (standBack && best.length === 0) {
        held = t;
        continue;
      }
    }
    best.push(t);
    if (held >= 0 && best.length < limit) best.push(held), (held = -1);
  }
  if (held >= 0 && best.length < limit) best.push(held);
  // A need the buyer's own words name beside another (a cue phrase or pattern, not the model's or a pick's reading alone;
  // a chip scoring OWN_CARD_AT or more, so not a weak word such as 能不能 for 商品咨询) gets a
  // card of its own: the last card whose chips another card covers gives way to the best reply for it. 便宜点呗 我170
  // 130斤穿多大 showed 尺码 and 议价 with three size replies (推荐尺码, 询问身高体重, 细节待核实 — written for 尺码 too);
  // the haggling had none (pre-sale walk, 2026-12-07).
  if (best.length === limit && shownMask) {
    for (const s of cls.top.slice(1)) {
      const bit = SCENARIO_BIT.get(s) ?? 0;
      const ev = cls.evidence[s];
      if (!bit || !ev || ev.includes('/ruled-out/') || (cls.scores.find((x) => x.id === s)?.score ?? 0) < OWN_CARD_AT) continue;
      if (!ev.some((e) => (isCuePhrase(e) && !/^(model|learned) /.test(e)) || (e.startsWith('/') && e !== '/ruled-out/'))) continue;
      if (best.some((t) => index.scenarioBits[t]! & bit)) continue;
      const own = scored.find((t) => (index.scenarioBits[t]! & bit) !== 0 && !best.includes(t) && !orderDriven(t));
      if (own === undefined) continue;
      for (let i = best.length - 1; i > 0; i--) {
        const others = best.reduce((m, t, j) => (j === i ? m : m | index.scenarioBits[t]!), 0) & shownMask;
        if (orderDriven(best[i]!) || (index.scenarioBits[best[i]!]! & shownMask & ~others) !== 0) continue;
        best[i] = own;
        break;
      }
    }
  }
  // Whatever else it scored, such a reply is not Alt+1: the agent checks before saying it. Nor is a
  // reminder of an order the buyer has not placed: the first card that is neither leads.
  const heldBack = (t: number) => unsigned(t) || unplaced(t);
  if (heldBack(best[0]!)) {
    const i = best.findIndex((t) => !heldBack(t));
    if (i > 0) best.unshift(...best.splice(i, 1));
  }
  return best.map((t) => {
    const why: RankedTemplate['reasons'] = [];
    const s = score(t, why);
    why.sort((a, b) => b.value - a.value);
    return { template: index.templates[t]!, score: s, reason: why[0]!.signal, reasons: why };
  });
}
