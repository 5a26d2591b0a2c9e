import type { MessageBundle } from '../index';

/** Problems of a learned-picks import file (worker-extras.js: lib/domain/suggest/learned-import.ts). */
export const learnedImportMessages: MessageBundle = {
  zh: {
    'learned.import.format': '不是本插件导出的学习记录文件（应含 kind "kf-learned"、v 1 和 picks 列表）。没有导入任何内容。',
    'learned.import.pick': '第 {n} 条记录无效（应含 id、at、text、scenario、templateId、source）',
    'learned.import.more': '还有 {count} 处问题未列出',
  },
  en: {
    'learned.import.format': 'Not a learned-picks file exported by this extension (kind "kf-learned", v 1, picks []). Nothing was imported.',
    'learned.import.pick': 'pick {n} is invalid (expected id, at, text, scenario, templateId, source)',
    'learned.import.more': '{count} more problems not listed',
  },
};
