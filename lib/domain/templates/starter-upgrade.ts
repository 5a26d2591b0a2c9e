import type { TemplateLibrary } from './types';
import { rewordStarter, type Reworded } from './starter-rewords';
import { newStarterReplies } from './starter-additions';
import { LEFT_KINDS, readStarterMark, removedIds, withoutKind, writeStarterMark, type StarterKind } from './starter-kinds';

/**
 * What an extension update does to a stored library (run by the worker, lib/messaging/handlers/core.ts
 * upgradeStarterLibrary; pure, in worker-extras.js): untouched copies of reworded starter replies take
 * the corrected text (starter-rewords.ts), and the starter replies added since the library last had
 * an update are added once (starter-additions.ts `newStarterReplies`). `mark`: what the machine keeps
 * (`meta` 'starter-added': how many STARTER_ADDED lists its library has had; anything but a number
 * before that was kept, read as the lists older versions had offered, LISTS_BEFORE_COUNT; with
 * `without`, the kinds of starter reply the agent removed, which no update adds back: starter-kinds.ts). An agent in team mode (`role` 'agent') gets no additions: the library is
 * the shop's, and the supervisor's machine adds them for the team. `library`: what to save, null when
 * nothing changed; `applied`: what to keep once it is saved (the mark as it was for an agent).
 */
export function upgradeStarter(
  lib: TemplateLibrary & { reworded?: Reworded },
  starter: TemplateLibrary,
  mark: unknown,
  role?: string,
  remove?: StarterKind,
  now = Date.now(),
): { library: (TemplateLibrary & { reworded?: Reworded }) | null; added: string[]; applied: unknown; removed: string[]; kept: string[] } {
  const reworded = rewordStarter(lib, starter, now);
  let base = reworded ?? lib;
  if (role === 'agent') return { library: reworded, added: [], applied: mark, removed: [], kept: [] };
  const m = readStarterMark(mark);
  // The kind is marked removed even when no untouched copy was left, so no update adds it back.
  const cut = remove ? withoutKind(base, starter, remove) : { library: null, removed: [], kept: [] };
  // This version's kind lists none of LEFT_KINDS: its removal takes none of them, nothing to offer back.
  if (remove && !m.without.includes(remove)) {
    m.without.push(remove);
    m.settled = [...new Set([...(m.settled ?? []), ...LEFT_KINDS[remove]])];
  }
  if (cut.library) base = { ...cut.library, reworded: base.reworded };
  const add = newStarterReplies(base, starter, m.lists, undefined, undefined, removedIds(m));
  const changed = add.library ?? (cut.library || reworded ? base : null);
  return {
    library: changed && { ...changed, reworded: base.reworded },
    added: add.added,
    applied: writeStarterMark({ ...m, lists: add.applied }),
    removed: cut.removed,
    kept: cut.kept,
  };
}
