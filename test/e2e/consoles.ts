/**
 * Fixture pages served AT the real consoles' addresses: the content script only runs on the
 * consoles' own URLs, so each test routes that origin to a fixture file (nothing leaves the machine).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
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
  jd: { url: 'https://dongdong.jd.com/', pattern: 'https://dongdong.jd.com/**', file: 'jd-dongdong.html' },
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
  jdOrders: { url: 'https://shop.jd.com/jdm/trade/orders/order-list?tabType=waitOut', pattern: 'https://shop.jd.com/**', file: 'jd-orders.html' },
} satisfies Record<string, ConsoleFixture>;

/** Serves `fx` (and its assets) at the console's origin in this browser context. */
export async function routeConsole(context: BrowserContext, fx: ConsoleFixture, transform?: (html: string) => string): Promise<void> {
  for (const file of Object.values(fx.assets ?? {})) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm ci\` (the Kuaishou fixture needs the quill devDependency).`);
  }
  await context.unroute(fx.pattern).catch(() => {});
  await context.route(fx.pattern, (route) => {
    const path = new URL(route.request().url()).pathname;
    const asset = fx.assets?.[path];
    if (asset) return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(asset, 'utf8') });
    if (route.request().resourceType() !== 'document') return route.fulfill({ status: 404, body: '' });
    const html = readFileSync(resolve(FIXTURES, fx.file), 'utf8');
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: transform ? transform(html) : html });
  });
}

/** Opens the console fixture and waits for the panel. */
export async function openConsole(page: Page, fx: ConsoleFixture, transform?: (html: string) => string): Promise<void> {
  await routeConsole(page.context(), fx, transform);
  await page.goto(fx.url);
  await panel(page).waitFor();
}

export const buyerName = (page: Page) => inPanel(page, '[data-kf="buyer-name"]').textContent();
