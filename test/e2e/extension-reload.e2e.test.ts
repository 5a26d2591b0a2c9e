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
  nodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * Clicks the element of the panels marked `data-kf="<kf>"` where it is drawn, with the mouse (found
 * through DevTools, as panelText: no world can open an old copy's closed shadow root). False when
 * no panel shows one.
 */
async function clickInPanel(page: Page, kf: string): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (n: DomNode): DomNode | undefined => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === 'data-kf' && a[i + 1] === kf) return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const hit = find(c);
        if (hit) return hit;
      }
    };
    const node = find(root);
    if (!node) return false;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    return true;
  } finally {
    await cdp.detach();
  }
}

it('after an update the open console tab gets the new panel by itself: one panel, new suggestions, insertion, no page errors', async () => {
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
  await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  await s.page.evaluate(() => ((document.querySelector('kf-panel') as any).__beforeUpdate = true));
  // What the agent had begun to write stays through the update: the page is not refreshed.
  await chatInput(s.page).click();
  await s.page.keyboard.type('亲，');
  await updateExtension(s.h);

  // The worker put the new copy into the tab; the old one gave way.
  await expect.poll(() => panels(s.page), { timeout: 20_000 }).toEqual(['new']);
  expect(await demo.draft(s.page)).toBe('亲，');
  await demo.push(s.page, '这件能不能再便宜一些呀');
  await expect.poll(() => panelText(s.page), { timeout: 15_000 }).toContain('依据买家最近');
  await chatInput(s.page).click();
  await s.page.keyboard.press('End');
  await s.page.keyboard.press('Alt+1');
  await expect.poll(() => demo.draft(s.page), { timeout: 10_000 }).toMatch(/^亲，.{4,}/s);
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
  await expect.poll(() => panelText(s.page), { timeout: 10_000 }).toContain('客服助手已更新，此面板已停用：请刷新此页面');
  expect(await panelText(s.page)).not.toContain('推荐话术');
  expect(await demo.draft(s.page)).toBe('');
  // A buyer message later: the dead panel reads nothing, and the page gets no errors.
  await demo.push(s.page, '这件能不能再便宜一些呀');
  await chatInput(s.page).click();
  await s.page.keyboard.press('Alt+1');
  expect(await panels(s.page)).toEqual(['old']);
  expect(await panelText(s.page)).toContain('刷新页面');
  expect(await demo.draft(s.page)).toBe('');
  expect(s.pageErrors).toEqual([]);
});

it('after an update the dead panel says so when the agent comes back to the tab, and refreshes only on a click that cannot lose what the chat box holds', async () => {
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
  await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  await chatInput(s.page).click();
  await s.page.keyboard.type('亲，在的');
  await s.page.evaluate(() => ((window as any).__beforeRefresh = true));
  await updateWithoutDemoHosts(s.h);

  // The agent clicked 重新加载 in chrome://extensions and comes back to the console: the tab gets
  // focus again. (Headless Chromium does not move focus between tabs, so the test sends the event
  // the browser sends then.) No key, no click, no buyer message: the panel still says what happened.
  await s.page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
  await expect.poll(() => panelText(s.page), { timeout: 10_000 }).toContain('客服助手已更新，此面板已停用');
  expect(await panelText(s.page)).not.toContain('推荐话术');

  // 刷新页面 with text in the chat box: a warning, nothing refreshed, the text still there.
  expect(await clickInPanel(s.page, 'stale-reload')).toBe(true);
  await expect.poll(() => panelText(s.page)).toContain('聊天框里还有没发出的文字，刷新后可能会丢失：请先发送或复制它。');
  expect(await panelText(s.page)).toContain('仍然刷新');
  expect(await s.page.evaluate(() => (window as any).__beforeRefresh)).toBe(true);
  expect(await demo.draft(s.page)).toBe('亲，在的');
  // The agent may still type and send: the chat box is the page's own.
  await chatInput(s.page).click();
  await s.page.keyboard.type('！');
  expect(await demo.draft(s.page)).toBe('亲，在的！');

  // 仍然刷新: the agent chose it; the page is loaded anew.
  const loaded = s.page.waitForEvent('load');
  expect(await clickInPanel(s.page, 'stale-reload')).toBe(true);
  await loaded;
  expect(await s.page.evaluate(() => (window as any).__beforeRefresh)).toBeUndefined();
  expect(s.pageErrors).toEqual([]);
});
