/**
 * A console that keeps one chat box for every buyer (the taught fixture unknown-console-v2: switching
 * conversations leaves the textarea as it is), in real Chromium with the built extension: a reply
 * the panel put in the box for buyer A is still there when the agent opens buyer B. The panel says
 * so, and takes that text out only when the agent clicks 清空; text the agent changed is left alone.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { callFromExtensionPage, evaluateInPanel, inPanel, panel, setUpDemoShop } from './pages';

let h: Harness;
let ext: Page;
let page: Page;

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

beforeAll(async () => {
  h = await launchWithExtension();
  ext = await setUpDemoShop(h);
  // What teach mode stores for this console (teach.e2e.test.ts teaches it by clicks).
  await callFromExtensionPage(ext, 'saveTaughtSite', {
    origin: new URL(h.demoUrl).origin,
    name: '某店铺自建客服台',
    url: `${h.demoUrl}/fixtures/unknown-console-v2.html`,
    fields: { chatInput: [{ css: BOX }], messageList: [{ css: '[role="log"]' }], buyerName: [{ css: 'header b' }] },
  });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await page?.close();
  page = await h.context.newPage();
  await page.goto(`${h.demoUrl}/fixtures/unknown-console-v2.html`);
  await panel(page).waitFor();
  await expect.poll(() => buyerName(page)).toBe(A);
  await inPanel(page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
});

describe('one chat box shared by every buyer (a taught console)', () => {
  it('says that the box still holds the draft made for the previous buyer, and 清空 takes out only that text', async () => {
    await welcome(page, A);
    const forA = await draft(page);
    await openBuyer(page, B);
    await warning(page).waitFor();
    expect(await warning(page).textContent()).toContain(`输入框里还有给${A}的草稿`);
    // Nothing is taken out of the box without the agent's click.
    expect(await draft(page)).toBe(forA);
    // The agent adds B's own reply anyway: the warning stays, the box now holds both.
    await page.click(BOX);
    await page.keyboard.press('End');
    await page.keyboard.type(' /hi');
    await page.keyboard.press('Space');
    await expect.poll(() => draft(page)).toContain(`${B}您好`);
    const both = await draft(page);
    expect(both.startsWith(forA)).toBe(true);
    expect(await warning(page).isVisible()).toBe(true);
    await inPanel(page, '[data-kf="draft-left-clear"]').click();
    await expect.poll(() => draft(page)).toBe(both.slice(forA.length));
    expect(await draft(page)).not.toContain(A);
    await warning(page).waitFor({ state: 'detached' });
    expect(await sent(page)).toEqual([]);
  });

  it('a nickname holding a right-to-left override neither reverses the rest of the notice nor hides the override', async () => {
    // The console shows buyer A under a name that starts with U+202E (RIGHT-TO-LEFT OVERRIDE), never closed.
    const odd = `\u202E${A}`;
    await page.evaluate(
      ([from, to]) => {
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) if (n.nodeValue?.includes(from)) n.nodeValue = n.nodeValue.split(from).join(to);
      },
      [A, odd] as const,
    );
    await expect.poll(() => buyerName(page)).toBe(`⟨RLO⟩${A}`);
    await welcome(page, A);
    await openBuyer(page, B);
    await warning(page).waitFor();
    const text = (await warning(page).textContent())!;
    expect(text).toContain(`输入框里还有给⟨RLO⟩${A}的草稿，不是给当前买家的`);
    expect(text).not.toContain('\u202E');
    // On screen, the words after the name still run left to right: the first of 不是给当前买家的 is left of its last.
    const order = await evaluateInPanel(page, (roots, words) => {
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
    await welcome(page, A);
    await page.keyboard.press('Enter'); // the fixture sends on Enter
    await expect.poll(() => sent(page)).toHaveLength(1);
    await openBuyer(page, B);
    expect(await warning(page).count()).toBe(0);
    await welcome(page, B);
    await page.keyboard.type('稍等');
    await openBuyer(page, A);
    await inPanel(page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
    expect(await warning(page).count()).toBe(0);
    expect(await draft(page)).toContain('稍等');
  });

  it('知道了 leaves the draft in the box; back with its buyer, nothing more is said', async () => {
    await welcome(page, A);
    const forA = await draft(page);
    await openBuyer(page, B);
    await warning(page).waitFor();
    await inPanel(page, '[data-kf="draft-left-dismiss"]').click();
    await warning(page).waitFor({ state: 'detached' });
    expect(await draft(page)).toBe(forA);
    await openBuyer(page, A);
    await openBuyer(page, B);
    // The panel's last insertion was looked at at the first switch: no second warning.
    expect(await warning(page).count()).toBe(0);
  });
});
