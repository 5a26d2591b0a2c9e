import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { LEFT_KINDS, lostWithKind } from '@/lib/domain/templates/starter-kinds';
import { readIds } from './starter-notices';
import { SEEN_KEY } from './StarterAddedNotice';
import { StarterOfferNotice, type StarterOffer } from './StarterOfferNotice';

/**
 * The welcomes offered back here and answered (added, declined, or held in the library on this
 * machine), in this page's localStorage beside the other starter notices' records: each is offered
 * once, and one the shop deletes afterwards stays deleted.
 */
export const RETURN_KEY = 'kf-starter-return-seen';

/** The welcomes an earlier removal of the clothing kind took (LEFT_KINDS), where that removal left its record here. */
export const RETURN_OFFER: StarterOffer = {
  kf: 'starter-return',
  words: 'starterReturn',
  key: RETURN_KEY,
  watched: () => Object.values(LEFT_KINDS).flat(),
  offered: (lib, _starter, answered) => lostWithKind(lib, readIds(SEEN_KEY), answered),
};

/**
 * Offers back the starter replies an earlier removal of the clothing kind took with it and that no
 * longer belong to the kind (LEFT_KINDS: the two welcomes, reworded for any shop on 2026-12-06):
 * which, why they went, one click to add them through the editor's save, or never again. Only where
 * that removal left its record here (the 内置话术新增 record holds them); a welcome the shop deleted
 * by hand was never written there and is not offered. `show` is false for an agent in team mode.
 */
export function StarterReturnNotice(props: {
  lib: TemplateLibrary;
  show: boolean;
  persist: (change: (l: TemplateLibrary) => TemplateLibrary, okText: () => string) => Promise<boolean>;
}) {
  return <StarterOfferNotice offer={RETURN_OFFER} {...props} />;
}
