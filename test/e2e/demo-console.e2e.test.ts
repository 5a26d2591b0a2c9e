/**
 * The demo console itself (test/demo/site) in real Chromium: the behaviours the extension's tests
 * rely on. Plain browser, no extension.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startDemoServer } from '../demo/server.mjs';
import { launchPlainChromium } from './harness';

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let page: Page;
let dialogs: string[];

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchPlainChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async () => {
  await page?.context().close();
  page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
  dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});

const XSS = '<img src=x onerror=alert(1)>';

it('navigates between conversations and pages without reloading, and history.back() restores them', async () => {
  await page.goto(`${server.url}/chat?auto=0`);
  await page.evaluate(() => ((window as any).__marker = 'same document'));
  await page.click('.conv-item:has-text("南风知我意2019")');
  await expect.poll(() => page.url()).toContain('/chat/' + encodeURIComponent('南风知我意2019'));
  await page.fill('.chat-input', '草稿还在吗');
  await page.click('a[data-nav="orders"]');
  await page.waitForSelector('[data-view="orders"]');
  await page.goBack();
  await page.waitForSelector('[data-view="chat"]');
  expect(await page.textContent('.chat-buyer-nick')).toBe('南风知我意2019');
  expect(await page.inputValue('.chat-input')).toBe('草稿还在吗');
  expect(await page.evaluate(() => (window as any).__marker)).toBe('same document');
});

it('shows the XSS nickname as text and never runs it', async () => {
  await page.goto(`${server.url}/chat/${encodeURIComponent(XSS)}?auto=0`);
  expect(await page.textContent('.chat-buyer-nick')).toBe(XSS);
  await page.goto(`${server.url}/orders?auto=0`);
  expect(await page.locator('.buyer-nick', { hasText: XSS }).count()).toBe(1);
  expect(await page.locator('img').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

it('records sends, grows the stream on pushBuyerMessage, and removes the input with ?broken=input', async () => {
  await page.goto(`${server.url}/chat?auto=0`);
  const nick = await page.textContent('.chat-buyer-nick');
  await page.evaluate((n) => (window as any).__demo.pushBuyerMessage(n, '有现货吗'), nick);
  await page.waitForSelector('.msg-buyer .msg-bubble:text-is("有现货吗")');
  await page.fill('.chat-input', '有的亲');
  await page.click('.send-btn');
  expect(await page.evaluate(() => (window as any).__demo.sent)).toMatchObject([{ nick, text: '有的亲' }]);
  await page.goto(`${server.url}/chat?auto=0&broken=input`);
  expect(await page.locator('.chat-input').count()).toBe(0);
});

it('saves a remark and flag from the dialog, replacing the old remark, and keeps it after a reload', async () => {
  await page.goto(`${server.url}/orders?auto=0`);
  const id = '3930018273645518290';
  const table = page.locator(`.sold-order[data-order-id="${id}"]`);
  await table.locator('.remark-link').click();
  await page.check('.remark-dialog input[value="5"]');
  await page.fill('.remark-dialog textarea', '缺货，预计11/28发 客服小美 11/23');
  await page.click('.remark-dialog button:text-is("保存")');
  await expect.poll(() => table.locator('.memo-text').textContent()).toBe('缺货，预计11/28发 客服小美 11/23');
  await page.reload();
  const o = await page.evaluate((i) => (window as any).__demo.orders().find((x: { id: string }) => x.id === i), id);
  expect(o).toMatchObject({ flag: 'purple', remark: '缺货，预计11/28发 客服小美 11/23' });
});

it('moves an unpaid order to paid with the visible demo button', async () => {
  await page.goto(`${server.url}/orders?auto=0`);
  const id = '4012938475610293847';
  await page.click(`.sold-order[data-order-id="${id}"] button:text-is("付款(演示)")`);
  await expect.poll(() => page.locator(`.sold-order[data-order-id="${id}"] .trade-status`).textContent()).toBe('买家已付款');
});
