/**
 * The remark override log's entries stored before it was masked (their remark, reason and problems
 * quoting a phone number in clear) masked as new ones are: the pure step of the once-after-an-update
 * run (remask-run.ts), live and in every backup — a restore would bring them back.
 */
import { maskOverride } from '../domain/customers/privacy';

type Entry = Parameters<typeof maskOverride>[0];
const isEntry = (o: unknown): o is Entry => {
  const e = o as Entry | null;
  return !!e && typeof e.reason === 'string' && typeof e.text === 'string' && Array.isArray(e.problems) && e.problems.every((p) => typeof p?.message === 'string');
};

/** The stored log (`{ v, items }`) with every entry masked; anything else as it is. */
export function maskedOverrides(raw: unknown): unknown {
  const r = raw as { items?: unknown } | null;
  return r && Array.isArray(r.items) ? { ...r, items: r.items.map((o) => (isEntry(o) ? maskOverride(o, true) : o)) } : raw;
}
