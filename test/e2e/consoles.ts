/**
 * Fixture pages served AT the real consoles' addresses: the content script only runs on the
 * consoles' own URLs, so each test routes that origin to a fixture file (nothing leaves the machine).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { inPanel, panel } from './pages';

const ROOT = resolve(import.meta.dirname, '..', '..');
const FIXTURES = resolve(ROOT, 'test', 'fixtures');

export interface ConsoleFixture {
  /** The console's real address the page is opened at. */
  url: string;
  /** Route pattern for the console's origin. */
  pattern: string;
  file: string;
  /** Extra files served under the same origin: path → file on disk. */
  assets?: Record<string, string>;
}

const asset = (name: string) => resolve(FIXTURES, 'assets', name);
const DOUYIN = { url: 'https://im.jinritemai.com/pc_seller_v2/main/workspace', pattern: 'https://im.jinritemai.com/**', assets: { '/fixture-assets/douyin-chat.js': asset('douyin-chat.js') } };

export const CONSOLES = {
  pdd: { url: 'https://mms.pinduoduo.com/chat-merchant/index.html#/', pattern: 'https://mms.pinduoduo.com/**', file: 'pdd-chat.html' },
  jd: { url: 'https://dongdong.jd.com/', pattern: 'https://dongdong.jd.com/**', file: 'jd-dongdong.html', assets: { '/fixture-assets/jd-dongdong-rows.js': asset('jd-dongdong-rows.js') } },
  douyin: { ...DOUYIN, file: 'douyin-chat.html' },
  douyinV2: { ...DOUYIN, file: 'douyin-chat-v2.html' },
  kuaishou: {
    url: 'https://im.kwaixiaodian.com/workbench',
    pattern: 'https://im.kwaixiaodian.com/**',
    file: 'kuaishou-chat.html',
    // A real Quill, from the exact-pinned devDependency.
    assets: { '/fixture-assets/quill.js': resolve(ROOT, 'node_modules', 'quill', 'dist', 'quill.js') },
  },
  taobaoMemo: {
    url: 'https://trade.taobao.com/trade/memo/update_sell_memo.htm?biz_order_id=3709981726354019283',
    pattern: 'https://trade.taobao.com/**',
    file: 'taobao-memo.html',
  },
  taobaoSold: { url: 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold', pattern: 'https://myseller.taobao.com/**', file: 'taobao-sold.html' },
  taobaoDetail: { url: 'https://qn.taobao.com/home.htm/trade-platform/tp/detail?bizOrderId=3710462259018273645', pattern: 'https://qn.taobao.com/**', file: 'taobao-detail.html' },
  jdOrders: { url: 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=waitOut', pattern: 'https://shop.jd.com/**', file: 'jd-orders.html' },
} satisfies Record<string, ConsoleFixture>;

/** What each console origin serves now, per browser context: the routes below read it at every request. */
const serving = new WeakMap<BrowserContext, Map<string, { fx: ConsoleFixture; transform?: (html: string) => string }>>();
/** The patterns already routed, per context (routeConsole) and per page (openConsole). */
const routed = new WeakMap<BrowserContext | Page, Set<string>>();

/**
 * Makes `fx` what its console's origin serves in `context`, and says whether `target` still needs
 * a route for that origin. Routed once per pattern: a later fixture for the same origin only changes
 * what the route serves.
 */
function serve(context: BrowserContext, target: BrowserContext | Page, fx: ConsoleFixture, transform?: (html: string) => string): boolean {
  for (const file of Object.values(fx.assets ?? {})) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm ci\` (the Kuaishou fixture needs the quill devDependency).`);
  }
  let byPattern = serving.get(context);
  if (!byPattern) serving.set(context, (byPattern = new Map()));
  byPattern.set(fx.pattern, { fx, transform });
  let patterns = routed.get(target);
  if (!patterns) routed.set(target, (patterns = new Set()));
  if (patterns.has(fx.pattern)) return false;
  patterns.add(fx.pattern);
  return true;
}

const handler = (context: BrowserContext, pattern: string) => (route: Route) => {
  const { fx, transform } = serving.get(context)!.get(pattern)!;
  const path = new URL(route.request().url()).pathname;
  const asset = fx.assets?.[path];
  if (asset) return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(asset, 'utf8') });
  if (route.request().resourceType() !== 'document') return route.fulfill({ status: 404, body: '' });
  const html = readFileSync(resolve(FIXTURES, fx.file), 'utf8');
  return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: transform ? transform(html) : html });
};

/**
 * Serves `fx` (and its assets) at the console's origin in this browser context (every tab).
 * Playwright's context.route / unroute waits for every service worker of the context to take the
 * new interception, a stopped extension worker too: after `stopWorker` it returned only once
 * something else (the worker's one-minute alarm) started the worker again — 55 s to 5 min. So a
 * test that stops the worker opens its console page with `openConsole` (a route on that tab only).
 */
export async function routeConsole(context: BrowserContext, fx: ConsoleFixture, transform?: (html: string) => string): Promise<void> {
  if (serve(context, context, fx, transform)) await context.route(fx.pattern, handler(context, fx.pattern));
}

/**
 * Opens the console fixture and waits for the panel. Routed on this tab only (page.route does not
 * wait for the extension's worker), so a stopped worker is woken by the console page itself, as
 * an agent's tab wakes it; a fixture routeConsole gave the context is replaced for every tab.
 */
export async function openConsole(page: Page, fx: ConsoleFixture, transform?: (html: string) => string): Promise<void> {
  if (serve(page.context(), page, fx, transform)) await page.route(fx.pattern, handler(page.context(), fx.pattern));
  await page.goto(fx.url);
  await panel(page).waitFor();
}

export const buyerName = (page: Page) => inPanel(page, '[data-kf="buyer-name"]').textContent();
