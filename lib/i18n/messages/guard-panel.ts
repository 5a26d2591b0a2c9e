import type { MessageBundle } from '../index';

/**
 * The guard's one sentence the content script says itself (its rules did not load): kept small, the
 * content script loads it. The guard's other words — severities, categories, the badge, the
 * held-reply prompt — are in guard-prompt.ts (the guard feature script, which draws the prompt and
 * the badge); the reply clock's are in clock-panel.ts.
 */
export const guardPanelMessages: MessageBundle = {
  zh: {
    'guard.loadFailed': '合规检查没能加载（{reason}），回复照常插入。',
  },
  en: {
    'guard.loadFailed': 'The compliance check could not load ({reason}); replies are inserted as usual.',
  },
};
