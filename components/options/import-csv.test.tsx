// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { ImportExport } from './ImportExport';
import { flush, mountTab } from './testing';
import { registerMessages } from '@/lib/i18n';
import { options } from '@/lib/i18n/messages/options';
import { libraryFromCsv, libraryToCsv, readGroupScenarios } from '@/lib/domain/templates/csv';
import { SCENARIO_IDS, SCENARIOS } from '@/lib/domain/scenarios';
import { planLibraryImport } from '@/lib/domain/templates/import-plan';
import { exportLibrary } from '@/lib/domain/templates/validate';
import { STARTER_LIBRARY } from '@/lib/domain/templates/starter';
import { encodeLegacy } from '@/test/legacy-encode';
import { CallError } from '@/lib/messaging/client';

registerMessages(options);
vi.mock('@/lib/browser', () => ({ browser: {} }));

/** importLibrary as the background answers it, on the starter library (the pure code the worker runs). */
function background(p: { csv?: string; json?: unknown; groupScenarios?: unknown; dryRun?: boolean }) {
  const picks = readGroupScenarios(p.groupScenarios, 'zh-CN');
  if (!picks.ok) return picks;
  const sheet = p.csv === undefined ? null : libraryFromCsv(p.csv, STARTER_LIBRARY, 'zh-CN', picks.picks);
  if (sheet && !sheet.ok) return sheet;
  const plan = planLibraryImport(sheet ? sheet.file : p.json, { ...STARTER_LIBRARY, updatedAt: 42 }, 'zh-CN');
  if (!plan.ok) return plan;
  return { ok: true, count: plan.summary.incoming, preview: plan.summary, ...(sheet && { csv: sheet.report }) };
}

const SHEET = ['分组,标题,快捷编码,话术内容,备注', '议价,不议价,/sj9,"亲，本店都是实价哦，不议价的呢，可以送您一张5元券~",老板定的', '售后常用,七天无理由,,"支持七天无理由退换，""吊牌""不要剪哦",', ',,,,空内容'].join('\r\n');

async function csvTab() {
  const tab = await mountTab(<ImportExport />, { importLibrary: vi.fn(background), exportLibrary: () => exportLibrary(STARTER_LIBRARY), patchSettings: () => ({}) });
  const choose = async (bytes: Uint8Array<ArrayBuffer> | string, name = '快捷短语.csv') => {
    const input = tab.q('[data-kf="import-csv-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([bytes], name)], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
  };
  const text = (sel: string) => tab.q(sel)?.textContent ?? null;
  const qa = (sel: string) => [...tab.m.root.querySelectorAll(sel)];
  const writes = () => tab.call.mock.calls.filter(([verb, p]) => verb === 'importLibrary' && !(p as { dryRun?: boolean }).dryRun);
  return { ...tab, choose, text, qa, writes };
}

describe('导入 CSV 表格 on the options page', () => {
  it('shows the dry run — new / same / changed / left out, columns, each group’s situation, bad rows — and writes only on merge', async () => {
    const t = await csvTab();
    await t.choose(new TextEncoder().encode(SHEET));
    expect(t.writes()).toEqual([]);
    expect(t.text('[data-kf="import-csv-counts"]')).toBe('表格中 2 行可导入：新增 2 条，与现有相同 0 条，有改动 0 条；略过 1 行。');
    expect(t.text('[data-kf="import-csv-columns"]')).toBe('读取的列：内容←“话术内容”、标题←“标题”、分组←“分组”、简码←“快捷编码”。 未使用的列：“备注”。');
    expect(t.qa('[data-kf="import-csv-group-text"]').map((li) => li.textContent)).toEqual([
      '分组“议价”→ 场景：议价（1 条）',
      '分组“售后常用”没有对应的场景：场景记为“其他”，可搜索到，但不会被推荐（1 条）',
    ]);
    expect(t.text('[data-kf="import-csv-skipped"]')).toBe('第 4 行：“话术内容”为空');
    expect(t.text('[data-kf="import-merge-what"]')).toContain('新增 2 条');

    await t.click('[data-kf="import-merge"]');
    expect(t.writes()).toEqual([['importLibrary', { csv: SHEET, merge: true, baseUpdatedAt: 42 }]]);
    expect(t.text('[data-kf="import-result"]')).toContain('已合并：新增 2 条');
  });

  it('reads a GBK sheet (Excel "CSV" on Chinese Windows) and refuses a Big5 one before anything is sent', async () => {
    const t = await csvTab();
    await t.choose(encodeLegacy('gbk', SHEET));
    expect(t.text('[data-kf="import-csv-counts"]')).toContain('新增 2 条');
    const b = await csvTab();
    await b.choose(encodeLegacy('big5', '分組,內容\n議價,親，本店商品都是實價哦，不議價的呢'));
    expect(b.call.mock.calls.filter(([v]) => v === 'importLibrary')).toEqual([]);
    expect(b.text('[data-kf="import-result"]')).toContain('繁体中文 Big5');
  });

  it('reads a GBK sheet with a title row and the headers shops write (话术分类, 话术标题), and says what it left out', async () => {
    const sheet = ['松果小店快捷短语（2026版）,,,', '序号,话术分类,话术标题,快捷短语', '1,欢迎语,问好,亲亲，欢迎来到小店', '2,催付,提醒付款,亲，订单还没付款哦'].join('\r\n');
    const t = await csvTab();
    await t.choose(encodeLegacy('gbk', sheet));
    expect(t.text('[data-kf="import-csv-columns"]')).toBe('读取的列：内容←“快捷短语”、标题←“话术标题”、分组←“话术分类”。 未使用的列：“序号”。');
    expect(t.text('[data-kf="import-csv-above"]')).toBe('表头在第 2 行；第 1 行“松果小店快捷短语（2026版）”不是表头，未导入。');
    expect(t.qa('[data-kf="import-csv-group-text"]').map((li) => li.textContent)).toEqual(['分组“欢迎语”→ 场景：问候（1 条）', '分组“催付”→ 场景：付款（1 条）']);
    // Groups the import knows have no picker.
    expect(t.qa('[data-kf="import-csv-pick"]')).toEqual([]);
  });

  it('files a whole group the import does not know under the situation chosen on its line (这一组都算作), counted again; 撤销 puts it back; the import sends the choice', async () => {
    const t = await csvTab();
    await t.choose(new TextEncoder().encode(SHEET));
    const lines = () => t.qa('[data-kf="import-csv-group-text"]').map((x) => x.textContent);
    const dryRuns = () => t.call.mock.calls.filter(([verb, p]) => verb === 'importLibrary' && (p as { dryRun?: boolean }).dryRun).map(([, p]) => (p as { groupScenarios?: unknown }).groupScenarios);
    // Only 售后常用, which names no situation, has the picker, offering the catalogue's situations (其他 is 不设).
    const pickers = t.qa('[data-kf="import-csv-pick"]');
    expect(pickers).toHaveLength(1);
    expect(pickers[0]!.closest('li')!.textContent).toContain('分组“售后常用”');
    expect(pickers[0]!.querySelector('label')!.textContent).toMatch(/^这一组都算作：/);
    const select = () => t.q('[data-kf="import-csv-pick-select"]') as HTMLSelectElement;
    expect(select().getAttribute('aria-label')).toBe('分组“售后常用”这一组都算作');
    expect([...select().options].map((o) => o.textContent)).toEqual(['不设（记为“其他”）', ...SCENARIO_IDS.filter((id) => id !== 'other').map((id) => SCENARIOS[id].zh)]);

    const pick = async (value: string) => {
      await act(async () => {
        select().focus();
        select().value = value;
        select().dispatchEvent(new Event('change', { bubbles: true }));
      });
      await flush();
    };
    await pick('return');
    expect(dryRuns()).toEqual([undefined, { 售后常用: 'return' }]);
    expect(lines()).toEqual(['分组“议价”→ 场景：议价（1 条）', '分组“售后常用”→ 场景：退货（1 条，按你的选择）']);
    expect(select().value).toBe('return');
    // The agent keeps working in the list: the new counts do not move the focus to 合并导入.
    expect(document.activeElement).toBe(select());

    await t.click('[data-kf="import-csv-pick-undo"]');
    expect(dryRuns().at(-1)).toBeUndefined();
    expect(lines()[1]).toBe('分组“售后常用”没有对应的场景：场景记为“其他”，可搜索到，但不会被推荐（1 条）');
    expect(t.q('[data-kf="import-csv-pick-undo"]')).toBeNull();

    await pick('exchange');
    await pick('');
    expect(lines()[1]).toContain('没有对应的场景');
    await pick('exchange');
    expect(t.writes()).toEqual([]);
    await t.click('[data-kf="import-merge"]');
    expect(t.writes()).toEqual([['importLibrary', { csv: SHEET, groupScenarios: { 售后常用: 'exchange' }, merge: true, baseUpdatedAt: 42 }]]);
    expect(t.text('[data-kf="import-result"]')).toContain('已合并：新增 2 条');
  });

  it('keeps the preview and each group’s situation chosen when the write fails (a full disk): says why, that nothing changed, and the same click imports once there is room', async () => {
    let full = true;
    const importLibrary = vi.fn((p: Parameters<typeof background>[0]) => {
      if (!p.dryRun && full) throw new CallError('quota', 'The quota has been exceeded.');
      return p.dryRun ? background(p) : { ok: true, count: 2, added: 2, updated: 0, total: 99, backedUp: true };
    });
    const t = await mountTab(<ImportExport />, { importLibrary, exportLibrary: () => exportLibrary(STARTER_LIBRARY), patchSettings: () => ({}) });
    const input = t.q('[data-kf="import-csv-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File([new TextEncoder().encode(SHEET)], '快捷短语.csv')], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    const select = () => t.q('[data-kf="import-csv-pick-select"]') as HTMLSelectElement;
    await act(async () => {
      select().value = 'exchange';
      select().dispatchEvent(new Event('change', { bubbles: true }));
    });
    await flush();
    await t.click('[data-kf="import-merge"]');
    await flush();
    expect(t.q('[data-kf="import-result"]')).toBeNull();
    expect(t.q('[data-kf="import-confirm"]')).not.toBeNull();
    expect(t.q('[data-kf="import-failed"]')!.textContent).toBe('没能导入：存储空间已满。没有导入任何内容，现有话术库未改动。上面的选择都还在：腾出磁盘空间或稍等片刻后再点一次，不用重新选文件。');
    expect(select().value).toBe('exchange');
    expect([...t.m.root.querySelectorAll('[data-kf="import-csv-group-text"]')].map((x) => x.textContent)[1]).toContain('按你的选择');

    full = false;
    await t.click('[data-kf="import-merge"]');
    await flush();
    const writes = importLibrary.mock.calls.filter(([p]) => !p.dryRun).map(([p]) => p);
    expect(writes).toEqual([
      { csv: SHEET, groupScenarios: { 售后常用: 'exchange' }, merge: true, baseUpdatedAt: 42 },
      { csv: SHEET, groupScenarios: { 售后常用: 'exchange' }, merge: true, baseUpdatedAt: 42 },
    ]);
    expect(t.q('[data-kf="import-failed"]')).toBeNull();
    expect(t.q('[data-kf="import-result"]')!.textContent).toContain('已合并：新增 2 条');
  });

  it('refuses a sheet without a text column, naming its columns, and changes nothing', async () => {
    const t = await csvTab();
    await t.choose('问题,答案\n在吗,在的\n');
    expect(t.text('[data-kf="import-result"]')).toContain('文件的列是：“问题”、“答案”');
    expect(t.writes()).toEqual([]);
  });

  it('exports the library as a CSV that Excel opens in Chinese (UTF-8 with a byte-order mark)', async () => {
    const t = await csvTab();
    let saved: Blob | undefined;
    let name = '';
    URL.createObjectURL = (b: Blob) => ((saved = b), 'blob:x');
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      name = this.download;
    });
    await t.click('[data-kf="export-csv"]');
    click.mockRestore();
    expect(name).toMatch(/^kefu-library-\d{8}\.csv$/);
    const bytes = new Uint8Array(await saved!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(libraryToCsv(STARTER_LIBRARY).slice(1));
  });
});
