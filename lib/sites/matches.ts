/**
 * Hosts the in-page panel runs on (content-script matches and host permissions of the build users
 * get). Each adapter's detect.ts decides which pages under these hosts it handles.
 */
export const CONSOLE_MATCHES = [
  'https://myseller.taobao.com/*',
  'https://qn.taobao.com/*',
  'https://trade.taobao.com/*',
  'https://dongdong.jd.com/*',
  'https://shop.jd.com/*',
  'https://mms.pinduoduo.com/*',
  'https://im.jinritemai.com/*',
  'https://im.kwaixiaodian.com/*',
];

/**
 * The bundled demo console's hosts (test/demo/server.mjs serves it on 127.0.0.1). NOT in the build
 * users get: the test harness (test/e2e/harness.ts) adds them to a copy of that build's manifest for
 * the e2e tests, `npm run demo` and `npm run bench` — the only difference between the two.
 */
export const DEMO_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
