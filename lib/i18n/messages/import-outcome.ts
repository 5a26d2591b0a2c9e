import type { MessageBundle } from '../index';

/**
 * What a refused import left as it was, said once after its reasons (components/options/import-outcome.ts).
 * The reasons themselves never say it: a heading that says it leaves this off.
 */
export const importOutcomeMessages: MessageBundle = {
  zh: {
    'import.unchanged.library': '没有导入任何内容，现有话术库未改动。',
    'import.unchanged.customers': '没有导入任何内容，现有客户档案未改动。',
    'import.unchanged.data': '没有导入任何内容，现有数据未改动。',
    'import.unchanged.learned': '没有导入任何内容，现有学习记录未改动。',
  },
  en: {
    'import.unchanged.library': 'Nothing was imported; the library was not changed.',
    'import.unchanged.customers': 'Nothing was imported; your buyer notes are unchanged.',
    'import.unchanged.data': 'Nothing was imported; your data is unchanged.',
    'import.unchanged.learned': 'Nothing was imported; your learned picks are unchanged.',
  },
};
