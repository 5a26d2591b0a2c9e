import type { MessageBundle } from '../index';

/**
 * A write the agent asked for that did not happen, in words (lib/messaging/not-done.ts `notDoneText`):
 * what was not done, why, and — for a full disk — what stayed as it was and what to do. Pages only
 * (the popup, the options page); never the content script (its size budget).
 */
export const notDoneMessages: MessageBundle = {
  zh: {
    'notDone.full': '{notDone}：存储空间已满。{unchanged}；请腾出磁盘空间或稍等片刻后{again}。',
    'notDone.other': '{notDone}：{reason}。',
    'notDone.again': '再点一次',
  },
  en: {
    'notDone.full': '{notDone}: the storage is full. {unchanged}; free some disk space or wait a moment, then {again}.',
    'notDone.other': '{notDone}: {reason}.',
    'notDone.again': 'click again',
  },
};
