import type { MessageBundle } from '../index';

/**
 * A worker older than the page (lib/messaging/client.ts `outdated`): kept from before an update,
 * it does not know the page’s newer verbs. Registered by the options page, the popup and the
 * library of the browser side panel; not by the content script (its size budget).
 */
export const outdated: MessageBundle = {
  zh: {
    'error.outdated': '扩展的后台还是旧版本：请在扩展管理页（chrome://extensions）的客服助手上点「重新加载」',
  },
  en: {
    'error.outdated': 'the extension’s background is out of date: reload Service Desk Helper in chrome://extensions',
  },
};

/**
 * The same case in the panel on a console page (the card frame, the remark form, the follow-ups, what
 * an insertion teaches — each registers it where it words the worker's errors): the agent is in the
 * console, not in chrome://extensions, so it says what happened and both steps, the page's refresh
 * too (this page still runs the copy the old background does not know).
 */
export const outdatedPanel: MessageBundle = {
  zh: {
    'error.outdated': '客服助手已更新，但还没有重新加载：请在扩展管理页（chrome://extensions）的客服助手上点「重新加载」，然后刷新此页面',
  },
  en: {
    'error.outdated': 'Service Desk Helper was updated but not reloaded: click Reload on it in chrome://extensions, then refresh this page',
  },
};
