import { inLocale } from '../../i18n/bilingual';
import type { Locale } from '../../i18n/lookup';
import { parseLibraryImport, type ParseLibraryResult } from './validate';

/**
 * A library save (saveLibrary) checked as a library file is, and refused outright for an agent in
 * team mode: the shop's library is the supervisor's, and an agent's reply goes to them as a proposal
 * (options → 话术库 has no local save for agents; lib/team/README.md). Saved here it reached nobody,
 * the supervisor's next change replaced it without a word, and the status said 已同步 meanwhile. The
 * worker decides, so a save sent straight through the message protocol is refused too. Runs in
 * worker-extras.js: the worker's own bundle has no room for the words.
 */
export function parseLibrarySave(json: unknown, locale: Locale | undefined, role: 'agent' | 'supervisor' | undefined): ParseLibraryResult {
  if (role === 'agent') {
    return {
      ok: false,
      errors: [
        inLocale(
          {
            zh: '团队模式下客服不能直接保存话术库：团队话术库由主管管理，请把修改作为提议交给主管（话术 → 提议到团队库，teamPropose）。',
            en: "In team mode an agent cannot save the reply library directly: the team library is the supervisor's; send the change as a proposal (Replies → Propose to the team library, teamPropose).",
          },
          locale,
        ),
      ],
    };
  }
  return parseLibraryImport(json, locale);
}
