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
    'customers.import.ceiling.note': '备注有 {length} 个字，导入最多收 {ceiling} 个字（上限 {max} 个字的两倍）：请先把这位买家的备注删到 {ceiling} 个字以内',
    'customers.import.ceiling.preferences': '偏好有 {length} 个字，导入最多收 {ceiling} 个字（上限 {max} 个字的两倍）：请先把这位买家的偏好删到 {ceiling} 个字以内',
    'customers.import.ceiling.addressNote': '地址备注有 {length} 个字，导入最多收 {ceiling} 个字（上限 {max} 个字的两倍）：请先把这位买家的地址备注删到 {ceiling} 个字以内',
    'customers.import.tagsCeiling': '标签有 {count} 个，导入最多收 {ceiling} 个（上限 {max} 个的两倍）：请先删掉这位买家的一些标签，留 {ceiling} 个以内',
    'customers.import.here.note': '这位买家的备注已有 {here} 个字，加上这一行共 {length} 个字，导入最多收 {ceiling} 个字（上限 {max} 个字的两倍）：请先在客户档案里把这位买家的备注删短，再导入这一行',
    'customers.import.here.preferences': '这位买家的偏好已有 {here} 个字，加上这一行共 {length} 个字，导入最多收 {ceiling} 个字（上限 {max} 个字的两倍）：请先在客户档案里把这位买家的偏好删短，再导入这一行',
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
    'customers.import.ceiling.note': "the note has {length} character{length||s}; an import takes at most {ceiling} (twice the limit of {max}): shorten this buyer's note to {ceiling} first",
    'customers.import.ceiling.preferences': "the preferences have {length} character{length||s}; an import takes at most {ceiling} (twice the limit of {max}): shorten this buyer's preferences to {ceiling} first",
    'customers.import.ceiling.addressNote': "the address note has {length} character{length||s}; an import takes at most {ceiling} (twice the limit of {max}): shorten this buyer's address note to {ceiling} first",
    'customers.import.tagsCeiling': "{count} tags; an import takes at most {ceiling} (twice the limit of {max}): remove some of this buyer's tags first, to keep {ceiling} at most",
    'customers.import.here.note': "this buyer's note here already has {here} character{here||s}, {length} with this row; an import takes at most {ceiling} (twice the limit of {max}): shorten the buyer's note in Buyer notes first, then import this row",
    'customers.import.here.preferences': "this buyer's preferences here already have {here} character{here||s}, {length} with this row; an import takes at most {ceiling} (twice the limit of {max}): shorten the buyer's preferences in Buyer notes first, then import this row",
  },
};
