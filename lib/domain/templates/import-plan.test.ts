import { describe, expect, it } from 'vitest';
import { planLibraryImport as planFile } from './import-plan';
import { TEMPLATE_LIMITS } from './validate';
import type { Template, TemplateLibrary } from './types';

const tpl = (id: string, title: string, extra: Partial<Template> = {}): Template => ({ id, title, body: `${title}的内容`, group: '常用', scenarios: ['greeting'], ...extra });
const library = (...templates: Template[]): TemplateLibrary => ({ groups: ['常用'], templates });
/** The plan for a file holding `file`, which must pass the file check. */
function planLibraryImport(current: TemplateLibrary & { updatedAt?: number }, file: TemplateLibrary, locale?: 'zh-CN' | 'en') {
  const plan = planFile({ format: 'kefu-library', version: 1, ...file }, current, locale);
  if (!plan.ok) throw new Error(plan.errors.join('\n'));
  return plan;
}

describe('what importing a library file would do', () => {
  const current = library(tpl('a', '新客欢迎', { code: 'hi' }), tpl('b', '老客欢迎'), tpl('c', '发货时间'), tpl('d', '退款已完成'));

  it('counts the file against the library by id: new, changed (named by the title here), the same, and what the file leaves out', () => {
    const file = library(tpl('a', '新客欢迎', { code: 'hi' }), tpl('b', '老客欢迎（改）'), tpl('x', '新话术'));
    const { summary } = planLibraryImport({ ...current, updatedAt: 7 }, file);
    expect(summary).toEqual({ updatedAt: 7, current: 4, incoming: 3, added: 1, updated: 1, changedTitles: ['老客欢迎'], unchanged: 1, notInFile: 2, codeClashes: [], mergeErrors: [] });
  });

  it('merges: the file updates its templates in place, adds new ones at the end, and keeps everything else', () => {
    const file: TemplateLibrary = { groups: ['售后'], templates: [tpl('b', '老客欢迎（改）'), tpl('x', '新话术', { group: '售后' })] };
    const { merged } = planLibraryImport(current, file);
    expect(merged.ok && merged.library.templates.map((x) => x.title)).toEqual(['新客欢迎', '老客欢迎（改）', '发货时间', '退款已完成', '新话术']);
    expect(merged.ok && merged.library.groups).toEqual(['常用', '售后']);
  });

  it('refuses a file that is not a library file, with the file check’s own words', () => {
    expect(planFile({ format: 'kefu-customers' }, current, 'zh-CN')).toEqual({
      ok: false,
      errors: ['这不是话术库的导出文件：请选择在「导入 / 导出」页用「导出话术库」保存的文件（文件名类似 kefu-library-20261203.json）；Excel/WPS 表格请用「导入 CSV 表格」。'],
    });
  });

  it('counts a template differing only by spaces or a capital in its code as the same', () => {
    const file = library(tpl('a', ' 新客欢迎 ', { code: 'HI', body: '新客欢迎的内容\r\n' }));
    expect(planLibraryImport(current, file).summary).toMatchObject({ unchanged: 1, updated: 0 });
  });

  it('names the templates by title when a kept one and one from the file would share a /code, and refuses the merge', () => {
    const file = library(tpl('x', '欢迎光临', { code: 'hi' }));
    const { summary, merged } = planLibraryImport(current, file, 'zh-CN');
    expect(summary.codeClashes).toEqual([{ code: 'hi', incoming: '欢迎光临', existing: '新客欢迎' }]);
    expect(merged.ok).toBe(false);
    expect(summary.mergeErrors.join('\n')).toContain('简码');
  });

  it('lets the file take a code its own update frees (the template with that id is replaced, not kept)', () => {
    const file = library(tpl('a', '新客欢迎', { code: 'xk' }), tpl('x', '欢迎光临', { code: 'hi' }));
    const { summary, merged } = planLibraryImport(current, file);
    expect(summary.codeClashes).toEqual([]);
    expect(merged.ok).toBe(true);
  });

  it('refuses a merge that would pass the library’s size limit, with the limit’s own words', () => {
    const many = Array.from({ length: TEMPLATE_LIMITS.templates - 2 }, (_, i) => tpl(`n${i}`, `话术${i}`));
    const { summary } = planLibraryImport(current, library(...many), 'zh-CN');
    expect(summary.mergeErrors).toEqual([`话术过多（${TEMPLATE_LIMITS.templates + 2} 条，上限 ${TEMPLATE_LIMITS.templates}）`]);
  });
});

describe('a library file made before an update (QA pass P, defect 3)', () => {
  it('brings the starter replies it holds untouched in a retracted wording in with today’s, and says which; an edited one as the file has it', async () => {
    const { STARTER_LIBRARY } = await import('./starter');
    const { STARTER_REWORDS } = await import('./starter-rewords');
    const old = STARTER_LIBRARY.templates.map((t) =>
      t.id === 'cancel-shipped' ? { ...t, body: STARTER_REWORDS[t.id]![0]! } : t.id === 'pay-hesitate' ? { ...t, body: `${STARTER_REWORDS[t.id]![0]!}（本店）` } : t,
    );
    const plan = planFile({ format: 'kefu-library', version: 1, groups: STARTER_LIBRARY.groups, templates: old }, STARTER_LIBRARY, 'zh-CN', STARTER_LIBRARY, 9);
    if (!plan.ok || !plan.merged.ok) throw new Error('refused');
    expect(plan.summary).toMatchObject({ updated: 1, reworded: ['cancel-shipped'] });
    expect(plan.reworded).toEqual({ ids: ['cancel-shipped'], at: 9, from: 'import' });
    for (const lib of [plan.library, plan.merged.library]) {
      expect(lib.templates.find((t) => t.id === 'cancel-shipped')!.body).toBe(STARTER_LIBRARY.templates.find((t) => t.id === 'cancel-shipped')!.body);
      expect(lib.templates.find((t) => t.id === 'pay-hesitate')!.body).toMatch(/（本店）$/);
    }
    // Without the starter (as before), the file's words as they are.
    expect(planFile({ format: 'kefu-library', version: 1, groups: STARTER_LIBRARY.groups, templates: old }, STARTER_LIBRARY, 'zh-CN')).toMatchObject({ summary: { updated: 2 } });
  });
});
