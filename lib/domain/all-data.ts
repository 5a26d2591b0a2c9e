/**
 * 导出全部数据 / 导入全部数据 (options → 导入 / 导出): one versioned JSON file with every store the
 * user owns, each area in the shape its own export already has where there is one. Pure, in
 * worker-extras.js: the background reads and writes the stores (lib/messaging/handlers/data.ts);
 * this checks a whole file before anything is written, counts what an import would do and merges
 * the records a shop has one of.
 *
 *   { format: 'kefu-all-data', version: 1, exportedAt,
 *     library          the library export (kefu-library, with remarkRules, guardRules, taughtSites)
 *     customers        the buyer-notes export (kefu-customers)
 *     buyerNames       { v: 1, entries: [key, record][] }: name claims, "not the same buyer" answers
 *     followups        { v: 2, items }: the follow-up list, done items included (merged: an item
 *                      here gains the file's note lines it lacks, joinFollowupNotes)
 *     learned          the learned-picks export (kf-learned)
 *     settings         the settings record
 *     usage            { v: 1, templates }: how often each reply was used
 *     replyClock       { v: 1, days }: first-response times per day (conversation hashes only)
 *     remarkOverrides  { v: 1, items }: remarks saved against the rules, oldest first
 *     reminded         { v: 1, list }: the 催付 reminders kept 24 h for orders not on the follow-up
 *                      list yet (platform, buyer, console id, time: lib/domain/followups/reminded.ts),
 *                      those still counting; an import keeps those still inside their 24 h }
 *
 * Every section may be missing (a hand-trimmed file): that area is then left as it is. A section
 * present but damaged refuses the whole file, naming the section (and the entry).
 * The team-mode connection is not in the file (it holds the sign-in).
 *
 * 导出店铺设置（不含买家数据）: the same format with `scope: 'shop-setup'` and two sections only,
 * the library and the shop-wide part of the settings (shopSetupFile): a lead agent hands it to the
 * colleagues, so it names no buyer and holds nothing of the lead's own (components/options/README.md).
 * The import reads it as any trimmed file (the buyer areas left as they are, 替换 too), refuses one
 * that says it is a set-up and holds a buyer section, and writes its settings over this machine's
 * shop-wide ones only (setupSettingsHere).
 */
import { allDataImportMessages as messages } from '../i18n/messages/all-data-import';
import { fill } from '../i18n/lookup';
import { parseCustomersImport, type ImportSettings } from './customers/import-export';
import type { Customer } from './customers/types';
import { FOLLOWUP_VERSION, type Followup } from './followups/types';
import { migrateFollowup } from './followups/migrate';
import { maskFollowup } from './followups/mask';
import { NOTES_MAX } from './followups/notes';
import { extraNoteLines, mergeNoteLines } from '../team/docs';
import { parseLearnedExport } from './suggest/learned-import';
import type { LearnedPick } from './suggest/learned';
import { normaliseClockLog } from './clock/summary';
import type { ClockLog } from './clock/types';
import { dict } from './own';
import type { UsageRecord } from '../storage/usage';
import type { RemarkOverride } from '../storage/rules';
import type { AppSettings } from '../storage/settings';
import { reminderKey, remindedFacts, type RemindedFact } from './followups/reminded';
import { normaliseBuyerId, normaliseNickname } from './customers/identity';
import { PLATFORMS } from './customers/types';
import { isBuyersItem, type ForgetBuyer } from './customers/forget';
import { sameBuyer } from './followups/rules';

export const ALL_DATA_FORMAT = 'kefu-all-data';
export const ALL_DATA_VERSION = 1;

/** The areas counted for the agent before an import (the library has its own summary). */
export const AREAS = ['customers', 'followups', 'learned', 'remarkOverrides', 'usage', 'replyClock', 'buyerNames', 'reminded'] as const;
export type Area = (typeof AREAS)[number];

/** What marks a 导出店铺设置 file (its format and version are 导出全部数据's). */
export const SETUP_SCOPE = 'shop-setup';

/** The sections that name or describe buyers, or an agent's own work with them: never in a set-up file. */
const BUYER_SECTIONS = ['customers', 'buyerNames', 'followups', 'learned', 'usage', 'replyClock', 'remarkOverrides', 'reminded'] as const;

export function isSetupFile(json: unknown): boolean {
  return !!json && typeof json === 'object' && (json as Record<string, unknown>).scope === SETUP_SCOPE;
}

/**
 * The settings a set-up file carries, picked field by field (a field added to the settings later
 * stays out until it is added here): the shop's name, cut-off and no-ship days, the classifier's cue
 * phrases, the follow-up shifts and reminders, the reply clock's thresholds, the first-run steps done.
 * Not the agent's name, the interface language, the privacy choices or the panel's state: each
 * colleague's own (and a file handed around must not turn masking off on another machine).
 */
export function setupSettingsOf(s: AppSettings): Record<string, unknown> {
  const { shopName, cutoff, noShip } = s.shop;
  return { v: 1, shop: { shopName, cutoff, ...(noShip ? { noShip } : {}) }, shopCues: s.shopCues, followups: s.followups, replyClock: s.replyClock, ...(s.setup ? { setup: s.setup } : {}) };
}

/** The 导出店铺设置 file: the library as 话术库 exports it, and the shop-wide settings. */
export function shopSetupFile(library: unknown, settings: AppSettings, now: number): Record<string, unknown> {
  return { format: ALL_DATA_FORMAT, version: ALL_DATA_VERSION, scope: SETUP_SCOPE, exportedAt: now, library, settings: setupSettingsOf(settings) };
}

/**
 * The settings to store when a set-up file is imported (merged or replacing alike: taking the shop's
 * set-up is the file's point): its shop-wide fields over this machine's; the agent's name, language,
 * privacy and panel stay as here; a first-run step done here or in the file is done. Not normalised:
 * the caller does (normaliseSettings).
 */
export function setupSettingsHere(here: AppSettings, file: Record<string, unknown>): Record<string, unknown> {
  const f = file as Partial<Record<'shop' | 'shopCues' | 'followups' | 'replyClock' | 'setup', any>>;
  const shop = isObj(f.shop) ? f.shop : {};
  const { noShip: _, ...mine } = here.shop;
  const setup = isObj(f.setup) ? f.setup : {};
  return {
    ...here,
    shop: { ...mine, ...(isStr(shop.shopName) ? { shopName: shop.shopName } : {}), ...(isStr(shop.cutoff) ? { cutoff: shop.cutoff } : {}), ...(shop.noShip ? { noShip: shop.noShip } : {}) },
    ...(f.shopCues !== undefined ? { shopCues: f.shopCues } : {}),
    ...(f.followups !== undefined ? { followups: f.followups } : {}),
    ...(f.replyClock !== undefined ? { replyClock: f.replyClock } : {}),
    setup: Object.fromEntries(Object.keys({ ...setup, ...here.setup }).map((k) => [k, here.setup?.[k as keyof typeof here.setup] === true || setup[k] === true])),
  };
}

/** A file's sections, checked (the library is checked by the library import, against the library here). */
export interface AllData {
  exportedAt: number;
  library?: unknown;
  customers?: Customer[];
  buyerNames?: [string, unknown][];
  followups?: Followup[];
  learned?: LearnedPick[];
  /** Normalised by the background (normaliseSettings keeps what is well-formed). */
  settings?: Record<string, unknown>;
  usage?: UsageRecord;
  replyClock?: ClockLog;
  /** Oldest first. */
  remarkOverrides?: RemarkOverride[];
  /** 催付 reminders still inside their 24 h at the import (older ones dropped: they count for nothing). */
  reminded?: RemindedFact[];
  /** Buyers taken whole with a text or tags over their limit, each named (importProblems). */
  over?: string[];
}

/** Problems listed before the rest are counted. */
const MAX_ERRORS = 20;

type Lang = 'zh' | 'en';
const say = (lang: Lang, key: string, params: Record<string, string | number> = {}) =>
  fill(messages[lang][key]!, params);

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

function isOverride(o: unknown): o is RemarkOverride {
  return (
    isObj(o) &&
    isNum(o.at) &&
    [o.platform, o.orderId, o.buyer, o.flag, o.agent, o.reason, o.text].every(isStr) &&
    Array.isArray(o.problems) &&
    o.problems.every((p) => isObj(p) && isStr(p.code) && isStr(p.message))
  );
}

function isUsage(u: unknown): boolean {
  return isObj(u) && isNum(u.count) && u.count >= 0 && isNum(u.lastUsed) && isObj(u.byScenario) && Object.values(u.byScenario).every(isNum);
}

/** A kept 催付 reminder, its name and console id normalised as the worker keeps them (reminded-run.ts); null: malformed. */
function remindedEntry(x: unknown): RemindedFact | null {
  if (!isObj(x) || !isNum(x.at) || !isStr(x.platform) || !isStr(x.buyer) || !(x.buyerId === undefined || x.buyerId === null || isStr(x.buyerId))) return null;
  const platform = PLATFORMS.find((p) => p === x.platform);
  const buyer = normaliseNickname(x.buyer);
  const buyerId = isStr(x.buyerId) ? normaliseBuyerId(x.buyerId) : null;
  if (!platform || !buyer) return null;
  return { platform, buyer, ...(buyerId ? { buyerId } : {}), at: x.at, ...(x.copied === true ? { copied: true as const } : {}) };
}

/** A name claim ({ v: 1, ids }) or a "not the same buyer" answer ({ v: 1, notSame }) under its key. */
function isNameEntry(e: unknown): e is [string, unknown] {
  if (!Array.isArray(e) || e.length !== 2 || !isStr(e[0]) || !isObj(e[1]) || e[1].v !== 1) return false;
  const list = e[1].ids ?? e[1].notSame;
  return Array.isArray(list) && list.every(isStr);
}

/**
 * The buyers here a 替换 with the file's buyers deletes: those the file does not hold (the same key,
 * or the same platform and console id — or, where either side has none, name).
 */
export function replacedBuyers(file: readonly Customer[], here: readonly ForgetBuyer[]): ForgetBuyer[] {
  const keys = new Set(file.map((c) => c.key));
  const held = (b: ForgetBuyer) =>
    keys.has(b.key) || file.some((c) => c.platform === b.platform && (b.buyerId && c.buyerId ? c.buyerId === b.buyerId : c.nickname === b.nickname));
  return here.filter((b) => !held(b));
}

/** The kept 催付 reminders naming one of `buyers` (their console, their id or name as sameBuyer reads them). */
export const remindersOf = (reminded: readonly RemindedFact[], buyers: readonly ForgetBuyer[]): RemindedFact[] =>
  reminded.filter((r) => buyers.some((b) => b.platform === r.platform && sameBuyer({ buyer: r.buyer, buyerId: r.buyerId }, { buyer: b.nickname, buyerId: b.buyerId })));

/**
 * The kept 催付 reminders after a 替换 with a file of buyers and no `reminded` section (an export
 * from before 2026-12-07 put none in): those naming a buyer the file deletes go with that buyer —
 * a reminder of someone no longer here is stale (it would mark their next order reminded, and
 * 客户档案's own delete takes it too) — and every other one stays, as the file says nothing of them.
 * A file with the section replaces them all (importedReminders). `raw` as stored; the record itself
 * when nothing goes.
 */
export function remindedAfterReplace(raw: unknown, gone: readonly ForgetBuyer[], now: number): unknown {
  const list = remindedFacts(raw, now);
  const stale = new Set(remindersOf(list, gone));
  return stale.size ? { v: 1, list: list.filter((r) => !stale.has(r)) } : raw;
}

/**
 * Why a 替换 of this file is refused, or null. A file with buyers but no follow-ups section (trimmed
 * by hand: an export always has both) would delete the buyers here it does not hold and keep what
 * names them: their follow-ups (a named VIP revisit still counting toward the day's 20) and their
 * kept 催付 reminders. Deleting those too would take follow-ups the file never spoke of (the agent
 * left that section out: "leave my follow-ups as they are"), so the file is refused, naming what
 * would be left and the ways that lose nothing: 合并, the whole export, or 客户档案's own delete,
 * which takes a buyer's follow-ups with them. Refused only when something would be left: a buyer
 * here the file holds (the same key, or the same platform and console id or name) is not deleted.
 */
export function replaceLeavesNamed(
  d: Pick<AllData, 'customers' | 'followups'>,
  here: { buyers: readonly ForgetBuyer[]; followups: readonly Followup[]; reminded: readonly RemindedFact[] },
  locale: 'zh-CN' | 'en' = 'zh-CN',
): string | null {
  if (!d.customers || d.followups) return null;
  const gone = replacedBuyers(d.customers, here.buyers);
  if (!gone.length) return null;
  const items = here.followups.filter((f) => isBuyersItem(f, { buyers: gone })).length;
  const reminded = remindersOf(here.reminded, gone).length;
  if (!items && !reminded) return null;
  return say(locale === 'en' ? 'en' : 'zh', 'allData.import.replaceLeaves', { buyers: gone.length, items, reminded });
}

/**
 * The file checked whole, or every problem found, in the shop's language; `how` and `now` as the
 * buyer-notes import uses them (the language, or the settings: their language and masking — of the
 * buyer notes and of the follow-ups;
 * timestamps of prototype records).
 */
export function readAllData(json: unknown, how: 'zh-CN' | 'en' | ImportSettings = 'zh-CN', now = Date.now()): { ok: true; data: AllData } | { ok: false; errors: string[] } {
  const locale = typeof how === 'string' ? how : how.shop.locale;
  const lang: Lang = locale === 'en' ? 'en' : 'zh';
  const mask = typeof how !== 'string' && how.privacy.maskPii;
  if (!isObj(json) || json.format !== ALL_DATA_FORMAT) return { ok: false, errors: [say(lang, 'allData.import.format')] };
  if (json.version !== ALL_DATA_VERSION) {
    const newer = isNum(json.version) && json.version > ALL_DATA_VERSION;
    return { ok: false, errors: [say(lang, newer ? 'allData.import.newer' : 'allData.import.format', { version: String(json.version) })] };
  }
  // A set-up file promises the agent that no buyer is touched: one holding a buyer section was edited.
  if (isSetupFile(json)) {
    const held = BUYER_SECTIONS.filter((k) => k in json);
    if (held.length) return { ok: false, errors: [say(lang, 'allData.import.setupBuyers', { sections: held.map((k) => say(lang, `allData.section.${k}`)).join(say(lang, 'allData.import.sep')) })] };
  }
  const errors: string[] = [];
  const data: AllData = { exportedAt: isNum(json.exportedAt) ? json.exportedAt : 0 };
  const name = (section: string) => say(lang, `allData.section.${section}`);
  const damaged = (section: string) => errors.push(say(lang, 'allData.import.section', { section: name(section) }));
  /** Checks each entry of a list section; the bad ones named by their place, counted from 1. */
  const entries = <T>(section: string, list: unknown, ok: (x: unknown) => T | null): T[] | undefined => {
    if (!Array.isArray(list)) return void damaged(section);
    const out: T[] = [];
    list.forEach((x, i) => {
      const v = ok(x);
      if (v === null) errors.push(say(lang, 'allData.import.entry', { section: name(section), n: i + 1 }));
      else out.push(v);
    });
    return out;
  };
  const section = (key: string) => (key in json ? json[key] : undefined);

  if (section('library') !== undefined) data.library = section('library');
  const customers = section('customers');
  if (customers !== undefined) {
    const r = parseCustomersImport(customers, now, how);
    if (r.ok) {
      data.customers = r.customers;
      data.over = r.over.map((problem) => say(lang, 'allData.import.in', { section: name('customers'), problem }));
    } else errors.push(...r.errors.map((problem) => say(lang, 'allData.import.in', { section: name('customers'), problem })));
  }
  const learned = section('learned');
  if (learned !== undefined) {
    // Masked as a pick made here is, while masking is on (the file may hold a phone in clear).
    const r = parseLearnedExport(learned, how);
    if (r.ok) data.learned = r.picks;
    else errors.push(...r.errors.map((problem) => say(lang, 'allData.import.in', { section: name('learned'), problem })));
  }
  const followups = section('followups');
  if (followups !== undefined) {
    if (!isObj(followups) || !isNum(followups.v) || followups.v > FOLLOWUP_VERSION) damaged('followups');
    else
      data.followups = entries('followups', followups.items, (x) => {
        try {
          // Masked as the buyer-notes section is (the file may come from a version that masked less).
          const f = migrateFollowup(x, now);
          return mask ? maskFollowup(f) : f;
        } catch {
          return null;
        }
      });
  }
  const names = section('buyerNames');
  if (names !== undefined) {
    if (!isObj(names) || names.v !== 1) damaged('buyerNames');
    else data.buyerNames = entries('buyerNames', names.entries, (e) => (isNameEntry(e) ? e : null));
  }
  const settings = section('settings');
  if (settings !== undefined) {
    if (isObj(settings)) data.settings = settings;
    else damaged('settings');
  }
  const usage = section('usage');
  if (usage !== undefined) {
    if (!isObj(usage) || usage.v !== 1 || !isObj(usage.templates) || !Object.values(usage.templates).every(isUsage)) damaged('usage');
    else data.usage = { v: 1, templates: dict(usage.templates as UsageRecord['templates']) };
  }
  const clock = section('replyClock');
  if (clock !== undefined) {
    if (!isObj(clock) || clock.v !== 1 || !isObj(clock.days)) damaged('replyClock');
    else data.replyClock = normaliseClockLog(clock);
  }
  const overrides = section('remarkOverrides');
  if (overrides !== undefined) {
    if (!isObj(overrides) || overrides.v !== 1) damaged('remarkOverrides');
    else data.remarkOverrides = entries('remarkOverrides', overrides.items, (o) => (isOverride(o) ? o : null));
  }
  const reminded = section('reminded');
  if (reminded !== undefined) {
    if (!isObj(reminded) || reminded.v !== 1) damaged('reminded');
    else {
      const list = entries('reminded', reminded.list, remindedEntry);
      // Only those still counting now: an older one would be ignored by the order list anyway.
      if (list) data.reminded = remindedFacts({ list }, now);
    }
  }

  if (errors.length > MAX_ERRORS) return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), say(lang, 'allData.import.more', { count: errors.length - MAX_ERRORS })] };
  return errors.length ? { ok: false, errors } : { ok: true, data };
}

/** What is stored here now, as far as counting and merging go. */
export interface Here {
  customers: readonly string[];
  buyerNames: readonly string[];
  followups: readonly string[];
  learned: readonly string[];
  remarkOverrides: readonly RemarkOverride[];
  usage: UsageRecord;
  replyClock: ClockLog;
  /** The 催付 reminders kept here, still counting. */
  reminded: readonly RemindedFact[];
}

/** Per area: records in the file, here now, and the file's records not here yet (what a merge adds). */
export type AreaCounts = Record<Area, { file: number; here: number; fresh: number }>;

const overrideKey = (o: RemarkOverride) => `${o.at}:${o.platform}:${o.orderId}`;

/** The keys of each area's records in the file (null: the file has no such section). */
function fileKeys(d: AllData): Record<Area, string[] | null> {
  return {
    customers: d.customers?.map((c) => c.key) ?? null,
    followups: d.followups?.map((f) => f.id) ?? null,
    learned: d.learned?.map((p) => p.id) ?? null,
    remarkOverrides: d.remarkOverrides?.map(overrideKey) ?? null,
    usage: d.usage ? Object.keys(d.usage.templates) : null,
    replyClock: d.replyClock ? Object.keys(d.replyClock.days) : null,
    buyerNames: d.buyerNames?.map(([k]) => k) ?? null,
    reminded: d.reminded?.map(reminderKey) ?? null,
  };
}

function hereKeys(h: Here): Record<Area, readonly string[]> {
  return {
    customers: h.customers,
    followups: h.followups,
    learned: h.learned,
    remarkOverrides: h.remarkOverrides.map(overrideKey),
    usage: Object.keys(h.usage.templates),
    replyClock: Object.keys(h.replyClock.days),
    buyerNames: h.buyerNames,
    reminded: h.reminded.map(reminderKey),
  };
}

export function countAreas(d: AllData, h: Here): AreaCounts {
  const inFile = fileKeys(d);
  const here = hereKeys(h);
  const out = {} as AreaCounts;
  for (const area of AREAS) {
    const have = new Set(here[area]);
    const file = inFile[area] ?? [];
    out[area] = { file: file.length, here: have.size, fresh: file.filter((k) => !have.has(k)).length };
  }
  return out;
}

/** Usage of two machines: per reply and situation the larger count (importing a file twice counts nothing twice). */
export function mergeUsage(here: UsageRecord, file: UsageRecord): UsageRecord {
  const templates = dict(here.templates);
  for (const [id, u] of Object.entries(file.templates)) {
    const mine = templates[id];
    if (!mine) {
      templates[id] = u;
      continue;
    }
    const byScenario = { ...mine.byScenario };
    for (const [s, n] of Object.entries(u.byScenario) as [keyof typeof byScenario, number][]) byScenario[s] = Math.max(byScenario[s] ?? 0, n);
    templates[id] = { count: Math.max(mine.count, u.count), lastUsed: Math.max(mine.lastUsed, u.lastUsed), byScenario };
  }
  return { v: 1, templates };
}

/** The reply clock's days: a day recorded here stays as it is; the file adds the days this machine lacks. */
export function mergeClock(here: ClockLog, file: ClockLog): ClockLog {
  return { v: 1, days: { ...file.days, ...here.days } };
}

/** The override log with the file's entries not here yet, oldest first, the newest `max` kept. */
export function mergeOverrides(here: readonly RemarkOverride[], file: readonly RemarkOverride[], max: number): RemarkOverride[] {
  const have = new Set(here.map(overrideKey));
  return [...here, ...file.filter((o) => !have.has(overrideKey(o)))].sort((a, b) => a.at - b.at).slice(-max);
}

/** A follow-up here and in the file whose notes joined would pass the item's NOTES_MAX: left as here, named. */
export interface FollowupNotesOver {
  /** The item here (the page makes its title in the agent's language). */
  item: Pick<Followup, 'id' | 'kind' | 'title' | 'buyer' | 'buyerId'>;
  /** The file's note lines this item lacks, not joined. */
  lines: number;
  /** Characters the joined notes would have had. */
  length: number;
}

/**
 * A merge import of the follow-ups: the file's items not here, and each item here that the file's
 * copy has note lines for that it lacks, with both logs joined as a team merge joins them
 * (mergeNoteLines: in the order written, a line written k times here and m times in the file kept
 * max(k, m) times). Everything else of an item here stays
 * (its status, due time, assignment). A join past the item's NOTES_MAX is not made and is named
 * instead: the notes are never cut, and the item here keeps taking the agent's notes. Importing the
 * same file again changes nothing. `mask` (the shop masks what it stores): the item here is read
 * masked (maskFollowup) before the lines are compared, so a line kept here in clear is not joined
 * again as the file's masked copy of it; the item is stored masked.
 */
export function joinFollowupNotes(here: readonly Followup[], file: readonly Followup[], mask = false): { put: Followup[]; joined: number; over: FollowupNotesOver[] } {
  const mine = new Map(here.map((f) => [f.id, f]));
  const put: Followup[] = [];
  const over: FollowupNotesOver[] = [];
  let joined = 0;
  for (const f of file) {
    const had = mine.get(f.id);
    if (!had) {
      put.push(f);
      continue;
    }
    // Masking on, the file's copy comes masked (readAllData): a line here still in clear (saved
    // before masking, or with it off) and its masked copy are one line, not two — kept masked, as
    // the item would be stored now. An item the file holds is stored masked even with nothing to add.
    const h = mask ? maskFollowup(had) : had;
    const lacking = extraNoteLines((h.note ?? '').split('\n').filter(Boolean), (f.note ?? '').split('\n').filter(Boolean));
    if (!lacking.length) {
      if (JSON.stringify(h) !== JSON.stringify(had)) put.push(h);
      continue;
    }
    const note = mergeNoteLines(h.note, f.note).join('\n');
    if (note.length > NOTES_MAX) {
      over.push({ item: { id: h.id, kind: h.kind, title: h.title, buyer: h.buyer, buyerId: h.buyerId }, lines: lacking.length, length: note.length });
      continue;
    }
    put.push({ ...h, note });
    joined++;
  }
  return { put, joined, over };
}
