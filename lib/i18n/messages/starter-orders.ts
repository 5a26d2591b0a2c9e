import type { MessageBundle } from '../index';

/** The options page's notice offering the starter replies' order conditions to a saved library. */
export const starterOrdersMessages: MessageBundle = {
  zh: {
    'starterOrders.notice': '有 {n} 条内置话术可以补上「适用订单状态」：补上后，订单状态不符时不会再推荐（如未付款时不推荐“已付款确认”）。',
    'starterOrders.which': '是哪些话术',
    'starterOrders.apply': '补上',
    'starterOrders.dismiss': '不用了，不再提示',
    'starterOrders.applied': '已为 {n} 条内置话术补上适用订单状态。',
  },
  en: {
    'starterOrders.notice':
      '{n} built-in replies can take their "Fits order state": with it, a reply is no longer suggested when the order state does not fit (e.g. "Payment received" is not suggested while the order is unpaid).',
    'starterOrders.which': 'Which replies',
    'starterOrders.apply': 'Apply',
    'starterOrders.dismiss': "No thanks, don't ask again",
    'starterOrders.applied': 'Added the order state to {n} built-in replies.',
  },
};
