import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Two projects: `unit` (pure logic in Node, components in happy-dom) and `e2e` (the built extension
// in real Chromium against the demo console; run after `wxt build`).
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  // The same `@/` alias WXT gives the extension code.
  resolve: { alias: { '@/': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'components/**/*.test.tsx', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup-unit.ts'],
          // The machine is shared and noisy (2 cores; a load of 20 seen while CI ran): tests doing a
          // few seconds of honest work (a 300-row list through happy-dom, the corpus scan) went past
          // vitest's 5 s default. A hung test still fails, after 20 s.
          testTimeout: 20_000,
          // lib/team and scripts/team tests start a pouchdb-server: installed here, before any worker runs.
          globalSetup: ['test/team/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          poolOptions: { forks: { singleFork: true } },
          // A failed browser test runs once more before it counts as failed: on this shared 2-core
          // machine a rare input-timing race (about 1 run in 13 for the contenteditable caret test,
          // 2026-12-02) would otherwise fail CI, and nothing lands. A feature that is really broken
          // still fails both runs; vitest reports every retried test, so a flaky one stays visible.
          retry: 1,
        },
      },
    ],
  },
});
