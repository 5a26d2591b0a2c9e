/**
 * An extension update in the e2e browser, the way a real one happens: the same directory loaded again
 * (DevTools' Extensions.loadUnpacked, what 重新加载 in chrome://extensions does). The browser needs
 * `--enable-unsafe-extension-debugging`; an update leaves other files' worker gone, so a file that
 * updates has its own browser.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import type { Harness } from './harness';

/** Loads the extension's directory again, as an update does: same id, new runtime. */
export async function updateExtension(h: Harness): Promise<void> {
  const cdp = await h.context.browser()!.newBrowserCDPSession();
  const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: h.extensionDir } as never)) as { id: string };
  await cdp.detach();
  expect(id).toBe(h.extensionId);
}

/**
 * Updates to a version whose content script no longer matches the demo hosts (its host permissions
 * keep them), and waits for that version's worker: no new copy may be put into a tab there by the
 * manifest. When the test finishes, the directory is put back and loaded again, so the file's next
 * test has the extension as built.
 */
export const updateWithoutDemoHosts = (h: Harness): Promise<void> =>
  updateWithManifest(h, (m) => (m.content_scripts[0]!.matches = m.content_scripts[0]!.matches.filter((p) => !/127\.0\.0\.1|localhost/.test(p))));

/**
 * Updates to a version whose worker does not reach the open tabs (lib/background/reach-tabs.ts puts
 * in the manifest's first content script: here one for a host no tab is on), while the content
 * script as built, second, still runs in every page loaded afterwards: an open console tab keeps the
 * dead panel, as when the worker was stopped before it got there, and 刷新页面 brings the new one.
 * Put back when the test finishes, as updateWithoutDemoHosts.
 */
export const updateWithoutReach = (h: Harness): Promise<void> =>
  updateWithManifest(h, (m) => m.content_scripts.unshift({ ...m.content_scripts[0]!, matches: ['https://kf-no-tab.invalid/*'] }));

interface Manifest {
  content_scripts: { matches: string[] }[];
}

async function updateWithManifest(h: Harness, edit: (manifest: Manifest) => void): Promise<void> {
  const file = join(h.extensionDir, 'manifest.json');
  const original = await readFile(file, 'utf8');
  const manifest = JSON.parse(original) as Manifest;
  edit(manifest);
  await writeFile(file, JSON.stringify(manifest));
  onTestFinished(async () => {
    await writeFile(file, original);
    const before = new Set(workers(h));
    await updateExtension(h);
    // Until its worker has put the new copy into the open tabs: one landing in the next test's
    // freshly opened page would draw its panel and card again under that test (seen: no card in 10 s).
    await expect
      .poll(async () => {
        const fresh = workers(h).filter((w) => !before.has(w));
        return fresh.length > 0 && (await fresh.at(-1)!.evaluate(() => (globalThis as any).chrome.storage.session.get('reachPending').then((r: Record<string, unknown>) => !r.reachPending)).catch(() => false));
      }, { timeout: 20_000 })
      .toBe(true);
  });
  await updateExtension(h);
  await expect.poll(() => workers(h).length, { timeout: 15_000 }).toBeGreaterThan(0);
}

const workers = (h: Harness) => h.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`));
