/**
 * A follow-up's title in one interface language, for a page that does not carry these messages: the
 * worker renders it for the chat panel's "added" line (the content script stays small). Apart from
 * text.ts because it needs the English bundle, which background.js does not carry (worker-extras.js
 * does).
 */
import { followups as messages } from '../../i18n/messages/followups';
import type { Locale } from '../../i18n/lookup';
import { followupTitle, sayFrom } from './text';
import type { Followup } from './types';

export const followupTitleIn = (f: Pick<Followup, 'kind' | 'title' | 'buyer'>, locale: Locale): string =>
  followupTitle(f, sayFrom(locale === 'en' ? messages.en : messages.zh));
