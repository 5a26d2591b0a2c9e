/**
 * The buyer card's edit form (in its extension frame inside the console page): tags over the tag rule
 * (short labels: 20 characters a tag, 30 a buyer) are said before saving, never cut; and a buyer
 * deleted elsewhere while the form is open is said, not recorded again unless the agent chooses.
 * Real Chromium, the built extension, the demo console.
 */
import { describe, expect, it } from 'vitest';
import { buyerNotesSuite } from './suite';
import { callFromExtensionPage, cardReady, inPanel, openDemoChat } from './pages';
import type { Customer } from '../../lib/domain/customers/types';

const s = buyerNotesSuite();
const buyer = { platform: 'demo', nickname: '小鹿乱撞0521', buyerId: 'u-1001' };
const stored = async () => (await callFromExtensionPage<(Customer | null)[]>(s.ext, 'getCustomers', { platform: 'demo', buyers: [buyer] }))[0] ?? null;
const editor = (sel: string) => inPanel(s.page, `[data-kf="customer-editor"] ${sel}`);

async function openEditor(): Promise<void> {
  await openDemoChat(s.page, s.h.demoUrl, { buyer: buyer.nickname });
  await cardReady(s.page, buyer.nickname);
  await inPanel(s.page, '[data-kf="customer-edit"]').click();
}

describe("the buyer card's edit form", () => {
  it('says which tag is too long and by how much, keeps the text, saves nothing until it fits, then saves every tag whole', async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { tags: ['老客'] } });
    await openEditor();
    const long = '只穿纯棉料子的不要化纤混纺面料谢谢老板'.repeat(2).slice(0, 23); // 3 over 20
    await editor('[data-field="tags"]').fill(`老客，${long}，爱砍价`);
    const notice = editor('[data-kf="tags-over"]');
    await expect.poll(() => notice.locator('li').allTextContents()).toEqual([`标签“${long}”多了 3 个字（每个标签最多 20 个字）`]);
    expect(await editor('[data-field="tags"]').inputValue()).toBe(`老客，${long}，爱砍价`);
    expect(await editor('[data-kf="customer-edit-save"]').isDisabled()).toBe(true);
    expect((await stored())!.tags).toEqual(['老客']);

    await editor('[data-field="tags"]').fill(`老客，${long.slice(0, 20)}，爱砍价`);
    await expect.poll(() => notice.count()).toBe(0);
    await editor('[data-kf="customer-edit-save"]').click();
    await inPanel(s.page, '[data-kf="customer-editor"]').waitFor({ state: 'detached' });
    expect((await stored())!.tags).toEqual(['老客', long.slice(0, 20), '爱砍价']);
    expect(await inPanel(s.page, '[data-kf="customer-save-error"]').count()).toBe(0);
  });

  it('says the buyer was deleted elsewhere meanwhile, does not record them again, keeps what was typed, and records them only when asked', async () => {
    await callFromExtensionPage(s.ext, 'patchCustomer', { ...buyer, patch: { preferences: '喜欢宽松', note: '原来的备注' } });
    await openEditor();
    await editor('[data-field="preferences"]').fill('面板改成只要纯棉');

    // 客户档案 → 删除 (or another tab) deletes the buyer while the form is open.
    expect(await callFromExtensionPage(s.ext, 'deleteCustomer', buyer)).toMatchObject({ deleted: true });
    const gone = editor('[data-kf="customer-edit-gone"]');
    await expect.poll(() => gone.locator('p').textContent(), { timeout: 5000 }).toBe(
      '你打开编辑之后，这位买家的档案已在别处删除（设置页的客户档案，或另一个标签页）。你填写的内容还在下面，没有保存；除非你选择，不会重新建档。',
    );
    expect(await editor('[data-kf="customer-edit-save"]').isDisabled()).toBe(true);
    expect(await editor('[data-field="preferences"]').inputValue()).toBe('面板改成只要纯棉');
    expect(await editor('[data-field="note"]').inputValue()).toBe('原来的备注');
    expect(await stored()).toBeNull();

    // The agent chooses: what the form holds becomes the buyer's record again.
    await editor('[data-kf="customer-edit-recreate"]').click();
    await inPanel(s.page, '[data-kf="customer-editor"]').waitFor({ state: 'detached' });
    expect(await stored()).toMatchObject({ preferences: '面板改成只要纯棉', note: '原来的备注' });
  });
});
