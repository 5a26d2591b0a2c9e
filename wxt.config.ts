import { defineConfig } from 'wxt';
import { CONSOLE_MATCHES } from './lib/sites/matches';
import { bundledAssets } from './lib/storage/bundled-assets';
import { buildVersion, readGit } from './scripts/build-version';
import { minifyPanelCss } from './scripts/minify-css';
import pkg from './package.json' with { type: 'json' };

// Grows with every commit (scripts/build-version.ts): a packed or store update needs a higher version, and
// chrome://extensions shows which build runs. (After replacing unpacked files, 重新加载 is still needed: README.)
const version = buildVersion(pkg.version, readGit(import.meta.dirname));
if (version.warning) console.warn(`\u26a0 manifest version: ${version.warning}`);

export default defineConfig({
  srcDir: '.',
  outDir: process.env.KF_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    version: version.version,
    version_name: version.versionName,
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // unlimitedStorage: every record (buyer notes, follow-ups, the library) and the local backups of
    // them live in IndexedDB of this one origin. Without it that origin is best-effort storage, which
    // Chromium evicts whole, least recently used first, when the disk runs short — the data and its
    // backups together. With it the origin is never evicted and has no quota short of the disk.
    // Measured at a year of data (test/bench/storage-size.ts): ~11 MB with 17 backups; see README.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'clipboardWrite', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen'])],
    host_permissions: CONSOLE_MATCHES,
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // The buyer card is an extension page framed inside the panel (lib/panel/card-frame.ts). It must
    // be web-accessible on every page the panel may run on: the consoles, and any http(s) site the
    // agent teaches (granted at run time, so not known here). Nothing else is web-accessible.
    // use_dynamic_url (Chrome): its address changes every session, so a site cannot probe for it.
    web_accessible_resources: [{ resources: ['card.html'], matches: ['https://*/*', 'http://*/*'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) }],
    // The side panel needs Chrome 114; the build targets the same versions (vite.build.target below).
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'kefu-assistant@example.org', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } } } }
      : { minimum_chrome_version: '114' }),
  }),
  hooks: {
    // WXT sets esbuild's charset to ascii, which writes every Chinese character as a 6-byte \uXXXX
    // escape; UTF-8 (3 bytes, and what Chrome requires of content scripts anyway) makes the worker
    // ~10 KB and the content script ~15 KB smaller. esbuild still escapes what UTF-8 cannot hold.
    'vite:build:extendConfig': (_entries, config) => {
      if (config.esbuild) config.esbuild.charset = 'utf8';
    },
    // Firefox runs the background as a page, which has no importScripts(): worker-extras.js
    // (lib/background/extras.ts) is listed before background.js there and loaded with it.
    'build:manifestGenerated': (wxt, manifest) => {
      const bg = manifest.background as { scripts?: string[] } | undefined;
      if (wxt.config.browser === 'firefox' && bg?.scripts) bg.scripts = ['worker-extras.js', ...bg.scripts.filter((f) => f !== 'worker-extras.js')];
    },
    // Data the worker fetches when it needs it instead of parsing it at every wake (lib/storage/bundled.ts).
    'build:publicAssets': (_wxt, files) => {
      for (const [relativeDest, contents] of bundledAssets()) files.push({ relativeDest, contents });
    },
  },
  vite: () => ({
    plugins: [minifyPanelCss()],
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    build: {
      // The browsers the manifest accepts (minimum_chrome_version, gecko strict_min_version): esbuild
      // then keeps regex lookbehinds as literals instead of rewriting them for Safari 14.
      target: ['chrome114', 'firefox142'],
      // `npm run size` builds with hidden source maps to attribute bytes to modules.
      ...(process.env.KF_SOURCEMAP ? { sourcemap: 'hidden' as const } : {}),
    },
  }),
});
