/**
 * A reply inserted from the browser's side panel (sidepanel.html, opened as an extension page naming
 * the tab, as sidepanel.e2e does) goes the chat page's own way, in real Chromium with the built
 * extension: a reply with a WeChat id is held in the page's panel by the compliance guard, with its
 * words and why, until the agent confirms there (the side panel says it waits for her on the chat
 * page); a clean one goes in as before (the demo console); and {买家} is the buyer the chat shows at
 * that moment, inserted or copied, also after a switch inside the chat that nothing told the side
 * panel (the Pinduoduo fixture, whose address stays). Before, the tab wrote the side panel's text
 * straight into the chat box, past the guard, with the nickname of the side panel's last look.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, chatInput, demo, inPanel, openDemoChat } from './pages';
import { extensionSuite } from './suite';
import { holdGuardScript } from './guard-script';
import { CONSOLES, buyerName, openConsole } from './consoles';

// Written for this test: a reply naming a WeChat id, and one that greets the buyer by name.
const WECHAT = { id: 'side-guard-wechat', title: '侧栏加微信发图', body: '亲，加我微信 side_kf_2026 给您发细节图', group: '商品咨询', scenarios: ['product-info'] };
const GREET = { id: 'side-guard-greet', title: '侧栏称呼买家', body: '{买家}，您好，这边马上帮您核对', group: '商品咨询', scenarios: ['greeting'] };
const FIRST = '爱吃橙子的猫';
/** The second conversation of the Pinduoduo fixture. */
const OTHER = '橘子汽水2020';

let reader: Page;
const s = extensionSuite({});
beforeAll(async () => {
  const lib = await callFromExtensionPage<{ groups: string[]; templates: unknown[] }>(s.ext, 'getLibrary');
  await callFromExtensionPage(s.ext, 'saveLibrary', { groups: lib.groups, templates: [...lib.templates, WECHAT, GREET] });
  await s.h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.h.demoUrl });
  reader = await s.h.context.newPage();
  await reader.goto(`${s.h.demoUrl}/fixtures/unknown-console.html`);
});

/** The side panel serving `page`'s tab, once it knows it can insert there. */
async function sidePanelFor(page: Page): Promise<Page> {
  const sw = await s.h.serviceWorker();
  // (A match pattern has no #fragment: Pinduoduo's address ends in #/.)
  const tabId = await sw.evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({ url: u }))[0].id as number, `${page.url().split('#')[0]}*`);
  const side = await s.h.openExtensionPage(`sidepanel.html?tab=${tabId}`);
  await expect.poll(() => side.locator('[data-kf="side-mode"]').getAttribute('data-can-insert')).toBe('true');
  return side;
}

/** Finds `title` in the side panel's search and clicks it (insert) or its 复制 button. */
async function useFromSide(side: Page, title: string, how: 'side-use' | 'side-copy' = 'side-use') {
  await side.locator('[data-kf="side-search"]').fill(title);
  await side.locator(`[data-kf="side-results"] [data-kf="side-tpl"] [data-kf="${how}"]`).first().click();
}

const status = (side: Page) => side.locator('[data-kf="side-status"]').textContent();

const HELD = '已送到聊天页，等你在页面上确认：这条回复可能违规，聊天页的面板里写着哪些字、为什么（还没插入）';
const INSERTED = '已插入到聊天框（不会自动发送）。';

/** Every text the side panel's status line has shown from now on (what the agent could have read). */
async function statusesSeen(side: Page): Promise<() => Promise<string[]>> {
  await side.evaluate(() => {
    const g = globalThis as any;
    g.__kfSaid = [];
    const note = () => {
      const t = document.querySelector('[data-kf="side-status"]')?.textContent ?? null;
      if (t !== null && g.__kfSaid.at(-1) !== t) g.__kfSaid.push(t);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => side.evaluate(() => (globalThis as any).__kfSaid as string[]);
}

/** A loaded machine: the guard's script (its rules) comes this long after the reply was sent. */
const SLOW_GUARD_MS = 1500;
const slowly = () => new Promise((r) => setTimeout(r, SLOW_GUARD_MS));

describe('a reply inserted from the side panel', () => {
  it('with a WeChat id: held in the chat page’s panel with its words and why, the chat box untouched, until the agent confirms there', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: FIRST });
    await chatInput(s.page).click();
    const side = await sidePanelFor(s.page);
    await useFromSide(side, WECHAT.title);
    await expect.poll(() => status(side)).toBe(HELD);
    await inPanel(s.page, '[data-kf="guard-prompt"]').waitFor();
    expect(await demo.draft(s.page)).toBe('');
    expect((await inPanel(s.page, '[data-kf="guard-words"]').allTextContents()).join(' ')).toContain('加我微信');
    expect(await inPanel(s.page, '[data-kf="guard-reason"]').first().textContent()).toMatch(/导流/);
    await inPanel(s.page, '[data-kf="guard-confirm"]').click();
    await expect.poll(() => demo.draft(s.page)).toBe(WECHAT.body);
    expect(await demo.sent(s.page)).toBe(0);
    await side.close();
  });

  it('a clean one goes in at once, as before', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: FIRST });
    await chatInput(s.page).click();
    const side = await sidePanelFor(s.page);
    await useFromSide(side, '咨询高峰');
    await expect.poll(() => demo.draft(s.page)).toContain('现在咨询的朋友比较多');
    expect(await status(side)).toBe(INSERTED);
    expect(await inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
    expect(await demo.sent(s.page)).toBe(0);
    await side.close();
  });

  it('the first reply of a page just opened, with a WeChat id, while the guard’s rules are still coming: said held once the guard holds it, not before', async () => {
    const release = await holdGuardScript(s.h);
    await openDemoChat(s.page, s.h.demoUrl, { buyer: FIRST });
    await chatInput(s.page).click();
    const side = await sidePanelFor(s.page);
    const said = await statusesSeen(side);
    await useFromSide(side, WECHAT.title);
    await slowly();
    // Nothing held for the agent yet: the side panel says no such thing (before, it did after 800 ms).
    expect(await said()).not.toContain(HELD);
    expect(await inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
    await release();
    await expect.poll(() => status(side)).toBe(HELD);
    await inPanel(s.page, '[data-kf="guard-prompt"]').waitFor();
    expect((await inPanel(s.page, '[data-kf="guard-words"]').allTextContents()).join(' ')).toContain('加我微信');
    expect(await demo.draft(s.page)).toBe('');
    await side.close();
  });

  it('the first reply of a page just opened, clean, while the guard’s rules are still coming: said inserted once they let it in, never held', async () => {
    const release = await holdGuardScript(s.h);
    await openDemoChat(s.page, s.h.demoUrl, { buyer: FIRST });
    await chatInput(s.page).click();
    const side = await sidePanelFor(s.page);
    const said = await statusesSeen(side);
    await useFromSide(side, '咨询高峰');
    await slowly();
    expect(await demo.draft(s.page)).toBe('');
    await release();
    await expect.poll(() => demo.draft(s.page)).toContain('现在咨询的朋友比较多');
    await expect.poll(() => status(side)).toBe(INSERTED);
    // Before, the agent read that it waited for her on the chat page, while it was already in.
    expect(await said()).not.toContain(HELD);
    expect(await inPanel(s.page, '[data-kf="guard-prompt"]').count()).toBe(0);
    await side.close();
  });

  it('after the agent switched buyer inside the chat, {买家} names the buyer shown now — inserted, and copied', async () => {
    // Pinduoduo's chat (the fixture at its real address): a switch there leaves the tab's address as it
    // was, so nothing tells the side panel — its last look still names the first buyer.
    await openConsole(s.page, CONSOLES.pdd);
    await expect.poll(() => buyerName(s.page)).toBe('S*******n');
    const side = await sidePanelFor(s.page);
    await side.bringToFront();
    await side.locator('[data-kf="side-search"]').fill(GREET.title);
    await side.locator('[data-kf="side-results"] [data-kf="side-tpl"]').first().waitFor();
    await s.page.evaluate(() => (window as any).__pdd.open('5931407726'));
    await expect.poll(() => buyerName(s.page)).toBe(OTHER);
    await side.locator('[data-kf="side-results"] [data-kf="side-tpl"] [data-kf="side-use"]').first().click();
    await expect.poll(() => s.page.evaluate(() => (window as any).__pdd.draft() as string)).toBe(`${OTHER}，您好，这边马上帮您核对`);
    await side.locator('[data-kf="side-results"] [data-kf="side-tpl"] [data-kf="side-copy"]').first().click();
    await expect.poll(() => status(side)).toBe(`已复制到剪贴板：${OTHER}，您好，这边马上帮您核对`);
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(`${OTHER}，您好，这边马上帮您核对`);
    expect(await s.page.evaluate(() => (window as any).__pdd.sent.length)).toBe(0);
    await side.close();
  });
});

describe('a reply copied from the side panel', () => {
  it('with a WeChat id, next to a page that is no console: held in the side panel with its words and why, copied only on 仍然复制', async () => {
    // Clipboard access is granted to the fixtures' origin: the reader page says what it holds.
    await reader.bringToFront();
    await reader.evaluate(() => navigator.clipboard.writeText('剪贴板原来的内容'));
    const sw = await s.h.serviceWorker();
    const tabId = await sw.evaluate(async (u) => (await (globalThis as any).chrome.tabs.query({ url: u }))[0].id as number, reader.url());
    const side = await s.h.openExtensionPage(`sidepanel.html?tab=${tabId}`);
    await expect.poll(() => side.locator('[data-kf="side-mode"]').getAttribute('data-can-insert')).toBe('false');
    await useFromSide(side, WECHAT.title, 'side-copy');
    await side.locator('[data-kf="side-guard"]').waitFor();
    expect(await side.locator('[data-kf="side-guard"] h3').textContent()).toBe('这条回复可能违规，暂未复制');
    expect(await side.locator('[data-kf="side-guard-words"]').first().textContent()).toBe('加我微信');
    expect(await side.locator('[data-kf="side-guard-reason"]').first().textContent()).toMatch(/导流/);
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe('剪贴板原来的内容');
    await side.bringToFront();
    await side.locator('[data-kf="side-guard-confirm"]').click();
    await expect.poll(() => status(side)).toBe(`已复制到剪贴板：${WECHAT.body}`);
    expect(await side.locator('[data-kf="side-guard"]').count()).toBe(0);
    await reader.bringToFront();
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(WECHAT.body);
    await side.close();
  });
});
