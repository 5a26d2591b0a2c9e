/**
 * The follow-up list as a CSV file for Excel/WPS (supervisors collect them per shift).
 *
 * - UTF-8 with a BOM: without it Excel on Chinese Windows reads the file as GBK and shows mojibake.
 * - RFC 4180: CRLF line ends; a cell with a comma, quote, line break or edge space is quoted and
 *   its quotes doubled.
 * - Order numbers are written as ="1234567890123456789" (quoted as "=""…"""). Excel, WPS,
 *   LibreOffice and Google Sheets then show the digits as text, instead of 1.23457E+18 with the
 *   last digits lost. Chosen over a leading tab or apostrophe because the cell's value stays exactly
 *   the order number when copied. Only all-digit ids get this; anything else is ordinary text.
 * - Formula injection: any other cell starting with = + - @ (or tab/CR) gets a leading apostrophe, so a
 *   buyer nickname or note like "=HYPERLINK(…)" is shown, not run.
 */
import { followups as messages } from '../../i18n/messages/followups';
import { followupsExport } from '../../i18n/messages/followups-export';
import type { Locale } from '../../i18n/index';
import { resolveSettings } from './rules';
import { formatWall } from '../time';
import { followupReason, followupTitle, sayFrom } from './text';
import type { Followup, FollowupSettings } from './types';

// 平台 beside 买家: one nickname can be a buyer on two consoles, two different people.
const COLUMNS = ['kind', 'buyer', 'platform', 'orderId', 'reason', 'dueAt', 'status', 'note'] as const;

/** Quotes a cell per RFC 4180. */
function quote(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Starts a formula in some spreadsheet: = + - @ (also the full-width ＝ ＋ － ＠, which WPS and
 * Excel with a Chinese IME may read as their ASCII forms), tab or CR — also after invisible
 * characters (zero-width space/joiners, word joiner, BOM, bidi marks) that a cell might begin with.
 */
const FORMULA_START = /^[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell: neutralised against formulas, then quoted. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return quote(safe);
}

/**
 * A cell read from a sheet that a spreadsheet would run as a formula: = followed by anything, or
 * + - @ followed by a function call (SUM(, HYPERLINK(), a cell reference (A1, $B$2) or a DDE link
 * (cmd|…); full-width forms too. Not a phone number (+86 138…), a number (-5) or "-" alone. Imports
 * keep such a cell as plain text (never evaluated) and say so; csvCell guards it again on export.
 */
export function looksLikeFormula(value: string): boolean {
  return /^[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u061C]*(?:[=\uFF1D]\s*\S|[+\-@\uFF0B\uFF0D\uFF20]\s*(?:[A-Za-z_][\w.]*\s*[(（]|\$?[A-Za-z]{1,3}\$?\d+(?![\w.])|[\w.]+\|))/.test(value.trim());
}

/** What csvCell guarded, read back: the apostrophe it put before a formula start comes off again. */
export function csvUnguard(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** An order-number cell that spreadsheets keep as text. */
export function csvOrderCell(orderId: string): string {
  return /^\d+$/.test(orderId) ? quote(`="${orderId}"`) : csvCell(orderId);
}

export function followupsToCsv(
  items: readonly Followup[],
  now: number,
  locale: Locale = 'zh-CN',
  settings: Pick<Partial<FollowupSettings>, 'utcOffsetMinutes'> = {},
): string {
  const say = sayFrom(locale === 'en' ? { ...followupsExport.en, ...messages.en } : { ...followupsExport.zh, ...messages.zh });
  const zone = resolveSettings(settings).utcOffsetMinutes;

  const status = (f: Followup): string => {
    if (f.status === 'done') return say('followups.status.done');
    if (f.status === 'snoozed' && f.snoozedUntil !== undefined && f.snoozedUntil > now) return say('followups.status.snoozed');
    return f.dueAt < now ? say('followups.status.overdue') : say('followups.status.open');
  };

  const lines = [COLUMNS.map((c) => csvCell(say(`followups.csv.${c}`))).join(',')];
  for (const f of items) {
    // Hand-made items carry their content in the title; the others explain themselves in reason.
    const reason = f.kind === 'manual' || f.kind === 'handover' ? followupTitle(f, say) : followupReason(f, say);
    lines.push(
      [
        csvCell(say(`followups.kind.${f.kind}`)),
        csvCell(f.buyer ?? ''),
        f.platform ? csvCell(say(`followups.platform.${f.platform}`)) : '',
        f.orderId ? csvOrderCell(f.orderId) : '',
        csvCell(reason),
        csvCell(formatWall(f.dueAt, zone)),
        csvCell(status(f)),
        csvCell(f.note ?? ''),
      ].join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
