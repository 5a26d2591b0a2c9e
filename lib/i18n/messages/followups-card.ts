import type { MessageBundle } from '../index';

/** The buyer's open follow-ups on their card (the card frame loads these, with followups.ts for the kinds). */
export const followupsCard: MessageBundle = {
  zh: {
    'followups.card.heading': '待跟进',
    'followups.card.due': '{due} 截止',
    'followups.card.overdue': '已逾期（{due}）',
    'followups.card.more': '还有 {count} 项，见工具栏弹窗',
  },
  en: {
    'followups.card.heading': 'To follow up',
    'followups.card.due': 'due {due}',
    'followups.card.overdue': 'overdue ({due})',
    'followups.card.more': '{count} more in the toolbar popup',
  },
};
