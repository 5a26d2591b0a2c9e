/**
 * Keyboard and screen-reader findings of a QA pass on 2026-12-04, in real Chromium with
 * the built extension:
 * - an Escape that cancels a pinyin composition leaves every search box of ours as it was (Chrome on
 *   macOS and Linux reports it as key "Escape" with keyCode 229, and a `type="search"` box empties
 *   itself on it), and does not close the options page's buyer edit form;
 * - saves and state changes the agent makes are said by a polite live region: a note saved in the
 *   buyer card; a follow-up done, snoozed, noted or added in the popup;
 * - Alt+R goes from the console's remark box to the panel's remark form and back, opening a folded panel;
 * - Tab into the buyer card lands on its first control, not on the frame's document. (This one held
 *   on the code QA ran too: its probes read the <iframe> element's outline from the page, and the
 *   frame before the focus had reached it. Kept, read from inside the frame, so it stays so.)
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Page } from 'playwright-core';
import { callFromExtensionPage, cardFrame, cardReady, chatInput, evaluateInPanel, inPanel, openDemoChat, openDemoOrders, openPopup, remarkDialog, bjClock } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({});

/**
 * Starts composing `pinyin` in the focused field, presses Escape as Chrome reports it while an input
 * method composes (keyCode 229, isComposing; key "Escape" on macOS and Linux), then ends the
 * composition with nothing committed, as the input method does when Escape cancels it.
 */
async function escapeWhileComposing(p: Page, pinyin: string): Promise<void> {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Input.imeSetComposition', { text: pinyin, selectionStart: pinyin.length, selectionEnd: pinyin.length });
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Escape', code: 'Escape', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  await cdp.send('Input.insertText', { text: '' });
  await cdp.detach();
}


/** The words the page's polite live region says now (empty until something was said). */
const said = (p: { evaluate: Page['evaluate'] }) =>
  p.evaluate(() => {
    const el = document.querySelector('[data-kf="announce"]');
    return el ? `${el.getAttribute('role')}:${el.textContent}` : '';
  });

describe('Escape that cancels a pinyin composition', () => {
  it('keeps the panel search (Alt+K) as typed, with the focus in it', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { input: 'textarea' });
    await inPanel(s.page, '[data-kf="suggestions"][data-engine="ready"]').waitFor();
    await chatInput(s.page).click();
    await s.page.keyboard.press('Alt+k');
    await s.page.keyboard.type('七天');
    await escapeWhileComposing(s.page, 'tui');
    await s.page.keyboard.type('退');
    expect(await inPanel(s.page, '[data-kf="search"]').inputValue()).toBe('七天退');
  });

  it('keeps the popup’s 话术 search, and the options page’s reply filter and buyer search', async () => {
    const popup = await openPopup(s.h);
    await popup.locator('[data-tab="library"]').click();
    const side = popup.locator('[data-kf="side-search"]');
    await side.click();
    await popup.keyboard.type('退货');
    await escapeWhileComposing(popup, 'ku');
    await popup.keyboard.type('款');
    expect(await side.inputValue()).toBe('退货款');
    await popup.close();

    const options = await s.h.openExtensionPage('options.html#templates');
    const filter = options.locator('[data-kf="template-filter"]');
    await filter.click();
    await options.keyboard.type('催付');
    await escapeWhileComposing(options, 'fa');
    expect(await filter.inputValue()).toBe('催付');
    await options.goto(options.url().replace(/#.*$/, '#customers'));
    const search = options.locator('[data-kf="customers-search"]');
    await search.click();
    await options.keyboard.type('小鹿');
    await escapeWhileComposing(options, 'luan');
    expect(await search.inputValue()).toBe('小鹿');
    await options.close();
  });

  it('leaves the options page’s buyer edit form open with what was typed', async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'demo', nickname: '小鹿乱撞0521', buyerId: 'u-1001', patch: { preferences: '喜欢浅色' } });
    const options = await s.h.openExtensionPage('options.html#customers');
    await options.locator('tr[data-key="demo#u-1001"] [data-kf="customer-edit"]').click();
    const field = options.locator('[data-kf="customer-edit-form"] [data-field="preferences"]');
    await field.click();
    await options.keyboard.type('，不要亮片');
    await escapeWhileComposing(options, 'liang');
    await options.keyboard.type('的');
    expect(await field.inputValue()).toBe('喜欢浅色，不要亮片的');
    await options.close();
  });
});

describe('saves and state changes are said to a screen reader', () => {
  it('the buyer card says a note was saved (Alt+N, Enter)', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    await chatInput(s.page).click();
    await s.page.keyboard.press('Alt+n');
    await s.page.keyboard.type('周末才方便收货');
    await s.page.keyboard.press('Enter');
    await expect.poll(() => said(cardFrame(s.page)!)).toBe('status:已保存到米粒妈妈的档案');
  });

  it('the popup says a follow-up was done (D), noted (N), snoozed (S) and added', async () => {
    // The day shift around now, whatever the hour of the run: a to-do made in the night hours (Beijing
    // 20:00–08:00 by default) is the night shift's handover to the day shift, and one already overdue
    // then has no time left to be put off to — 推迟 says to handle it now instead of offering times.
    await callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start: bjClock(-120), end: bjClock(120) } } });
    onTestFinished(() => callFromExtensionPage(s.ext, 'patchSettings', { followups: { dayShift: { start: '08:00', end: '20:00' } } }));
    const now = Date.now();
    for (const title of ['回访甲', '回访乙', '回访丙']) await callFromExtensionPage(s.ext, 'addFollowup', { kind: 'manual', title, dueAt: now - 60_000 });
    const popup = await openPopup(s.h);
    const selectedTitle = () => popup.locator('[aria-selected="true"] [data-kf="followup-title"]').textContent();
    await expect.poll(selectedTitle).toMatch(/回访/);
    let title = await selectedTitle();
    await popup.keyboard.press('d');
    await expect.poll(() => said(popup)).toBe(`status:已完成：${title}`);

    await expect.poll(selectedTitle).toMatch(/回访/);
    title = await selectedTitle();
    await popup.keyboard.press('n');
    await popup.locator('[data-kf="note-input"]').waitFor();
    await popup.keyboard.type('打过电话了');
    await popup.keyboard.press('Enter');
    await expect.poll(() => said(popup)).toBe(`status:备注已保存：${title}`);

    title = await selectedTitle();
    await popup.keyboard.press('s');
    await popup.locator('[role="menuitem"]').first().waitFor();
    await popup.keyboard.press('Enter');
    await expect.poll(() => said(popup)).toMatch(new RegExp(`^status:已推迟到 .+：${title}$`));

    await popup.locator('[data-kf="add-followup"] summary').click();
    await popup.locator('[data-kf="add-followup"] input[name="title"]').fill('给买家补发赠品');
    await popup.locator('[data-kf="add-followup"] input[name="title"]').press('Enter');
    await expect.poll(() => said(popup)).toBe('status:已加入：给买家补发赠品');
    await popup.close();
  });
});

describe('Alt+R: the panel’s remark form from the console’s remark box', () => {
  it('goes from the dialog’s textarea to the form’s first field, and back', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    const id = (await s.page.locator('.sold-order').nth(2).getAttribute('data-order-id'))!;
    await remarkDialog.open(s.page, id);
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    await remarkDialog.textarea(s.page).click();
    await s.page.keyboard.press('Alt+r');
    const inForm = () =>
      evaluateInPanel(s.page, (roots) => {
        const el = roots.map((r) => r.activeElement).find(Boolean);
        return el?.closest('[data-kf="remark-form"]') ? (el.getAttribute('data-field') ?? el.getAttribute('data-kf')) : null;
      });
    await expect.poll(inForm).not.toBeNull();
    await s.page.keyboard.press('Alt+r');
    await expect.poll(() => s.page.evaluate(() => !!document.activeElement?.matches('[role="dialog"].remark-dialog textarea'))).toBe(true);
    // Named where the form is: the key on its heading.
    expect(await inPanel(s.page, '[data-kf="remark-key"]').textContent()).toBe('Alt+R');
  });

  it('opens the folded panel and goes to the form', async () => {
    await openDemoOrders(s.page, s.h.demoUrl);
    const id = (await s.page.locator('.sold-order').nth(2).getAttribute('data-order-id'))!;
    await remarkDialog.open(s.page, id);
    await inPanel(s.page, '[data-kf="remark-form"]').waitFor();
    await inPanel(s.page, '[data-kf="collapse"]').click();
    await inPanel(s.page, '[data-kf="expand"]').waitFor();
    try {
      await remarkDialog.textarea(s.page).click();
      await s.page.keyboard.press('Alt+r');
      const inForm = () =>
        evaluateInPanel(s.page, (roots) => !!roots.map((r) => r.activeElement).find(Boolean)?.closest('[data-kf="remark-form"]'));
      await expect.poll(inForm).toBe(true);
      expect(await inPanel(s.page, '[data-kf="expand"]').count()).toBe(0);
    } finally {
      await callFromExtensionPage(s.ext, 'patchSettings', { panel: { collapsed: false } });
    }
  });
});

describe('Tab into the buyer card', () => {
  it('lands on the card’s first control (编辑), not on the frame’s document', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    await chatInput(s.page).click();
    const frame = cardFrame(s.page)!;
    const inFrame = () => frame.evaluate(() => (document.hasFocus() ? `${document.activeElement!.tagName}:${document.activeElement!.getAttribute('data-kf') ?? ''}` : null));
    let first: string | null = null;
    for (let i = 0; i < 40 && !first; i++) {
      await s.page.keyboard.press('Tab');
      first = await inFrame();
    }
    expect(first).toBe('BUTTON:customer-edit');
  });
});
