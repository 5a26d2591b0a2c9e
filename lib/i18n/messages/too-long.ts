import type { MessageBundle } from '../index';

/**
 * Said under a field whose text is over what it takes (components/TooLong.tsx): the popup, the options
 * page and the panel's lazily loaded features only — never the content script.
 */
export const tooLong: MessageBundle = {
  zh: {
    'tooLong.field': '最多 {max} 字，现在 {count} 字（多 {over} 字）。文字都还在，缩短后才能保存。',
  },
  en: {
    'tooLong.field': 'Takes at most {max} character{max||s}; this has {count} ({over} over). All your text is still here: shorten it to save it.',
  },
};
