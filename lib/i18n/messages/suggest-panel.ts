import type { MessageBundle } from '../index';

/**
 * Strings of the panel's suggestion part that come with the suggestion engine (the suggest feature
 * script, lib/panel/features.ts), not with the content script every console page loads: the panel
 * registers them when the engine is in, and shows them only from then on.
 */
export const suggestPanelMessages: MessageBundle = {
  zh: {
    // The shop spoke last: the basis is the round its reply answered (lib/domain/suggest/context.ts).
    'panel.basisAnswered': '店铺回复后买家还没有新消息 · 依据回复前的 {count} 条',
  },
  en: {
    'panel.basisAnswered': 'No buyer message since the shop’s last reply · based on the {count} before it',
  },
};
