/**
 * The markers in `meta` of the one-time privacy upgrade of stored data (lib/background/remask-run.ts),
 * apart from it (no imports) so the worker can tell at its start, without loading worker-extras.js,
 * whether it has work (lib/messaging/handlers/data.ts `upgradePrivacyAtStart`).
 */

/** The version of the masking rules the stored data was last masked with. */
export const REMASK_KEY = 'privacy:remasked';
/** 1: the door of a street address (2026-12-06). Raise it when maskPii masks more: old data is masked again. */
export const REMASK_VERSION = 1;
/** The version of the stripping stored taught sites (and the backups') last had. */
export const SITES_STRIPPED_KEY = 'taughtSites:stripped';
/**
 * 1: without the page's data (5+-digit runs, query, fragment, data-holding path segments; 2026-12-06);
 * 2: also without the nicknames of the buyers stored here (lib/sites/taught/old-title.ts; 2026-12-06).
 */
export const SITES_STRIPPED_VERSION = 2;
