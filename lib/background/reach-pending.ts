/** storage.session's mark of an update's open-tab work not yet done (entrypoints/background.ts, reach-tabs.ts). */
export const REACH_PENDING = 'reachPending';
