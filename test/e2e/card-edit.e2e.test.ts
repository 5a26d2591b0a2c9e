/**
 * The buyer card's edit form (in its extension frame inside the console page) with a text longer
 * than the worker takes: the field says its limit and by how much it is over, keeps every character,
 * and the form saves nothing until it fits. Real Chromium, the built extension, the demo console.
 */
import { describe, expect, it } from 'vitest';
import { buyerNotesSuite } from './suite';
import { callFromExtensionPage, cardReady, inPanel, openDemoChat } from './pages';
import type { Customer } from '../../lib/domain/customers/types';

const s = buyerNotesSuite();
const buyer = { platform: 'demo', nickname: '小鹿乱撞0521', buyerId: 'u-1001' };
const stored = async () => (await callFromExtensionPage<(Customer | null)[]>(s.ext, 'getCustomers', { platform: 'demo', buyers: [buyer] }))[0]!;
const editor = (sel: string) => inPanel(s.page, `[data-kf="customer-editor"] ${sel}`);

describe("the buyer card's edit form", () => {
  it('says which field is too long and by how much, keeps all the text, and saves only once it fits', async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { preferences: '喜欢宽松', note: '原来的备注' } });
    await openDemoChat(s.page, s.h.demoUrl, { buyer: buyer.nickname });
    await cardReady(s.page, buyer.nickname);
    await inPanel(s.page, '[data-kf="customer-edit"]').click();

    const address = '送到小区南门的快递柜，别放门卫'.repeat(34); // 15 × 34 = 510, 10 over 500
    await editor('[data-field="addressNote"]').fill(address);
    await editor('[data-field="preferences"]').fill('只要纯棉');
    await expect.poll(() => editor('[data-kf="addressNote-too-long"]').textContent()).toBe('最多 500 字，现在 510 字（多 10 字）。文字都还在，缩短后才能保存。');
    expect(await editor('[data-field="addressNote"]').inputValue()).toBe(address);
    expect(await editor('[data-kf="preferences-too-long"]').count()).toBe(0);
    expect(await editor('[data-kf="customer-edit-save"]').isDisabled()).toBe(true);
    // The short usual-size field keeps its maxlength (the worker takes 10 characters).
    expect(await editor('[data-field="usualSize"]').getAttribute('maxlength')).toBe('10');
    expect(await stored()).toMatchObject({ preferences: '喜欢宽松', addressNote: '' });

    // Shortened to fit: saved whole, with the other field changed alongside.
    await editor('[data-field="addressNote"]').fill(address.slice(0, 500));
    await expect.poll(() => editor('[data-kf="addressNote-too-long"]').count()).toBe(0);
    await editor('[data-kf="customer-edit-save"]').click();
    await inPanel(s.page, '[data-kf="customer-editor"]').waitFor({ state: 'detached' });
    expect(await stored()).toMatchObject({ preferences: '只要纯棉', addressNote: address.slice(0, 500), note: '原来的备注' });
    expect(await inPanel(s.page, '[data-kf="customer-save-error"]').count()).toBe(0);
  });
});
