/**
 * lib/insert in real Chromium against the demo console, for its three kinds of chat input. No
 * extension needed: the module is bundled with esbuild and injected as window.kfInsert.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { startDemoServer } from '../demo/server.mjs';
import { launchPlainChromium } from './harness';

type Kind = 'textarea' | 'contenteditable' | 'controlled';
const KINDS: Kind[] = ['textarea', 'contenteditable', 'controlled'];
const BUYER = '爱吃橙子的猫';
const INPUT = '.chat-editor textarea, .chat-editor [contenteditable="true"]';

let browser: Browser;
let server: { url: string; close(): Promise<void> };
let bundle: string;
let page: Page;

beforeAll(async () => {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, '..', '..', 'lib', 'insert', 'index.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'kfInsert',
    target: 'chrome120',
  });
  bundle = out.outputFiles[0]!.text;
  server = await startDemoServer();
  browser = await launchPlainChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await page?.context().close();
  const context = await browser.newContext({ locale: 'zh-CN' });
  page = await context.newPage();
  page.on('dialog', (d) => {
    throw new Error('the page opened a dialog: ' + d.message());
  });
});

async function open(kind: Kind) {
  await page.goto(`${server.url}/chat/${encodeURIComponent(BUYER)}?auto=0&input=${kind}`);
  await page.addScriptTag({ content: bundle });
  await page.waitForFunction(() => 'kfInsert' in window && '__demo' in window);
  // What the content script does at start-up: composition tracking must predate the composition.
  await page.evaluate(() => (window as any).kfInsert.watchEditing(document));
  // Real typing, then the caret goes back between the two words, as an agent would leave it.
  await page.click(INPUT);
  await page.keyboard.type('AAA BBB');
  await page.keyboard.press('Home');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
}

const value = () =>
  page.$eval(INPUT, (el) => ('value' in el ? (el as HTMLTextAreaElement).value : (el as HTMLElement).innerText.replace(/\n$/, '')));
const insert = (text: string, method: 'auto' | 'manual' = 'auto') =>
  page.evaluate(
    ([t, m]) => {
      const el = document.querySelector<HTMLElement>('.chat-editor textarea, .chat-editor [contenteditable="true"]')!;
      return (window as any).kfInsert.insertText(el, t, { method: m });
    },
    [text, method] as const,
  );
const demo = <T>(fn: string, ...args: unknown[]) =>
  page.evaluate(([f, a]) => (window as any).__demo[f as string](...(a as unknown[])), [fn, args] as const) as Promise<T>;
const sent = () => page.evaluate(() => (window as any).__demo.sent.length as number);

describe.each(KINDS)('inserting into the %s input', (kind) => {
  it('puts the text at the cursor in the middle, and the page’s own listeners see it', async () => {
    await open(kind);
    const logBefore = await page.evaluate(() => (window as any).__demo.inputLog.length as number);
    const r = await insert('【您好】');
    expect(r.ok).toBe(true);
    expect(await value()).toBe('AAA【您好】 BBB');
    expect(await demo<string>('draft')).toBe('AAA【您好】 BBB');
    const log = await page.evaluate((n) => (window as any).__demo.inputLog.slice(n), logBefore);
    expect(log.some((e: { type: string; value: string }) => e.type === 'input' && e.value === 'AAA【您好】 BBB')).toBe(true);
    // The caret sits right after the inserted text: typing continues there.
    await page.keyboard.type('!');
    expect(await value()).toBe('AAA【您好】! BBB');
    expect(await sent()).toBe(0);
  });

  it('keeps the text in the page’s state through a re-render', async () => {
    await open(kind);
    expect((await insert('【您好】')).ok).toBe(true);
    await demo('pushBuyerMessage', BUYER, '还在吗？'); // new message → the page re-renders from state
    await page.waitForFunction(() => document.querySelector('.msg-stream')!.textContent!.includes('还在吗？'));
    expect(await value()).toBe('AAA【您好】 BBB');
    expect(await demo<string>('draft')).toBe('AAA【您好】 BBB');
    expect(await sent()).toBe(0);
  });

  it('is undone by Ctrl+Z', async () => {
    await open(kind);
    expect((await insert('【您好】')).ok).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(value).toBe('AAA BBB');
    expect(await demo<string>('draft')).toBe('AAA BBB');
  });

  it('refuses to insert while a pinyin composition is open, and works after it ends', async () => {
    await open(kind);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
    await page.waitForFunction(() => {
      const el = document.querySelector('.chat-editor textarea, .chat-editor [contenteditable="true"]')!;
      return (window as any).kfInsert.isComposing(el);
    });
    expect(await insert('【您好】')).toEqual({ ok: false, reason: 'composing' });
    await cdp.send('Input.insertText', { text: '你' }); // commits the composition
    await page.waitForFunction(() => {
      const el = document.querySelector('.chat-editor textarea, .chat-editor [contenteditable="true"]')!;
      return !(window as any).kfInsert.isComposing(el);
    });
    expect(await value()).toBe('AAA你 BBB');
    expect((await insert('【您好】')).ok).toBe(true);
    expect(await value()).toBe('AAA你【您好】 BBB');
    expect(await sent()).toBe(0);
  });

  it('expands a typed /code shortcut in place', async () => {
    await open(kind);
    await page.keyboard.type('/hi');
    const r = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.chat-editor textarea, .chat-editor [contenteditable="true"]')!;
      return (window as any).kfInsert.replaceBeforeCaret(el, 3, '亲，欢迎光临~', { expected: '/hi' });
    });
    expect(r.ok).toBe(true);
    expect(await value()).toBe('AAA亲，欢迎光临~ BBB');
    expect(await demo<string>('draft')).toBe('AAA亲，欢迎光临~ BBB');
    expect(await sent()).toBe(0);
  });
});

describe('the fallback path (setRangeText / Range)', () => {
  it.each(KINDS)('still reaches the page state of the %s input without assigning .value', async (kind) => {
    await open(kind);
    await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.chat-editor textarea, .chat-editor [contenteditable="true"]')!;
      if (!('value' in el)) return;
      const desc = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
      (window as any).__valueWrites = 0;
      Object.defineProperty(el, 'value', {
        configurable: true,
        get: () => desc.get!.call(el),
        set: (v) => {
          (window as any).__valueWrites++;
          desc.set!.call(el, v);
        },
      });
    });
    const r = await insert('【您好】', 'manual');
    expect(r.ok).toBe(true);
    expect(r.method).toBe(kind === 'contenteditable' ? 'range' : 'setRangeText');
    expect(await page.evaluate(() => (window as any).__valueWrites ?? 0)).toBe(0);
    expect(await demo<string>('draft')).toBe('AAA【您好】 BBB');
    await demo('pushBuyerMessage', BUYER, '在吗');
    expect(await value()).toBe('AAA【您好】 BBB');
    expect(await sent()).toBe(0);
  });

  it('a plain .value assignment is lost by the controlled input (the bug this module avoids)', async () => {
    await open('controlled');
    await page.$eval(INPUT, (el) => ((el as HTMLTextAreaElement).value = 'AAA【您好】 BBB'));
    await demo('pushBuyerMessage', BUYER, '在吗');
    expect(await value()).toBe('AAA BBB');
  });
});
