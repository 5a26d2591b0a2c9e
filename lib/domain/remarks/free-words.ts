/**
 * Remarks in an agent's own words: who signed a hand-typed line, and the values a line gives
 * without a `label:` (改电话 1381234567, 缺货 11/20 发, 可发货日 11/20). parseLine (format.ts) asks
 * here; the words a rule set uses for its own titles and fields (`ruleWords`) are what tells a
 * remark word from an agent's name.
 */
import { DATE_NO_YEAR, DATE_WITH_YEAR, cleanText, halfWidth, readPhone } from './fields';
import { dict } from '../own';
import { allTargets, getRule, isRecordKind } from './rules';
import type { FieldSpec, RuleSet } from './types';

/** A date as agents write one, no capture groups: 2026-11-23, 2026年11月23日, 11/23, 11月23日, 20261123. */
export const DATE = `(?:${DATE_WITH_YEAR.replace(/\((?!\?)/g, '(?:')}|${DATE_NO_YEAR.replace(/\((?!\?)/g, '(?:')}|\\d{8})`;

/** Checks an agent name for the signature. */
export function agentProblem(agent: string): { message: string; messageEn: string } | null {
  const a = cleanText(agent);
  if (!a) return { message: '缺少经办人：请先在设置里填写客服名字。', messageEn: 'No agent name: set your name in the options first.' };
  if (a.length > 16 || /\d/.test(a) || /[:：,，;；()（）/]/.test(a)) {
    return { message: `经办人“${a}”不能含数字或标点，最多 16 个字。`, messageEn: `Agent name "${a}" may not contain digits or punctuation, 16 characters at most.` };
  }
  return null;
}

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (words: string[]) => [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length).map(escapeRe).join('|');

/** Words of shipping talk around a date (11/20 发, 11/20前发货, 预计 11/20): what happens then, never who signed. */
const SHIP_VERB = '(?:发货|发出|出货|寄出|到货|送到|送达|发|到)';
const SHIP_WORD = new RegExp(`^(?:之?前|之?后|以[前后]|左右|当[天日]|为止|截止)?(?:可以|可|能|才能|再|才|会|补|安排|统一)?${SHIP_VERB}?(?:之?前|之?后|以[前后]|左右)?$`);
/** Words that say the date after them is a ship date: 发货 11/20, 预计发货 11/20, 可发 11/20. */
const SHIP_CUE = `(?:预计|预定|预约|安排|大约|大概|约)?(?:可以|可|能|才能|再)?(?:发货|发出|出货|寄出|发)(?:时间|日期|日)?`;
const SHIP_CUE_WORD = new RegExp(`^${SHIP_CUE}$`);
/** After a date, shipping talk: 11/20 发, 11/20前发货, 11/20 左右到, 11/20以后再发. */
const SHIP_AFTER = `\\s*(?:之?前|以前|之?后|以后|左右)?\\s*(?:可以|可|能|才能|再|才|会|安排|统一)?\\s*${SHIP_VERB}`;

/**
 * The words a rule set writes or reads for its rules: titles, aliases, field labels and their
 * aliases, allowed values, must-say phrases and Pinduoduo tags. None of them is anybody's name.
 */
export function ruleWords(ruleSet: RuleSet): string[] {
  const out: string[] = [];
  for (const target of allTargets()) {
    const rule = getRule(ruleSet, target);
    out.push(rule.title, ...(rule.aliases ?? []));
    for (const f of rule.fields) out.push(f.label, ...(f.aliases ?? []), ...(f.options ?? []));
    if (!isRecordKind(target)) {
      const flag = ruleSet.flags[target];
      if (flag.mustSay) out.push(flag.mustSay);
      if (flag.tag) out.push(flag.tag);
    }
  }
  return out.map((w) => w.replace(/\s+/g, '')).filter(Boolean);
}

/**
 * Whether a word read where a signature goes can be the agent's name. A name the agent at the
 * keyboard goes by always is; otherwise it must pass the signature rule (agentProblem: no digits or
 * punctuation, 16 characters at most) and be no word of the remark itself: shipping talk around a
 * date (发, 前发货, 左右到) or a word of the shop's rules, whole or in part (发 of 延迟发货, 可发货日).
 */
export function looksLikeName(word: string, ruleSet: RuleSet, agents: string[] = []): boolean {
  const w = word.trim();
  if (!w) return false;
  if (agents.some((a) => a.trim() === w)) return true;
  if (agentProblem(w) || SHIP_WORD.test(w)) return false;
  return !ruleWords(ruleSet).some((r) => r.includes(w));
}

/** Whether a word introduces the date written after it (可发货日 11/20, 预计发货 11/20): that date is a value, not a signature. */
export function introducesDate(word: string, ruleSet: RuleSet): boolean {
  const w = word.trim();
  return SHIP_CUE_WORD.test(w) || dateLabels(allFields(ruleSet)).includes(w);
}

function allFields(ruleSet: RuleSet): FieldSpec[] {
  return allTargets().flatMap((t) => getRule(ruleSet, t).fields);
}

function dateLabels(fields: FieldSpec[]): string[] {
  return fields.filter((f) => f.type === 'date').flatMap((f) => [f.label, ...(f.aliases ?? [])]);
}

// ---- values written without a label ---------------------------------------------------------

const CHANGE = '(?:改|换|更换|修改|更改|变更|更新)';
/** Words for a phone: 电话, 手机号, 联系电话, 收件人电话, 联系方式. */
const PHONE_NOUN = '(?:(?:联系|收件人?|收货人?)?(?:电话|手机)(?:号码|号)?|联系方式)';
/** A bare 号码 / 号 is a phone only as a change: 换号码, 新号, 改号. */
const NUMBER_CHANGE = `(?:${CHANGE}|新)的?(?:手机号|号码|号)`;
/** After the word: 改为 / 换成 / 是 / a colon, then the number. */
const PHONE_LINK = `\\s*(?:已?${CHANGE}?(?:成|为|到)|是)?\\s*[:：]?\\s*`;
/** The number as typed: digits with single spaces, dashes or brackets between them, an extension after 转. */
const PHONE_NUMBER = `([+(]?\\d(?:[\\s\\-()]?\\d)*(?:\\s*(?:转|分机)\\s*\\d{1,6})?)`;

/**
 * A phone the line changes, written in words (改电话 1381234567, 电话改为…, 换号码…, 新号…, 手机…,
 * or the field's own label without a colon): the number as written, for the phone field to check.
 * When a longer run of digits is no phone but its first group is one (13812345678 2件), that group.
 */
function freePhone(text: string, spec: FieldSpec): string | undefined {
  const labels = alternation([spec.label, ...(spec.aliases ?? [])]);
  const word = `(?:(?:${CHANGE}(?:成|为)?)?(?:新的?)?(?:${PHONE_NOUN}${labels ? `|${labels}` : ''})|${NUMBER_CHANGE})`;
  const m = new RegExp(`${word}${PHONE_LINK}${PHONE_NUMBER}`).exec(text);
  const run = m?.[1]?.trim();
  if (!run || run.replace(/\D/g, '').length < 5) return undefined;
  const first = run.split(/\s+/)[0] as string;
  return readPhone(run) === null && first !== run && readPhone(first) !== null ? first : run;
}

/**
 * A date the line gives for a date field, in words: after the field's label without a colon
 * (可发货日 11/20); for a promised date (`future`), also as shipping talk (发货 11/20, 11/20 发,
 * 11/20前发货, 预计12月1日到). The date as written.
 */
function freeDate(text: string, spec: FieldSpec): string | undefined {
  const labels = alternation([spec.label, ...(spec.aliases ?? [])]);
  const before = [labels, ...(spec.future ? [SHIP_CUE] : [])].filter(Boolean).join('|');
  const link = '\\s*(?:是|为|在)?\\s*[:：]?\\s*';
  const m =
    (before ? new RegExp(`(?:${before})${link}(${DATE})`).exec(text) : null) ??
    (spec.future ? new RegExp(`(${DATE})${SHIP_AFTER}`).exec(text) : null);
  return m?.[1]?.trim();
}

/** 十二月十日 → 12月10日: a date agents write in Chinese numerals (one to thirty-one). */
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function cnNumber(w: string): string {
  const [tens, ones] = w.includes('十') ? (w.split('十') as [string, string]) : ['', w];
  const n = (w.includes('十') ? (tens ? (CN_DIGIT[tens] ?? 0) : 1) * 10 : 0) + (ones ? (CN_DIGIT[ones] ?? 0) : 0);
  return String(n);
}
const CN_DATE = /([一二两三四五六七八九十]{1,3})月([一二两三四五六七八九十]{1,3})[日号]/g;

/** Couriers by the names agents write (发顺丰, 改发中通, 走京东): the value is the name as written. */
const COURIERS = /顺丰|中通|圆通|申通|韵达|京东|极兔|邮政|EMS|德邦|百世|宅急送|丰网/i;

/** From-style → to-style as agents write an exchange: 白色S→黑色S, 白色S->黑色S, 白色S换成黑色S, 白色M换黑色M. */
const STYLE_PAIR = /([^\s,，;；:：、。→]{1,20}?)\s*(?:→|->|=>|⇒|➡|➝|换成|换为|改成|改为|换(?![货成为]))\s*([^\s,，;；:：、。→]{1,20})/;

/** An address after the word for it, without a colon: 改地址 杭州市…, 新地址 …, 地址改为 …. */
const ADDRESS_WORD = /(?:(?:改|修改|更改|变更)(?:收货|收件)?地址|新(?:收货|收件)?地址|(?:收货|收件)?地址(?:已?(?:改|更改|变更)(?:为|成)))\s*[:：]?\s*(\S[^｜|]*)/;

/** Order numbers in free text: long digit runs (JD 11–12 digits, Taobao 18–19), never a mobile number. */
function freeOrders(text: string): string | undefined {
  const runs = (text.match(/\d{10,25}/g) ?? []).filter((d) => !/^1[3-9]\d{9}$/.test(d));
  return runs.length ? [...new Set(runs)].join('/') : undefined;
}

/** An amount after a money field's label or alias written without a colon: 补差价10元, 优惠 5 元, 运费12. */
function freeMoney(text: string, spec: FieldSpec): string | undefined {
  const labels = alternation([spec.label, ...(spec.aliases ?? [])]);
  if (!labels) return undefined;
  return new RegExp(`(?:${labels})\\s*(?:为|是)?\\s*([¥￥]?\\d+(?:\\.\\d{1,2})?\\s*元?)`).exec(text)?.[1]?.trim();
}

/** The one allowed value of a choice field the line says in words (类型 退货/换货: 换货：白色S→黑色S…); none when it says two. */
function freeOption(text: string, spec: FieldSpec): string | undefined {
  const said = (spec.options ?? []).filter((o) => o && text.includes(o));
  return said.length === 1 ? said[0] : undefined;
}

/**
 * Values that a hand-typed line gives in words rather than as `label:value` (read from the line's
 * free text: its title word, its unlabelled notes and the labels the rule does not know): phones,
 * dates (also in Chinese numerals), amounts after a label without its colon, a choice field's value
 * said outright, an address after 改地址, a courier by name, order numbers, and an exchange's
 * from → to styles. Values as written; fields already given with a label are not looked for.
 */
export function readFreeValues(text: string, fields: FieldSpec[], given: Record<string, string>): Record<string, string> {
  const out = dict<string>();
  const t = halfWidth(text).replace(CN_DATE, (_, m: string, d: string) => `${cnNumber(m)}月${cnNumber(d)}日`);
  const styles = fields.filter((f) => f.type === 'style');
  const pair = styles.length >= 2 ? STYLE_PAIR.exec(t) : null;
  for (const spec of fields) {
    if (Object.hasOwn(given, spec.key)) continue;
    let v: string | undefined;
    switch (spec.type) {
      case 'phone': v = freePhone(t, spec); break;
      case 'date': v = freeDate(t, spec); break;
      case 'money': v = freeMoney(t, spec); break;
      case 'order': v = freeOrders(t); break;
      case 'courier': v = COURIERS.exec(t)?.[0]; break;
      case 'address': v = ADDRESS_WORD.exec(t)?.[1]?.trim(); break;
      case 'style': v = pair ? pair[spec === styles[0] ? 1 : spec === styles[1] ? 2 : 3] : undefined; break;
      case 'text': v = spec.options?.length ? freeOption(t, spec) : undefined; break;
    }
    if (v) out[spec.key] = v;
  }
  return out;
}
