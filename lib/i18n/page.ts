import { getLocale, t } from './lookup';

/**
 * An extension page's language and title in the interface language (call after setLocale): a
 * screen reader announces the title and picks its voice by `lang`, and the English font stack
 * (`:lang(en)` in the pages' styles) draws Latin punctuation from a Latin font. The HTML files
 * carry the Chinese ones until this runs; the popup and the card frame kept them in English
 * (QA pass I, defect 7).
 */
export function nameThePage(titleKey: string): void {
  document.documentElement.lang = getLocale();
  document.title = t(titleKey);
}
