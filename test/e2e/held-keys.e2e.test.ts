/**
 * One press of the panel's keys, one action (QA pass R, defect 1), in real Chromium with the built
 * extension, on the demo console and the real consoles' fixtures (textarea, controlled textarea,
 * contenteditable, Quill):
 * - Alt+1 held down (its auto-repeats, `repeat` set, as Chromium sends them for a key held past the
 *   repeat delay) inserts the reply once, not once per repeat;
 * - Enter held after a `/code`, or in the panel's search box, puts the reply in once and sends
 *   nothing: the repeats never reach a console where Enter sends;
 * - ↓ held in the search box still moves through the hits (a repeat there is the panel's own);
 * - Enter held in the fill-in form does not answer the empty-fill-in warning by itself, and Alt+R
 *   held does not flip the focus back and forth between the remark box and the panel's form;
 * - a double tap of Alt+1 (the same reply again within 0.8 s, nothing typed in between) inserts one
 *   copy; another slot, a press after something was typed, or one later still inserts. The presses
 *   carry their own timestamps (CDP), so the test measures no time itself.
 */
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { cardReady, chatInput, demo, evaluateInPanel, inPanel, openDemoChat, openDemoOrders, remarkDialog, type InputKind } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole, type ConsoleFixture } from './consoles';

const s = extensionSuite({ pageErrors: true });

/** The starter reply behind /th and the first hit for 七天 (no variables, no fill-ins). */
const RETURN_7DAY = '支持七天无理由退货的（定制等特殊商品，以及宝贝页面注明不支持七天无理由的除外）。请保持商品完好、包装和配件齐全（有吊牌的请保留吊牌）、没有使用过，在订单里点「申请售后」选择退货退款，审核通过后系统会给您退货地址。';

const engineReady = (p: Page) => inPanel(p, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
const hitBodies = (p: Page) => inPanel(p, '[data-kf="results"] .kf-tpl-body').allTextContents();
const copies = (text: string, of: string) => text.split(of).length - 1;

/** Holds `key` down: one press, then `repeats` auto-repeats (Playwright sends `autoRepeat` for a key already down). */
async function hold(p: Page, key: string, repeats = 4): Promise<void> {
  for (let i = 0; i <= repeats; i++) await p.keyboard.down(key);
  await p.keyboard.up(key);
}

/** Alt+1 held down, released, with Alt released after. */
async function holdAlt1(p: Page): Promise<void> {
  await p.keyboard.down('Alt');
  await hold(p, 'Digit1');
  await p.keyboard.up('Alt');
}

/** Searches `query` with Alt+K from the chat box: Alt+1, Alt+2 are then its hits. */
async function search(p: Page, query: string): Promise<string[]> {
  await p.keyboard.press('Alt+k');
  await p.keyboard.type(query);
  await expect.poll(async () => (await hitBodies(p)).length).toBeGreaterThan(1);
  return hitBodies(p);
}

interface ChatCase {
  name: string;
  fx: ConsoleFixture;
  input: string;
  /** window.<hooks>: draft(), sent. */
  hooks: string;
  /** Enter in the chat box sends on this console. */
  enterSends: boolean;
}

const CHATS: ChatCase[] = [
  { name: 'Pinduoduo (controlled textarea)', fx: CONSOLES.pdd, input: '#replyTextarea', hooks: '__pdd', enterSends: true },
  { name: 'JD 咚咚 (contenteditable)', fx: CONSOLES.jd, input: '.EditorContent', hooks: '__jd', enterSends: false },
  { name: 'Douyin 飞鸽 (controlled textarea)', fx: CONSOLES.douyin, input: '[data-qa-id="qa-send-message-textarea"]', hooks: '__douyin', enterSends: false },
  { name: 'Douyin 飞鸽 v2 (controlled textarea)', fx: CONSOLES.douyinV2, input: '[data-qa-id="qa-send-message-textarea"]', hooks: '__douyin', enterSends: true },
  { name: 'Kuaishou (Quill)', fx: CONSOLES.kuaishou, input: '.SendBox .ql-editor', hooks: '__ks', enterSends: false },
];

const draft = (p: Page, hooks: string) => p.evaluate((k) => (window as any)[k].draft() as string, hooks);
/** The texts sent (Pinduoduo records { uid, text }). */
const sent = (p: Page, hooks: string) =>
  p.evaluate((k) => ((window as any)[k].sent as (string | { text: string })[]).map((x) => (typeof x === 'string' ? x : x.text)), hooks);

async function openAtChatBox(p: Page, c: ChatCase): Promise<void> {
  await openConsole(p, c.fx);
  await engineReady(p);
  await p.click(c.input);
}

describe('Alt+1 held down inserts the reply once', () => {
  for (const input of ['textarea', 'contenteditable'] as InputKind[]) {
    it(`demo console (${input})`, async () => {
      await openDemoChat(s.page, s.h.demoUrl, { input });
      await engineReady(s.page);
      await chatInput(s.page).click();
      const [first] = await search(s.page, '七天');
      await holdAlt1(s.page);
      await expect.poll(() => demo.draft(s.page)).toContain(first!);
      // The key is up: whatever the repeats did is done.
      await s.page.keyboard.type('。');
      await expect.poll(() => demo.draft(s.page)).toBe(`${first}。`);
      expect(await demo.sent(s.page)).toBe(0);
    });
  }

  for (const c of CHATS) {
    it(c.name, async () => {
      await openAtChatBox(s.page, c);
      await search(s.page, '七天');
      await holdAlt1(s.page);
      await s.page.keyboard.type('好');
      await expect.poll(() => draft(s.page, c.hooks)).toBe(`${RETURN_7DAY}好`);
      expect(copies(await draft(s.page, c.hooks), RETURN_7DAY)).toBe(1);
      expect(await sent(s.page, c.hooks)).toEqual([]);
      expect(s.pageErrors).toEqual([]);
    });
  }
});

describe('Enter held down puts the reply in once and sends nothing', () => {
  for (const c of CHATS.filter((x) => x.enterSends)) {
    it(`after /th: ${c.name}`, async () => {
      await openAtChatBox(s.page, c);
      await s.page.keyboard.type('/th');
      await hold(s.page, 'Enter');
      await s.page.keyboard.type('好');
      await expect.poll(() => draft(s.page, c.hooks)).toBe(`${RETURN_7DAY}好`);
      expect(await sent(s.page, c.hooks)).toEqual([]);
      // A new press of Enter is the page's own again: it sends.
      await s.page.keyboard.press('Enter');
      await expect.poll(() => sent(s.page, c.hooks)).toEqual([`${RETURN_7DAY}好`]);
    });
  }

  it('in the search box (Douyin 飞鸽 v2); ↓ held there still moves the mark through the hits', async () => {
    const c = CHATS.find((x) => x.fx === CONSOLES.douyinV2)!;
    await openAtChatBox(s.page, c);
    const bodies = await search(s.page, '七天');
    const marked = () => inPanel(s.page, '[data-kf="results"] .kf-marked .kf-tpl-body').allTextContents();
    // ↓ held for two presses' worth: the mark moves twice (wrapping round a short list).
    await hold(s.page, 'ArrowDown', 1);
    expect(await marked()).toEqual([bodies[2 % bodies.length]]);
    await hold(s.page, 'Enter');
    await expect.poll(() => draft(s.page, c.hooks)).toBe(bodies[2 % bodies.length]);
    await s.page.keyboard.type('好');
    await expect.poll(() => draft(s.page, c.hooks)).toBe(`${bodies[2 % bodies.length]}好`);
    expect(await sent(s.page, c.hooks)).toEqual([]);
  });
});

describe('other keys held down', () => {
  it('Enter held after /tj (a reply with fill-ins): the form opens with its warning, nothing goes in or out', async () => {
    const c = CHATS.find((x) => x.fx === CONSOLES.douyinV2)!;
    await openAtChatBox(s.page, c);
    await s.page.keyboard.type('/tj');
    await hold(s.page, 'Enter');
    await inPanel(s.page, '[data-kf="fill"]').waitFor();
    // Still open, its first field taking the keys: the repeats neither confirmed the empty form nor sent.
    await s.page.keyboard.type('165cm');
    await expect.poll(() => inPanel(s.page, '[data-kf="fill-input"]').first().inputValue()).toBe('165cm');
    expect(await draft(s.page, c.hooks)).toBe('');
    expect(await sent(s.page, c.hooks)).toEqual([]);
  });

  it('Alt+R held goes from the remark box to the form once, and stays there', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    const id = (await s.page.locator('.sold-order').nth(2).getAttribute('data-order-id'))!;
    await remarkDialog.open(s.page, id);
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    await remarkDialog.textarea(s.page).click();
    await s.page.keyboard.down('Alt');
    await hold(s.page, 'KeyR', 3);
    await s.page.keyboard.up('Alt');
    const inForm = () => evaluateInPanel(s.page, (roots) => !!roots.map((r) => r.activeElement).find(Boolean)?.closest('[data-kf="remark-form"]'));
    await expect.poll(inForm).toBe(true);
    // A new press goes back, as before.
    await s.page.keyboard.press('Alt+r');
    await expect.poll(() => s.page.evaluate(() => !!document.activeElement?.matches('[role="dialog"].remark-dialog textarea'))).toBe(true);
  });
});

describe('a double tap of Alt+1 inserts one copy', () => {
  /**
   * Alt+<digit> pressed and released through CDP, the key-down stamped `at` seconds after `t0`
   * (the key event's timeStamp comes from it).
   */
  async function altDigit(cdp: CDPSession, digit: number, t0: number, at: number): Promise<void> {
    const key = { key: String(digit), code: `Digit${digit}`, windowsVirtualKeyCode: 48 + digit, modifiers: 1 };
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Alt', code: 'AltLeft', windowsVirtualKeyCode: 18, modifiers: 1, timestamp: t0 + at });
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key, timestamp: t0 + at });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key, timestamp: t0 + at + 0.05 });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Alt', code: 'AltLeft', windowsVirtualKeyCode: 18, timestamp: t0 + at + 0.06 });
  }

  for (const input of ['textarea', 'contenteditable'] as InputKind[]) {
    it(`demo console (${input}): a second press within 0.8 s is ignored; another slot, typing in between, or a later press inserts`, async () => {
      await openDemoChat(s.page, s.h.demoUrl, { input });
      await engineReady(s.page);
      await chatInput(s.page).click();
      const [first, second] = await search(s.page, '七天');
      const cdp = await s.page.context().newCDPSession(s.page);
      const t0 = Date.now() / 1000;
      await altDigit(cdp, 1, t0, 0);
      await altDigit(cdp, 1, t0, 0.3);
      await altDigit(cdp, 1, t0, 0.9); // 0.6 s after the ignored press: still the same tap
      await expect.poll(() => demo.draft(s.page)).toBe(first);
      await altDigit(cdp, 2, t0, 1.0); // another reply
      await expect.poll(() => demo.draft(s.page)).toBe(`${first}${second}`);
      await altDigit(cdp, 2, t0, 3.0); // deliberate, later
      await expect.poll(() => demo.draft(s.page)).toBe(`${first}${second}${second}`);
      await s.page.keyboard.type('，');
      await altDigit(cdp, 2, t0, 3.2); // typed in between
      await expect.poll(() => demo.draft(s.page)).toBe(`${first}${second}${second}，${second}`);
      await cdp.detach();
      expect(await demo.sent(s.page)).toBe(0);
    });
  }

  /**
   * 米粒妈妈's chat, 七天 searched (Alt+1, Alt+2 are its hits), then Alt+N from the chat box and a note
   * typed: the keys are in the buyer card's note input, a frame of its own whose key presses the page
   * never sees (the card tells the panel). Returns the first two hits.
   */
  async function inNoteInput(p: Page): Promise<string[]> {
    await openDemoChat(p, s.h.demoUrl, { buyer: '米粒妈妈' });
    await engineReady(p);
    await cardReady(p, '米粒妈妈');
    await chatInput(p).click();
    const hits = await search(p, '七天');
    await chatInput(p).click();
    await p.keyboard.press('Alt+KeyN');
    // The card keeps an unsaved note per buyer (a case before left one): typed over.
    await p.keyboard.press('ControlOrMeta+KeyA');
    await p.keyboard.type('要发票');
    await expect.poll(() => inPanel(p, '[data-kf="customer-note-input"]').inputValue()).toBe('要发票');
    return hits;
  }
  const chatBoxFocused = (p: Page) => p.evaluate(() => !!document.activeElement?.matches('.chat-editor .chat-input'));

  it('in the buyer card’s note input: Alt+1 held down inserts the reply once', async () => {
    const [first, second] = await inNoteInput(s.page);
    // The press and its repeats sent at once, as a held key sends them: all reach the card before the
    // panel has given the chat box its focus back (awaited one by one, the repeats could land in the
    // chat box, which ignored them already).
    const cdp = await s.page.context().newCDPSession(s.page);
    const key = { key: '1', code: 'Digit1', windowsVirtualKeyCode: 49, modifiers: 1 };
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Alt', code: 'AltLeft', windowsVirtualKeyCode: 18, modifiers: 1 });
    await Promise.all([0, 1, 2, 3, 4].map((i) => cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key, autoRepeat: i > 0 })));
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Alt', code: 'AltLeft', windowsVirtualKeyCode: 18 });
    await cdp.detach();
    await expect.poll(() => demo.draft(s.page)).toBe(first);
    // Alt+2 from the note input again: its word to the panel comes after every repeat's, so once it is
    // in, no repeat can still add a copy (each one did: five copies of the reply).
    await s.page.keyboard.press('Alt+KeyN');
    await s.page.keyboard.press('Alt+2');
    await expect.poll(() => demo.draft(s.page)).toBe(`${first}${second}`);
    expect(await inPanel(s.page, '[data-kf="customer-note-input"]').inputValue()).toBe('要发票');
    expect(await demo.sent(s.page)).toBe(0);
  });

  it('in the buyer card’s note input: a second press within 0.8 s is ignored, from the chat box or the card, as in the chat box', async () => {
    const [first, second] = await inNoteInput(s.page);
    const cdp = await s.page.context().newCDPSession(s.page);
    const t0 = Date.now() / 1000;
    await altDigit(cdp, 1, t0, 0); // in the card: the reply goes in, the chat box has the keys again
    await expect.poll(() => demo.draft(s.page)).toBe(first);
    await expect.poll(() => chatBoxFocused(s.page)).toBe(true);
    await altDigit(cdp, 1, t0, 0.3); // the chat box: the same tap
    await s.page.keyboard.press('Alt+KeyN');
    await expect.poll(() => chatBoxFocused(s.page)).toBe(false);
    await altDigit(cdp, 1, t0, 0.6); // the card again, 0.3 s after the ignored press: still the same tap
    await expect.poll(() => chatBoxFocused(s.page)).toBe(true);
    await altDigit(cdp, 2, t0, 0.7); // another reply
    await expect.poll(() => demo.draft(s.page)).toBe(`${first}${second}`);
    await s.page.keyboard.press('Alt+KeyN');
    await expect.poll(() => chatBoxFocused(s.page)).toBe(false);
    await altDigit(cdp, 2, t0, 3.0); // deliberate, later: inserts
    await expect.poll(() => demo.draft(s.page)).toBe(`${first}${second}${second}`);
    await cdp.detach();
    expect(await demo.sent(s.page)).toBe(0);
  });

  for (const c of CHATS) {
    it(`${c.name}: a second press within 0.8 s is ignored, a later one inserts`, async () => {
      await openAtChatBox(s.page, c);
      await search(s.page, '七天');
      const cdp = await s.page.context().newCDPSession(s.page);
      const t0 = Date.now() / 1000;
      await altDigit(cdp, 1, t0, 0);
      await altDigit(cdp, 1, t0, 0.2);
      await expect.poll(() => draft(s.page, c.hooks)).toBe(RETURN_7DAY);
      await altDigit(cdp, 1, t0, 2.0);
      await expect.poll(() => draft(s.page, c.hooks)).toBe(`${RETURN_7DAY}${RETURN_7DAY}`);
      await cdp.detach();
      expect(await sent(s.page, c.hooks)).toEqual([]);
    });
  }
});
