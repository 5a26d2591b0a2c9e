import type { MessageBundle } from '../index';

/**
 * The dead panel's refresh button and its warning (components/panel/StalePanel.tsx, drawn by the fit
 * feature script every panel loads as it starts): kept out of the content script, which keeps only
 * the one line it shows when that script never came ('panel.stale' in core.ts).
 */
export const staleMessages: MessageBundle = {
  zh: {
    'stale.reload': '刷新页面',
    'stale.typed': '聊天框里还有没发出的文字，刷新后可能会丢失：请先发送或复制它。',
    'stale.reloadAnyway': '仍然刷新',
  },
  en: {
    'stale.reload': 'Refresh page',
    'stale.typed': 'The chat box still holds unsent text, which a refresh may lose: send or copy it first.',
    'stale.reloadAnyway': 'Refresh anyway',
  },
};
