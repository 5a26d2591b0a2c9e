import type { MessageBundle } from '../index';

/**
 * Buyer records: what is wrong with one, as an import lists it (check.ts problemText, run in
 * worker-extras.js with the import; the worker itself ships none of these). The import file's own
 * errors are in customers-import.ts; the card's and the options page's own strings are in
 * customers-ui.ts.
 */
export const customers: MessageBundle = {
  zh: {
    'customers.problem.notObject': '不是一条客户记录',
    'customers.problem.version': '记录版本 {version} 不支持',
    'customers.problem.nickname': '缺少昵称',
    'customers.problem.platform': '平台无效：{value}',
    'customers.problem.key': 'key 与平台、买家 ID 和昵称不一致',
    'customers.problem.buyerId': '买家 ID 无效',
    'customers.problem.text': '{field} 应为文字',
    'customers.problem.time': '{field} 应为时间戳',
    'customers.problem.tags': '标签应为文字列表',
    'customers.problem.tagLong': '标签“{tag}”多了 {over} 个字（每个标签最多 {max} 个字）',
    'customers.problem.tagCount': '标签有 {count} 个，多了 {over} 个（最多 {max} 个）',
    'customers.problem.long.note': '备注多了 {over} 个字（最多 {max} 个字）',
    'customers.problem.long.preferences': '偏好多了 {over} 个字（最多 {max} 个字）',
    'customers.problem.long.addressNote': '地址备注多了 {over} 个字（最多 {max} 个字）',
    'customers.problem.long.event': '第 {index} 条历史记录多了 {over} 个字（最多 {max} 个字）',
    'customers.problem.sizes': '尺码信息应为对象',
    'customers.problem.size': '尺码 {field} 不是合理的数值',
    'customers.problem.history': '历史记录应为列表',
    'customers.problem.event': '第 {index} 条历史记录无效',
    'customers.problem.counter': '{field} 应为非负整数',
    'customers.problem.orderIds': '订单号列表无效',
    'customers.problem.segment': '客户分类无效：{value}',

    // The buyer card in the panel (components/customers/CustomerCard.tsx).
  },
  en: {
    'customers.problem.notObject': 'not a customer record',
    'customers.problem.version': 'unsupported record version {version}',
    'customers.problem.nickname': 'missing nickname',
    'customers.problem.platform': 'unknown platform: {value}',
    'customers.problem.key': 'key does not match platform, buyer id and nickname',
    'customers.problem.buyerId': 'invalid buyer id',
    'customers.problem.text': '{field} must be text',
    'customers.problem.time': '{field} must be a timestamp',
    'customers.problem.tags': 'tags must be a list of text',
    'customers.problem.tagLong': 'the tag "{tag}" is {over} character{over||s} too long (at most {max} a tag)',
    'customers.problem.tagCount': '{count} tags, {over} more than the {max} a buyer may have',
    'customers.problem.long.note': 'the note is {over} character{over||s} too long (at most {max})',
    'customers.problem.long.preferences': 'the preferences are {over} character{over||s} too long (at most {max})',
    'customers.problem.long.addressNote': 'the address note is {over} character{over||s} too long (at most {max})',
    'customers.problem.long.event': 'history entry {index} is {over} character{over||s} too long (at most {max})',
    'customers.problem.sizes': 'sizes must be an object',
    'customers.problem.size': 'sizes.{field} is not a plausible number',
    'customers.problem.history': 'history must be a list',
    'customers.problem.event': 'history entry {index} is invalid',
    'customers.problem.counter': '{field} must be a whole number ≥ 0',
    'customers.problem.orderIds': 'orderIds must be a list of text',
    'customers.problem.segment': 'unknown segment: {value}',
  },
};
