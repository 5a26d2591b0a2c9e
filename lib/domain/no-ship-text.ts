/**
 * The dates a shop does not ship, as the owner types them in the options page: one day or one range
 * a line (2027-01-01; 2027-02-05 至 2027-02-12, also 到, ~ or a dash; 2027/2/5 and 2027年2月5日 too).
 * Options-page code only: the stored form is NoShipDays.dates (lib/domain/ship-days.ts).
 */
import { parseIsoDate } from './time';

export type NoShipDatesError =
  | { key: 'options.noShipDateInvalid'; params: { value: string } }
  | { key: 'options.noShipRangeBackwards'; params: { value: string } }
  | { key: 'options.noShipRangeLong'; params: { value: string; days: number } };

/** The longest closure a line may give: a year typed wrong (2027-02-05 至 2028-02-12) must not close the shop for a year unnoticed. */
export const MAX_RANGE_DAYS = 62;

const DATE = '(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?';
const LINE = new RegExp(`^${DATE}(?:\\s*(?:至|到|~|～|-|—|–|－)+\\s*${DATE})?$`);

function iso(y: string, m: string, d: string): string | null {
  const value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return parseIsoDate(value) ? value : null;
}

/** The ranges typed, or the first line's problem (nothing is saved then). */
export function parseNoShipDates(text: string): { dates: { from: string; to: string }[] } | { error: NoShipDatesError } {
  const dates: { from: string; to: string }[] = [];
  for (const raw of text.split(/[\n,，、;；]/)) {
    const value = raw.trim();
    if (!value) continue;
    const m = LINE.exec(value);
    const from = m && iso(m[1]!, m[2]!, m[3]!);
    const to = m && (m[4] ? iso(m[4], m[5]!, m[6]!) : from);
    if (!from || !to) return { error: { key: 'options.noShipDateInvalid', params: { value } } };
    if (to < from) return { error: { key: 'options.noShipRangeBackwards', params: { value } } };
    const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    if (days > MAX_RANGE_DAYS) return { error: { key: 'options.noShipRangeLong', params: { value, days } } };
    dates.push({ from, to });
  }
  dates.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { dates };
}

/** Stored ranges as the options page shows them, one a line. */
export function formatNoShipDates(dates: readonly { from: string; to: string }[]): string {
  return dates.map((d) => (d.from === d.to ? d.from : `${d.from} ~ ${d.to}`)).join('\n');
}
