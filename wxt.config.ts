import { defineConfig } from 'wxt';

// Hosts the content script may run on. Kept here, in one place, and mirrored by lib/sites/*/detect.ts.
// The demo console is served on 127.0.0.1 by test/demo/server.mjs.
export const CONSOLE_MATCHES = [
  'http://127.0.0.1/*',
  'http://localhost/*',
  'https://myseller.taobao.com/*',
  'https://qn.taobao.com/*',
  'https://trade.taobao.com/*',
  'https://dongdong.jd.com/*',
  'https://shop.jd.com/*',
  'https://mms.pinduoduo.com/*',
];

export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'notifications', 'clipboardWrite', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: CONSOLE_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'kefu-assistant@example.org', strict_min_version: '115.0' } } }
      : {}),
    commands: {
      'focus-search': {
        suggested_key: { default: 'Alt+K' },
        description: '__MSG_cmdFocusSearch__',
      },
    },
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
