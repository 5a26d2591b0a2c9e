import type { MessageBundle } from '../index';

/**
 * The notice the options page and the popup show after 导入全部数据 was cut off by the browser
 * stopping the extension's background (components/options/ImportCutNotice.tsx). The backups' tab
 * and the safety copy's kind are named here again (as in customers-options.ts), so the popup need
 * not load the options page's messages.
 */
export const importCutMessages: MessageBundle = {
  zh: {
    'importCut.notice': '上次「导入文件…」没有做完：浏览器在导入途中停止了扩展后台，数据可能只导入了一部分。',
    'importCut.copy': '导入前的数据在「备份」里：「导入文件前」{time}。',
    'importCut.noCopy': '导入前的备份已不在「备份」里，请检查数据，需要时重新导入文件。',
    'importCut.restore': '恢复到导入前',
    'importCut.keep': '保留现状',
    'importCut.restored': '已恢复到导入前的数据，可以重新导入文件。',
    'importCut.failed': '恢复没有完成：{reason}。数据没有改动，可以再试，或在「备份」里恢复。',
    'importCut.failedMixed': '恢复没有完成：{reason}。部分数据已恢复、部分还没有；「备份」里的「恢复前」备份可以找回恢复前的数据。',
    'restoreCut.done': '上次在「备份」里恢复时，浏览器在途中停止了扩展后台；扩展重新启动后已从同一份备份把恢复做完，数据就是那份备份里的。',
    'restoreCut.cut': '上次在「备份」里恢复时，浏览器在途中停止了扩展后台，重新启动后也没能做完：数据可能一部分已恢复、一部分还是原来的。可以在「备份」里再恢复一次。',
    'restoreCut.copy': '恢复前的数据在「备份」里：「恢复前」{time}。',
    'restoreCut.noCopy': '恢复前的备份已不在「备份」里。',
    'restoreCut.restore': '退回到恢复前',
    'restoreCut.ok': '知道了',
    'restoreCut.restored': '已退回到恢复前的数据。',
  },
  en: {
    'importCut.notice': 'The last "Import a file…" did not finish: the browser stopped the extension\'s background partway, so the data may be only partly imported.',
    'importCut.copy': 'The data from before the import is under Backups: "Before a file import", {time}.',
    'importCut.noCopy': 'The backup from before the import is no longer under Backups: please check the data, and import the file again if needed.',
    'importCut.restore': 'Restore to before the import',
    'importCut.keep': 'Keep as it is',
    'importCut.restored': 'Restored to the data from before the import. You can import the file again.',
    'importCut.failed': 'The restore did not finish: {reason}. Nothing was changed; try again, or restore it under Backups.',
    'importCut.failedMixed': 'The restore did not finish: {reason}. Part of the data is restored, part is not; the "Before restore" backup under Backups brings back the data from before the restore.',
    'restoreCut.done': 'The last restore under Backups was interrupted: the browser stopped the extension\'s background partway. When it started again it finished the restore from the same backup, so the data is that backup\'s.',
    'restoreCut.cut': 'The last restore under Backups was interrupted: the browser stopped the extension\'s background partway, and it could not finish it after starting again: part of the data may be restored, part as it was. You can restore it again under Backups.',
    'restoreCut.copy': 'The data from before the restore is under Backups: "Before restore", {time}.',
    'restoreCut.noCopy': 'The backup from before the restore is no longer under Backups.',
    'restoreCut.restore': 'Go back to before the restore',
    'restoreCut.ok': 'OK',
    'restoreCut.restored': 'Went back to the data from before the restore.',
  },
};
