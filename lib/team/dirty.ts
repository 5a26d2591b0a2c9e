/**
 * The queue of records written on this machine and not yet exported to the team replicas
 * (`meta` store, key team:dirty). The background adds to it; the team page takes it. Taken keys
 * stay in the record as `inflight` until the round has written them into the replicas: a round cut
 * off half-way (the team page closed, the browser quit) leaves them there for the next round.
 */
import { db } from '../storage/db';
import { dirtyWith, mergeDirty, type Dirty } from './local-stores';

export const DIRTY_KEY = 'team:dirty';

/** The stored queue (only this module and the team page write it). */
export function readDirty(v: unknown): Dirty {
  const d = v as Partial<Dirty> | undefined;
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return dirtyWith((k) => list(d?.[k]), d?.library === true, d?.rules === true);
}

/** The keys a round took and has not yet finished exporting. */
export function readInflight(v: unknown): Dirty {
  return readDirty((v as { inflight?: unknown } | undefined)?.inflight);
}

export interface DirtyRecord extends Dirty {
  inflight: Dirty;
}

/** Background: adds keys to the queue (one transaction). */
export async function queueDirty(d: Dirty): Promise<void> {
  await db.update<unknown>('meta', DIRTY_KEY, (old) => ({ ...mergeDirty(readDirty(old), d), inflight: readInflight(old) }) satisfies DirtyRecord);
}

