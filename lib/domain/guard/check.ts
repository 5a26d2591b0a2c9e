/**
 * checkReply: what in a reply breaks a rule, as findings with the words as written; rewriteReply:
 * the one-click compliant version. Pure and fast (see `guard_ms_p95` in test/bench).
 */
import { normalise, originalSpan } from './normalize';
import { AGENT_GIVES, ASKS_TO_ACCEPT, BUILT_IN_RULES, COMPENSATION_AS_DISCOUNT, KEEPS_GOODS_AT, LINK_RULE, PAYER_EARLIER, PAYER_SUBJECT, PROMOTION_EARLIER, PROMOTION_SUBJECT, REFUND_ONLY_WORDING, REFUND_ONLY_WORDS, SUPERVISOR, isPlatformLink } from './rules';
import { EMPTY_GUARD_CONFIG, guardPlatformOf, type GuardConfig, type GuardFinding, type GuardLimits, type GuardPlatform, type GuardRule, type ShopRule } from './types';
import { DEFAULT_LIMITS } from '../remarks/presets';

const escapeRx = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A shop rule as the matcher runs it; its words are normalised the same way replies are. */
export function compileShopRule(rule: ShopRule): GuardRule | null {
  const alternatives = rule.words
    .map((w) => normalise(w).text)
    .filter((w) => w.length > 0)
    .map((w) => `${/^[a-z]/.test(w) ? '(?<![a-z])' : ''}${escapeRx(w)}${/[a-z]$/.test(w) ? '(?![a-z])' : ''}`);
  if (!alternatives.length) return null;
  return {
    id: rule.id,
    category: 'custom',
    severity: rule.severity,
    platforms: rule.platforms.length ? rule.platforms : ['any'],
    pattern: new RegExp(alternatives.join('|'), 'g'),
    label: { zh: '本店规则', en: 'Shop rule' },
    reason: { zh: rule.reason, en: rule.reason },
    ...(rule.replacement !== undefined ? { rewrite: { kind: 'words' as const, to: rule.replacement } } : {}),
    shop: true,
  };
}

/** The rules in force: built-in ones the shop has not switched off (the money rules among them), then the shop's own. */
export function activeRules(config: GuardConfig = EMPTY_GUARD_CONFIG): GuardRule[] {
  const off = new Set(config.disabled);
  const shop = config.rules.map(compileShopRule).filter((r): r is GuardRule => r !== null);
  return [...BUILT_IN_RULES.filter((r) => !off.has(r.id)), ...shop];
}

export interface CheckOptions {
  platform: GuardPlatform;
  /** Defaults to every built-in rule. Pass `activeRules(config)` (compile once, check often). */
  rules?: readonly GuardRule[];
  /** What the agent may grant alone: the shop's remark rule set's limits; the default ones (20 and 10 yuan) when not given. */
  limits?: GuardLimits;
}

const DEFAULT_RULES: readonly GuardRule[] = BUILT_IN_RULES;

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** ¥50, 50元, 12.5块, 五十元, 一百二十 → yuan. */
export function yuanOf(amount: string): number {
  const s = amount.replace(/[¥￥\s元块钱rmb]/g, '');
  if (/^\d/.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGIT) digit = CN_DIGIT[ch]!;
    else {
      total += (digit || 1) * (CN_UNIT[ch] ?? 1);
      digit = 0;
    }
  }
  return total + digit;
}

/** Full-width letters and digits folded one for one, so positions stay those of the reply. */
const foldWidth = (text: string) => text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const appliesTo = (rule: GuardRule, platform: GuardPlatform) =>
  rule.platforms.includes('any') || (platform !== 'any' && rule.platforms.includes(platform));

/** 不, 没, 禁止 … within the four characters before a match, in the same clause. */
const NEGATION = /(?:不|没|别|禁止|严禁|拒绝|杜绝|谢绝)[^。！!？?，,；;\n]{0,3}$/;

/**
 * 已经 / 之前 / 刚才 … just before a money grant: what was given before (已经给您优惠了40元，不能再少了),
 * no promise now — holding it would stop nothing, and it is what agents say when refusing more.
 * A bare 了 is not enough (给您优惠了40元，您拍下吧 is granting now).
 */
const BEFORE_NOW = /(?:已经|已|之前|此前|先前|刚才|刚刚|上次|前面|早就|早已|昨天|前天)(?:已经?|都|也|就)?(?:我们|我)?$/;

/**
 * Right after money back, in its clause, that it failed (给您退159元没成功, 退您159元失败了, 给您退159元的时候失败了): a
 * refund tried and not gone through, reported — like what was given before, no new promise.
 */
const FAILED_AFTER = /^[^。！!？?\n，,；;]{0,6}?(?:失败|不成功|没成功|没有成功|未成功)/;

/**
 * 给您申请了50元补偿 / 帮您申请优惠50元 earlier in the clause or within the grant: the agent asks, someone
 * else (the supervisor, the platform) approves, so it is no promise made alone. The buyer's own
 * application (您申请的…) is not this.
 */
const APPLIED_FOR = /(?:(?<![您你])|(?<=[给帮为替][您你]))申请[^。！!？?，,；;\n]*$/;
/**
 * The agent's 申请 in an earlier clause of the sentence before money back (我这边帮您申请，给您退50元好吗): only
 * with the agent as the one applying, and no money of the agent's own after it (…，先私下给您转50元). Not
 * 我跟店里申请了一下，这单给您优惠50元 — the 小额让利 script's way of granting a discount, said as done.
 */
const APPLIED_EARLIER = /(?:我|我们|这边|帮[您你]|给[您你]|替[您你]|为[您你])[^。！!？?，,；;\n]{0,4}申请(?!不|了一下|过了)(?![^。！!？?\n]*(?:私下|私人|单独|额外|我做主|掏钱|自掏|我自己出))[^。！!？?\n]*[，,；;][^。！!？?\n]*$/;
const sentenceStart = (text: string, at: number) => {
  let s = at;
  while (s > 0 && !/[。！!？?\n]/.test(text[s - 1]!)) s--;
  return s;
};
function keepsGoods(text: string, at: number): boolean {
  KEEPS_GOODS_AT.lastIndex = at;
  return KEEPS_GOODS_AT.test(text);
}
const PLEA_AFTER = new RegExp(`^(?:\\s*(?:好|行)?吧|[^。！!？?\\n]*${ASKS_TO_ACCEPT})`);

/**
 * A promotion pays when it is the clause's giver (满减返现活动会返您30元, 店铺活动送您…), not when the
 * agent's 给您 only has it as the setting (活动期间给您优惠50元, 这个活动我给您减50元), nor when the buyer
 * is asked to accept the money (…吧, 您看行吗): that is the agent negotiating.
 */
function promotionPays(text: string, start: number, end: number, grant: string): boolean {
  const before = text.slice(clauseStart(text, start), start);
  const subject = PROMOTION_SUBJECT.test(before) || (!AGENT_GIVES.test(grant) && PROMOTION_EARLIER.test(before));
  return subject && !PLEA_AFTER.test(text.slice(end));
}
/**
 * The platform, the system or the insurer pays compensation when it is the clause's giver (平台会赔付您50元,
 * 平台活动补贴您30元), not when the agent's 给您 only has it as the setting (平台拍下后我给您补偿40元).
 */
function otherPayerPays(text: string, start: number, grant: string): boolean {
  const before = text.slice(clauseStart(text, start), start);
  return PAYER_SUBJECT.test(before) || (!AGENT_GIVES.test(grant) && PAYER_EARLIER.test(before));
}
const clauseStart = (text: string, at: number) => {
  let s = at;
  while (s > 0 && !/[。！!？?\n，,；;]/.test(text[s - 1]!)) s--;
  return s;
};

const EDGE_PUNCT = /^[。！!？?，,；;…\n\s]+|[。！!？?，,；;…\n\s]+$/g;

function finding(rule: GuardRule, text: string, start: number, end: number): GuardFinding | null {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.replace(/^[。！!？?，,；;…\n\s]+/, '').length;
  const words = raw.replace(EDGE_PUNCT, '');
  if (!words) return null;
  const s = start + lead;
  return { ruleId: rule.id, category: rule.category, severity: rule.severity, words, start: s, end: s + words.length, label: rule.label, reason: rule.reason, canRewrite: !!rule.rewrite };
}

export { guardPlatformOf };

const withMoneyFallback = new WeakMap<readonly GuardRule[], readonly GuardRule[]>();
/**
 * The rules as run: with the compensation rule switched off (and the discount rule on), compensation is
 * measured against the agent's own limit (COMPENSATION_AS_DISCOUNT) — one switch turns off one limit.
 */
function moneyRulesIn(rules: readonly GuardRule[]): readonly GuardRule[] {
  let out = withMoneyFallback.get(rules);
  if (!out) {
    const has = (id: string) => rules.some((r) => r.id === id && !r.shop);
    out = has(COMPENSATION_AS_DISCOUNT.id) && !has('over-limit-compensation') ? [...rules, COMPENSATION_AS_DISCOUNT] : rules;
    withMoneyFallback.set(rules, out);
  }
  return out;
}

export function checkReply(text: string, opts: CheckOptions): GuardFinding[] {
  const rules = moneyRulesIn(opts.rules ?? DEFAULT_RULES);
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const n = normalise(text);
  const folded = foldWidth(text);
  // A reply that brings the supervisor in (主管同意了, 我去请示主管) is not the agent promising alone.
  const supervised = SUPERVISOR.test(folded);
  const found: GuardFinding[] = [];
  for (const rule of rules) {
    if (!appliesTo(rule, opts.platform)) continue;
    if (rule.limit && supervised) continue;
    const onRaw = rule.id === LINK_RULE.id || !!rule.limit;
    const subject = rule.limit ? folded : onRaw ? text : n.text;
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(subject); m; m = rule.pattern.exec(subject)) {
      if (m[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      if (onRaw && isPlatformLink(m[0].toLowerCase(), opts.platform)) continue;
      if (rule.negatable && NEGATION.test(subject.slice(Math.max(0, m.index - 6), m.index))) continue;
      if (rule.limit && BEFORE_NOW.test(subject.slice(Math.max(0, m.index - 6), m.index))) continue;
      if (rule.limit && m[0].includes('退') && FAILED_AFTER.test(subject.slice(m.index + m[0].length))) continue;
      if (rule.limit && APPLIED_FOR.test(subject.slice(clauseStart(subject, m.index), m.index + m[0].length))) continue;
      if (rule.limit && m[0].includes('退') && APPLIED_EARLIER.test(subject.slice(sentenceStart(subject, m.index), m.index))) continue;
      // Either money rule can meet either giver (满减活动给您优惠…, 平台会赔付您…; a defect moves a discount's words to compensation).
      if (rule.limit && (promotionPays(subject, m.index, m.index + m[0].length, m[0]) || otherPayerPays(subject, m.index, m[0]))) continue;
      let over = rule;
      if (rule.limit) {
        const limit = limits[rule.limit];
        if (!(yuanOf(m.slice(1).find((g) => g !== undefined) ?? '') > limit)) continue;
        const say = (s: string) => s.replace('{limit}', String(limit));
        // Money back with the goods kept is 仅退款: the hold names it so (the limit it is measured against stays the rule's).
        const { label, reason } = m[0].includes('退') && (REFUND_ONLY_WORDS.test(m[0]) || keepsGoods(subject, m.index + m[0].length)) ? REFUND_ONLY_WORDING[rule.limit] : rule;
        over = { ...rule, label, reason: { zh: say(reason.zh), en: say(reason.en) } };
      }
      const [start, end] = onRaw ? [m.index, m.index + m[0].length] : originalSpan(n, m.index, m.index + m[0].length);
      const f = finding(over, text, start, end);
      if (f) found.push(f);
    }
  }
  // One finding per place and category: the held one (block) wins over a warning on the same words.
  found.sort((a, b) => (a.severity === b.severity ? a.start - b.start : a.severity === 'block' ? -1 : 1));
  const kept: GuardFinding[] = [];
  for (const f of found) {
    if (kept.some((k) => k.category === f.category && k.start < f.end && f.start < k.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export const isBlocking = (findings: readonly GuardFinding[]) => findings.some((f) => f.severity === 'block');

/**
 * The clause around [start, end) — between commas or sentence ends — with its closing
 * punctuation, so a greeting such as 亲， before it is kept.
 */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  let s = start;
  while (s > 0 && !/[。！!？?\n，,；;]/.test(text[s - 1]!)) s--;
  let e = end;
  while (e < text.length && !/[。！!？?\n，,；;]/.test(text[e]!)) e++;
  while (e < text.length && /[。！!？?～~，,；;]/.test(text[e]!)) e++;
  return [s, e];
}

/**
 * The reply with every rewritable finding fixed: matched words replaced, or the whole sentence
 * replaced by a compliant one. Findings without a rewrite are left as they are (check again after).
 */
export function rewriteReply(text: string, findings: readonly GuardFinding[], rules: readonly GuardRule[] = DEFAULT_RULES): string {
  const edits: { start: number; end: number; to: string }[] = [];
  for (const f of findings) {
    const rule = rules.find((r) => r.id === f.ruleId);
    const rw = rule?.rewrite;
    if (!rw) continue;
    if (rw.kind === 'words') {
      edits.push({ start: f.start, end: f.end, to: typeof rw.to === 'function' ? rw.to(f.words) : rw.to });
    } else {
      const [start, end] = sentenceAround(text, f.start, f.end);
      edits.push({ start, end, to: rw.to });
    }
  }
  // Apply from the end; an edit overlapping one already applied is merged into it.
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  let floor = Infinity;
  const seenSentences = new Set<string>();
  for (const e of edits) {
    if (e.end > floor) continue;
    // The same compliant sentence twice in a row reads badly: keep one.
    const to = seenSentences.has(e.to) && e.to.length > 8 ? '' : e.to;
    if (e.to.length > 8) seenSentences.add(e.to);
    out = out.slice(0, e.start) + to + out.slice(e.end);
    // A rewritten clause ends with its own punctuation: no comma doubled after it.
    if (to && /[～~。！]$/.test(to)) out = out.slice(0, e.start + to.length) + out.slice(e.start + to.length).replace(/^[，,]/, '');
    floor = e.start;
  }
  return out;
}
