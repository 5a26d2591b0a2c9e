import { useEffect, useState } from 'preact/hooks';
import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { addStarterReplies } from '@/lib/domain/templates/starter-additions';
import { readIds, rememberIds, useShippedStarter } from './starter-notices';
import { NoticeButtons } from './NoticeButtons';
import { registerMessages, t } from '@/lib/i18n';
import { starterOrdersMessages } from '@/lib/i18n/messages/starter-orders';
import { starterKindMessages } from '@/lib/i18n/messages/starter-kinds';

registerMessages(starterOrdersMessages);
registerMessages(starterKindMessages);

/**
 * One offer of starter replies a library lacks (StarterAddedNotice: those a later version added;
 * StarterReturnNotice: the welcomes an earlier removal took): what differs between them is data.
 */
export interface StarterOffer {
  /** The notice's data-kf; its buttons are `${kf}-add` and `${kf}-dismiss`. */
  kf: 'starter-added' | 'starter-return';
  /** Its words: `${words}.notice`, `.add`, `.dismiss` and `.added` (the status after a save). */
  words: 'starterAdded' | 'starterReturn';
  /** The ids this machine has seen or answered, in this page's localStorage (starter-notices.ts). */
  key: string;
  /** The starter ids that, once held in the library, count as seen: deleted afterwards, never offered again. */
  watched: () => Iterable<string>;
  /** The ids to offer (in the order shown), given the ids seen or answered here. */
  offered: (lib: TemplateLibrary, starter: TemplateLibrary, seen: readonly string[]) => string[];
  /** Told the ids added or declined (besides `key`), for a record kept beyond this page. */
  answered?: (ids: string[]) => void;
}

/**
 * The offer's notice: how many, their titles, one click to add them all through the editor's own
 * save (`persist`: conflict check and team replication as for any edit), or never again. `show` is
 * false for an agent in team mode, whose library follows the shop's (and until that is known).
 */
export function StarterOfferNotice(props: {
  offer: StarterOffer;
  lib: TemplateLibrary;
  show: boolean;
  persist: (change: (l: TemplateLibrary) => TemplateLibrary, okText: () => string) => Promise<boolean>;
}) {
  const { offer } = props;
  const starter = useShippedStarter();
  const [seen, setSeen] = useState(() => readIds(offer.key));
  const [busy, setBusy] = useState(false);
  const remember = (ids: readonly string[]) => setSeen(rememberIds(offer.key, ids));
  // A watched reply the library holds has been seen here: deleted afterwards, it is not offered again.
  useEffect(() => {
    const watched = new Set(offer.watched());
    const held = props.lib.templates.filter((x) => watched.has(x.id)).map((x) => x.id);
    if (held.some((id) => !seen.includes(id))) remember(held);
  }, [props.lib]);
  if (!starter || !props.show) return null;
  const ids = offer.offered(props.lib, starter, seen);
  const shown = ids.map((id) => starter.templates.find((x) => x.id === id)).filter((x) => !!x);
  if (!shown.length) return null;

  const add = async () => {
    setBusy(true);
    let count = 0;
    // Applied to whichever library the save ends up on (the newer one after a conflict).
    const change = (l: TemplateLibrary) => {
      const r = addStarterReplies(l, starter, ids);
      count = r.added.length;
      return r.library;
    };
    if (await props.persist(change, () => t(`${offer.words}.added`, { n: count }))) {
      remember(ids);
      offer.answered?.(ids);
    }
    setBusy(false);
  };
  const dismiss = () => {
    remember(ids);
    offer.answered?.(ids);
  };

  return (
    <div class="kf-notice" data-kf={offer.kf}>
      <p class="kf-warn-text">{t(`${offer.words}.notice`, { n: shown.length, titles: shown.map((x) => x.title).join('、') })}</p>
      <NoticeButtons
        busy={busy}
        act={{ kf: `${offer.kf}-add`, label: t(`${offer.words}.add`), onClick: () => void add() }}
        dismiss={{ kf: `${offer.kf}-dismiss`, label: t(`${offer.words}.dismiss`), onClick: dismiss }}
      />
    </div>
  );
}
