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
export async function updateWithoutDemoHosts(h: Harness): Promise<void> {
  const file = join(h.extensionDir, 'manifest.json');
  const original = await readFile(file, 'utf8');
  const manifest = JSON.parse(original);
  manifest.content_scripts[0].matches = manifest.content_scripts[0].matches.filter((m: string) => !/127\.0\.0\.1|localhost/.test(m));
  await writeFile(file, JSON.stringify(manifest));
  onTestFinished(async () => {
    await writeFile(file, original);
    await updateExtension(h);
  });
  await updateExtension(h);
  await expect.poll(() => h.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`)).length, { timeout: 15_000 }).toBeGreaterThan(0);
}
