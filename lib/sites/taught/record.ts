/**
 * What teach mode stores for one site (an origin): the locators of each picked element. Pure
 * validation, used by the storage layer, the message handlers and the import of a team's file.
 */
import { at, inLocale, versionProblem, type Bilingual } from '../../i18n/bilingual';
import type { Locale } from '../../i18n/lookup';
import { parseLocators, type Locator } from './locator';
import { pageWithoutBuyer } from './page';

/** The elements an agent can teach, in the order the picker asks for them. */
export const TAUGHT_FIELDS = ['chatInput', 'messageList', 'buyerName', 'remarkBox'] as const;
export type TaughtField = (typeof TAUGHT_FIELDS)[number];

export type TaughtFields = Partial<Record<TaughtField, Locator[]>>;

export interface TaughtSite {
  v: 1;
  /** e.g. https://im.jinritemai.com — the permission and the content script cover `${origin}/*`. */
  origin: string;
  /** The page title when it was taught, without the buyer open then (lib/teach/picker.ts teachPage); shown in the options page (text only). */
  name: string;
  /** The page it was taught on, so "re-teach" can open it again: no query, fragment or path segment that holds data (teachPage). */
  url: string;
  fields: TaughtFields;
  createdAt: number;
  updatedAt: number;
}

/** What the picker sends: a site without timestamps. */
export interface TaughtPicks {
  origin: string;
  name: string;
  url: string;
  fields: TaughtFields;
}

const MAX_NAME = 120;
const MAX_URL = 2000;

/** The origin of an http(s) URL or origin string, normalised; null for anything else. */
export function parseOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_URL) return null;
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** The host-permission pattern that covers an origin, e.g. https://shop.example/* */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

export type PicksResult = { ok: true; picks: TaughtPicks } | { ok: false; errors: string[] };

/**
 * Checks picks from a content script, an extension page or an import file. Each problem is named
 * by `where` ("已教页面第 1 个: origin 无效" / "taught page 1: invalid origin") in `locale`, the
 * interface's language ('zh-CN' Chinese alone, 'en' English alone, not said: "中文（English）").
 */
export function validatePicks(value: unknown, where: Bilingual = { zh: 'taughtSite', en: 'taughtSite' }, locale?: Locale): PicksResult {
  const errors: string[] = [];
  const add = (zh: string, en: string) => void errors.push(inLocale({ zh: `${where.zh}: ${zh}`, en: `${where.en}: ${en}` }, locale));
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    add('应为对象', 'expected an object');
    return { ok: false, errors };
  }
  const r = value as Record<string, unknown>;
  const origin = parseOrigin(r.origin);
  if (!origin || origin !== r.origin) add('origin 无效', 'invalid origin');
  // Read without a buyer's data, however old the site (page.ts): the name and address as teachPage keeps them.
  const own = typeof r.url === 'string' && r.url.length <= MAX_URL && parseOrigin(r.url) === origin;
  const page = origin ? pageWithoutBuyer(own ? (r.url as string) : origin, typeof r.name === 'string' ? r.name : '') : null;
  const name = (page?.name ?? '').slice(0, MAX_NAME);
  const url = (own && page?.url) || (origin ?? '');
  const fields: TaughtFields = {};
  if (!r.fields || typeof r.fields !== 'object' || Array.isArray(r.fields)) {
    add('fields 应为对象', 'fields must be an object');
  } else {
    const f = r.fields as Record<string, unknown>;
    for (const key of Object.keys(f)) {
      if (!(TAUGHT_FIELDS as readonly string[]).includes(key)) {
        add(`未知字段 ${key}`, `unknown field ${key}`);
        continue;
      }
      if (f[key] === undefined) continue;
      const locs = parseLocators(f[key]);
      if (!locs) add(`${key} 的定位方式无效`, `invalid locators for ${key}`);
      else fields[key as TaughtField] = locs;
    }
    if (Object.keys(fields).length === 0 && errors.length === 0) add('至少需要一个元素', 'pick at least one element');
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, picks: { origin: origin!, name: name || origin!, url, fields } };
}

/** A stored or imported site record, or null when it is damaged. */
export function parseTaughtSite(value: unknown): TaughtSite | null {
  const res = validatePicks(value);
  if (!res.ok) return null;
  const r = value as Record<string, unknown>;
  const createdAt = typeof r.createdAt === 'number' && r.createdAt >= 0 ? r.createdAt : 0;
  const updatedAt = typeof r.updatedAt === 'number' && r.updatedAt >= 0 ? r.updatedAt : createdAt;
  return { v: 1, ...res.picks, createdAt, updatedAt };
}

/**
 * The taught pages an imported library file carries (its `taughtSites` section, { v: 1, sites }):
 * every site valid, or every problem, each site named by its number from 1, in `locale`. In
 * worker-extras.js (the library import asks it there).
 */
export function checkSitesSection(value: unknown, locale?: Locale): { ok: true; sites: TaughtSite[] } | { ok: false; errors: string[] } {
  const section = value as { v?: unknown; sites?: unknown } | null;
  const what = { zh: '已教页面', en: 'Taught pages' };
  if (section && typeof section === 'object' && section.v !== 1) return { ok: false, errors: [inLocale(versionProblem(section.v, 1, what), locale)] };
  if (!section || typeof section !== 'object' || !Array.isArray(section.sites)) {
    return { ok: false, errors: [inLocale(at(what, { zh: '内容不完整或已损坏（文件可能被改动过）', en: 'incomplete or damaged (the file may have been edited)' }), locale)] };
  }
  const errors: string[] = [];
  const sites: TaughtSite[] = [];
  section.sites.forEach((raw, i) => {
    const res = validatePicks(raw, { zh: `已教页面第 ${i + 1} 个`, en: `taught page ${i + 1}` }, locale);
    if (!res.ok) errors.push(...res.errors);
    else sites.push(parseTaughtSite(raw)!);
  });
  return errors.length ? { ok: false, errors } : { ok: true, sites };
}
