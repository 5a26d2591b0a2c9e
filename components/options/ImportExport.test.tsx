// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ImportExport } from './ImportExport';
import { flush, mountTab } from './testing';
import { registerMessages, setLocale } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import type { ImportSummary } from '@/lib/domain/templates/import-plan';

registerMessages(options);

vi.mock('@/lib/browser', () => ({ browser: {} }));
afterEach(() => setLocale('zh-CN'));

const partial3 = {
  format: 'kefu-library',
  version: 1,
  groups: ['欢迎问候'],
  templates: ['新客欢迎', '老客欢迎', '咨询高峰稍候'].map((title, i) => ({ id: `w${i}`, title, body: `${title}的内容`, group: '欢迎问候', scenarios: ['greeting'] })),
};
const preview = (extra: Partial<ImportSummary> = {}): ImportSummary => ({
  updatedAt: 42,
  current: 103,
  incoming: 3,
  added: 0,
  updated: 1,
  unchanged: 2,
  notInFile: 100,
  codeClashes: [],
  mergeErrors: [],
  ...extra,
});

/** The import tab with a background that answers importLibrary with `answer` (a dry run with the preview). */
async function importTab(answer: (payload: any) => unknown) {
  const tab = await mountTab(<ImportExport />, { importLibrary: answer, patchSettings: () => ({}) });
  const choose = async (json: unknown, name = 'kefu-library.json') => {
    const input = tab.q('[data-kf="import-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([JSON.stringify(json)], name)], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
  };
  const text = (sel: string) => tab.q(sel)?.textContent ?? null;
  const imports = () => tab.call.mock.calls.filter(([verb, p]) => verb === 'importLibrary' && !(p as { dryRun?: boolean }).dryRun);
  return { ...tab, choose, text, imports };
}

describe('importing a library file', () => {
  it('names the replies here the file would rewrite, the first 20 by title and the rest counted', async () => {
    const titles = Array.from({ length: 22 }, (_, i) => `话术${i + 1}`);
    const t = await importTab(() => ({ ok: true, count: 3, preview: preview({ updated: 22, changedTitles: titles }) }));
    await t.choose(partial3, 'partial3.json');
    expect(t.text('[data-kf="import-changed-titles"]')).toBe(`文件里的内容会改写这些现有话术：${titles.slice(0, 20).join('、')}，另有 2 条`);
    await t.click('[data-kf="import-cancel"]');
    const few = await importTab(() => ({ ok: true, count: 3, preview: preview({ changedTitles: ['老客欢迎'] }) }));
    await few.choose(partial3, 'partial3.json');
    expect(few.text('[data-kf="import-changed-titles"]')).toBe('文件里的内容会改写这些现有话术：老客欢迎');
  });

  it('writes nothing until the agent chooses: the counts in words, merge offered first, a backup promised', async () => {
    const t = await importTab((p) => (p.dryRun ? { ok: true, count: 3, preview: preview() } : { ok: true, count: 103, preview: preview() }));
    await t.choose(partial3, 'partial3.json');
    expect(t.imports()).toEqual([]);
    const confirm = t.text('[data-kf="import-confirm"]')!;
    expect(confirm).toContain('导入「partial3.json」之前请确认');
    expect(confirm).toContain('文件中有 3 条话术，现有话术库有 103 条');
    expect(t.text('[data-kf="import-replace-what"]')).toBe('替换：现有 103 条话术将被文件中的 3 条替换，文件里没有的 100 条会被删除。');
    expect(t.text('[data-kf="import-merge-what"]')).toBe('合并（推荐）：新增 0 条、更新 1 条，文件里没有的 100 条保留，导入后共 103 条。');
    expect(confirm).toContain('导入前会自动备份全部数据');
    expect(confirm).not.toContain('文件还带有');
    expect(document.activeElement).toBe(t.q('[data-kf="import-merge"]'));

    await t.click('[data-kf="import-merge"]');
    expect(t.imports()).toEqual([['importLibrary', { json: partial3, merge: true, baseUpdatedAt: 42 }]]);
    expect(t.text('[data-kf="import-result"]')).toBe('已合并：新增 0 条，更新 1 条，话术库现有 103 条。导入前的数据已备份，可在「备份」页恢复。');
    // The first-run checklist's optional step is done.
    expect(t.call).toHaveBeenCalledWith('patchSettings', { setup: { imported: true } });
  });

  it('says which other settings the file writes too', async () => {
    const t = await importTab(() => ({ ok: true, count: 3, preview: preview() }));
    await t.choose({ ...partial3, remarkRules: {}, guardRules: {}, taughtSites: { v: 1, sites: [{}, {}] } });
    expect(t.text('[data-kf="import-confirm"]')).toContain(
      '文件还带有：备注规则（替换现有规则）、合规规则设置（替换现有设置）、2 个已教会的页面（加入现有页面），导入时一并写入。',
    );
  });

  it('replaces only when asked, and cancel changes nothing', async () => {
    const t = await importTab((p) => (p.dryRun ? { ok: true, count: 3, preview: preview() } : { ok: true, count: 3, preview: preview() }));
    await t.choose(partial3);
    await t.click('[data-kf="import-cancel"]');
    expect(t.imports()).toEqual([]);
    expect(t.text('[data-kf="import-result"]')).toBe('已取消，话术库未改动。');

    await t.choose(partial3);
    await t.click('[data-kf="import-replace"]');
    expect(t.imports()).toEqual([['importLibrary', { json: partial3, merge: false, baseUpdatedAt: 42 }]]);
    expect(t.text('[data-kf="import-result"]')).toContain('已替换：话术库现有 3 条（原有 103 条）。');
  });

  it('offers only replace when merging would give one /code to two replies, naming both', async () => {
    const clash = { code: 'hi', incoming: '欢迎光临', existing: '新客欢迎' };
    const t = await importTab(() => ({ ok: true, count: 3, preview: preview({ codeClashes: [clash], mergeErrors: ['第 104 条话术…'] }) }));
    await t.choose(partial3);
    expect(t.q('[data-kf="import-merge"]')).toBeNull();
    expect(t.text('[data-kf="import-merge-blocked"]')).toBe('不能合并，只能替换：简码 /hi 在文件中属于「欢迎光临」，现有的「新客欢迎」也在用');
    expect(document.activeElement).toBe(t.q('[data-kf="import-cancel"]'));
  });

  it('in English, lists each problem of a refused file as a sentence, with a capital; in Chinese, as written', async () => {
    const errors = { 'zh-CN': ['第 108 条话术（id "w1"）：编号（id）与第 1 条重复'], en: ['reply 108 (id "w1"): same id as reply 1', '3 more problems not listed'] };
    for (const locale of ['en', 'zh-CN'] as const) {
      setLocale(locale);
      const t = await importTab(() => ({ ok: false, errors: errors[locale] }));
      await t.choose(partial3);
      const items = [...t.q('[data-kf="import-result"]')!.querySelectorAll('li')].map((li) => li.textContent);
      expect(items).toEqual(locale === 'en' ? ['Reply 108 (id "w1"): same id as reply 1', '3 more problems not listed'] : errors['zh-CN']);
    }
  });

  it('in English, lists why merging is refused as sentences', async () => {
    setLocale('en');
    const t = await importTab(() => ({ ok: true, count: 3, preview: preview({ mergeErrors: ['reply 104 (id "w1"): shortcut code "hi" is already used by reply 2'] }) }));
    await t.choose(partial3);
    expect([...t.q('[data-kf="import-merge-blocked"]')!.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Reply 104 (id "w1"): shortcut code "hi" is already used by reply 2']);
  });

  it('shows that it is importing, and takes no other file meanwhile', async () => {
    let finish!: (v: unknown) => void;
    const t = await importTab((p) => (p.dryRun ? { ok: true, count: 3, preview: preview() } : new Promise((r) => (finish = r))));
    await t.choose(partial3);
    await t.click('[data-kf="import-merge"]');
    expect(t.text('[data-kf="import-busy"]')).toBe('正在导入，请稍候…');
    expect((t.q('[data-kf="import-file"]') as HTMLInputElement).disabled).toBe(true);
    await act(async () => finish({ ok: true, count: 103, preview: preview() }));
    await flush();
    expect(t.q('[data-kf="import-busy"]')).toBeNull();
    expect((t.q('[data-kf="import-file"]') as HTMLInputElement).disabled).toBe(false);
  });

  it('counts again and asks again when another page changed the library in between', async () => {
    let previews = 0;
    const t = await importTab((p) => {
      if (p.dryRun) return { ok: true, count: 3, preview: preview({ current: 103 + previews++, updatedAt: 42 + previews }) };
      throw Object.assign(new Error('the library changed meanwhile'), { code: 'conflict' });
    });
    await t.choose(partial3);
    await t.click('[data-kf="import-merge"]');
    expect(t.text('[data-kf="import-again"]')).toContain('话术库刚在另一个页面被修改，没有导入');
    expect(t.text('[data-kf="import-counts"]')).toContain('现有话术库有 104 条');
  });

  it('points a file of another tab to where it is imported, and sends it nowhere', async () => {
    const t = await importTab(() => ({ ok: false, errors: ['这不是话术库的导出文件'] }));
    await t.choose({ format: 'kefu-customers', version: 2, exportedAt: 1, customers: [] }, 'kefu-customers-20261203.json');
    // Under the heading that says the library is unchanged, the reason does not say it again.
    expect(t.text('[data-kf="import-result"]')).toBe('导入被拒绝，现有话术库未改动。问题如下：这是客户档案的导出文件，不是话术库文件：请到「客户档案」页用「导入客户 JSON 文件」导入。');
    await t.choose({ kind: 'kf-learned', v: 1, exportedAt: 1, picks: [] });
    expect(t.text('[data-kf="import-result"]')).toContain('请到「学习记录」页用「导入学习记录」导入');
    await t.choose({ v: 1, id: 'snap-2026-12-03T00:00:00.000Z-manual', takenAt: 1, reason: 'manual', stores: {} });
    expect(t.text('[data-kf="import-result"]')).toContain('备份请在「备份」页用「恢复」恢复');
    // Only the team role is asked (whether a sheet may be imported here); nothing is sent.
    expect(t.call.mock.calls.filter(([verb]: unknown[]) => verb !== 'teamStatus')).toEqual([]);
  });
});

describe('a refused import says once that nothing changed (QA pass I, defect 9)', () => {
  it('a file that is not JSON: the heading says the library is unchanged, the reason says why, in Chinese and in English', async () => {
    for (const [locale, heading, reason] of [
      ['zh-CN', '导入被拒绝，现有话术库未改动。问题如下：', '文件不是有效的 JSON：可能下载或复制时被截断，或者不是本插件导出的文件。'],
      ['en', 'Import refused; the library was not changed. Problems:', 'The file is not valid JSON: it may have been cut off while downloading or copying, or it is not a file exported by this extension.'],
    ] as const) {
      setLocale(locale);
      try {
        const t = await importTab(() => ({ ok: true, preview: preview() }));
        const input = t.q('[data-kf="import-file"]') as HTMLInputElement;
        Object.defineProperty(input, 'files', { value: [new File(['{"format": "kefu-library", "templates": ['], 'cut-off.json')], configurable: true });
        await act(async () => {
          input.dispatchEvent(new Event('change', { bubbles: true }));
        });
        await flush();
        const result = t.q('[data-kf="import-result"]')!;
        expect(result.querySelector('p')!.textContent).toBe(heading);
        expect([...result.querySelectorAll('li')].map((li) => li.textContent)).toEqual([reason]);
        expect(t.call.mock.calls.filter(([verb]: unknown[]) => verb !== 'teamStatus')).toEqual([]);
      } finally {
        setLocale('zh-CN');
      }
    }
  });

});
