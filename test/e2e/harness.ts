/**
 * Real-browser harness: a Chromium (found by scripts/find-chromium.ts) driven by playwright-core, with the built extension
 * (.output/chrome-mv3, the build users get) loaded into a fresh profile, and the demo console served
 * on 127.0.0.1. The one difference from the users' build: a copy of it whose manifest also lets the
 * content script run on the demo console's hosts (DEMO_MATCHES; see withDemoHosts).
 * Used by the e2e tests, `npm run demo` and `npm run bench`.
 */
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDemoServer } from '../demo/server.mjs';
import { DEMO_MATCHES } from '../../lib/sites/matches';
import { chromiumPath } from '../../scripts/find-chromium';

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  /** The unpacked extension Chromium loaded (a copy of the build, with the demo hosts). */
  extensionDir: string;
  /** Base URL of the demo console, e.g. http://127.0.0.1:41234 */
  demoUrl: string;
  serviceWorker(): Promise<Worker>;
  /**
   * Opens an extension page such as 'popup.html' or 'options.html', in a new tab IN FRONT. A test
   * that goes back to another tab (the demo chat) calls `bringToFront()` on it first: a tab behind
   * another gets about one animation frame a second (measured 0.3–1 s to the next frame, 13–75 ms
   * in front) and no focus, and the waits of Playwright and of the panel helpers run on frames.
   */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
  /**
   * Closes the browser and leaves its profile and extension copy for a later launch (`profile`): the
   * browser started again another day, its stored data there (the last launch's close removes them).
   */
  closeKeepingProfile(): Promise<KeptProfile>;
}

/** What a harness closed by closeKeepingProfile left: its profile and its extension copy (same path, same extension id). */
export interface KeptProfile {
  userDataDir: string;
  extensionDir: string;
}

/** Flags every Chromium here needs (this machine has no network: background services only fail). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

/** A plain Chromium (no extension), for tests of page-level code such as lib/insert. */
export function launchPlainChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

export interface LaunchOptions {
  headless?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
  viewport?: { width: number; height: number };
  /** Device pixels per CSS pixel: 1.25 with a 1093×614 viewport is a 1366×768 screen at 125% zoom. */
  deviceScaleFactor?: number;
  /** An unpacked extension other than the build (the bench's bare floor extension). */
  extensionDir?: string;
  /** Extra environment for Chromium, e.g. `{ TZ: 'America/Los_Angeles' }` (Chromium takes its zone from TZ). */
  env?: Record<string, string>;
  /**
   * Keep the options page the install opens (lib/background/welcome.ts). By default it is closed
   * before the harness returns, so a test starts with only the tabs it opens, its own in front.
   */
  keepWelcome?: boolean;
  /** Start on what an earlier harness left (closeKeepingProfile): the same profile and extension, no install. */
  profile?: KeptProfile;
}

/** The options page a fresh install opens (options.html?welcome#shop), once it is there; null if none came. */
export function welcomePage(context: BrowserContext, timeoutMs = 15_000): Promise<Page | null> {
  const isWelcome = (p: Page) => p.url().includes('/options.html?welcome');
  return new Promise((resolve) => {
    const watched = new Set<Page>();
    const check = () => {
      const p = context.pages().find(isWelcome);
      if (p) done(p);
    };
    const watch = (p: Page) => {
      watched.add(p);
      p.on('framenavigated', check);
      check();
    };
    const done = (p: Page | null) => {
      clearTimeout(timer);
      context.off('page', watch);
      for (const w of watched) w.off('framenavigated', check);
      resolve(p);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    context.on('page', watch);
    context.pages().forEach(watch);
  });
}

/**
 * Copies the build users get and adds the demo console's hosts to its host permissions and content
 * script matches — nothing else changes (same scripts, same pages, same CSP). Returns the copy.
 */
export async function withDemoHosts(buildDir: string, into: string): Promise<string> {
  await cp(buildDir, into, { recursive: true });
  const file = join(into, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as {
    host_permissions?: string[];
    content_scripts?: { matches: string[] }[];
  };
  const add = (list: string[] = []) => [...list, ...DEMO_MATCHES.filter((m) => !list.includes(m))];
  manifest.host_permissions = add(manifest.host_permissions);
  for (const cs of manifest.content_scripts ?? []) cs.matches = add(cs.matches);
  await writeFile(file, JSON.stringify(manifest, null, 2));
  return into;
}

export async function launchWithExtension(options: LaunchOptions = {}): Promise<Harness> {
  const sourceDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(sourceDir, 'manifest.json'))) {
    throw new Error(`No built extension at ${sourceDir}: run \`npx wxt build\` first.`);
  }
  const executablePath = chromiumPath();
  const userDataDir = options.profile?.userDataDir ?? (await mkdtemp(join(tmpdir(), 'kf-profile-')));
  // The bench's bare floor extension already runs on the demo hosts; the build gets them added.
  const extensionDir =
    options.profile?.extensionDir ?? options.extensionDir ?? (await withDemoHosts(EXTENSION_DIR, await mkdtemp(join(tmpdir(), 'kf-extension-'))));
  const server = await startDemoServer();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
    locale: 'zh-CN',
    ...(options.env ? { env: { ...process.env, ...options.env } as Record<string, string> } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_FLAGS,
      ...(options.args ?? []),
    ],
  });
  // tsx (which runs the benches and the demo) wraps functions with an `__name` helper; functions
  // handed to page.evaluate/addInitScript must find it in the page too.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  const serviceWorker = async () => {
    const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
    return existing ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  };
  const sw = await serviceWorker();
  const extensionId = new URL(sw.url()).host;
  // The install opens the options page once; a tab that opened later, in front, would slow the test's own.
  // (Started again on a kept profile there is no install, and no welcome page to wait for.)
  if (!options.extensionDir && !options.keepWelcome && !options.profile) await (await welcomePage(context))?.close();
  return {
    context,
    extensionId,
    extensionDir,
    demoUrl: server.url,
    serviceWorker,
    async openExtensionPage(path: string) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      await server.close();
      await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
      if (!options.extensionDir) await rm(extensionDir, { recursive: true, force: true }).catch(() => {});
    },
    async closeKeepingProfile() {
      await context.close().catch(() => {});
      await server.close();
      return { userDataDir, extensionDir };
    },
  };
}

/** What Chrome reports of one version of the extension's worker (DevTools protocol, ServiceWorker domain). */
interface WorkerVersionReport {
  runningStatus: string;
  status: string;
}

/**
 * The extension's service worker as Chrome reports it over the DevTools protocol, to stop it as
 * Chrome does when it is idle. Event-driven: a stop counts when Chrome reports that version
 * 'stopped' after the stop was asked for, however quickly something starts it again (the last
 * report looked at every 10–50 ms missed a worker that a message in flight started again in the
 * same millisecond: "worker did not stop", worker-stop.e2e.test.ts).
 */
export interface ExtensionWorkerControl {
  /** The running status Chrome last reported ('stopped', 'starting', 'running', 'stopping'). */
  status(): string | undefined;
  /**
   * Waits until the worker is installed and not midway through starting or stopping, stops it if it
   * runs, and resolves once Chrome reports that worker stopped: whatever answers next is a fresh
   * worker with none of the old one's memory. (A message in flight at the stop is cut off; the
   * product's client sends it once more, which may start that fresh worker at once.)
   */
  stop(): Promise<void>;
  detach(): Promise<void>;
}

export async function watchExtensionWorker(h: Pick<Harness, 'context' | 'extensionId'>, page: Page): Promise<ExtensionWorkerControl> {
  const cdp = await h.context.newCDPSession(page);
  const versions = new Map<string, WorkerVersionReport>();
  /** Every report, in order ("<version>:<running status>/<status>"), for error messages. */
  const reports: string[] = [];
  /** 'stopped' reports per version: a stop counts when its version's count grew after it was asked. */
  const stops = new Map<string, number>();
  let changed: () => void = () => {};
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`)) continue;
      versions.set(v.versionId, { runningStatus: v.runningStatus, status: v.status });
      reports.push(`${v.versionId}:${v.runningStatus}/${v.status}`);
      if (v.runningStatus === 'stopped') stops.set(v.versionId, (stops.get(v.versionId) ?? 0) + 1);
    }
    changed();
  });
  /** Resolves when `ok()` holds, checked now and at every report (no polling). */
  const until = (ok: () => boolean, what: string, timeoutMs = 15_000) =>
    new Promise<void>((resolve, reject) => {
      if (ok()) return resolve();
      const timer = setTimeout(() => {
        changed = () => {};
        reject(new Error(`timed out waiting for ${what}; Chrome reported: ${reports.slice(-12).join(' ') || 'nothing'}`));
      }, timeoutMs);
      changed = () => {
        if (!ok()) return;
        changed = () => {};
        clearTimeout(timer);
        resolve();
      };
    });
  const live = () => [...versions].filter(([, v]) => v.status !== 'redundant');
  await cdp.send('ServiceWorker.enable');
  await until(() => live().length > 0, 'the extension worker to be listed');
  return {
    status: () => live().at(-1)?.[1].runningStatus,
    async stop() {
      // Installed (Chrome stops an idle worker, never one still installing) and settled.
      await until(
        () => live().every(([, v]) => v.status === 'activated' && (v.runningStatus === 'running' || v.runningStatus === 'stopped')),
        'the extension worker to be installed and settled',
      );
      const running = live().filter(([, v]) => v.runningStatus === 'running').map(([id]) => id);
      const before = new Map(running.map((id) => [id, stops.get(id) ?? 0]));
      for (const versionId of running) await cdp.send('ServiceWorker.stopWorker', { versionId });
      await until(() => running.every((id) => (stops.get(id) ?? 0) > before.get(id)!), 'the extension worker to stop');
    },
    detach: () => cdp.detach(),
  };
}

/**
 * Stops the extension's service worker through the DevTools protocol, as Chrome does when it is
 * idle, and waits until Chrome reports it stopped (watchExtensionWorker): the next message wakes a
 * fresh worker with none of the old one's memory. `status()` tells the worker's running status as
 * Chrome reports it since; `detach()` ends the DevTools session.
 */
export async function stopExtensionWorker(
  h: Pick<Harness, 'context' | 'extensionId'>,
  page: Page,
): Promise<{ status(): string | undefined; detach(): Promise<void> }> {
  const worker = await watchExtensionWorker(h, page);
  await worker.stop();
  return worker;
}
