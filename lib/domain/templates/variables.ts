/**
 * Template variables (话术变量). A body may contain tokens in braces:
 *
 * - known variables, filled from the shop settings and the current chat:
 *   {买家} {客服} {店铺} {今天} {发货日} {截单时间} {付款发货}
 *   (English aliases {buyer} {agent} {shop} {today} {shipDay} {cutoff} {payShip}, case-insensitive);
 * - fill-ins the agent types at insertion time: {尺码?} {单号?} — a `?` (or full-width `？`)
 *   suffix marks one. Any other unknown name is treated as a fill-in too, so a typo never
 *   silently disappears from the reply; `listVariables` reports it as kind 'unknown' so an editor
 *   can flag it.
 *
 * Full-width braces (｛买家｝) are accepted as well, because agents type with a Chinese IME.
 * Substituted values are plain text: they are inserted once, never re-scanned for tokens and never
 * interpreted as markup or as `String.replace` patterns; Unicode direction controls are removed from
 * them (a buyer's nickname must not reorder the agent's reply). The shop's own body is left as written.
 */
import { DEFAULT_SETTINGS } from './types';
import { formatMinutes, fromWall, hhmm, parseHHMM, wallOf, type Zone } from '../time';
import { clockNumber, parseClock } from '../time-words';
import { showDirectionControls, stripDirectionControls } from '../text';
import { shipOffset, type NoShipDays } from '../ship-days';

export type KnownVariableKey = 'buyer' | 'agent' | 'shop' | 'today' | 'shipDay' | 'cutoff' | 'payShip';

export interface KnownVariableInfo {
  key: KnownVariableKey;
  /** The Chinese name written in bodies, e.g. 买家. */
  zh: string;
  /** The English alias, e.g. buyer. */
  en: string;
}

// What each variable means is told in the locale files (options.variablesHelp), not here: this
// table ships in the content script every seller page loads.
export const KNOWN_VARIABLES: readonly KnownVariableInfo[] = [
  { key: 'buyer', zh: '买家', en: 'buyer' },
  { key: 'agent', zh: '客服', en: 'agent' },
  { key: 'shop', zh: '店铺', en: 'shop' },
  { key: 'today', zh: '今天', en: 'today' },
  { key: 'shipDay', zh: '发货日', en: 'shipDay' },
  { key: 'cutoff', zh: '截单时间', en: 'cutoff' },
  { key: 'payShip', zh: '付款发货', en: 'payShip' },
];

const BY_NAME = new Map<string, KnownVariableKey>();
for (const v of KNOWN_VARIABLES) {
  BY_NAME.set(v.zh, v.key);
  BY_NAME.set(v.en.toLowerCase(), v.key);
}

/** The known variable a name refers to (Chinese name or English alias), if any. */
export function knownVariableKey(name: string): KnownVariableKey | undefined {
  return BY_NAME.get(name.trim()) ?? BY_NAME.get(name.trim().toLowerCase());
}

export type VariableKind = 'known' | 'fill' | 'unknown';

export interface TemplateVariable {
  /** The name as written, without braces and without the `?` suffix, e.g. 尺码 or buyer. */
  name: string;
  /** The first token as written in the body, e.g. {尺码?}. */
  token: string;
  /** known: filled automatically; fill: explicit fill-in (`?`); unknown: unrecognised name, also a fill-in. */
  kind: VariableKind;
  /** For known variables: which one (shared by the Chinese name and the English alias). */
  key?: KnownVariableKey;
}

/** Longest name accepted inside braces; longer brace runs are ordinary text. */
const MAX_NAME = 20;
// A token: an opening brace, a name without braces or whitespace, an optional `?`, a closing brace.
const TOKEN = new RegExp(`[{｛]([^{}｛｝\\s?？]{1,${MAX_NAME}})([?？]?)[}｝]`, 'g');

interface RawToken {
  token: string;
  name: string;
  optional: boolean;
}

function scan(body: string): RawToken[] {
  const out: RawToken[] = [];
  for (const m of body.matchAll(TOKEN)) {
    out.push({ token: m[0], name: m[1] ?? '', optional: (m[2] ?? '') !== '' });
  }
  return out;
}

function classify(t: RawToken): TemplateVariable {
  const key = t.optional ? undefined : knownVariableKey(t.name);
  if (key) return { name: t.name, token: t.token, kind: 'known', key };
  return { name: t.name, token: t.token, kind: t.optional ? 'fill' : 'unknown' };
}

/** Identity of a variable for de-duplication: a known variable is one thing whatever its alias. */
function identity(v: TemplateVariable): string {
  return v.key ? `known:${v.key}` : `fill:${v.name}`;
}

/**
 * The variables in a body, each once, in order of first appearance. {买家} and {buyer} count as one;
 * {尺码?} and {尺码} count as one fill-in named 尺码.
 */
export function listVariables(body: string): TemplateVariable[] {
  const seen = new Set<string>();
  const out: TemplateVariable[] = [];
  for (const t of scan(body)) {
    const v = classify(t);
    const id = identity(v);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(v);
  }
  return out;
}

/** True when the text still holds a `{…}` placeholder (used to warn before inserting). */
export function hasPlaceholders(text: string): boolean {
  return scan(text).length > 0;
}

// ---------------------------------------------------------------------------------------------
// Dates and the shipping cut-off, in shop time

/** Parses 'HH:MM' (or 'H:MM', full-width colon accepted) into minutes after midnight, or null. */
export { parseHHMM as parseCutoff };

/** A cut-off as 'HH:MM'; an unreadable one falls back to the default (16:00). */
export function formatCutoff(cutoff: string): string {
  return formatMinutes(hhmm(cutoff, DEFAULT_SETTINGS.cutoff));
}

/** 11月23日 — the way agents write a date in chat: the shop's calendar day of the moment. */
export function formatChineseDate(moment: Date | number, zone: Zone): string {
  const w = wallOf(+moment, zone);
  return `${w.month}月${w.day}日`;
}

export interface ShippingDay {
  /** True when an order paid now still ships today. */
  isToday: boolean;
  /** The shipping day, at the shop's midnight. */
  date: Date;
  /** The shipping day as written in chat, e.g. 11月24日. */
  dateText: string;
  /** 今天（11月23日）, 明天（11月24日） or, further off, 周一（11月30日） — what {发货日} becomes. */
  label: string;
}

const WEEKDAY = '日一二三四五六';

/**
 * Which day an order paid (or asked about) at `now` ships. Paid strictly before the cut-off ships
 * today; at or after it, tomorrow — the print run happens at the cut-off, so a payment landing on
 * the minute is already too late. A day the shop does not ship (`noShip`: a closed weekday, 春节)
 * is skipped, today included, and a day after tomorrow is named by its weekday (周一（12月7日）).
 * Shop time throughout (`zone`, lib/storage/settings.ts shopZone):
 * the warehouse prints on the shop's clock, and the follow-up list reminds before the same cut-off
 * in the same zone, so an agent whose computer runs on another zone promises what both agree on.
 * An unreadable cut-off falls back to the default (16:00).
 */
export function shippingDay(now: Date | number, cutoff: string, zone: Zone, noShip?: NoShipDays): ShippingDay {
  const w = wallOf(+now, zone);
  const k = shipOffset(+now, hhmm(cutoff, DEFAULT_SETTINGS.cutoff), zone, noShip);
  // Built from the shop's date parts: month and year roll over.
  const date = new Date(fromWall(w.year, w.month, w.day + k, 0, zone));
  const dateText = formatChineseDate(date, zone);
  const day = k === 0 ? '今天' : k === 1 ? '明天' : `周${WEEKDAY[new Date(Date.UTC(w.year, w.month - 1, w.day + k)).getUTCDay()]}`;
  return { isToday: k === 0, date, dateText, label: `${day}（${dateText}）` };
}

/**
 * {付款发货}: when an order paid now ships, in a sentence that is true at any hour. Before the
 * cut-off it names the deadline (今天16:00前付款，今天（12月3日）就能发出); at or after it — or on a day
 * the shop does not ship — the deadline has passed, so it promises only what paying now gets
 * (现在付款，明天（12月4日）就能发出, 现在付款，周一（12月7日）就能发出) — never "今天22:10前付款" at 23:10.
 */
export function payShipText(now: Date | number, cutoff: string, zone: Zone, noShip?: NoShipDays): string {
  const day = shippingDay(now, cutoff, zone, noShip);
  return day.isToday ? `今天${formatCutoff(cutoff)}前付款，${day.label}就能发出` : `现在付款，${day.label}就能发出`;
}

const CUTOFF_VARIABLE: TemplateVariable = { name: '截单时间', token: '{截单时间}', kind: 'known', key: 'cutoff' };
const CUTOFF_TOKEN = /[{｛](?:截单时间|cutoff)[}｝]/i;
// The daily rule says what happens on either side of the cut-off (每天…前付款当天发，之后次日发).
const DAILY_RULE = /每天|每日|当天|次日|第二天|之后|以后/;

/**
 * True when a body names the cut-off as a deadline (今天{截单时间}前付款…, {截单时间}前付款{发货日}
 * 发出) rather than stating the daily rule (每天{截单时间}前付款的订单当天发出，之后付款的第二天发),
 * which is true at any hour: after the cut-off such a text sets the buyer a time already past. The
 * panel warns on the reply's card; ranking stops leading with it. A wording test, so it leans to
 * warning: 今天{截单时间} is always a deadline.
 */
export function namesCutoffDeadline(body: string): boolean {
  return CUTOFF_TOKEN.test(body) && (/今天[{｛](?:截单时间|cutoff)/i.test(body) || !DAILY_RULE.test(body));
}

// A clock time written out as a same-day deadline (今天16:00前, 今天下午4点半之前, 当天十六点前, 今晚8点以前,
// 16点前付款今天发): an optional day word (today's only; {今天} renders as today's date), an optional
// part of the day, the hour in digits or Chinese numerals, 点/时 or a colon with minutes, then 前.
const CLOCK_DEADLINE = new RegExp(
  '(今天|今日|当天|当日|[{｛](?:今天|today)[}｝])?的?\\s*(今晚|凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|晚)?\\s*' +
    '(?<![0-9０-９.])([0-9０-９]{1,2}|[零一二两三四五六七八九十]{1,3})' +
    '(?:\\s*[:：]\\s*([0-9０-９]{2})|\\s*[点點时時]\\s*(?:(半)|([0-9０-９]{1,2}|[零一二三四五六七八九十]{1,3})分?|整)?)' +
    '\\s*(?:之前|以前|前)',
  'gi',
);
// Written just before a time without a day word of its own, these make it another day's (明天10点前)
// or every day's (每天16点前): not today's deadline.
const OTHER_DAY = /(?:明天|明日|明早|明晚|后天|次日|隔天|翌日|第二天|改天|昨天|每天|每日|平时|周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|工作日|节假日|[0-9０-９一二三四五六七八九十]\s*[号號日])的?\s*$/;
/**
 * The earliest clock time a body gives the buyer as a deadline *today*, in minutes after the shop's
 * midnight, written out in the shop's own words (今天16:00前付款当天发出, 今天下午4点前, 当天十六点之前,
 * 今晚8点前) rather than with {截单时间}; null when it sets none. Such a text is as stale after that
 * time as a {截单时间} deadline after the cut-off. Not today's: another day's (明天10点前, 12月5日16点前),
 * a span (48小时内), a time after (16点后), and the daily rule with no day word before the time
 * (16点前付款当天发，之后次日发 — DAILY_RULE, true at any hour). An hour of 1–7 written with 点 and no
 * part of the day is read as the afternoon (今天5点前 = 17:00: no shop sets a buyer a deadline before
 * dawn); a colon time is read as written (05:00), and 00:00 is past all day, as a 00:00 cut-off is.
 */
export function todayDeadline(body: string): number | null {
  let earliest: number | null = null;
  const daily = DAILY_RULE.test(body);
  for (const m of body.matchAll(CLOCK_DEADLINE)) {
    const [, day, part, h, colonMin, half, min] = m;
    if (!day && part !== '今晚' && (daily || OTHER_DAY.test(body.slice(0, m.index)))) continue;
    let hour = clockNumber(h!);
    const minutes = half ? 30 : colonMin || min ? clockNumber((colonMin || min)!) : 0;
    if (!(hour <= 24 && minutes < 60)) continue;
    if (part ? /下午|傍晚|晚/.test(part) ? hour <= 12 : part === '中午' && hour < 6 : colonMin === undefined && hour >= 1 && hour <= 7) hour += 12;
    const at = hour * 60 + minutes;
    if (earliest === null || at < earliest) earliest = at;
  }
  return earliest;
}

/**
 * True when, at `now` in shop time, a deadline the body gives the buyer for today has passed: the
 * cut-off it names with {截单时间} (namesCutoffDeadline), or a clock time it writes out (todayDeadline).
 */
export function pastDeadline(body: string, now: Date | number, cutoff: string, zone: Zone, noShip?: NoShipDays): boolean {
  const clock = todayDeadline(body);
  return (namesCutoffDeadline(body) && !shippingDay(now, cutoff, zone, noShip).isToday) || (clock !== null && wallOf(+now, zone).minutes >= clock);
}

// ---------------------------------------------------------------------------------------------
// Rendering

export interface RenderContext {
  /** Buyer nickname (旺旺 id) from the chat, when the page shows one. */
  buyer?: string | null;
  agentName: string;
  shopName: string;
  now: Date | number;
  /** Daily cut-off 'HH:MM', shop time. */
  cutoff: string;
  /** Shop time for {今天} and {发货日} (lib/storage/settings.ts shopZone; null = the browser's zone). */
  zone: Zone;
  /**
   * The owner has not confirmed the cut-off yet (settings.setup.cutoff): `cutoff` is only the
   * default, which the shop never set. {截单时间} is then a fill-in, and {发货日} / {付款发货} follow
   * the time the agent gives there (asked as 截单时间), so no reply promises a time nobody chose.
   */
  cutoffUnconfirmed?: boolean;
  /** Days the shop does not ship (ShopSettings.noShip): {发货日} and {付款发货} skip them. */
  noShip?: NoShipDays;
}

export interface RenderResult {
  /** The reply with known variables and provided fill-ins substituted; the rest left as written. */
  text: string;
  /** Names (as written, without `?`) still unfilled, each once, in order of appearance. */
  missing: string[];
  /**
   * The body sets the buyer a deadline today — the cut-off by {截单时间} (namesCutoffDeadline) or a
   * clock time written out (今天16:00前, todayDeadline) — and, in shop time, it has passed: the text
   * would give the buyer a time already gone (pastDeadline). The shop's words are never
   * rewritten; the panel says so on the card and in the fill-in box.
   */
  pastCutoff: boolean;
}

function knownValue(key: KnownVariableKey, ctx: RenderContext): string | undefined {
  switch (key) {
    case 'buyer':
      return ctx.buyer ?? undefined;
    case 'agent':
      return ctx.agentName;
    case 'shop':
      return ctx.shopName;
    case 'today':
      return formatChineseDate(ctx.now, ctx.zone);
    case 'shipDay':
      return shippingDay(ctx.now, ctx.cutoff, ctx.zone, ctx.noShip).label;
    case 'cutoff':
      return formatCutoff(ctx.cutoff);
    case 'payShip':
      return payShipText(ctx.now, ctx.cutoff, ctx.zone, ctx.noShip);
  }
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/** The agent's fill for a variable: keyed by its name, its token text, or any alias of a known one. */
function fillFor(v: TemplateVariable, fills: Record<string, string>): string | undefined {
  const candidates = [v.name, `${v.name}?`, `${v.name}？`];
  if (v.key) {
    const info = KNOWN_VARIABLES.find((k) => k.key === v.key);
    if (info) candidates.push(info.zh, info.en, info.key);
  }
  for (const c of candidates) {
    if (Object.prototype.hasOwnProperty.call(fills, c) && present(fills[c])) return fills[c];
  }
  return undefined;
}

/**
 * Renders a body for insertion. Known variables come from `ctx`; the agent's `fills` (keyed by the
 * variable name, e.g. { 尺码: 'L' }) fill the rest and also override a known value. Anything still
 * empty stays visible as written (e.g. {单号?}) and is listed in `missing`, so the panel can prompt
 * and warn rather than send a reply with a hole in it.
 *
 * `preview`: the same text as it would go in now, for a suggestion card, with each unfilled token
 * shown as 【名称】 (brackets agents read as "to be filled") instead of its raw braces, and any
 * direction control in the shop's own text shown as a mark (⟨RLO⟩) rather than acting.
 */
export function renderTemplate(
  body: string,
  ctx: RenderContext,
  fills: Record<string, string> = {},
  preview = false,
): RenderResult {
  const missing: string[] = [];
  const missingSeen = new Set<string>();
  // Unconfirmed: the cut-off is the one the agent typed for {截单时间}, when it reads as a time (14:00,
  // 下午2点, 2pm: parseClock); else none, and the fill-in form says it did not understand it.
  let cutoff: string | null = ctx.cutoff;
  if (ctx.cutoffUnconfirmed) {
    const typed = parseClock(fillFor(CUTOFF_VARIABLE, fills) ?? '');
    cutoff = typed === null ? null : formatMinutes(typed);
  }
  const known = { ...ctx, cutoff: cutoff ?? ctx.cutoff };
  // A replacer function: values are used verbatim ($&, $1 … mean nothing) and never re-scanned.
  const text = body.replace(TOKEN, (token: string, name: string, q: string) => {
    let v = classify({ token, name, optional: q !== '' });
    const needsCutoff = cutoff === null && (v.key === 'cutoff' || v.key === 'shipDay' || v.key === 'payShip');
    const given = fillFor(v, fills) ?? (v.key && !needsCutoff ? knownValue(v.key, known) : undefined);
    // A value becomes the agent's words: a nickname's direction controls would reorder the reply
    // around it in the buyer's window (lib/domain/text.ts), so they go, on the card as in the box.
    const value = given && stripDirectionControls(given);
    if (present(value)) return value;
    const shown = v.name;
    // {发货日} without a cut-off: what the agent can answer is the cut-off, asked once for all of them.
    if (needsCutoff) v = CUTOFF_VARIABLE;
    const id = identity(v);
    if (!missingSeen.has(id)) {
      missingSeen.add(id);
      missing.push(v.name);
    }
    return preview ? `【${shown}】` : token;
  });
  return {
    // A card shows any direction control left in the shop's own text as a mark (the values have none).
    text: preview ? showDirectionControls(text) : text,
    missing,
    pastCutoff: cutoff === null ? pastDeadline(body.replace(CUTOFF_TOKEN, ''), ctx.now, ctx.cutoff, ctx.zone) : pastDeadline(body, ctx.now, cutoff, ctx.zone, ctx.noShip),
  };
}
