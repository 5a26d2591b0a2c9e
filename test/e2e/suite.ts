/**
 * The set-up the buyer-notes e2e files share (vitest only: it registers hooks; pages.ts stays free
 * of vitest because the bench and the demo import it).
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { callFromExtensionPage } from './pages';

export interface BuyerNotesSuite {
  /** Chromium with the built extension, one for the file. */
  readonly h: Harness;
  /** The options page: the extension page the tests call verbs from. */
  readonly ext: Page;
  /** A fresh tab for the current test (the previous test's tab is closed). */
  readonly page: Page;
}

/**
 * Call at the top of a test file: launches Chromium with the extension and opens the options page
 * once (closed after the file), and before each test closes the last tab, opens a fresh one and
 * deletes every buyer. A file's own beforeEach, registered after this, runs after it (seed data).
 */
export function buyerNotesSuite(): BuyerNotesSuite {
  let h: Harness | undefined;
  let ext: Page | undefined;
  let page: Page | undefined;
  const need = <T>(v: T | undefined, what: string): T => {
    if (v === undefined) throw new Error(`${what} is not ready: use it inside a test or a hook`);
    return v;
  };
  beforeAll(async () => {
    h = await launchWithExtension();
    ext = await h.openExtensionPage('options.html');
  });
  afterAll(async () => h?.close());
  beforeEach(async () => {
    await page?.close();
    page = await need(h, 'the browser').context.newPage();
    await callFromExtensionPage(need(ext, 'the options page'), 'deleteAllCustomers', { confirm: true });
  });
  return {
    get h() {
      return need(h, 'the browser');
    },
    get ext() {
      return need(ext, 'the options page');
    },
    get page() {
      return need(page, 'the tab');
    },
  };
}
