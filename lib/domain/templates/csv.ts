/**
 * The reply library as a spreadsheet (CSV), both ways: shops keep their quick phrases (快捷短语) in
 * Excel/WPS, and the library's own export opens there for editing and comes back.
 *
 * Reading (`libraryFromCsv`): RFC 4180 — quoted fields may hold commas, line breaks and "" — with
 * comma or tab between fields (Excel's "Unicode text" is tab-separated), blank lines skipped. The
 * header row names the columns: the one of the first few rows that names the text column (a sheet's
 * title often sits above it; the rows above are left out and named). Columns are recognised by the
 * names shops use and the rules their variants follow (COLUMN_NAMES: …分类/…分组/类别 is the group,
 * 话术名称 the title, 简码 the code; a note in brackets, as in "内容（必填）" or "ID（勿改）", is
 * ignored); the rest are ignored and listed, so the preview says which column fed what. A file
 * without a column for the reply text is refused, naming the columns it has. Each row becomes a
 * reply of a `kefu-library` file that then goes through the same check, count, confirm, backup and
 * merge as a JSON library file (import-plan.ts); a row that cannot be a reply is left out and
 * named by its row (the spreadsheet's row number: the header is row 1).
 *
 * Which reply a row is: its ID (the export's column) when it has one; else the reply here with its
 * shortcut code; else the reply here with exactly its text; else a new reply, with an id made
 * from its text (the same file gives the same ids, so importing it twice adds nothing). A row that
 * is a reply here keeps what the file does not say (its situations, order states, a title or group
 * left empty), so an export edited in Excel updates in place.
 *
 * Groups and situations: the row's 分组 is the reply's group, as the agent named it. A new reply's
 * situations (what the panel suggests it for) come from its 适用场景 cell, else from the situation
 * the agent chose for its group in the preview (「这一组都算作」, `groupScenarios`), else from the
 * group when the group names a situation (its Chinese or English name, its id, or a common alias
 * such as 催付 for payment, GROUP_ALIASES); otherwise it is filed under 其他 (`other`): found by
 * search and under its group in the library, suggested only once the agent gives it situations
 * (in the preview, for the whole group, or in the editor). The confirmation lists each group and
 * where it went.
 */
import { inLocale, type Bilingual } from '../../i18n/bilingual';
import type { Locale } from '../../i18n/lookup';
import { fnv1a } from '../hash';
import { csvCell, csvUnguard } from '../followups/csv';
import { isScenarioId, SCENARIO_IDS, SCENARIOS, type ScenarioId } from '../scenarios';
import { ORDER_STATUSES, type OrderStatus, type Template, type TemplateLibrary } from './types';
import { ID_PATTERN, LIBRARY_FORMAT, LIBRARY_VERSION, normalizeTemplate, TEMPLATE_LIMITS, tooManyReplies, type LibraryFile } from './validate';

export type CsvField = 'body' | 'title' | 'group' | 'code' | 'id' | 'scenarios' | 'orders';

/**
 * How a header names a field, compared with the header as `norm` leaves it: a name, a rule for the
 * shapes shops vary (话术分类, 短语分组, 分组名称 … all name the group), or a test that also reads the
 * column's cells. Tests come first, then names, then rules: a name always means what the list says.
 */
export type HeaderMatch = string | RegExp | ((header: string, cells: readonly string[]) => boolean);

/**
 * 快捷短语 and 短语 are the reply text in most shops' sheets, but the shortcut in some (短语 "hi" next
 * to a 内容 column). Read from the cells, and the preview says which field the column fed.
 */
const CODE_OR_TEXT = new Set(['快捷短语', '短语']);
const looksLikeCodes = (cells: readonly string[]) => {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  return filled.length > 0 && filled.every((c) => /^[/、]?[a-z0-9]{1,16}$/i.test(c));
};

/** Header names per field, compared trimmed, lowercased, without a bracketed note (`norm`). */
export const COLUMN_NAMES: Record<CsvField, readonly HeaderMatch[]> = {
  body: ['内容', '话术', '回复', '短语', '话术内容', '回复内容', '短语内容', '快捷短语', 'body', 'text', 'content', 'reply', 'phrase', /^(话术|短语|快捷短语|回复)?(内容|正文|文本)$/],
  title: ['标题', '名称', '话术标题', 'title', 'name', /^(话术|短语|快捷短语|回复)(标题|名称)$/],
  // Checked before 名称: 分组名称, 分类名称 name the group.
  group: ['分组', '场景', '分类', '分组名称', '类别', 'group', 'category', /(分组|分类|类别|类目)(名称)?$/],
  code: [
    (h, cells) => CODE_OR_TEXT.has(h) && looksLikeCodes(cells),
    '快捷编码', '快捷键', '编码', '快捷码', '快捷短语编码', '简码', 'code', 'shortcut',
    /^(快捷短语|短语|话术|快捷)?(编码|简码|快捷码|代码)$/,
  ],
  id: ['id'],
  scenarios: ['适用场景', 'scenarios'],
  orders: ['适用订单状态', 'orders'],
};

/**
 * The export's columns, in order: the header names Excel shows. The code is 简码, the name the editor
 * and the panel use (older exports said 快捷编码: COLUMN_NAMES still reads both).
 */
const EXPORT_COLUMNS: readonly [CsvField, string][] = [
  ['group', '分组'],
  ['title', '标题'],
  ['code', '简码'],
  ['body', '内容'],
  ['scenarios', '适用场景'],
  ['orders', '适用订单状态'],
  ['id', 'ID（勿改）'],
];

/** Group names shops use for a situation, besides its own names (SCENARIOS zh/en, its id). */
const GROUP_ALIASES: Record<string, ScenarioId[]> = {
  欢迎: ['greeting'], 欢迎语: ['greeting'], 问候语: ['greeting'], 打招呼: ['greeting'], 开场白: ['greeting'], 欢迎问候: ['greeting'],
  尺码推荐: ['size-fit'], 尺码咨询: ['size-fit'], 尺寸: ['size-fit'],
  商品介绍: ['product-info'], 宝贝介绍: ['product-info'], 产品介绍: ['product-info'], 产品咨询: ['product-info'],
  库存咨询: ['stock'], 补货: ['stock'],
  砍价: ['bargain'], 讲价: ['bargain'], 还价: ['bargain'],
  优惠: ['promotion'], 活动: ['promotion'], 优惠券: ['promotion'], 促销: ['promotion'], 活动告知: ['promotion'],
  开票: ['invoice'],
  发货: ['shipping-time'], 发货咨询: ['shipping-time'],
  快递选择: ['courier'],
  催付: ['payment'], 付款催付: ['payment'], 支付: ['payment'],
  修改地址: ['address-change'], 地址修改: ['address-change'],
  取消: ['cancel-order'],
  合并订单: ['merge-orders'],
  缺货: ['delay'], 延迟: ['delay'], 延期发货: ['delay'],
  物流: ['tracking'], 查物流: ['tracking'], 物流查询: ['tracking'], 快递查询: ['tracking'],
  退换货: ['return', 'exchange'], 售后退换: ['return', 'exchange'],
  退款: ['refund-status'],
  运费: ['return-shipping'], 补运费: ['return-shipping'], 退货地址: ['return-shipping'],
  错发: ['wrong-item'], 漏发: ['wrong-item'], 发错货: ['wrong-item'],
  质量: ['quality'],
  保修: ['repair'], 维修: ['repair'],
  纠纷: ['complaint'],
  好评: ['review'], 差评: ['review'], 中差评: ['review'], 投诉评价: ['complaint', 'review'],
  感谢: ['thanks'], 告别: ['thanks'], 结束: ['thanks'],
  通用: ['other'],
};

/** Order states as the export writes them (and the import reads, besides the ids): the editor's words (options.order.*). */
const ORDER_WORDS: Record<OrderStatus, string> = { unpaid: '待付款', paid: '已付款未发货', shipped: '已发货', refunding: '退款中', completed: '已完成' };

/** A new reply's group when its row names none. */
export const CSV_DEFAULT_GROUP = '导入的话术';

/** A header cell as compared with the column names: trimmed, lowercased, without a BOM or a bracketed note. */
export const norm = (s: string) => s.replace(/^\uFEFF/, '').replace(/[（(][^）)]*[）)]/g, '').trim().toLowerCase();

/** The situations a group name stands for, or null. */
export function scenariosForGroup(group: string): ScenarioId[] | null {
  const g = norm(group);
  if (g === '') return null;
  for (const id of SCENARIO_IDS) {
    const s = SCENARIOS[id];
    if (g === id || g === s.zh || g === s.en.toLowerCase()) return [id];
  }
  // Own names only: a group named "constructor" is no alias.
  return Object.hasOwn(GROUP_ALIASES, g) ? GROUP_ALIASES[g]! : null;
}

export interface CsvRecord {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  cells: string[];
}

/**
 * RFC 4180 records: fields split on `sep` outside quotes; "" inside quotes is one quote; a record
 * ends at a line break outside quotes (one inside is the cell's, and the record stays one
 * spreadsheet row, as Excel shows it). `open`: the row whose quote is never closed, if any.
 */
export function parseCsv(text: string, sep = ','): { records: CsvRecord[]; open: number | null } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  let startRow = 1;
  let openRow = 1;
  const end = () => {
    cells.push(cell);
    records.push({ row: startRow, cells });
    cells = [];
    cell = '';
    startRow = ++row;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
      openRow = row;
    } else if (c === sep) {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      end();
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) end();
  return { records, open: quoted ? openRow : null };
}

/**
 * The field separator: a tab when the first line with a tab or a comma has tabs and no commas, else a
 * comma (a title row above the header may have neither).
 */
function separatorOf(text: string): string {
  const first = text.split(/\r\n?|\n/, 10).find((l) => /[\t,]/.test(l)) ?? '';
  return first.includes('\t') && !first.includes(',') ? '\t' : ',';
}

/** How many rows from the top may hold the header: a sheet's title (「XX家快捷短语（2025版）」) or a note often sits above it. */
export const HEADER_SCAN = 5;

export type Sheet<F extends string> =
  | {
      ok: true;
      /** The data rows, blank ones left out. */
      rows: CsvRecord[];
      /** The recognised columns: field → the header as written, and its index. */
      columns: Partial<Record<F, string>>;
      at: Partial<Record<F, number>>;
      /** Headers not used (unknown, or a second column for a field). */
      ignored: string[];
      /** Every header the file has, trimmed (for "the file's columns are …"). */
      found: string[];
      /** The header's row (the spreadsheet's number), and the non-blank rows above it, left out (a title…). */
      headerRow: number;
      above: CsvRecord[];
    }
  /** `open`: the row whose quote never closes; null: the file holds nothing. */
  | { ok: false; open: number | null };

/** The field a header names by a name or, failing that, a rule (tests on the cells aside). */
function fieldByName<F extends string>(name: string, names: Record<F, readonly HeaderMatch[]>): F | undefined {
  const fields = Object.keys(names) as F[];
  return fields.find((f) => names[f].some((m) => typeof m === 'string' && m === name)) ?? fields.find((f) => names[f].some((m) => m instanceof RegExp && m.test(name)));
}

/**
 * A sheet read: separator detected, records parsed, the header found and matched against `names`
 * (per field, compared by `norm`; the first column of a field wins). The header is the first
 * non-blank row, or — when `required` is given — the one among the first HEADER_SCAN non-blank rows
 * that names `required` and the most fields (the rows above it are returned, for the preview to
 * name). Shared by the reply library's import and the buyers' (lib/domain/customers/csv.ts).
 */
export function readSheet<F extends string>(text: string, names: Record<F, readonly HeaderMatch[]>, required?: F): Sheet<F> {
  const { records, open } = parseCsv(text, separatorOf(text));
  if (open !== null) return { ok: false, open };
  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  let pick = 0;
  if (required !== undefined) {
    let best = 0;
    rows.slice(0, HEADER_SCAN).forEach((r, i) => {
      const fields = new Set(r.cells.map((h) => fieldByName(norm(h), names)).filter((f) => f !== undefined));
      if (fields.has(required) && fields.size > best) [best, pick] = [fields.size, i];
    });
  }
  const above = rows.splice(0, pick);
  const header = rows.shift();
  if (!header) return { ok: false, open: null };
  const columns: Partial<Record<F, string>> = {};
  const at: Partial<Record<F, number>> = {};
  const ignored: string[] = [];
  const fields = Object.keys(names) as F[];
  header.cells.forEach((h, i) => {
    const name = norm(h);
    const tested = fields.find((f) => names[f].some((m) => typeof m === 'function' && at[f] === undefined && m(name, rows.map((r) => r.cells[i] ?? ''))));
    const field = tested ?? fieldByName(name, names);
    if (field && at[field] === undefined) {
      at[field] = i;
      columns[field] = h.trim();
    } else if (h.trim() !== '') ignored.push(h.trim());
  });
  return { ok: true, rows, columns, at, ignored, found: header.cells.map((h) => h.trim()).filter((h) => h !== ''), headerRow: header.row, above };
}

/** The rows left out above a sheet's header (readSheet `above`), each as its row and first filled cell, for the preview to name. */
export function rowsAbove(above: readonly CsvRecord[]): { row: number; text: string }[] {
  return above.map((r) => ({ row: r.row, text: r.cells.map((c) => c.trim()).find((c) => c !== '') ?? '' }));
}

/** Why a sheet whose quote at `row` never closes is refused. */
export function unclosedQuote(row: number): Bilingual {
  return { zh: `第 ${row} 行的引号没有闭合：文件可能被截断或引号不成对`, en: `row ${row}: a quote is never closed (the file may be cut off, or its quotes do not pair)` };
}

/** What the confirmation shows about a CSV file besides the counts. */
export interface CsvReport {
  /** The recognised columns: field → the header as written. */
  columns: Partial<Record<CsvField, string>>;
  /** Headers not used (unknown, or a second column for a field). */
  ignored: string[];
  /** The header's row, and the rows above it left out (a sheet's title), each with its first filled cell. */
  headerRow: number;
  above: { row: number; text: string }[];
  /** Rows that became replies. */
  rows: number;
  /** Rows left out, each with why. */
  skipped: { row: number; reason: string }[];
  /** Rows taken with a change, each with what changed (a code that cannot be typed dropped, …). */
  notes: { row: number; reason: string }[];
  /**
   * New replies per group, and the situations the group gave them (null: none matched, filed under
   * 其他). `picked`: the agent chose the situation for a group the import did not know (GroupScenarios).
   */
  groups: { group: string; scenarios: ScenarioId[] | null; count: number; picked?: true }[];
}

/**
 * The situation the agent chose in the preview for a group the import does not know (「这一组都算作」):
 * group name → situation, for the group's new replies whose row names no situation of its own.
 */
export type GroupScenarios = Readonly<Record<string, ScenarioId>>;

/**
 * The import's group → situation choice as sent to the worker (`raw`), checked: absent, none; a
 * situation that is not in the catalogue, or anything but group names → situation ids, refused with
 * why (and the import with it: nothing is written).
 */
export function readGroupScenarios(raw: unknown, locale?: Locale): { ok: true; picks: GroupScenarios } | { ok: false; errors: string[] } {
  if (raw === undefined || raw === null) return { ok: true, picks: {} };
  const bad = (m: Bilingual) => ({ ok: false as const, errors: [say(m, locale)] });
  if (typeof raw !== 'object' || Array.isArray(raw)) return bad({ zh: '分组的场景设置无效（应是“分组 → 场景”的对照），没有导入任何内容', en: 'the groups’ situations are not valid (they should map group names to situations): nothing was imported' });
  const entries = Object.entries(raw);
  if (entries.length > TEMPLATE_LIMITS.templates) return bad({ zh: `分组的场景设置过多（${entries.length} 个分组），没有导入任何内容`, en: `situations were set for too many groups (${entries.length}): nothing was imported` });
  const errors = entries.flatMap(([group, id]) => {
    if (group.length > TEMPLATE_LIMITS.group) return [say({ zh: `分组名称过长（${group.length} 字，上限 ${TEMPLATE_LIMITS.group}），不能设置场景`, en: `a group name is too long to set its situation (${group.length} characters, at most ${TEMPLATE_LIMITS.group})` }, locale)];
    if (isScenarioId(id)) return [];
    const shown = String(id).slice(0, 40);
    return [say({ zh: `分组“${group}”要归入的场景“${shown}”不是已知的场景，没有导入任何内容；请重新选择场景`, en: `group “${group}”: “${shown}” is not a known situation, so nothing was imported; choose its situation again` }, locale)];
  });
  return errors.length ? { ok: false, errors } : { ok: true, picks: Object.fromEntries(entries) as GroupScenarios };
}

export type CsvImport = { ok: true; file: LibraryFile; report: CsvReport } | { ok: false; errors: string[] };

const say = (m: Bilingual, locale: Locale | undefined) => inLocale(m, locale);

function listOf(v: string): string[] {
  return v.split(/[、,，;；\s]+/).map((x) => x.trim()).filter((x) => x !== '');
}

function scenarioOf(word: string): ScenarioId | null {
  if (isScenarioId(word)) return word;
  const hit = SCENARIO_IDS.find((id) => SCENARIOS[id].zh === word || SCENARIOS[id].en.toLowerCase() === word.toLowerCase());
  return hit ?? null;
}

function orderOf(word: string): OrderStatus | null {
  return ORDER_STATUSES.find((s) => s === word || ORDER_WORDS[s] === word) ?? null;
}

/** How long a title made from a reply's text runs (characters, not counting the … of a cut). */
const TITLE_FROM_BODY = 20;
/** Where a reader pauses: Chinese or ASCII punctuation, or a space. */
const PAUSE = /[\s，。！？；：、～…,.!?;:~（）()【】\[\]“”"‘’]/u;

/**
 * A title for a reply whose sheet has no 标题 column: its first line when it fits, else cut at the last
 * pause within the first 20 characters (not so early it leaves a stub), else at 20; a cut is marked ….
 * Counted in characters, so an emoji is never split.
 */
export function titleFromBody(body: string): string {
  const chars = [...body.split('\n')[0]!.trim()];
  if (chars.length <= TITLE_FROM_BODY) return chars.join('');
  let end = TITLE_FROM_BODY;
  for (let i = TITLE_FROM_BODY; i >= TITLE_FROM_BODY / 2; i--) {
    if (PAUSE.test(chars[i]!)) {
      end = i;
      break;
    }
  }
  // What the cut leaves at its end: no pause before the … (亲，不议价的呢，→ 亲，不议价的呢…).
  while (end > 0 && PAUSE.test(chars[end - 1]!)) end--;
  if (end === 0) end = TITLE_FROM_BODY;
  return `${chars.slice(0, end).join('')}…`;
}

/**
 * The CSV `text` as a `kefu-library` file of the replies its rows make, matched against `current`
 * (see the top of this file), with what the confirmation shows; or why the file is refused.
 */
export function libraryFromCsv(text: string, current: TemplateLibrary, locale?: Locale, groupScenarios: GroupScenarios = {}): CsvImport {
  const fail = (m: Bilingual): CsvImport => ({ ok: false, errors: [say(m, locale)] });
  const sheet = readSheet<CsvField>(text, COLUMN_NAMES, 'body');
  if (!sheet.ok) return fail(sheet.open !== null ? unclosedQuote(sheet.open) : { zh: '文件是空的，没有话术可导入', en: 'the file is empty: there are no replies to import' });
  const { rows, columns, at, ignored, found, headerRow } = sheet;
  const above = rowsAbove(sheet.above);
  if (at.body === undefined) {
    return fail({
      zh: `找不到话术内容所在的列：表头（第 ${headerRow} 行）需要有“内容”“话术”“回复”或“短语”之一。文件的列是：${found.map((h) => `“${h}”`).join('、') || '（无）'}。`,
      en: `no column holds the reply text: the header (row ${headerRow}) needs one of 内容, 话术, 回复, 短语 (or content, reply, text). The file's columns are: ${found.map((h) => `"${h}"`).join(', ') || '(none)'}.`,
    });
  }

  // More rows than the library may hold replies: refused before any row is read (a repeated row
  // would be one reply, but a sheet that long is not a library to import).
  if (rows.length > TEMPLATE_LIMITS.templates) return fail(tooManyReplies(rows.length));

  const cell = (r: CsvRecord, f: CsvField) => (at[f] === undefined ? undefined : csvUnguard((r.cells[at[f]!] ?? '').replace(/\r\n?/g, '\n').trim()));
  const byId = new Map(current.templates.map((x) => [x.id, x]));
  const byCode = new Map(current.templates.filter((x) => x.code).map((x) => [x.code!, x]));
  const byBody = new Map<string, Template>();
  for (const x of current.templates) {
    const key = normalizeTemplate(x).body;
    if (!byBody.has(key)) byBody.set(key, x);
  }
  const taken = new Set(current.templates.map((x) => x.id));
  const rowOf = new Map<string, number>();
  /** New replies' ids by their text, so a repeated row is one reply. */
  const newIds = new Map<string, string>();
  const codeRow = new Map<string, number>();
  const skipped: CsvReport['skipped'] = [];
  const notes: CsvReport['notes'] = [];
  const groups = new Map<string, CsvReport['groups'][number]>();
  const templates: Template[] = [];
  // A Map: a group may be named 'constructor' or '__proto__'.
  const picks = new Map(Object.entries(groupScenarios));

  for (const r of rows) {
    const skip = (m: Bilingual) => void skipped.push({ row: r.row, reason: say(m, locale) });
    const note = (m: Bilingual) => void notes.push({ row: r.row, reason: say(m, locale) });
    const body = cell(r, 'body')!;
    if (body === '') {
      skip({ zh: `“${columns.body}”为空`, en: `"${columns.body}" is empty` });
      continue;
    }
    if (body.length > TEMPLATE_LIMITS.body) {
      skip({ zh: `内容过长（${body.length} 字，上限 ${TEMPLATE_LIMITS.body}）`, en: `the text is too long (${body.length} characters, at most ${TEMPLATE_LIMITS.body})` });
      continue;
    }
    const idCell = cell(r, 'id') ?? '';
    if (idCell !== '' && (idCell.length > TEMPLATE_LIMITS.id || !ID_PATTERN.test(idCell))) {
      skip({ zh: `ID “${idCell}”无效（只能用英文字母、数字和 - _ . :），请保留导出时的 ID 或清空该格`, en: `ID "${idCell}" is not valid (English letters, digits and - _ . : only): keep the exported ID or empty the cell` });
      continue;
    }
    // A row with its ID is the export coming back: an empty cell there was emptied on purpose. In
    // any other file an empty cell says nothing, and a reply here keeps its own.
    const exact = idCell !== '';
    const said = (v: string | undefined) => (v === '' && !exact ? undefined : v);
    let code = said(cell(r, 'code')?.replace(/^[/、]/, '').toLowerCase());
    if (code && (code.length > TEMPLATE_LIMITS.code || !/^[a-z0-9]+$/.test(code))) {
      note({ zh: `简码“${code}”只能用英文字母和数字（最多 ${TEMPLATE_LIMITS.code} 个），已导入但不设编码`, en: `shortcut code "${code}" may only use letters and digits (at most ${TEMPLATE_LIMITS.code}): imported without a code` });
      code = '';
    }
    const base = idCell !== '' ? byId.get(idCell) : (code && byCode.get(code)) || byBody.get(body);
    let id = idCell || base?.id || newIds.get(body);
    if (!id) {
      const stem = `csv-${fnv1a(body)}`;
      id = stem;
      for (let n = 2; taken.has(id) || rowOf.has(id); n++) id = `${stem}-${n}`;
      newIds.set(body, id);
    }
    const same = rowOf.get(id);
    if (same !== undefined) {
      skip({ zh: `与第 ${same} 行是同一条话术（重复），已略过`, en: `the same reply as row ${same} (a repeat): left out` });
      continue;
    }
    const title = cell(r, 'title') || base?.title || titleFromBody(body);
    const group = cell(r, 'group') || base?.group || CSV_DEFAULT_GROUP;
    if (title.length > TEMPLATE_LIMITS.title) {
      skip({ zh: `标题过长（${title.length} 字，上限 ${TEMPLATE_LIMITS.title}）`, en: `the title is too long (${title.length} characters, at most ${TEMPLATE_LIMITS.title})` });
      continue;
    }
    if (group.length > TEMPLATE_LIMITS.group) {
      skip({ zh: `分组名称过长（${group.length} 字，上限 ${TEMPLATE_LIMITS.group}）`, en: `the group name is too long (${group.length} characters, at most ${TEMPLATE_LIMITS.group})` });
      continue;
    }
    let scenarios: ScenarioId[] | undefined;
    const sc = cell(r, 'scenarios');
    if (sc) {
      const words = listOf(sc);
      const bad = words.filter((w) => !scenarioOf(w));
      if (bad.length) note({ zh: `适用场景中的“${bad.join('、')}”不是已知场景，已略去`, en: `"${bad.join(', ')}" in the situations is not a known situation: left out` });
      scenarios = words.map(scenarioOf).filter((s): s is ScenarioId => !!s);
      if (!scenarios.length) scenarios = undefined;
    }
    if (!scenarios && base) scenarios = base.scenarios;
    if (!scenarios) {
      // The agent's choice for the group, else what its name says.
      const picked = picks.get(group);
      const mapped = picked ? [picked] : scenariosForGroup(group);
      const g = groups.get(group) ?? { group, scenarios: mapped, count: 0, ...(picked && { picked: true as const }) };
      g.count++;
      groups.set(group, g);
      scenarios = mapped ?? ['other'];
    }
    let orders = base?.orders;
    const oc = said(cell(r, 'orders'));
    if (oc !== undefined) {
      const words = listOf(oc);
      const bad = words.filter((w) => !orderOf(w));
      if (bad.length) note({ zh: `适用订单状态中的“${bad.join('、')}”不是已知状态，已略去`, en: `"${bad.join(', ')}" in the order states is not a known state: left out` });
      const list = words.map(orderOf).filter((s): s is OrderStatus => !!s);
      orders = list.length ? list : undefined;
    }
    if (code === undefined) code = base?.code;
    if (code) {
      const first = codeRow.get(code);
      if (first !== undefined) {
        note({ zh: `简码“${code}”与第 ${first} 行重复，已导入但不设编码`, en: `shortcut code "${code}" is already used by row ${first}: imported without a code` });
        code = '';
      } else codeRow.set(code, r.row);
    }
    rowOf.set(id, r.row);
    const t: Template = { id, title, body, group, scenarios };
    if (code) t.code = code;
    if (orders) t.orders = orders;
    templates.push(t);
  }
  if (!templates.length) {
    return {
      ok: false,
      errors: [
        say({ zh: '文件里没有可导入的话术', en: 'the file has no reply that can be imported' }, locale),
        ...skipped.map((s) => say({ zh: `第 ${s.row} 行：${s.reason}`, en: `row ${s.row}: ${s.reason}` }, locale)),
      ],
    };
  }
  const file: LibraryFile = { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, groups: [...new Set(templates.map((x) => x.group))], templates };
  return { ok: true, file, report: { columns, ignored, headerRow, above, rows: templates.length, skipped, notes, groups: [...groups.values()] } };
}

/**
 * The library as a CSV file for Excel/WPS: UTF-8 with a byte-order mark (without it Excel on
 * Chinese Windows reads GBK and shows mojibake), CRLF, one reply a row in EXPORT_COLUMNS, cells
 * starting a formula guarded with an apostrophe (which the import removes again).
 */
export function libraryToCsv(lib: TemplateLibrary): string {
  const value = (t: Template, f: CsvField): string => {
    if (f === 'scenarios') return t.scenarios.map((s) => SCENARIOS[s].zh).join('、');
    if (f === 'orders') return (t.orders ?? []).map((s) => ORDER_WORDS[s]).join('、');
    return t[f] ?? '';
  };
  const lines = [EXPORT_COLUMNS.map(([, h]) => csvCell(h)).join(',')];
  for (const t of lib.templates.map(normalizeTemplate)) lines.push(EXPORT_COLUMNS.map(([f]) => csvCell(value(t, f))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
