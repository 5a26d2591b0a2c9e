import { defineConfig } from 'wxt';
import { CONSOLE_MATCHES } from './lib/sites/matches';

export default defineConfig({
  srcDir: '.',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'notifications', 'clipboardWrite', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: CONSOLE_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'kefu-assistant@example.org', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } } } }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
