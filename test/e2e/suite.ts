/**
 * The set-up the e2e files share (vitest only: it registers hooks; pages.ts stays free of vitest
 * because the bench and the demo import it): `extensionSuite` for most files, and on it the
 * buyer-notes and the options-page forms.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, stopExtensionWorker, type Harness, type LaunchOptions } from './harness';
import { callFromExtensionPage, openQuietExtensionPage, setUpDemoShop } from './pages';

export type InterfaceLocale = 'zh-CN' | 'en';

export interface ExtensionSuiteOptions<S> {
  /** Chromium's time zone (it takes it from TZ), e.g. 'UTC'; otherwise this machine's. */
  timezone?: string;
  /** The window's size; the harness's 1400×900 otherwise. */
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel (1.25 with 1093×614 is a 1366×768 screen at 125%). */
  deviceScaleFactor?: number;
  /** Anything else for `launchWithExtension` (keepWelcome, Chromium flags). */
  launch?: Omit<LaunchOptions, 'env' | 'viewport' | 'deviceScaleFactor'>;
  /**
   * The demo shop (agent 小美 of 橙子旗舰店, cut-off 16:00, setUpDemoShop): 'keep' (the default) sets
   * it up and keeps that options tab as `ext`; 'close' sets it up and closes the tab (a tab that
   * reloads its data on every change would message the worker); 'none' leaves a fresh install.
   */
  shop?: 'keep' | 'close' | 'none';
  /** The interface language for the whole file, set once the shop is (needs `shop: 'keep'`). */
  locale?: InterfaceLocale;
  /**
   * The tab the tests work in: 'each' (the default) opens a fresh one before each test, closing the
   * previous test's first; 'file' opens one for the whole file; 'none' opens none.
   */
  page?: 'each' | 'file' | 'none';
  /** Collects the uncaught errors of the current `page` into `pageErrors` (a new list per tab, each with its stack). */
  pageErrors?: boolean;
  /**
   * Opens an extension page that sends the worker nothing of its own (openQuietExtensionPage) as
   * `quiet`, for the tests that stop the worker: otherwise a tab's own messages wake it again.
   */
  quietPage?: boolean;
  /** A server the browser talks to (the team server), started before Chromium and stopped after it. */
  server?: () => Promise<S>;
  /** How long the set-up may take, in ms (starting a team server takes minutes on a busy machine). */
  setUpTimeout?: number;
}

export interface ExtensionSuite<S = never> {
  /** Chromium with the built extension, one for the file. */
  readonly h: Harness;
  /** The options tab the demo shop was set up in (shop: 'keep'): where tests set up data. */
  readonly ext: Page;
  /** The current test's tab (page: 'each'), or the file's (page: 'file'). */
  readonly page: Page;
  /** The uncaught errors of `page` so far (pageErrors: true). */
  readonly pageErrors: string[];
  /** The quiet extension page (quietPage: true). */
  readonly quiet: Page;
  /** What `server` started. */
  readonly server: S;
  /**
   * Stops the extension's worker as Chrome does when it is idle, through DevTools on `from` (the
   * quiet page, else `ext`), once Chrome reports it stopped: the next message wakes a fresh worker.
   */
  stopWorker(from?: Page): ReturnType<typeof stopExtensionWorker>;
  /** In the calling describe: its tests see the interface in `locale`, Chinese again after them. */
  interfaceIn(locale: InterfaceLocale): void;
  /** Closes `page` and opens a fresh tab in its place, for a test that needs a clean one midway. */
  freshPage(): Promise<Page>;
}

const need = <T>(v: T | undefined, what: string): T => {
  if (v === undefined) throw new Error(`${what} is not ready: use it inside a test or a hook (or ask the suite for it)`);
  return v;
};

/**
 * Call at the top of a test file: launches Chromium with the extension once for the file (closed,
 * and the server stopped, after it), sets up the demo shop and opens the tabs `options` asks for.
 * A file's own hooks, registered after this, run after these (before) and before them (after).
 */
export function extensionSuite<S extends { close(): Promise<void> } | { stop(): Promise<void> } = never>(
  options: ExtensionSuiteOptions<S> = {},
): ExtensionSuite<S> {
  const { shop = 'keep', page: pageMode = 'each' } = options;
  let h: Harness | undefined;
  let ext: Page | undefined;
  let page: Page | undefined;
  let quiet: Page | undefined;
  let server: S | undefined;
  let pageErrors: string[] | undefined;
  const setLocale = (locale: InterfaceLocale) =>
    callFromExtensionPage(need(ext, 'the demo shop’s options tab (shop: \'keep\')'), 'patchSettings', { shop: { locale } });
  const newPage = async () => {
    page = await need(h, 'the browser').context.newPage();
    if (options.pageErrors) {
      const errors: string[] = (pageErrors = []);
      // With the stack: a failure under load (rare, timing-dependent) then names where it was thrown.
      page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
    }
  };
  beforeAll(async () => {
    if (options.server) server = await options.server();
    h = await launchWithExtension({
      ...options.launch,
      ...(options.timezone ? { env: { TZ: options.timezone } } : {}),
      ...(options.viewport ? { viewport: options.viewport } : {}),
      ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
    });
    if (shop !== 'none') {
      const tab = await setUpDemoShop(h);
      if (shop === 'keep') ext = tab;
      else await tab.close();
    }
    if (options.locale) await setLocale(options.locale);
    if (options.quietPage) quiet = await openQuietExtensionPage(h);
    if (pageMode === 'file') await newPage();
  }, options.setUpTimeout);
  afterAll(async () => {
    await h?.close();
    if (server) await ('close' in server ? server.close() : server.stop());
  });
  if (pageMode === 'each')
    beforeEach(async () => {
      await page?.close();
      await newPage();
    });
  return {
    get h() {
      return need(h, 'the browser');
    },
    get ext() {
      return need(ext, 'the demo shop’s options tab (shop: \'keep\')');
    },
    get page() {
      return need(page, 'the tab');
    },
    get pageErrors() {
      return need(pageErrors, 'the page errors (pageErrors: true)');
    },
    get quiet() {
      return need(quiet, 'the quiet page (quietPage: true)');
    },
    get server() {
      return need(server, 'the server');
    },
    stopWorker(from) {
      return stopExtensionWorker(need(h, 'the browser'), from ?? quiet ?? need(ext, 'a page to stop the worker from'));
    },
    interfaceIn(locale) {
      beforeAll(() => setLocale(locale));
      afterAll(() => setLocale('zh-CN'));
    },
    async freshPage() {
      await page?.close();
      await newPage();
      return need(page, 'the tab');
    },
  };
}

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
  // No demo shop here: these files start from a fresh install's settings.
  const base = extensionSuite({ shop: 'none' });
  let ext: Page | undefined;
  beforeAll(async () => {
    ext = await base.h.openExtensionPage('options.html');
  });
  beforeEach(() => callFromExtensionPage(need(ext, 'the options page'), 'deleteAllCustomers', { confirm: true }));
  return {
    get h() {
      return base.h;
    },
    get ext() {
      return need(ext, 'the options page');
    },
    get page() {
      return base.page;
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
  const base = extensionSuite({ page: 'none' });
  const opened: Page[] = [];
  afterEach(async () => {
    for (const p of opened.splice(0)) await p.close();
    await reset(base.ext);
  });
  return {
    get h() {
      return base.h;
    },
    get other() {
      return base.ext;
    },
    async open(tab) {
      const page = await base.h.openExtensionPage(`options.html#${tab}`);
      opened.push(page);
      return page;
    },
    async newPage() {
      const page = await base.h.context.newPage();
      opened.push(page);
      return page;
    },
  };
}
