import type { MessageBundle } from '../index';

/**
 * The reply clock inside the page (the 等待中 list, the card's wait) and the guard's one sentence
 * the content script says itself (its rules did not load): kept small, the content script loads it.
 * The guard's other words — severities, categories, the badge, the held-reply prompt — are in
 * guard-prompt.ts (the guard feature script, which draws the prompt and the badge).
 */
export const guardPanelMessages: MessageBundle = {
  zh: {
    'guard.loadFailed': '合规检查没能加载（{reason}），回复照常插入。',
    'clock.waiting': '已等待 {time}',
    'clock.answered': '已回复',
    'clock.list': '等待中',
    'clock.more': '还有 {n} 位买家在等待',
    'clock.open': '切换到 {buyer}',
    'clock.cannotOpen': '此后台不支持从这里切换，请在左侧会话列表点击。',
    'clock.notOpened': '后台没有切换到这位买家，请在左侧会话列表点击。',
  },
  en: {
    'guard.loadFailed': 'The compliance check could not load ({reason}); replies are inserted as usual.',
    'clock.waiting': 'Waiting {time}',
    'clock.answered': 'Answered',
    'clock.list': 'Waiting',
    'clock.more': '{n} more waiting',
    'clock.open': 'Switch to {buyer}',
    'clock.cannotOpen': 'This console cannot switch from here; click the conversation in its list.',
    'clock.notOpened': 'The console did not switch to this buyer; click the conversation in its list.',
  },
};
