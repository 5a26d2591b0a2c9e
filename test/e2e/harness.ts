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
  /** An unpacked extension other than the build (the bench's bare floor extension). */
  extensionDir?: string;
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
  const userDataDir = await mkdtemp(join(tmpdir(), 'kf-profile-'));
  // The bench's bare floor extension already runs on the demo hosts; the build gets them added.
  const extensionDir = options.extensionDir ?? (await withDemoHosts(EXTENSION_DIR, await mkdtemp(join(tmpdir(), 'kf-extension-'))));
  const server = await startDemoServer();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1400, height: 900 },
    locale: 'zh-CN',
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
  return {
    context,
    extensionId,
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
  };
}

/**
 * Stops the extension's service worker through the DevTools protocol, as Chrome does when it is
 * idle, and waits until Chrome reports it stopped: the next message wakes a fresh worker with none
 * of the old one's memory. `status()` tells the worker's running status as Chrome reports it since;
 * `detach()` ends the DevTools session.
 */
export async function stopExtensionWorker(
  h: Pick<Harness, 'context' | 'extensionId'>,
  page: Page,
): Promise<{ status(): string | undefined; detach(): Promise<void> }> {
  const cdp = await h.context.newCDPSession(page);
  const seen: string[] = [];
  let versionId: string | undefined;
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`)) continue;
      versionId = v.versionId;
      seen.push(v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await waitUntil(() => versionId !== undefined, 'the extension worker to be listed');
  await cdp.send('ServiceWorker.stopWorker', { versionId: versionId! });
  await waitUntil(() => seen.at(-1) === 'stopped', 'the extension worker to stop');
  return { status: () => seen.at(-1), detach: () => cdp.detach() };
}

async function waitUntil(ok: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
