import type { MessageBundle } from '../index';

/**
 * The options page's notices about the starter replies in a saved library: the order conditions
 * offered (starterOrders), the corrected wordings an update gave untouched copies (starterReworded),
 * and the replies a later starter added (starterAdded).
 */
export const starterOrdersMessages: MessageBundle = {
  zh: {
    'starterOrders.notice': '有 {n} 条内置话术可以补上「适用订单状态」：补上后，订单状态不符时不会再推荐（如未付款时不推荐“已付款确认”）。',
    'starterOrders.which': '是哪些话术',
    'starterOrders.apply': '补上',
    'starterOrders.dismiss': '不用了，不再提示',
    'starterOrders.applied': '已为 {n} 条内置话术补上适用订单状态。',
    'starterReworded.notice':
      '本次更新改了 {n} 条内置话术的说法：{titles}。截单时间过后不再写已经过去的截单时间，改用 {付款发货}（截单前“今天16:00前付款，今天发出”，截单后“现在付款，明天发出”）。您改过的话术没有改动。',
    'starterReworded.restore':
      '恢复的备份是更新前做的，其中 {n} 条内置话术还是旧的说法（对买家说了不属实的话），已换成现在的说法：{titles}。您改过的话术没有改动。',
    'starterReworded.import':
      '导入的文件是更新前导出的，其中 {n} 条内置话术还是旧的说法（对买家说了不属实的话），已按现在的说法导入：{titles}。您改过的话术没有改动。',
    'starterReworded.dismiss': '知道了',
    'starterAdded.notice': '内置话术新增了 {n} 条话术，您的话术库里还没有：{titles}。',
    'starterAdded.add': '全部加上',
    'starterAdded.dismiss': '不用了，不再提示',
    'starterAdded.added': '已加上 {n} 条内置话术。',
  },
  en: {
    'starterOrders.notice':
      '{n} built-in replies can take their "Fits order state": with it, a reply is no longer suggested when the order state does not fit (e.g. "Payment received" is not suggested while the order is unpaid).',
    'starterOrders.which': 'Which replies',
    'starterOrders.apply': 'Apply',
    'starterOrders.dismiss': "No thanks, don't ask again",
    'starterOrders.applied': 'Added the order state to {n} built-in replies.',
    'starterReworded.notice':
      'This update reworded {n} built-in repl{n|y|ies}: {titles}. After the cut-off they no longer name a cut-off time already past; they use {付款发货} ("pay before 16:00 today, ships today" before the cut-off, "pay now, ships tomorrow" after it). Replies you edited were left as they were.',
    'starterReworded.restore':
      'The restored backup was made before an update: {n} built-in repl{n|y|ies} in it still had the old wording (telling buyers something untrue) and now {n|has|have} the current one: {titles}. Replies you edited were left as they were.',
    'starterReworded.import':
      'The imported file was exported before an update: {n} built-in repl{n|y|ies} in it still had the old wording (telling buyers something untrue) and came in with the current one: {titles}. Replies you edited were left as they were.',
    'starterReworded.dismiss': 'Got it',
    'starterAdded.notice':
      'The built-in replies gained {n} repl{n|y|ies} your library does not have yet: {titles}.',
    'starterAdded.add': 'Add them all',
    'starterAdded.dismiss': "No thanks, don't ask again",
    'starterAdded.added': 'Added {n} built-in repl{n|y|ies}.',
  },
};
