/** storage.session's mark of an update's open-tab work not yet done (entrypoints/background.ts, reach-tabs.ts). */
export const REACH_PENDING = 'reachPending';
/** storage.session's mark of a browser run whose buyer-card notes the disk copy follows (lib/storage/note-left.ts). */
export const NOTE_LEFT_MARK = 'kf:note-left';
