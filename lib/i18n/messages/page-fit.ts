import type { MessageBundle } from '../index';

/**
 * Why the panel starts folded on a chat page that has no room for it (lib/panel/page-fit.ts, the fit
 * feature script): kept out of the content script, which every console page loads. Picked by the
 * shop's interface language from the panel's settings.
 */
export const pageFit: MessageBundle = {
  zh: {
    'panel.noRoom': '页面不能变窄，面板会盖住聊天框，故先收起',
    'panel.chatSqueezed': '页面给面板让出位置后，聊天框太窄无法使用，故先收起',
  },
  en: {
    'panel.noRoom': 'This page cannot narrow: the panel would cover the chat box, so it starts folded',
    'panel.chatSqueezed': 'Beside the panel, this page’s chat box would be too narrow to use, so the panel starts folded',
  },
};
