import { describe, expect, it } from 'vitest';
import { inLocale, versionProblem } from './bilingual';
import { parseLibraryImport } from '../domain/templates/validate';
import { parseCustomersImport } from '../domain/customers/import-export';
import { parseLearnedExport } from '../domain/suggest/learned-import';
import { validateGuardConfig } from '../domain/guard/config';
import { validateRuleSet } from '../domain/remarks/ruleset';
import { PRESET_A, cloneRuleSet } from '../domain/remarks/presets';
import { checkSitesSection } from '../sites/taught/record';

describe('what an import says about a file version it does not read', () => {
  it('a newer extension’s file: update first, naming both versions', () => {
    expect(versionProblem(3, 2)).toEqual({
      zh: '文件版本 3 来自更新版本的插件（本插件读取版本 2），请先升级插件',
      en: 'File version 3 comes from a newer version of the extension (this one reads version 2); update the extension first',
    });
    expect(versionProblem(2, 1, { zh: '合规规则', en: 'Guard rules' }).zh).toBe('合规规则版本 2 来自更新版本的插件（本插件读取版本 1），请先升级插件');
  });

  it('an older, odd or missing version: the file may have been edited (never “unsupported”)', () => {
    expect(inLocale(versionProblem(0, 2), 'zh-CN')).toBe('文件版本 0 无法识别（本插件读取版本 2），文件可能被改动过');
    expect(inLocale(versionProblem('1', 1), 'en')).toBe('File version "1" is not one this extension knows (this one reads version 1); the file may have been edited');
    expect(inLocale(versionProblem(undefined, 1), 'zh-CN')).toBe('文件版本号缺失（本插件读取版本 1），文件可能被改动过');
    // A damaged file's version is cut short.
    expect(inLocale(versionProblem('x'.repeat(500), 1), 'en').length).toBeLessThan(150);
  });

  it('is the same sentence for every import: library, buyer notes, learned picks, remark rules, guard rules, taught pages', () => {
    const said = (locale: 'zh-CN' | 'en') => {
      const rules = validateRuleSet({ ...cloneRuleSet(PRESET_A), version: 9 });
      return [
        parseLibraryImport({ format: 'kefu-library', version: 9, groups: [], templates: [] }, locale),
        parseCustomersImport({ format: 'kefu-customers', version: 9, exportedAt: 1, customers: [] }, 1, locale),
        parseLearnedExport({ kind: 'kf-learned', v: 9, exportedAt: 1, picks: [] }, locale),
        validateGuardConfig({ v: 9, disabled: [], rules: [] }, locale),
        checkSitesSection({ v: 9, sites: [] }, locale),
      ]
        .map((r) => (r.ok ? '' : r.errors.join('\n')))
        .concat(rules.ok ? '' : rules.errors.map((e) => (locale === 'en' ? e.messageEn : e.message)).join('\n'));
    };
    for (const text of said('zh-CN')) expect(text).toMatch(/^(文件|合规规则|备注规则|已教页面)版本 9 来自更新版本的插件（本插件读取版本 [12]），请先升级插件/);
    for (const text of said('en')) expect(text).toMatch(/^(File|Guard rules|Remark rules|Taught pages) version 9 comes from a newer version of the extension \(this one reads version [12]\); update the extension first/);
  });
});
