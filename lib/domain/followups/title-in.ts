/**
 * A follow-up's title in one interface language, for a page that does not carry these messages: the
 * worker renders it for the chat panel's "added" line (the content script stays small). Apart from
 * text.ts because it needs the English bundle, which background.js does not carry (worker-extras.js
 * does).
 */
import { followups as messages } from '../../i18n/messages/followups';
import type { Locale } from '../../i18n/lookup';
import { followupTitleTagged, sayFrom } from './text';
import type { Followup } from './types';

/** With the tag of a masked buyer's name, as the popup shows the item (`followupTitleTagged`). */
export const followupTitleIn = (f: Pick<Followup, 'kind' | 'title' | 'buyer' | 'buyerId'>, locale: Locale): string =>
  followupTitleTagged(f, sayFrom(locale === 'en' ? messages.en : messages.zh));
