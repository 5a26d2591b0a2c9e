import type { MessageBundle } from '../index';

/**
 * A worker older than the page (lib/messaging/client.ts `outdated`): kept from before an update,
 * it does not know the page’s newer verbs. Registered by the options page and the popup, where the
 * newer verbs are called; not by the content script (its size budget): there it reads 出现意外错误.
 */
export const outdated: MessageBundle = {
  zh: {
    'error.outdated': '扩展的后台还是旧版本：请在扩展管理页（chrome://extensions）的客服助手上点「重新加载」',
  },
  en: {
    'error.outdated': 'the extension’s background is out of date: reload Service Desk Helper in chrome://extensions',
  },
};
