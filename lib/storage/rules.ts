/**
 * The shop's remark rule set (store 'meta', key 'remarkRules') and the log of remarks saved against
 * the rules with a stated reason (key 'remarkOverrides'). Both are versioned records.
 */
import { db } from './db';
import { noteLocalChange } from './changes';
import { migrate, type RecordSchema } from './versioned';
import type { FlagColor, Platform, RuleSet } from '../domain/remarks';
import { workerExtras } from '../background/extras';

export interface RuleSetRecord {
  v: 1;
  ruleSet: RuleSet;
  updatedAt: number;
}

/** A remark the agent saved although it broke the rules, with why. */
export interface RemarkOverride {
  /** Epoch ms. */
  at: number;
  platform: Platform;
  orderId: string;
  buyer: string;
  flag: FlagColor;
  /** The agent name from the shop settings at the time. */
  agent: string;
  reason: string;
  /** What was wrong, as the agent was shown it. */
  problems: { code: string; message: string }[];
  /** The remark as saved. */
  text: string;
}

export interface OverridesRecord {
  v: 1;
  /** Oldest first. */
  items: RemarkOverride[];
}

/** Enough for months of overrides in a normal shop; the oldest go first. */
export const MAX_OVERRIDES = 500;

const RULES_KEY = 'remarkRules';
export const OVERRIDES_KEY = 'remarkOverrides';

/**
 * v0 → v1: a bare rule set (the shape the CLI and the export write) is wrapped. A stored record
 * that does not validate throws: the shop's rules are not silently replaced by a preset.
 */
export const RULES_SCHEMA: RecordSchema<RuleSetRecord> = {
  version: 1,
  steps: [(r) => ('ruleSet' in r ? r : { ruleSet: r, updatedAt: 0 })],
  finish(r) {
    const checked = workerExtras().remarks.validateRuleSet(r.ruleSet);
    if (!checked.ok) throw new Error(`remark rules record is damaged: ${checked.errors[0]?.messageEn ?? ''}`);
    return { v: 1, ruleSet: checked.ruleSet, updatedAt: Number(r.updatedAt) || 0 };
  },
};

export const OVERRIDES_SCHEMA: RecordSchema<OverridesRecord> = {
  version: 1,
  steps: [(r) => ({ items: Array.isArray(r.legacy) ? r.legacy : Array.isArray(r.items) ? r.items : [] })],
  finish(r) {
    const items = (Array.isArray(r.items) ? r.items : []).filter(
      (x): x is RemarkOverride =>
        !!x && typeof x === 'object' && typeof (x as RemarkOverride).orderId === 'string' && typeof (x as RemarkOverride).reason === 'string',
    );
    return { v: 1, items: items.slice(-MAX_OVERRIDES) };
  },
};

let ready: Promise<void> | null = null;

/**
 * Once per worker life, before the rule set is first read or written, until the marker
 * `remarkRules:defaults` is in `meta`: a set stored before a preset field's default was corrected
 * (convention B's yellow asked for the amount) takes the new default where the field is still the
 * preset's (upgradeRuleRecord, lib/domain/remarks/upgrade.ts; the run is in worker-extras.js,
 * lib/background/rules-upgrade-run.ts). Not an edit of the shop's: `updatedAt` stays and nothing is
 * queued for the team; the team engine corrects the shop's set itself (lib/team/sync.ts importRules). The marker is in `meta`, which the snapshots hold, so a restore of an older
 * one is upgraded at the next start.
 */
const rulesReady = () => (ready ??= workerExtras().remarks.upgradeStoredRules(db));

/** The shop's rule set; convention A until the shop picks or edits one. */
export async function loadRuleSet(): Promise<RuleSet> {
  await rulesReady();
  const raw = await db.get<unknown>('meta', RULES_KEY);
  if (raw === undefined) {
    const { cloneRuleSet, PRESET_A } = workerExtras().remarks;
    return cloneRuleSet(PRESET_A);
  }
  return migrate(raw, RULES_SCHEMA).ruleSet;
}

/** Validates, then replaces the rule set. Throws RuleSetInvalid (nothing written) when it is not valid. */
export async function saveRuleSet(json: unknown, now = Date.now()): Promise<RuleSet> {
  const checked = workerExtras().remarks.validateRuleSet(json);
  if (!checked.ok) throw new RuleSetInvalid(checked.errors.map((e) => e.message));
  await rulesReady();
  const record: RuleSetRecord = { v: 1, ruleSet: checked.ruleSet, updatedAt: now };
  await db.set('meta', RULES_KEY, record);
  await noteLocalChange('rules', [RULES_KEY]);
  return checked.ruleSet;
}

/** The stored rule set with its edit time; updatedAt 0 = never saved (the preset applies). */
export async function loadRuleSetRecord(): Promise<RuleSetRecord> {
  await rulesReady();
  const raw = await db.get<unknown>('meta', RULES_KEY);
  if (raw !== undefined) return migrate(raw, RULES_SCHEMA);
  const { cloneRuleSet, PRESET_A } = workerExtras().remarks;
  return { v: 1, ruleSet: cloneRuleSet(PRESET_A), updatedAt: 0 };
}

/**
 * Team mode: the shop's rule set (already validated), edited at `at`. Stored when `always` (an
 * agent's copy follows the shop's) or when it is newer than the stored one; in one transaction, so
 * an edit made here meanwhile is not overwritten by an older one. Not reported as a local change.
 */
export async function applyTeamRuleSet(ruleSet: RuleSet, at: number, always: boolean): Promise<boolean> {
  let applied = false;
  await rulesReady();
  await db.update<unknown>('meta', RULES_KEY, (old) => {
    const stored = old === undefined ? null : migrate(old, RULES_SCHEMA);
    if (!always && stored && stored.updatedAt > at) return old;
    applied = true;
    return { v: 1, ruleSet, updatedAt: at } satisfies RuleSetRecord;
  });
  return applied;
}

export class RuleSetInvalid extends Error {
  override name = 'RuleSetInvalid';
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
  }
}

function readOverrides(raw: unknown): OverridesRecord {
  return raw === undefined ? { v: 1, items: [] } : migrate(raw, OVERRIDES_SCHEMA);
}

/** Appends one override (atomically) once (a retried save repeats it); beyond MAX_OVERRIDES the oldest are dropped. */
export async function addRemarkOverride(item: RemarkOverride): Promise<void> {
  await db.update<unknown>('meta', OVERRIDES_KEY, (old) => {
    const rec = readOverrides(old);
    if (rec.items.some((i) => i.at === item.at && i.orderId === item.orderId)) return rec;
    return { v: 1, items: [...rec.items, item].slice(-MAX_OVERRIDES) } satisfies OverridesRecord;
  });
}

/** The override log (as stored, any version) with `edit` applied: a deleted buyer's name taken out. */
export function editedOverrides(raw: unknown, edit: (items: RemarkOverride[]) => RemarkOverride[]): OverridesRecord {
  return { v: 1, items: edit(readOverrides(raw).items) };
}

/** Newest first. */
export async function listRemarkOverrides(): Promise<RemarkOverride[]> {
  return readOverrides(await db.get<unknown>('meta', OVERRIDES_KEY)).items.slice().reverse();
}
