import type { MessageBundle } from '../index';

/** Problems of a learned-picks import file (worker-extras.js: lib/domain/suggest/learned-import.ts). */
export const learnedImportMessages: MessageBundle = {
  zh: {
    'learned.import.format': '这不是学习记录的导出文件。请选择在“学习记录”页用“导出学习记录”保存的文件（文件名类似 kefu-learned-20261203.json）。',
    'learned.import.pick': '第 {n} 条记录不完整或已损坏（文件可能被改动过）',
    'learned.import.more': '还有 {count} 处问题未列出',
    'learned.import.duplicate': '第 {n} 条记录（id "{id}"）：id 与第 {other} 条重复，内容却不同（文件可能被改动过）',
  },
  en: {
    'learned.import.format': 'This is not a learned-picks export. Choose a file saved with "Export learned picks" on the Learned tab (named like kefu-learned-20261203.json).',
    'learned.import.pick': 'pick {n} is incomplete or damaged (the file may have been edited)',
    'learned.import.more': '{count} more problem{count||s} not listed',
    'learned.import.duplicate': 'pick {n} (id "{id}"): the same id as pick {other}, with other content (the file may have been edited)',
  },
};
