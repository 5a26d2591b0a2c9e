import type { MessageBundle } from '../index';

/**
 * The compliance guard and the reply clock inside the page (panel, badge): kept small, the content
 * script loads it. The held-reply prompt's own words are in guard-prompt.ts (the guard feature script).
 */
export const guardPanelMessages: MessageBundle = {
  zh: {
    'guard.severity.block': '需确认',
    'guard.severity.warn': '提醒',
    'guard.cat.off-platform': '站外导流',
    'guard.cat.cash-for-review': '好评返现',
    'guard.cat.absolute-claim': '极限用语',
    'guard.cat.curt': '生硬回复',
    'guard.cat.repetition': '重复发送',
    'guard.cat.custom': '本店规则',
    'guard.badge': '⚠ {n}处可能违规',
    'guard.badgeTitle': '{labels}（详情见客服助手面板）',
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
    'guard.severity.block': 'confirm',
    'guard.severity.warn': 'note',
    'guard.cat.off-platform': 'Off-platform contact',
    'guard.cat.cash-for-review': 'Reward for review',
    'guard.cat.absolute-claim': 'Absolute claim',
    'guard.cat.curt': 'Curt reply',
    'guard.cat.repetition': 'Repeated reply',
    'guard.cat.custom': 'Shop rule',
    'guard.badge': '⚠ {n} possible issue(s)',
    'guard.badgeTitle': '{labels} (details in the helper panel)',
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
