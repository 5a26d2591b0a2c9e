/**
 * The chat panel's follow-up forms (承诺答复, 售后) in the built extension: a due time already past is
 * refused with what was typed kept, as the popup's 添加 refuses it; the time fields say they are
 * Beijing time when the computer's clock is in another zone; 咨询未拍 leaves a 承诺答复 being typed as
 * it was. Chromium takes its zone from TZ, so each case launches its own browser. Nothing here
 * depends on the hour of the run: the past time is two days back, and no assertion reads a section.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, type Harness } from './harness';
import { callFromExtensionPage, evaluateInPanel, inPanel, openDemoChat, openPopup } from './pages';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const BUYER = 'tb_8834729_88';

/** Chromium in zone `tz`, the demo chat with BUYER open, and an extension page to ask the worker. */
async function chatIn(tz: string, locale: 'zh-CN' | 'en' = 'zh-CN'): Promise<{ chat: Page; ext: Page }> {
  h = await launchWithExtension({ env: { TZ: tz } });
  const ext = await openPopup(h);
  if (locale !== 'zh-CN') await callFromExtensionPage(ext, 'patchSettings', { shop: { locale } });
  const chat = await h.context.newPage();
  await openDemoChat(chat, h.demoUrl, { buyer: BUYER });
  // The feature script's own button: the form is in (a click before it is queued, another path).
  await inPanel(chat, '[data-kf="fu-after"]').waitFor();
  await inPanel(chat, '[data-kf="fu-promised"]').click();
  await inPanel(chat, '[data-kf="fu-due"]').waitFor();
  return { chat, ext };
}

/** Every item the worker holds, as JSON (kinds, buyers and notes are searched in it). */
const stored = async (ext: Page) => JSON.stringify(await callFromExtensionPage(ext, 'listFollowups', { perGroup: 200 }));

describe('the chat panel’s follow-up forms', () => {
  it('on a computer in Los Angeles: says the times are Beijing time, refuses a past 答复时间 keeping the note, and 咨询未拍 leaves the promise as typed', async () => {
    const { chat, ext } = await chatIn('America/Los_Angeles');
    expect(await chat.evaluate(() => new Date().getTimezoneOffset())).toBeGreaterThan(0); // Chromium did take the zone
    expect(await inPanel(chat, '[data-kf="fu-due-zone"]').textContent()).toBe('时间均为北京时间');

    // Two days back, as the shop reads it: refused, nothing added, the time and the note left as typed.
    const past = new Date(Date.now() - 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
    await inPanel(chat, '[data-kf="fu-due"]').fill(past);
    await inPanel(chat, '[data-kf="fu-note"]').fill('答应晚点告诉她有没有加大码');
    await inPanel(chat, '[data-kf="fu-add"]').click();
    await expect.poll(() => inPanel(chat, '[data-kf="fu-status"]').textContent()).toBe('时间要晚于现在：请重选（截止可留空）。没有加入，你写的还在。');
    expect(await inPanel(chat, '[data-kf="fu-due"]').inputValue()).toBe(past);
    expect(await inPanel(chat, '[data-kf="fu-note"]').inputValue()).toBe('答应晚点告诉她有没有加大码');
    expect(await stored(ext)).not.toContain('promised-answer');

    // 咨询未拍 meanwhile: added on its own, without the promise's note; the promise stays as typed.
    await inPanel(chat, '[data-kf="fu-inquiry"]').click();
    await expect.poll(() => inPanel(chat, '[data-kf="fu-status"]').textContent()).toContain(`咨询未拍：${BUYER}`);
    expect(await inPanel(chat, '[data-kf="fu-note"]').inputValue()).toBe('答应晚点告诉她有没有加大码');
    expect(await inPanel(chat, '[data-kf="fu-due"]').inputValue()).toBe(past);
    expect(await stored(ext)).not.toContain('答应晚点告诉她有没有加大码');

    // The time emptied (due in 24 hours), the promise is added with its note.
    await inPanel(chat, '[data-kf="fu-due"]').fill('');
    await inPanel(chat, '[data-kf="fu-add"]').click();
    await expect.poll(() => inPanel(chat, '[data-kf="fu-status"]').textContent()).toContain(`承诺答复：${BUYER}`);
    await expect.poll(() => stored(ext)).toContain('答应晚点告诉她有没有加大码');

    // 售后's time says the same.
    await inPanel(chat, '[data-kf="fu-after"]').click();
    expect(await inPanel(chat, '[data-kf="fu-after-due-zone"]').textContent()).toBe('时间均为北京时间');
  });

  it('on a computer in Beijing time: no zone beside either time', async () => {
    const { chat } = await chatIn('Asia/Shanghai');
    expect(await chat.evaluate(() => new Date().getTimezoneOffset())).toBe(-480);
    expect(await inPanel(chat, '[data-kf="fu-due-zone"]').count()).toBe(0);
    await inPanel(chat, '[data-kf="fu-after"]').click();
    await inPanel(chat, '[data-kf="fu-after-due"]').waitFor();
    expect(await inPanel(chat, '[data-kf="fu-after-due-zone"]').count()).toBe(0);
  });

  it('in English, beside 时间均为北京时间: keeps each time label on one line and a 19-digit order number in view', async () => {
    // 2026-12-06 at 1280×720 in English: "Answer by" and "Due (optional)" were squeezed beside the zone
    // note and the picker to "Answ|er by", "Due (option|al)"; the order box showed 14 of 19 digits.
    const { chat } = await chatIn('America/Los_Angeles', 'en');
    expect(await inPanel(chat, '[data-kf="fu-due-zone"]').textContent()).toBe('Times are Beijing time');
    /** Lines the label's own words take (its first child: the words before the zone note and the picker). */
    const labelLines = (input: string) =>
      evaluateInPanel(chat, (roots, input) => {
        const label = roots.map((r) => r.querySelector(`[data-kf="${input}"]`)).find(Boolean)!.closest('label')!;
        const range = document.createRange();
        range.selectNodeContents(label.firstChild!);
        return { text: range.toString(), lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
      }, input);
    expect(await labelLines('fu-due')).toEqual({ text: 'Answer by', lines: 1 });

    await inPanel(chat, '[data-kf="fu-after"]').click();
    await inPanel(chat, '[data-kf="fu-after-due"]').waitFor();
    expect(await labelLines('fu-after-due')).toEqual({ text: 'Due (optional)', lines: 1 });
    const order = inPanel(chat, '[data-kf="fu-order"]');
    await order.fill('4012938475610293847');
    const fits = await evaluateInPanel(chat, (roots) => {
      const el = roots.map((r) => r.querySelector<HTMLInputElement>('[data-kf="fu-order"]')).find(Boolean)!;
      return { value: el.value, fits: el.scrollWidth <= el.clientWidth };
    });
    expect(fits).toEqual({ value: '4012938475610293847', fits: true });
  });
});
