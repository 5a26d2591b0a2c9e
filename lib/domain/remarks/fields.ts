/**
 * Reading and normalising one field value by its type. Normalised values are what the canonical
 * line carries (money without its 元 unit), so build → parse gives the same values back.
 */
import type { FieldSpec } from './types';
import { fieldEn } from './rules';
import { isoDay, type Zone } from '../time';

export type FieldResult = { ok: true; value: string } | { ok: false; message: string; messageEn: string };

const fail = (message: string, messageEn: string): FieldResult => ({ ok: false, message, messageEn });

/** Mainland China mobile number. */
export const MOBILE_RE = /^1[3-9]\d{9}$/;

/**
 * Full-width ASCII → half width (U+FF01–FF5E: ２５ → 25, ．→ ., －→ -, （）→ ()), the ideographic
 * space → a space: what a Chinese IME in full-width mode types into a number field. The compliance
 * guard folds the same range (lib/domain/guard/normalize.ts).
 */
export function halfWidth(raw: string): string {
  return raw.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Field types whose values are numbers and codes: typed full width, they mean the same. */
const FOLDED = new Set<FieldSpec['type']>(['date', 'money', 'phone', 'order']);

/** 010 and 02x are 3-digit area codes (with 8-digit numbers); every other one, 03xx–09xx, has 4 (7 or 8). */
const AREA3 = /^0(?:10|2\d)/;
/** An extension written after the number: 转123, 分机123, ext 123, x123, #123. */
const EXTENSION = /^(.*?\d)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
/** …or after a dash, once the number itself is grouped: 021-12345678-123. */
const DASH_EXTENSION = /^(.*\d-\d{7,8})-(\d{1,6})$/;

function landline(main: string, ext = ''): string | null {
  if (!/^[\d\s\-()]+$/.test(main)) return null;
  const digits = main.replace(/\D/g, '');
  const three = AREA3.test(digits);
  const area = digits.slice(0, three ? 3 : 4);
  const local = digits.slice(area.length);
  const valid = (three ? local.length === 8 : /^0[3-9]/.test(area) && (local.length === 7 || local.length === 8)) && !local.startsWith('0');
  return valid ? `${area}-${local}${ext ? `转${ext}` : ''}` : null;
}

/**
 * The country code before a mainland number (+86, 0086), with the trunk 0 some write after it in
 * brackets (+86 (0)21 …): what is left is the number as dialled abroad, its area code without the 0.
 */
const COUNTRY_CODE = /^(?:\+\s*86|0086)[\s-]*(?:\(0\)[\s-]*)?/;

/**
 * A mainland phone number as the remark writes it: a mobile as 11 digits (+86/0086, spaces and
 * dashes dropped), a landline as 区号-号码 with an extension after 转 (021-12345678,
 * 0755-1234567转123), also when written the international way (+86 21 5555 1234, 0086 21 55551234:
 * the area code gets its 0 back). The dash is kept on purpose: the masking of buyer notes
 * (lib/domain/customers/privacy.ts) knows a landline by its area code and separator. Null when it
 * is neither.
 */
export function readPhone(raw: string): string | null {
  let t = halfWidth(raw).replace(/[\u2010-\u2015]/g, '-').trim();
  const country = COUNTRY_CODE.exec(t);
  // +86 21 … → 021 …, +86 10 … → 010 …; a mobile (13…–19…) or an area code written with its 0 anyway stays as it is.
  if (country) t = t.slice(country[0].length).replace(/^(\(?)(?=[2-9]|10)/, '$10');
  const mobile = t.replace(/[\s\-()]/g, '').replace(/^(?:\+?86|0086)(?=1\d{10}$)/, '');
  if (MOBILE_RE.test(mobile)) return mobile;
  const e = EXTENSION.exec(t) ?? DASH_EXTENSION.exec(t);
  return landline(t) ?? (e ? landline(e[1] as string, e[2]) : null);
}

/**
 * The shop's calendar date of a moment, YYYY-MM-DD: the date a remark is signed with and "today" for
 * date checks. Shop time (`zone`, lib/storage/settings.ts shopZone; Beijing by default), not the
 * computer's: the remark is the shop's record, read by the warehouse and by colleagues on the
 * shop's clock, and the follow-up list dates the same orders in the same zone.
 */
export function isoDate(moment: Date | number, zone: Zone): string {
  return isoDay(+moment, zone);
}

function validYmd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 2000 || y > 2199) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export const DATE_WITH_YEAR = String.raw`(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?`;
export const DATE_NO_YEAR = String.raw`(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?`;

export type DateResult = { ok: true; iso: string } | { ok: false; reason: 'invalid' | 'no-year' };

/**
 * Reads 2026-11-28, 2026/11/28, 2026.11.28, 2026年11月28日, 20261128, and without a year 11/28,
 * 11-28, 11.28, 11月28日 (the year closest to `today` is taken; none without `today`).
 */
export function readDate(raw: string, today?: string): DateResult {
  const s = raw.trim();
  let m = new RegExp(`^${DATE_WITH_YEAR}$`).exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const iso = validYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { ok: true, iso } : { ok: false, reason: 'invalid' };
  }
  m = new RegExp(`^${DATE_NO_YEAR}$`).exec(s);
  if (m) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (!validYmd(2024, month, day)) return { ok: false, reason: 'invalid' }; // 2024: leap year
    if (!today) return { ok: false, reason: 'no-year' };
    const year = Number(today.slice(0, 4));
    let best: string | null = null;
    for (const y of [year - 1, year, year + 1]) {
      const iso = validYmd(y, month, day);
      if (iso && (best === null || Math.abs(daysBetween(today, iso)) < Math.abs(daysBetween(today, best)))) best = iso;
    }
    return best ? { ok: true, iso: best } : { ok: false, reason: 'invalid' };
  }
  return { ok: false, reason: 'invalid' };
}

/** Characters that would break the line format inside a value. */
export function cleanText(raw: string): string {
  return raw
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[｜|]/g, '/')
    .replace(/【/g, '[')
    .replace(/】/g, ']')
    .replace(/\s+/g, ' ')
    .trim();
}

const YES = new Set(['是', '已', '有', '要', '需要', '对', 'y', 'yes', 'true', '1', '√', '✓']);
/** Besides these, a yes word after 不 is a no (不要, 不对, …). */
const NO = new Set(['否', '未', '无', '没有', '不', 'n', 'no', 'false', '0', '×', '✗']);
const isNo = (k: string): boolean => NO.has(k) || (k.startsWith('不') && YES.has(k.slice(1)));

export function readMoney(raw: string): number | null {
  // 。 between digits is the decimal point typed in Chinese punctuation mode (12。5).
  const s = halfWidth(raw).replace(/(\d)。(?=\d)/g, '$1.').replace(/[\s¥￥,，。]|元|块|rmb/gi, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null;
  return Number(s);
}

/**
 * Checks and normalises a value that is present (non-empty after trimming). Emptiness and
 * required-ness are the caller's business.
 */
export function normalizeField(spec: FieldSpec, raw: string, opts: { today?: string } = {}): FieldResult {
  const label = spec.label;
  // English names the field in English (as the English form shows it); the value stays as typed, quoted.
  const name = fieldEn(spec);
  const en = `${name}:`;
  const text = cleanText(FOLDED.has(spec.type) ? halfWidth(raw) : raw);
  switch (spec.type) {
    case 'date': {
      const r = readDate(text.replace(/[（(].*[)）]$/, ''), opts.today);
      if (r.ok) return { ok: true, value: r.iso };
      return r.reason === 'no-year'
        ? fail(`${label}“${text}”缺少年份，请写成 2026-11-28 这样的日期。`, `${en} "${text}" has no year; write a date like 2026-11-28.`)
        : fail(`${label}“${text}”不是有效日期，请写成 2026-11-28 这样的日期。`, `${en} "${text}" is not a valid date; write a date like 2026-11-28.`);
    }
    case 'money': {
      const n = readMoney(text);
      if (n === null || n <= 0) {
        return fail(`${label}“${text}”必须是大于 0 的金额，最多两位小数。`, `${en} "${text}" must be an amount above 0 with at most 2 decimals.`);
      }
      return { ok: true, value: String(n) };
    }
    case 'phone': {
      const phone = readPhone(text);
      if (!phone) {
        return fail(
          `${label}“${text}”不是有效的大陆电话：手机写 11 位（1 开头，第二位 3–9），座机写 区号-号码，例如 021-12345678、0755-1234567，分机写在“转”后面。`,
          `${en} "${text}" is not a valid mainland phone number: a mobile has 11 digits (1[3-9]…); a landline is area code-number, e.g. 021-12345678 or 0755-1234567, with an extension after "转".`,
        );
      }
      return { ok: true, value: phone };
    }
    case 'order': {
      const parts = text.split(/[\s/,，、;；]+/).filter(Boolean);
      const bad = parts.filter((p) => !/^[0-9A-Za-z][0-9A-Za-z-]{5,39}$/.test(p));
      if (parts.length === 0 || bad.length > 0) {
        return fail(`${label}“${bad.join(' ') || text}”不是有效的订单号。`, `${en} "${bad.join(' ') || text}" is not a valid order number.`);
      }
      return { ok: true, value: [...new Set(parts)].join('/') };
    }
    case 'yesno': {
      const k = text.toLowerCase();
      if (YES.has(k)) return { ok: true, value: '是' };
      if (isNo(k)) return { ok: true, value: '否' };
      return fail(`${label}只能填“是”或“否”。`, `${name} must be yes ("是") or no ("否").`);
    }
    case 'agent': {
      if (text.length > 16 || /^\d+$/.test(text) || /[:：]/.test(text)) {
        return fail(`${label}“${text}”不像一个姓名。`, `${en} "${text}" does not look like a name.`);
      }
      return { ok: true, value: text };
    }
    case 'address': {
      if (text.length < 5) return fail(`${label}“${text}”太短，请写完整地址。`, `${en} "${text}" is too short; write the full address.`);
      return { ok: true, value: text };
    }
    default: {
      if (spec.options && spec.options.length > 0 && !spec.options.includes(text)) {
        return fail(`${label}只能是：${spec.options.join('、')}。`, `${name} must be one of: ${spec.options.map((o) => `"${o}"`).join(', ')}.`);
      }
      return { ok: true, value: text };
    }
  }
}

/** How a normalised value is written into the canonical line. */
export function renderValue(spec: FieldSpec, value: string): string {
  return spec.type === 'money' ? `${value}元` : value;
}
