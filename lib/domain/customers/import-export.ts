/**
 * Customers file: `{ format: 'kefu-customers', version: 2, exportedAt, customers: [...] }`
 * (version 1 files, from before console ids, still import).
 * Import validates the whole file before anything is used: one bad entry rejects the file, and
 * every problem is listed, each naming its entry (and any history entry) counted from 1, in the
 * interface's language (the shop's locale: Chinese, or English when the shop chose English).
 * Entries without `v` are read as the prototype's v0 shape, `v: 1` entries as before buyer ids; both
 * are migrated (see migrate.ts).
 */
import { checkCustomer, problemText, tagProblems, textProblems } from './check';
import { LIMITS, adoptUnderId, maskRecord, mergeCustomer, normaliseTags } from './customer';
import { customersImport } from '../../i18n/messages/customers-import';
import { fill } from '../../i18n/lookup';
import { inLocale, versionProblem } from '../../i18n/bilingual';
import { nicknameKey, normaliseNickname } from './identity';
import { upgradeCustomerRecord } from './migrate';
import { EXPORT_FORMAT, EXPORT_VERSION, EXPORT_VERSIONS_READ, type Customer, type CustomersExport } from './types';

/**
 * An import larger than this is refused rather than frozen on. It must stay above what a shop can
 * store, or an export could not be imported back (100 000 buyers is the size benchmarked).
 */
export const IMPORT_MAX = 200_000;
/** Errors listed before the rest are summarised; the agent fixes the file and tries again. */
const MAX_ERRORS = 50;

/**
 * `over`: entries taken whole with a text or tag list over its limit (as a join of two records keeps
 * them), each named with the field and by how much, for the agent to shorten (importProblems).
 */
export type ImportParse = { ok: true; customers: Customer[]; over: string[] } | { ok: false; errors: string[] };

/**
 * The most an import takes of a field over its limit: what joining two records of one buyer can
 * make of two texts at the limit (combineCustomers: both, and a line break between), or of two tag
 * lists (their union).
 */
export const importCeiling = (max: number, text = true): number => 2 * max + (text ? 1 : 0);

type TextField = 'note' | 'preferences' | 'addressNote';
const TEXT_FIELDS: readonly TextField[] = ['note', 'preferences', 'addressNote'];

/**
 * One measure for every import (the JSON file, 导入全部数据, the CSV sheet), decided with
 * combineCustomers (README.md, "Two records of one buyer"): a buyer file holds what this app
 * stores, and a join of two records keeps both texts and the union of the tags past their limits,
 * so its own export must come back. A text or tag list over its limit but within importCeiling is
 * taken whole and said (`kept`), as the edit forms say it, for the agent to shorten; past that the
 * entry is refused (`refused`), as are a tag longer than a tag may be and an over-long history entry
 * (no join makes those). `here`: the lengths of the texts a CSV row adds to (the buyer's here), named
 * when the sum goes past what an import takes.
 */
export function importProblems(c: Pick<Customer, 'tags' | 'history' | TextField>, lang: 'zh' | 'en', here: Partial<Record<TextField, number>> = {}): { refused: string[]; kept: string[] } {
  const refused: string[] = [];
  const kept: string[] = [];
  const [tagsCeiling, count] = [importCeiling(LIMITS.tags, false), normaliseTags(c.tags).length];
  for (const p of tagProblems(c.tags)) {
    if (p.code !== 'tagCount') refused.push(problemText(p, lang));
    else if (count > tagsCeiling) refused.push(message(lang, 'customers.import.tagsCeiling', { count, ceiling: tagsCeiling, max: LIMITS.tags }));
    else kept.push(problemText(p, lang));
  }
  for (const field of TEXT_FIELDS) {
    const length = c[field].length;
    const ceiling = importCeiling(LIMITS[field]);
    // A sheet's row adding to a buyer's text here: said as what the buyer has and what the row makes of it.
    const had = here[field] ?? 0;
    if (length > ceiling) refused.push(message(lang, `customers.import.${had ? 'here' : 'ceiling'}.${field}`, { length, ceiling, max: LIMITS[field], here: had }));
    else if (length > LIMITS[field]) kept.push(problemText({ code: `long.${field}`, params: { over: length - LIMITS[field], max: LIMITS[field] } }, lang));
  }
  refused.push(...textProblems({ note: '', preferences: '', addressNote: '', history: c.history }).map((p) => problemText(p, lang)));
  return { refused, kept };
}

function message(lang: 'zh' | 'en', key: string, params: Record<string, string | number> = {}): string {
  return fill(customersImport[lang][key]!, params);
}

export function exportCustomers(list: readonly Customer[], now: number): string {
  const file: CustomersExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now,
    customers: [...list].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  };
  return JSON.stringify(file, null, 2);
}

/** The settings an import follows: the errors' language, and whether the shop masks what it stores. */
export type ImportSettings = { shop: { locale: 'zh-CN' | 'en' }; privacy: { maskPii: boolean } };

/**
 * `input` is the file's text (or an already-parsed value). `now` fills timestamps missing from
 * v0 entries only; a v1 entry with a missing timestamp is an error. `how`: the language of the
 * errors (the shop's interface language), or the shop's settings — their language, and their
 * masking (settings.privacy.maskPii): the records come out masked as a typed note is saved. (The
 * settings whole, so the worker passes what it loaded: background.js is at its budget.)
 */
export function parseCustomersImport(input: unknown, now: number, how: 'zh-CN' | 'en' | ImportSettings = 'zh-CN'): ImportParse {
  const locale = typeof how === 'string' ? how : how.shop.locale;
  const mask = typeof how !== 'string' && how.privacy.maskPii;
  const lang = locale === 'en' ? 'en' : 'zh';
  const fail = (key: string, params?: Record<string, string | number>): ImportParse => ({ ok: false, errors: [message(lang, key, params)] });
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return fail('customers.import.json');
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail('customers.import.format');
  const file = data as Record<string, unknown>;
  if (file.format !== EXPORT_FORMAT) return fail('customers.import.format');
  // In the words of every import: from a newer extension, update it first.
  if (!EXPORT_VERSIONS_READ.includes(file.version as number)) return { ok: false, errors: [inLocale(versionProblem(file.version, EXPORT_VERSION), locale)] };
  if (!Array.isArray(file.customers)) return fail('customers.import.list');
  if (file.customers.length > IMPORT_MAX) return fail('customers.import.tooMany', { count: file.customers.length, max: IMPORT_MAX });

  const errors: string[] = [];
  const customers: Customer[] = [];
  const over: string[] = [];
  const firstIndex = new Map<string, number>();
  file.customers.forEach((entry, i) => {
    const n = i + 1;
    const isV0 = !!entry && typeof entry === 'object' && !Array.isArray(entry) && (entry as { v?: unknown }).v === undefined;
    const record = entry && typeof entry === 'object' && !Array.isArray(entry) ? upgradeCustomerRecord(entry as Record<string, unknown>) : entry;
    const { customer: read, problems } = checkCustomer(record, now);
    const customer = read && mask ? maskRecord(read) : read;
    const nick = customer?.nickname ?? nickOf(entry);
    const entryError = (problem: string): string =>
      message(lang, nick ? 'customers.import.entry' : 'customers.import.entryNoNick', { n, nick, problem });
    // v0 entries legitimately lack timestamps; they get `now`.
    const real = isV0 ? problems.filter((p) => p.code !== 'time') : problems;
    for (const p of real) errors.push(entryError(problemText(p, lang)));
    if (!customer) return;
    // Measured as it will be stored (masked): never cut to fit, named with the entry.
    const { refused, kept } = importProblems(customer, lang);
    errors.push(...refused.map(entryError));
    over.push(...kept.map(entryError));
    const other = firstIndex.get(customer.key);
    if (other !== undefined) {
      errors.push(entryError(message(lang, 'customers.import.duplicate', { other })));
      return;
    }
    firstIndex.set(customer.key, n);
    customers.push(customer);
  });
  if (errors.length) {
    const shown = errors.slice(0, MAX_ERRORS);
    if (errors.length > MAX_ERRORS) shown.push(message(lang, 'customers.import.more', { count: errors.length - MAX_ERRORS }));
    return { ok: false, errors: shown };
  }
  return { ok: true, customers, over };
}

function nickOf(entry: unknown): string {
  if (!entry || typeof entry !== 'object') return '';
  const r = entry as Record<string, unknown>;
  const nick = typeof r.nickname === 'string' ? r.nickname : typeof r.nick === 'string' ? r.nick : '';
  return Array.from(normaliseNickname(nick)).slice(0, 30).join('');
}

/**
 * An import's records where the panel's identity step puts the buyer (README.md, "Buyer identity",
 * rules 2–3): a nickname-only record whose unmasked name exactly one console id has claimed
 * (`ids[i]`: that id for `list[i]`, from resolveByName) goes to the id's record, merged with it as
 * any import merges one buyer (mergeCustomer), so an export taken before the buyer was joined to the
 * id adds no second record of them (QA pass P, defect 4). Records that land on one key are merged
 * here first: one transaction writes each key once.
 */
export function joinImported(list: readonly Customer[], ids: readonly (string | null | undefined)[], now: number): Customer[] {
  // The console ids the import itself brings under each name: one id claimed here but another in the
  // file is a name two buyers share, and the record stays by its name (until 2026-12-07 it joined the
  // id claimed here, though the same file imported again, its ids claimed by then, left it apart).
  const brought = new Map<string, Set<string>>();
  for (const c of list) {
    const name = nicknameKey(c.platform, c.nickname);
    if (c.buyerId) brought.set(name, (brought.get(name) ?? new Set()).add(c.buyerId));
  }
  const out = new Map<string, Customer>();
  list.forEach((c, i) => {
    const claimed = !c.buyerId && ids[i];
    const others = [...(brought.get(nicknameKey(c.platform, c.nickname)) ?? [])].filter((x) => x !== claimed);
    const id = !others.length && claimed;
    const d = id ? adoptUnderId(c, id, c.nickname, now) : c;
    const had = out.get(d.key);
    out.set(d.key, had ? mergeCustomer(had, d) : d);
  });
  return [...out.values()];
}
