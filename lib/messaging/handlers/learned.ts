/**
 * The suggestion engine's background half (lib/domain/suggest/engine.ts): the trained model, loaded
 * once from the extension's own `suggest-model.json` (never into the content script), and the
 * learned picks, kept in memory and in the `kf-learned` store.
 */
import { browser } from '../../browser';
import { announceChange } from '../client';
import { InvalidPayload, obj, type HandlerSet } from './types';
import type { LearnedExport, LearnedImportResult, LearnedProtocol } from '../protocol-learned';
import { SuggestEngine } from '../../domain/suggest/engine';
import { LearnedMemory } from '../../domain/suggest/learned';
import { decodeModel, type ModelAsset, type SuggestModel } from '../../domain/suggest/model';
import { isScenarioId } from '../../domain/scenarios';
import { clearPicks, forgetPicks, loadPicks, mergePicks, purgeOldPicks, storePick } from '../../storage/learned';
import { loadSettings } from '../../storage/settings';
import { forgetInBackups, safetyCopyBefore, writeOrPutBack } from './backup';
import { workerExtras } from '../../background/extras';

/** Where the model comes from; tests read the file from disk instead. */
let readAsset: () => Promise<ModelAsset> = async () => {
  const res = await fetch(browser.runtime.getURL('/suggest-model.json'));
  if (!res.ok) throw new Error(`suggest-model.json: HTTP ${res.status}`);
  return (await res.json()) as ModelAsset;
};

export function setModelSource(read: () => Promise<ModelAsset>): void {
  readAsset = read;
  resetSuggestEngine();
}

let engineLoad: Promise<SuggestEngine> | null = null;

async function loadModel(): Promise<SuggestModel | null> {
  try {
    return decodeModel(await readAsset());
  } catch (err) {
    // Without the model the panel still suggests from the cues and the learned picks.
    console.warn('[kf] suggestion model not loaded', err);
    return null;
  }
}

/** The engine, loaded on first use (the model and the stored picks in parallel). */
export function suggestEngine(): Promise<SuggestEngine> {
  engineLoad ??= Promise.all([loadModel(), loadPicks()]).then(([model, picks]) => new SuggestEngine(model, new LearnedMemory(picks)));
  engineLoad.catch(() => (engineLoad = null));
  return engineLoad;
}

/** After a restore or an import the stored picks changed under the engine: load them again. */
export function resetSuggestEngine(): void {
  engineLoad = null;
}

async function learningOn(): Promise<boolean> {
  return (await loadSettings()).privacy.learnFromPicks;
}

/**
 * Forgets these picks: from the local backups, then from the store (and, in team mode, for the
 * team) and the engine's memory. Returns how many of them were stored. (Not announced: the caller does.)
 */
export async function forgetLearnedPicks(ids: readonly string[]): Promise<number> {
  const engine = await suggestEngine();
  const stored = new Set(engine.memory.all().map((x) => x.id));
  // The backups first: a full disk refuses their rewrite, and the picks are then still here to
  // forget again — deleted first, they stayed in the backups with nothing left to say so.
  await forgetInBackups('learned', ids);
  await forgetPicks(ids);
  engine.forget([...ids]);
  return ids.filter((id) => stored.has(id)).length;
}

export const learnedHandlers: HandlerSet<LearnedProtocol> = {
  suggestSignals: {
    content: true,
    async handle(payload) {
      const p = obj(payload, 'suggestSignals');
      const [engine, learning] = await Promise.all([suggestEngine(), learningOn()]);
      return engine.signals(String(p.message ?? ''), { buyer: (p.buyer as string | null | undefined) ?? null, learning });
    },
  },
  learnPick: {
    writes: true,
    content: true,
    async handle(payload) {
      const p = obj(payload, 'learnPick');
      if (!isScenarioId(p.scenario)) throw new InvalidPayload('learnPick: scenario');
      if (!(await learningOn())) return { learned: false };
      const engine = await suggestEngine();
      const { pick, evicted } = engine.learn(
        {
          // Whole numbers, e-mails, ids and addresses out before the pick is made (mask-whole.ts).
          message: workerExtras().learned.maskWhole(p.message),
          buyer: p.buyer as string | null | undefined,
          scenario: p.scenario,
          // makePick makes a missing one null.
          templateId: p.templateId as string | null | undefined,
          source: p.source === 'chip' ? 'chip' : 'insert',
        },
        Date.now(),
      );
      if (!pick) return { learned: false };
      // Not stored (a full disk), not learned: the page sends it again (lib/panel/unsaved-picks.ts),
      // which the engine would otherwise skip as a repeat of this one within its minute.
      await storePick(pick, evicted).catch((err) => {
        engine.forget([pick.id]);
        throw err;
      });
      await announceChange('learned');
      return { learned: true };
    },
  },
  getLearned: {
    async handle(payload) {
      const [engine, enabled] = await Promise.all([suggestEngine(), learningOn()]);
      return workerExtras().learned.summary(engine.memory.all(), enabled, (payload as { limit?: unknown } | undefined)?.limit);
    },
  },
  forgetLearned: {
    async handle(payload) {
      const p = obj(payload, 'forgetLearned');
      const engine = await suggestEngine();
      let deleted: number;
      if (p.all === true) {
        // The backups first, as forgetLearnedPicks does.
        await forgetInBackups('learned', 'all');
        deleted = await clearPicks();
        engine.forget('all');
      } else if (Array.isArray(p.ids) && p.ids.every((id) => typeof id === 'string')) {
        deleted = await forgetLearnedPicks(p.ids as string[]);
      } else {
        throw new InvalidPayload('forgetLearned: ids (a list) or all: true');
      }
      await announceChange('learned');
      return { deleted };
    },
  },
  exportLearned: {
    async handle(): Promise<LearnedExport> {
      return { kind: 'kf-learned', v: 1, exportedAt: Date.now(), picks: await loadPicks() };
    },
  },
  importLearned: {
    writes: true,
    async handle(payload): Promise<LearnedImportResult> {
      const parsed = workerExtras().learned.parseLearnedExport(obj(payload, 'importLearned').json, await loadSettings());
      if (!parsed.ok) return parsed;
      // What was here first goes to 备份 before any pick is added, so the import can be undone.
      let copy: string | null = null;
      const merged = await writeOrPutBack(() => copy, ['learned'], () => mergePicks(parsed.picks, undefined, async () => void (copy = await safetyCopyBefore('before-import-learned'))));
      if ('problem' in merged) return merged;
      const { added } = merged;
      resetSuggestEngine();
      await announceChange('learned');
      return { ok: true, count: added, backedUp: added > 0, ...(parsed.duplicates ? { duplicates: parsed.duplicates } : {}) };
    },
  },
};

/** Daily job: picks older than the buyer-notes retention period are deleted (and from the backups). */
export async function learnedDailyJob(now: number): Promise<number> {
  const { retentionDays } = (await loadSettings()).privacy;
  const purged = await purgeOldPicks(now, retentionDays);
  if (!purged.length) return 0;
  await forgetInBackups('learned', purged);
  resetSuggestEngine();
  await announceChange('learned');
  return purged.length;
}
