/**
 * Size budgets of the built extension (a size check on .output/chrome-mv3, not a timing test).
 * The worker is parsed at every wake (MV3 stops it after ~30 s idle); the content script is parsed
 * on every seller-page load. If your change fails here, do not raise the budget: load the code on
 * demand instead (see the message below).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

/**
 * Issue #15 asks for ≤ 150 KB. 674 KB → 148 KB on 2026-12-01 (pinyin table, data files fetched on
 * demand, URL-only site code, UTF-8 output); features landed the same evening brought it to ~176 KB.
 * This budget is a ratchet: lower it as the worker shrinks, never raise it.
 */
export const BACKGROUND_BUDGET_BYTES = 180 * 1024;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

it(`keeps the service worker (background.js) within ${kb(BACKGROUND_BUDGET_BYTES)}`, () => {
  const size = readFileSync(join(EXTENSION_DIR, 'background.js')).length;
  expect(
    size,
    `background.js is ${kb(size)}, over its ${kb(BACKGROUND_BUDGET_BYTES)} budget: every worker wake parses all of it. ` +
      'Run `npm run size -- background` to see what is in it; keep large read-only data out of the bundle ' +
      '(lib/storage/bundled.ts fetches it from the extension on first use) and import URL-only site knowledge from lib/sites/urls.ts.',
  ).toBeLessThanOrEqual(BACKGROUND_BUDGET_BYTES);
});
