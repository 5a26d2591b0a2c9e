import type { MessageBundle } from '../index';

/**
 * The options page's notices about the starter replies in a saved library: the order conditions
 * offered (starterOrders), and the corrected wordings an update gave untouched copies (starterReworded).
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
    'starterReworded.dismiss': '知道了',
  },
  en: {
    'starterOrders.notice':
      '{n} built-in replies can take their "Fits order state": with it, a reply is no longer suggested when the order state does not fit (e.g. "Payment received" is not suggested while the order is unpaid).',
    'starterOrders.which': 'Which replies',
    'starterOrders.apply': 'Apply',
    'starterOrders.dismiss': "No thanks, don't ask again",
    'starterOrders.applied': 'Added the order state to {n} built-in replies.',
    'starterReworded.notice':
      'This update reworded {n} built-in replies: {titles}. After the cut-off they no longer name a cut-off time already past; they use {付款发货} ("pay before 16:00 today, ships today" before the cut-off, "pay now, ships tomorrow" after it). Replies you edited were left as they were.',
    'starterReworded.dismiss': 'Got it',
  },
};
