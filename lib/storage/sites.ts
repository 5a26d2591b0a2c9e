/**
 * Sites taught in teach mode (store 'meta', key 'taughtSites'). One versioned record holding every
 * site by origin, so saving one site is one atomic read-modify-write.
 */
import { db } from './db';
import { noteLocalChange } from './changes';
import { migrate, type RecordSchema } from './versioned';
import { parseTaughtSite, type TaughtPicks, type TaughtSite } from '../sites/taught/record';

export interface TaughtSitesRecord {
  v: 1;
  sites: Record<string, TaughtSite>;
}

/** v0 → v1: nothing was stored before v1; a damaged record becomes empty. Damaged sites are dropped. */
export const SITES_SCHEMA: RecordSchema<TaughtSitesRecord> = {
  version: 1,
  steps: [() => ({ sites: {} })],
  finish(r) {
    const sites: Record<string, TaughtSite> = {};
    const raw = r.sites && typeof r.sites === 'object' && !Array.isArray(r.sites) ? (r.sites as Record<string, unknown>) : {};
    for (const value of Object.values(raw)) {
      const site = parseTaughtSite(value);
      if (site) sites[site.origin] = site;
    }
    return { v: 1, sites };
  },
};

const KEY = 'taughtSites';

/** A record from a newer extension version throws (nothing is overwritten); damaged sites are dropped. */
function read(raw: unknown): TaughtSitesRecord {
  if (raw === undefined) return { v: 1, sites: {} };
  return migrate(raw, SITES_SCHEMA);
}

export async function listTaughtSites(): Promise<TaughtSite[]> {
  const rec = read(await db.get<unknown>('meta', KEY));
  return Object.values(rec.sites).sort((a, b) => a.origin.localeCompare(b.origin));
}

export async function getTaughtSite(origin: string): Promise<TaughtSite | null> {
  return read(await db.get<unknown>('meta', KEY)).sites[origin] ?? null;
}

/** Saves (or re-teaches) one site; a re-teach keeps `createdAt` and replaces the picks. */
export async function saveTaughtSite(picks: TaughtPicks, now = Date.now()): Promise<TaughtSite> {
  let saved: TaughtSite | null = null;
  await db.update<unknown>('meta', KEY, (old) => {
    const rec = read(old);
    const prev = rec.sites[picks.origin];
    saved = { v: 1, ...picks, createdAt: prev?.createdAt ?? now, updatedAt: now };
    rec.sites[picks.origin] = saved;
    return rec;
  });
  await noteLocalChange('sites', [picks.origin]);
  return saved!;
}

/** Saves several sites at once (an import); same-origin sites are replaced, others kept. */
export async function mergeTaughtSites(sites: readonly TaughtSite[], now = Date.now()): Promise<void> {
  await db.update<unknown>('meta', KEY, (old) => {
    const rec = read(old);
    for (const s of sites) rec.sites[s.origin] = { ...s, createdAt: rec.sites[s.origin]?.createdAt ?? s.createdAt ?? now, updatedAt: now };
    return rec;
  });
  await noteLocalChange('sites', sites.map((s) => s.origin));
}

/**
 * Team mode: the shop's version of some sites (`site` null = the shop forgot it), each as of `at`.
 * Applied when `always` (an agent's copy follows the shop's) or when newer than the stored site;
 * one transaction. Returns the origins that changed. Not reported as a local change.
 */
export async function applyTeamSites(list: readonly { origin: string; site: TaughtSite | null; at: number }[], always: boolean): Promise<string[]> {
  const changed: string[] = [];
  await db.update<unknown>('meta', KEY, (old) => {
    const rec = read(old);
    for (const { origin, site, at } of list) {
      const mine = rec.sites[origin];
      if (!always && mine && mine.updatedAt > at) continue;
      if (site) rec.sites[origin] = site;
      else if (mine) delete rec.sites[origin];
      else continue;
      changed.push(origin);
    }
    return rec;
  });
  return changed;
}

export async function forgetTaughtSite(origin: string): Promise<boolean> {
  let existed = false;
  await db.update<unknown>('meta', KEY, (old) => {
    const rec = read(old);
    existed = origin in rec.sites;
    delete rec.sites[origin];
    return rec;
  });
  if (existed) await noteLocalChange('sites', [origin]);
  return existed;
}
