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
      '本次更新改了 {n} 条内置话术的说法：{titles}。旧说法有的对买家说得不准（比如截单后还写着已经过去的截单时间），有的只适合服装店，或者读着生硬。您改过的话术没有改动。',
    'starterReworded.restore':
      '恢复的备份是更新前做的，其中 {n} 条内置话术还是旧的说法（有的说得不准或不妥当），已换成现在的说法：{titles}。您改过的话术没有改动。',
    'starterReworded.import':
      '导入的文件是更新前导出的，其中 {n} 条内置话术还是旧的说法（有的说得不准或不妥当），已按现在的说法导入：{titles}。您改过的话术没有改动。',
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
      'This update reworded {n} built-in repl{n|y|ies}: {titles}. Some old wordings told buyers something inaccurate (such as a cut-off time already past), some fitted only a clothing shop, or read stiffly. Replies you edited were left as they were.',
    'starterReworded.restore':
      'The restored backup was made before an update: {n} built-in repl{n|y|ies} in it still had the old wording (some of it inaccurate or ill-judged) and now {n|has|have} the current one: {titles}. Replies you edited were left as they were.',
    'starterReworded.import':
      'The imported file was exported before an update: {n} built-in repl{n|y|ies} in it still had the old wording (some of it inaccurate or ill-judged) and came in with the current one: {titles}. Replies you edited were left as they were.',
    'starterReworded.dismiss': 'Got it',
    'starterAdded.notice':
      'The built-in replies gained {n} repl{n|y|ies} your library does not have yet: {titles}.',
    'starterAdded.add': 'Add them all',
    'starterAdded.dismiss': "No thanks, don't ask again",
    'starterAdded.added': 'Added {n} built-in repl{n|y|ies}.',
  },
};
