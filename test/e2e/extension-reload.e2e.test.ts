/**
 * The extension reloaded (or updated) under an open console tab, in Chromium with the built
 * extension, the way a real update happens: the same directory loaded again (DevTools'
 * Extensions.loadUnpacked, what 重新加载 in chrome://extensions does), nothing injected by the
 * test. Chrome puts no new content script into open tabs; the new worker does
 * (lib/background/reach-tabs.ts), and the old copy, whose runtime is gone, gives way to it — the one
 * time WXT's "a newer copy started" announcement is honoured (security.e2e.test.ts: a page script
 * firing it takes nothing off). Where the worker cannot reach the tab, the old panel stops acting
 * and asks for a refresh. Its own browser: a reload would leave the other files' worker gone.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chatInput, demo, inPanel, openDemoChat } from './pages';
import { extensionSuite } from './suite';
import { updateExtension, updateWithoutDemoHosts } from './update';

const s = extensionSuite({ shop: 'none', pageErrors: true, launch: { args: ['--enable-unsafe-extension-debugging'] } });

/** The panel hosts on the page: 'old' for the one drawn before the update (marked by the test). */
const panels = (page: Page) => page.evaluate(() => [...document.querySelectorAll('kf-panel')].map((e) => ((e as any).__beforeUpdate ? 'old' : 'new')));

/**
 * The text the panels show, read through DevTools (their shadow roots are closed, and an old
 * copy's world can no longer open them: its chrome.dom is gone with its runtime).
 */
async function panelText(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const out: string[] = [];
  const walk = (n: DomNode, inside: boolean) => {
    if (n.nodeName === 'STYLE') return;
    if (inside && n.nodeType === 3) out.push(n.nodeValue);
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c, inside || n.nodeName === 'KF-PANEL');
  };
  walk(root, false);
  return out.join(' ');
}
interface DomNode {
  nodeName: string;
  nodeType: number;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

it('after an update the open console tab gets the new panel by itself: one panel, new suggestions, insertion, no page errors', async () => {
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
  await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  await s.page.evaluate(() => ((document.querySelector('kf-panel') as any).__beforeUpdate = true));
  await updateExtension(s.h);

  // The worker put the new copy into the tab; the old one gave way.
  await expect.poll(() => panels(s.page), { timeout: 20_000 }).toEqual(['new']);
  await demo.push(s.page, '这件能不能再便宜一些呀');
  await expect.poll(() => panelText(s.page), { timeout: 15_000 }).toContain('依据买家最近');
  await chatInput(s.page).click();
  await s.page.keyboard.press('Alt+1');
  await expect.poll(() => demo.draft(s.page), { timeout: 10_000 }).not.toBe('');
  expect(await panels(s.page)).toEqual(['new']);
  expect(s.pageErrors).toEqual([]);
});

it('a tab the worker cannot reach after an update: the old panel inserts nothing, throws nothing into the page, and asks for a refresh', async () => {
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
  await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  await s.page.evaluate(() => ((document.querySelector('kf-panel') as any).__beforeUpdate = true));
  // The new version's content script no longer matches the demo console's host: nothing may be put there.
  await updateWithoutDemoHosts(s.h);

  // The stale suggestions are still drawn; Alt+1 on them puts nothing into the chat box.
  expect(await panelText(s.page)).toContain('推荐话术');
  await chatInput(s.page).click();
  await s.page.keyboard.press('Alt+1');
  // Then the panel says what happened (Chinese first) and offers the refresh.
  await expect.poll(() => panelText(s.page), { timeout: 10_000 }).toContain('客服助手已更新，此面板已停用：点此刷新页面');
  expect(await panelText(s.page)).not.toContain('推荐话术');
  expect(await demo.draft(s.page)).toBe('');
  // A buyer message later: the dead panel reads nothing, and the page gets no errors.
  await demo.push(s.page, '这件能不能再便宜一些呀');
  await chatInput(s.page).click();
  await s.page.keyboard.press('Alt+1');
  expect(await panels(s.page)).toEqual(['old']);
  expect(await panelText(s.page)).toContain('点此刷新页面');
  expect(await demo.draft(s.page)).toBe('');
  expect(s.pageErrors).toEqual([]);
});
