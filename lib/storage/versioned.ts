/**
 * Versioned records. Every stored record has `v`; a record without one is version 0 (a shape from
 * before versioning). `migrate` applies the steps from the record's version up to the current one.
 * Steps are pure and idempotent, and must accept anything (stored data can be damaged).
 */
export type MigrationStep = (record: Record<string, unknown>) => Record<string, unknown>;

export interface RecordSchema<T> {
  /** Current version. */
  version: number;
  /** steps[n] upgrades a version-n record to version n+1. */
  steps: MigrationStep[];
  /** Final check/normalisation of a current-version record; throws on a record it cannot use. */
  finish(record: Record<string, unknown>): T;
}

export function migrate<T>(raw: unknown, schema: RecordSchema<T>): T {
  let record: Record<string, unknown> =
    raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : { legacy: raw };
  let v = typeof record.v === 'number' ? record.v : 0;
  if (v > schema.version) {
    throw new Error(`record version ${v} is newer than this extension understands (${schema.version})`);
  }
  while (v < schema.version) {
    const step = schema.steps[v];
    if (!step) throw new Error(`no migration from version ${v}`);
    record = { ...step(record), v: v + 1 };
    v += 1;
  }
  return schema.finish(record);
}
