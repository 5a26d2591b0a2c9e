import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { LEFT_KINDS } from '@/lib/domain/templates/starter-kinds';
import { useApi } from './OptionsContext';
import { readIds } from './starter-notices';
import { StarterOfferNotice, type StarterOffer } from './StarterOfferNotice';

/**
 * The welcomes offered back here and answered (added, declined, or held in the library on this
 * machine), in this page's localStorage beside the other starter notices' records. The worker's mark
 * keeps the same (checkStarterReturn), so a cleared localStorage offers none of them again.
 */
export const RETURN_KEY = 'kf-starter-return-seen';

/** The offer of `lost` (the worker's answer), less what this page has answered; `answer` tells the worker. */
export function returnOffer(lost: readonly string[], answer: (ids: string[]) => void): StarterOffer {
  return {
    kf: 'starter-return',
    words: 'starterReturn',
    key: RETURN_KEY,
    watched: () => Object.values(LEFT_KINDS).flat(),
    offered: (lib, _starter, answered) => lost.filter((id) => !answered.includes(id) && !lib.templates.some((t) => t.id === id)),
    answered: answer,
  };
}

/**
 * Offers back the starter replies an earlier removal of the clothing kind took with it and that no
 * longer belong to the kind (LEFT_KINDS: the two welcomes, reworded for any shop on 2026-12-06):
 * which, why they went, one click to add them through the editor's save, or never again. Which were
 * lost is the worker's to say (checkStarterReturn: its mark in `meta` records the removal, and its
 * safety copy what it took), so a welcome the shop deleted by hand is not offered, and the offer does
 * not hang on this page's localStorage. `show` is false for an agent in team mode.
 */
export function StarterReturnNotice(props: {
  lib: TemplateLibrary;
  show: boolean;
  persist: (change: (l: TemplateLibrary) => TemplateLibrary, okText: () => string) => Promise<boolean>;
}) {
  const api = useApi();
  const [lost, setLost] = useState<string[]>([]);
  const ask = (answered: string[]) =>
    api.call('checkStarterReturn', answered.length ? { answered } : {}).then(
      (r) => setLost(r.ids),
      // Not known: no offer rather than an error (the next visit asks again).
      () => setLost([]),
    );
  // Asked again whenever the library changes: one held now is settled in the worker's mark too, and
  // so is what this page answered before the worker kept it (a version before 2026-12-06).
  useEffect(() => {
    if (props.show) void ask(readIds(RETURN_KEY));
  }, [props.show, props.lib]);
  const offer = useMemo(() => returnOffer(lost, (ids) => void ask(ids)), [lost]);
  return <StarterOfferNotice offer={offer} {...props} />;
}
