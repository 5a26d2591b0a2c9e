/**
 * 全部数据 (options → 导入 / 导出), extension pages only: everything the user owns exported as one
 * file, such a file imported (checked whole and counted first, then merged or replacing, after a
 * backup — as the library import does, whose code runs for the library part), and everything
 * deleted. The file's format and the pure checks: lib/domain/all-data.ts (in worker-extras.js).
 */
import { browser } from '../../browser';
import { announceChange } from '../client';
import { workerExtras } from '../../background/extras';
import { leaveTeam, loadTeamConfig } from '../../background/team';
import { forgetSiteNow } from '../../teach/background-api';
import { InvalidPayload, obj, type HandlerSet } from './types';
import type { DataProtocol } from '../protocol-data';
import { importLibraryFile, libraryFile } from './core';
import { withStaged } from './customers';
import { resetSuggestEngine } from './learned';
import { announceEverything } from './backup';
import { db, STORE_NAMES } from '../../storage/db';
import { takeSnapshot } from '../../storage/backup';
import { customersReady, customersReplaced, deleteAllCustomers, importCustomerRecords } from '../../storage/customers';
import { invalidateFollowupCache, loadFollowups, transact } from '../../storage/followups';
import { deletePicks, loadPicks, mergePicks } from '../../storage/learned';
import { MAX_OVERRIDES, OVERRIDES_KEY, listRemarkOverrides } from '../../storage/rules';
import { SETTINGS_KEY, loadSettings, normaliseSettings } from '../../storage/settings';
import { USAGE_KEY, loadUsage } from '../../storage/usage';
import { CLOCK_KEY, loadClockLog } from '../../storage/guard';
import { listTaughtSites } from '../../storage/sites';
import { ALL_DATA_FORMAT, ALL_DATA_VERSION } from '../../domain/all-data';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../../domain/customers/types';
import { FOLLOWUP_VERSION } from '../../domain/followups/types';

/** Deletes an IndexedDB database of the extension's origin (resolves however it ends: blocked too). */
function dropDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

export const dataHandlers: HandlerSet<DataProtocol> = {
  exportAllData: {
    async handle() {
      const now = Date.now();
      return {
        format: ALL_DATA_FORMAT,
        version: ALL_DATA_VERSION,
        exportedAt: now,
        library: await libraryFile(),
        customers: { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now, customers: [] },
        buyerNames: { v: 1, entries: await db.entries('buyer-names') },
        followups: { v: FOLLOWUP_VERSION, items: await loadFollowups(now) },
        learned: { kind: 'kf-learned', v: 1, exportedAt: now, picks: await loadPicks() },
        settings: await loadSettings(),
        usage: await loadUsage(),
        replyClock: await loadClockLog(),
        remarkOverrides: { v: 1, items: (await listRemarkOverrides()).reverse() },
      };
    },
  },
  importAllData: {
    async handle(payload) {
      await customersReady();
      const p = obj(payload, 'importAllData');
      let json = p.json;
      if (p.upload !== undefined) {
        const file = obj(json, 'importAllData.json');
        json = { ...file, customers: withStaged(file.customers, p.upload, 'importAllData') };
      }
      const now = Date.now();
      const x = workerExtras().data;
      const read = x.readAllData(json, (await loadSettings()).shop.locale, now);
      const d = read.ok ? read.data : null;
      const lib = d?.library === undefined ? null : await importLibraryFile({ json: d.library, dryRun: true });
      if (!d || (lib && !lib.ok)) return { ok: false, errors: [read, lib].flatMap((r) => (r && !r.ok ? r.errors : [])) };
      const [overrides, usage, replyClock] = [(await listRemarkOverrides()).reverse(), await loadUsage(), await loadClockLog()];
      const here = {
        customers: await db.keys('customers'),
        buyerNames: await db.keys('buyer-names'),
        followups: (await loadFollowups(now)).map((f) => f.id),
        learned: (await loadPicks()).map((pick) => pick.id),
        remarkOverrides: overrides,
        usage,
        replyClock,
      };
      const preview = { exportedAt: d.exportedAt, library: lib?.ok ? lib.preview : null, areas: x.countAreas(d, here), settings: !!d.settings };
      if (p.dryRun) return { ok: true, preview };

      const merge = p.merge === true;
      // Everything as it was, first: the import can be undone from 备份.
      await takeSnapshot('before-import-all');
      await announceChange('backups');
      // The library first: it alone can be refused (changed since the preview), before anything else is written.
      if (d.library !== undefined) {
        const r = await importLibraryFile({ json: d.library, merge, baseUpdatedAt: p.baseUpdatedAt }, false);
        if (!r.ok) return r;
      }
      if (d.customers) {
        if (!merge) await deleteAllCustomers();
        await importCustomerRecords(d.customers, now);
        customersReplaced();
      }
      if (d.buyerNames) {
        if (!merge) await db.clear('buyer-names');
        const have = new Set(merge ? here.buyerNames : []);
        await db.setMany('buyer-names', d.buyerNames.filter(([k]) => !have.has(k)));
      }
      const items = d.followups;
      if (items) {
        const have = new Set(here.followups);
        // Replacing deletes only what the file does not hold: a delete of an id the file writes back
        // runs after the write in the same transaction and took the file's item with it.
        const kept = new Set(items.map((f) => f.id));
        await transact(now, (list) => ({ del: merge ? [] : list.map((f) => f.id).filter((id) => !kept.has(id)), put: merge ? items.filter((f) => !have.has(f.id)) : items, value: null }));
      }
      if (d.learned) {
        if (!merge) await deletePicks(here.learned);
        await mergePicks(d.learned);
        resetSuggestEngine();
      }
      const meta: [string, unknown][] = [];
      if (d.remarkOverrides) meta.push([OVERRIDES_KEY, { v: 1, items: merge ? x.mergeOverrides(overrides, d.remarkOverrides, MAX_OVERRIDES) : d.remarkOverrides.slice(-MAX_OVERRIDES) }]);
      if (d.usage) meta.push([USAGE_KEY, merge ? x.mergeUsage(usage, d.usage) : d.usage]);
      if (d.replyClock) meta.push([CLOCK_KEY, merge ? x.mergeClock(replyClock, d.replyClock) : d.replyClock]);
      // Merged, the settings here stay (once saved): the agent's name and shop are this machine's.
      if (d.settings && (!merge || (await db.get('meta', SETTINGS_KEY)) === undefined)) meta.push([SETTINGS_KEY, normaliseSettings(d.settings)]);
      await db.setMany('meta', meta);
      await announceEverything();
      return { ok: true, preview };
    },
  },
  deleteAllData: {
    async handle(payload) {
      if (obj(payload, 'deleteAllData').confirm !== true) throw new InvalidPayload('deleteAllData: confirm');
      // Team mode off first (its offscreen page closed), so its replicas can be deleted below.
      if (await loadTeamConfig()) await leaveTeam();
      // Each taught site: its record, its registered script and the access granted to it.
      for (const site of await listTaughtSites()) await forgetSiteNow(site.origin);
      for (const name of STORE_NAMES) await db.clear(name);
      // Any other database of the extension's origin: the team replicas (kept by leaveTeam for a rejoin).
      for (const { name } of (await indexedDB.databases?.()) ?? []) if (name && !name.startsWith('kf-')) await dropDatabase(name);
      await browser.storage.local.clear();
      await (browser.storage as { session?: { clear(): Promise<void> } }).session?.clear();
      invalidateFollowupCache();
      customersReplaced();
      resetSuggestEngine();
      await announceEverything();
      return { deleted: true as const };
    },
  },
};
