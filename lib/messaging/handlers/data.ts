/**
 * 全部数据 (options → 导入 / 导出), extension pages only: everything the user owns deleted at once
 * (删除全部数据).
 */
import { browser } from '../../browser';
import { leaveTeam, loadTeamConfig } from '../../background/team';
import { forgetSiteNow } from '../../teach/background-api';
import { InvalidPayload, obj, type HandlerSet } from './types';
import type { DataProtocol } from '../protocol-data';
import { resetSuggestEngine } from './learned';
import { announceEverything } from './backup';
import { db, STORE_NAMES } from '../../storage/db';
import { customersReplaced } from '../../storage/customers';
import { invalidateFollowupCache } from '../../storage/followups';
import { listTaughtSites } from '../../storage/sites';

/** Deletes an IndexedDB database of the extension's origin (resolves however it ends: blocked too). */
function dropDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

export const dataHandlers: HandlerSet<DataProtocol> = {
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
