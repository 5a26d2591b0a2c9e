/**
 * A console's display name, in both interface languages (each adapter's `name`): the panel's
 * header, the side panel's line and the page check say it in the interface's language.
 */
import type { Locale } from '../i18n/lookup';

export interface ConsoleName {
  zh: string;
  en: string;
  /** What a caveat in the name means (the header's tooltip): a new agent read 「未确认」 as the buyer or the account. */
  why?: { zh: string; en: string };
}

/** A console's name in the interface's language. */
export function consoleName(name: ConsoleName, locale: Locale): string {
  return locale === 'en' ? name.en : name.zh;
}
