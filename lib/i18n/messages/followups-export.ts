import type { MessageBundle } from '../index';

/**
 * The words of the follow-up CSV export (lib/domain/followups/csv.ts, in worker-extras.js), and the
 * items' statuses and the consoles' short names, which the popup shows too. Kept out of
 * followups.ts: background.js, parsed at every wake of the worker, does not need them.
 */
export const followupsExport: MessageBundle = {
  zh: {
    'followups.status.open': '待办',
    'followups.status.done': '已完成',
    'followups.status.snoozed': '已推迟',
    'followups.status.overdue': '已逾期',

    'followups.csv.kind': '类型',
    'followups.csv.buyer': '买家',
    'followups.csv.platform': '平台',
    'followups.csv.orderId': '订单号',
    'followups.csv.reason': '原因',
    'followups.csv.dueAt': '截止时间',
    'followups.csv.status': '状态',
    'followups.csv.note': '备注',

    // A console's short name: the popup's row tag and the CSV's 平台 column.
    'followups.platform.taobao': '淘宝',
    'followups.platform.jd': '京东',
    'followups.platform.pdd': '拼多多',
    'followups.platform.douyin': '抖店',
    'followups.platform.kuaishou': '快手',
    'followups.platform.demo': '演示',
    'followups.platform.taught': '自定义',
    'followups.platform.title': '平台：{platform}',
  },
  en: {
    'followups.status.open': 'Open',
    'followups.status.done': 'Done',
    'followups.status.snoozed': 'Snoozed',
    'followups.status.overdue': 'Overdue',

    'followups.csv.kind': 'Kind',
    'followups.csv.buyer': 'Buyer',
    'followups.csv.platform': 'Platform',
    'followups.csv.orderId': 'Order no.',
    'followups.csv.reason': 'Reason',
    'followups.csv.dueAt': 'Due',
    'followups.csv.status': 'Status',
    'followups.csv.note': 'Note',

    // A console's short name: the popup's row tag and the CSV's 平台 column.
    'followups.platform.taobao': 'Taobao',
    'followups.platform.jd': 'JD',
    'followups.platform.pdd': 'Pinduoduo',
    'followups.platform.douyin': 'Douyin',
    'followups.platform.kuaishou': 'Kuaishou',
    'followups.platform.demo': 'Demo',
    'followups.platform.taught': 'Custom',
    'followups.platform.title': 'Platform: {platform}',
  },
};
