/**
 * A buyer's data as the shop hands it over (个人信息保护法 查阅/复制: a buyer asks to see what the
 * shop keeps about them), and every buyer as a sheet. Written by the options page from what
 * exportCustomer sends: the record and what else names the buyer — the same set 删除 takes
 * (lib/domain/customers/forget.ts keptAbout), so the copy and the deletion agree.
 *
 * - JSON: the customers file the import reads (`customers`, times in epoch ms as it needs them), and
 *   beside it the same record and the other kinds with their times written as ISO 8601 in shop time
 *   with the offset (2026-12-05T14:03:00+08:00), readable by a person and by any program.
 * - CSV: one sheet for Excel/WPS (UTF-8 with BOM, CRLF, cells guarded against formulas as every
 *   export is: lib/domain/followups/csv.ts), in sections with a title each — the record, notes and
 *   history, follow-ups, the override log's entries, learned picks, 催付 reminders kept — times as YYYY-MM-DD HH:mm shop
 *   time. One file, because that is what an owner hands to a buyer.
 * - All buyers: one row each, with the column names the CSV import reads (buyer, id, platform, VIP,
 *   tags, note, preferences, last contact), so the sheet can be imported back.
 */
import { csvCell, csvOrderCell } from '../followups/csv';
import { followupReason, followupTitle, sayFrom, type Say } from '../followups/text';
import { FLAG_NAMES } from '../remarks/rules';
import { SCENARIOS, type ScenarioId } from '../scenarios';
import { formatWall, formatWallSeconds, type Zone } from '../time';
import { followups as followupMessages } from '../../i18n/messages/followups';
import { followupsExport } from '../../i18n/messages/followups-export';
import { customersUi } from '../../i18n/messages/customers-ui';
import { customersExport } from '../../i18n/messages/customers-export';
import type { Locale } from '../../i18n/lookup';
import type { Followup } from '../followups/types';
import type { LearnedPick } from '../suggest/learned';
import type { RemarkOverride } from '../../storage/rules';
import { EXPORT_FORMAT, EXPORT_VERSION, type Customer, type CustomersExport, type Sizes } from './types';

/** What the shop keeps about one buyer (the exportCustomer answer). */
export interface BuyerData {
  customer: Customer | null;
  followups: Followup[];
  overrides: RemarkOverride[];
  picks: LearnedPick[];
  /** 催付 reminders kept for their orders not on the follow-up list yet (lib/domain/followups/reminded.ts). */
  reminders?: { at: number }[];
}

/** The zone's offset at `ms` in minutes (null: this computer's, which may change with daylight saving). */
const offsetAt = (ms: number, zone: Zone): number => zone ?? -new Date(ms).getTimezoneOffset();

/** '+08:00' */
export function offsetText(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** ISO 8601 in shop time with its offset: 2026-12-05T14:03:09+08:00. */
export function isoLocal(ms: number, zone: Zone): string {
  return `${formatWallSeconds(ms, zone).replace(' ', 'T')}${offsetText(offsetAt(ms, zone))}`;
}

/** Fields holding a moment (epoch ms) in the records exported. */
const TIME_KEYS = new Set(['at', 'createdAt', 'updatedAt', 'lastSeenAt', 'dueAt', 'closedAt', 'snoozedUntil', 'assignedAt', 'exportedAt']);

/** A copy with every moment written as isoLocal; `fieldAt` (when each field changed, for team merges) left out. */
export function readableTimes(value: unknown, zone: Zone): unknown {
  if (Array.isArray(value)) return value.map((v) => readableTimes(v, zone));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'fieldAt') continue;
    out[k] = TIME_KEYS.has(k) && typeof v === 'number' && Number.isFinite(v) ? isoLocal(v, zone) : readableTimes(v, zone);
  }
  return out;
}

/** The buyer's JSON file: the import's customers file, with the readable copy and the other kinds beside it. */
export function buyerExportJson(d: BuyerData, now: number, zone: Zone): string {
  const file: CustomersExport & Record<string, unknown> = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    customers: d.customer ? [d.customer] : [],
    exportedAtLocal: isoLocal(now, zone),
    buyer: d.customer ? readableTimes(d.customer, zone) : null,
    followups: readableTimes(d.followups, zone),
    remarkOverrides: readableTimes(d.overrides, zone),
    learnedPicks: readableTimes(d.picks, zone),
    paymentReminders: readableTimes(d.reminders ?? [], zone),
  };
  return JSON.stringify(file, null, 2);
}

function sayIn(locale: Locale): Say {
  const lang = locale === 'en' ? 'en' : 'zh';
  return sayFrom({ ...followupMessages[lang], ...followupsExport[lang], ...customersUi[lang], ...customersExport[lang] });
}

const row = (cells: readonly string[]): string => cells.map(csvCell).join(',');
const sheet = (lines: readonly string[]): string => `\uFEFF${lines.join('\r\n')}\r\n`;

function sizesText(s: Sizes, say: Say): string {
  return (Object.entries(s) as [keyof Sizes, unknown][])
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${say(`customers.size.${k}`)} ${v}`)
    .join('；');
}

const BUYER_COLUMNS = ['nickname', 'buyerId', 'platform', 'segment', 'vip', 'tags', 'note', 'preferences', 'addressNote', 'sizes', 'orders', 'createdAt', 'lastSeen'] as const;

function buyerHeader(say: Say): string {
  return row(BUYER_COLUMNS.map((c) => say(`customers.export.col.${c}`)));
}

function buyerRow(c: Customer, zone: Zone, say: Say): string {
  return [
    csvCell(c.nickname),
    csvCell(c.buyerId ?? ''),
    csvCell(say(`customers.platform.${c.platform}`)),
    csvCell(say(`customers.segment.${c.segment}`)),
    csvCell(c.segment === 'vip' ? say('customers.export.yes') : ''),
    csvCell(c.tags.join('，')),
    csvCell(c.note),
    csvCell(c.preferences),
    csvCell(c.addressNote),
    csvCell(sizesText(c.sizes, say)),
    // Order numbers as text (=\"…\" would not fit several in one cell): the spreadsheet keeps the digits.
    csvCell(c.orderIds.join(' ')),
    csvCell(formatWall(c.createdAt, zone)),
    csvCell(formatWall(c.lastSeenAt, zone)),
  ].join(',');
}

function zoneName(now: number, zone: Zone, say: Say): string {
  return zone === null ? say('customers.export.zoneLocal') : `UTC${offsetText(offsetAt(now, zone))}`;
}

/** Every buyer, one row each (Options → 客户档案 → 导出全部客户（表格）). */
export function customersToCsv(list: readonly Customer[], zone: Zone, locale: Locale = 'zh-CN'): string {
  const say = sayIn(locale);
  return sheet([buyerHeader(say), ...list.map((c) => buyerRow(c, zone, say))]);
}

/** One buyer's data as one sheet in titled sections (see the module comment). */
export function buyerExportCsv(d: BuyerData, ref: { nickname: string; buyerId?: string | null }, now: number, zone: Zone, locale: Locale = 'zh-CN'): string {
  const say = sayIn(locale);
  const when = (ms: number | undefined) => (ms === undefined ? '' : formatWall(ms, zone));
  const c = d.customer;
  const lines: string[] = [
    row([say('customers.export.title')]),
    row([say('customers.export.buyer', { nick: ref.buyerId ? `${ref.nickname} (${ref.buyerId})` : ref.nickname })]),
    row([say('customers.export.at', { at: formatWall(now, zone), zone: zoneName(now, zone, say) })]),
  ];
  const section = (title: string, header: readonly string[], rows: readonly string[]) => {
    lines.push('', row([title]));
    if (!rows.length) return void lines.push(row([say('customers.export.none')]));
    lines.push(row(header.map((h) => say(`customers.export.col.${h}`))), ...rows);
  };
  lines.push('', row([say('customers.export.section.buyer')]));
  lines.push(...(c ? [buyerHeader(say), buyerRow(c, zone, say)] : [row([say('customers.export.missing')])]));
  const history = c?.history ?? [];
  section(
    say('customers.export.section.history', { count: history.length }),
    ['at', 'kind', 'text', 'ref'],
    history.map((e) => [csvCell(when(e.at)), csvCell(say(`customers.event.${e.kind}`)), csvCell(e.text), e.ref ? csvOrderCell(e.ref) : ''].join(',')),
  );
  section(
    say('customers.export.section.followups', { count: d.followups.length }),
    ['kind', 'title', 'orderId', 'note', 'status', 'createdAt', 'due', 'closed', 'closedReason'],
    d.followups.map((f) =>
      [
        csvCell(say(`followups.kind.${f.kind}`)),
        csvCell(f.kind === 'manual' || f.kind === 'handover' ? followupTitle(f, say) : followupReason(f, say)),
        f.orderId ? csvOrderCell(f.orderId) : '',
        csvCell(f.note ?? ''),
        csvCell(say(f.status === 'done' ? 'followups.status.done' : f.status === 'snoozed' ? 'followups.status.snoozed' : 'followups.status.open')),
        csvCell(when(f.createdAt)),
        csvCell(when(f.dueAt)),
        csvCell(when(f.closedAt)),
        csvCell(f.closedReason ?? ''),
      ].join(','),
    ),
  );
  const lang = locale === 'en' ? 'en' : 'zh';
  section(
    say('customers.export.section.overrides', { count: d.overrides.length }),
    ['at', 'platform', 'orderId', 'flag', 'agent', 'remark', 'problems', 'reason'],
    d.overrides.map((o) =>
      [
        csvCell(when(o.at)),
        csvCell(say(`customers.platform.${o.platform}`)),
        csvOrderCell(o.orderId),
        csvCell(FLAG_NAMES[o.flag]?.[lang] ?? o.flag),
        csvCell(o.agent),
        csvCell(o.text),
        csvCell(o.problems.map((p) => p.message).join('；')),
        csvCell(o.reason),
      ].join(','),
    ),
  );
  section(
    say('customers.export.section.picks', { count: d.picks.length }),
    ['at', 'scenario', 'message'],
    d.picks.map((p) => [csvCell(when(p.at)), csvCell(SCENARIOS[p.scenario as ScenarioId]?.[lang] ?? String(p.scenario)), csvCell(p.text)].join(',')),
  );
  const reminders = d.reminders ?? [];
  section(
    say('customers.export.section.reminders', { count: reminders.length }),
    ['at'],
    reminders.map((r) => csvCell(when(r.at))),
  );
  return sheet(lines);
}
