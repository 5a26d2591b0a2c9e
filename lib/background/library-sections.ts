/**
 * The extra sections of an imported library file (remark rules, taught sites, guard settings),
 * checked whole: absent, nothing to import; invalid, errors naming each entry (in the interface's
 * language where it is known, both otherwise), and the whole import is refused. Run from
 * worker-extras.js: only an import (话术库 or 全部数据) reads them, and they were ~0.7 KB of
 * background.js, parsed at every worker wake.
 */
import { GUARD_SECTION, RULES_SECTION, SITES_SECTION, importSection } from '../messaging/handlers/import-section';
import { validateRuleSet } from '../domain/remarks/ruleset';
import type { RuleSet } from '../domain/remarks';
import { validateGuardConfig } from '../domain/guard/config';
import type { GuardConfig } from '../domain/guard/types';
import { checkSitesSection, type TaughtSite } from '../sites/taught/record';
import { inLocale } from '../i18n/bilingual';
import type { Locale } from '../i18n/lookup';
import type { TemplateLibrary } from '../domain/templates/types';
import { libraryFromCsv, readGroupScenarios } from '../domain/templates/csv';
import { planLibraryImport } from '../domain/templates/import-plan';

type Read<K extends string, T> = { ok: true } & { [k in K]?: T } | { ok: false; errors: string[] };

export function readLibrarySections(json: unknown, locale?: Locale): { rules: Read<'ruleSet', RuleSet>; sites: Read<'sites', TaughtSite[]>; guard: Read<'config', GuardConfig> } {
  return { rules: readRules(json, locale), sites: readSites(json, locale), guard: readGuard(json, locale) };
}

function readRules(json: unknown, locale?: Locale): Read<'ruleSet', RuleSet> {
  const section = importSection(json, RULES_SECTION);
  if (section === undefined) return { ok: true };
  const checked = validateRuleSet(section);
  if (checked.ok) return { ok: true, ruleSet: checked.ruleSet };
  // An entry is named by its path in the file; a problem of the whole set names the remark rules itself.
  const at = (path: string) => (path ? `${RULES_SECTION}.` : '');
  return { ok: false, errors: checked.errors.map((e) => inLocale({ zh: at(e.path) + e.message, en: at(e.path) + e.messageEn }, locale)) };
}

function readSites(json: unknown, locale?: Locale): Read<'sites', TaughtSite[]> {
  const raw = importSection(json, SITES_SECTION);
  return raw === undefined ? { ok: true } : checkSitesSection(raw, locale);
}

function readGuard(json: unknown, locale?: Locale): Read<'config', GuardConfig> {
  const section = importSection(json, GUARD_SECTION);
  if (section === undefined) return { ok: true };
  const r = validateGuardConfig(section, locale);
  return r.ok ? { ok: true, config: r.config } : { ok: false, errors: r.errors };
}

/**
 * The checks of an import, in one call (importLibraryFile, lib/messaging/handlers/core.ts): a
 * spreadsheet (`csv`) read into a library file matched against `current`, its unknown groups given
 * the situations the agent chose in the preview (`groupScenarios`, checked first: one that is not a
 * situation refuses the import), the file counted against it (with the starter's corrected
 * wordings), and its sections read; any refusal with all its reasons. Here rather than in the
 * handler to keep ~0.2 KB out of background.js.
 */
export function checkLibraryImport(
  { json, csv, groupScenarios }: { json?: unknown; csv?: unknown; groupScenarios?: unknown },
  current: TemplateLibrary & { updatedAt?: number },
  locale: Locale | undefined,
  starter: TemplateLibrary,
) {
  const picks = readGroupScenarios(groupScenarios, locale);
  if (!picks.ok) return picks;
  const sheet = typeof csv === 'string' ? libraryFromCsv(csv, current, locale, picks.picks) : null;
  if (sheet && !sheet.ok) return sheet;
  if (sheet) json = sheet.file;
  const plan = planLibraryImport(json, current, locale, starter);
  const { rules, sites, guard } = readLibrarySections(json, locale);
  if (!plan.ok || !rules.ok || !sites.ok || !guard.ok) return { ok: false as const, errors: [plan, rules, sites, guard].flatMap((r) => (r.ok ? [] : r.errors)) };
  return { ok: true as const, plan, rules, sites, guard, sheet };
}
