/**
 * Fill-ins the buyer already answered (预填): a buyer who wrote 我身高162体重52公斤 should not see the
 * agent retype it into {身高体重?}. Read from the buyer's latest messages only, as plain text; the
 * result is a suggestion the fill-in form shows selected, never a reply inserted on its own.
 *
 * The written form (what agents type, e.g. in the starter reply 推荐尺码): height always in cm
 * (1米65, 1.65m, 165厘米 → 165cm); weight in the buyer's own unit, because agents answer in the unit
 * the buyer thinks in (110斤 → 110斤, 52公斤 / 52千克 / 52KG → 52kg); a weight the buyer gave without
 * a unit (身高165体重110) keeps the bare number rather than guess 斤 or kg. Both: 165cm/110斤.
 *
 * Only numbers that read as a body size are taken: one with a height or weight unit, or one right
 * after 身高 / 体重, or a bare number in a height's range written right before a weight (165，110斤)
 * or a bare one right after a height (165cm 110). Prices (¥159, 159元), counts (2件), dates, order
 * numbers and garment measures (胸围90cm, 衣长100cm) are left alone. Nothing found: no value.
 */

import { readUsualSize as readWornSize } from '../customers/sizes-usual';

export interface BodySize {
  /** e.g. 165cm */
  height?: string;
  /** e.g. 110斤, 52kg, or a bare 110 when the buyer wrote no unit */
  weight?: string;
}

/** Fill-in names this reads from the height and weight, and what goes in each. */
const NAMES: Record<string, (s: BodySize) => string | undefined> = {
  身高体重: (s) => (s.height && s.weight ? `${s.height}/${s.weight}` : s.height ?? s.weight),
  身高: (s) => s.height,
  体重: (s) => s.weight,
};

// A number that is not part of a longer number, a price or a decimal: no digit, dot or currency
// sign right before it.
const START = '(?<![\\d.¥￥$])';
// Nor a digit right after its unit or its last digit.
const NUM = '(\\d{2,3}(?:\\.\\d)?)';
const SEP = '[\\s,，、/;；。.和的]*';
const LABEL_H = '身高(?:是|有|为)?[:：]?\\s*';
const LABEL_W = '体重(?:是|有|为)?[:：]?\\s*';
const CM = '(?:cm|CM|Cm|厘米|公分)';
const JIN = '斤';
const KG = '(?:kg|KG|Kg|公斤|千克)';
// Garment measures carry a cm too; a number right after one is not a height.
const GARMENT = '(?<!(?:围|长|宽|肩)\\s*[:：是]?\\s*)';

interface Hit {
  cm?: number;
  weight?: string;
}

function heightCm(text: string): { cm: number; end: number; start: number } | undefined {
  const patterns: [RegExp, (m: RegExpExecArray) => number][] = [
    // 1米65, 1米6
    [new RegExp(`${START}([12])\\s*米\\s*(\\d{1,2})(?!\\d)`, 'g'), (m) => +m[1]! * 100 + +(m[2]!.length === 1 ? m[2]! + '0' : m[2]!)],
    // 1.65m, 1.65米
    [new RegExp(`${START}([12]\\.\\d{1,2})\\s*(?:m|M|米)(?![a-zA-Z\\d])`, 'g'), (m) => Math.round(+m[1]! * 100)],
    // 165cm
    [new RegExp(`${GARMENT}${START}${NUM}\\s*${CM}`, 'g'), (m) => +m[1]!],
    // 身高165
    [new RegExp(`${LABEL_H}${NUM}(?![\\d.])`, 'g'), (m) => +m[1]!],
  ];
  let best: { cm: number; end: number; start: number } | undefined;
  for (const [re, value] of patterns) {
    for (const m of text.matchAll(re)) {
      const cm = value(m as RegExpExecArray);
      if (cm < 50 || cm > 230) continue;
      const hit = { cm, start: m.index!, end: m.index! + m[0].length };
      if (!best || hit.start > best.start) best = hit;
    }
  }
  return best;
}

function weightOf(text: string): { weight: string; start: number; end: number } | undefined {
  const patterns: [RegExp, (m: RegExpExecArray) => string | undefined][] = [
    [new RegExp(`${START}${NUM}\\s*${JIN}`, 'g'), (m) => (+m[1]! >= 30 && +m[1]! <= 500 ? `${m[1]}斤` : undefined)],
    [new RegExp(`${START}${NUM}\\s*${KG}(?![a-zA-Z])`, 'g'), (m) => (+m[1]! >= 15 && +m[1]! <= 250 ? `${m[1]}kg` : undefined)],
    // 体重110 (no unit: the bare number)
    [new RegExp(`${LABEL_W}${NUM}(?![\\d.斤kK公千])`, 'g'), (m) => (+m[1]! >= 15 && +m[1]! <= 500 ? m[1] : undefined)],
  ];
  let best: { weight: string; start: number; end: number } | undefined;
  for (const [re, value] of patterns) {
    for (const m of text.matchAll(re)) {
      const weight = value(m as RegExpExecArray);
      if (!weight) continue;
      const hit = { weight, start: m.index!, end: m.index! + m[0].length };
      if (!best || hit.start > best.start) best = hit;
    }
  }
  return best;
}

/** Height and weight in one message, as written for the reply (see the file comment). */
export function readBodySize(text: string): BodySize {
  const hit: Hit = {};
  const h = heightCm(text);
  const w = weightOf(text);
  if (h) hit.cm = h.cm;
  if (w) hit.weight = w.weight;
  // 165，110斤: a bare number in a height's range right before a weight.
  if (!h && w) {
    const before = text.slice(0, w.start);
    const m = new RegExp(`${START}(1\\d{2})${SEP}$`).exec(before);
    if (m && +m[1]! >= 120 && +m[1]! <= 210 && !/[\d.]/.test(before.slice(m.index - 1, m.index))) hit.cm = +m[1]!;
  }
  // 165cm 110: a bare number right after a height.
  if (h && !w) {
    const m = new RegExp(`^${SEP}(\\d{2,3})(?![\\d.%元块件号月日天个岁年])`).exec(text.slice(h.end));
    if (m && +m[1]! >= 30 && +m[1]! <= 300) hit.weight = m[1];
  }
  const out: BodySize = {};
  if (hit.cm !== undefined) out.height = `${hit.cm}cm`;
  if (hit.weight !== undefined) out.weight = hit.weight;
  return out;
}

/**
 * The size the buyer says they usually wear in one message (the last one named), or undefined: only after a
 * habit word (平时穿M; the strict reading of customers/sizes-usual.ts, which the buyer's card reads leniently).
 * Letters in capitals (2xl → 2XL), numbers as written.
 */
export function readUsualSize(text: string): string | undefined {
  const found = readWornSize(text, { strict: true });
  if (!found) return undefined;
  return found.kind === 'letter' ? found.size.toUpperCase() : found.size;
}

/**
 * Values for the fill-ins among `missing` that the buyer already answered, from `messages` (oldest
 * first; the newest mention of each wins). Names this does not read, or nothing found: no key.
 */
export function prefillFills(missing: readonly string[], messages: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (missing.includes('平时尺码')) {
    for (let i = messages.length - 1; i >= 0; i--) {
      const usual = readUsualSize(messages[i]!);
      if (usual) {
        out['平时尺码'] = usual;
        break;
      }
    }
  }
  const wanted = missing.filter((n) => Object.prototype.hasOwnProperty.call(NAMES, n));
  if (!wanted.length) return out;
  const size: BodySize = {};
  for (let i = messages.length - 1; i >= 0 && !(size.height && size.weight); i--) {
    const found = readBodySize(messages[i]!);
    size.height ??= found.height;
    size.weight ??= found.weight;
  }
  for (const name of wanted) {
    const value = NAMES[name]!(size);
    if (value) out[name] = value;
  }
  return out;
}
