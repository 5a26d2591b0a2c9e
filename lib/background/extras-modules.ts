/**
 * What worker-extras.js carries (see extras.ts): pure code only, no storage, no state. Imported by
 * entrypoints/worker-extras.ts and the unit-test setup, never by the worker's own code (that
 * would bundle it into background.js again; the worker asks `workerExtras()`).
 */
import { PRESET_A, cloneRuleSet, parseRemark, remarkFacts, validateRuleSet } from '../domain/remarks';
import { upgradeStoredRules } from './rules-upgrade-run';
import { checkOneTemplate, exportLibrary, parseLibraryImport } from '../domain/templates/validate';
import { parseLibrarySave } from '../domain/templates/save-check';
import { withTemplate } from '../domain/templates/with-template';
import { upgradeStarter } from '../domain/templates/starter-upgrade';
import { lostUnreckoned, settleLostWithKind } from '../domain/templates/starter-kinds';
import { libraryV0toV1 } from '../storage/library-v0';
import { patchGuardConfig, validateGuardConfig } from '../domain/guard/config';
import { clockCsv, summariseDay } from '../domain/clock/summary';
import { followupsToCsv } from '../domain/followups/csv';
import { followupTitleIn } from '../domain/followups/title-in';
import { followupList, followupSections } from '../domain/followups/list';
import { upgradeHandoverDue } from '../domain/followups/handover';
import { followupV0toV1 } from '../domain/followups/migrate';
import { notifyBuyersText } from '../domain/followups/notify-text';
import { joinImported, parseCustomersImport } from '../domain/customers/import-export';
import { attachOldRecord } from '../domain/customers/attach';
import { customerFromV0 } from '../domain/customers/migrate';
import { readCustomerQuery } from '../domain/customers/query';
import { combineCustomers, matchesQuery, mergeCustomer } from '../domain/customers/customer';
import { entryEdited, forgetClock, forgetFollowups, forgetInEntries, forgetOverrides, forgetPending, forgetReminded, picksNaming } from '../domain/customers/forget';
import { forgetSessionDrafts } from '../storage/forget-drafts';
import { parseLearnedExport } from '../domain/suggest/learned-import';
import { learnedSummary } from './learned-summary';
import { snapshotInfo, staleSnapshots } from '../domain/backups';
import { checkLibraryImport } from './library-sections';
import { deleteAllData, exportAllData, finishCutOff, importAllData } from './all-data-run';
import { putBack, restoreSnapshot } from './restore-run';
import { editSnapshots, listSnapshots, scrubFromSnapshots, snapshotIfDue, takeSnapshot } from './backups-run';
import { followupsFromCustomers, followupsFromRemarkFacts, handoverFollowup, manualFollowup, panelFollowup } from '../domain/followups/rules';
import { scheduleRevisits } from '../domain/followups/scheduled';
import { remindedRun } from './reminded-run';
import { ordersRule } from '../domain/followups/reminded';
import { buildTemplateIndex, packTemplateIndex } from '../domain/suggest/template-index';
import { initialsFor } from '../domain/suggest/pinyin';
import { maskWhole } from '../domain/suggest/mask-whole';
import { maskOverride, maskPii } from '../domain/customers/privacy';
import { initialsInOrder } from '../domain/suggest/attach-initials';
import type { LibraryRecord } from '../storage/library';
import { buyerData } from './buyer-data-run';
import { own } from '../domain/own';
import { reachOpenTabs } from './reach-tabs';
import { clearNoteLeft, startNoteLeft, syncNoteLeft } from './note-left-run';
import { upgradeStoredPrivacy } from './remask-run';
import { openOptionsTab } from './welcome';
import { decideRequestFault } from '../team/decide-request';
import type { LibraryInitials, PanelLibrary } from '../messaging/protocol';

export const WORKER_EXTRAS = {
  /**
   * The remark rules: the default preset, checking a stored or imported set, reading a remark; once
   * after an update, a stored set's untouched preset fields whose default was corrected (upgradeStoredRules);
   * the follow-ups a remark's facts make (followupsFromRemarkFacts: only ever run on facts read here).
   */
  remarks: { PRESET_A, cloneRuleSet, validateRuleSet, parseRemark, remarkFacts, upgradeStoredRules, followupsFromRemarkFacts },
  /**
   * The reply library: checking a saved or imported library, what an import would change, writing the
   * export file, reading a spreadsheet; at an update, the starter's corrected wordings for untouched
   * copies and the starter replies added since, or removing a kind of them (upgradeStarterLibrary); a record the first prototype
   * stored (the library schema's v0 step); checking a save (saveLibrary), which an agent in team mode may not make;
   * an import's checks with the file's remark rules, taught sites and guard settings (checkLibraryImport,
   * library-sections.ts); one reply checked as the editor would (a team proposal or conflict pick, handlers/team.ts);
   * the welcomes an earlier removal of the clothing replies took, to offer back once (checkStarterReturn).
   */
  library: {
    parseLibraryImport,
    exportLibrary,
    upgradeStarter,
    lostUnreckoned,
    settleLostWithKind,
    libraryV0toV1,
    parseLibrarySave,
    checkLibraryImport,
    withTemplate,
    checkOneTemplate,
  },
  /** The guard's settings: checking the shop's own rules and switched-off ids at load, save and import. */
  guard: { validateGuardConfig, patchGuardConfig },
  /** The popup's reply-clock day summary and the CSV exports (reply clock, follow-ups). */
  reports: { summariseDay, clockCsv, followupsToCsv },
  /**
   * A follow-up's title in the interface's language (the chat panel's "added" line); an item handed
   * over under the old rule moved to today's deadline (once, lib/storage/followups.ts); a prototype
   * (v0) record's migration step (lib/storage/followups.ts reads); the popup's list and the CSV's items by section (and kind);
   * the unpaid-orders notification's list of names (notify.ts); a new item from addFollowup (a to-do, a
   * handover, one of the chat panel's kinds), which asks for the title above anyway.
   */
  followups: {
    titleIn: followupTitleIn,
    upgradeHandoverDue,
    fromV0: followupV0toV1,
    list: followupList,
    sections: followupSections,
    notifyBuyers: notifyBuyersText,
    manual: manualFollowup,
    handover: handoverFollowup,
    panel: panelFollowup,
    /** A 催付 reply inserted into a buyer's chat marks their 拍下未付 items reminded (or gives them back). */
    reminded: remindedRun,
  },
  /**
   * Local backups: what one holds (listed in the 备份 tab), which are past their kind's allowance;
   * listing, taking (the hourly one when due), scrubbing and rewriting them, with the stores lent
   * as `io` (backups-run.ts; lib/storage/backup.ts calls these).
   */
  backups: { snapshotInfo, staleSnapshots, list: listSnapshots, take: takeSnapshot, ifDue: snapshotIfDue, scrub: scrubFromSnapshots, edit: editSnapshots },
  /**
   * 恢复 a backup, and putting back what an import wrote when its write failed partway, run with the
   * worker's stores lent as `io` (restore-run.ts).
   */
  restore: { run: restoreSnapshot, putBack },
  /**
   * Buyer notes: reading an import file and putting its records where the identity step would, joining
   * two old keys of one buyer (the store's upgrade), an imported or pulled record merged into the stored one
   * (importCustomerRecords), what the shop keeps about one buyer (their export), joining an old same-name record
   * the agent confirmed, what deleting a buyer takes out of the other stores, a prototype
   * record's size text (lib/storage/customers.ts), and the 客户档案 list's query and search.
   */
  customers: { parseCustomersImport, joinImported, merge: mergeCustomer, combine: combineCustomers, attachOldRecord, forgetFollowups, forgetInEntries, forgetOverrides, forgetPending, forgetReminded, forgetClock, forgetSessionDrafts, entryEdited, picksNaming, buyerData, fromV0: customerFromV0, readCustomerQuery, matchesQuery },
  /** VIP revisits from the buyer notes (the hourly job; its backlog scheduling is not worth parsing at every wake), and the rule run after an import with what it scheduled. */
  vip: { followupsFromCustomers, scheduleRevisits },
  /**
   * What an order list read makes and closes (unpaid reminders, overdue shipping, with the shop's
   * non-shipping days), a new unpaid item of a buyer reminded after ordering made done (`rule`: followupsFromOrders
   * with the 催付 reminders kept, lib/domain/followups/reminded.ts, read from the lent `db`): the same read brings
   * its remarks' rule from here (remarks.followupsFromRemarkFacts).
   */
  orders: { rule: ordersRule },
  /**
   * Masking what is saved (notes, follow-ups' words: maskPii, privacy.ts; an override log entry: maskOverride), asked for at a save
   * only: kept out of background.js, which every worker wake parses.
   */
  privacy: { maskPii, maskOverride },
  /** The agent's learned picks: reading an import file, and what 学习记录 shows of them. */
  learned: { parseLearnedExport, summary: learnedSummary, maskWhole },
  /**
   * 全部数据: the export, the import (checking the file, counting what it would do, merging or
   * replacing) and the delete, run with the worker's stores lent as `io` (all-data-run.ts); at a
   * worker's start, finishing a deletion or telling of an import a stopped worker left half done.
   */
  data: { exportAll: exportAllData, importAll: importAllData, deleteAll: deleteAllData, finishCutOff },
  /**
   * The buyer card's unsaved notes kept on disk for an update (lib/storage/note-left.ts): the copy made
   * what storage.session holds, put back at an update, emptied; run in turn with the store lent.
   */
  noteLeft: { sync: syncNoteLeft, start: startNoteLeft, clear: clearNoteLeft },
  /**
   * A library's pinyin initials (computed when it is saved) and the chat panel's index of it, built
   * once per library version and packed for the page (getPanelLibrary), which gets the initials
   * in a message of their own (getLibraryInitials) once its panel is ready.
   */
  /** At an update: the new content script into the console and taught-site tabs already open (reach-tabs.ts). */
  reachOpenTabs,
  /** Once after an update, at a worker start: stored data masked with today's rules, taught sites without the page's data (remask-run.ts). */
  upgradeStoredPrivacy,
  /** The options page on a tab: at a fresh install, and the openOptions verb (welcome.ts); both rare, neither in background.js. */
  openOptionsTab,
  /** What is wrong with a teamDecideProposal payload, if anything (lib/team/decide-request.ts). */
  decideRequestFault,
  suggest: {
    initialsFor,
    panelLibrary: ({ initials: _, ...library }: LibraryRecord): PanelLibrary => ({ library, index: packTemplateIndex(buildTemplateIndex(library.templates)) }),
    initials: ({ updatedAt, initials, templates }: LibraryRecord): LibraryInitials => ({ updatedAt, initials: initials ? initialsInOrder(templates, initials) : null }),
    /** Whether a stored library has the initials of every reply (else the worker computes and stores them). */
    hasInitials: ({ initials, templates }: LibraryRecord) => !!initials && templates.every((t) => own(initials, t.id)),
  },
};

export type WorkerExtras = typeof WORKER_EXTRAS;
