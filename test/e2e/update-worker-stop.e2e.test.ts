/**
 * An update whose new worker Chrome stops while it is still putting the new copy into the open
 * console tabs (Chrome stops a worker when it likes: idle, a crash, memory). The update-time work
 * (lib/background/reach-tabs.ts) is left marked in storage.session until every open tab was
 * reached, and the next worker finishes it: the tab still gets the new panel, once. Stopped through
 * DevTools' ServiceWorker domain the moment Chrome reports the new version running, before it got
 * far. Its own browser: an update leaves the other files' worker gone.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inPanel, openDemoChat } from './pages';
import { extensionSuite } from './suite';
import { updateExtension } from './update';

const s = extensionSuite({ shop: 'none', pageErrors: true, launch: { args: ['--enable-unsafe-extension-debugging'] } });

/** The panel hosts on the page: 'old' for the one drawn before the update (marked by the test). */
const panels = (page: Page) => page.evaluate(() => [...document.querySelectorAll('kf-panel')].map((e) => ((e as any).__beforeUpdate ? 'old' : 'new')));

it('an update whose new worker is stopped at its start still gives the open console tab the new panel, one panel', async () => {
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
  await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  await s.page.evaluate(() => ((document.querySelector('kf-panel') as any).__beforeUpdate = true));

  // Every version Chrome reports before the update is the old one; the first new one reported
  // running is stopped at once.
  const cdp = await s.h.context.newCDPSession(s.page);
  const old = new Set<string>();
  let phase: 'before' | 'watching' | 'stopped' = 'before';
  const log: string[] = [];
  let stopped!: () => void;
  const stop = new Promise<void>((r) => (stopped = r));
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(`chrome-extension://${s.h.extensionId}/`)) continue;
      log.push(`${v.versionId}:${v.runningStatus}/${v.status}`);
      if (phase === 'before') old.add(v.versionId);
      else if (phase === 'watching' && !old.has(v.versionId) && v.runningStatus === 'running') {
        phase = 'stopped';
        void cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId }).then(() => stopped());
      }
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => old.size).toBeGreaterThan(0);
  phase = 'watching';
  await updateExtension(s.h);
  await stop;

  // Chrome starts the new version again to activate it; that worker finishes the work.
  await expect.poll(() => panels(s.page), { timeout: 20_000, message: `Chrome reported: ${log.join(' ')}` }).toEqual(['new']);
  await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  expect(await panels(s.page)).toEqual(['new']);
  expect(s.pageErrors).toEqual([]);
  await cdp.detach();
});
