/**
 * The opening check the stored records' readers share (customers/migrate.ts, followups/migrate.ts):
 * an object, its version (none = 0, a prototype's shape), not newer than this extension reads. One
 * copy, since both readers run in the worker at every wake. Throws `Fail` (the reader's own error
 * class, which its callers test for).
 */
type Rec = Record<string, unknown>;

export function versionedRecord(raw: unknown, current: number, Fail: new (message: string) => Error, what: string): [Rec, number] {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Fail(`not a ${what} record`);
  const record: Rec = { ...(raw as Rec) };
  const v = record.v === undefined ? 0 : record.v;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Fail(`bad record version ${String(v)}`);
  if (v > current) throw new Fail(`record version ${v} is newer than this extension understands (${current})`);
  return [record, v];
}
