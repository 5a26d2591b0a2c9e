/**
 * Platform remark limits (../shared/consoles.md): Taobao/Tmall seller memo ≤ 1000 UTF-8 bytes
 * (a Chinese character is 3 bytes); JD vendor remark ≤ 500 characters. Both platforms REPLACE the
 * previous remark on save, so appendRemark keeps the earlier lines itself.
 */
import type { Platform } from './types';

export interface RemarkLength {
  used: number;
  /** null: no limit is publicly known for this platform. */
  max: number | null;
  unit: 'bytes' | 'chars';
}

export const TAOBAO_MAX_BYTES = 1000;
export const JD_MAX_CHARS = 500;

const encoder = new TextEncoder();

export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Characters as a browser's maxlength counts them (UTF-16 code units): an emoji counts 2, which
 * errs on the safe side.
 */
export function charCount(text: string): number {
  return text.length;
}

/**
 * How long a remark is, against its platform's limit. `boxMax` is the remark box's own maxlength
 * where the page sets one: it is the limit only where the platform's is not known (a console the
 * agent taught); a known platform limit is what the platform saves, whatever the box allows.
 */
export function remarkLength(text: string, platform: Platform | undefined, boxMax?: number): RemarkLength {
  switch (platform) {
    case 'jd':
      return { used: charCount(text), max: JD_MAX_CHARS, unit: 'chars' };
    case 'taobao':
    case 'demo':
    case undefined:
      return { used: utf8Bytes(text), max: TAOBAO_MAX_BYTES, unit: 'bytes' };
    default:
      return { used: charCount(text), max: boxMax && boxMax > 0 ? boxMax : null, unit: 'chars' };
  }
}

export function isOverLimit(text: string, platform: Platform | undefined, boxMax?: number): boolean {
  const l = remarkLength(text, platform, boxMax);
  return l.max !== null && l.used > l.max;
}

export interface AppendOptions {
  /**
   * How many of the oldest earlier lines the agent agreed to remove to make room. Earlier lines are
   * colleagues' records (an address change may be the only one): none goes without this consent.
   */
  dropOldest?: number;
  /** The remark box's maxlength (see remarkLength). */
  boxMax?: number;
  /**
   * The shortest line the rule can write (its title and signature alone): when not even that fits
   * beside the earlier lines, the agent is not told to shorten the new one.
   */
  shortest?: string;
}

export interface AppendResult {
  /** The whole remark to save: earlier lines (oldest first) then the new line. */
  text: string;
  /** Earlier lines that `text` keeps. */
  kept: number;
  /** Earlier lines left out of `text`, oldest first: only ever the ones the agent agreed to drop. */
  dropped: string[];
  /**
   * The oldest earlier lines that would have to go for the new line to fit the limit, oldest first:
   * the agent is asked about exactly these. Empty when it all fits (or the new line alone is too long).
   */
  mustDrop: string[];
  /** By how much earlier lines + the new line are over the limit (0: within). */
  over: number;
  /** `text` is within the limit: it may be used. */
  fits: boolean;
  /** The new line alone is over the limit; `text` is then the new line only and cannot be saved. */
  tooLong: boolean;
  length: RemarkLength;
  /** Set when the remark is over the limit or lines are dropped: a sentence for the agent. */
  message?: { zh: string; en: string };
  /** The box's newest line is already this very line (written by 使用 a moment ago): nothing new to write. */
  repeat?: boolean;
}

const clean = (l: string) => l.replace(/\r?\n|\r/g, ' ').trim();

/**
 * Adds `newLine` under the earlier remark lines (the platforms replace the remark on save). When
 * the result is over the platform limit, nothing is dropped unasked: the result does not fit, says
 * by how much and how long the new line may be, and names the oldest lines (`mustDrop`) that would
 * make room; with `dropOldest` at least that many, those go. A line identical to the newest earlier
 * line is not added twice (saving the same remark again).
 */
export function appendRemark(previous: string, newLine: string, platform: Platform | undefined, opts: AppendOptions = {}): AppendResult {
  const line = clean(newLine);
  const earlier = previous.split(/\r?\n|\r/).map(clean).filter(Boolean);
  const len = (lines: string[]) => remarkLength(lines.join('\n'), platform, opts.boxMax);
  const full = len(earlier);
  if (!line) return { text: earlier.join('\n'), kept: earlier.length, dropped: [], mustDrop: [], over: 0, fits: !overBy(full), tooLong: false, length: full };

  // The same line again is the newest earlier line itself: it stays, as the new line.
  const older = earlier[earlier.length - 1] === line ? earlier.slice(0, -1) : earlier;
  const repeat = older.length < earlier.length ? 1 : 0;
  const unit = len([]).unit === 'bytes' ? { zh: '字节', en: 'bytes' } : { zh: '字', en: 'characters' };
  const alone = len([line]);
  if (overBy(alone)) {
    return {
      text: line, kept: 0, dropped: [], mustDrop: [], over: overBy(len([...older, line])), fits: false, tooLong: true, length: alone,
      message: {
        zh: `这条备注有 ${alone.used} ${unit.zh}，超过平台上限 ${alone.max} ${unit.zh}，请缩短。`,
        en: `This remark is ${alone.used} ${unit.en}, over the platform limit of ${alone.max} ${unit.en}; shorten it.`,
      },
    };
  }
  const whole = len([...older, line]);
  const over = overBy(whole);
  let n = 0;
  while (overBy(len([...older.slice(n), line]))) n++;
  const mustDrop = older.slice(0, n);
  const agreed = n > 0 && (opts.dropOldest ?? 0) >= n;
  const kept = agreed ? older.slice(n) : older;
  const text = [...kept, line].join('\n');
  const result: AppendResult = {
    text, kept: kept.length + repeat, dropped: agreed ? mustDrop : [], mustDrop, over, fits: n === 0 || agreed, tooLong: false, length: len([text]),
    ...(repeat ? { repeat: true } : {}),
  };
  const max = whole.max as number;
  // English counts its lines: "the oldest line", "the 2 oldest lines" (not "the 1 oldest line(s)").
  const oldest = n === 1 ? 'the oldest line' : `the ${n} oldest lines`;
  if (agreed) {
    result.message = {
      zh: `按你的选择，删去最早的 ${n} 条备注，保存后共 ${result.length.used} ${unit.zh}（上限 ${max} ${unit.zh}）。`,
      en: `As you chose, ${oldest} ${n === 1 ? 'is' : 'are'} removed; the remark is then ${result.length.used} ${unit.en} (limit ${max} ${unit.en}).`,
    };
  } else if (n > 0) {
    // How long the new line may be with every earlier line kept (the line break included).
    const room = max - (older.length ? len(older).used + 1 : 0);
    const head = {
      zh: `之前的 ${older.length} 条备注加上这条共 ${whole.used} ${unit.zh}，超过平台上限 ${max} ${unit.zh}（多 ${over} ${unit.zh}）。之前的备注不会自动删去：`,
      en: `${older.length === 1 ? 'The earlier line' : `The ${older.length} earlier lines`} and this one come to ${whole.used} ${unit.en}, ${over} over the platform limit of ${max} ${unit.en}. Earlier lines are never removed on their own: `,
    };
    result.message =
      room >= (opts.shortest ? len([clean(opts.shortest)]).used : 1)
        ? {
            zh: `${head.zh}请把这条缩短到 ${room} ${unit.zh}以内（现在 ${alone.used} ${unit.zh}），或选择删去最早的 ${n} 条。`,
            en: `${head.en}shorten this one to ${room} ${unit.en} or less (it is ${alone.used}), or choose to remove ${oldest}.`,
          }
        : {
            zh: `${head.zh}之前的备注几乎占满上限（只剩 ${Math.max(0, room)} ${unit.zh}），缩短这条也放不下；要保存这条，请选择删去最早的 ${n} 条。`,
            en: `${head.en}they leave only ${Math.max(0, room)} ${unit.en}, too little for any line; to save this one, choose to remove ${oldest}.`,
          };
  }
  return result;
}

function overBy(l: RemarkLength): number {
  return l.max === null ? 0 : Math.max(0, l.used - l.max);
}
