import type { MessageBundle } from '../index';

/** Handing a follow-up over (交接): the 交给… menu in the panel and the popup, and its tags. */
export const handover: MessageBundle = {
  zh: {
    'handover.label': '交给',
    'handover.keep': '不交接',
    'handover.shift.day': '白班',
    'handover.shift.night': '夜班',
    'handover.next': '{shift}（下一班）',
    'handover.to': '交给{to}',
    'handover.take': '收回',
    'handover.done': '已交给{to}',
    'handover.taken': '已收回，不再交接',
    'handover.section.team': '交接给我 / {from}交接',
    'handover.section.local': '{from}交接',
  },
  en: {
    'handover.label': 'Hand to',
    'handover.keep': 'Keep it',
    'handover.shift.day': 'day shift',
    'handover.shift.night': 'night shift',
    'handover.next': '{shift} (next)',
    'handover.to': 'For {to}',
    'handover.take': 'Take back',
    'handover.done': 'Handed to {to}',
    'handover.taken': 'Taken back; no longer handed over',
    'handover.section.team': 'Handed to me / from the {from}',
    'handover.section.local': 'Handover from the {from}',
  },
};
