/**
 * Handlers of the taught-sites verbs. A seller page's content script may read the taught site of its
 * own origin and save picks for its own origin only (ctx.url is the sender's page, set by the
 * browser, not by the page); listing, forgetting and syncing are for extension pages.
 */
import { announceChange } from '../client';
import { InvalidPayload, obj, type HandlerContext, type HandlerSet } from './types';
import type { SitesProtocol } from '../protocol-sites';
import { getTaughtSite, listTaughtSites, saveTaughtSite } from '../../storage/sites';
import { parseOrigin, validatePicks } from '../../sites/taught/record';
import { forgetSiteNow, syncTaughtScriptsNow } from '../../teach/background-api';

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
      const res = validatePicks(payload, 'saveTaughtSite');
      if (!res.ok) throw new InvalidPayload(res.errors.join('\n'));
      ownOriginOnly(res.picks.origin, ctx, 'saveTaughtSite');
      const site = await saveTaughtSite(res.picks);
      await syncTaughtScriptsNow().catch((err) => console.warn('[kf] content script registration failed', err));
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
