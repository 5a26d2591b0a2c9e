/** 全部数据: everything the user owns, exported, imported and deleted as a whole. Handlers: handlers/data.ts. */
import type { WriteFailed } from './protocol-backup';
import type { ImportSummary } from '../domain/templates/import-plan';
import type { AreaCounts, FollowupNotesOver } from '../domain/all-data';

export interface AllDataPreview {
  /** When the file was made (0: not said). */
  exportedAt: number;
  /** The library part, as the library import counts it (its `updatedAt` is sent back as `baseUpdatedAt`); null: the file has none. */
  library: ImportSummary | null;
  /** Per area: records in the file, here now, and the file's not here yet. */
  areas: AreaCounts;
  /** The file holds settings. */
  settings: boolean;
  /** Buyers the import takes whole with a text or tags over their limit, each named, for the agent to shorten. */
  over?: string[];
  /**
   * Follow-ups here that the file's copy has note lines for that they lack: how many a merge joins
   * (lib/domain/all-data.ts joinFollowupNotes), and those it leaves as they are because the joined
   * notes would pass the item's limit. Absent: none. After a replace, as the preview counted.
   */
  followupNotes?: { joined: number; over: FollowupNotesOver[] };
  /**
   * Why 替换 would be refused for this file (lib/domain/all-data.ts replaceLeavesNamed), said before
   * the agent picks it; 合并 is still offered. Absent: 替换 is taken. Only in the dry run's preview.
   */
  replaceRefused?: string;
}

/** `revisits`: as a buyer import's (ImportResult), the VIP revisits the import scheduled, their due times. */
export type AllDataImportResult = { ok: true; preview: AllDataPreview; revisits?: number[] } | { ok: false; errors: string[] } | WriteFailed;

export interface DataProtocol {
  /**
   * Every store as one file (lib/domain/all-data.ts), buyers left out: the page adds them page by
   * page with exportCustomers (a shop may keep 100 000).
   */
  exportAllData: [void, Record<string, unknown>];
  /**
   * Checks the whole file (its buyers staged ahead under `upload` when many, `count` of them) and counts what it
   * would do; unless `dryRun`, takes a backup, then merges it (`merge`) or replaces each area the
   * file holds. A bad file changes nothing. Refused with code 'conflict' when the library changed
   * since the preview (`baseUpdatedAt`).
   */
  importAllData: [{ json: unknown; upload?: string; count?: number; merge?: boolean; dryRun?: boolean; baseUpdatedAt?: number }, AllDataImportResult];
  /**
   * 删除全部数据: every store of the extension's origin emptied (the backups too), the taught sites
   * forgotten, team mode left and its replicas deleted; the extension starts again from its
   * defaults. Needs `confirm: true` (the page asks for the phrase to be typed).
   */
  deleteAllData: [{ confirm: true }, { deleted: true }];
}

declare module './protocol' {
  interface Protocol extends DataProtocol {}
}
