/**
 * A message written in both interface languages, for checks that run where no UI strings are
 * registered (the worker, worker-extras.js) and whose problems an agent reads (an import, a save).
 * The caller says the interface's language; a check that does not know it gives both.
 */
import type { Locale } from './lookup';

export interface Bilingual {
  zh: string;
  en: string;
}

/** 'zh-CN': the Chinese alone; 'en': the English alone; not known: "中文（English）". */
export function inLocale(m: Bilingual, locale?: Locale): string {
  return locale === 'zh-CN' ? m.zh : locale === 'en' ? m.en : `${m.zh}（${m.en}）`;
}

/** A problem of one entry: "第 2 条话术：缺少标题（title）" / "reply 2: the title (title) is missing". */
export function at(where: Bilingual, problem: Bilingual): Bilingual {
  return { zh: `${where.zh}：${problem.zh}`, en: `${where.en}: ${problem.en}` };
}

/**
 * What every import says when a file, or a section of one (`what`: 合规规则 / Guard rules …), has a
 * version this copy does not read: from a newer extension, update first; missing or anything else,
 * not one it knows (the file was edited). One wording for the library, buyer notes, learned picks,
 * remark rules, guard rules and taught pages (`ours`: the version this copy reads).
 */
export function versionProblem(version: unknown, ours: number, what: Bilingual = { zh: '文件', en: 'File' }): Bilingual {
  const reads = { zh: `（本插件读取版本 ${ours}）`, en: ` (this one reads version ${ours})` };
  if (typeof version === 'number' && version > ours) {
    return { zh: `${what.zh}版本 ${version} 来自更新版本的插件${reads.zh}，请先升级插件`, en: `${what.en} version ${version} comes from a newer version of the extension${reads.en}; update the extension first` };
  }
  // Cut short: a damaged file's version could be anything.
  const v = version === undefined ? null : (typeof version === 'number' ? String(version) : JSON.stringify(version) ?? '').slice(0, 24);
  return v === null
    ? { zh: `${what.zh}版本号缺失${reads.zh}，文件可能被改动过`, en: `${what.en} version is missing${reads.en}; the file may have been edited` }
    : { zh: `${what.zh}版本 ${v} 无法识别${reads.zh}，文件可能被改动过`, en: `${what.en} version ${v} is not one this extension knows${reads.en}; the file may have been edited` };
}
