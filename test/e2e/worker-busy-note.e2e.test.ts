/**
 * A note saved while the background is not answering (QA F kept the worker's thread busy for 15 s):
 * the card showed only 保存中… the whole time. Now it says, after a few seconds, that the helper is not
 * answering and still waiting, and that the note is kept; once the worker is free the note is saved.
 */
import { describe, expect, it } from 'vitest';
import { cardReady, chatInput, inPanel, openDemoChat, panelFocus } from './pages';
import { extensionSuite } from './suite';

const s = extensionSuite({ page: 'file' });

type Marked = { __kfBusyStarted: Promise<void> };

describe('a note saved while the background is busy', () => {
  it('says the helper is not answering and the note is kept, then saves it', async () => {
    await openDemoChat(s.page, s.h.demoUrl, { buyer: '米粒妈妈' });
    await cardReady(s.page, '米粒妈妈');
    await chatInput(s.page).click();
    await s.page.keyboard.press('Alt+KeyN');
    await expect.poll(() => panelFocus(s.page)).toBe('customer-note-input');
    await s.page.keyboard.type('要开发票，抬头写公司');
    // Counted from what this buyer's history already holds (a retried run finds the last run's note).
    const notes = () => inPanel(s.page, '[data-kf="customer-history"] li[data-kind="note"]').allTextContents().then((all) => all.filter((t) => t.includes('要开发票')).length);
    const before = await notes();
    // The worker's thread is busy for 9 s (a long task, as QA did it), then free again. The loop's
    // first act is a mark an extension page hears while the loop runs: Enter is pressed only once
    // the worker is surely busy (a fixed wait for it let the note save before the loop, under load).
    await s.ext.evaluate(() => {
      (window as unknown as Marked).__kfBusyStarted = new Promise<void>((resolve) => {
        const channel = new BroadcastChannel('kf-test-busy');
        channel.onmessage = () => {
          channel.close();
          resolve();
        };
      });
    });
    const sw = await s.h.serviceWorker();
    const busy = sw.evaluate(() => {
      new BroadcastChannel('kf-test-busy').postMessage('started');
      const end = Date.now() + 9000;
      while (Date.now() < end);
    });
    // A failed evaluate (no loop) fails the test with its own error rather than an unheard mark.
    await Promise.race([
      s.ext.evaluate(() => (window as unknown as Marked).__kfBusyStarted),
      busy.then(() => Promise.reject(new Error('the busy loop ended before its start was heard'))),
    ]);
    await s.page.keyboard.press('Enter');
    const slow = inPanel(s.page, '[data-kf="customer-save-slow"]');
    await slow.waitFor({ timeout: 8000 });
    expect(await slow.textContent()).toContain('没有响应');
    expect(await slow.textContent()).toContain('不会丢失');
    expect(await inPanel(s.page, '[data-kf="customer-note-input"]').inputValue()).toBe('要开发票，抬头写公司');
    await busy;
    await expect.poll(notes, { timeout: 15_000 }).toBe(before + 1);
    // The history may show the note (the change notice) a moment before the save's own answer ends 保存中.
    await expect.poll(() => slow.count()).toBe(0);
    // Saved once: the message waited for the worker, it was not sent again as a second note.
    expect(await notes()).toBe(before + 1);
    expect(await inPanel(s.page, '[data-kf="customer-note-input"]').inputValue()).toBe('');
  });
});
