import type { MessageBundle } from '../index';

/**
 * What a refused import left as it was, and what an import or a restore whose write failed left
 * (lib/messaging/protocol-backup.ts, WriteFailed), said once after its reasons (components/options/import-outcome.ts).
 * The reasons themselves never say it: a heading that says it leaves this off.
 */
export const importOutcomeMessages: MessageBundle = {
  zh: {
    'import.unchanged.library': '没有导入任何内容，现有话术库未改动。',
    'import.unchanged.customers': '没有导入任何内容，现有客户档案未改动。',
    'import.unchanged.data': '没有导入任何内容，现有数据未改动。',
    'import.unchanged.learned': '没有导入任何内容，现有学习记录未改动。',
    'import.failed.heading': '导入没有完成：',
    'import.failed.kept': '没能导入：{reason}。{unchanged}上面的选择都还在：腾出磁盘空间或稍等片刻后再点一次，不用重新选文件。',
    'import.failed.undone': '写入中途出错（{reason}），已写入的部分已改回。',
    'import.failed.mixed': '写入中途出错（{reason}），且没能全部改回：文件的一部分已导入，其余仍是导入前的。到「{tab}」页恢复“{copy}”那份备份，即可回到导入前的数据。',
    'backups.restore.missing': '这份备份已不存在（可能已被删除或被更新的备份替换），没有恢复；现有数据未改动。',
    'backups.restore.damaged': '这份备份已损坏，无法完整读出，没有恢复；现有数据未改动。',
    'backups.restore.unchanged': '恢复没有进行（{reason}）；现有数据未改动。',
    'backups.restore.undone': '恢复中途出错（{reason}），已写入的部分已改回；现有数据未改动。',
    'backups.restore.mixed': '恢复中途出错（{reason}），且没能全部改回：现在的数据一部分来自所选备份，一部分仍是恢复前的。请恢复下面 {time} 那份“{copy}”备份，即可回到恢复前的数据。',
  },
  en: {
    'import.unchanged.library': 'Nothing was imported; the library was not changed.',
    'import.unchanged.customers': 'Nothing was imported; your buyer notes are unchanged.',
    'import.unchanged.data': 'Nothing was imported; your data is unchanged.',
    'import.unchanged.learned': 'Nothing was imported; your learned picks are unchanged.',
    'import.failed.heading': 'The import did not finish:',
    'import.failed.kept': 'Could not import: {reason}. {unchanged} Your choices above are kept: free some disk space or wait a moment, then click again; no need to choose the file again.',
    'import.failed.undone': 'Writing failed partway ({reason}); what had been written was put back.',
    'import.failed.mixed': 'Writing failed partway ({reason}) and could not all be put back: part of the file was imported, the rest is as before the import. Restore the “{copy}” backup on the “{tab}” tab to get back the data from before the import.',
    'backups.restore.missing': 'That backup no longer exists (deleted, or replaced by a newer one); nothing was restored and your data is unchanged.',
    'backups.restore.damaged': 'That backup is damaged and cannot be read back whole; nothing was restored and your data is unchanged.',
    'backups.restore.unchanged': 'The restore did not run ({reason}); your data is unchanged.',
    'backups.restore.undone': 'The restore failed partway ({reason}); what had been written was put back, and your data is unchanged.',
    'backups.restore.mixed': 'The restore failed partway ({reason}) and could not all be put back: your data is now partly from the chosen backup, partly as before. Restore the “{copy}” backup from {time} below to get back the data from before the restore.',
  },
};
