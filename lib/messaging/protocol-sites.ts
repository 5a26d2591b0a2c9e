/** Verbs of teach mode (taught sites). Handlers: handlers/sites.ts. */
import type { TaughtPicks, TaughtSite } from '../sites/taught/record';
import type { ForgetResult } from '../teach/flow';

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

declare module './protocol' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Protocol extends SitesProtocol {}
}
