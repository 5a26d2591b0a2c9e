// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { AllData, DeleteAllData } from './AllData';
import { mountTab, until } from './testing';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import type { AllDataPreview } from '@/lib/messaging/protocol-data';
import { CallError } from '@/lib/messaging/client';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';

registerMessages(options);
vi.mock('@/lib/browser', () => ({ browser: {} }));
afterEach(() => {
  setLocale('zh-CN');
  vi.restoreAllMocks();
});

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

describe('删除全部数据 refused after waiting for stuck work', () => {
  it('a full disk midway says part may already be deleted (several stores, then the backups) and what to do; the form stays open', async () => {
    const tab = await mountTab(<DeleteAllData />, {
      deleteAllData: () => {
        throw new CallError('quota', 'The quota has been exceeded.');
      },
    });
    await tab.click('[data-kf="delete-all-data-open"]');
    await type(tab.q('[data-kf="delete-all-data-phrase"]'), '删除全部数据');
    await tab.click('[data-kf="delete-all-data-yes"]');
    // Before: 操作失败：存储空间已满.
    expect(tab.q('[data-kf="delete-all-data-status"]')!.textContent).toBe('没能删除全部数据：存储空间已满。可能已删除了一部分；请腾出磁盘空间或稍等片刻后再删除一次。');
    expect((tab.q('[data-kf="delete-all-data-yes"]') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says nothing was deleted and what to do, and the form stays open to try again', async () => {
    const tab = await mountTab(<DeleteAllData />, {
      deleteAllData: () => {
        throw new CallError('busy', 'stuck work');
      },
    });
    await tab.click('[data-kf="delete-all-data-open"]');
    await type(tab.q('[data-kf="delete-all-data-phrase"]'), '删除全部数据');
    await tab.click('[data-kf="delete-all-data-yes"]');
    expect(tab.q('[data-kf="delete-all-data-status"]')!.textContent).toBe(
      '没能删除全部数据：还有别的操作等了一分钟仍未结束，为免数据错乱，这次没有删除或改动任何数据。请稍后再试；若一直如此，请关闭浏览器再打开后重试。',
    );
    expect((tab.q('[data-kf="delete-all-data-yes"]') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('the result of a delete, said to a screen reader', () => {
  it('goes into the page’s live region, put in empty before, and again for a second result', async () => {
    const tab = await mountTab(<DeleteAllData />, { deleteAllData: () => ({ deleted: true }) });
    const region = () => document.querySelector('[data-kf="announce"]');
    const deleteOnce = async () => {
      await tab.click('[data-kf="delete-all-data-open"]');
      await type(tab.q('[data-kf="delete-all-data-phrase"]'), '删除全部数据');
      await tab.click('[data-kf="delete-all-data-yes"]');
    };
    await deleteOnce();
    // The line on the tab is not a live region of its own that appears already holding its words.
    expect(tab.q('[data-kf="delete-all-data-status"]')!.closest('[role="status"]')).toBeNull();
    expect(region()?.getAttribute('role')).toBe('status');
    await act(async () => new Promise((r) => setTimeout(r, 150)));
    const words = region()!.textContent;
    expect(words).toBe(tab.q('[data-kf="delete-all-data-status"]')!.textContent);
    await deleteOnce();
    expect(region()!.textContent).toBe('');
    await act(async () => new Promise((r) => setTimeout(r, 150)));
    expect(region()!.textContent).toBe(words);
  });
});

/** Chooses an 全部数据 file in the tab's import input. */
async function chooseFile(tab: { q(selector: string): Element | null }) {
  const input = tab.q('[data-kf="all-import-file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([JSON.stringify({ format: 'kefu-all-data', version: 1 })], 'kefu-all-data.json')], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 10));
  });
}

describe('导入全部数据', () => {
  const areas = (n: number) => ({ file: n, here: 0, fresh: n });
  const preview: AllDataPreview = {
    exportedAt: Date.UTC(2026, 11, 3, 2),
    library: { updatedAt: 7, current: 102, incoming: 103, added: 1, updated: 0, unchanged: 102, notInFile: 0, codeClashes: [], mergeErrors: [] },
    areas: { customers: areas(25), followups: areas(4), learned: areas(1), remarkOverrides: areas(1), usage: areas(2), replyClock: areas(1), buyerNames: areas(3), reminded: areas(0) },
    settings: true,
  };

  it('counts the file per area first, then merges with the library’s count as the base', async () => {
    const importAllData = vi.fn((p: { dryRun?: boolean }) => ({ ok: true, preview }));
    const tab = await mountTab(<AllData />, { importAllData, getSettings: () => ({ shop: { locale: 'zh-CN' } }) });
    await chooseFile(tab);
    expect(importAllData).toHaveBeenLastCalledWith({ json: { format: 'kefu-all-data', version: 1 }, dryRun: true });
    expect(tab.q('tr[data-area="templates"]')!.textContent).toBe('话术1031021');
    expect(tab.q('tr[data-area="customers"]')!.textContent).toBe('客户档案25025');
    expect(document.activeElement?.getAttribute('data-kf')).toBe('all-import-merge');
    await tab.click('[data-kf="all-import-merge"]');
    expect(importAllData).toHaveBeenLastCalledWith({ json: { format: 'kefu-all-data', version: 1 }, merge: true, baseUpdatedAt: 7 });
    expect(tab.q('[data-kf="all-result"]')!.textContent).toContain('已合并导入：话术 103、客户档案 25、跟进 4');
  });

  it('a file 替换 would be refused for (buyers, no follow-ups): the preview says so and why before the choice; 合并 is still offered', async () => {
    const why = '这个文件有「客户档案」却没有「跟进」：替换会删掉这里 2 位文件里没有的买家，而写着他们的 1 条跟进和 1 条催付记录会留下。';
    const importAllData = vi.fn((p: { dryRun?: boolean }) => (p.dryRun ? { ok: true, preview: { ...preview, replaceRefused: why } } : { ok: true, preview }));
    const tab = await mountTab(<AllData />, { importAllData, getSettings: () => ({ shop: { locale: 'zh-CN' } }) });
    await chooseFile(tab);
    const confirm = tab.q('[data-kf="all-import-confirm"]')!;
    // Before: the preview described 替换 as for any file, and the refusal came only after it was picked.
    expect(tab.q('[data-kf="all-import-replace-refused"]')?.textContent).toBe(`替换：这个文件不能用来替换，点了也只会被拒绝、什么都不改。${why}`);
    expect(confirm.textContent).not.toContain('替换：本机的以上内容和设置全部换成文件中的。');
    expect(tab.q('[data-kf="all-import-replace"]')!.textContent).toBe('替换（此文件不可用）');
    expect(document.activeElement?.getAttribute('data-kf')).toBe('all-import-merge');
    await tab.click('[data-kf="all-import-merge"]');
    expect(importAllData).toHaveBeenLastCalledWith({ json: { format: 'kefu-all-data', version: 1 }, merge: true, baseUpdatedAt: 7 });
    expect(tab.q('[data-kf="all-result"]')!.textContent).toContain('已合并导入');
  });

  it('a file 替换 takes: the preview describes 替换 as before, its button plain', async () => {
    const tab = await mountTab(<AllData />, { importAllData: () => ({ ok: true, preview }), getSettings: () => ({ shop: { locale: 'zh-CN' } }) });
    await chooseFile(tab);
    expect(tab.q('[data-kf="all-import-replace-refused"]')).toBeNull();
    expect(tab.q('[data-kf="all-import-confirm"]')!.textContent).toContain('替换：本机的以上内容和设置全部换成文件中的。');
    expect(tab.q('[data-kf="all-import-replace"]')!.textContent).toBe('替换');
  });

  it('says after the import how many VIP revisits it scheduled and over how many days, as the buyer import does', async () => {
    // 45 revisits from Friday 2026-12-04 09:00 Beijing: 20, 20, 5.
    const day = (d: number) => Date.UTC(2026, 11, d, 1);
    const revisits = [...Array(20).fill(day(4)), ...Array(20).fill(day(5)), ...Array(5).fill(day(6))];
    const importAllData = vi.fn((p: { dryRun?: boolean }) => ({ ok: true, preview, ...(p.dryRun ? {} : { revisits }) }));
    const tab = await mountTab(<AllData />, { importAllData, getSettings: () => ({ shop: { locale: 'zh-CN' } }) });
    await chooseFile(tab);
    await tab.click('[data-kf="all-import-merge"]');
    expect(tab.q('[data-kf="all-result"]')!.textContent).toContain('已为导入的 VIP 买家安排 45 次回访：上次联系已久的按每天最多 20 次排开，分布在 3 天（12-04 至 12-06）');
  });
});

describe('导出全部数据', () => {
  it('says that an export did not finish under a heading of its own, not as a refused file', async () => {
    for (const [locale, heading, refused] of [
      ['zh-CN', '导出没有完成，没有下载任何文件', '文件未导入'],
      ['en', 'The export did not finish; no file was downloaded', 'The file was not imported'],
    ] as const) {
      setLocale(locale);
      const exportAllData = vi.fn(() => {
        throw new Error('disk full');
      });
      const tab = await mountTab(<AllData />, { exportAllData, getSettings: () => ({ shop: { locale } }) });
      await tab.click('[data-kf="all-export"]');
      await act(async () => new Promise((r) => setTimeout(r, 10)));
      const result = tab.q('[data-kf="all-result"]')!.textContent!;
      expect(result).toContain(heading);
      expect(result).toContain('disk full');
      expect(result).not.toContain(refused);
    }
  });
});

describe('导出店铺设置（不含买家数据）: the set-up handed to colleagues', () => {
  const NOW = Date.UTC(2026, 11, 7, 5);
  const library = { format: 'kefu-library', version: 1, updatedAt: NOW, groups: [], templates: [{ id: 't1', title: '发货时间', body: '今天{截单时间}前付款当天发' }] };
  const settings = {
    ...DEFAULT_APP_SETTINGS,
    shop: { agentName: '阿绿', shopName: '青禾家居', cutoff: '14:30', locale: 'zh-CN' },
    privacy: { maskPii: false, retentionDays: 30, learnFromPicks: true },
  };

  /** The files the tab downloads: name and text. */
  function downloads(): { name: string; text: Promise<string> }[] {
    const files: { name: string; text: Promise<string> }[] = [];
    let last: Blob | null = null;
    URL.createObjectURL = ((b: Blob) => ((last = b), 'blob:x')) as typeof URL.createObjectURL;
    URL.revokeObjectURL = () => {};
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ name: this.download, text: last!.text() });
    });
    return files;
  }

  it('sits next to 导出全部数据 and downloads the library and the shop’s settings, asking for no buyer and naming no agent', async () => {
    const files = downloads();
    const asked: string[] = [];
    const reply = (verb: string, value: unknown) => () => (asked.push(verb), value);
    const tab = await mountTab(<AllData />, { exportLibrary: reply('exportLibrary', library), getSettings: reply('getSettings', settings) });
    const button = tab.q('[data-kf="setup-export"]') as HTMLButtonElement;
    expect(button.textContent).toBe('导出店铺设置（不含买家数据）');
    expect(button.parentElement).toBe(tab.q('[data-kf="all-export"]')!.parentElement);
    asked.length = 0;
    await tab.click('[data-kf="setup-export"]');
    await until(() => files.length === 1);
    expect(asked.sort()).toEqual(['exportLibrary', 'getSettings']);
    expect(files[0]!.name).toMatch(/^kefu-shop-setup-\d{8}\.json$/);
    const file = JSON.parse(await files[0]!.text);
    expect(file).toMatchObject({ format: 'kefu-all-data', version: 1, scope: 'shop-setup', library, settings: { shop: { shopName: '青禾家居', cutoff: '14:30' } } });
    expect(Object.keys(file).sort()).toEqual(['exportedAt', 'format', 'library', 'scope', 'settings', 'version']);
    expect(JSON.stringify(file)).not.toContain('阿绿');
    expect(tab.q('[data-kf="all-result"]')!.textContent).toContain(`已导出店铺设置（${files[0]!.name}）`);
    expect(tab.q('[data-kf="all-result"]')!.textContent).toContain('不含任何买家数据');
  });

  it('imported, says it is a set-up file that touches no buyer, counts no buyer area, and says so again after a 替换', async () => {
    const json = { format: 'kefu-all-data', version: 1, scope: 'shop-setup', exportedAt: NOW, library, settings: { v: 1, shop: { cutoff: '14:30' } } };
    const none = { file: 0, here: 0, fresh: 0 };
    const preview: AllDataPreview = {
      exportedAt: NOW,
      library: { updatedAt: 7, current: 102, incoming: 1, added: 1, updated: 0, unchanged: 0, notInFile: 102, codeClashes: [], mergeErrors: [] },
      areas: { customers: { ...none, here: 25 }, followups: { ...none, here: 4 }, learned: none, remarkOverrides: none, usage: none, replyClock: none, buyerNames: none, reminded: none },
      settings: true,
    };
    const importAllData = vi.fn(() => ({ ok: true, preview }));
    const tab = await mountTab(<AllData />, { importAllData, getSettings: () => settings });
    const input = tab.q('[data-kf="all-import-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([JSON.stringify(json)], 'kefu-shop-setup-20261207.json')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 10));
    });
    const confirm = tab.q('[data-kf="all-import-confirm"]')!;
    expect(tab.q('[data-kf="all-import-setup"]')!.textContent).toBe(
      '这是「导出店铺设置」保存的文件：只有话术库（含备注规则、合规设置、已教页面）和店铺设置，不含买家数据。无论合并还是替换，这台电脑上的客户档案、跟进、学习记录和统计都不会被删除或改动。',
    );
    expect(confirm.querySelector('tr[data-area="templates"]')).not.toBeNull();
    expect(confirm.querySelector('tr[data-area="customers"]')).toBeNull();
    expect(confirm.textContent).not.toContain('本机的以上内容和设置全部换成文件中的');
    await tab.click('[data-kf="all-import-replace"]');
    expect(importAllData).toHaveBeenLastCalledWith({ json, merge: false, baseUpdatedAt: 7 });
    const result = tab.q('[data-kf="all-result"]')!.textContent!;
    expect(result).toContain('已用文件替换本机数据：话术 1');
    expect(result).toContain('店铺设置已换成文件中的（你的客服名、界面语言和隐私设置不变）；客户档案、跟进等买家数据没有改动。');
  });
});

describe('the import button of 全部数据, for a file of either export', () => {
  /** The button's own words (the label around the file input), and the line under it. */
  const shown = async () => {
    const tab = await mountTab(<AllData />, { getSettings: () => DEFAULT_APP_SETTINGS });
    const button = tab.q('[data-kf="all-import-file"]')!.closest('label')!.textContent!;
    return { button, help: tab.q('[data-kf="all-import-help"]')?.textContent ?? null, setup: tab.q('[data-kf="setup-export-help"]')!.textContent! };
  };

  it('is named for any file, not for all data, and says it takes either export and shows what it holds before writing', async () => {
    const zh = await shown();
    expect(zh.button).toBe('导入文件…');
    expect(zh.help).toBe('「导入文件…」可以选「导出全部数据」或「导出店铺设置」保存的文件。导入前会先列出文件里有什么、本机有什么，你选了合并或替换才会写入。');
    expect(zh.setup).toContain('同事在这里用「导入文件…」选择这个文件即可。');
    expect(zh.setup).not.toContain('导入全部数据');
  });

  it('says the same in English, naming the two exports as their buttons do', async () => {
    setLocale('en');
    const en = await shown();
    expect(en.button).toBe('Import a file…');
    expect(en.help).toBe(
      '“Import a file…” takes a file saved with “Export all data” or with “Export shop set-up”. It first lists what the file holds next to what is here; nothing is written until you choose Merge or Replace.',
    );
    expect(en.setup).toContain('A colleague imports it here with “Import a file…”.');
    expect(en.setup).not.toContain('Import all data');
  });
});
