/**
 * The extension reloaded (or updated) under an open console tab, in Chromium with the built
 * extension, the way a real update happens: the same directory loaded again (DevTools'
 * Extensions.loadUnpacked, what 重新加载 in chrome://extensions does), nothing injected by the
 * test. Chrome puts no new content script into open tabs; the new worker does
 * (lib/background/reach-tabs.ts), and the old copy, whose runtime is gone, gives way to it — the one
 * time WXT's "a newer copy started" announcement is honoured (security.e2e.test.ts: a page script
 * firing it takes nothing off). Where the worker cannot reach the tab, the old panel stops acting
 * and asks for a refresh, keeping what the agent typed and did not save (the panel's forms, shown to
 * copy; the card's frame, left in place) and a folded panel's footprint. Its own browser: a reload
 * would leave the other files' worker gone.
 */
import { expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { cardFrame, cardReady, chatInput, demo, inPanel, openDemoChat, panelFocus } from './pages';
import { extensionSuite } from './suite';
import { updateExtension, updateWithoutDemoHosts, updateWithoutReach } from './update';
import { everything } from './stores';

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

/** The node of the panels marked `data-kf="<kf>"`, found through DevTools (see panelText), or undefined. */
async function findInPanel(cdp: CDPSession, kf: string): Promise<DomNode | undefined> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const find = (n: DomNode): DomNode | undefined => {
    const a = n.attributes ?? [];
    for (let i = 0; i < a.length; i += 2) if (a[i] === 'data-kf' && a[i + 1] === kf) return n;
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
      const hit = find(c);
      if (hit) return hit;
    }
  };
  return find(root);
}

/** The border box of the panels' element marked `data-kf="<kf>"` in the page's CSS px, or null when none is drawn. */
async function boxInPanel(page: Page, kf: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const node = await findInPanel(cdp, kf);
    if (!node) return null;
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: node.nodeId })) as { model: { border: number[] } };
    const [x1, y1, , , x3, y3] = model.border as [number, number, number, number, number, number];
    return { x: x1, y: y1, width: x3 - x1, height: y3 - y1 };
  } catch {
    return null; // not rendered (display: none)
  } finally {
    await cdp.detach();
  }
}

/** The `value` of each field of the panels marked `data-kf="<kf>"` (a form field's text is no text node). */
async function valuesInPanel(page: Page, kf: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const nodes: DomNode[] = [];
    const walk = (n: DomNode) => {
      const a = n.attributes ?? [];
      for (let i = 0; i < a.length; i += 2) if (a[i] === 'data-kf' && a[i + 1] === kf) nodes.push(n);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    const out: string[] = [];
    for (const n of nodes) {
      const { object } = (await cdp.send('DOM.resolveNode', { nodeId: n.nodeId })) as { object: { objectId: string } };
      const r = (await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { return this.querySelector("textarea")?.value ?? this.value; }', returnByValue: true })) as { result: { value: string } };
      out.push(r.result.value);
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/**
 * Clicks the element of the panels marked `data-kf="<kf>"` where it is drawn, with the mouse (found
 * through DevTools, as panelText: no world can open an old copy's closed shadow root). False when
 * no panel shows one.
 */
async function clickInPanel(page: Page, kf: string): Promise<boolean> {
  const box = await boxInPanel(page, kf);
  if (!box) return false;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  return true;
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

it('after an update the dead panel keeps what the agent typed and did not save: a 承诺答复 note shown read-only with 复制, the card\'s note in its frame', async () => {
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
  await cardReady(s.page, '米粒妈妈');
  await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  // Typed, not saved: a note in the buyer card (its frame) and a 承诺答复 in the panel's follow-up form.
  await inPanel(s.page, '[data-kf="customer-note-input"]').fill('要加绒款，周五前发');
  await inPanel(s.page, '[data-kf="fu-promised"]').click();
  await inPanel(s.page, '[data-kf="fu-note"]').fill('查仓库后回复发货时间');
  await updateWithoutDemoHosts(s.h);

  await s.page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
  await expect.poll(() => panelText(s.page), { timeout: 10_000 }).toContain('客服助手已更新，此面板已停用');
  expect(await panelText(s.page)).not.toContain('推荐话术');
  // The follow-up's note, read-only, with 复制 (the worker that kept such drafts is gone with the update).
  expect(await panelText(s.page)).toContain('刷新后不会保留');
  expect(await valuesInPanel(s.page, 'stale-kept')).toEqual(['查仓库后回复发货时间']);
  await s.h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.h.demoUrl });
  await s.page.evaluate(() => navigator.clipboard.writeText(''));
  expect(await clickInPanel(s.page, 'stale-copy')).toBe(true);
  await expect.poll(() => s.page.evaluate(() => navigator.clipboard.readText())).toBe('查仓库后回复发货时间');
  expect(await panelText(s.page)).toContain('已复制');
  // The card frame is the same document, still shown, its note as typed (a frame moved or drawn again would load anew: gone).
  const card = await boxInPanel(s.page, 'card-frame');
  expect(card?.height).toBeGreaterThan(40);
  expect(await cardFrame(s.page)?.evaluate(() => (document.querySelector('[data-kf="customer-note-input"]') as HTMLInputElement).value)).toBe('要加绒款，周五前发');
  expect(s.pageErrors).toEqual([]);
});

it('a tab the worker could not reach after an update has the buyer card\'s unsaved note in its note box again after 刷新页面 (a phone masked, as a saved note is); the dead card takes no more typing it could not keep', async () => {
  const TYPED = '改寄公司地址，电话13912345678';
  const BACK = '改寄公司地址，电话139****5678';
  const noteInput = () => inPanel(s.page, '[data-kf="customer-note-input"]');
  // A buyer no earlier test in the file wrote a note for.
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '星辰大海ing' });
  await cardReady(s.page, '星辰大海ing');
  expect(await noteInput().inputValue()).toBe('');
  await chatInput(s.page).click();
  await s.page.keyboard.press('Alt+KeyN');
  await expect.poll(() => panelFocus(s.page)).toBe('customer-note-input');
  await s.page.keyboard.type(TYPED);
  // The worker has its copy on disk (what says the typing was kept).
  await expect
    .poll(async () => {
      const ext = await s.h.openExtensionPage('popup.html');
      try {
        return (JSON.parse(await everything(ext)) as Record<string, { kv?: unknown[] }>)['idb:kf-note-drafts']?.kv ?? [];
      } finally {
        await ext.close();
      }
    }, { timeout: 15_000 })
    .toContain(BACK);
  await s.page.bringToFront();
  await s.page.evaluate(() => ((document.querySelector('kf-panel') as any).__beforeUpdate = true));
  await updateWithoutReach(s.h);

  // The worker did not put the new panel in: the old one asks for the refresh.
  await s.page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
  await expect.poll(() => panelText(s.page), { timeout: 10_000 }).toContain('客服助手已更新，此面板已停用');
  expect(await panels(s.page)).toEqual(['old']);
  // The card is still shown, its note as typed; typed into now, it says it takes no more: what the
  // agent added there would have gone with the refresh (its runtime is gone with the update).
  const card = cardFrame(s.page)!;
  await card.locator('[data-kf="customer-note-input"]').click();
  await s.page.keyboard.press('End');
  await s.page.keyboard.type('，周五前');
  await card.locator('[data-kf="card-stale"]').waitFor();
  expect(await card.locator('[data-kf="card-stale"]').textContent()).toContain('刷新页面后会回到便签框');
  expect(await card.locator('[data-kf="customer-note-input"]').inputValue()).toBe(TYPED);
  const loaded = s.page.waitForEvent('load');
  expect(await clickInPanel(s.page, 'stale-reload')).toBe(true);
  await loaded;

  // The page loaded anew has the new panel, and the card the note, ready to finish and save.
  await expect.poll(() => panels(s.page), { timeout: 20_000 }).toEqual(['new']);
  await cardReady(s.page, '星辰大海ing', 20_000);
  await expect.poll(() => noteInput().inputValue(), { timeout: 15_000 }).toBe(BACK);
  expect(s.pageErrors).toEqual([]);
});

// Last in the file: the panel's 收起 is remembered, and the update leaves no live panel to open it again.
it('after an update a folded panel stays a tab in the folded panel\'s place, and opens into the notice on a click', async () => {
  await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
  await inPanel(s.page, '[data-kf="suggestions"] [data-kf="template"]').first().waitFor();
  await inPanel(s.page, '[data-kf="collapse"]').click();
  await inPanel(s.page, '[data-kf="expand"]').waitFor();
  const folded = (await boxInPanel(s.page, 'expand'))!;
  expect(folded.width).toBeGreaterThan(0);
  await updateWithoutDemoHosts(s.h);

  await s.page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
  await expect.poll(() => boxInPanel(s.page, 'stale'), { timeout: 10_000 }).not.toBeNull();
  // Within the folded panel's box: the page beside it is not covered.
  const tab = (await boxInPanel(s.page, 'stale'))!;
  expect(tab.x).toBeGreaterThanOrEqual(folded.x - 0.5);
  expect(tab.x + tab.width).toBeLessThanOrEqual(folded.x + folded.width + 0.5);
  expect(tab.y).toBeGreaterThanOrEqual(folded.y - 0.5);
  expect(tab.y + tab.height).toBeLessThanOrEqual(folded.y + folded.height + 0.5);
  expect(await boxInPanel(s.page, 'stale-reload')).toBeNull();
  expect(await panelText(s.page)).toContain('已更新');

  // The agent's click opens the notice at the panel's usual width, with 刷新页面.
  expect(await clickInPanel(s.page, 'stale')).toBe(true);
  await expect.poll(() => panelText(s.page)).toContain('客服助手已更新，此面板已停用：请刷新此页面');
  expect(await boxInPanel(s.page, 'stale-reload')).not.toBeNull();
  expect(s.pageErrors).toEqual([]);
});
