/**
 * Reading a learned-picks export file (options → 学习记录 → 导入): a whole-file check before
 * anything is merged, its problems in the shop's interface language, entries counted from 1. Pure:
 * runs in worker-extras.js (lib/background/extras-modules.ts); the check of one pick is also the
 * storage's (lib/storage/learned.ts).
 */
import { isScenarioId } from '../scenarios';
import type { LearnedPick } from './learned';
import { learnedImportMessages as messages } from '../../i18n/messages/learned-import';
import { fill } from '../../i18n/lookup';
import { inLocale, versionProblem } from '../../i18n/bilingual';
import type { ImportSettings } from '../customers/import-export';
import { maskPick } from './mask-whole';

/** Problems listed before the rest are counted. */
const MAX_ERRORS = 20;

/** A stored or imported pick: every field present and within bounds. */
export function isLearnedPick(v: unknown): v is LearnedPick {
  const p = v as Partial<LearnedPick> | null;
  return (
    !!p &&
    typeof p === 'object' &&
    typeof p.id === 'string' &&
    p.id.length > 0 &&
    p.id.length <= 40 &&
    typeof p.at === 'number' &&
    Number.isFinite(p.at) &&
    typeof p.text === 'string' &&
    p.text.length > 0 &&
    p.text.length <= 2000 &&
    isScenarioId(p.scenario) &&
    (p.scenario as string) !== 'other' &&
    (p.templateId === null || (typeof p.templateId === 'string' && p.templateId.length <= 64)) &&
    (p.source === 'insert' || p.source === 'chip')
  );
}

const say = (lang: 'zh' | 'en', key: string, params: Record<string, number | string> = {}) =>
  fill(messages[lang][key]!, params);

const samePick = (a: LearnedPick, b: LearnedPick) =>
  a.at === b.at && a.text === b.text && a.scenario === b.scenario && a.templateId === b.templateId && a.source === b.source;

/**
 * The file's picks, or every problem found (in Chinese, or English when the shop chose English).
 *
 * An id twice in the file: a pick is never edited once made, so a second copy that is the same
 * record (two exports pasted together) is skipped and counted (`duplicates`), while a second copy
 * with other content means the file was edited and nobody can tell which one is true: that entry
 * is named, as the library and buyer-notes imports name theirs, and nothing is imported.
 *
 * `how`: the language, or the shop's settings — their language and their masking: while masking is
 * on, each pick comes out as a pick made here is stored (maskPick), as a colleague's pulled in team
 * mode does. A file from an older version, a colleague's, or one edited by hand may hold a phone
 * number or a name in clear; the 学习记录 list, the backups and a later export never show what this
 * machine would not have stored itself. A pick left with no words is not imported.
 */
export function parseLearnedExport(
  json: unknown,
  how: 'zh-CN' | 'en' | ImportSettings = 'zh-CN',
): { ok: true; picks: LearnedPick[]; duplicates: number } | { ok: false; errors: string[] } {
  const locale = typeof how === 'string' ? how : how.shop.locale;
  const lang = locale === 'en' ? 'en' : 'zh';
  const f = json as { kind?: unknown; v?: unknown; picks?: unknown } | null;
  // A learned-picks file this version cannot read: in the words of every import (a newer one: update first), not "something else".
  if (f && f.kind === 'kf-learned' && f.v !== 1) return { ok: false, errors: [inLocale(versionProblem(f.v, 1), locale)] };
  if (!f || typeof f !== 'object' || f.kind !== 'kf-learned' || f.v !== 1 || !Array.isArray(f.picks)) {
    return { ok: false, errors: [say(lang, 'learned.import.format')] };
  }
  const errors: string[] = [];
  const first = new Map<string, { n: number; pick: LearnedPick }>();
  const picks: LearnedPick[] = [];
  let duplicates = 0;
  (f.picks as unknown[]).forEach((p, i) => {
    if (!isLearnedPick(p)) return void errors.push(say(lang, 'learned.import.pick', { n: i + 1 }));
    const pick: LearnedPick = { id: p.id, at: p.at, text: p.text, scenario: p.scenario, templateId: p.templateId, source: p.source };
    const earlier = first.get(pick.id);
    if (!earlier) {
      first.set(pick.id, { n: i + 1, pick });
      picks.push(pick);
    } else if (samePick(earlier.pick, pick)) duplicates++;
    else errors.push(say(lang, 'learned.import.duplicate', { n: i + 1, id: pick.id, other: earlier.n }));
  });
  if (errors.length > MAX_ERRORS) return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), say(lang, 'learned.import.more', { count: errors.length - MAX_ERRORS })] };
  if (errors.length) return { ok: false, errors };
  return { ok: true, picks: typeof how !== 'string' && how.privacy.maskPii ? picks.flatMap((p) => maskPick(p) ?? []) : picks, duplicates };
}
