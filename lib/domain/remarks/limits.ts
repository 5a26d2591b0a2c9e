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

export function remarkLength(text: string, platform: Platform | undefined): RemarkLength {
  switch (platform) {
    case 'jd':
      return { used: charCount(text), max: JD_MAX_CHARS, unit: 'chars' };
    case 'taobao':
    case 'demo':
    case undefined:
      return { used: utf8Bytes(text), max: TAOBAO_MAX_BYTES, unit: 'bytes' };
    default:
      return { used: charCount(text), max: null, unit: 'chars' };
  }
}

export function isOverLimit(text: string, platform: Platform | undefined): boolean {
  const l = remarkLength(text, platform);
  return l.max !== null && l.used > l.max;
}

export interface AppendResult {
  /** The whole remark to save: earlier lines (oldest first) then the new line. */
  text: string;
  /** Earlier lines removed to fit the limit, oldest first. */
  dropped: string[];
  /** The new line alone is over the limit; `text` is then the new line only and cannot be saved. */
  tooLong: boolean;
  length: RemarkLength;
  /** Set when lines were dropped or the line is too long: a sentence for the agent. */
  message?: { zh: string; en: string };
}

/**
 * Adds `newLine` under the earlier remark lines. If the result is over the platform limit, the
 * OLDEST lines are dropped first, and the message says how many. A line identical to the newest
 * earlier line is not added twice (saving the same remark again).
 */
export function appendRemark(previous: string, newLine: string, platform: Platform | undefined): AppendResult {
  const line = newLine.replace(/\r?\n|\r/g, ' ').trim();
  const lines = previous.split(/\r?\n|\r/).map((l) => l.trim()).filter(Boolean);
  if (line && lines[lines.length - 1] !== line) lines.push(line);
  const dropped: string[] = [];
  while (lines.length > 1 && isOverLimit(lines.join('\n'), platform)) dropped.push(lines.shift() as string);
  const text = lines.join('\n');
  const length = remarkLength(text, platform);
  const tooLong = length.max !== null && length.used > length.max;
  const result: AppendResult = { text, dropped, tooLong, length };
  const unit = length.unit === 'bytes' ? { zh: '字节', en: 'bytes' } : { zh: '字', en: 'characters' };
  if (tooLong) {
    result.message = {
      zh: `这条备注有 ${length.used} ${unit.zh}，超过平台上限 ${length.max} ${unit.zh}，请缩短。`,
      en: `This remark is ${length.used} ${unit.en}, over the platform limit of ${length.max} ${unit.en}; shorten it.`,
    };
  } else if (dropped.length > 0) {
    result.message = {
      zh: `备注超过 ${length.max} ${unit.zh}上限，已删去最早的 ${dropped.length} 条。`,
      en: `The remark was over the ${length.max}-${unit.en === 'bytes' ? 'byte' : 'character'} limit; the ${dropped.length} oldest line(s) were removed.`,
    };
  }
  return result;
}
