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
  return { customers: d?.customers ?? [], followups: d?.followups ?? [], library: d?.library === true };
}

/** Background: adds keys to the queue (one transaction). */
export async function queueDirty(d: Dirty): Promise<void> {
  await db.update<unknown>('meta', DIRTY_KEY, (old) => mergeDirty(readDirty(old), d));
}

