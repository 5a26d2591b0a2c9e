import type { MessageBundle } from '../index';

/**
 * The reply clock's words: the 等待中 list (the script every panel loads after it is shown,
 * lib/panel/clock-run.tsx) and the wait on the buyer card (the card frame). Not in content.js.
 */
export const clockPanelMessages: MessageBundle = {
  zh: {
    'clock.waiting': '已等待 {time}',
    'clock.answered': '已回复',
    'clock.list': '等待中',
    'clock.more': '还有 {n} 位买家在等待',
    'clock.open': '切换到 {buyer}',
    'clock.cannotOpen': '此后台不支持从这里切换，请在左侧会话列表点击。',
    'clock.notOpened': '后台没有切换到这位买家，请在左侧会话列表点击。',
    'clock.listUnread': '读不出这个页面上的等待列表（页面结构可能已变化），请在左侧会话列表查看谁在等待。',
  },
  en: {
    'clock.waiting': 'Waiting {time}',
    'clock.answered': 'Answered',
    'clock.list': 'Waiting',
    'clock.more': '{n} more waiting',
    'clock.open': 'Switch to {buyer}',
    'clock.cannotOpen': 'This console cannot switch from here; click the conversation in its list.',
    'clock.notOpened': 'The console did not switch to this buyer; click the conversation in its list.',
    'clock.listUnread': 'Cannot read the waiting list on this page (the page may have changed); check the console’s list.',
  },
};
