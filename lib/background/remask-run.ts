/**
 * Once after an update, at the first worker start that finds the work not done
 * (entrypoints/background.ts → handlers/data.ts `upgradeStoredPrivacy`), what older versions stored
 * is stored as this version would store it:
 *
 * - While the shop masks (隐私 → 遮盖): every buyer's notes, fields, tags and history lines, every
 *   follow-up's typed words and the remark override log's entries are masked with the rules of now
 *   (maskPii) — live and in every local backup. What it is about: the door of a street address
 *   (文三路88号3幢201室) is masked since 2026-12-06; a note or follow-up saved before kept it in clear
 *   until edited. A backup is kept in this extension's origin, is restored whole and is scrubbed by a
 *   buyer's deletion like the live stores: it is the shop's copy of its past work, not an archive to
 *   keep as it was, and it holds nothing masking takes that the work needs (the road, district and
 *   city stay; the full address is on the platform's order). So it is masked too, or a restore
 *   would bring the doors back. With masking off nothing is changed and nothing recorded: the first
 *   start with masking on does it.
 * - Whatever the shop masks: every taught site is stored as it is read now, its title without
 *   5+-digit runs and its address without query, fragment and data-holding path segments
 *   (lib/sites/taught/page.ts), and its title without the nicknames of the buyers stored here
 *   (lib/sites/taught/old-title.ts: long enough, standing as a whole part of it; a backup's site
 *   also without its own buyers'), live and in the backups.
 *
 * Each part is recorded as done in `meta` once all of it is written (lib/storage/privacy-upgrade.ts: `privacy:remasked`
 * holds the version of the rules it ran with, `taughtSites:stripped` SITES_STRIPPED_VERSION). Every step reads and writes in one transaction per batch or
 * snapshot, and masking is idempotent, so a worker stopped half-way does it again from the start at
 * its next start and changes nothing twice, and an edit made meanwhile is kept. Only the stored text
 * changes: no `updatedAt` (a buyer's retention period counts from the agent's last edit), nothing else.
 *
 * Team mode. A follow-up re-masked is queued for the team like any edit (every member may write an
 * item), as the update-time follow-up pass before it did. So is a buyer (since 2026-12-06): its
 * profile goes up as this machine stores it, masked, with its field times, so the server's current
 * revision loses the door once and a colleague's later edit still wins the merge (lib/team/docs.ts
 * `maskedBuyerBody`; two machines sending the same masked profile write one revision). Its history
 * lines are not: the team's notes are append-only events nobody may rewrite (lib/team/validate.ts),
 * so the server keeps them as written, and every machine masks its own copy here and what it pulls
 * (lib/team/storage-bridge.ts). A taught site is the supervisor's to write (an agent's change is
 * refused): nothing is sent; every machine reads the shop's copy through the same stripping
 * (record.ts `validatePicks`), and the supervisor's next edit sends it stripped.
 * Run from worker-extras.js, lent the 全部数据 verbs' `io`.
 */
import type { AllDataIO } from './all-data-run';
import { listSnapshots } from './backups-run';
import { changedOrNull, maskedEntries, maskedFollowup, maskedFollowupEntries } from './followups-mask-run';
import { maskedOverrides } from './overrides-mask-run';
import { maskRecord } from '../domain/customers/customer';
import { customerFromV0, migrateCustomer } from '../domain/customers/migrate';
import { parseTaughtSite } from '../sites/taught/record';
import { titleWithoutNames } from '../sites/taught/old-title';
import type { Customer } from '../domain/customers';
import type { Snapshot } from '../domain/backups';
import { REMASK_KEY, REMASK_VERSION, SITES_STRIPPED_KEY as SITES_KEY, SITES_STRIPPED_VERSION } from '../storage/privacy-upgrade';

const SITES = 'taughtSites';

export type RemaskIO = Pick<AllDataIO, 'db' | 'keys' | 'loadSettings' | 'restoreIO' | 'announceChange' | 'transact' | 'rewriteStoredCustomers'>;

/** `c` masked, or null when masking changes nothing. */
export function maskedCustomer(c: Customer): Customer | null {
  return changedOrNull(c, maskRecord(c));
}

/** A snapshot's buyers masked (maskedEntries). */
export function maskedCustomerEntries(entries: [string, unknown][], now: number): [string, unknown][] {
  return maskedEntries(entries, (raw) => migrateCustomer(raw, now, customerFromV0), maskedCustomer);
}

/**
 * The stored taught sites (`{ v, sites }`) with each readable site's name and address as they are
 * read now (parseTaughtSite strips them), and its name without the buyer nicknames in `names`
 * (old-title.ts: an older version kept the title of the chat open while teaching); everything else
 * of every site, and a site that cannot be read, as it is. The same value when nothing changes.
 */
export function strippedSites(raw: unknown, names: Iterable<string> = []): unknown {
  const r = raw as { sites?: unknown } | null;
  if (!r || typeof r !== 'object' || !r.sites || typeof r.sites !== 'object' || Array.isArray(r.sites)) return raw;
  const known = [...names];
  let changed = false;
  const sites: Record<string, unknown> = {};
  for (const [origin, site] of Object.entries(r.sites as Record<string, unknown>)) {
    const read = parseTaughtSite(site);
    const s = site as { name?: unknown; url?: unknown };
    const name = read ? titleWithoutNames(read.name, known, new URL(read.url).host) : '';
    if (read && (name !== s.name || read.url !== s.url)) {
      sites[origin] = { ...s, name, url: read.url };
      changed = true;
    } else sites[origin] = site;
  }
  return changed ? { ...r, sites } : raw;
}

/**
 * The buyer nicknames stored in these records: each buyer's `nickname` and each name claim's
 * (`buyer-names`, keyed `platform:nickname`).
 */
export function storedNicknames(customers: readonly unknown[], claimKeys: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const c of customers) {
    const n = (c as { nickname?: unknown } | null)?.nickname;
    if (typeof n === 'string' && n) out.add(n);
  }
  for (const k of claimKeys) {
    const at = k.indexOf(':');
    if (at > 0 && at < k.length - 1) out.add(k.slice(at + 1));
  }
  return out;
}

/** One meta record in a snapshot's list, edited; the same list when nothing changes. */
function metaEdited(entries: [string, unknown][], key: string, edit: (raw: unknown) => unknown): [string, unknown][] {
  const at = entries.findIndex(([k]) => k === key);
  if (at < 0) return entries;
  const next = edit(entries[at]![1]);
  return next === entries[at]![1] ? entries : entries.map((e, i): [string, unknown] => (i === at ? [key, next] : e));
}

/**
 * Every snapshot's stores edited, each snapshot read and written in one transaction (a buyer deleted
 * meanwhile, which rewrites the snapshots too, is not brought back). Its listing stays: counts do not
 * change. Whether any snapshot changed.
 */
async function editEverySnapshot(io: RemaskIO, edit: (stores: Snapshot['stores']) => Snapshot['stores']): Promise<boolean> {
  let changed = false;
  for (const { id } of await listSnapshots(io.restoreIO)) {
    const s = await io.db.get<Snapshot>('backups', id);
    if (!s || s.v !== 1 || !s.stores || edit(s.stores) === s.stores) continue;
    await io.db.update<Snapshot | undefined>('backups', id, (now) => {
      if (!now || now.v !== 1 || !now.stores) return now;
      const stores = edit(now.stores);
      if (stores === now.stores) return now;
      changed = true;
      return { ...now, stores };
    });
  }
  return changed;
}

/** A snapshot's stores with `edit` applied to one of them; the same object when nothing changes. */
const inStore =
  (name: keyof Snapshot['stores'], edit: (entries: [string, unknown][]) => [string, unknown][]) =>
  (stores: Snapshot['stores']): Snapshot['stores'] => {
    const before = stores[name];
    if (!Array.isArray(before)) return stores;
    const after = edit(before);
    return after === before ? stores : { ...stores, [name]: after };
  };

/** True when anything ran (open pages were told what changed). */
export async function upgradeStoredPrivacy(io: RemaskIO, now = Date.now()): Promise<boolean> {
  const { db, keys } = io;
  const [masked, stripped] = await Promise.all([db.get('meta', REMASK_KEY), db.get('meta', SITES_KEY)]);
  const told = new Set<Parameters<RemaskIO['announceChange']>[0]>();
  let ran = false;
  if (stripped !== SITES_STRIPPED_VERSION) {
    // Every nickname stored here now; a backup's own buyers' too (one deleted since is in no live store).
    const [customers, claims] = await Promise.all([db.values<unknown>('customers'), db.keys('buyer-names')]);
    const live = storedNicknames(customers, claims);
    if ((await db.get('meta', SITES)) !== undefined) {
      let changed = false;
      await db.update<unknown>('meta', SITES, (raw) => {
        const next = strippedSites(raw, live);
        changed = next !== raw;
        return next;
      });
      if (changed) told.add('sites');
    }
    const inSnapshot = (stores: Snapshot['stores']) => {
      const names = storedNicknames(
        Array.isArray(stores.customers) ? stores.customers.map((e) => e?.[1]) : [],
        Array.isArray(stores['buyer-names']) ? stores['buyer-names'].map((e) => String(e?.[0])) : [],
      );
      for (const n of live) names.add(n);
      return inStore('meta', (e) => metaEdited(e, SITES, (raw) => strippedSites(raw, names)))(stores);
    };
    if (await editEverySnapshot(io, inSnapshot)) told.add('backups');
    await db.set('meta', SITES_KEY, SITES_STRIPPED_VERSION);
    ran = true;
  }
  if (masked !== REMASK_VERSION && (await io.loadSettings()).privacy.maskPii) {
    if (await io.rewriteStoredCustomers(maskedCustomer, now)) told.add('customers');
    const live = await io.transact(now, (items) => {
      const put = items.flatMap((f) => maskedFollowup(f) ?? []);
      return { put, value: put.length };
    });
    if (live) told.add('followups');
    if ((await db.get('meta', keys.overrides)) !== undefined) {
      let changed = false;
      await db.update<unknown>('meta', keys.overrides, (raw) => {
        const next = maskedOverrides(raw);
        changed = JSON.stringify(next) !== JSON.stringify(raw);
        return next;
      });
      if (changed) told.add('rules');
    }
    const overridesIn = (raw: unknown) => {
      const next = maskedOverrides(raw);
      return JSON.stringify(next) === JSON.stringify(raw) ? raw : next;
    };
    const backups = await editEverySnapshot(io, (stores) =>
      [inStore('customers', (e) => maskedCustomerEntries(e, now)), inStore('followups', (e) => maskedFollowupEntries(e, now)), inStore('meta', (e) => metaEdited(e, keys.overrides, overridesIn))].reduce(
        (s, edit) => edit(s),
        stores,
      ),
    );
    if (backups) told.add('backups');
    await db.set('meta', REMASK_KEY, REMASK_VERSION);
    ran = true;
  }
  for (const area of told) await io.announceChange(area);
  return ran;
}
