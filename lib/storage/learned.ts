/**
 * The learned picks (lib/domain/suggest/learned.ts): one record per pick, keyed by its id, in the
 * `kf-learned` database. Records are only ever added or deleted, never edited, so two machines'
 * memories merge by id (the team-mode plan) and a snapshot restore is a plain copy.
 */
import { db } from './db';
import { noteLocalChange } from './changes';
import { LEARNED_CAP, type LearnedPick } from '../domain/suggest/learned';
import { isLearnedPick } from '../domain/suggest/learned-import';

/** Kept here for the storage's callers (team sync, the bridge); the check itself is pure (domain). */
export { isLearnedPick };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Every stored pick, oldest first. */
export async function loadPicks(): Promise<LearnedPick[]> {
  const all = await db.values<unknown>('learned');
  return all.filter(isLearnedPick).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}

/** Stores one pick and drops the ones the bound evicted. */
export async function storePick(pick: LearnedPick, evicted: readonly string[] = []): Promise<void> {
  await db.set('learned', pick.id, pick);
  if (evicted.length) await db.delMany('learned', [...evicted]);
  await noteLocalChange('learned', [pick.id, ...evicted]);
}

export async function deletePicks(ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await db.delMany('learned', [...ids]);
  await noteLocalChange('learned', ids);
}

/**
 * The user forgot these picks (学习记录, the retention period): deleted here and, in team mode,
 * forgotten for the team (lib/team/README.md). Evictions by the memory's bound use deletePicks.
 *
 * Told to the team before they are deleted: a write refused for room (a full disk) leaves them all
 * here, so the agent still sees them and forgets them again. Deleted first (until 2026-12-07), they
 * left this machine while the team was never told — the shop's server kept them, colleagues went on
 * being offered them, and a replica made again brought them back here. Deletes need no room; should
 * one fail after all, the agent is told (the forget threw) and forgets again; the team already knows.
 */
export async function forgetPicks(ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  await noteLocalChange('forgotten', ids);
  await deletePicks(ids);
}

/** 全部忘记: every pick, told to the team first as forgetPicks does. Returns how many there were. */
export async function clearPicks(): Promise<number> {
  const ids = await db.keys('learned');
  await noteLocalChange('forgotten', ids);
  await db.clear('learned');
  await noteLocalChange('learned', ids);
  return ids.length;
}

/**
 * Adds picks from an import, skipping ids already stored; keeps the newest `cap`. Returns how many
 * were new. `beforeWrite` runs first when any is (the import's safety copy).
 */
export async function mergePicks(picks: readonly LearnedPick[], cap = LEARNED_CAP, beforeWrite?: () => Promise<void>): Promise<{ added: number; evicted: string[] }> {
  const have = new Set(await db.keys('learned'));
  const fresh = picks.filter((p) => !have.has(p.id));
  if (fresh.length) {
    await beforeWrite?.();
    await db.setMany('learned', fresh.map((p) => [p.id, p]));
  }
  await noteLocalChange('learned', fresh.map((p) => p.id));
  const all = await loadPicks();
  const evicted = all.slice(0, Math.max(0, all.length - cap)).map((p) => p.id);
  await deletePicks(evicted);
  return { added: fresh.length, evicted };
}

/** The retention period of buyer notes applies to picks too (they hold buyers' words). */
export async function purgeOldPicks(now: number, days: number): Promise<string[]> {
  const old = await oldPicks(now, days);
  await forgetPicks(old);
  return old;
}

/** The ids purgeOldPicks(now, days) deletes (0 days: none). */
export async function oldPicks(now: number, days: number): Promise<string[]> {
  if (!(days > 0)) return [];
  const limit = now - days * DAY_MS;
  return (await loadPicks()).filter((p) => p.at < limit).map((p) => p.id);
}
