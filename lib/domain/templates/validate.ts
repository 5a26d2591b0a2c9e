/**
 * Import/export of a template library as one JSON file:
 *
 *   { "format": "kefu-library", "version": 2, "groups": [...], "templates": [...],
 *     ...other sections such as "remarkRules" or "settings" }
 *
 * An import is validated as a whole before anything is written: either every entry is usable or
 * the agent gets the full list of problems, each naming the entry (1-based index plus id or title),
 * in the interface's language (Chinese alone, or English alone; both when the caller does not say).
 * Sections other than groups/templates belong to other features; they are handed back untouched in
 * `extra` for their owners to validate.
 */
import { at, inLocale, versionProblem, type Bilingual } from '../../i18n/bilingual';
import type { Locale } from '../../i18n/lookup';
import { isScenarioId, type ScenarioId } from '../scenarios';
import { ORDER_STATUSES, TEMPLATE_SHIFTS, type OrderStatus, type Template, type TemplateLibrary, type TemplateShift } from './types';

export const LIBRARY_FORMAT = 'kefu-library';
/**
 * 2 since replies carry `orders` (the order stages a reply fits, f5cc83f): a version-1 reader drops
 * the field without a word and then offers those replies at every stage, while every earlier version
 * refuses a higher version with 请先升级插件. Version-1 files (with or without `orders`) are read as before.
 */
export const LIBRARY_VERSION = 2;
const READS = [1, LIBRARY_VERSION];

export const TEMPLATE_LIMITS = {
  id: 64,
  title: 60,
  body: 2000,
  group: 30,
  code: 16,
  templates: 5000,
  groups: 200,
} as const;

/** Template ids: ascii letters, digits and - _ . : (kebab-case in the starter library). */
/** Template ids: ASCII, starting with a letter or digit (so never `__proto__`); `constructor` is an ordinary id. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
/** Shortcut codes are typed after `/` in the chat box: lowercase ascii letters and digits. */
const CODE_PATTERN = /^[a-z0-9]+$/;
const RESERVED_KEYS = new Set(['format', 'version', 'groups', 'templates']);
/** Never copied into `extra`: JSON.parse keeps it as a plain key, but assigning it would swap a prototype. */
const UNSAFE_KEYS = new Set(['__proto__']);
/** Past this many problems the list stops being useful; the rest are summarised. */
const MAX_ERRORS = 50;

export interface LibraryFile {
  format: typeof LIBRARY_FORMAT;
  version: typeof LIBRARY_VERSION;
  groups: string[];
  templates: Template[];
  [section: string]: unknown;
}

export type ParseLibraryResult =
  | {
      ok: true;
      library: TemplateLibrary;
      /** The file's other top-level sections (e.g. remarkRules, settings), untouched. */
      extra: Record<string, unknown>;
      /** Harmless fixes made on the way in (e.g. a group added), worth showing once. */
      warnings: string[];
    }
  | { ok: false; errors: string[] };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A value quoted for a message, cut short so one bad entry cannot flood the list. */
function q(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (v === undefined) s = 'undefined';
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = String(v);
    }
  }
  if (s.length > 30) s = `${s.slice(0, 30)}…`;
  return `"${s}"`;
}

/** Normalises line breaks and trims, so a stored template compares equal after a round trip. */
function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').trim();
}

/** Order states in their fixed order, each once; an empty list is no condition (any state). */
function canonicalOrders(orders: readonly string[] | undefined): OrderStatus[] | undefined {
  const list = ORDER_STATUSES.filter((s) => orders?.includes(s));
  return list.length > 0 ? list : undefined;
}

/**
 * Brings a template into canonical shape: trimmed text, \n line breaks, scenarios de-duplicated
 * (empty → ['other']), code trimmed and lowercased (blank → none), order states in their fixed
 * order (empty → none), unknown fields dropped.
 * Idempotent. It does not judge validity; `parseLibraryImport` does.
 */
export function normalizeTemplate(t: Template): Template {
  const scenarios = [...new Set(t.scenarios)];
  const out: Template = {
    id: t.id.trim(),
    title: cleanText(t.title),
    body: cleanText(t.body),
    group: cleanText(t.group),
    scenarios: scenarios.length > 0 ? scenarios : ['other'],
  };
  const code = t.code?.trim().toLowerCase();
  if (code) out.code = code;
  const orders = canonicalOrders(t.orders);
  if (orders) out.orders = orders;
  if (t.shift && TEMPLATE_SHIFTS.includes(t.shift)) out.shift = t.shift;
  return out;
}

/** A fresh id for a template the agent creates, e.g. 't-m3x9k2-4fq7za'. */
export function newTemplateId(existing?: Iterable<string>): string {
  const taken = new Set(existing ?? []);
  for (;;) {
    const rand = Math.random().toString(36).slice(2, 8).padEnd(6, '0');
    const id = `t-${Date.now().toString(36)}-${rand}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * The label naming an entry in messages: 第 3 条话术（id "x"） / reply 3 (id "x") or, lacking an
 * id, by title.
 */
function entryLabel(index: number, raw: unknown): Bilingual {
  const zh = `第 ${index + 1} 条话术`;
  const en = `reply ${index + 1}`;
  if (isRecord(raw)) {
    const id = typeof raw.id === 'string' ? raw.id.trim() : '';
    if (id !== '') return { zh: `${zh}（id ${q(id)}）`, en: `${en} (id ${q(id)})` };
    const title = typeof raw.title === 'string' ? raw.title.trim() : '';
    if (title !== '') return { zh: `${zh}（标题 ${q(title)}）`, en: `${en} (title ${q(title)})` };
  }
  return { zh, en };
}

/** The problems found so far, each already worded in the interface's language. */
interface Collector {
  errors: string[];
  add(message: Bilingual): void;
}

function collector(locale: Locale | undefined): Collector {
  const errors: string[] = [];
  return { errors, add: (m) => void errors.push(inLocale(m, locale)) };
}

/**
 * A reply's fields as the editor names them (标题, 内容, 分组), not as the file spells them: whoever
 * reads the refusal knows the editor; the file's key follows in brackets where the file's shape is wrong.
 */
const FIELD_NAMES = {
  title: { zh: '标题', en: 'the title' },
  body: { zh: '内容', en: 'the text' },
  group: { zh: '分组', en: 'the group' },
} as const;

function checkText(
  raw: Record<string, unknown>,
  field: keyof typeof FIELD_NAMES,
  max: number,
  where: Bilingual,
  c: Collector,
): string | undefined {
  const v = raw[field];
  const name = FIELD_NAMES[field];
  if (typeof v !== 'string') {
    c.add(
      at(
        where,
        v === undefined
          ? { zh: `缺少${name.zh}（${field}）`, en: `${name.en} (${field}) is missing` }
          : { zh: `${name.zh}（${field}）应为文字`, en: `${name.en} (${field}) must be text` },
      ),
    );
    return undefined;
  }
  const s = cleanText(v);
  if (s === '') {
    c.add(at(where, { zh: `${name.zh}为空`, en: `${name.en} is empty` }));
    return undefined;
  }
  if (s.length > max) {
    c.add(at(where, { zh: `${name.zh}过长（${s.length} 字，上限 ${max}）`, en: `${name.en} is too long (${s.length} characters, at most ${max})` }));
    return undefined;
  }
  return s;
}

function checkTemplate(raw: unknown, index: number, c: Collector): Template | undefined {
  const where = entryLabel(index, raw);
  if (!isRecord(raw)) {
    c.add(at(where, { zh: '不是一条完整的话术（文件可能被改动过）', en: 'is not a complete reply (the file may have been edited)' }));
    return undefined;
  }
  const before = c.errors.length;

  let id: string | undefined;
  if (typeof raw.id !== 'string' || raw.id.trim() === '') {
    c.add(at(where, { zh: '缺少编号（id）', en: 'the id is missing' }));
  } else if (raw.id.trim().length > TEMPLATE_LIMITS.id) {
    c.add(at(where, { zh: `编号（id）过长（上限 ${TEMPLATE_LIMITS.id} 个字符）`, en: `the id is too long (at most ${TEMPLATE_LIMITS.id} characters)` }));
  } else if (!ID_PATTERN.test(raw.id.trim())) {
    c.add(at(where, { zh: '编号（id）只能用英文字母、数字和 - _ . :', en: 'the id may only use English letters, digits and - _ . :' }));
  } else {
    id = raw.id.trim();
  }

  const title = checkText(raw, 'title', TEMPLATE_LIMITS.title, where, c);
  const body = checkText(raw, 'body', TEMPLATE_LIMITS.body, where, c);
  const group = checkText(raw, 'group', TEMPLATE_LIMITS.group, where, c);

  let scenarios: ScenarioId[] = [];
  if (raw.scenarios === undefined) {
    scenarios = ['other'];
  } else if (!Array.isArray(raw.scenarios)) {
    c.add(at(where, { zh: '适用场景（scenarios）应为列表', en: 'the situations (scenarios) must be a list' }));
  } else {
    for (const s of raw.scenarios as unknown[]) {
      if (isScenarioId(s)) {
        if (!scenarios.includes(s)) scenarios.push(s);
      } else {
        c.add(at(where, { zh: `适用场景里有未知的场景 ${q(s)}`, en: `the situations include an unknown one, ${q(s)}` }));
      }
    }
    if (scenarios.length === 0 && raw.scenarios.length === 0) scenarios = ['other'];
  }

  let code: string | undefined;
  if (raw.code !== undefined && raw.code !== null) {
    if (typeof raw.code !== 'string') {
      c.add(at(where, { zh: '简码（code）应为文字', en: 'the shortcut code (code) must be text' }));
    } else {
      const k = raw.code.trim().toLowerCase();
      if (k.length > TEMPLATE_LIMITS.code) {
        c.add(at(where, { zh: `简码 ${q(k)} 过长（上限 ${TEMPLATE_LIMITS.code} 个字符）`, en: `shortcut code ${q(k)} is too long (at most ${TEMPLATE_LIMITS.code} characters)` }));
      } else if (k !== '' && !CODE_PATTERN.test(k)) {
        c.add(at(where, { zh: `简码 ${q(raw.code)} 只能用英文小写字母和数字`, en: `shortcut code ${q(raw.code)} may only use lowercase letters a-z and digits 0-9` }));
      } else if (k !== '') {
        code = k;
      }
    }
  }

  // The order states the reply fits (Template.orders); absent, null or [] = any state.
  let orders: OrderStatus[] | undefined;
  if (raw.orders !== undefined && raw.orders !== null) {
    if (!Array.isArray(raw.orders)) {
      c.add(at(where, { zh: '适用订单状态（orders）应为列表', en: 'the order states it fits (orders) must be a list' }));
    } else {
      const bad = (raw.orders as unknown[]).filter((s) => !(ORDER_STATUSES as readonly unknown[]).includes(s));
      for (const s of bad) {
        c.add(at(where, { zh: `适用订单状态里有未知的状态 ${q(s)}，可用 ${ORDER_STATUSES.join('、')}`, en: `the order states include an unknown one, ${q(s)}; use ${ORDER_STATUSES.join(', ')}` }));
      }
      if (bad.length === 0) orders = canonicalOrders(raw.orders as string[]);
    }
  }

  // The shift the reply is written for (Template.shift); absent or null = the starter's mark, else any hour.
  let shift: TemplateShift | undefined;
  if (raw.shift !== undefined && raw.shift !== null) {
    if ((TEMPLATE_SHIFTS as readonly unknown[]).includes(raw.shift)) shift = raw.shift as TemplateShift;
    else c.add(at(where, { zh: `适用班次（shift）${q(raw.shift)} 不认识，可用 ${TEMPLATE_SHIFTS.join('、')}`, en: `the shift it is for (shift) ${q(raw.shift)} is unknown; use ${TEMPLATE_SHIFTS.join(', ')}` }));
  }

  if (c.errors.length > before || id === undefined || title === undefined || body === undefined || group === undefined) {
    return undefined;
  }
  const t: Template = { id, title, body, group, scenarios };
  if (code) t.code = code;
  if (orders) t.orders = orders;
  if (shift) t.shift = shift;
  return t;
}

/**
 * Why a file of `count` replies is refused. Said on the count alone, before any reply is looked at
 * (here, in a spreadsheet's rows, and in the options page before the file is sent): a file of
 * 60,000 was checked reply by reply first and held the worker for seconds.
 */
export const tooManyReplies = (count: number): Bilingual => ({
  zh: `话术过多（${count} 条，上限 ${TEMPLATE_LIMITS.templates}）`,
  en: `too many replies (${count}, at most ${TEMPLATE_LIMITS.templates})`,
});

/**
 * One reply as the library editor would accept it (a proposal, a conflict's pick), or the reasons it
 * would not, in the interface's language. In worker-extras: the worker's team handlers ask for it.
 */
export function checkOneTemplate(t: unknown, locale?: Locale): { ok: true; template: Template } | { ok: false; message: string } {
  const tpl = t as Template | null;
  const parsed = parseLibraryImport({ format: 'kefu-library', version: 1, groups: [typeof tpl?.group === 'string' ? tpl.group : ''], templates: [tpl] }, locale);
  return parsed.ok ? { ok: true, template: parsed.library.templates[0]! } : { ok: false, message: parsed.errors.join('\n') };
}

/**
 * Validates a whole import file (already-parsed JSON, or the raw file text). Returns the library
 * only when every entry is valid; otherwise every problem found, each naming its entry. `locale`:
 * the interface's language, where known ('zh-CN': Chinese alone; 'en': English alone; not said:
 * "中文（English）").
 */
export function parseLibraryImport(json: unknown, locale?: Locale): ParseLibraryResult {
  const fail = (m: Bilingual): ParseLibraryResult => ({ ok: false, errors: [inLocale(m, locale)] });
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json) as unknown;
    } catch {
      return fail({
        zh: '文件不是有效的 JSON：可能下载或复制时被截断，或者不是本插件导出的文件。',
        en: 'The file is not valid JSON: it may have been cut off while downloading or copying, or it is not a file exported by this extension.',
      });
    }
  }
  // Which file is wanted and how to get one, as the other imports say it (the options page names
  // the other tabs' exports itself, before sending: ImportExport.tsx otherExportKind).
  if (!isRecord(data) || data.format !== LIBRARY_FORMAT) {
    return fail({
      zh: '这不是话术库的导出文件：请选择在「导入 / 导出」页用「导出话术库」保存的文件（文件名类似 kefu-library-20261203.json）；Excel/WPS 表格请用「导入 CSV 表格」。',
      en: 'This is not a reply-library export: choose a file saved with “Export library” on the Import / export tab (named like kefu-library-20261203.json); for an Excel/WPS sheet use “Import CSV sheet”.',
    });
  }
  if (!READS.includes(data.version as number)) return fail(versionProblem(data.version, LIBRARY_VERSION));

  const c = collector(locale);
  const warnings: string[] = [];

  // Groups: optional; blank or repeated names are dropped, others must be short text.
  const groups: string[] = [];
  if (data.groups !== undefined) {
    if (!Array.isArray(data.groups)) {
      c.add({ zh: '分组（groups）应为列表', en: 'the group list (groups) must be a list' });
    } else if (data.groups.length > TEMPLATE_LIMITS.groups) {
      c.add({ zh: `分组过多（${data.groups.length} 个，上限 ${TEMPLATE_LIMITS.groups}）`, en: `too many groups (${data.groups.length}, at most ${TEMPLATE_LIMITS.groups})` });
    } else {
      (data.groups as unknown[]).forEach((g, i) => {
        if (typeof g !== 'string') {
          c.add({ zh: `第 ${i + 1} 个分组应为文字`, en: `group ${i + 1} must be text` });
          return;
        }
        const name = cleanText(g);
        if (name === '') return;
        if (name.length > TEMPLATE_LIMITS.group) {
          c.add({
            zh: `第 ${i + 1} 个分组 ${q(name)} 名称过长（上限 ${TEMPLATE_LIMITS.group} 字）`,
            en: `group ${i + 1} ${q(name)}: the name is too long (at most ${TEMPLATE_LIMITS.group} characters)`,
          });
          return;
        }
        if (!groups.includes(name)) groups.push(name);
      });
    }
  }

  const templates: Template[] = [];
  if (!Array.isArray(data.templates)) {
    c.add(
      data.templates === undefined
        ? { zh: '缺少话术列表（templates）', en: 'the list of replies (templates) is missing' }
        : { zh: '话术列表（templates）应为列表', en: 'the list of replies (templates) must be a list' },
    );
  } else if (data.templates.length > TEMPLATE_LIMITS.templates) {
    c.add(tooManyReplies(data.templates.length));
  } else {
    const idAt = new Map<string, number>();
    const codeAt = new Map<string, number>();
    (data.templates as unknown[]).forEach((raw, i) => {
      const t = checkTemplate(raw, i, c);
      if (!t) return;
      const where = entryLabel(i, raw);
      const sameId = idAt.get(t.id);
      if (sameId !== undefined) {
        c.add(at(where, { zh: `编号（id）与第 ${sameId + 1} 条重复`, en: `same id as reply ${sameId + 1}` }));
        return;
      }
      idAt.set(t.id, i);
      if (t.code) {
        const sameCode = codeAt.get(t.code);
        if (sameCode !== undefined) {
          c.add(at(where, { zh: `简码 ${q(t.code)} 与第 ${sameCode + 1} 条重复`, en: `shortcut code ${q(t.code)} is already used by reply ${sameCode + 1}` }));
          return;
        }
        codeAt.set(t.code, i);
      }
      if (!groups.includes(t.group)) {
        groups.push(t.group);
        warnings.push(inLocale({ zh: `已自动添加分组 ${q(t.group)}`, en: `group ${q(t.group)} added` }, locale));
      }
      templates.push(t);
    });
  }

  if (c.errors.length > 0) {
    const errors = c.errors.slice(0, MAX_ERRORS);
    const more = c.errors.length - MAX_ERRORS;
    if (more > 0) errors.push(inLocale({ zh: `还有 ${more} 处问题未列出`, en: `${more} more problems not listed` }, locale));
    return { ok: false, errors };
  }

  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (RESERVED_KEYS.has(key) || UNSAFE_KEYS.has(key)) continue;
    extra[key] = value;
  }
  return { ok: true, library: { groups, templates }, extra, warnings };
}

/**
 * The file an export writes. `extra` carries other features' sections (remarkRules, settings, …);
 * it cannot override the library's own keys. Templates are written in canonical shape, so
 * `parseLibraryImport(exportLibrary(lib))` gives back an equal library.
 */
export function exportLibrary(lib: TemplateLibrary, extra: Record<string, unknown> = {}): LibraryFile {
  const templates = lib.templates.map(normalizeTemplate);
  // A group only named by a template is listed too, so the import does not have to add it.
  const groups = [...new Set([...lib.groups.map(cleanText).filter((g) => g !== ''), ...templates.map((t) => t.group)])];
  const file: LibraryFile = { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, groups, templates };
  for (const [key, value] of Object.entries(extra)) {
    if (RESERVED_KEYS.has(key) || UNSAFE_KEYS.has(key)) continue;
    file[key] = value;
  }
  return file;
}
