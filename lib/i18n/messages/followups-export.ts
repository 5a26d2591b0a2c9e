import type { MessageBundle } from '../index';

/**
 * The words of the follow-up CSV export (lib/domain/followups/csv.ts, in worker-extras.js) and the
 * items' statuses, which the popup shows too. Kept out of followups.ts: background.js, parsed at
 * every wake of the worker, does not need them.
 */
export const followupsExport: MessageBundle = {
  zh: {
    'followups.status.open': '待办',
    'followups.status.done': '已完成',
    'followups.status.snoozed': '已推迟',
    'followups.status.overdue': '已逾期',

    'followups.csv.kind': '类型',
    'followups.csv.buyer': '买家',
    'followups.csv.orderId': '订单号',
    'followups.csv.reason': '原因',
    'followups.csv.dueAt': '截止时间',
    'followups.csv.status': '状态',
    'followups.csv.note': '备注',
  },
  en: {
    'followups.status.open': 'Open',
    'followups.status.done': 'Done',
    'followups.status.snoozed': 'Snoozed',
    'followups.status.overdue': 'Overdue',

    'followups.csv.kind': 'Kind',
    'followups.csv.buyer': 'Buyer',
    'followups.csv.orderId': 'Order no.',
    'followups.csv.reason': 'Reason',
    'followups.csv.dueAt': 'Due',
    'followups.csv.status': 'Status',
    'followups.csv.note': 'Note',
  },
};
