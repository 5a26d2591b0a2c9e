/**
 * Days the shop does not ship (不发货日): weekdays, and single dates or ranges of dates (春节
 * 2027-02-05 to 2027-02-12), in shop time. The product knows no public holidays of its own — shops
 * close on different days, and the State Council's calendar moves every year — so what it knows is
 * what the owner enters in the options page (ShopSettings.noShip). Every promise of a shipping day
 * ({发货日}, {付款发货}, the unpaid reminders' cut-off, a delayed order's due day) goes through
 * `shipOffset`, so none of them names a day the warehouse is closed.
 */
import { wallOf, type Zone } from './time';

export interface NoShipDays {
  /** 0 = Sunday … 6 = Saturday: the shop never ships on these. */
  weekdays: number[];
  /** Inclusive ranges of shop dates, 'YYYY-MM-DD' (a single day has from = to). */
  dates: { from: string; to: string }[];
}

/** True when the shop ships on the shop-calendar day `year-month-day` (a day past the month's end rolls over). */
export function shipsOn(year: number, month: number, day: number, no?: NoShipDays): boolean {
  if (!no) return true;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (no.weekdays.includes(d.getUTCDay())) return false;
  const iso = d.toISOString().slice(0, 10);
  return !no.dates.some((r) => r.from <= iso && iso <= r.to);
}

/**
 * How many days after the shop's today an order paid at `now` ships: paid before the cut-off
 * (minutes after midnight) on a shipping day, 0; else the next day the shop ships. Within a year:
 * a shop closed for longer has entered something wrong (the options page refuses all seven
 * weekdays), and the plain next day is promised rather than none.
 */
export function shipOffset(now: number, cutoff: number, zone: Zone, no?: NoShipDays): number {
  const w = wallOf(now, zone);
  const first = w.minutes < cutoff ? 0 : 1;
  for (let k = first; k < first + 370; k++) if (shipsOn(w.year, w.month, w.day + k, no)) return k;
  return first;
}

/**
 * The first shop date on or after `iso` ('YYYY-MM-DD') the shop ships on: `iso` itself when it
 * ships (or is not a date); within a year, as shipOffset. The remark form offers it for a promised
 * ship date (紫旗 可发货日) that falls on a day the shop does not ship.
 */
export function shipDateFrom(iso: string, no?: NoShipDays): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || !no) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  for (let k = 0; k < 370; k++) if (shipsOn(y, mo, d + k, no)) return new Date(Date.UTC(y, mo - 1, d + k)).toISOString().slice(0, 10);
  return iso;
}
