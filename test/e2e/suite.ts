/**
 * The set-up the buyer-notes and the options-page e2e files share (vitest only: it registers hooks;
 * pages.ts stays free of vitest because the bench and the demo import it).
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { callFromExtensionPage, setUpDemoShop } from './pages';

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
const need = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new Error(`${what} is not ready: use it inside a test or a hook`);
  return v;
};

export function buyerNotesSuite(): BuyerNotesSuite {
  let h: Harness | undefined;
  let ext: Page | undefined;
  let page: Page | undefined;
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

export interface OptionsTabsSuite {
  /** Chromium with the built extension, one for the file. */
  readonly h: Harness;
  /** A second options tab, in the demo shop: the "elsewhere" of the tests, and where data is set up. */
  readonly other: Page;
  /** Opens the options page on `tab`, in front; closed after the test. */
  open(tab: string): Promise<Page>;
  /** A blank tab (a chat page, say), in front; closed after the test. */
  newPage(): Promise<Page>;
}

/**
 * Call at the top of an options-page test file: launches Chromium with the extension and sets up
 * the demo shop (closed after the file); after each test, closes the tabs it opened, then `reset`
 * puts back what the file's tests change (through `other`).
 */
export function optionsTabsSuite(reset: (other: Page) => Promise<void>): OptionsTabsSuite {
  let h: Harness | undefined;
  let other: Page | undefined;
  const opened: Page[] = [];
  beforeAll(async () => {
    h = await launchWithExtension();
    other = await setUpDemoShop(h);
  });
  afterAll(async () => h?.close());
  afterEach(async () => {
    for (const p of opened.splice(0)) await p.close();
    await reset(need(other, 'the second options tab'));
  });
  return {
    get h() {
      return need(h, 'the browser');
    },
    get other() {
      return need(other, 'the second options tab');
    },
    async open(tab) {
      const page = await need(h, 'the browser').openExtensionPage(`options.html#${tab}`);
      opened.push(page);
      return page;
    },
    async newPage() {
      const page = await need(h, 'the browser').context.newPage();
      opened.push(page);
      return page;
    },
  };
}
