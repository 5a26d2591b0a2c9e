/**
 * Buyer-notes verbs. A seller page's content script may read and write the buyer of its own
 * platform (getCustomer, patchCustomer, addCustomerEvent); lists, exports, imports and deletes are
 * for extension pages. Free text is masked on save (settings.privacy.maskPii) by the domain.
 * Besides the verbs, two sinks record history the agent did not type: orders seen on an order page
 * (orders.ts) and remarks saved through the panel (rules.ts).
 */
import { announceChange } from '../client';
import { workerExtras } from '../../background/extras';
import { vipRevisits } from '../../background/followup-jobs';
import { loadFollowups } from '../../storage/followups';
import { db } from '../../storage/db';
import { InvalidPayload, UploadLost, obj, type HandlerContext, type HandlerSet } from './types';
import { GET_CUSTOMERS_MAX, type AddCustomerEventRequest, type AppendField, type BuyerRef, type CustomersProtocol, type PageEventKind } from '../protocol-customers';
import type { SeenOrder } from '../protocol-orders';
import {
  appendWith,
  patchWith,
  type Mask,
  BUYER_ID_MAX,
  customerKey,
  IMPORT_MAX,
  LIMITS,
  makeEvent,
  makeEventId,
  normaliseBuyerId,
  normaliseNickname,
  tagsOver,
  orderSeenEvent,
  PLATFORMS,
  SEGMENTS,
  type Customer,
  type CustomerPatch,
  type Segment,
} from '../../domain/customers';
import {
  countCustomers,
  customersReady,
  attachOldRecordStored,
  countExpiredCustomers,
  deleteAllCustomers,
  deleteCustomer,
  dismissOldRecord,
  editStoredCustomer,
  getCustomer,
  identifyBuyer,
  importCustomerRecords,
  underClaimedIds,
  oldRecordFor,
  previewBuyer,
  purgeExpiredCustomers,
  resolveByName,
  scanCustomers,
  type ScanPage,
  targetKey,
  touchCustomer,
  updateCustomer,
  updateCustomers,
  upgradeStoredCustomers,
  type Target,
} from '../../storage/customers';
import { loadSettings, shopZone } from '../../storage/settings';
import { startOfDay, type Zone } from '../../domain/time';
import { loadPicks, oldPicks } from '../../storage/learned';
import { listRemarkOverrides } from '../../storage/rules';
import { forgetInBackups, safetyCopyBefore, writeOrPutBack } from './backup';
import { forgetBuyersElsewhere } from './forget-buyers';
import type { Forget, ForgetBuyer, ForgetOptions, OpenItems } from '../../domain/customers/forget';
import type { CheckedQuery } from '../../domain/customers/query';
import type { Platform } from '../../sites';
import { pagePlatform } from '../sender';

/** lastSeenAt is moved at most this often per buyer (it only feeds the retention period). */
const SEEN_EVERY_MS = 60 * 60 * 1000;
const EXPORT_PAGE_MAX = 5000;
/** Records one list call looks at, at most: a search over 100 000 buyers is ~20 bounded calls. */
const SCAN_PER_CALL = 5000;

const isPlatform = (x: unknown): x is Platform => (PLATFORMS as readonly unknown[]).includes(x);

function text(v: unknown, what: string, max: number): string {
  if (typeof v !== 'string' || v.length > max) throw new InvalidPayload(`${what}: expected text of at most ${max} characters`);
  return v;
}

/** Raw nickname text accepted from a payload (normalised and cut to LIMITS.nickname afterwards). */
const NICKNAME_INPUT_MAX = LIMITS.nickname * 4;

/**
 * A buyer named by a payload: platform, nickname (normalised: normaliseNickname) and the console's
 * id when the page has one (`buyerId`, normalised: normaliseBuyerId). The key is derived from these
 * here, never taken from the payload.
 */
export function parseBuyer(payload: unknown, verb: string, ctx: HandlerContext): BuyerRef & { buyerId?: string } & Record<string, unknown> {
  const p = obj(payload, verb);
  if (!isPlatform(p.platform)) throw new InvalidPayload(`${verb}: platform`);
  const nickname = normaliseNickname(text(p.nickname, `${verb}: nickname`, NICKNAME_INPUT_MAX));
  if (!nickname) throw new InvalidPayload(`${verb}: nickname`);
  let buyerId: string | undefined;
  if (p.buyerId !== undefined && p.buyerId !== null) {
    buyerId = normaliseBuyerId(text(p.buyerId, `${verb}: buyerId`, BUYER_ID_MAX)) ?? undefined;
    if (!buyerId) throw new InvalidPayload(`${verb}: buyerId`);
  }
  // A seller page may only touch buyers of its own platform (the URL is the browser's, not the page's).
  if (ctx.sender === 'content-script' && pagePlatform(ctx.url) !== p.platform) {
    throw new InvalidPayload(`${verb}: a page may only use buyers of its own platform`);
  }
  const out: BuyerRef & { buyerId?: string } & Record<string, unknown> = { ...p, platform: p.platform, nickname };
  if (buyerId) out.buyerId = buyerId;
  else delete out.buyerId;
  return out;
}

/**
 * A page's buyer with a console id: the id's record takes over a nickname-only record of that
 * name where that is safe, and follows a changed name (identifyBuyer). Announced when it moved
 * anything, so other views show the joined record.
 */
async function identify(t: Target, now: number): Promise<void> {
  if (!t.buyerId) return;
  const r = await identifyBuyer(t, now);
  if (r.adopted || r.renamed) await announceChange('customers');
}

/** The buyer a page opened: identified by id first (identifyBuyer), then read; lastSeenAt moved at most hourly. */
async function openCustomer(p: ReturnType<typeof parseBuyer>): Promise<Customer | null> {
  await customersReady();
  const key = targetKey(p);
  const now = Date.now();
  await identify(p, now);
  const c = await getCustomer(key, now);
  // Not awaited and not announced: lastSeenAt only feeds the retention period.
  if (c && p.seen === true && now - c.lastSeenAt > SEEN_EVERY_MS) void touchCustomer(key, now).catch(() => {});
  return c;
}

/** A buyer the console names by id (the old-record verbs are about such a buyer only). */
function parseIdentified(payload: unknown, verb: string, ctx: HandlerContext): Target & { buyerId: string } {
  const p = parseBuyer(payload, verb, ctx);
  if (!p.buyerId) throw new InvalidPayload(`${verb}: buyerId is required`);
  return { platform: p.platform, nickname: p.nickname, buyerId: p.buyerId };
}

function strings(v: unknown, what: string, maxItems: number, maxLen: number): string[] {
  if (!Array.isArray(v) || v.length > maxItems || !v.every((x) => typeof x === 'string' && x.length <= maxLen)) {
    throw new InvalidPayload(`${what}: expected a list of text`);
  }
  return v as string[];
}

/** The text fields a page may append a line to (limits: LIMITS). */
const APPEND_FIELDS: readonly AppendField[] = ['preferences', 'addressNote', 'note'];

export function parsePatch(v: unknown): CustomerPatch {
  const p = obj(v, 'patchCustomer.patch');
  const out: CustomerPatch = {};
  for (const k of Object.keys(p)) {
    if (!['tags', 'sizes', 'preferences', 'addressNote', 'note', 'segment'].includes(k)) throw new InvalidPayload(`patchCustomer: unknown field ${k}`);
  }
  // Refused, not cut: the forms say before saving which tag is too long or how many are too many.
  if (p.tags !== undefined && tagsOver((out.tags = strings(p.tags, 'patchCustomer: tags', 100, 100)))) throw new InvalidPayload('patchCustomer: tags over LIMITS');
  for (const k of APPEND_FIELDS) if (p[k] !== undefined) out[k] = text(p[k], `patchCustomer: ${k}`, LIMITS[k]);
  if (p.segment !== undefined) {
    if (p.segment !== null && !(SEGMENTS as readonly unknown[]).includes(p.segment)) throw new InvalidPayload('patchCustomer: segment');
    out.segment = p.segment as Segment | null;
  }
  if (p.sizes !== undefined) {
    const s = obj(p.sizes, 'patchCustomer: sizes');
    const sizes: NonNullable<CustomerPatch['sizes']> = {};
    for (const [k, val] of Object.entries(s)) {
      // null clears a size; anything else must be of the size's kind.
      const ok =
        k === 'usualSize'
          ? val === null || (typeof val === 'string' && val.length <= LIMITS.usualSize)
          : ['heightCm', 'weightKg', 'shoeSize', 'bustCm', 'waistCm'].includes(k) && (val === null || (typeof val === 'number' && Number.isFinite(val)));
      if (!ok) throw new InvalidPayload(`patchCustomer: sizes.${k}`);
      (sizes as Record<string, unknown>)[k] = val;
    }
    out.sizes = sizes;
  }
  return out;
}


/** Adds a line to a text field (skipped when the field already ends with it). */
function appended(current: string, add: string): string {
  const line = add.trim();
  if (!line) return current;
  const lines = current.split('\n');
  if (lines.includes(line)) return current;
  return current ? `${current}\n${line}` : line;
}

const PAGE_EVENTS: readonly PageEventKind[] = ['note', 'template-used', 'issue', 'followup-done'];

/**
 * A page event. Its id: the same template used for the same buyer on the same shop day (`zone`,
 * shopZone) is one event;
 * anything else is named by the call's `rid` where there is one, so a resent call (a worker stopped
 * before answering) adds it once.
 */
export function pageEvent(req: Pick<AddCustomerEventRequest, 'kind' | 'text' | 'ref'>, now: number, zone: Zone, rid?: string) {
  const e = makeEvent(req.kind, now, req.text.trim(), req.ref);
  if (req.kind === 'template-used') e.id = makeEventId('template-used', startOfDay(now, zone), req.text.trim(), req.ref);
  else if (rid) e.id = `r-${rid}`;
  return e;
}

/** A list, search or export query, checked in the extras (readCustomerQuery: options-page verbs only). */
function parseQuery(payload: unknown, verb: string, pageMax?: number): CheckedQuery {
  const q = workerExtras().customers.readCustomerQuery(payload, verb, pageMax);
  if ('problem' in q) throw new InvalidPayload(q.problem);
  return q;
}

async function list(q: CheckedQuery) {
  await customersReady();
  const query = q.query?.trim() ?? '';
  // The search's matching, like the query's check, is the options page's alone: in the extras.
  const { matchesQuery } = workerExtras().customers;
  const filter =
    query || q.segment ? (c: Customer) => (!q.segment || c.segment === q.segment) && (!query || matchesQuery(c, query)) : undefined;
  return withTotal(q.after, scanCustomers({ after: q.after, limit: q.limit, maxScan: SCAN_PER_CALL, ...(filter ? { filter } : {}) }));
}

/**
 * A page with the count of buyers on a list's first call only: IndexedDB counts by walking every
 * record (at 20,000 buyers that cost more than the page itself), so a page continued from `after`
 * costs what a page is and the page keeps the total its first call gave (undefined is not sent).
 */
const withTotal = (after: string | undefined, scan: Promise<ScanPage>) =>
  Promise.all([scan, after ? undefined : countCustomers()]).then(([p, total]) => ({ items: p.items, next: p.next, total }));

// Large imports arrive in parts; they are held here (never written) until importCustomers.
const STAGE_TTL_MS = 10 * 60 * 1000;
const staged = new Map<string, { entries: unknown[]; at: number }>();

function dropStale(now: number): void {
  for (const [id, s] of staged) if (now - s.at > STAGE_TTL_MS) staged.delete(id);
}

function openItems(v: unknown): OpenItems {
  if (v === undefined || v === 'keep' || v === 'delete') return v ?? 'keep';
  throw new InvalidPayload('openFollowups: delete or keep');
}

/**
 * Who a delete is about: the buyer it names, as their record knows them too (it may show another
 * name by now); none named, everyone, with every stored buyer's name (read before they go).
 */
async function forgetting(p?: ReturnType<typeof parseBuyer>): Promise<Forget & { key?: string; c?: Customer | null }> {
  if (!p) {
    const all: string[] = [];
    let after: string | undefined;
    do {
      const page = await scanCustomers({ after, limit: EXPORT_PAGE_MAX });
      all.push(...page.items.map((c) => c.nickname));
      after = page.next ?? undefined;
    } while (after !== undefined);
    return { all };
  }
  const key = targetKey(p);
  const c = await getCustomer(key);
  const buyers: ForgetBuyer[] = [{ platform: p.platform, nickname: p.nickname, buyerId: p.buyerId ?? null, key }];
  if (c && c.nickname !== p.nickname) buyers.push({ ...buyers[0]!, nickname: c.nickname });
  return { buyers, key, c };
}

/**
 * A customers file (its head sent last) with the entries staged ahead for `upload` before its own;
 * the staged parts are taken once. Refused (UploadLost, nothing written) when they are not all here —
 * fewer than the `count` the page sent (a worker started again while they came holds only the later
 * parts), or none (expired, or the worker started again after the last).
 */
export function withStaged(head: unknown, upload: unknown, verb: string, count?: unknown): unknown {
  const id = text(upload, `${verb}: upload`, 64);
  const parts = staged.get(id);
  staged.delete(id);
  if (!parts || (count !== undefined && parts.entries.length !== count)) throw new UploadLost(`${verb}: ${parts?.entries.length ?? 0} of ${String(count ?? '?')} staged buyers here`);
  const file = obj(head, `${verb}.json`);
  return { ...file, customers: [...parts.entries, ...(Array.isArray(file.customers) ? file.customers : [])] };
}

/**
 * Deleted means deleted: buyers deleted from the store (and the claims of their names) also leave
 * the local backups, and so does what else holds them (follow-ups, picks, the override log).
 */
async function forgotten(keys: string[] | 'all', nameKeys: string[] | 'all', who: Forget, open: OpenItems, now = Date.now(), opts?: ForgetOptions) {
  await forgetInBackups('customers', keys);
  await forgetInBackups('buyer-names', nameKeys);
  return forgetBuyersElsewhere(who, open, now, opts);
}

/** maskPii (from worker-extras.js: needed at a save only) while the shop masks, else null. */
async function masking(): Promise<Mask> {
  return (await loadSettings()).privacy.maskPii ? workerExtras().privacy.maskPii : null;
}

export const customersHandlers: HandlerSet<CustomersProtocol> = {
  getCustomer: {
    content: true,
    handle: (payload, ctx) => openCustomer(parseBuyer(payload, 'getCustomer', ctx)),
  },
  getCustomers: {
    async handle(payload, ctx) {
      await customersReady();
      const p = obj(payload, 'getCustomers');
      if (!Array.isArray(p.buyers) || p.buyers.length > GET_CUSTOMERS_MAX) throw new InvalidPayload(`getCustomers: buyers (a list of at most ${GET_CUSTOMERS_MAX})`);
      // All parsed before any is read: a bad entry answers `invalid` for the whole call.
      const targets = p.buyers.map((b: unknown) => parseBuyer({ ...obj(b, 'getCustomers: buyers'), platform: p.platform }, 'getCustomers', ctx));
      const now = Date.now();
      return Promise.all(targets.map((t) => previewBuyer(t, now)));
    },
  },
  patchCustomer: {
    writes: true,
    content: true,
    async handle(payload, ctx) {
      await customersReady();
      const p = parseBuyer(payload, 'patchCustomer', ctx);
      const patch = p.patch === undefined ? {} : parsePatch(p.patch);
      const append: Partial<Record<AppendField, string>> = {};
      if (p.append !== undefined) {
        const a = obj(p.append, 'patchCustomer.append');
        for (const [k, v] of Object.entries(a)) {
          if (!APPEND_FIELDS.includes(k as AppendField)) throw new InvalidPayload(`patchCustomer: append.${k}`);
          append[k as AppendField] = text(v, `patchCustomer: append.${k}`, LIMITS[k as AppendField]);
        }
      }
      const mask = await masking();
      const now = Date.now();
      await identify(p, now);
      let over = '';
      const { customer, changed } = await updateCustomer(
        p,
        (c) => {
          // Appends are computed from the stored record, inside the transaction.
          const full: CustomerPatch = { ...patch };
          for (const [field, add] of Object.entries(append) as [AppendField, string][]) {
            full[field] = appended(patch[field] ?? c[field], add);
          }
          const next = patchWith(c, full, now, mask);
          // A text an append takes past its limit is refused, never cut: the reason code names the
          // field and by how much, for the card to say (lib/panel/customers.ts, appendRefused).
          for (const f of APPEND_FIELDS) {
            const by = next[f].length - LIMITS[f];
            if (by > 0 && next[f] !== c[f]) over = `long.${f} ${by}`;
          }
          return over ? c : next;
        },
        now,
      );
      if (over) throw new InvalidPayload(over);
      if (changed) await announceChange('customers');
      return customer;
    },
  },
  addCustomerEvent: {
    writes: true,
    content: true,
    async handle(payload, ctx) {
      await customersReady();
      const p = parseBuyer(payload, 'addCustomerEvent', ctx);
      if (!(PAGE_EVENTS as readonly unknown[]).includes(p.kind)) throw new InvalidPayload('addCustomerEvent: kind');
      const body = text(p.text, 'addCustomerEvent: text', LIMITS.pageEvent).trim();
      if (!body) throw new InvalidPayload('addCustomerEvent: text is empty');
      const ref = p.ref === undefined ? undefined : text(p.ref, 'addCustomerEvent: ref', 80);
      const mask = await masking();
      const now = Date.now();
      const event = pageEvent({ kind: p.kind as PageEventKind, text: body, ref }, now, shopZone(await loadSettings()), ctx.rid);
      await identify(p, now);
      const { customer, changed } = await updateCustomer(p, (c) => appendWith(c, event, mask), now);
      if (changed) await announceChange('customers');
      return customer;
    },
  },
  listCustomers: { handle: (payload) => list(parseQuery(payload, 'listCustomers')) },
  searchCustomers: {
    handle(payload) {
      const q = parseQuery(payload, 'searchCustomers');
      if (q.query === undefined) throw new InvalidPayload('searchCustomers: query');
      return list(q);
    },
  },
  exportCustomers: {
    async handle(payload) {
      await customersReady();
      const { after, limit } = parseQuery(payload, 'exportCustomers', EXPORT_PAGE_MAX);
      return withTotal(after, scanCustomers({ after, limit }));
    },
  },
  exportCustomer: {
    async handle(payload, ctx) {
      await customersReady();
      // Everything deleting the buyer would take (forgetting: by the name asked and the record's own).
      return workerExtras().customers.buyerData(await forgetting(parseBuyer(payload, 'exportCustomer', ctx)), [loadFollowups, listRemarkOverrides, loadPicks, db]);
    },
  },
  stageCustomersImport: {
    async handle(payload) {
      await customersReady();
      const p = obj(payload, 'stageCustomersImport');
      const upload = text(p.upload, 'stageCustomersImport: upload', 64);
      if (!/^[\w-]+$/.test(upload)) throw new InvalidPayload('stageCustomersImport: upload');
      if (!Array.isArray(p.customers)) throw new InvalidPayload('stageCustomersImport: customers');
      const now = Date.now();
      dropStale(now);
      const s = staged.get(upload) ?? { entries: [], at: now };
      // A part that does not follow the ones held (`from`: where it starts in the file): the earlier
      // ones went with a stopped worker, and the file would be imported without them.
      if (p.from !== undefined && p.from !== s.entries.length) {
        staged.delete(upload);
        throw new UploadLost(`stageCustomersImport: part from ${String(p.from)}, ${s.entries.length} held`);
      }
      if (s.entries.length + p.customers.length > IMPORT_MAX) {
        staged.delete(upload);
        throw new InvalidPayload(`stageCustomersImport: more than ${IMPORT_MAX} customers`);
      }
      for (const e of p.customers) s.entries.push(e);
      s.at = now;
      staged.set(upload, s);
      return { staged: s.entries.length };
    },
  },
  importCustomers: {
    writes: true,
    async handle(payload) {
      await customersReady();
      const p = obj(payload, 'importCustomers');
      const json = p.upload === undefined ? p.json : withStaged(p.json, p.upload, 'importCustomers', p.count);
      const now = Date.now();
      // In the shop's language, masked as a typed note is saved when the shop masks.
      const parsed = workerExtras().customers.parseCustomersImport(json, now, await loadSettings());
      if (!parsed.ok) return { ok: false, errors: parsed.errors };
      // A record from before its buyer was joined to a console id goes to that id's record.
      const list = await underClaimedIds(parsed.customers, now);
      // The records merge into those here: what was here first goes to 备份, so the import can be
      // undone. Not when nothing would change: a needless safety copy pushes out the oldest one.
      let counts = await importCustomerRecords(list, now, true);
      const backedUp = counts.added + counts.updated > 0;
      const copy = backedUp ? await safetyCopyBefore('before-import-customers') : null;
      // The records go in one transaction; their name claims and revisits after them: should one of
      // those fail, the buyers, claims and follow-ups are put back from the copy.
      const written: Customer[] = [];
      const revisits = await writeOrPutBack(() => copy, ['customers', 'buyer-names', 'followups'], async () => {
        if (copy) {
          counts = await importCustomerRecords(list, now, false, written);
          await announceChange('customers');
        }
        // Imported VIPs last seen long ago get their revisits now (theirs only: a scan of every buyer
        // took seconds at 30,000): the agent is told how many and until when.
        return workerExtras().vip.scheduleRevisits(now, { loadFollowups, vipRevisits: (t) => vipRevisits(t, written) });
      });
      if (!Array.isArray(revisits)) return revisits;
      return { ok: true, count: parsed.customers.length, ...counts, backedUp, over: parsed.over, ...(revisits.length ? { revisits } : {}) };
    },
  },
  deleteCustomer: {
    async handle(payload, ctx) {
      await customersReady();
      const p = parseBuyer(payload, 'deleteCustomer', ctx);
      const open = openItems(p.openFollowups);
      const who = await forgetting(p);
      const { deleted, nameKeys } = await deleteCustomer(who.key!);
      const forgot = await forgotten([who.key!], nameKeys, who, open);
      if (deleted) await announceChange('customers');
      return { deleted, ...forgot };
    },
  },
  deleteAllCustomers: {
    async handle(payload) {
      await customersReady();
      const p = obj(payload, 'deleteAllCustomers');
      if (p.confirm !== true) throw new InvalidPayload('deleteAllCustomers: confirm');
      const open = openItems(p.openFollowups);
      const who = await forgetting();
      // Personal data: delete-all also clears the buyers from local backups (the page asks for
      // confirmation and offers an export first), so nothing of them is left on the machine.
      const deleted = await deleteAllCustomers({ teamToo: true });
      const forgot = await forgotten('all', 'all', who, open);
      await announceChange('customers');
      return { deleted, ...forgot };
    },
  },
  previewBuyerDeletion: {
    async handle(payload, ctx) {
      await customersReady();
      const p = obj(payload, 'previewBuyerDeletion');
      const who = await forgetting(p.buyer === undefined ? undefined : parseBuyer(p.buyer, 'previewBuyerDeletion', ctx));
      const counts = await forgetBuyersElsewhere(who, 'delete', Date.now(), { dryRun: true });
      return { buyers: 'all' in who ? who.all.length : who.c ? 1 : 0, ...counts };
    },
  },
  editCustomer: {
    writes: true,
    async handle(payload, ctx) {
      await customersReady();
      const p = parseBuyer(payload, 'editCustomer', ctx);
      const patch = parsePatch(p.patch);
      const mask = await masking();
      const now = Date.now();
      const { customer, changed } = await editStoredCustomer(p, (c) => patchWith(c, patch, now, mask), now);
      if (changed) await announceChange('customers');
      return customer;
    },
  },
  previewRetention: {
    async handle(payload) {
      const days = obj(payload, 'previewRetention').days;
      if (!Number.isInteger(days) || (days as number) < 0) throw new InvalidPayload('previewRetention: days');
      await customersReady();
      const now = Date.now();
      const [customers, learned] = await Promise.all([countExpiredCustomers(now, days as number), oldPicks(now, days as number)]);
      return { customers, learned: learned.length };
    },
  },
  // The card frame (an extension page) only: a seller page never learns of, or moves, other records.
  getBuyerCard: {
    async handle(payload, ctx) {
      const p = parseBuyer(payload, 'getBuyerCard', ctx);
      // The old record after the card (openCustomer identifies the buyer first: a name it joined
      // to the id is nothing to offer any more).
      return { customer: await openCustomer(p), old: p.buyerId ? await oldRecordFor(p as Target & { buyerId: string }) : null };
    },
  },
  attachOldBuyerRecord: {
    writes: true,
    async handle(payload, ctx) {
      await customersReady();
      const t = parseIdentified(payload, 'attachOldBuyerRecord', ctx);
      const r = await attachOldRecordStored(t, Date.now());
      // Other tabs (and this card) refetch: the old record is gone, its notes are this buyer's.
      if (r.attached) await announceChange('customers');
      return r;
    },
  },
  dismissOldBuyerRecord: {
    async handle(payload, ctx) {
      await customersReady();
      await dismissOldRecord(parseIdentified(payload, 'dismissOldBuyerRecord', ctx));
      await announceChange('customers');
      return { dismissed: true as const };
    },
  },
};

// ---- sinks: history the agent did not type ----------------------------------------------------

/**
 * reportOrders sink: one 'order-seen' event per order, every buyer of the page in one transaction.
 * A row with the console's buyer id goes to that id's record; a row with a name only goes where
 * resolveByName puts it (README.md, "Buyer identity").
 */
export async function recordOrdersSeen(platform: Platform, orders: SeenOrder[], now: number): Promise<void> {
  await customersReady();
  const rows = orders.filter((o) => normaliseNickname(o.buyer));
  const targets = await resolveByName(rows.map((o): Target => ({ platform, nickname: o.buyer, buyerId: o.buyerId ?? null })));
  const byKey = new Map<string, { target: Target; orders: SeenOrder[] }>();
  rows.forEach((o, i) => {
    const target = targets[i]!;
    const key = targetKey(target);
    const entry = byKey.get(key) ?? { target, orders: [] };
    entry.orders.push(o);
    byKey.set(key, entry);
  });
  if (!byKey.size) return;
  const { changed } = await updateCustomers(
    [...byKey.values()].map((e) => e.target),
    (c) => (byKey.get(c.key)?.orders ?? []).reduce((acc, o) => appendWith(acc, orderSeenEvent(o.orderId, o.createdAt ?? now), null), c),
    now,
  );
  if (changed.length) await announceChange('customers');
}

/** The newest non-empty line of a remark box: what the agent just wrote. */
function newestLine(remark: string): string {
  const lines = remark.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? '';
}

/**
 * Remark-fact sink (rules.ts): a remark saved through the panel becomes a 'remark-saved' event in
 * the buyer's history. Remarks merely seen on an order list are not history (they were saved
 * elsewhere, and lists are re-read often).
 */
export async function recordRemarkSaved(
  _facts: unknown[],
  ctx: { platform: Platform; orderId: string; buyer: string; buyerId?: string; text: string; origin: 'saved' | 'seen'; now: number },
): Promise<void> {
  if (ctx.origin !== 'saved' || !normaliseNickname(ctx.buyer)) return;
  await customersReady();
  const line = newestLine(ctx.text);
  if (!line) return;
  const mask = await masking();
  const [target] = await resolveByName([{ platform: ctx.platform, nickname: ctx.buyer, buyerId: ctx.buyerId ?? null }]);
  const { changed } = await updateCustomer(
    target!,
    (c) => appendWith(c, makeEvent('remark-saved', ctx.now, line, ctx.orderId), mask),
    ctx.now,
  );
  if (changed) await announceChange('customers');
}

// ---- daily job (lib/background/alarms.ts) -----------------------------------------------------

/**
 * Upgrades records left in an older shape, then purges buyers untouched for the shop's retention
 * period (settings.privacy.retentionDays; 0 = keep forever). Returns how many were purged.
 *
 * A purge deletes as 客户档案 → 删除 does (forgetBuyersElsewhere): the record, its name claims and
 * what else holds the buyer, live and in every backup. There is no one to ask, so the buyer's open
 * follow-ups are kept anonymous (work still owed; never silently dropped) and their done ones
 * deleted. While the shop masks numbers, every follow-up the purge passes over is masked too, so
 * text stored before masking existed does not keep a phone or ID number in clear.
 */
export async function customersDailyJob(now: number): Promise<number> {
  const upgraded = await upgradeStoredCustomers(now);
  const { retentionDays, maskPii } = (await loadSettings()).privacy;
  const { buyers, nameKeys } = await purgeExpiredCustomers(now, retentionDays);
  if (retentionDays > 0 && (buyers.length || maskPii)) await forgotten(buyers.map((b) => b.key), nameKeys, { buyers }, 'keep', now, { mask: maskPii, local: true });
  if (upgraded || buyers.length) await announceChange('customers');
  return buyers.length;
}
