/**
 * Hosts the in-page panel runs on (content-script matches and host permissions). Each adapter's
 * detect.ts decides which pages under these hosts it handles. The demo console is served on
 * 127.0.0.1 / localhost by test/demo/server.mjs.
 */
export const CONSOLE_MATCHES = [
  'http://127.0.0.1/*',
  'http://localhost/*',
  'https://myseller.taobao.com/*',
  'https://qn.taobao.com/*',
  'https://trade.taobao.com/*',
  'https://dongdong.jd.com/*',
  'https://shop.jd.com/*',
  'https://mms.pinduoduo.com/*',
  'https://im.jinritemai.com/*',
  'https://im.kwaixiaodian.com/*',
];
