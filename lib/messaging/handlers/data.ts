/**
 * 全部数据 (options → 导入 / 导出), extension pages only: everything the user owns exported as one
 * file, such a file imported (checked whole and counted first, then merged or replacing, after a
 * backup — as the library import does, whose code runs for the library part), and everything
 * deleted. The file's format and the pure checks: lib/domain/all-data.ts; the three verbs' work runs
 * from worker-extras.js (lib/background/all-data-run.ts), lent the worker's stores as `io` below.
 * The payload checks stay here, so a bad payload is the worker's InvalidPayload.
 */
import { browser } from '../../browser';
import { announceChange } from '../client';
import { workerExtras } from '../../background/extras';
import { leaveTeam, loadTeamConfig } from '../../background/team';
import { vipRevisits } from '../../background/followup-jobs';
import { forgetSiteNow } from '../../teach/background-api';
import { InvalidPayload, obj, type HandlerSet } from './types';
import type { DataProtocol } from '../protocol-data';
import type { AllDataIO } from '../../background/all-data-run';
import { importLibraryFile, libraryFile } from './core';
import { withStaged } from './customers';
import { resetSuggestEngine } from './learned';
import { announceEverything, restoreIO, rewritten, writeOrPutBack } from './backup';
import { db, STORE_NAMES } from '../../storage/db';
import { takeSnapshot } from '../../storage/backup';
import { customersReady, customersReplaced, deleteAllCustomers, importCustomerRecords, rewriteStoredCustomers, underClaimedIds } from '../../storage/customers';
import { invalidateFollowupCache, loadFollowups, transact } from '../../storage/followups';
import { deletePicks, loadPicks, mergePicks } from '../../storage/learned';
import { MAX_OVERRIDES, OVERRIDES_KEY, listRemarkOverrides } from '../../storage/rules';
import { SETTINGS_KEY, loadSettings, normaliseSettings } from '../../storage/settings';
import { USAGE_KEY, loadUsage } from '../../storage/usage';
import { CLOCK_KEY, loadClockLog } from '../../storage/guard';
import { listTaughtSites } from '../../storage/sites';
import { clearNoteLeft } from '../../storage/note-left';
import { RUN_KEY, type WholeRun } from '../../storage/whole-run';
import { deleted, inTurn, shared } from '../turn';
import { REMASK_KEY, REMASK_VERSION, SITES_STRIPPED_KEY, SITES_STRIPPED_VERSION } from '../../storage/privacy-upgrade';

const io: AllDataIO = {
  browser,
  db,
  STORE_NAMES,
  keys: { overrides: OVERRIDES_KEY, settings: SETTINGS_KEY, usage: USAGE_KEY, clock: CLOCK_KEY, maxOverrides: MAX_OVERRIDES },
  announceChange,
  announceEverything,
  writeOrPutBack,
  restoreIO,
  rewritten,
  leaveTeam,
  loadTeamConfig,
  forgetSiteNow,
  listTaughtSites,
  importLibraryFile,
  libraryFile,
  resetSuggestEngine,
  takeSnapshot,
  customersReplaced,
  deleteAllCustomers,
  importCustomerRecords,
  underClaimedIds,
  invalidateFollowupCache,
  loadFollowups,
  transact,
  deletePicks,
  loadPicks,
  mergePicks,
  listRemarkOverrides,
  loadSettings,
  normaliseSettings,
  loadUsage,
  loadClockLog,
  vipRevisits,
  rewriteStoredCustomers,
  clearNoteLeft,
};

export const dataHandlers: HandlerSet<DataProtocol> = {
  exportAllData: { handle: () => workerExtras().data.exportAll(io) },
  importAllData: {
    alone: 'import',
    async handle(payload, { rid }) {
      await customersReady();
      const p = obj(payload, 'importAllData');
      let json = p.json;
      if (p.upload !== undefined) {
        const file = obj(json, 'importAllData.json');
        json = { ...file, customers: withStaged(file.customers, p.upload, 'importAllData', p.count) };
      }
      return workerExtras().data.importAll(io, p, json, rid);
    },
  },
  deleteAllData: {
    alone: 'delete',
    async handle(payload) {
      if (obj(payload, 'deleteAllData').confirm !== true) throw new InvalidPayload('deleteAllData: confirm');
      return workerExtras().data.deleteAll(io);
    },
  },
};

/**
 * At every worker start, before any verb or job can read a store (it holds the whole-data lock
 * first): a 删除全部数据, 导入全部数据 or 恢复 a stopped worker left half done (lib/storage/whole-run.ts).
 * Most starts find no mark and never load worker-extras.js.
 */
export const finishCutOff = () =>
  inTurn(true, async () => {
    const run = (await browser.storage.local.get(RUN_KEY))[RUN_KEY];
    if ((run as WholeRun | undefined)?.verb == 'delete') deleted();
    if (run) await workerExtras().data.finishCutOff(io, run as WholeRun);
  }).catch(() => {});

/**
 * At every worker start, under the whole-data lock (after a cut-off 删除全部数据 is finished): what
 * older versions stored masked with today's rules and taught sites without the page's data, once
 * (lib/background/remask-run.ts). Most starts read two markers and load nothing more; one stopped
 * half-way does it again at the next start.
 */
export const upgradePrivacyAtStart = () =>
  shared(async () => {
    const [masked, stripped] = await db.getMany('meta', [REMASK_KEY, SITES_STRIPPED_KEY]);
    if (stripped === SITES_STRIPPED_VERSION && (masked === REMASK_VERSION || !(await loadSettings()).privacy.maskPii)) return false;
    await customersReady();
    return workerExtras().upgradeStoredPrivacy(io);
  }).catch((err) => void console.warn('[kf] privacy upgrade of stored data failed', err));
