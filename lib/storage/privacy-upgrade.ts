/**
 * The markers in `meta` of the one-time privacy upgrade of stored data (lib/background/remask-run.ts),
 * apart from it (no imports) so the worker can tell at its start, without loading worker-extras.js,
 * whether it has work (lib/messaging/handlers/data.ts `upgradePrivacyAtStart`).
 */

/** The version of the masking rules the stored data was last masked with. */
export const REMASK_KEY = 'privacy:remasked';
/** 1: the door of a street address (2026-12-06). Raise it when maskPii masks more: old data is masked again. */
export const REMASK_VERSION = 1;
/** 1: taught sites an older version stored have been stored without the page's data. */
export const SITES_STRIPPED_KEY = 'taughtSites:stripped';
