import { announceChange } from '../client';
import { Conflict, InvalidPayload, obj, type HandlerSet } from './types';
import { loadLibrary, saveLibrary, saveLibraryIfUnchanged, type LibraryRecord } from '../../storage/library';
import { loadBundled } from '../../storage/bundled';
import type { TemplateLibrary } from '../../domain/templates/types';
import type { StarterKind } from '../../domain/templates/starter-kinds';
import { loadSettings, patchSettings } from '../../storage/settings';
import { loadUsage, recordUsage } from '../../storage/usage';
import { workerExtras } from '../../background/extras';
import { isScenarioId } from '../../domain/scenarios';
import { OPTIONS_TAB, type CoreProtocol, type LibraryImportResult, type PanelLibrary } from '../protocol';
import { db, storeGeneration } from '../../storage/db';
import { listSnapshots, takeSnapshot, type Snapshot } from '../../storage/backup';
import { writeOrPutBack } from './backup';
import { RULES_SECTION, importRuleSet } from './rules';
import { loadRuleSet } from '../../storage/rules';
import { SITES_SECTION, exportSitesSection, importSitesSection } from './sites';
import { GUARD_SECTION, importGuardSection } from './guard';
import { loadGuardConfig } from '../../storage/guard';
import { loadTeamConfig } from '../../background/team';

/**
 * Pinyin initials per template, computed here in the background (the panel never loads pinyin data),
 * by worker-extras.js: only a save needs them.
 */
async function initialsOf(lib: TemplateLibrary): Promise<Record<string, [string, string]>> {
  return workerExtras().suggest.initialsFor(lib.templates, await loadBundled('pinyin-table'));
}

/** Saves a library together with its pinyin initials. */
export async function saveWithInitials(lib: TemplateLibrary): Promise<LibraryRecord> {
  return saveLibrary(lib, Date.now(), await initialsOf(lib));
}

/**
 * Saves over the library the change started from (`base`: its updatedAt), with its initials, and tells
 * the open pages; refused with Conflict (nothing written) if it changed meanwhile. One path for every
 * library write that must not overwrite another (the editor, an import, an update's starter changes).
 */
async function saveOver(lib: TemplateLibrary & Pick<LibraryRecord, 'reworded'>, base: number): Promise<LibraryRecord> {
  const rec = await saveLibraryIfUnchanged(lib, base, Date.now(), await initialsOf(lib));
  if (rec === 'conflict') throw new Conflict(CHANGED_ELSEWHERE);
  await announceChange('library');
  return rec;
}

/** The interface's language (the shop's setting): what the worker's checks write their problems in. */
export const shopLocale = async () => (await loadSettings()).shop.locale;
const CHANGED_ELSEWHERE = 'the library changed meanwhile';

/** The stored library; computes and stores missing initials once (first run, older records). */
async function libraryWithInitials(): Promise<LibraryRecord> {
  const rec = await loadLibrary();
  if (workerExtras().suggest.hasInitials(rec)) return rec;
  return saveWithInitials(rec);
}

/**
 * The library as last read (with its initials) and, once a chat panel asked, its packed index, while
 * no write to the library store has begun since that read began: every panel load and options tab
 * asks, a write is rare. Every write this worker makes (an edit, an import, 导入全部数据, a restore,
 * delete-all) goes through lib/storage/db.ts, which counts it (storeGeneration), so none can leave
 * this stale; the team page writes from a context of its own and is told apart below
 * (libraryWrittenElsewhere). In memory only: a worker that was stopped starts cold.
 */
let cached: { gen: number; library: Promise<LibraryRecord>; panel?: Promise<PanelLibrary> } | null = null;

function current(): NonNullable<typeof cached> {
  const gen = storeGeneration('library');
  if (cached?.gen !== gen) {
    const entry: NonNullable<typeof cached> = { gen, library: libraryWithInitials() };
    // A failed read is not remembered: the next call reads again.
    entry.library.catch(() => cached === entry && (cached = null));
    cached = entry;
  }
  return cached;
}

/**
 * The team page (an offscreen document, a context of its own) wrote the library: this worker's
 * count of writes did not see it, so the next read goes to the store (lib/background/team.ts calls
 * this for every team round or live update that changed the library).
 */
export function libraryWrittenElsewhere(): void {
  cached = null;
}

/** The library for the chat panel, with its index's bigram table built here once per library version. */
function panelLibrary(): Promise<PanelLibrary> {
  const entry = current();
  const panel = (entry.panel ??= entry.library.then(workerExtras().suggest.panelLibrary));
  panel.catch(() => entry.panel === panel && (entry.panel = undefined));
  return panel;
}

/** How many STARTER_ADDED lists this machine's library has had (lib/domain/templates/starter-additions.ts). */
const STARTER_MARK = 'starter-added';

/**
 * At an install or an extension update: stored copies of starter replies the agent never edited take
 * the starter's corrected wording (lib/domain/templates/starter-rewords.ts), and the library says which
 * (`reworded`, told in the options page's 话术库 tab); starter replies added since the library's last
 * update are added once (starter-additions.ts), never one the agent deleted or over one they edited
 * (with no count kept, the lists older versions offered in 话术库 count as had: LISTS_BEFORE_COUNT).
 * Not if the library changed meanwhile. The count of lists had is kept in `meta` after the save, so a
 * second run or a restarted worker adds nothing again; at an install it records that the starter
 * (all of them) is what the machine has. With `remove` (话术库's 删除服装类起始话术, removeStarterKind),
 * the same step also removes that kind's untouched starter replies, after a backup, and keeps that
 * they were removed (lib/domain/templates/starter-kinds.ts).
 */
export async function upgradeStarterLibrary(remove?: StarterKind) {
  const rec = await loadLibrary();
  const up = workerExtras().library.upgradeStarter(rec, await loadBundled('starter-library'), await db.get('meta', STARTER_MARK), (await loadTeamConfig())?.role, remove);
  // A library changed meanwhile throws: nothing is kept, and the next update looks again.
  // Removing replies takes a safety copy first, as an import does: 备份 puts them back.
  if (up.library) remove && (await takeSnapshot('before-starter-removal'), await announceChange('backups')), await saveOver(up.library, rec.updatedAt);
  await db.set('meta', STARTER_MARK, up.applied);
  return up;
}

/**
 * The welcomes an earlier removal of the clothing replies took, to offer back (starter-kinds.ts
 * settleLostWithKind): read off this machine's mark in `meta`, which survives what the options page's
 * localStorage does not. The first time, that removal's safety copy (备份 删除服装类起始话术前, if still
 * kept) tells which it took; what is held, added or declined (`answered`) is settled in the mark.
 */
async function checkStarterReturn(answered: string[] = []): Promise<string[]> {
  if ((await loadTeamConfig())?.role === 'agent') return [];
  const extras = workerExtras().library;
  const [lib, starter, mark] = await Promise.all([loadLibrary(), loadBundled('starter-library'), db.get('meta', STARTER_MARK)]);
  const copy = extras.lostUnreckoned(mark) ? await removalCopy() : null;
  const r = extras.settleLostWithKind(lib, mark, starter, copy, answered);
  // Written over the mark as it is then (an update may have counted a list meanwhile).
  if (r.changed) await db.update('meta', STARTER_MARK, (now) => extras.settleLostWithKind(lib, now, starter, copy, answered).mark);
  return r.ids;
}

/** The library the newest 删除服装类起始话术前 safety copy holds, or null when none is kept. */
async function removalCopy(): Promise<TemplateLibrary | null> {
  const info = (await listSnapshots()).find((s) => s.reason === 'before-starter-removal');
  const snap = info && (await db.get<Snapshot>('backups', info.id));
  const lib = snap?.stores.library?.find(([k]) => k === 'library')?.[1] as Partial<TemplateLibrary> | undefined;
  return Array.isArray(lib?.templates) ? (lib as TemplateLibrary) : null;
}

/**
 * A library file (with its rules, taught-sites and guard sections), or a spreadsheet of replies
 * (`csv`, its text): checked whole and counted; unless
 * `dryRun`, merged into the library (`merge`) or replacing it, after a backup (`snapshot` false: the
 * caller took one, as 导入全部数据 does). Refused with Conflict if the library changed since
 * `baseUpdatedAt` (the preview's `updatedAt`).
 */
export async function importLibraryFile(
  file: { json?: unknown; csv?: unknown; groupScenarios?: unknown; merge?: unknown; dryRun?: unknown; baseUpdatedAt?: unknown },
  snapshot = true,
): Promise<LibraryImportResult> {
  const { merge, dryRun, baseUpdatedAt } = file;
  // Problems in the interface's language (the shop's locale, as the worker's notifications use).
  const locale = await shopLocale();
  const current = await loadLibrary();
  // A spreadsheet's rows become a library file, matched against this library (templates/csv.ts), its
  // unknown groups given the situations chosen in the preview (groupScenarios, checked there); a
  // file made before an update comes in with the update's corrected starter wordings (rewordStarter).
  const checked = workerExtras().library.checkLibraryImport(file, current, locale, await loadBundled('starter-library'));
  if (!checked.ok) return checked;
  const { plan, rules, sites, guard, sheet } = checked;
  if (!dryRun) {
    const next = merge ? plan.merged : plan;
    if (!next.ok) return next;
    // The library and 'meta' as they were, first: an import can be undone from 备份 (listed at once in open 备份 tabs).
    const copy = snapshot ? (await takeSnapshot('before-import')).id : null;
    if (copy) await announceChange('backups');
    // The replies, then the sections (remark rules, taught sites, guard: in 'meta'): should a write
    // fail after the first, both are put back from the copy (all 全部数据 puts back its own).
    const failed = await writeOrPutBack(() => copy, ['library', 'meta'], async () => {
      // The library the agent saw counted (the preview's updatedAt; a caller without one: as just read).
      await saveOver({ ...next.library, reworded: plan.reworded }, (baseUpdatedAt ?? current.updatedAt) as number);
      if (rules.ruleSet) await importRuleSet(rules.ruleSet);
      if (sites.sites?.length) await importSitesSection(sites.sites);
      if (guard.config) await importGuardSection(guard.config);
    });
    if (failed) return failed;
  }
  return { ok: true, count: plan.summary.incoming, preview: plan.summary, ...(sheet && { csv: sheet.report }) };
}

/** The library file as 导出话术库 writes it: the replies with the remark rules, taught sites and guard settings. */
export async function libraryFile(): Promise<unknown> {
  return workerExtras().library.exportLibrary(await loadLibrary(), { [RULES_SECTION]: await loadRuleSet(), [SITES_SECTION]: await exportSitesSection(), [GUARD_SECTION]: await loadGuardConfig() });
}

export const coreHandlers: HandlerSet<CoreProtocol> = {
  ping: { handle: async () => true as const },
  getLibrary: { handle: () => current().library },
  getPanelLibrary: { content: true, handle: panelLibrary },
  getLibraryInitials: { content: true, handle: () => current().library.then(workerExtras().suggest.initials) },
  saveLibrary: {
    async handle(payload) {
      const { baseUpdatedAt, ...lib } = obj(payload, 'saveLibrary');
      // The editor names a clashing template by its title itself; anything left, in the interface's language.
      // Refused for an agent in team mode (save-check.ts): kept here it would reach nobody while the status said 已同步.
      const parsed = workerExtras().library.parseLibrarySave({ format: 'kefu-library', version: 1, ...lib }, await shopLocale(), (await loadTeamConfig())?.role);
      if (!parsed.ok) throw new InvalidPayload(parsed.errors.join('\n'));
      if (typeof baseUpdatedAt === 'number') return saveOver(parsed.library, baseUpdatedAt);
      const rec = await saveWithInitials(parsed.library);
      await announceChange('library');
      return rec;
    },
  },
  removeStarterKind: { handle: () => upgradeStarterLibrary('clothing') },
  checkStarterReturn: {
    async handle(payload) {
      const { answered } = obj(payload ?? {}, 'checkStarterReturn');
      if (answered !== undefined && !(Array.isArray(answered) && answered.every((id) => typeof id === 'string'))) throw new InvalidPayload('checkStarterReturn: answered must be a list of ids');
      return { ids: await checkStarterReturn(answered as string[] | undefined) };
    },
  },
  importLibrary: { handle: (payload) => importLibraryFile(obj(payload, 'importLibrary')) },
  exportLibrary: { handle: libraryFile },
  getSettings: { content: true, handle: () => loadSettings() },
  patchSettings: {
    content: true,
    async handle(payload, ctx) {
      const patch = obj(payload, 'patchSettings');
      // A seller page may only remember the panel's own state.
      if (ctx.sender === 'content-script' && Object.keys(patch).some((k) => k !== 'panel')) {
        throw new InvalidPayload('patchSettings: panel only');
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
  openOptions: {
    content: true,
    async handle(payload) {
      const { tab } = obj(payload, 'openOptions');
      if (typeof tab !== 'string' || tab.length > 20 || !OPTIONS_TAB.test(tab)) throw new InvalidPayload('openOptions: tab');
      await workerExtras().openOptionsTab(tab);
    },
  },
};
