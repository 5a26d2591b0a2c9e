import type { TemplateLibrary } from './types';
import { rewordStarter, type Reworded } from './starter-rewords';
import { newStarterReplies } from './starter-additions';

/**
 * What an extension update does to a stored library (run by the worker, lib/messaging/handlers/core.ts
 * upgradeStarterLibrary; pure, in worker-extras.js): untouched copies of reworded starter replies take
 * the corrected text (starter-rewords.ts), and the starter replies added since the library last had
 * an update are added once (starter-additions.ts `newStarterReplies`). `mark`: what the machine keeps
 * (`meta` 'starter-added': how many STARTER_ADDED lists its library has had; anything but a number
 * before that was kept, read as the lists older versions had offered, LISTS_BEFORE_COUNT). An agent in team mode (`role` 'agent') gets no additions: the library is
 * the shop's, and the supervisor's machine adds them for the team. `library`: what to save, null when
 * nothing changed; `applied`: what to keep once it is saved (the mark as it was for an agent).
 */
export function upgradeStarter(
  lib: TemplateLibrary & { reworded?: Reworded },
  starter: TemplateLibrary,
  mark: unknown,
  role?: string,
  now = Date.now(),
): { library: (TemplateLibrary & { reworded?: Reworded }) | null; added: string[]; applied: unknown } {
  const reworded = rewordStarter(lib, starter, now);
  const base = reworded ?? lib;
  if (role === 'agent') return { library: reworded, added: [], applied: mark };
  const add = newStarterReplies(base, starter, typeof mark === 'number' ? mark : undefined);
  return { library: add.library ? { ...add.library, reworded: base.reworded } : reworded, added: add.added, applied: add.applied };
}
