/**
 * The canonical remark line (see ./README.md):
 *
 *   【标题】标签：值｜标签：值｜经办人 YYYY-MM-DD
 *
 * buildRemark writes it; parseRemark reads it back exactly, and also reads remarks typed by hand
 * (spaces, an ASCII : or | and full-width ，（）, missing separators, several lines).
 */
import { cleanText, isoDate, normalizeField, readDate, renderValue } from './fields';
import { DATE, agentProblem, escapeRe, introducesDate, looksLikeName, readFreeValues } from './free-words';
import { dict, own } from '../own';
import { stripDirectionControls } from '../text';
import { allTargets, getRule, isRecordKind } from './rules';
import type {
  BuildContext, BuildResult, FieldSpec, FlagRule, ParseOptions, ParsedLine, ParsedRemark, RecordRule,
  RemarkTarget, RuleSet,
} from './types';
import { validateValues } from './validate';

export { agentProblem };

export const SEPARATOR = '｜';
export const LABEL_COLON = '：';

/** Writes one canonical line from already-normalised values (no checks). */
export function formatLine(rule: FlagRule | RecordRule, values: Record<string, string>, agent: string, date: string): string {
  const segments = rule.fields
    .filter((f) => values[f.key] !== undefined && values[f.key] !== '')
    .map((f) => `${f.label}${LABEL_COLON}${renderValue(f, values[f.key] as string)}`);
  segments.push(`${cleanText(agent)} ${date}`);
  // Text pasted from a chat can carry direction controls, invisible here: written into the console's
  // remark column, an open override would show the rest of the line, signature and date, reversed.
  return stripDirectionControls(`【${rule.title}】${segments.join(SEPARATOR)}`);
}

export function buildRemark(
  ruleSet: RuleSet,
  target: RemarkTarget,
  fields: Record<string, string | undefined>,
  ctx: BuildContext,
): BuildResult {
  const today = isoDate(ctx.now, ctx.zone);
  const { values, problems } = validateValues(ruleSet, target, fields, today);
  const errors = problems.map((p) => ({ field: p.field ?? 'text', message: p.message, messageEn: p.messageEn }));
  const ap = agentProblem(ctx.agent);
  if (ap) errors.push({ field: 'agent', ...ap });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, text: formatLine(getRule(ruleSet, target), values, ctx.agent, today), fields: values };
}

// ---------------------------------------------------------------------------------------------
// Parsing

const OPEN = '【\\[〔［';
const CLOSE = '】\\]〕］';
const TITLE_RE = new RegExp(`^\\s*[${OPEN}]\\s*([^${CLOSE}]{1,20}?)\\s*[${CLOSE}]\\s*`);
const SEP_CHARS = '｜|,，;；、';
const NAME = `[^\\s${SEP_CHARS}:：()（）\\d/\\-—@]{1,16}`;
const LEAD = `(?:^|[\\s${SEP_CHARS}(（/—\\-]+)`;
const TAIL = `[\\s)）。.]*$`;
/** name then date at the end: "｜张三 2026-11-23", " 张三11/23", "（张三 11.23）", "客服阿杰 12/1" (the role is no part of the name). */
const SIG_NAME_DATE = new RegExp(`${LEAD}(?:(?:经办人?|处理人|客服|操作人)\\s*[:：]?\\s*)?(${NAME}?)\\s*[/\\-—@]?\\s*(${DATE})${TAIL}`);
/** date then name at the end: "｜2026-11-23 张三". */
const SIG_DATE_NAME = new RegExp(`${LEAD}(${DATE})\\s*[/\\-—@]?\\s*(${NAME})${TAIL}`);
/** a date alone at the end, not a field value ("…缺货 11/23"). */
const SIG_DATE_ONLY = new RegExp(`(?:^|[\\s${SEP_CHARS}(（]+)(${DATE})${TAIL}`);
const AGENT_LABEL = /(?:^|[\s｜|,，;；])(?:经办人?|处理人|客服|操作人)\s*[:：]\s*([^\s｜|,，;；:：\d]{1,16})/;
const DATE_LABEL = new RegExp(`(?:^|[\\s｜|,，;；])(?:时间|日期|处理时间)\\s*[:：]\\s*(${DATE})`);

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Finds the rule whose title (then alias) is `title`. */
function targetByTitle(ruleSet: RuleSet, title: string): RemarkTarget | undefined {
  const t = squash(title);
  const targets = allTargets();
  return (
    targets.find((k) => squash(getRule(ruleSet, k).title) === t) ??
    targets.find((k) => (getRule(ruleSet, k).aliases ?? []).some((a) => squash(a) === t))
  );
}

function labelsOf(spec: FieldSpec): string[] {
  return [spec.label, ...(spec.aliases ?? [])];
}

function labelRegex(fields: FieldSpec[]): RegExp | null {
  const labels = fields.flatMap(labelsOf).filter(Boolean).sort((a, b) => b.length - a.length);
  if (labels.length === 0) return null;
  return new RegExp(`(${labels.map(escapeRe).join('|')})\\s*[:：]`, 'g');
}

function countLabelHits(fields: FieldSpec[], body: string): number {
  const re = labelRegex(fields);
  if (!re) return 0;
  const seen = new Set<string>();
  for (const m of body.matchAll(re)) {
    const spec = fields.find((f) => labelsOf(f).includes(m[1] as string));
    if (spec) seen.add(spec.key);
  }
  return seen.size;
}

/** Splits a remark into lines: real line breaks, and a new 【title】 starting inside a line. */
export function splitRemarkLines(text: string): string[] {
  return text
    .split(/\r?\n|\r/)
    .flatMap((l) => l.split(new RegExp(`(?=[${OPEN}][^${CLOSE}]{1,20}[${CLOSE}])`)))
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

interface Signature {
  body: string;
  agent?: string;
  dateRaw?: string;
}

function stripAgentLabel(body: string): string {
  return body.replace(/(?:经办人?|处理人|客服|操作人)\s*[:：]?\s*$/, '');
}

/** Who may have signed: the agents known by name, and the shop's rules, whose words are no names. */
interface Signers {
  agents: string[];
  ruleSet: RuleSet;
}

/** The signature sits at the end: looking at the tail only keeps the regexes linear on long text. */
const SIGNATURE_WINDOW = 80;

function takeSignature(body: string, signers: Signers): Signature {
  if (body.length <= SIGNATURE_WINDOW) return takeSignatureIn(body, signers);
  const cut = body.length - SIGNATURE_WINDOW;
  // A leading ':' stops '^' from treating the cut as a line start (':' neither leads nor names).
  const tail = takeSignatureIn(`:${body.slice(cut)}`, signers);
  return { ...tail, body: body.slice(0, cut) + tail.body.slice(1) };
}

/**
 * The signature at the end of a line. A word beside the date is the signer only when it looks like a
 * name (looksLikeName): in "缺货 11/20 发" the 发 says the order ships on 11/20, and in "可发货日 11/20"
 * the date is the field's; neither line is signed.
 */
function takeSignatureIn(body: string, { agents, ruleSet }: Signers): Signature {
  // A known agent glued to the value before it: "原因:缺货张三11/23".
  for (const a of [...agents].sort((x, y) => y.length - x.length)) {
    const m = new RegExp(`${escapeRe(a)}\\s*[/\\-—@]?\\s*(${DATE})${TAIL}`).exec(body);
    if (m) return { body: stripAgentLabel(body.slice(0, m.index)), agent: a, dateRaw: m[1] };
  }
  let m = SIG_NAME_DATE.exec(body);
  let dateIsValue = false;
  if (m && m[1]) {
    if (looksLikeName(m[1], ruleSet, agents)) return { body: body.slice(0, m.index), agent: m[1], dateRaw: m[2] };
    dateIsValue = introducesDate(m[1], ruleSet);
  }
  m = SIG_DATE_NAME.exec(body);
  if (m && looksLikeName(m[2] as string, ruleSet, agents) && !/[:：]\s*$/.test(body.slice(0, m.index))) {
    return { body: body.slice(0, m.index), agent: m[2], dateRaw: m[1] };
  }
  const sig: Signature = { body };
  m = SIG_DATE_ONLY.exec(body);
  if (m && !dateIsValue && !/[:：]\s*$/.test(body.slice(0, m.index))) {
    sig.body = body.slice(0, m.index);
    sig.dateRaw = m[1];
  }
  // No date at all, but the line ends with the name of the agent at the keyboard (改价 小美): that is
  // the signature, so the agent is told the date is missing rather than the name.
  if (!sig.dateRaw) {
    const known = [...agents].sort((x, y) => y.length - x.length).find((a) => a.trim() && new RegExp(`${LEAD}${escapeRe(a.trim())}${TAIL}`).test(body));
    if (known) {
      const k = known.trim();
      return { body: body.slice(0, body.lastIndexOf(k)).replace(/[\s,，;；｜|]+$/, ''), agent: k };
    }
  }
  const la = AGENT_LABEL.exec(sig.body);
  if (la) {
    sig.agent = la[1];
    sig.body = sig.body.slice(0, la.index) + sig.body.slice(la.index + la[0].length);
  }
  if (!sig.dateRaw) {
    const ld = DATE_LABEL.exec(sig.body);
    if (ld) {
      sig.dateRaw = ld[1];
      sig.body = sig.body.slice(0, ld.index) + sig.body.slice(ld.index + ld[0].length);
    }
  }
  return sig;
}

const trimValue = (v: string) => v.replace(/^[\s,，;；、。]+|[\s,，;；、。]+$/g, '');

/** Splits the body into labelled values, unknown labels and free notes. */
const FREE_TEXT = new Set(['text', 'address', 'style', 'courier', 'agent']);

/**
 * Splits the body into labelled values, unknown labels and free notes.
 * With ｜ separators (the canonical line, or a tidy hand-typed one) a free-text value runs to the
 * next ｜, so a note may itself contain "原因:" or "14:00". Without them (the wild), every known
 * label starts a new value, and whitespace before "label:" separates too.
 */
function readSegments(body: string, fields: FieldSpec[], barred: boolean) {
  const raw = dict<string>();
  const unknown: { label: string; value: string }[] = [];
  const notes: string[] = [];
  const re = labelRegex(fields);
  const segments = (barred ? body.split(/[｜|]/) : body.split(/\s+(?=[^\s\d｜|:：,，;；][^\s｜|:：,，;；]{0,9}[:：])/))
    .map((s) => s.trim())
    .filter(Boolean);
  for (const seg of segments) {
    let hits = re ? [...seg.matchAll(re)] : [];
    const prefix = seg.slice(0, hits[0]?.index ?? seg.length);
    if (prefix.trim()) {
      const u = /^([^:：]{1,12}?)\s*[:：](.*)$/s.exec(prefix.trim());
      if (u) unknown.push({ label: (u[1] as string).trim(), value: trimValue(u[2] as string) });
      else if (trimValue(prefix)) notes.push(trimValue(prefix));
    }
    const specOf = (h: RegExpMatchArray) => fields.find((f) => labelsOf(f).includes(h[1] as string));
    if (barred) {
      const firstFree = hits.findIndex((h) => FREE_TEXT.has(specOf(h)?.type ?? 'text'));
      if (firstFree >= 0) hits = hits.slice(0, firstFree + 1);
    }
    hits.forEach((h, i) => {
      const start = (h.index ?? 0) + h[0].length;
      const end = hits[i + 1]?.index ?? seg.length;
      const spec = specOf(h);
      const value = trimValue(seg.slice(start, end));
      if (spec && raw[spec.key] === undefined && value) raw[spec.key] = value;
    });
  }
  return { raw, unknown, notes };
}

export function parseLine(line: string, ruleSet: RuleSet, opts: ParseOptions = {}): ParsedLine {
  const raw = line;
  let body = line.trim();
  let title: string | undefined;
  let target: RemarkTarget | undefined;
  const t = TITLE_RE.exec(body);
  if (t) {
    title = (t[1] as string).trim();
    target = targetByTitle(ruleSet, title);
    body = body.slice(t[0].length);
  } else {
    // A title typed without brackets as the first word: "延迟发货，可发货日：…".
    const w = /^\s*([^\s,，:：｜|;；、]{2,20})(?:\s*[,，｜|;；、]\s*|\s+|$)/.exec(body);
    let byWord = w ? targetByTitle(ruleSet, w[1] as string) : undefined;
    // 退货 is both the after-sale record's title and a value of the order's own flag (convention A
    // green: 类型 退货/换货). Under that flag the bare word is the flag's remark — the request, whose
    // refund amount is not known yet — not the record written once the parcel is back.
    if (byWord && isRecordKind(byWord) && opts.expect && !isRecordKind(opts.expect)) {
      const word = squash(w?.[1] as string);
      if (ruleSet.flags[opts.expect].fields.some((f) => f.options?.includes(word))) byWord = opts.expect;
    }
    if (w && byWord) {
      title = w[1] as string;
      target = byWord;
      body = body.slice(w[0].length);
    }
  }

  const barred = /[｜|]/.test(body);
  const sig = takeSignature(body, { agents: opts.agents ?? [], ruleSet });
  body = sig.body;

  if (!target) {
    // The rule with the most of its labels in the line; the order's own rule wins a tie. Where the
    // order's flag is known, a tie among other rules names none: a label several rules share (原因 is
    // gray's, purple's, 退货's…) says nothing of which one was meant, and naming the first (gray,
    // 无效订单) had the agent re-flag a re-send as invalid (walk8). Without a flag the first is kept.
    let best = 0;
    let tied = false;
    for (const k of allTargets()) {
      const hits = countLabelHits(getRule(ruleSet, k).fields, body);
      if (hits === 0 || hits < best) continue;
      if (hits === best && k !== opts.expect) {
        if (target !== opts.expect) tied = true;
        continue;
      }
      tied = false;
      best = hits;
      target = k;
    }
    if (tied && opts.expect) target = undefined;
    // No title, no label: the order's own rule, when the line is signed or gives its values in words.
    if (!target && title === undefined && opts.expect) {
      if (sig.agent || Object.keys(readFreeValues(body, getRule(ruleSet, opts.expect).fields, {})).length) target = opts.expect;
    }
  }

  const fields = target ? getRule(ruleSet, target).fields : [];
  const seg = readSegments(body, fields, barred);
  // Values given in words rather than as the rule's label:value — 改电话 1381234567 (the title word is
  // part of it), 缺货 11/20 发, 新号：1381234567 (a label the rule does not know).
  const free = [title ?? '', ...seg.notes, ...seg.unknown.map((u) => `${u.label}:${u.value}`)].join(' ');
  Object.assign(seg.raw, readFreeValues(free, fields, seg.raw));
  let date: string | undefined;
  if (sig.dateRaw) {
    const d = readDate(sig.dateRaw, opts.today);
    if (d.ok) date = d.iso;
  }
  const today = opts.today ?? date;
  const values = dict<string>();
  for (const spec of fields) {
    const v = own(seg.raw, spec.key);
    if (v === undefined) continue;
    const r = normalizeField(spec, v, today ? { today } : {});
    values[spec.key] = r.ok ? r.value : v;
  }
  const out: ParsedLine = { raw, fields: values, unknown: seg.unknown, notes: seg.notes };
  if (target) out.target = target;
  if (target && !isRecordKind(target)) out.intent = ruleSet.flags[target].intent;
  if (title !== undefined) out.title = title;
  if (sig.agent) out.agent = sig.agent;
  if (date) out.date = date;
  if (sig.dateRaw) out.dateRaw = sig.dateRaw.trim();
  return out;
}

/**
 * Reads a whole remark box. Lines are oldest first; the result describes the newest line that
 * looks like a rule (or the newest line when none does), and keeps every line in `lines`.
 */
export function parseRemark(text: string, ruleSet: RuleSet, opts: ParseOptions = {}): ParsedRemark {
  const lines = splitRemarkLines(text).map((l) => parseLine(l, ruleSet, opts));
  let latestIndex = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]?.target) {
      latestIndex = i;
      break;
    }
  }
  if (latestIndex < 0) latestIndex = lines.length - 1;
  const latest = lines[latestIndex];
  if (!latest) return { lines, latestIndex, fields: {}, unknown: [], notes: [] };
  const { raw: _raw, ...rest } = latest;
  return { ...rest, lines, latestIndex };
}

/** Whether the target is an after-sale record rather than a flag. */
export { isRecordKind };
