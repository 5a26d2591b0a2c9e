/**
 * The buyer card never loses a buyer's text to a limit (before, each of these cut it without a word):
 * - selected chat text added to 备注 / 偏好 / 地址备注 (the worker appends it to the stored text): when
 *   the joined text would pass the field's limit, nothing is saved and the card says by how much;
 * - an old record attached to the buyer (合并到这位买家): both notes and all tags are kept whole, even past the
 *   limit, and the edit forms say the note or the tags are over, so the agent shortens them.
 * Real Chromium, the built extension, the demo console.
 */
import { describe, expect, it } from 'vitest';
import { buyerNotesSuite } from './suite';
import { callFromExtensionPage, cardReady, inPanel, openDemoChat } from './pages';
import type { Customer } from '../../lib/domain/customers/types';

const s = buyerNotesSuite();
const buyer = { platform: 'demo', nickname: '小鹿乱撞0521', buyerId: 'u-1001' };
const stored = async () => (await callFromExtensionPage<(Customer | null)[]>(s.ext, 'getCustomers', { platform: 'demo', buyers: [buyer] }))[0] ?? null;

/** A note of exactly `n` characters, in lines as an agent writes them. */
const noteOf = (n: number) => '只发顺丰，不要放驿站，到了先打电话。\n'.repeat(Math.ceil(n / 19)).slice(0, n);

async function selectBubble(containing: string): Promise<string> {
  return s.page.evaluate((text) => {
    const bubble = [...document.querySelectorAll('.msg-bubble')].find((b) => b.textContent!.includes(text))!;
    const range = document.createRange();
    range.selectNodeContents(bubble);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return getSelection()!.toString().trim();
  }, containing);
}

describe('selected chat text saved to a long note', () => {
  it('says by how much the note would be too long, saves nothing and keeps the stored note whole', async () => {
    const long = noteOf(4990);
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { note: long } });
    await openDemoChat(s.page, s.h.demoUrl, { buyer: buyer.nickname });
    await cardReady(s.page, buyer.nickname);

    const selected = await selectBubble('身高162');
    await expect.poll(() => inPanel(s.page, '[data-as="note"]').isEnabled()).toBe(true);
    await inPanel(s.page, '[data-as="note"]').click();
    await inPanel(s.page, '[data-kf="customer-selection-confirm"]').click();

    // The stored note, a line break, the selection: this much over 5,000.
    const over = long.length + 1 + selected.length - 5000;
    expect(over).toBeGreaterThan(0);
    await expect
      .poll(() => inPanel(s.page, '[data-kf="customer-save-error"]').textContent(), { timeout: 5000 })
      .toBe(`加上这段文字，备注会多出 ${over} 个字（最多 5000 个字），没有保存。请先在「编辑」里精简备注，再存这段文字。`);
    // The choice stays open with the text, to save once the note is shorter.
    expect(await inPanel(s.page, '[data-kf="customer-selection-preview"]').getAttribute('data-field')).toBe('note');
    expect((await stored())!.note).toBe(long);
  });

  it('a patch sent straight to the worker that would pass the limit is refused with the field and by how much', async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { preferences: '喜'.repeat(995) } });
    const reply = await s.ext.evaluate(
      (p) => (globalThis as any).chrome.runtime.sendMessage({ kf: 'patchCustomer', payload: p }),
      { ...buyer, append: { preferences: '不要黑色的' } },
    );
    expect(reply).toEqual({ ok: false, error: { code: 'invalid', message: 'long.preferences 1' } });
    expect((await stored())!.preferences).toBe('喜'.repeat(995));
  });
});

describe('an old record attached to the buyer', () => {
  it('keeps both notes whole past the limit, and the edit form says the note is over', async () => {
    const mine = '甲'.repeat(3000);
    const old = '乙'.repeat(3000);
    // The id's own record first, then a record under the name alone (a page without the id wrote it).
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { note: mine } });
    await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'demo', nickname: buyer.nickname, patch: { note: old } });
    await openDemoChat(s.page, s.h.demoUrl, { buyer: buyer.nickname });
    await cardReady(s.page, buyer.nickname);
    await inPanel(s.page, '[data-kf="customer-old-merge"]').click();
    await inPanel(s.page, '[data-kf="customer-old-merge-confirm"]').click();
    await expect.poll(async () => (await stored())?.note.length, { timeout: 5000 }).toBe(6001);
    expect((await stored())!.note).toBe(`${mine}\n${old}`);

    await inPanel(s.page, '[data-kf="customer-edit"]').click();
    await expect
      .poll(() => inPanel(s.page, '[data-kf="customer-editor"] [data-kf="note-too-long"]').textContent(), { timeout: 5000 })
      .toBe('最多 5000 字，现在 6001 字（多 1001 字）。文字都还在，缩短后才能保存。');
    expect(await inPanel(s.page, '[data-kf="customer-editor"] [data-kf="customer-edit-save"]').isDisabled()).toBe(true);
  });

  it("keeps every tag of both, and both edit forms say at once that the tags are over, before the agent touches them", async () => {
    const mine = Array.from({ length: 25 }, (_, i) => `常买${i + 1}`);
    const old = Array.from({ length: 25 }, (_, i) => `老标签${i + 1}`);
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { tags: mine } });
    await callFromExtensionPage(s.ext, 'patchCustomer', { platform: 'demo', nickname: buyer.nickname, patch: { tags: old } });
    await openDemoChat(s.page, s.h.demoUrl, { buyer: buyer.nickname });
    await cardReady(s.page, buyer.nickname);
    await inPanel(s.page, '[data-kf="customer-old-merge"]').click();
    await inPanel(s.page, '[data-kf="customer-old-merge-confirm"]').click();
    await expect.poll(async () => (await stored())?.tags.length, { timeout: 5000 }).toBe(50);
    const said = ['标签有 50 个，多了 20 个（最多 30 个）'];
    const fix = '标签是简短的标记：改短或删去一些后才能保存。你输入的内容都还在。';

    await inPanel(s.page, '[data-kf="customer-edit"]').click();
    const card = (sel: string) => inPanel(s.page, `[data-kf="customer-editor"] ${sel}`);
    await expect.poll(() => card('[data-kf="tags-over"] li').allTextContents(), { timeout: 5000 }).toEqual(said);
    expect(await card('[data-kf="tags-over"] p').textContent()).toBe(fix);
    expect(await card('[data-field="tags"]').getAttribute('aria-invalid')).toBe('true');

    const options = await s.h.openExtensionPage('options.html#customers');
    try {
      await options.locator('tr[data-key="demo#u-1001"] [data-kf="customer-edit"]').click();
      const form = options.locator('[data-kf="customer-edit-form"]');
      await expect.poll(() => form.locator('[data-kf="tags-over"] li').allTextContents(), { timeout: 5000 }).toEqual(said);
      expect(await form.locator('[data-kf="tags-over"] p').textContent()).toBe(fix);
    } finally {
      await options.close();
    }
  });
});
