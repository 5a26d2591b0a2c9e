/**
 * Once, at an update (entrypoints/background.ts), while the shop masks: the remark override log's
 * entries stored before it was masked (their remark, reason and problems quoting a phone number in
 * clear) are masked as new ones are, live and in every backup — a restore would bring them back.
 * With masking off nothing changes and the next update looks again. Run from worker-extras.js
 * (rare; background.js has a size budget), lent the 全部数据 verbs' `io`.
 */
import type { AllDataIO } from './all-data-run';
import { editSnapshots } from './backups-run';
import { entryEdited } from '../domain/customers/forget';
import { maskOverride } from '../domain/customers/privacy';

/** In `meta`: the override log's entries from before it was stored masked have been masked. */
export const OVERRIDES_MASKED_KEY = 'remarkOverrides:masked';

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

/** True when it ran (the log and the backups may have changed; open pages are told). */
export async function maskOldOverrides(io: Pick<AllDataIO, 'db' | 'keys' | 'loadSettings' | 'restoreIO' | 'announceChange'>): Promise<boolean> {
  const { db, keys } = io;
  if (!(await io.loadSettings()).privacy.maskPii || (await db.get('meta', OVERRIDES_MASKED_KEY))) return false;
  if ((await db.get('meta', keys.overrides)) !== undefined) await db.update<unknown>('meta', keys.overrides, maskedOverrides);
  await editSnapshots(io.restoreIO, 'meta', (entries) => entryEdited(entries, keys.overrides, maskedOverrides));
  await db.set('meta', OVERRIDES_MASKED_KEY, 1);
  await io.announceChange('rules');
  await io.announceChange('backups');
  return true;
}
