/**
 * LocalStores over the extension's own stores (lib/storage), for the sync engine running in the
 * team page (offscreen document, same extension origin, same IndexedDB). Dirty keys are queued by
 * the background (lib/background/team.ts) in the `meta` store; taking them is one transaction.
 */
import { db } from '../storage/db';
import { claimKeys, dropTeamDeletedCustomers, getCustomer, importCustomerRecords, noteReplacedText, teamDeletedCustomers, underClaimedIds, updateCustomers } from '../storage/customers';
import { claimsOf } from '../storage/buyer-names';
import { dropTeamDeletedFollowups, invalidateFollowupCache, loadFollowups, updateFollowupsById } from '../storage/followups';
import { loadLibrary, saveLibraryIfUnchanged } from '../storage/library';
import { loadBundled } from '../storage/bundled';
import { applyTeamRuleSet, loadRuleSetRecord } from '../storage/rules';
import { applyTeamSites, listTaughtSites } from '../storage/sites';
import { deletePicks, isLearnedPick, mergePicks } from '../storage/learned';
import { scrubFromSnapshots } from '../storage/backup';
import { forgetBuyers, type ForgetHere } from '../storage/forget-buyers';
import { initialsFor } from '../domain/suggest/pinyin';
import type { Customer } from '../domain/customers';
import { maskRecord } from '../domain/customers/customer';
import { maskFollowup } from '../domain/followups/mask';
import { maskPick } from '../domain/suggest/mask-whole';
import { loadSettings } from '../storage/settings';
import { isAhead } from './docs';
import { dirtyCount, emptyDirty, mergeDirty, type Deleted, type Dirty, type LocalStores, type TeamDataArea } from './local-stores';
import { DIRTY_KEY, queueDirty, readDirty, readInflight, type DirtyRecord } from './dirty';

/**
 * The follow-up list as stored now. The team page has no storage events (an offscreen document
 * gets chrome.runtime only), so the read cache of lib/storage/followups.ts would keep what this
 * page read first and miss every item the background wrote since.
 */
function fresh() {
  invalidateFollowupCache();
  return loadFollowups();
}

/**
 * A deletion a colleague made reaches this machine: besides the live records (dropped as the team
 * says), what only this machine keeps of the buyers goes as for its own 客户档案 → 删除 — the
 * records and name claims in every backup, the buyer's follow-ups there (open ones kept anonymous:
 * nobody here was asked, as for the retention purge), the remark override log, a chat suggestion
 * waiting for them, learned picks naming them. Read and forgotten before the records are dropped,
 * so a round cut off in between finds them again when it imports the deletion once more. Nothing of
 * it is sent back (this page reports no local change), and the live follow-ups are left to the
 * team's own deletion records (forgetBuyers, `fromTeam`).
 */
async function forgetTeamDeleted(list: readonly Deleted[], announce: (area: TeamDataArea) => Promise<void>): Promise<void> {
  const going = await teamDeletedCustomers(list);
  if (!going.length) return;
  const here: ForgetHere = {
    async forgetPicks(ids) {
      await deletePicks(ids);
      if (await scrubFromSnapshots('learned', ids)) await announce('backups');
    },
    announce,
  };
  const held = [await scrubFromSnapshots('customers', going.map((c) => c.key)), await scrubFromSnapshots('buyer-names', going.flatMap((c) => claimKeys(c, c.key)))];
  if (held.includes(true)) await announce('backups');
  const buyers = going.map((c) => ({ platform: c.platform, nickname: c.nickname, buyerId: c.buyerId ?? null, key: c.key }));
  await forgetBuyers(here, { buyers }, 'keep', Date.now(), { local: true, fromTeam: true });
}

/**
 * What a colleague's machine sent is stored as this machine would have saved it: masked (maskPii;
 * a learned pick as a pick is made, maskPick) while masking is on. A colleague on an older version, or one that masked less, may have stored a
 * phone number or an e-mail in clear; this machine's cards, popup and backups never hold what it
 * would not have stored itself. Nothing masked here is sent back at once (the colleague's documents
 * stay as they are); the next time this machine sends the buyer (an edit here, or the re-mask run
 * after an update) the profile goes up as stored here, masked (sync.ts exportCustomers → docs.ts
 * maskedBuyerBody). Note lines are never sent again: they are the author's, append-only.
 */
const masking = async (): Promise<boolean> => (await loadSettings()).privacy.maskPii;

export function storageStores(announce: (area: TeamDataArea) => Promise<void>): LocalStores {
  return {
    async customers(keys) {
      const out = new Map<string, Customer>();
      for (const k of keys) {
        const c = await getCustomer(k);
        if (c) out.set(k, c);
      }
      return out;
    },
    customerKeys: () => db.keys('customers'),
    masking,
    async mergeCustomers(list) {
      // A colleague who never saw the buyer's console id sent a nickname-only record of a name one id
      // has claimed here: it joins that id's record, as the panel's identity step and a local import
      // put it (underClaimedIds), instead of adding a second record of the same buyer (until 2026-12-05). The
      // joined record holds what the team's copy of it lacks: it goes up. The colleague's document
      // stays as it is (theirs to change); it is merged here again only when it changes again.
      const joined = await underClaimedIds(list);
      // A record nothing joined comes back as the very object sent; a joined one is new.
      const sent = new Set(list);
      const ahead = joined.filter((c) => !sent.has(c)).map((c) => c.key);
      for (const c of joined) {
        if (!sent.has(c)) continue;
        const old = await getCustomer(c.key);
        if (old && isAhead(old, c)) ahead.push(c.key);
      }
      const stored = (await masking()) ? joined.map(maskRecord) : joined;
      await importCustomerRecords(stored);
      await noteReplacedText(stored);
      if (ahead.length) await queueDirty({ ...emptyDirty(), customers: ahead });
    },
    async dropCustomers(list) {
      await forgetTeamDeleted(list, announce);
      await dropTeamDeletedCustomers(list);
    },
    async joinedInto(key) {
      // Only a nickname-only key (`platform:name`) is joined, and only under a name one id claims here.
      const colon = key.indexOf(':');
      const hash = key.indexOf('#');
      if (colon < 0 || (hash >= 0 && hash < colon)) return null;
      const ids = await claimsOf(key);
      return ids.length === 1 ? `${key.slice(0, colon)}#${ids[0]}` : null;
    },
    async joinedNames() {
      // The claims store also keeps "not the same buyer" answers under id keys (`platform#id`).
      return (await db.keys('buyer-names')).filter((k) => /^[^#:]+:/.test(k));
    },
    async dropNotes(list) {
      for (const { key, ids } of list) {
        const c = await getCustomer(key);
        if (!c) continue;
        const gone = new Set(ids);
        await updateCustomers([c], (r) => (r.history.some((e) => gone.has(e.id)) ? { ...r, history: r.history.filter((e) => !gone.has(e.id)) } : r), Date.now(), { existing: true });
      }
    },
    async followups(ids) {
      const want = new Set(ids);
      return new Map((await fresh()).filter((f) => want.has(f.id)).map((f) => [f.id, f]));
    },
    followupIds: async () => (await fresh()).map((f) => f.id),
    async updateFollowups(ids, fn) {
      const mask = await masking();
      // A handover item an older version sent due at the old rule's time is stored moved: send it back.
      const moved = await updateFollowupsById(ids, mask ? (id, local) => { const f = fn(id, local); return f && maskFollowup(f); } : fn);
      if (moved.length) await queueDirty({ ...emptyDirty(), followups: moved });
    },
    async dropFollowups(list) {
      await dropTeamDeletedFollowups(list);
      invalidateFollowupCache();
    },
    async library() {
      const rec = await loadLibrary();
      return { groups: rec.groups, templates: rec.templates, updatedAt: rec.updatedAt };
    },
    async saveLibrary(lib, base) {
      const initials = initialsFor(lib.templates, await loadBundled('pinyin-table'));
      return (await saveLibraryIfUnchanged(lib, base, Date.now(), initials)) !== 'conflict';
    },
    starter: () => loadBundled('starter-library'),
    rules: () => loadRuleSetRecord(),
    applyRules: (ruleSet, at, always) => applyTeamRuleSet(ruleSet, at, always),
    sites: () => listTaughtSites(),
    applySites: (list, always) => applyTeamSites(list, always),
    async picks(ids) {
      const found = await db.getMany<unknown>('learned', [...ids]);
      return new Map(found.filter(isLearnedPick).map((p) => [p.id, p]));
    },
    pickIds: () => db.keys('learned'),
    async addPicks(picks) {
      // A pick left with no words once masked (a number alone) teaches nothing: not stored.
      await mergePicks((await masking()) ? picks.flatMap((p) => maskPick(p) ?? []) : picks);
    },
    removePicks: (ids) => deletePicks(ids),
    async takeDirty(extra = emptyDirty()) {
      let taken: Dirty = emptyDirty();
      await db.update<unknown>('meta', DIRTY_KEY, (old) => {
        taken = mergeDirty(mergeDirty(readInflight(old), readDirty(old)), extra);
        return { ...emptyDirty(), inflight: taken } satisfies DirtyRecord;
      });
      return taken;
    },
    async ackDirty() {
      await db.update<unknown>('meta', DIRTY_KEY, (old) => ({ ...readDirty(old), inflight: emptyDirty() }) satisfies DirtyRecord);
    },
    async countDirty() {
      const rec = await db.get<unknown>('meta', DIRTY_KEY);
      return dirtyCount(mergeDirty(readDirty(rec), readInflight(rec)));
    },
    putBackDirty: (d) => queueDirty(d),
    announce,
  };
}
