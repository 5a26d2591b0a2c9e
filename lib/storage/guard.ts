/**
 * The shop's guard settings (store 'meta', key 'guardRules') and the reply clock's daily record
 * (key 'replyClock'). Both versioned; the clock record holds no buyer data (conversation hashes
 * and durations only).
 */
import { db } from './db';
import { migrate, type RecordSchema } from './versioned';
// Not the guard's index: it would bring the rules' patterns and texts into the worker.
import { workerExtras } from '../background/extras';
import { EMPTY_GUARD_CONFIG, type GuardConfig } from '../domain/guard/types';
import type { ConfigResult } from '../domain/guard/config';
import { addAnswered, normaliseClockLog, type AnsweredWait, type ClockLog, type ClockSettings } from '../domain/clock';
import type { Zone } from '../domain/time';
import type { Locale } from '../i18n/lookup';

const GUARD_KEY = 'guardRules';
export const CLOCK_KEY = 'replyClock';

export const GUARD_SCHEMA: RecordSchema<GuardConfig> = {
  version: 1,
  steps: [(r) => ({ disabled: [], rules: [], ...r })],
  finish(r) {
    const checked = workerExtras().guard.validateGuardConfig({ ...r, v: 1 });
    if (!checked.ok) throw new Error(`guard rules record is damaged: ${checked.errors[0] ?? ''}`);
    return checked.config;
  },
};

export const CLOCK_SCHEMA: RecordSchema<ClockLog> = {
  version: 1,
  steps: [(r) => ({ days: {}, ...r })],
  finish: normaliseClockLog,
};

export async function loadGuardConfig(): Promise<GuardConfig> {
  const raw = await db.get<unknown>('meta', GUARD_KEY);
  return raw === undefined ? structuredClone(EMPTY_GUARD_CONFIG) : migrate(raw, GUARD_SCHEMA);
}

export class GuardConfigInvalid extends Error {
  override name = 'GuardConfigInvalid';
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
  }
}

/**
 * Validates, then replaces. Throws GuardConfigInvalid (nothing written) when invalid, its problems
 * in `locale` (the interface's language; both when not said).
 */
export async function saveGuardConfig(json: unknown, locale?: Locale): Promise<GuardConfig> {
  const checked = workerExtras().guard.validateGuardConfig(json, locale);
  if (!checked.ok) throw new GuardConfigInvalid(checked.errors);
  await db.set('meta', GUARD_KEY, checked.config);
  return checked.config;
}

/**
 * Applies one change (applyGuardPatch: a GuardPatch as sent) to the stored settings inside one
 * transaction, so two tabs each switching a rule keep both. Validated like a save; a malformed
 * patch or an invalid result: GuardConfigInvalid, nothing written.
 */
export async function patchStoredGuardConfig(patch: unknown, locale?: Locale): Promise<GuardConfig> {
  let r!: ConfigResult;
  await db.update<unknown>('meta', GUARD_KEY, (old) => {
    r = workerExtras().guard.patchGuardConfig(old === undefined ? EMPTY_GUARD_CONFIG : migrate(old, GUARD_SCHEMA), patch, locale);
    // Refused: the record is written back as it was.
    return r.ok ? r.config : old;
  });
  if (!r.ok) throw new GuardConfigInvalid(r.errors);
  return r.config;
}

export async function loadClockLog(): Promise<ClockLog> {
  const raw = await db.get<unknown>('meta', CLOCK_KEY);
  return raw === undefined ? { v: 1, days: {} } : migrate(raw, CLOCK_SCHEMA);
}

/** Adds one answered wait atomically (a conversation's first response counts once a day, the shop's day in `zone`). */
export async function recordAnsweredWait(w: AnsweredWait, settings: ClockSettings, zone: Zone): Promise<void> {
  await db.update<unknown>('meta', CLOCK_KEY, (old) => addAnswered(old === undefined ? { v: 1, days: {} } : migrate(old, CLOCK_SCHEMA), w, zone, settings));
}
