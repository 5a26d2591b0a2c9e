/**
 * What the background needs to know about the built-in consoles from a URL alone: which platform a
 * page is, and a buyer's chat address. Only the consoles' detect.ts URL tests, never their DOM
 * readers, so the service worker (parsed at every wake) does not carry them. The adapters in
 * index.ts use the same functions; urls.test.ts checks the two lists agree.
 */
import type { Platform } from './types';
import { demoChatUrl, isDemoUrl } from './demo/detect';
import { isJdChatUrl } from './jd/detect';
import { isPddChatUrl } from './pdd/detect';
import { isTaobaoUrl } from './taobao/detect';
import { isJdOrdersUrl } from './jd-orders/detect';
import { isDouyinChatUrl } from './douyin/detect';
import { isKuaishouChatUrl } from './kuaishou/detect';

/** In ALL_ADAPTERS' order: the first whose test accepts the URL wins. */
export const URL_MATCHERS: readonly { platform: Platform; matches: (url: URL) => boolean; chatUrl?: (buyer: string, page: URL, buyerId?: string | null) => string | null }[] = [
  { platform: 'demo', matches: isDemoUrl, chatUrl: demoChatUrl },
  { platform: 'pdd', matches: isPddChatUrl },
  { platform: 'taobao', matches: isTaobaoUrl },
  { platform: 'jd', matches: isJdChatUrl },
  { platform: 'jd', matches: isJdOrdersUrl },
  { platform: 'douyin', matches: isDouyinChatUrl },
  { platform: 'kuaishou', matches: isKuaishouChatUrl },
];

/** The built-in console a URL belongs to, or null. */
export function platformOfUrl(url: URL): Platform | null {
  return URL_MATCHERS.find((m) => m.matches(url))?.platform ?? null;
}

/**
 * A buyer's chat address on the console of `page`, or null where the console has none. `buyerId`
 * (the console's id of the buyer, when known) is preferred by consoles that route by it.
 */
export function chatUrlFor(buyer: string, page: URL, buyerId?: string | null): string | null {
  return URL_MATCHERS.find((m) => m.matches(page))?.chatUrl?.(buyer, page, buyerId ?? null) ?? null;
}
