/**
 * The fill-in form driven from the keyboard alone, as an agent works: real key presses only (no
 * locator.fill(), no focus() — those focus a field themselves and hid that the form never took
 * focus, so the agent's typing went into the chat box and Enter sent it to the buyer). Each case
 * opens the form from the chat box (Alt+n, `/code` + Space, a click on the reply), types the
 * fill-ins, Tab between them, Enter: the filled reply lands at the chat box's caret, the chat box
 * has focus again, nothing is sent. Escape cancels back to the chat box.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, cardReady, chatInput, demo, evaluateInPanel, altKeyOf, inPanel, openDemoChat, type InputKind } from './pages';
import { extensionSuite } from './suite';
import { CONSOLES, openConsole } from './consoles';

const s = extensionSuite({});

const SIZE_QUESTION = '我身高165，体重110斤，这件穿什么码合适？';
/** The starter reply 推荐尺码 (/tj) with its two fill-ins typed as below. */
const FILLED = '根据您的身高体重（165cm 55kg），建议拍M码，穿着会比较合身；如果喜欢宽松一点的效果，可以再大一码。';

/** An unpaid buyer's question about the fabric (爱吃橙子的猫 has an order waiting for payment). */
const FABRIC_QUESTION = '这件衣服是什么面料的？';
/** The starter reply 面料材质 (/cz) with its one fill-in, the fabric, typed as 纯棉. */
const FABRIC_FILLED = '亲，这款的面料是纯棉，手感柔软、透气性好，贴身穿也舒服。建议冷水轻柔手洗、反面阴干，能保持得更久哦。';

/** The demo console's chat box, whichever input kind it is opened with. */
const CHAT_BOX = '.chat-editor .chat-input';

/** Whether the page's focused element is its chat box (`selector`). */
const chatBoxFocused = (p: Page, selector: string) => p.evaluate((s) => !!document.activeElement?.matches(s), selector);

/** The fill-in form is shown; then only the keyboard: the values, Tab, Enter. */
async function fillByKeys(p: Page) {
  await inPanel(p, '[data-kf="fill"]').waitFor();
  await p.keyboard.type('165cm 55kg');
  await p.keyboard.press('Tab');
  await p.keyboard.type('M');
  await p.keyboard.press('Enter');
}

describe('the fill-in form on the demo console, keyboard only', () => {
  const CHAT = CHAT_BOX;

  /** The chat box holds 亲，好的 with the caret between the two parts. */
  async function typeWithCaretInside(p: Page) {
    await chatInput(p).click();
    await p.keyboard.type('亲，好的');
    await p.keyboard.press('ArrowLeft');
    await p.keyboard.press('ArrowLeft');
  }

  for (const kind of ['textarea', 'contenteditable'] as InputKind[]) {
    it(`Alt+n in a ${kind} chat box: the first fill-in takes the typing, Tab, Enter inserts at the caret, nothing is sent`, async () => {
      await openDemoChat(s.page, s.h.demoUrl, { input: kind });
      await demo.push(s.page, SIZE_QUESTION);
      const key = await altKeyOf(s.page, '推荐尺码');
      await typeWithCaretInside(s.page);
      await s.page.keyboard.press(key);
      await fillByKeys(s.page);
      await expect.poll(() => demo.draft(s.page)).toBe(`亲，${FILLED}好的`);
      expect(await inPanel(s.page, '[data-kf="fill"]').count()).toBe(0);
      expect(await demo.sent(s.page)).toBe(0);
      // Focus is back in the chat box, the caret right after the reply.
      expect(await chatBoxFocused(s.page, CHAT)).toBe(true);
      await s.page.keyboard.type('~');
      await expect.poll(() => demo.draft(s.page)).toBe(`亲，${FILLED}~好的`);
      expect(await demo.sent(s.page)).toBe(0);
    });

    it(`Escape in the form cancels and gives a ${kind} chat box its focus and caret back`, async () => {
      await openDemoChat(s.page, s.h.demoUrl, { input: kind });
      await typeWithCaretInside(s.page);
      await s.page.keyboard.type('/tj');
      await s.page.keyboard.press('Space');
      await inPanel(s.page, '[data-kf="fill"]').waitFor();
      await s.page.keyboard.type('170');
      await s.page.keyboard.press('Escape');
      await expect.poll(() => inPanel(s.page, '[data-kf="fill"]').count()).toBe(0);
      expect(await chatBoxFocused(s.page, CHAT)).toBe(true);
      await s.page.keyboard.type('在的');
      await expect.poll(() => demo.draft(s.page)).toBe('亲，在的好的');
      expect(await demo.sent(s.page)).toBe(0);
    });
  }

  it('/code + Space: the typed fill-ins go into the form, Enter puts the reply where the code was', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    await typeWithCaretInside(s.page);
    await s.page.keyboard.type('/tj');
    await s.page.keyboard.press('Space');
    await fillByKeys(s.page);
    await expect.poll(() => demo.draft(s.page)).toBe(`亲，${FILLED}好的`);
    expect(await chatBoxFocused(s.page, CHAT)).toBe(true);
    expect(await demo.sent(s.page)).toBe(0);
  });

  it('Alt+n with the panel collapsed opens it on the suggestions; the next Alt+n opens the form, whose first fill-in takes the typing', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    await demo.push(s.page, SIZE_QUESTION);
    const key = await altKeyOf(s.page, '推荐尺码');
    await inPanel(s.page, '[data-kf="collapse"]').click();
    await inPanel(s.page, '[data-kf="expand"]').waitFor();
    try {
      await typeWithCaretInside(s.page);
      // Collapsed, the agent has not seen what Alt+n names: the first press shows it, inserts nothing.
      await s.page.keyboard.press(key);
      await inPanel(s.page, '[data-kf="suggestions"]').waitFor();
      expect(await inPanel(s.page, '[data-kf="fill"]').count()).toBe(0);
      expect(await demo.draft(s.page)).toBe('亲，好的');
      expect(await chatBoxFocused(s.page, CHAT_BOX)).toBe(true);
      await s.page.keyboard.press(key);
      await fillByKeys(s.page);
      await expect.poll(() => demo.draft(s.page)).toBe(`亲，${FILLED}好的`);
      expect(await demo.sent(s.page)).toBe(0);
    } finally {
      // The form shows the panel on this page only: the remembered setting goes back for the next tests.
      await callFromExtensionPage(s.ext, 'patchSettings', { panel: { collapsed: false } });
    }
  });

  it('Alt+n on 推荐尺码 after the buyer gave height and weight: 身高体重 holds them, selected; the agent types only the size', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    await demo.push(s.page, '我身高162体重52公斤，这件穿什么码？');
    const key = await altKeyOf(s.page, '推荐尺码');
    await chatInput(s.page).click();
    await s.page.keyboard.press(key);
    await inPanel(s.page, '[data-kf="fill"]').waitFor();
    expect(await inPanel(s.page, '[data-kf="fill-input"][data-name="身高体重"]').inputValue()).toBe('162cm/52kg');
    // The first field still has the focus, its value selected: a key the agent types replaces it.
    const focused = await evaluateInPanel(s.page, (roots) => {
      const el = roots.map((r) => r.activeElement).find(Boolean) as HTMLInputElement | undefined;
      return el && { name: el.dataset.name, selected: el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0) };
    });
    expect(focused).toEqual({ name: '身高体重', selected: '162cm/52kg' });
    // Never inserted on its own.
    expect(await demo.draft(s.page)).toBe('');
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.type('M');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => demo.draft(s.page)).toBe('根据您的身高体重（162cm/52kg），建议拍M码，穿着会比较合身；如果喜欢宽松一点的效果，可以再大一码。');
    expect(await chatBoxFocused(s.page, CHAT)).toBe(true);
    expect(await demo.sent(s.page)).toBe(0);
  });

  it('an unpaid buyer asks about the fabric: Alt+1 is 面料材质, whose form says what it needs and takes the typing; Enter puts the reply in', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '爱吃橙子的猫' });
    await demo.push(s.page, FABRIC_QUESTION);
    expect(await altKeyOf(s.page, '面料材质')).toBe('Alt+1');
    await chatInput(s.page).click();
    await s.page.keyboard.press('Alt+1');
    // The shop's fabric is not on the page: nothing goes in before the agent names it, and the form says so.
    await inPanel(s.page, '[data-kf="fill"]').waitFor();
    expect(await inPanel(s.page, '[data-kf="fill"]').innerText()).toContain('面料材质');
    expect(await demo.draft(s.page)).toBe('');
    await s.page.keyboard.type('纯棉');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => demo.draft(s.page)).toBe(FABRIC_FILLED);
    expect(await chatBoxFocused(s.page, CHAT)).toBe(true);
    expect(await demo.sent(s.page)).toBe(0);
  });

  it('a click on the reply opens the form with its first fill-in focused', async () => {
    await openDemoChat(s.page, s.h.demoUrl);
    await demo.push(s.page, SIZE_QUESTION);
    await altKeyOf(s.page, '推荐尺码');
    await typeWithCaretInside(s.page);
    const rows = inPanel(s.page, '[data-kf="suggestions"] .kf-tpl-main');
    const titles = await inPanel(s.page, '[data-kf="suggestions"] .kf-tpl-title').allTextContents();
    await rows.nth(titles.indexOf('推荐尺码')).click();
    await fillByKeys(s.page);
    await expect.poll(() => demo.draft(s.page)).toBe(`亲，${FILLED}好的`);
    expect(await chatBoxFocused(s.page, CHAT)).toBe(true);
    expect(await demo.sent(s.page)).toBe(0);
  });
});

describe('the buyer-note box on the demo console, keyboard only', () => {
  /** The notes in the open buyer's history (the buyer keeps those of the cases before). */
  const noteTexts = (p: Page) => inPanel(p, '[data-kf="customer-history"] li[data-kind="note"]').allTextContents();

  it('Alt+N from the chat box: the note input takes the typing at once, Enter saves it, nothing is sent', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    await chatInput(s.page).click();
    await s.page.keyboard.type('亲，');
    await s.page.keyboard.press('Alt+KeyN');
    await s.page.keyboard.type('只要顺丰');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => inPanel(s.page, '[data-kf="customer-history"] li[data-kind="note"]').first().textContent(), { timeout: 5000 }).toContain('只要顺丰');
    expect(await demo.draft(s.page)).toBe('亲，');
    expect(await demo.sent(s.page)).toBe(0);
  });

  /** 米粒妈妈's chat, 亲，好的 typed with the caret moved before 好的, then Alt+N and a note typed (not yet saved). */
  async function noteFromMidReply(input: 'textarea' | 'contenteditable', note: string): Promise<void> {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈', input });
    await cardReady(s.page, '米粒妈妈');
    await chatInput(s.page).click();
    await s.page.keyboard.type('亲，好的');
    await s.page.keyboard.press('ArrowLeft');
    await s.page.keyboard.press('ArrowLeft');
    await s.page.keyboard.press('Alt+KeyN');
    await s.page.keyboard.type(note);
  }

  for (const input of ['textarea', 'contenteditable'] as const) {
    it(`a note saved with Enter gives the keys back to the chat box (${input}), at its caret: the next words go to the buyer, not into another note`, async () => {
      await noteFromMidReply(input, '回购三次');
      await s.page.keyboard.press('Enter');
      await expect.poll(() => inPanel(s.page, '[data-kf="customer-history"] li[data-kind="note"]').first().textContent(), { timeout: 5000 }).toContain('回购三次');
      await expect.poll(() => chatBoxFocused(s.page, CHAT_BOX)).toBe(true);
      await s.page.keyboard.type('马上发');
      await expect.poll(() => demo.draft(s.page)).toBe('亲，马上发好的');
      expect(await inPanel(s.page, '[data-kf="customer-note-input"]').inputValue()).toBe('');
      expect((await noteTexts(s.page)).filter((n) => n.includes('马上发'))).toEqual([]);
      expect(await demo.sent(s.page)).toBe(0);
    });
  }

  it('Alt+n in the note input (the card frame, whose keys the page never sees) uses that reply as from the chat box: form, then the reply at the caret', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '爱吃橙子的猫' });
    await demo.push(s.page, FABRIC_QUESTION);
    expect(await altKeyOf(s.page, '面料材质')).toBe('Alt+1');
    await cardReady(s.page, '爱吃橙子的猫');
    await chatInput(s.page).click();
    await s.page.keyboard.type('亲，');
    await s.page.keyboard.press('Alt+KeyN');
    await s.page.keyboard.type('问面料');
    // Until then the press went to the card alone: nothing inserted, nothing said.
    await s.page.keyboard.press('Alt+1');
    await inPanel(s.page, '[data-kf="fill"]').waitFor();
    await s.page.keyboard.type('纯棉');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => demo.draft(s.page)).toBe(`亲，${FABRIC_FILLED}`);
    expect(await chatBoxFocused(s.page, CHAT_BOX)).toBe(true);
    expect(await inPanel(s.page, '[data-kf="customer-note-input"]').inputValue()).toBe('问面料');
    expect((await noteTexts(s.page)).filter((n) => n.includes('纯棉') || n.includes('问面料'))).toEqual([]);
    expect(await demo.sent(s.page)).toBe(0);
  });

  it('Escape in the note input goes back to the chat box at its caret; the unsaved note waits in its box', async () => {
    await noteFromMidReply('contenteditable', '还没想好');
    await s.page.keyboard.press('Escape');
    await expect.poll(() => chatBoxFocused(s.page, CHAT_BOX)).toBe(true);
    await s.page.keyboard.type('稍等');
    await expect.poll(() => demo.draft(s.page)).toBe('亲，稍等好的');
    expect(await inPanel(s.page, '[data-kf="customer-note-input"]').inputValue()).toBe('还没想好');
    expect((await noteTexts(s.page)).filter((n) => n.includes('还没想好') || n.includes('稍等'))).toEqual([]);
    expect(await demo.sent(s.page)).toBe(0);
  });
});

describe('the buyer-note box on the Pinduoduo console, keyboard only', () => {
  const CHAT = '#replyTextarea';
  const draft = (p: Page) => p.evaluate(() => (window as any).__pdd.draft() as string);

  it('Alt+N, a note, Enter, then typing: the words go into the chat box after what was there (the QA report\'s D7)', async () => {
    await openConsole(s.page, CONSOLES.pdd);
    await cardReady(s.page, 'S*******n');
    await s.page.click(CHAT);
    await s.page.keyboard.type('亲');
    await s.page.keyboard.press('Alt+KeyN');
    await s.page.keyboard.type('键盘备注');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => inPanel(s.page, '[data-kf="customer-history"] li[data-kind="note"]').first().textContent(), { timeout: 5000 }).toContain('键盘备注');
    await expect.poll(() => chatBoxFocused(s.page, CHAT)).toBe(true);
    await s.page.keyboard.type('好');
    await expect.poll(() => draft(s.page)).toBe('亲好');
    expect(await inPanel(s.page, '[data-kf="customer-note-input"]').inputValue()).toBe('');
    // The card shows what the buyer has: a note, no sizes line saying there are none (QA D, other observations).
    expect(await inPanel(s.page, '[data-kf="customer-sizes"]').count()).toBe(0);
  });
});

describe('the fill-in form on the Douyin console, keyboard only', () => {
  const CHAT = '[data-qa-id="qa-send-message-textarea"]';
  const draft = (p: Page) => p.evaluate(() => (window as any).__douyin.draft() as string);
  const sent = (p: Page) => p.evaluate(() => (window as any).__douyin.sent as string[]);

  it('/tj + Space, the fill-ins typed, Tab, Enter: the reply is in the box, nothing sent', async () => {
    await openConsole(s.page, CONSOLES.douyin);
    await s.page.click(CHAT);
    await s.page.keyboard.type('/tj');
    await s.page.keyboard.press('Space');
    await fillByKeys(s.page);
    await expect.poll(() => draft(s.page)).toBe(FILLED);
    expect(await chatBoxFocused(s.page, CHAT)).toBe(true);
    expect(await sent(s.page)).toEqual([]);
  });

  it('Alt+n on a size question: the same, and Escape on a second one leaves the box as it was', async () => {
    await openConsole(s.page, CONSOLES.douyin);
    await s.page.evaluate((m) => (window as any).__douyin.pushBuyerMessage(m), SIZE_QUESTION);
    const key = await altKeyOf(s.page, '推荐尺码');
    await s.page.click(CHAT);
    await s.page.keyboard.press(key);
    await fillByKeys(s.page);
    await expect.poll(() => draft(s.page)).toBe(FILLED);
    await s.page.keyboard.press(key);
    await inPanel(s.page, '[data-kf="fill"]').waitFor();
    await s.page.keyboard.type('x');
    await s.page.keyboard.press('Escape');
    await expect.poll(() => inPanel(s.page, '[data-kf="fill"]').count()).toBe(0);
    expect(await chatBoxFocused(s.page, CHAT)).toBe(true);
    expect(await draft(s.page)).toBe(FILLED);
    expect(await sent(s.page)).toEqual([]);
  });
});
