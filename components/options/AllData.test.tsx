// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { DeleteAllData } from './AllData';
import { mountTab } from './testing';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';

registerMessages(options);
vi.mock('@/lib/browser', () => ({ browser: {} }));
afterEach(() => setLocale('zh-CN'));

async function type(el: Element | null, value: string) {
  await act(async () => {
    (el as HTMLInputElement).value = value;
    el!.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('删除全部数据', () => {
  it('works only once the phrase is typed, in the interface’s language', async () => {
    setLocale('en');
    const deleteAllData = vi.fn(() => ({ deleted: true }));
    const tab = await mountTab(<DeleteAllData />, { deleteAllData });
    await tab.click('[data-kf="delete-all-data-open"]');
    expect(tab.q('[data-kf="delete-all-data-confirm"]')!.textContent).toContain('Type “delete all my data” to confirm');
    const yes = () => tab.q('[data-kf="delete-all-data-yes"]') as HTMLButtonElement;
    await type(tab.q('[data-kf="delete-all-data-phrase"]'), '删除全部数据');
    expect(yes().disabled).toBe(true);
    await tab.submit('[data-kf="delete-all-data-confirm"]');
    expect(deleteAllData).not.toHaveBeenCalled();
    await type(tab.q('[data-kf="delete-all-data-phrase"]'), 'Delete all my data ');
    expect(yes().disabled).toBe(false);
    await tab.click('[data-kf="delete-all-data-yes"]');
    expect(deleteAllData).toHaveBeenCalledWith({ confirm: true });
    expect(tab.q('[data-kf="delete-all-data-status"]')!.textContent).toBe('All data deleted; the extension is as freshly installed.');
  });
});
