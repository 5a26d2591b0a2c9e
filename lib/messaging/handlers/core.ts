import { announceChange } from '../client';
import { own } from '../../domain/own';
import { Conflict, InvalidPayload, obj, type HandlerSet } from './types';
import { loadLibrary, saveLibrary, saveLibraryIfUnchanged, type LibraryRecord } from '../../storage/library';
import { initialsFor } from '../../domain/suggest/pinyin';
import { loadBundled } from '../../storage/bundled';
import type { TemplateLibrary } from '../../domain/templates/types';
import { loadSettings, patchSettings } from '../../storage/settings';
import { loadUsage, recordUsage } from '../../storage/usage';
import { workerExtras } from '../../background/extras';
import { isScenarioId } from '../../domain/scenarios';
import type { CoreProtocol } from '../protocol';
import { RULES_SECTION, importRuleSet, readRulesSection } from './rules';
import { loadRuleSet } from '../../storage/rules';
import { SITES_SECTION, exportSitesSection, importSitesSection, readSitesSection } from './sites';
import { GUARD_SECTION, importGuardSection, readGuardSection } from './guard';
import { loadGuardConfig } from '../../storage/guard';

/** Saves a library together with its pinyin initials (computed here, in the background). */
export async function saveWithInitials(lib: TemplateLibrary): Promise<LibraryRecord> {
  return saveLibrary(lib, Date.now(), initialsFor(lib.templates, await loadBundled('pinyin-table')));
}

/** The stored library; computes and stores missing initials once (first run, older records). */
async function libraryWithInitials(): Promise<LibraryRecord> {
  const rec = await loadLibrary();
  if (rec.initials && rec.templates.every((t) => own(rec.initials, t.id))) return rec;
  return saveWithInitials(rec);
}

export const coreHandlers: HandlerSet<CoreProtocol> = {
  ping: { handle: async () => true as const },
  getLibrary: { content: true, handle: () => libraryWithInitials() },
  saveLibrary: {
    async handle(payload) {
      const { baseUpdatedAt, ...lib } = obj(payload, 'saveLibrary');
      const parsed = workerExtras().library.parseLibraryImport({ format: 'kefu-library', version: 1, ...lib });
      if (!parsed.ok) throw new InvalidPayload(parsed.errors.join('\n'));
      let rec: LibraryRecord;
      if (typeof baseUpdatedAt === 'number') {
        const table = await loadBundled('pinyin-table');
        const saved = await saveLibraryIfUnchanged(parsed.library, baseUpdatedAt, Date.now(), initialsFor(parsed.library.templates, table));
        if (saved === 'conflict') throw new Conflict('the library was changed in another tab');
        rec = saved;
      } else {
        rec = await saveWithInitials(parsed.library);
      }
      await announceChange('library');
      return rec;
    },
  },
  importLibrary: {
    async handle(payload) {
      const json = obj(payload, 'importLibrary').json;
      // Problems in the interface's language (the shop's locale, as the worker's notifications use).
      const { locale } = (await loadSettings()).shop;
      const parsed = workerExtras().library.parseLibraryImport(json, locale);
      const rules = readRulesSection(json, locale);
      const sites = readSitesSection(json, locale);
      const guard = readGuardSection(json, locale);
      if (!parsed.ok || !rules.ok || !sites.ok || !guard.ok)
        return {
          ok: false,
          errors: [...(parsed.ok ? [] : parsed.errors), ...(rules.ok ? [] : rules.errors), ...(sites.ok ? [] : sites.errors), ...(guard.ok ? [] : guard.errors)],
        };
      await saveWithInitials(parsed.library);
      await announceChange('library');
      if (rules.ruleSet) await importRuleSet(rules.ruleSet);
      if (sites.sites?.length) await importSitesSection(sites.sites);
      if (guard.config) await importGuardSection(guard.config);
      return { ok: true, count: parsed.library.templates.length };
    },
  },
  exportLibrary: { handle: async () => workerExtras().library.exportLibrary(await loadLibrary(), { [RULES_SECTION]: await loadRuleSet(), [SITES_SECTION]: await exportSitesSection(), [GUARD_SECTION]: await loadGuardConfig() }) },
  getSettings: { content: true, handle: () => loadSettings() },
  patchSettings: {
    content: true,
    async handle(payload, ctx) {
      const patch = obj(payload, 'patchSettings');
      // A seller page may only remember the panel's own state.
      if (ctx.sender === 'content-script' && Object.keys(patch).some((k) => k !== 'panel')) {
        throw new InvalidPayload('patchSettings: pages may only change panel state');
      }
      const s = await patchSettings(patch);
      await announceChange('settings');
      return s;
    },
  },
  recordUsage: {
    content: true,
    async handle(payload) {
      const p = obj(payload, 'recordUsage');
      if (typeof p.templateId !== 'string' || !p.templateId || p.templateId.length > 64) throw new InvalidPayload('recordUsage: templateId');
      await recordUsage(p.templateId, isScenarioId(p.scenario) ? p.scenario : null);
      await announceChange('usage');
    },
  },
  getUsage: { content: true, handle: () => loadUsage() },
};
