/**
 * The site facade: the rest of the extension asks here which console the page is and talks to the
 * returned adapter only. Adding a console = one folder + one line in ALL_ADAPTERS.
 */
import type { SiteAdapter } from './types';
import { demoAdapter } from './demo';
import { jdAdapter } from './jd';
import { jdOrdersAdapter } from './jd-orders';
import { douyinAdapter } from './douyin';
import { kuaishouAdapter } from './kuaishou';
import { pddAdapter } from './pdd';
import { taobaoAdapter } from './taobao';

export * from './types';
export { consoleName } from './names';

/** In match order: the first adapter whose `matches` accepts the URL wins. */
export const ALL_ADAPTERS: readonly SiteAdapter[] = [demoAdapter, pddAdapter, taobaoAdapter, jdAdapter, jdOrdersAdapter, douyinAdapter, kuaishouAdapter];

// URL-only questions (platform of a page, a buyer's chat address): ./urls, which the worker uses.
export { chatUrlFor, platformOfUrl } from './urls';

export function findAdapter(url: URL): SiteAdapter | null {
  return ALL_ADAPTERS.find((a) => a.matches(url)) ?? null;
}

export { demoAdapter, douyinAdapter, jdAdapter, jdOrdersAdapter, kuaishouAdapter, pddAdapter, taobaoAdapter };
