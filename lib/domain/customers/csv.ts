/**
 * Buyers (客户档案) from a spreadsheet: shops keep their VIP lists in Excel/WPS. Read with the reply
 * library's CSV reader (RFC 4180, comma or tab, lib/domain/templates/csv.ts) and the export's formula
 * guard taken off again (csvUnguard); the file's bytes are decoded by the options page as every
 * import is (UTF-8, UTF-16, GBK; Big5 and Shift-JIS refused: lib/domain/file-text.ts).
 *
 * Columns by the names shops use (BUYER_COLUMNS; a bracketed note in a header is ignored): the buyer
 * (买家 / 昵称 / 旺旺…) is required; 平台, 买家ID, 标签, VIP (a level, 是/否, or a word such as 贵宾),
 * 备注, 偏好, 手机/电话 (kept in the note) and 最近联系 (a date: when the buyer was last in touch, which
 * the VIP revisit rule counts from) are optional. A file without a 平台 column is read as the one
 * platform the agent picks. A row that cannot be a buyer is left out and named by its spreadsheet row
 * (the header is the row naming the buyer among the first few: a title row above it is left out and
 * said, as the reply library's import does); the others are taken. Tags split on , ， 、 ; ； | and spaces (splitTags). A
 * cell that starts like a formula (=SUM(…), +HYPERLINK(…), @A1: looksLikeFormula) is taken as the text
 * written, never run, and named by its row too, so the agent knows what came in; exports guard it.
 *
 * Each row becomes the buyer's record as it would be after the agent typed the row in: a buyer here
 * (the same key; or, for a row without an id, the one buyer with an id shown under that unmasked name,
 * as sightings by name are filed, README rule 3) keeps everything and gains the row's tags, and its
 * note or preferences get the row's text added when they do not hold it yet; anyone else is a new
 * record. Texts are masked when the shop masks (applyPatch, as 客户档案 → 编辑 saves). The records then
 * go through the buyer import (the whole file checked, a backup, a merge, the VIP revisits).
 */
import { inLocale, type Bilingual } from '../../i18n/bilingual';
import type { Locale } from '../../i18n/lookup';
import type { Platform } from '../../sites/types';
import { csvUnguard, looksLikeFormula } from '../followups/csv';
import { norm, readSheet, rowsAbove, unclosedQuote, type CsvRecord } from '../templates/csv';
import { applyPatch, newCustomer, segmentOf } from './customer';
import { splitTags } from './edit';
import { importProblems } from './import-export';
import { buyerKey, isMaskedNickname, normaliseBuyerId, normaliseNickname } from './identity';
import { maskPii } from './privacy';
import type { Customer, CustomerPatch } from './types';

export type BuyerCsvField = 'nickname' | 'buyerId' | 'platform' | 'tags' | 'vip' | 'note' | 'preferences' | 'phone' | 'lastSeen';

/** Header names per field, compared as the library's are (norm: trimmed, lowercased, no bracketed note). */
export const BUYER_COLUMNS: Record<BuyerCsvField, readonly string[]> = {
  nickname: ['买家', '昵称', '旺旺', '旺旺号', '旺旺名', '买家昵称', '买家旺旺', '会员名', '客户', '客户昵称', '用户名', 'buyer', 'nickname', 'nick', 'name'],
  buyerId: ['买家id', '用户id', '客户id', 'uid', 'pin', 'buyer id', 'buyerid'],
  platform: ['平台', '店铺平台', '渠道', 'platform'],
  tags: ['标签', '客户标签', 'tags', 'tag'],
  vip: ['vip', '是否vip', 'vip等级', '会员等级', '等级', '会员', 'vip level', 'level'],
  note: ['备注', '客户备注', '说明', 'note', 'notes', 'remark'],
  preferences: ['偏好', '喜好', '购买偏好', 'preferences', 'preference'],
  phone: ['手机', '电话', '手机号', '手机号码', '联系电话', '电话号码', 'phone', 'mobile', 'tel'],
  lastSeen: ['最近联系', '最后联系', '上次联系', '最近购买', '最后购买', '上次购买', '最近下单', 'last contact', 'last seen', 'last order'],
};

/** Platform names a sheet may use. The demo and taught pages are not a shop's platform. */
const PLATFORM_WORDS: Record<string, Platform> = {
  淘宝: 'taobao', 天猫: 'taobao', 千牛: 'taobao', 淘宝天猫: 'taobao', taobao: 'taobao', tmall: 'taobao', tb: 'taobao',
  京东: 'jd', jd: 'jd', 咚咚: 'jd',
  拼多多: 'pdd', pdd: 'pdd', pinduoduo: 'pdd',
  抖音: 'douyin', 抖店: 'douyin', 抖音小店: 'douyin', douyin: 'douyin',
  快手: 'kuaishou', 快手小店: 'kuaishou', kuaishou: 'kuaishou',
};

/** The platforms a sheet can name, for the agent's choice when it names none. */
export const CSV_PLATFORMS: readonly Platform[] = ['taobao', 'jd', 'pdd', 'douyin', 'kuaishou'];

const FIELDS = Object.keys(BUYER_COLUMNS) as BuyerCsvField[];

const NO = new Set(['', '否', '不是', '非', '无', '没有', 'n', 'no', 'false', '0', '×', 'x', '-', '—']);
const YES = new Set(['是', 'y', 'yes', 'true', '√', '✓', '✔', 'vip']);

export interface BuyerCsvReport {
  /** The recognised columns: field → the header as written. */
  columns: Partial<Record<BuyerCsvField, string>>;
  /** Headers not used (unknown, or a second column for a field). */
  ignored: string[];
  /** The header's row, and the rows above it left out (a sheet's title), each with its first filled cell. */
  headerRow: number;
  above: { row: number; text: string }[];
  /** Rows that became buyers: new here, buyers here that the row changes, and buyers here it adds nothing to. */
  added: number;
  updated: number;
  unchanged: number;
  /** Rows left out, each with why. */
  skipped: { row: number; reason: string }[];
  /** Cells of rows taken that start like a spreadsheet formula: kept as the text written (never run), each said. */
  formulas: { row: number; reason: string }[];
  /** Rows taken whose text or tags go over a limit within what an import keeps (importProblems), each said. */
  over: { row: number; reason: string }[];
}

export type BuyerCsvImport = { ok: true; customers: Customer[]; report: BuyerCsvReport } | { ok: false; errors: string[] };

export interface BuyerCsvOptions {
  now: number;
  /** The platform of rows that name none (the file has no 平台 column, or the cell is empty). */
  platform: Platform;
  /** Whether the shop masks phone and ID numbers in notes (settings.privacy.maskPii). */
  maskPii: boolean;
  /** The shop's time zone, minutes east of UTC (a date without a time is that day's start there). */
  zone: number;
  /** The buyers here. */
  existing: readonly Customer[];
  locale?: Locale;
}

/** The VIP tag a VIP cell gives: a level (3, V3, VIP3) → VIP3, yes → VIP, no/empty → none, a VIP word (贵宾) as written, anything else → VIP. */
export function vipTagOf(cell: string): string | null {
  const v = cell.trim().toLowerCase();
  if (NO.has(v)) return null;
  const level = /^(?:vip|v|lv)?\s*(\d{1,2})(?:级)?$/.exec(v);
  if (level) return `VIP${Number(level[1])}`;
  if (YES.has(v)) return 'VIP';
  return segmentOf({ tags: [cell.trim()], orderIds: [] }) === 'vip' ? cell.trim() : 'VIP';
}

const DAY = 86_400_000;

/**
 * A date as a sheet holds it: 2026-11-28, 2026/11/28, 2026.11.28, 2026年11月28日, optionally with a
 * time (14:30[:05]); or Excel's serial day number (a date cell saved unformatted). In the shop's zone.
 */
export function sheetDate(cell: string, zone: number): number | null {
  const v = cell.trim();
  if (/^\d{5}(\.\d+)?$/.test(v)) {
    const serial = Number(v);
    // Day 1 is 1900-01-01; Excel's day 0 is 1899-12-30 for dates after February 1900.
    return serial > 20000 && serial < 80000 ? Date.UTC(1899, 11, 30) + Math.round(serial * DAY) - zone * 60_000 : null;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((x) => x ?? undefined) as string[];
  const at = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
  const back = new Date(at);
  if (back.getUTCMonth() !== +mo! - 1 || back.getUTCDate() !== +d! || +h > 23 || +mi > 59 || +s > 59) return null;
  return at - zone * 60_000;
}

/**
 * `base` plus `text` (the row's note or preferences) unless it already holds it. Masking on, `base`
 * is read masked: a line kept here in clear (saved before masking) and the row's masked copy of it
 * (a sheet exported since) are one line — the buyer's text comes back masked, as it is stored now,
 * not with the masked copy added under the clear one (two lines once applyPatch masked both).
 */
function added(base: string, text: string, maskPii_: boolean): string | undefined {
  if (text === '') return undefined;
  const shown = maskPii_ ? maskPii(text) : text;
  const kept = maskPii_ ? maskPii(base) : base;
  if (kept.includes(shown) || base.includes(text)) return kept === base ? undefined : kept;
  return base ? `${base}\n${text}` : text;
}

/**
 * The CSV `text` as the buyer records its rows make (see the top of this file), with what the
 * confirmation shows; or why the file is refused (no buyer column, an unclosed quote, no rows).
 */
export function customersFromCsv(text: string, o: BuyerCsvOptions): BuyerCsvImport {
  const say = (m: Bilingual) => inLocale(m, o.locale);
  const fail = (m: Bilingual): BuyerCsvImport => ({ ok: false, errors: [say(m)] });
  // The header may sit under a title row, as in the reply library's sheets: the row naming the buyer among the first few.
  const sheet = readSheet<BuyerCsvField>(text, BUYER_COLUMNS, 'nickname');
  if (!sheet.ok) return fail(sheet.open !== null ? unclosedQuote(sheet.open) : { zh: '文件是空的，没有买家可导入', en: 'the file is empty: there are no buyers to import' });
  const { rows, columns, at, ignored, found, headerRow } = sheet;
  if (at.nickname === undefined) {
    return fail({
      zh: `找不到买家所在的列：表头（第 ${headerRow} 行）需要有“买家”“昵称”“旺旺”或“会员名”之一。文件的列是：${found.map((h) => `“${h}”`).join('、') || '（无）'}。`,
      en: `no column names the buyer: the header (row ${headerRow}) needs one of 买家, 昵称, 旺旺, 会员名 (or buyer, nickname). The file's columns are: ${found.map((h) => `"${h}"`).join(', ') || '(none)'}.`,
    });
  }

  const cell = (r: CsvRecord, f: BuyerCsvField) => (at[f] === undefined ? '' : csvUnguard((r.cells[at[f]!] ?? '').replace(/\r\n?/g, '\n').trim()));
  const byKey = new Map(o.existing.map((c) => [c.key, c]));
  /** Buyers with an id per platform and shown name (for rows without an id). */
  const withId = new Map<string, Customer[]>();
  for (const c of o.existing) {
    if (!c.buyerId) continue;
    const k = `${c.platform}:${c.nickname}`;
    withId.set(k, [...(withId.get(k) ?? []), c]);
  }
  const report: BuyerCsvReport = { columns, ignored, headerRow, above: rowsAbove(sheet.above), added: 0, updated: 0, unchanged: 0, skipped: [], formulas: [], over: [] };
  const rowOf = new Map<string, number>();
  const customers: Customer[] = [];

  for (const r of rows) {
    const skip = (m: Bilingual) => void report.skipped.push({ row: r.row, reason: say(m) });
    const nickname = normaliseNickname(cell(r, 'nickname'));
    if (nickname === '') {
      skip({ zh: `“${columns.nickname}”为空`, en: `"${columns.nickname}" is empty` });
      continue;
    }
    const platformCell = cell(r, 'platform');
    const platform = platformCell === '' ? o.platform : PLATFORM_WORDS[norm(platformCell)];
    if (!platform) {
      skip({ zh: `平台“${platformCell}”不认识（可写淘宝、天猫、京东、拼多多、抖音、快手）`, en: `platform "${platformCell}" is not known (write 淘宝, 天猫, 京东, 拼多多, 抖音, 快手 or taobao, jd, pdd, douyin, kuaishou)` });
      continue;
    }
    const idCell = cell(r, 'buyerId');
    const buyerId = idCell === '' ? null : normaliseBuyerId(idCell);
    if (idCell !== '' && !buyerId) {
      skip({ zh: `买家 ID“${idCell}”无效`, en: `buyer id "${idCell}" is not valid` });
      continue;
    }
    const seenCell = cell(r, 'lastSeen');
    const seen = seenCell === '' ? null : sheetDate(seenCell, o.zone);
    if (seenCell !== '' && seen === null) {
      skip({ zh: `“${columns.lastSeen}”的日期“${seenCell}”看不懂（请写成 2026-11-28）`, en: `"${columns.lastSeen}": the date "${seenCell}" cannot be read (write it like 2026-11-28)` });
      continue;
    }
    let key = buyerKey(platform, buyerId, nickname);
    if (!buyerId && !byKey.has(key) && !isMaskedNickname(nickname)) {
      const ids = withId.get(`${platform}:${nickname}`) ?? [];
      if (ids.length === 1) key = ids[0]!.key;
    }
    const first = rowOf.get(key);
    if (first !== undefined) {
      skip({ zh: `与第 ${first} 行是同一位买家（重复），已略过`, en: `the same buyer as row ${first} (a repeat): left out` });
      continue;
    }
    rowOf.set(key, r.row);

    // The cell as the file holds it: one our export guarded (a leading apostrophe) is not news.
    for (const f of FIELDS) {
      const raw = at[f] === undefined ? '' : (r.cells[at[f]!] ?? '').trim();
      if (!looksLikeFormula(raw)) continue;
      const shown = raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
      report.formulas.push({
        row: r.row,
        reason: say({
          zh: `“${columns[f]}”的“${shown}”像表格公式：按普通文字导入，不会计算`,
          en: `"${columns[f]}": "${shown}" looks like a spreadsheet formula; imported as plain text, never calculated`,
        }),
      });
    }

    const here = byKey.get(key);
    let base = here ?? newCustomer(platform, nickname, o.now, buyerId);
    const lastSeenAt = seen === null ? null : Math.min(seen, o.now);
    if (!here && lastSeenAt !== null) base = { ...base, createdAt: lastSeenAt, lastSeenAt };
    const vip = vipTagOf(cell(r, 'vip'));
    const tags = [...splitTags(cell(r, 'tags')), ...(vip ? [vip] : [])];
    const phone = cell(r, 'phone');
    const note = [cell(r, 'note'), phone && (o.locale === 'en' ? `Phone: ${phone}` : `电话：${phone}`)].filter(Boolean).join('；');
    const patch: CustomerPatch = {};
    const known = new Set(base.tags.map((t) => t.toLowerCase()));
    if (tags.some((t) => !known.has(t.toLowerCase()))) patch.tags = [...base.tags, ...tags];
    const n = added(base.note, note, o.maskPii);
    if (n !== undefined) patch.note = n;
    const p = added(base.preferences, cell(r, 'preferences'), o.maskPii);
    if (p !== undefined) patch.preferences = p;
    // Every import's measure (importProblems): a row past what an import keeps is left out and
    // said, one over a limit within it is taken whole and said, never cut to fit. A text is measured
    // as applyPatch would store it (the buyer's text and the row's together, masked when the shop
    // masks); a field the row leaves alone is not its problem.
    const stored = (t: string | undefined): string => (t === undefined ? '' : o.maskPii ? maskPii(t.trim()) : t.trim());
    const measured = { tags: patch.tags ?? [], history: [], note: stored(patch.note), preferences: stored(patch.preferences), addressNote: '' };
    const had = { note: patch.note === undefined ? 0 : base.note.length, preferences: patch.preferences === undefined ? 0 : base.preferences.length };
    const [zh, en] = [importProblems(measured, 'zh', had), importProblems(measured, 'en', had)];
    if (zh.refused.length) {
      skip({ zh: zh.refused.join('；'), en: en.refused.join('; ') });
      continue;
    }
    if (zh.kept.length) report.over.push({ row: r.row, reason: say({ zh: zh.kept.join('；'), en: en.kept.join('; ') }) });
    let c = applyPatch(base, patch, o.now, { maskPii: o.maskPii });
    if (here && lastSeenAt !== null && lastSeenAt > c.lastSeenAt) c = { ...c, lastSeenAt };
    if (!here) report.added++;
    else if (c === here) {
      report.unchanged++;
      continue;
    } else report.updated++;
    customers.push(c);
  }
  return { ok: true, customers, report };
}
