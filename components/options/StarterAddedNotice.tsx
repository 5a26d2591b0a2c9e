import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { STARTER_ADDED, starterAdditions } from '@/lib/domain/templates/starter-additions';
import { StarterOfferNotice, type StarterOffer } from './StarterOfferNotice';

/**
 * The later starter replies this machine has seen (in the library, added, or dismissed), in this
 * page's localStorage, so one the agent deleted or declined is never offered again. Not on the
 * library record: an export or backup carries only the agent's replies, and the worker has no room.
 */
export const SEEN_KEY = 'kf-starter-added-seen';

/** The starter replies a later version added (STARTER_ADDED) and a library stored before them lacks. */
export const ADDED_OFFER: StarterOffer = {
  kf: 'starter-added',
  words: 'starterAdded',
  key: SEEN_KEY,
  watched: () => STARTER_ADDED.flat(),
  offered: (lib, starter, seen) => starterAdditions(lib, starter, seen).map((x) => x.id),
};

/**
 * Offers the starter replies a later version added (STARTER_ADDED) to a library stored before them:
 * how many, their titles, one click to add them all through the editor's own save (conflict check
 * and team replication as for any edit), or never again. `show` is false for an agent in team mode,
 * whose library follows the shop's and cannot take the edit (and until that is known).
 */
export function StarterAddedNotice(props: {
  lib: TemplateLibrary;
  show: boolean;
  persist: (change: (l: TemplateLibrary) => TemplateLibrary, okText: () => string) => Promise<boolean>;
}) {
  return <StarterOfferNotice offer={ADDED_OFFER} {...props} />;
}
