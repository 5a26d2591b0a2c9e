import type { MessageBundle } from '../index';

/**
 * Handing a follow-up over (交接): the 交给… menu in the panel and the popup, and its tags. The
 * popup's own handover words (收回, its sections) are in followups-ui.ts: the content script loads this file.
 */
export const handover: MessageBundle = {
  zh: {
    'handover.label': '交给',
    'handover.keep': '不交接',
    'handover.shift.day': '白班',
    'handover.shift.night': '夜班',
    'handover.next': '{shift}（下一班）',
    'handover.nextAllDay': '{shift}（全天白班，交给下一位）',
    'handover.to': '交给{to}',
    'handover.done': '已交给{to}',
    'handover.edge.last': '已是最后一项：按 ↑ 换一项',
    'handover.edge.first': '已是第一项：按 ↓ 换一项',
  },
  en: {
    'handover.label': 'Hand to',
    'handover.keep': 'No one',
    'handover.shift.day': 'day shift',
    'handover.shift.night': 'night shift',
    'handover.next': '{shift} (next)',
    'handover.nextAllDay': '{shift} (all day: whoever is on next)',
    'handover.to': 'For {to}',
    'handover.done': 'Handed to {to}',
    'handover.edge.last': 'That is the last choice: ↑ for another',
    'handover.edge.first': 'That is the first choice: ↓ for another',
  },
};
