/** Verbs of teach mode (taught sites). Handlers: handlers/sites.ts. */
import type { TaughtPicks, TaughtSite } from '../sites/taught/record';
import type { ForgetResult } from '../teach/flow';
import { TAUGHT_FIELDS } from '../sites/taught/record';
import { parseLocators } from '../sites/taught/locator';
import { s, schemaFail, type PageSchemas } from './schema';

export interface SitesProtocol {
  /** Every taught site (options page, side panel). Extension pages only. */
  listTaughtSites: [void, TaughtSite[]];
  /** One site by origin. A content script may only ask for its own page's origin. */
  getTaughtSite: [{ origin: string }, TaughtSite | null];
  /** Saves the picks of teach mode. A content script may only save for its own page's origin. */
  saveTaughtSite: [TaughtPicks, TaughtSite];
  /** Removes the site, its registered content script and (when optional) its host permission. */
  forgetTaughtSite: [{ origin: string }, ForgetResult];
  /** Re-registers content scripts after the agent granted a site's access in an extension page. */
  syncTaughtSites: [void, void];
}

const locators = s.optional(s.custom((v, path) => (parseLocators(v) ?? schemaFail(path, 'expected a list of locators'))));

/** What a seller page may send (dispatch.ts checks it first): its own site only. */
export const sitesPageSchemas = (): PageSchemas<SitesProtocol> => ({
  getTaughtSite: s.object({ origin: s.ownOrigin() }),
  saveTaughtSite: s.object({
    origin: s.ownOrigin(),
    name: s.text({ max: 2000 }),
    url: s.text({ max: 2000 }),
    fields: s.object(Object.fromEntries(TAUGHT_FIELDS.map((f) => [f, locators]))),
  }),
});

declare module './protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Protocol extends SitesProtocol {}
}
