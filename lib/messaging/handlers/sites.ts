/**
 * Handlers of the taught-sites verbs. A seller page's content script may read the taught site of its
 * own origin and save picks for its own origin only (ctx.url is the sender's page, set by the
 * browser, not by the page); listing, forgetting and syncing are for extension pages.
 */
import { announceChange } from '../client';
import { InvalidPayload, obj, type HandlerContext, type HandlerSet } from './types';
import type { SitesProtocol } from '../protocol-sites';
import { getTaughtSite, listTaughtSites, mergeTaughtSites, saveTaughtSite } from '../../storage/sites';
import { parseOrigin, validatePicks, type TaughtSite } from '../../sites/taught/record';
import { forgetSiteNow, syncTaughtScriptsNow, syncTaughtScriptsQuietly } from '../../teach/background-api';

function originArg(payload: unknown, verb: string): string {
  const p = obj(payload, verb);
  const origin = parseOrigin(p.origin);
  if (!origin || origin !== p.origin) throw new InvalidPayload(`${verb}: origin`);
  return origin;
}

/** A content script may only touch the site it runs on. */
function ownOriginOnly(origin: string, ctx: HandlerContext, verb: string): void {
  if (ctx.sender !== 'content-script') return;
  if (parseOrigin(ctx.url) !== origin) throw new InvalidPayload(`${verb}: a page may only use its own site`);
}

export const sitesHandlers: HandlerSet<SitesProtocol> = {
  listTaughtSites: { handle: () => listTaughtSites() },
  getTaughtSite: {
    content: true,
    async handle(payload, ctx) {
      const origin = originArg(payload, 'getTaughtSite');
      ownOriginOnly(origin, ctx, 'getTaughtSite');
      return getTaughtSite(origin);
    },
  },
  saveTaughtSite: {
    content: true,
    async handle(payload, ctx) {
      const res = validatePicks(payload, { zh: 'saveTaughtSite', en: 'saveTaughtSite' });
      if (!res.ok) throw new InvalidPayload(res.errors.join('\n'));
      ownOriginOnly(res.picks.origin, ctx, 'saveTaughtSite');
      const site = await saveTaughtSite(res.picks);
      await syncTaughtScriptsQuietly();
      await announceChange('sites');
      return site;
    },
  },
  forgetTaughtSite: {
    async handle(payload) {
      const result = await forgetSiteNow(originArg(payload, 'forgetTaughtSite'));
      await announceChange('sites');
      return result;
    },
  },
  syncTaughtSites: {
    async handle() {
      await syncTaughtScriptsNow();
      await announceChange('sites');
    },
  },
};

export { SITES_SECTION } from './import-section';

/** The export section: { v: 1, sites: [...] }. */
export async function exportSitesSection(): Promise<{ v: 1; sites: TaughtSite[] }> {
  return { v: 1, sites: await listTaughtSites() };
}

/** Writes imported (already validated) sites; their scripts register once access is granted. */
export async function importSitesSection(sites: TaughtSite[]): Promise<void> {
  await mergeTaughtSites(sites);
  await syncTaughtScriptsQuietly();
  await announceChange('sites');
}
