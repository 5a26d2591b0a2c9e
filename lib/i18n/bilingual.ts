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

/** A problem of one entry: "第 2 条话术：缺少 id" / "template 2: missing id". */
export function at(where: Bilingual, problem: Bilingual): Bilingual {
  return { zh: `${where.zh}：${problem.zh}`, en: `${where.en}: ${problem.en}` };
}
