/** What the background knows about a content script's page, from the browser's sender URL (never the page's word). */
import type { Platform } from '../sites/types';
import { platformOfUrl } from '../sites/urls';

/** The console platform of a page: a built-in console's, else 'taught'; null when there is no page URL. */
export function pagePlatform(url: string | undefined): Platform | null {
  if (!url) return null;
  try {
    return platformOfUrl(new URL(url)) ?? 'taught';
  } catch {
    return null;
  }
}

/** The page's origin (http/https only); null otherwise. */
export function pageOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}
