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
import { customersImport } from '../../i18n/messages/customers-import';
import { fill } from '../../i18n/lookup';
import { inLocale, versionProblem } from '../../i18n/bilingual';
import { normaliseNickname } from './identity';
import { upgradeCustomerRecord } from './migrate';
import { EXPORT_FORMAT, EXPORT_VERSION, EXPORT_VERSIONS_READ, type Customer, type CustomersExport } from './types';

/**
 * An import larger than this is refused rather than frozen on. It must stay above what a shop can
 * store, or an export could not be imported back (100 000 buyers is the size benchmarked).
 */
export const IMPORT_MAX = 200_000;
/** Errors listed before the rest are summarised; the agent fixes the file and tries again. */
const MAX_ERRORS = 50;

export type ImportParse = { ok: true; customers: Customer[] } | { ok: false; errors: string[] };

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

/**
 * `input` is the file's text (or an already-parsed value). `now` fills timestamps missing from
 * v0 entries only; a v1 entry with a missing timestamp is an error. `locale`: the language of the
 * errors (the shop's interface language).
 */
export function parseCustomersImport(input: unknown, now: number, locale: 'zh-CN' | 'en' = 'zh-CN'): ImportParse {
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
  const firstIndex = new Map<string, number>();
  file.customers.forEach((entry, i) => {
    const n = i + 1;
    const isV0 = !!entry && typeof entry === 'object' && !Array.isArray(entry) && (entry as { v?: unknown }).v === undefined;
    const record = entry && typeof entry === 'object' && !Array.isArray(entry) ? upgradeCustomerRecord(entry as Record<string, unknown>) : entry;
    const { customer, problems } = checkCustomer(record, now);
    const nick = customer?.nickname ?? nickOf(entry);
    const entryError = (problem: string): string =>
      message(lang, nick ? 'customers.import.entry' : 'customers.import.entryNoNick', { n, nick, problem });
    // v0 entries legitimately lack timestamps; they get `now`.
    const real = isV0 ? problems.filter((p) => p.code !== 'time') : problems;
    // The tag and text rules as the forms keep them: named with the entry, never cut to fit.
    if (customer) real.push(...tagProblems(customer.tags), ...textProblems(customer));
    for (const p of real) errors.push(entryError(problemText(p, lang)));
    if (!customer) return;
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
  return { ok: true, customers };
}

function nickOf(entry: unknown): string {
  if (!entry || typeof entry !== 'object') return '';
  const r = entry as Record<string, unknown>;
  const nick = typeof r.nickname === 'string' ? r.nickname : typeof r.nick === 'string' ? r.nick : '';
  return Array.from(normaliseNickname(nick)).slice(0, 30).join('');
}
