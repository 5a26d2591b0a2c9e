import type { MessageBundle } from '../index';

/** Problems of an 导入全部数据 file (worker-extras.js: lib/domain/all-data.ts), in the shop's interface language. */
export const allDataImportMessages: MessageBundle = {
  zh: {
    'allData.import.format': '这不是「全部数据」导出文件。请选择用「导出全部数据」保存的文件（文件名类似 kefu-all-data-20261203.json）。',
    'allData.import.newer': '文件版本 {version} 来自更新版本的插件，请先升级插件。',
    'allData.import.section': '「{section}」部分已损坏（文件可能被改动过）',
    'allData.import.entry': '「{section}」第 {n} 条不完整或已损坏',
    'allData.import.more': '还有 {count} 处问题未列出',
    'allData.import.in': '{section}：{problem}',
    'allData.section.library': '话术库',
    'allData.section.customers': '客户档案',
    'allData.section.buyerNames': '买家身份记录',
    'allData.section.followups': '跟进',
    'allData.section.learned': '学习记录',
    'allData.section.settings': '设置',
    'allData.section.usage': '使用统计',
    'allData.section.replyClock': '回复计时',
    'allData.section.remarkOverrides': '备注例外记录',
  },
  en: {
    'allData.import.format': 'This is not an “all data” export. Choose a file saved with “Export all data” (named like kefu-all-data-20261203.json).',
    'allData.import.newer': 'File version {version} comes from a newer version of the extension; update the extension first.',
    'allData.import.section': 'the “{section}” part is damaged (the file may have been edited)',
    'allData.import.entry': '“{section}” entry {n} is incomplete or damaged',
    'allData.import.more': '{count} more problem{count||s} not listed',
    'allData.import.in': '{section}: {problem}',
    'allData.section.library': 'reply library',
    'allData.section.customers': 'buyer notes',
    'allData.section.buyerNames': 'buyer identity records',
    'allData.section.followups': 'follow-ups',
    'allData.section.learned': 'learned picks',
    'allData.section.settings': 'settings',
    'allData.section.usage': 'usage statistics',
    'allData.section.replyClock': 'reply clock',
    'allData.section.remarkOverrides': 'remark overrides',
  },
};
