/**
 * 全部数据's export, import and delete (options → 导入 / 导出), run from worker-extras.js: they run
 * only when the agent asks, and were ~2.8 KB of background.js, parsed at every worker wake.
 *
 * The extras must hold no state (extras.ts), and these touch every store, so they import none of
 * the worker's storage or messaging modules: the handlers (lib/messaging/handlers/data.ts, which
 * keep the payload checks that throw the worker's InvalidPayload) hand them the worker's own
 * functions and keys as `io`. The caches, change announcements and error classes are thus the
 * worker's, exactly as when this code lived in the handler.
 */
import type { Browser } from 'webextension-polyfill';
import { ALL_DATA_FORMAT, ALL_DATA_VERSION, countAreas, isSetupFile, joinFollowupNotes, mergeClock, mergeOverrides, mergeUsage, readAllData, remindedAfterReplace, replaceLeavesNamed, replacedBuyers, setupSettingsHere } from '../domain/all-data';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../domain/customers/types';
import { FOLLOWUP_VERSION } from '../domain/followups/types';
import { scheduleRevisits } from '../domain/followups/scheduled';
import { REMINDED_FACTS_KEY, importedReminders, remindedFacts } from '../domain/followups/reminded';
import type { AllDataImportResult, AllDataPreview } from '../messaging/protocol-data';
import type { Followup } from '../domain/followups/types';
import type { db as Db, STORE_NAMES as StoreNames } from '../storage/db';
import type { takeSnapshot } from '../storage/backup';
import type { customersReplaced, deleteAllCustomers, importCustomerRecords, underClaimedIds, rewriteStoredCustomers } from '../storage/customers';
import type { invalidateFollowupCache, loadFollowups, transact } from '../storage/followups';
import type { deletePicks, loadPicks, mergePicks } from '../storage/learned';
import type { listRemarkOverrides } from '../storage/rules';
import type { loadSettings, normaliseSettings } from '../storage/settings';
import type { loadUsage } from '../storage/usage';
import type { loadClockLog } from '../storage/guard';
import type { listTaughtSites } from '../storage/sites';
import type { clearNoteLeft } from '../storage/note-left';
import type { announceChange } from '../messaging/client';
import type { leaveTeam, loadTeamConfig } from './team';
import type { vipRevisits } from './followup-jobs';
import type { forgetSiteNow } from '../teach/background-api';
import type { importLibraryFile, libraryFile } from '../messaging/handlers/core';
import type { resetSuggestEngine } from '../messaging/handlers/learned';
import type { announceEverything, restoreIO, rewritten, writeOrPutBack } from '../messaging/handlers/backup';
import { finishRestore } from './restore-run';
import { IMPORT_CUT_KEY, RUN_KEY, type ImportCut, type WholeRun } from '../storage/whole-run';

/** What the worker lends the all-data verbs: its stores, caches and announcements. */
export interface AllDataIO {
  browser: Browser;
  db: typeof Db;
  STORE_NAMES: typeof StoreNames;
  keys: { overrides: string; settings: string; usage: string; clock: string; maxOverrides: number };
  announceChange: typeof announceChange;
  announceEverything: typeof announceEverything;
  writeOrPutBack: typeof writeOrPutBack;
  restoreIO: typeof restoreIO;
  rewritten: typeof rewritten;
  leaveTeam: typeof leaveTeam;
  loadTeamConfig: typeof loadTeamConfig;
  forgetSiteNow: typeof forgetSiteNow;
  listTaughtSites: typeof listTaughtSites;
  importLibraryFile: typeof importLibraryFile;
  libraryFile: typeof libraryFile;
  resetSuggestEngine: typeof resetSuggestEngine;
  takeSnapshot: typeof takeSnapshot;
  customersReplaced: typeof customersReplaced;
  deleteAllCustomers: typeof deleteAllCustomers;
  importCustomerRecords: typeof importCustomerRecords;
  underClaimedIds: typeof underClaimedIds;
  invalidateFollowupCache: typeof invalidateFollowupCache;
  loadFollowups: typeof loadFollowups;
  transact: typeof transact;
  deletePicks: typeof deletePicks;
  loadPicks: typeof loadPicks;
  mergePicks: typeof mergePicks;
  listRemarkOverrides: typeof listRemarkOverrides;
  loadSettings: typeof loadSettings;
  normaliseSettings: typeof normaliseSettings;
  loadUsage: typeof loadUsage;
  loadClockLog: typeof loadClockLog;
  vipRevisits: typeof vipRevisits;
  rewriteStoredCustomers: typeof rewriteStoredCustomers;
  clearNoteLeft: typeof clearNoteLeft;
}

/** Deletes an IndexedDB database of the extension's origin (resolves however it ends: blocked too). */
function dropDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

export async function exportAllData(io: AllDataIO): Promise<Record<string, unknown>> {
  const now = Date.now();
  return {
    format: ALL_DATA_FORMAT,
    version: ALL_DATA_VERSION,
    exportedAt: now,
    library: await io.libraryFile(),
    customers: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, customers: [] },
    buyerNames: { v: 1, entries: await io.db.entries('buyer-names') },
    followups: { v: FOLLOWUP_VERSION, items: await io.loadFollowups(now) },
    learned: { kind: 'kf-learned', v: 1, exportedAt: now, picks: await io.loadPicks() },
    settings: await io.loadSettings(),
    usage: await io.loadUsage(),
    replyClock: await io.loadClockLog(),
    remarkOverrides: { v: 1, items: (await io.listRemarkOverrides()).reverse() },
    // The 催付 reminders kept for orders not on the list yet: buyer data, so in "everything" (reminded.ts).
    reminded: { v: 1, list: remindedFacts(await io.db.get('meta', REMINDED_FACTS_KEY), now) },
  };
}

/** `json`: the file, its buyers already joined from a staged upload; `p`: the checked payload; `rid`: the call's id. */
export async function importAllData(io: AllDataIO, p: Record<string, unknown>, json: unknown, rid?: string): Promise<AllDataImportResult> {
  const now = Date.now();
  const settings = await io.loadSettings();
  const read = readAllData(json, settings, now);
  const mask = settings.privacy.maskPii;
  const d = read.ok ? read.data : null;
  const lib = d?.library === undefined ? null : await io.importLibraryFile({ json: d.library, dryRun: true });
  if (!d || (lib && !lib.ok)) return { ok: false, errors: [read, lib].flatMap((r) => (r && !r.ok ? r.errors : [])) };
  const [overrides, usage, replyClock] = [(await io.listRemarkOverrides()).reverse(), await io.loadUsage(), await io.loadClockLog()];
  const followups = await io.loadFollowups(now);
  const here = {
    customers: await io.db.keys('customers'),
    buyerNames: await io.db.keys('buyer-names'),
    followups: followups.map((f) => f.id),
    learned: (await io.loadPicks()).map((pick) => pick.id),
    remarkOverrides: overrides,
    usage,
    replyClock,
    reminded: remindedFacts(await io.db.get('meta', REMINDED_FACTS_KEY), now),
  };
  const notesOf = (list: Followup[]) => {
    const { joined, over } = joinFollowupNotes(list, d.followups ?? [], mask);
    return joined || over.length ? { followupNotes: { joined, over } } : {};
  };
  const merge = p.merge === true;
  /** The buyers here, as a 替换 compares them with the file's. */
  const buyersHere = async () =>
    (await io.db.entries('customers')).flatMap(([key, raw]) => {
      const c = raw as { platform?: unknown; nickname?: unknown; buyerId?: unknown } | null;
      return c && typeof c.platform === 'string' && typeof c.nickname === 'string' ? [{ key: String(key), platform: c.platform, nickname: c.nickname, buyerId: typeof c.buyerId === 'string' ? c.buyerId : null }] : [];
    });
  // A 替换 that would delete buyers and keep what names them (a file with buyers, no follow-ups) is
  // refused: said in the preview, before the agent picks 替换 (the dry run), and refused when picked.
  const refused = (p.dryRun || !merge) && d.customers && !d.followups ? replaceLeavesNamed(d, { buyers: await buyersHere(), followups, reminded: here.reminded }, settings.shop.locale) : null;
  const preview: AllDataPreview = { exportedAt: d.exportedAt, library: lib?.ok ? lib.preview : null, areas: countAreas(d, here), settings: !!d.settings, over: d.over ?? [], ...notesOf(followups), ...(refused ? { replaceRefused: refused } : {}) };
  if (p.dryRun) return { ok: true, preview };
  if (!merge && refused) return { ok: false, errors: [refused] };
  // Replacing the buyers with a file that has no 催付 reminders (an older export): those of the buyers it deletes go with them.
  const gone = !merge && d.customers && !d.reminded ? replacedBuyers(d.customers, await buyersHere()) : [];
  // Everything as it was, first: the import can be undone from 备份, and a write that fails partway
  // is put back from it (writeOrPutBack): the agent is never told "unchanged" of half-written data.
  const copy = (await io.takeSnapshot('before-import-all')).id;
  await io.announceChange('backups');
  const stores = io.STORE_NAMES.filter((n) => n !== 'backups');
  const write = () =>
    io.writeOrPutBack(() => copy, stores, async (): Promise<AllDataImportResult> => {
      // The library first: it alone can be refused (changed since the preview), before anything else is written.
      if (d.library !== undefined) {
        const r = await io.importLibraryFile({ json: d.library, merge, baseUpdatedAt: p.baseUpdatedAt }, false);
        if (!r.ok) return r;
      }
      if (d.customers) {
        if (!merge) await io.deleteAllCustomers();
        // Merged, a record from before its buyer was joined to a console id here goes to that id's
        // record (as 客户档案 → 导入 does). Replacing, the file's buyers and name claims are the whole truth.
        await io.importCustomerRecords(merge ? await io.underClaimedIds(d.customers, now) : d.customers, now);
        io.customersReplaced();
      }
      if (d.buyerNames) {
        if (!merge) await io.db.clear('buyer-names');
        const have = new Set(merge ? here.buyerNames : []);
        await io.db.setMany('buyer-names', d.buyerNames.filter(([k]) => !have.has(k)));
      }
      const items = d.followups;
      let done = preview;
      if (items) {
        // Replacing deletes only what the file does not hold: a delete of an id the file writes back
        // runs after the write in the same transaction and took the file's item with it.
        const kept = new Set(items.map((f) => f.id));
        // Merging joins an item's notes with the list as it is now, in the transaction: the file's
        // copy of an item here used to be skipped, note lines written only in the file with it.
        done = await io.transact(now, (list) => {
          if (!merge) return { del: list.map((f) => f.id).filter((id) => !kept.has(id)), put: items, value: preview };
          const { put, joined, over } = joinFollowupNotes(list, items, mask);
          return { put, value: { ...preview, followupNotes: joined || over.length ? { joined, over } : undefined } };
        });
      }
      if (d.learned) {
        if (!merge) await io.deletePicks(here.learned);
        await io.mergePicks(d.learned);
        io.resetSuggestEngine();
      }
      const k = io.keys;
      const meta: [string, unknown][] = [];
      if (d.remarkOverrides) meta.push([k.overrides, { v: 1, items: merge ? mergeOverrides(overrides, d.remarkOverrides, k.maxOverrides) : d.remarkOverrides.slice(-k.maxOverrides) }]);
      if (d.usage) meta.push([k.usage, merge ? mergeUsage(usage, d.usage) : d.usage]);
      if (d.replyClock) meta.push([k.clock, merge ? mergeClock(replyClock, d.replyClock) : d.replyClock]);
      // A set-up file's settings are the shop's, taken merged too; the agent's own stay (setupSettingsHere).
      if (d.settings && isSetupFile(json)) meta.push([k.settings, io.normaliseSettings(setupSettingsHere(settings, d.settings))]);
      // Merged, the settings here stay (once saved): the agent's name and shop are this machine's.
      else if (d.settings && (!merge || (await io.db.get('meta', k.settings)) === undefined)) meta.push([k.settings, io.normaliseSettings(d.settings)]);
      await io.db.setMany('meta', meta);
      // Read and written in one transaction: a reminder inserted in a chat meanwhile is kept too.
      const reminded = d.reminded;
      if (reminded) await io.db.update('meta', REMINDED_FACTS_KEY, (raw) => importedReminders(raw, reminded, now, merge));
      else if (gone.length) await io.db.update('meta', REMINDED_FACTS_KEY, (raw) => remindedAfterReplace(raw, gone, now));
      // As the buyer import does: the revisit rule runs now, and the agent is told what it scheduled.
      const revisits = await scheduleRevisits(now, io);
      await io.announceEverything();
      return { ok: true, preview: done, ...(revisits.length ? { revisits } : {}) };
    });
  // Marked until it ends, however it ends: a worker stopped before then leaves the mark, and the
  // next one tells the agent (finishCutOff below).
  const local = io.browser.storage.local;
  await local.set({ [RUN_KEY]: { verb: 'import', copy, at: now, ...(rid ? { rid } : {}) } satisfies WholeRun });
  try {
    const r = await write();
    // This is the second send of a call whose first was cut off: the import finished after all.
    if (r.ok && rid && ((await local.get(IMPORT_CUT_KEY))[IMPORT_CUT_KEY] as ImportCut | undefined)?.rid === rid) {
      await local.remove(IMPORT_CUT_KEY);
      await io.announceChange('backups');
    }
    return r;
  } finally {
    await local.remove(RUN_KEY);
  }
}

/** Everything deleted; the caller checked the confirmation. */
export async function deleteAllData(io: AllDataIO): Promise<{ deleted: true }> {
  // Marked first; storage.local, which holds the mark, is cleared last (lib/storage/whole-run.ts).
  await io.browser.storage.local.set({ [RUN_KEY]: { verb: 'delete' } satisfies WholeRun });
  // Team mode off first (its offscreen page closed), so its replicas can be deleted below.
  if (await io.loadTeamConfig()) await io.leaveTeam();
  // Each taught site: its record, its registered script and the access granted to it.
  for (const site of await io.listTaughtSites()) await io.forgetSiteNow(site.origin);
  for (const name of io.STORE_NAMES) await io.db.clear(name);
  // Any other database of the extension's origin (leaveTeam deleted the team replicas already).
  for (const { name } of (await indexedDB.databases?.()) ?? []) if (name && !name.startsWith('kf-')) await dropDatabase(name);
  await (io.browser.storage as { session?: { clear(): Promise<void> } }).session?.clear();
  // The card's unsaved notes kept on disk for an update (lib/storage/note-left.ts).
  await io.clearNoteLeft();
  // Last: the mark goes with it.
  await io.browser.storage.local.clear();
  io.invalidateFollowupCache();
  io.customersReplaced();
  io.resetSuggestEngine();
  await io.announceEverything();
  return { deleted: true as const };
}

/**
 * At a worker's start, before any verb or job reads a store: the whole-data verb a stopped worker
 * left half done (lib/storage/whole-run.ts). A deletion is finished (it is idempotent). An import
 * cannot be: its file went with that worker. The agent is told at the next options or popup open,
 * with the copy taken before it to restore. A 恢复 is finished from its backup, still in 备份, and
 * told too (the data changed with no page left to say so), with the copy from before it.
 */
export async function finishCutOff(io: AllDataIO, run: WholeRun): Promise<void> {
  if (run.verb === 'delete') {
    await deleteAllData(io);
    return;
  }
  const local = io.browser.storage.local;
  if (run.verb === 'import') {
    const told = (await local.get(IMPORT_CUT_KEY))[IMPORT_CUT_KEY] as ImportCut | undefined;
    // The second send of the same call cut off too: its copy holds the first's half import; the
    // first's copy is the data from before.
    if (!(told && run.rid && told.rid === run.rid)) await local.set({ [IMPORT_CUT_KEY]: { copy: run.copy, at: run.at, ...(run.rid ? { rid: run.rid } : {}) } satisfies ImportCut });
  } else {
    const done = await finishRestore(io.restoreIO, run.id);
    await io.rewritten();
    await local.set({ [IMPORT_CUT_KEY]: { copy: run.copy, at: run.at, restore: done ? 'done' : 'cut' } satisfies ImportCut });
  }
  await local.remove(RUN_KEY);
  await io.announceChange('backups');
}
