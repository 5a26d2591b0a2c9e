/**
 * The follow-up list's verbs, and the sinks that turn what pages report (order rows, remark facts)
 * into items. Every write goes through lib/storage/followups (one transaction per change) and is
 * announced as a 'followups' change; the background refreshes the badge on that announcement.
 */
import { announceChange } from '../client';
import { browser, type Storage } from '../../browser';
import { pageOrigin } from '../sender';
import { workerExtras } from '../../background/extras';
import type { FollowupSections } from '../../domain/followups/list';
import { InvalidPayload, obj, type HandlerContext, type HandlerSet } from './types';
import {
  FOLLOWUP_KINDS,
  addNote,
  NotesFull,
  complete,
  allDayShift,
  reopen,
  snooze,
  assignFollowup,
  isHandedTo,
  shiftAt,
  onShift,
  NOTE_MAX,
  type HandoverViewer,
  type Shift,
  suggestedSnooze,
  todayView,
  sameBuyer,
  type AnyRemarkFact,
  type Followup,
  type FollowupKind,
  type FollowupSettings,
} from '../../domain/followups';
import { sayIn } from '../../domain/followups/text';
import { atTime, DAY, formatWall } from '../../domain/time';
import { PLATFORMS as PLATFORM_LIST } from '../../domain/customers/types';
import { isScenarioId } from '../../domain/scenarios';
import type { Platform } from '../../sites/types';
import { platformOfUrl } from '../../sites/urls';
import type { SeenOrder } from '../protocol-orders';
import {
  FOLLOWUP_SECTIONS,
  type AddFollowupRequest,
  type FollowupList,
  type FollowupSection,
  type FollowupsProtocol,
  type HandoverTargets,
  type HandoverTo,
  type UpdateFollowupRequest,
  SCENARIOS_MAX,
  CARD_FOLLOWUPS_MAX,
  PANEL_KINDS,
} from '../protocol-followups';
import { followupActedOn, loadTeamConfig, loadTeamMembers } from '../../background/team';
import type { TeamConfig } from '../../team/config';
import { addFollowup, applyFollowupRule, changeFollowup, loadFollowups, takePendingSuggestion, transact } from '../../storage/followups';
import { db } from '../../storage/db';
import { loadLibrary } from '../../storage/library';
import { followupSettingsOf, loadSettings } from '../../storage/settings';
import { openFollowupItem } from '../../background/open-followup';
import { remarkFactSinks } from './rules';
import { BUYER_ID_MAX, normaliseBuyerId, normaliseNickname } from '../../domain/customers/identity';

// The one list of platforms (the worker carries it for the record checks already).
const PLATFORMS = new Set<string>(PLATFORM_LIST);
const ORDER_ID = /^[0-9A-Za-z-]{4,40}$/;
export const PER_GROUP_DEFAULT = 20;

async function rulesSettings(): Promise<FollowupSettings> {
  return followupSettingsOf(await loadSettings());
}

/**
 * The words typed into an item (a to-do's or handover's title and buyer, a note, a reason) masked as buyer
 * notes are (maskPii, while settings.privacy.maskPii is on), before they are stored: the popup, the
 * backups and the handover CSV passed between shifts never hold a phone or ID number in clear.
 */
async function masked<T extends object>(req: T): Promise<T> {
  if (!(await loadSettings()).privacy.maskPii) return req;
  const { maskPii } = workerExtras().privacy;
  const out = { ...req } as Record<string, unknown>;
  for (const k of ['title', 'note', 'text', 'reason']) if (typeof out[k] === 'string') out[k] = maskPii(out[k]);
  // The popup's 添加 buyer is typed too (agents put a caller's phone there); a page's buyer is the
  // console's nickname, the key its follow-ups are found by, and stays as the page shows it.
  if (typeof out.kind === 'string' && OWN_KINDS.has(out.kind) && typeof out.buyer === 'string') out.buyer = maskPii(out.buyer);
  return out as T;
}

// ---- the list -----------------------------------------------------------------------------

/**
 * Every section's items, in display order (the popup's whole list, and the CSV export): pure, in
 * worker-extras.js with the list's grouping (lib/domain/followups/list.ts), which these verbs load anyway.
 */
export function sectionsOf(
  items: readonly Followup[],
  now: number,
  settings: Partial<FollowupSettings> & Pick<FollowupSettings, 'utcOffsetMinutes'>,
  viewer?: HandoverViewer,
): FollowupSections {
  return workerExtras().followups.sections(items, now, settings, viewer);
}

/**
 * The shift of whoever makes an item on this machine: the team member's chosen shift (none: the clock
 * decides). A shop whose day shift runs round the clock (全天白班) has no night shift: a member who
 * chose 夜班 works as the day shift (onShift), so their to-dos are not marked for a morning handover.
 */
async function makerShift(settings: Partial<FollowupSettings>): Promise<Shift | undefined> {
  // Unreadable (never seen in a browser): the clock decides, as without team mode; the item is still made.
  return Promise.resolve().then(loadTeamConfig).then((c) => c?.shift && onShift(c.shift, settings), () => undefined);
}

/**
 * Whose handover section the list shows: the team member and their shift, else the clock's shift.
 * Round the clock (全天白班) a member's 夜班 is the day shift: what is handed to the night shift goes
 * to the day shift (handoverTarget), so it is theirs.
 */
export async function handoverViewer(now: number, settings: Partial<FollowupSettings>): Promise<HandoverViewer> {
  return viewerOf(await loadTeamConfig(), now, settings);
}

function viewerOf(team: TeamConfig | null, now: number, settings: Partial<FollowupSettings>): HandoverViewer {
  if (team) return { user: team.user, shift: team.shift ? onShift(team.shift, settings) : shiftAt(now, settings) };
  return { shift: shiftAt(now, settings) };
}

/** The popup's list (the grouping and slicing in worker-extras.js, lib/domain/followups/list.ts). */
export function buildFollowupList(
  items: readonly Followup[],
  now: number,
  settings: Partial<FollowupSettings> & Pick<FollowupSettings, 'utcOffsetMinutes'>,
  perGroup: number,
  withItems: readonly FollowupSection[] = FOLLOWUP_SECTIONS,
  viewer?: HandoverViewer,
  reveal?: string,
): FollowupList {
  return workerExtras().followups.list(sectionsOf(items, now, settings, viewer), now, settings.utcOffsetMinutes, perGroup, withItems, viewer, reveal);
}

// ---- payload checks -----------------------------------------------------------------------

function text(v: unknown, what: string, max: number, required = false): string | undefined {
  if (v === undefined || v === null || v === '') {
    if (required) throw new InvalidPayload(`${what}: required`);
    return undefined;
  }
  if (typeof v !== 'string' || v.length > max) throw new InvalidPayload(`${what}: text of at most ${max} characters`);
  const trimmed = v.trim();
  if (required && !trimmed) throw new InvalidPayload(`${what}: required`);
  return trimmed || undefined;
}

function time(v: unknown, what: string, now: number): number | undefined {
  if (v === undefined || v === null) return undefined;
  // A due time or snooze within a year either way; anything else is a bug or a hostile page.
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v - now) > 366 * DAY) throw new InvalidPayload(`${what}: time`);
  return v;
}

function id(v: unknown, what: string): string {
  if (typeof v !== 'string' || !v || v.length > 200) throw new InvalidPayload(`${what}: id`);
  return v;
}

function platform(v: unknown, what: string): Platform | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !PLATFORMS.has(v)) throw new InvalidPayload(`${what}: platform`);
  return v as Platform;
}

function orderId(v: unknown, what: string): string | undefined {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || !ORDER_ID.test(v)) throw new InvalidPayload(`${what}: orderId`);
  return v;
}

const PANEL_KIND_SET: ReadonlySet<string> = new Set(PANEL_KINDS);
const OWN_KINDS = new Set(['manual', 'handover']);

/** Raw name text accepted (normalised and cut to 64 code points by normaliseNickname). */
const NICKNAME_INPUT_MAX = 256;

function buyerIdOf(v: unknown, what: string): string | null {
  if (v === undefined || v === null) return null;
  const id = typeof v === 'string' && v.length <= BUYER_ID_MAX ? normaliseBuyerId(v) : null;
  if (!id) throw new InvalidPayload(`${what}: buyerId`);
  return id;
}

export function parseAddFollowup(payload: unknown, now: number): AddFollowupRequest {
  const p = obj(payload, 'addFollowup');
  const kind = p.kind;
  const common = {
    platform: platform(p.platform, 'addFollowup'),
    orderId: orderId(p.orderId, 'addFollowup'),
    note: text(p.note, 'addFollowup.note', NOTE_MAX),
    dueAt: time(p.dueAt, 'addFollowup.dueAt', now),
    ...handoverFields(p),
  };
  if (typeof kind === 'string' && PANEL_KIND_SET.has(kind)) {
    // An order page's panel adds for the order in front of it, whose buyer the page may not show
    // (Taobao's memo page): the order number then names the item. 咨询未拍 is a buyer's, never an order's.
    const buyer = normaliseNickname(text(p.buyer, 'addFollowup.buyer', NICKNAME_INPUT_MAX) ?? '');
    if (!buyer && (kind === 'inquiry' || !common.orderId)) throw new InvalidPayload('addFollowup.buyer: required');
    return { kind: kind as 'inquiry', buyer, buyerId: buyerIdOf(p.buyerId, 'addFollowup'), ...common, ...(p.exchange === true && { exchange: true }), scenarios: Array.isArray(p.scenarios) ? p.scenarios.filter(isScenarioId).slice(0, SCENARIOS_MAX) : undefined };
  }
  if (typeof kind === 'string' && OWN_KINDS.has(kind)) {
    const buyer = normaliseNickname(text(p.buyer, 'addFollowup.buyer', NICKNAME_INPUT_MAX)) || undefined;
    return { kind: kind as 'manual', title: text(p.title, 'addFollowup.title', 200, true)!, buyer, ...common };
  }
  throw new InvalidPayload('addFollowup: kind');
}

export function parseUpdateFollowup(payload: unknown, now: number): UpdateFollowupRequest {
  const p = obj(payload, 'updateFollowup');
  const itemId = id(p.id, 'updateFollowup');
  switch (p.action) {
    case 'done':
      return { id: itemId, action: 'done', reason: text(p.reason, 'updateFollowup.reason', 200) };
    case 'snooze': {
      const until = time(p.until, 'updateFollowup.until', now);
      if (until !== undefined && until <= now) throw new InvalidPayload('updateFollowup: a snooze ends in the future');
      return until === undefined ? { id: itemId, action: 'snooze' } : { id: itemId, action: 'snooze', until };
    }
    case 'note':
      return { id: itemId, action: 'note', text: text(p.text, 'updateFollowup.text', NOTE_MAX, true)! };
    case 'reopen':
      return { id: itemId, action: 'reopen' };
    case 'assign':
      return { id: itemId, action: 'assign', to: parseHandoverTo(p.to, 'updateFollowup.to') };
    default:
      throw new InvalidPayload('updateFollowup: action');
  }
}

function handoverFields(p: Record<string, unknown>): { toShift?: Shift; toPerson?: string } {
  if (p.toShift !== undefined && p.toShift !== 'day' && p.toShift !== 'night') throw new InvalidPayload('addFollowup.toShift: day or night');
  const toPerson = text(p.toPerson, 'addFollowup.toPerson', 64);
  return { ...(p.toShift ? { toShift: p.toShift as Shift } : {}), ...(toPerson ? { toPerson } : {}) };
}

export function parseHandoverTo(v: unknown, what: string): HandoverTo {
  if (v === null) return null;
  const p = obj(v, what);
  if (p.shift === 'day' || p.shift === 'night') return { shift: p.shift };
  const person = text(p.person, `${what}.person`, 64);
  if (person) return { person };
  throw new InvalidPayload(`${what}: a shift (day, night) or a person`);
}

/**
 * A person must be a member of the shop (team mode). The server would take any name, so this is
 * where a typo or a stale list is caught, with the name in the message (in the interface's language).
 */
async function checkHandoverTo(to: HandoverTo): Promise<HandoverTo> {
  if (!to || !('person' in to)) return to;
  const members = await loadTeamMembers();
  if (!members.some((m) => m.name === to.person)) throw new InvalidPayload(sayIn((await loadSettings()).shop.locale)('followups.handover.notMember', { person: to.person }));
  return to;
}

/** A note that does not fit the item (notes.ts) is the agent's input refused whole, nothing written. */
function noteRefused(err: unknown): never {
  throw err instanceof NotesFull ? new InvalidPayload(err.message) : err;
}

/** http(s) page addresses only; anything else is not stored as an item's link. */
function pageUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href.slice(0, 2000) : undefined;
  } catch {
    return undefined;
  }
}

/** A page address the sites facade knows as a built-in console's (lib/sites/urls.ts); else undefined. */
function consolePageUrl(url: string | undefined): string | undefined {
  const href = pageUrl(url);
  return href && platformOfUrl(new URL(href)) ? href : undefined;
}

/** The new item (pure, in worker-extras.js with the words it is made of: addFollowup loads it for the reply's title anyway). */
function itemFor(req: AddFollowupRequest, ctx: HandlerContext, settings: FollowupSettings, now: number, by?: Shift): Followup {
  // A page's items link back to that page (the chat the agent was in).
  const url = ctx.sender === 'content-script' ? pageUrl(ctx.url) : undefined;
  const extra = { platform: req.platform, orderId: req.orderId, note: req.note, url, stamp: ctx.rid };
  const make = workerExtras().followups;
  switch (req.kind) {
    case 'manual':
      return make.manual({ ...extra, title: req.title, buyer: req.buyer, dueAt: req.dueAt }, now, settings, by);
    case 'handover':
      return make.handover({ ...extra, title: req.title, buyer: req.buyer, dueAt: req.dueAt }, now, settings, by);
    default:
      return make.panel(req.kind, req.buyer, now, settings, req.dueAt, { ...extra, buyerId: req.buyerId, scenarios: req.scenarios, exchange: req.exchange });
  }
}

// ---- what pages report --------------------------------------------------------------------

/** reportOrders sink: unpaid reminders, overdue shipping, and closing what the page shows resolved. */
export async function followupOrderSink(platform: Platform, orders: SeenOrder[], now: number, fromUrl?: string): Promise<void> {
  if (orders.length === 0) return;
  // With the 催付 reminders inserted before the list made an item (reminded.ts), read from `db` first.
  const changed = await applyFollowupRule(await workerExtras().orders.rule(orders, platform, pageUrl(fromUrl), await rulesSettings(), now, db), now);
  if (changed) await announceChange('followups');
}

/** remarkFactSinks entry: promised ship dates, returns on their way, refunds and postage to pay. */
export async function followupRemarkSink(facts: readonly AnyRemarkFact[], ctx: { platform: Platform; buyerId?: string; url?: string; origin?: 'saved' | 'seen'; now: number }): Promise<void> {
  if (facts.length === 0) return;
  const settings = await rulesSettings();
  // The order page the remark was on is the item's 打开 (target.ts: money and returns open there first).
  const url = consolePageUrl(ctx.url);
  const withPlatform = await Promise.all(facts.map((f) => masked({ ...f, platform: ctx.platform, ...(ctx.buyerId ? { buyerId: ctx.buyerId } : {}), ...(url ? { url } : {}) })));
  const changed = await applyFollowupRule((existing) => workerExtras().remarks.followupsFromRemarkFacts(withPlatform, existing, settings, ctx.now, ctx.origin === 'saved'), ctx.now);
  if (changed) await announceChange('followups');
}

// Remark facts reach the list whether the remark was saved through the panel or seen on a list.
remarkFactSinks.push(followupRemarkSink);

// ---- verbs --------------------------------------------------------------------------------

/**
 * The agent acted on the item through a verb (the popup's, or a chat panel form's add that reached an
 * item already there): in team mode a colleague's reopen of it is no longer news (followupActedOn).
 * Not waited for: the team page may be opening, and the form's answer does not depend on it.
 */
const actedOn = (id: string): void => void followupActedOn(id).catch(() => 0);

const PROMISE_TAB = 'kf:promise@';
const session = () => (browser.storage as unknown as { session: Storage.StorageArea }).session;

/**
 * A tab's 承诺答复 drafts: one session record per tab, by the id the browser gives the sender (a page
 * never names a tab, so it reaches no other tab's), holding the page origin they were typed on (a
 * console loaded in that tab since gets none of the last one's buyers, and its first keep replaces
 * them). The drafts are the panel's own text, handed back to the same tab only, never read here.
 */
async function tabPromises(ctx: HandlerContext): Promise<[string, string | null, Record<string, string>]> {
  if (ctx.sender !== 'content-script' || ctx.tabId === undefined) throw new InvalidPayload('a console tab only');
  const k = PROMISE_TAB + ctx.tabId;
  const o = pageOrigin(ctx.url);
  const v = (await session().get(k))[k] as { o: string; d: Record<string, string> } | undefined;
  return [k, o, v?.o === o ? v.d : {}];
}

/**
 * A closed tab's drafts go with it: its 承诺答复 drafts, and the buyer card's unsaved notes typed in
 * it (`kf:note-draft@<tab>:<buyer>`, lib/panel/tab-note-drafts.ts), which no other tab ever reads.
 * Registered at every worker start: the close wakes the worker.
 */
export function registerPromiseDraftCleanup(): void {
  browser.tabs.onRemoved.addListener(async (tab) => {
    const card = `kf:note-draft@${tab}:`;
    await session().remove([PROMISE_TAB + tab, ...Object.keys(await session().get()).filter((k) => k.startsWith(card))]);
  });
}

export const followupHandlers: HandlerSet<FollowupsProtocol> = {
  keepPromiseDraft: {
    writes: true,
    content: true,
    async handle({ key, draft }, ctx) {
      const [k, o, d] = await tabPromises(ctx);
      if (draft) d[key] = draft;
      else delete d[key];
      await session().set({ [k]: { o, d } });
    },
  },
  promiseDrafts: {
    content: true,
    handle: async (_, ctx) => Object.entries((await tabPromises(ctx))[2]),
  },
  listFollowups: {
    async handle(payload) {
      const p = payload ? obj(payload, 'listFollowups') : {};
      const perGroup = typeof p.perGroup === 'number' && p.perGroup >= 1 ? Math.min(Math.floor(p.perGroup), 500) : PER_GROUP_DEFAULT;
      if (p.sections !== undefined && (!Array.isArray(p.sections) || p.sections.some((x) => !FOLLOWUP_SECTIONS.includes(x as FollowupSection)))) {
        throw new InvalidPayload('listFollowups: sections');
      }
      const reveal = p.reveal === undefined ? undefined : id(p.reveal, 'listFollowups.reveal');
      const now = Date.now();
      const [items, app] = await Promise.all([loadFollowups(now), loadSettings()]);
      const settings = followupSettingsOf(app);
      const viewer = await handoverViewer(now, settings);
      const list = buildFollowupList(items, now, settings, perGroup, (p.sections as FollowupSection[] | undefined) ?? FOLLOWUP_SECTIONS, viewer, reveal);
      return { ...list, locale: app.shop.locale, settings };
    },
  },
  listFollowupGroup: {
    async handle(payload) {
      const p = obj(payload, 'listFollowupGroup');
      if (!FOLLOWUP_SECTIONS.includes(p.section as FollowupSection)) throw new InvalidPayload('listFollowupGroup: section');
      if (!FOLLOWUP_KINDS.includes(p.kind as FollowupKind)) throw new InvalidPayload('listFollowupGroup: kind');
      const offset = typeof p.offset === 'number' && p.offset >= 0 ? Math.floor(p.offset) : 0;
      const limit = typeof p.limit === 'number' && p.limit >= 1 ? Math.min(Math.floor(p.limit), 1000) : 100;
      const now = Date.now();
      const [items, settings] = await Promise.all([loadFollowups(now), rulesSettings()]);
      const list = sectionsOf(items, now, settings, await handoverViewer(now, settings))[p.section as FollowupSection].filter((f) => f.kind === p.kind);
      return { total: list.length, items: list.slice(offset, offset + limit) };
    },
  },
  updateFollowup: {
    writes: true,
    async handle(payload) {
      const now = Date.now();
      const req = await masked(parseUpdateFollowup(payload, now));
      const settings = await rulesSettings();
      const to = req.action === 'assign' ? await checkHandoverTo(req.to) : null;
      const updated = await changeFollowup(
        req.id,
        (f) => {
          switch (req.action) {
            case 'done':
              return complete(f, now, req.reason);
            case 'snooze':
              return snooze(f, req.until ?? suggestedSnooze(f, now, settings), settings);
            case 'note':
              return addNote(f, req.text);
            case 'reopen':
              return reopen(f, now);
            case 'assign':
              return assignFollowup(f, to, now, settings);
          }
        },
        now,
      ).catch(noteRefused);
      if (!updated) throw new InvalidPayload(`updateFollowup: no item ${req.id}`);
      await announceChange('followups');
      actedOn(updated.id);
      return updated;
    },
  },
  addFollowup: {
    writes: true,
    content: true,
    async handle(payload, ctx) {
      const now = Date.now();
      const req = await masked(parseAddFollowup(payload, now));
      // A seller page may only register what its chat panel offers, for the buyer in front of it.
      if (ctx.sender === 'content-script' && !PANEL_KIND_SET.has(req.kind)) throw new InvalidPayload(`addFollowup: pages may add only ${[...PANEL_KINDS]}`);
      const app = await loadSettings();
      const settings = followupSettingsOf(app);
      const to = await checkHandoverTo(req.toPerson ? { person: req.toPerson } : req.toShift ? { shift: req.toShift } : null);
      const made = itemFor(req, ctx, settings, now, await makerShift(settings));
      const item = await addFollowup(to ? assignFollowup(made, to, now, settings) : made, now).catch(noteRefused);
      await announceChange('followups');
      // The chat panel's forms reach an open item here (a note, a reason, a 中差评 of the same order).
      actedOn(item.id);
      return { ...item, shownTitle: workerExtras().followups.titleIn(item, app.shop.locale) };
    },
  },
  exportFollowupsCsv: {
    async handle() {
      const now = Date.now();
      const [items, app] = await Promise.all([loadFollowups(now), loadSettings()]);
      const settings = followupSettingsOf(app);
      const s = sectionsOf(items, now, settings, await handoverViewer(now, settings));
      const list = [...s.handover, ...s.overdue, ...s.today, ...s.snoozed, ...s.upcoming, ...s.done];
      const stamp = formatWall(now, settings.utcOffsetMinutes).replace(' ', '-').replace(':', '');
      return { filename: `跟进清单-${stamp}.csv`, csv: workerExtras().reports.followupsToCsv(list, now, app.shop.locale, settings), count: list.length };
    },
  },
  openFollowup: {
    async handle(payload) {
      const itemId = id(obj(payload, 'openFollowup').id, 'openFollowup');
      const item = (await loadFollowups()).find((f) => f.id === itemId);
      if (!item) throw new InvalidPayload(`openFollowup: no item ${itemId}`);
      return { url: await openFollowupItem(item) };
    },
  },
  handoverTargets: {
    content: true,
    async handle() {
      const now = Date.now();
      // The configuration read once, for the viewer and for `chosen` (it used to be read for each).
      const [settings, team] = await Promise.all([rulesSettings(), loadTeamConfig()]);
      const viewer = viewerOf(team, now, settings);
      const members = team ? (await loadTeamMembers()).map((m) => m.name).filter((n) => n !== viewer.user) : [];
      const out: HandoverTargets = { shift: viewer.shift, members };
      // The member's own shift (the panel ranks replies by it), not the clock's.
      if (team?.shift) out.chosen = true;
      if (viewer.user) out.me = viewer.user;
      if (allDayShift(settings)) out.allDay = true;
      return out;
    },
  },
  buyerFollowups: {
    async handle(payload) {
      const p = obj(payload, 'buyerFollowups');
      const who = { buyer: normaliseNickname(text(p.nickname, 'buyerFollowups.nickname', NICKNAME_INPUT_MAX, true)), buyerId: buyerIdOf(p.buyerId, 'buyerFollowups') };
      const on = platform(p.platform, 'buyerFollowups');
      const now = Date.now();
      const [items, settings] = await Promise.all([loadFollowups(now), rulesSettings()]);
      // Sorted by due time already; a to-do typed in the popup has no console: its name decides.
      const open = items.filter((f) => f.status !== 'done' && (!f.platform || f.platform === on) && sameBuyer(f, who));
      return { items: open.slice(0, CARD_FOLLOWUPS_MAX), total: open.length, utcOffsetMinutes: settings.utcOffsetMinutes };
    },
  },
  remindedUnpaid: {
    writes: true,
    content: true,
    async handle(p) {
      const out = await workerExtras().followups.reminded(p, { transact, loadLibrary, db, settings: await rulesSettings(), now: Date.now() });
      if (out.ids.length) await announceChange('followups');
      out.ids.forEach(actedOn);
      return out;
    },
  },
  takePendingSuggestion: {
    content: true,
    async handle(payload) {
      const p = obj(payload, 'takePendingSuggestion');
      const buyer = normaliseNickname(text(p.buyer, 'takePendingSuggestion.buyer', NICKNAME_INPUT_MAX, true));
      if (!buyer) throw new InvalidPayload('takePendingSuggestion.buyer: required');
      const who = { buyer, buyerId: buyerIdOf(p.buyerId, 'takePendingSuggestion') };
      const taken = await takePendingSuggestion(who, platform(p.platform, 'takePendingSuggestion'));
      // '': opened from the list with no situation to show.
      return taken && (isScenarioId(taken.scenario) ? taken.scenario : '');
    },
  },
};
