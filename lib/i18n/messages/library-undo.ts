import type { MessageBundle } from '../index';

/**
 * The 话术库 tab's way back from a delete (components/options/TemplateEditor.tsx, recently-deleted.ts)
 * and the spreadsheet preview's note on rows above the header (ImportExport.tsx): apart from
 * library-editor.ts so that both stay small to read.
 */
export const libraryUndoMessages: MessageBundle = {
  zh: {
    'library.deleted': '已删除「{title}」。',
    'library.undo': '撤销',
    'library.restored': '已恢复「{title}」。',
    'library.restoredNoCode': '已恢复「{title}」，但快捷编码“{code}”已被「{other}」使用，恢复的话术不设编码。',
    'library.restoreExists': '「{title}」已经在话术库里，无需恢复。',
    'library.recent': '最近删除（保留 {days} 天，可恢复）：',
    'library.recentRestore': '恢复「{title}」',
    'library.recentAt': '{time} 删除',
    'library.csv.above': '表头在第 {row} 行；{list}不是表头，未导入。',
    'library.csv.aboveRow': '第 {row} 行“{text}”',
  },
  en: {
    'library.deleted': 'Deleted “{title}”.',
    'library.undo': 'Undo',
    'library.restored': 'Restored “{title}”.',
    'library.restoredNoCode': 'Restored “{title}”, but its shortcut code “{code}” is now used by “{other}”: the restored reply has no code.',
    'library.restoreExists': '“{title}” is already in the library: nothing to restore.',
    'library.recent': 'Recently deleted (kept {days} {days|day|days}, can be restored):',
    'library.recentRestore': 'Restore “{title}”',
    'library.recentAt': 'deleted {time}',
    'library.csv.above': 'The header is row {row}; {list} above it is not the header and was not imported.',
    'library.csv.aboveRow': 'row {row} “{text}”',
  },
};
