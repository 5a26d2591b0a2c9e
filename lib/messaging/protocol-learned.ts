/** Verbs of the suggestion engine's background half: the model and the learned picks. Handlers: handlers/learned.ts. */
import type { ScenarioId } from '../domain/scenarios';
import type { Signals } from '../domain/suggest/combine';
import type { LearnedPick } from '../domain/suggest/learned';
import { SCENARIO_IDS } from '../domain/scenarios';
import type { ImportResult } from './protocol';
import { s, type PageSchemas } from './schema';

export interface LearnPickRequest {
  /** The buyer message being answered (raw; masked before it is stored). */
  message: string;
  /** The buyer's nickname, masked out of the message before storing. */
  buyer: string | null;
  scenario: ScenarioId;
  /** The reply inserted; null for a chip correction. */
  templateId: string | null;
  source: LearnedPick['source'];
}

export interface LearnedSummary {
  enabled: boolean;
  count: number;
  cap: number;
  perScenario: Partial<Record<ScenarioId, number>>;
  /** Newest first. */
  latest: LearnedPick[];
}

/** The export file: append-friendly records with ids and timestamps (merge by id). */
export interface LearnedExport {
  kind: 'kf-learned';
  v: 1;
  exportedAt: number;
  picks: LearnedPick[];
}

/** `duplicates`: second copies of a pick in the file, the same record, skipped (absent when none). */
export type LearnedImportResult = ImportResult & { duplicates?: number };

export interface LearnedProtocol {
  /** The trained model's probabilities and the nearest learned picks for a buyer message. */
  suggestSignals: [{ message: string; buyer: string | null }, Signals];
  /** One confirmed pick (an insertion, or a chip correction). Nothing is stored when learning is off. */
  learnPick: [LearnPickRequest, { learned: boolean }];
  /** Options page: what has been learned. */
  getLearned: [{ limit?: number }, LearnedSummary];
  /** Options page: forget some picks, or all of them (also from the local backups). */
  forgetLearned: [{ ids?: string[]; all?: boolean }, { deleted: number }];
  exportLearned: [void, LearnedExport];
  /** Adds the file's picks (skipping ids already known); a bad file changes nothing. */
  importLearned: [{ json: unknown }, LearnedImportResult];
}

const message = s.text({ max: 2000 });
// Present (null when the page shows no buyer), so a page cannot forget to name who wrote it.
const buyer = s.nullable(s.text({ max: 200 }));

/** What a seller page may send (dispatch.ts checks it first; see README.md, "Schemas"). */
export const learnedPageSchemas = (): PageSchemas<LearnedProtocol> => ({
  suggestSignals: s.object({ message, buyer }),
  learnPick: s.object({
    message,
    buyer,
    scenario: s.oneOf(SCENARIO_IDS),
    templateId: s.nullable(s.text({ max: 64, min: 1 })),
    source: s.oneOf(['insert', 'chip'] as const),
  }),
});

declare module './protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Protocol extends LearnedProtocol {}
}
