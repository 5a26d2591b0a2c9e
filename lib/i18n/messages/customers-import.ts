import type { MessageBundle } from '../index';

/**
 * A customers import file's errors (lib/domain/customers/import-export.ts, in worker-extras.js),
 * in the shop's interface language; the options page shows customers.import.json itself when the
 * file does not parse.
 */
export const customersImport: MessageBundle = {
  zh: {
    'customers.import.json': '文件不是有效的 JSON：可能下载或复制时被截断，或者不是本插件导出的客户文件。',
    'customers.import.format': '这不是客户档案的导出文件：请选择在“客户档案”页用“导出全部客户”保存的文件（文件名类似 kefu-customers-20261203.json）',
    'customers.import.list': '缺少 customers 列表',
    'customers.import.tooMany': '客户太多（{count} 条，上限 {max} 条）',
    'customers.import.entry': '第 {n} 条「{nick}」：{problem}',
    'customers.import.entryNoNick': '第 {n} 条：{problem}',
    'customers.import.duplicate': '与第 {other} 条是同一位客户',
    'customers.import.more': '还有 {count} 处问题未列出',
    'customers.import.ceiling.note': '备注有 {length} 个字，导入最多收 {ceiling} 个字（上限 {max} 个字的两倍：合并两份档案最多这么长）',
    'customers.import.ceiling.preferences': '偏好有 {length} 个字，导入最多收 {ceiling} 个字（上限 {max} 个字的两倍：合并两份档案最多这么长）',
    'customers.import.ceiling.addressNote': '地址备注有 {length} 个字，导入最多收 {ceiling} 个字（上限 {max} 个字的两倍：合并两份档案最多这么长）',
    'customers.import.tagsCeiling': '标签有 {count} 个，导入最多收 {ceiling} 个（上限 {max} 个的两倍：合并两份档案最多这么多）',
  },
  en: {
    'customers.import.json': 'The file is not valid JSON: it may have been cut off while downloading or copying, or it is not a customers file exported by this extension.',
    'customers.import.format': 'not a buyer-notes export: choose a file saved with "Export all buyers" on the Buyer notes tab (named like kefu-customers-20261203.json)',
    'customers.import.list': 'customers must be a list',
    'customers.import.tooMany': 'too many customers ({count}, at most {max})',
    'customers.import.entry': 'entry {n} "{nick}": {problem}',
    'customers.import.entryNoNick': 'entry {n}: {problem}',
    'customers.import.duplicate': 'same customer as entry {other}',
    'customers.import.more': '{count} more problem{count||s} not listed',
    'customers.import.ceiling.note': 'the note has {length} character{length||s}; an import takes at most {ceiling} (twice the limit of {max}: as long as joining two records can make it)',
    'customers.import.ceiling.preferences': 'the preferences have {length} character{length||s}; an import takes at most {ceiling} (twice the limit of {max}: as long as joining two records can make them)',
    'customers.import.ceiling.addressNote': 'the address note has {length} character{length||s}; an import takes at most {ceiling} (twice the limit of {max}: as long as joining two records can make it)',
    'customers.import.tagsCeiling': '{count} tags; an import takes at most {ceiling} (twice the limit of {max}: as many as joining two records can give)',
  },
};
