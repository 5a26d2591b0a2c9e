/**
 * The extension reloaded (or updated) under an open console tab, in Chromium with the built
 * extension: the old panel's code is dead, and it leaves the page when a newer copy of the content
 * script starts in that tab — the one time WXT's "a newer copy started" announcement is honoured
 * (security.e2e.test.ts: a page script firing it takes nothing off). Its own browser: the reload
 * (DevTools' Extensions.loadUnpacked, the same id) would leave the other files' worker gone.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chatInput, demo, inPanel, openDemoChat } from './pages';
import { evaluateInContentWorld } from './panel-world';
import { extensionSuite } from './suite';

const s = extensionSuite({ shop: 'none', launch: { args: ['--enable-unsafe-extension-debugging'] } });

/** The panel hosts on the page: 'old' for the one drawn before the reload (marked by the test). */
const panels = (page: Page) => page.evaluate(() => [...document.querySelectorAll('kf-panel')].map((e) => ((e as any).__beforeReload ? 'old' : 'new')));

it('after a reload the old panel goes when the new copy starts in the tab, and the new one suggests and inserts', async () => {
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
  const before = s.h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${s.h.extensionId}/`));
  const cdp = await s.h.context.browser()!.newBrowserCDPSession();
  const { id } = (await cdp.send('Extensions.loadUnpacked' as never, { path: s.h.extensionDir } as never)) as { id: string };
  expect(id).toBe(s.h.extensionId);
  // The old copy's runtime is gone; its panel is still drawn (Chrome injects nothing into open tabs).
  await expect.poll(async () => (await evaluateInContentWorld<string>(s.page, 'String(chrome.runtime?.id)'))?.value).toBe('undefined');
  await s.page.evaluate(() => ((document.querySelector('kf-panel') as any).__beforeReload = true));
  expect(await panels(s.page)).toEqual(['old']);

  // The new version starts its content script in the tab (as Firefox does on an update, and `wxt dev`).
  let sw = s.h.context.serviceWorkers().find((w) => w !== before && w.url().startsWith(`chrome-extension://${id}/`));
  sw ??= await s.h.context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(`chrome-extension://${id}/`) });
  await sw.evaluate(async (url) => {
    const { tabs, scripting } = (globalThis as any).chrome;
    const [tab] = await tabs.query({ url });
    await scripting.executeScript({ target: { tabId: tab!.id! }, files: ['content-scripts/content.js'] });
  }, s.page.url());

  // One panel, the new copy's: it reads the buyer's message and inserts a reply.
  await expect.poll(() => panels(s.page)).toEqual(['new']);
  await demo.push(s.page, '能便宜点吗');
  await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  expect(await panels(s.page)).toEqual(['new']);
  await chatInput(s.page).click();
  await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"] .kf-tpl-main').first().click();
  await expect.poll(() => demo.draft(s.page)).not.toBe('');
  await cdp.detach();
});
