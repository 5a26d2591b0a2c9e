/**
 * The queue of records written on this machine and not yet exported to the team replicas
 * (`meta` store, key team:dirty). The background adds to it; the team page takes it.
 */
import { db } from '../storage/db';
import { mergeDirty, type Dirty } from './local-stores';

export const DIRTY_KEY = 'team:dirty';

/** The stored queue (only this module and the team page write it). */
export function readDirty(v: unknown): Dirty {
  const d = v as Partial<Dirty> | undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return { customers: list(d?.customers), followups: list(d?.followups), library: d?.library === true, rules: d?.rules === true, sites: list(d?.sites), picks: list(d?.picks) };
}

/** Background: adds keys to the queue (one transaction). */
export async function queueDirty(d: Dirty): Promise<void> {
  await db.update<unknown>('meta', DIRTY_KEY, (old) => mergeDirty(readDirty(old), d));
}

