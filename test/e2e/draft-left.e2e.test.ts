/**
 * A console that keeps one chat box for every buyer (the taught fixture unknown-console-v2: switching
 * conversations leaves the textarea as it is), in real Chromium with the built extension: a reply
 * the panel put in the box for buyer A is still there when the agent opens buyer B. The panel says
 * so, and takes that text out only when the agent clicks 清空; text the agent changed is left alone.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, evaluateInPanel, inPanel, panel } from './pages';
import { extensionSuite } from './suite';

const A = '晴天小猪2021';
const B = '橙子味的夏天';
const BOX = 'textarea[placeholder]';
const draft = (p: Page) => p.evaluate(() => (window as any).__uc.draft() as string);
const sent = (p: Page) => p.evaluate(() => (window as any).__uc.sent as string[]);
const warning = (p: Page) => inPanel(p, '[data-kf="draft-left"]');
const buyerName = (p: Page) => inPanel(p, '[data-kf="buyer-name"]').textContent();

/** Opens the conversation of `nick` in the fixture's list and waits until the panel reads it. */
async function openBuyer(p: Page, nick: string) {
  await p.locator('aside li', { hasText: nick }).click();
  await expect.poll(() => buyerName(p)).toBe(nick);
}

/** `/hi` + Space in the shared box: the welcome reply, naming the open buyer. */
async function welcome(p: Page, nick: string) {
  await p.click(BOX);
  await p.keyboard.type('/hi');
  await p.keyboard.press('Space');
  await expect.poll(() => draft(p)).toContain(`${nick}您好`);
}

const s = extensionSuite({});
beforeAll(async () => {
  // What teach mode stores for this console (teach.e2e.test.ts teaches it by clicks).
  await callFromExtensionPage(s.ext, 'saveTaughtSite', {
    origin: new URL(s.h.demoUrl).origin,
    name: '某店铺自建客服台',
    url: `${s.h.demoUrl}/fixtures/unknown-console-v2.html`,
    fields: { chatInput: [{ css: BOX }], messageList: [{ css: '[role="log"]' }], buyerName: [{ css: 'header b' }] },
  });
});
beforeEach(async () => {
  await s.page.goto(`${s.h.demoUrl}/fixtures/unknown-console-v2.html`);
  await panel(s.page).waitFor();
  await expect.poll(() => buyerName(s.page)).toBe(A);
  await inPanel(s.page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
});

describe('one chat box shared by every buyer (a taught console)', () => {
  it('says that the box still holds the draft made for the previous buyer, and 清空 takes out only that text', async () => {
    await welcome(s.page, A);
    const forA = await draft(s.page);
    await openBuyer(s.page, B);
    await warning(s.page).waitFor();
    expect(await warning(s.page).textContent()).toContain(`输入框里还有给${A}的草稿`);
    // Nothing is taken out of the box without the agent's click.
    expect(await draft(s.page)).toBe(forA);
    // The agent adds B's own reply anyway: the warning stays, the box now holds both.
    await s.page.click(BOX);
    await s.page.keyboard.press('End');
    await s.page.keyboard.type(' /hi');
    await s.page.keyboard.press('Space');
    await expect.poll(() => draft(s.page)).toContain(`${B}您好`);
    const both = await draft(s.page);
    expect(both.startsWith(forA)).toBe(true);
    expect(await warning(s.page).isVisible()).toBe(true);
    await inPanel(s.page, '[data-kf="draft-left-clear"]').click();
    await expect.poll(() => draft(s.page)).toBe(both.slice(forA.length));
    expect(await draft(s.page)).not.toContain(A);
    await warning(s.page).waitFor({ state: 'detached' });
    expect(await sent(s.page)).toEqual([]);
  });

  it('a nickname holding a right-to-left override neither reverses the rest of the notice nor hides the override', async () => {
    // The console shows buyer A under a name that starts with U+202E (RIGHT-TO-LEFT OVERRIDE), never closed.
    const odd = `\u202E${A}`;
    await s.page.evaluate(
      ([from, to]) => {
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.nodeValue?.includes(from)) n.nodeValue = n.nodeValue.split(from).join(to);
      },
      [A, odd] as const,
    );
    await expect.poll(() => buyerName(s.page)).toBe(`⟨RLO⟩${A}`);
    await welcome(s.page, A);
    await openBuyer(s.page, B);
    await warning(s.page).waitFor();
    const text = (await warning(s.page).textContent())!;
    expect(text).toContain(`输入框里还有给⟨RLO⟩${A}的草稿，不是给当前买家的`);
    expect(text).not.toContain('\u202E');
    // On screen, the words after the name still run left to right: the first of 不是给当前买家的 is left of its last.
    const order = await evaluateInPanel(s.page, (roots, words) => {
      const box = roots.map((r) => r.querySelector('[data-kf="draft-left"] span')).find(Boolean)!;
      const walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const at = n.nodeValue!.indexOf(words);
        if (at < 0) continue;
        const x = (i: number) => {
          const r = document.createRange();
          r.setStart(n!, i);
          r.setEnd(n!, i + 1);
          return r.getBoundingClientRect().left;
        };
        return x(at) < x(at + words.length - 1) ? 'left to right' : 'reversed';
      }
      return 'not found';
    }, '不是给当前买家的');
    expect(order).toBe('left to right');
  });

  it('says nothing when the agent sent the draft, or changed it, before opening the next buyer', async () => {
    await welcome(s.page, A);
    await s.page.keyboard.press('Enter'); // the fixture sends on Enter
    await expect.poll(() => sent(s.page)).toHaveLength(1);
    await openBuyer(s.page, B);
    expect(await warning(s.page).count()).toBe(0);
    await welcome(s.page, B);
    await s.page.keyboard.type('稍等');
    await openBuyer(s.page, A);
    await inPanel(s.page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
    expect(await warning(s.page).count()).toBe(0);
    expect(await draft(s.page)).toContain('稍等');
  });

  it('知道了 leaves the draft in the box; back with its buyer, nothing more is said', async () => {
    await welcome(s.page, A);
    const forA = await draft(s.page);
    await openBuyer(s.page, B);
    await warning(s.page).waitFor();
    await inPanel(s.page, '[data-kf="draft-left-dismiss"]').click();
    await warning(s.page).waitFor({ state: 'detached' });
    expect(await draft(s.page)).toBe(forA);
    await openBuyer(s.page, A);
    await openBuyer(s.page, B);
    // The panel's last insertion was looked at at the first switch: no second warning.
    expect(await warning(s.page).count()).toBe(0);
  });
});
