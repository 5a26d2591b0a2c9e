import { useEffect, useState } from 'preact/hooks';
import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { addStarterReplies, STARTER_ADDED, starterAdditions } from '@/lib/domain/templates/starter-additions';
import { readIds, rememberIds, useShippedStarter } from './starter-notices';
import { NoticeButtons } from './NoticeButtons';
import { registerMessages, t } from '@/lib/i18n';
import { starterOrdersMessages } from '@/lib/i18n/messages/starter-orders';

registerMessages(starterOrdersMessages);

/**
 * The later starter replies this machine has seen (in the library, added, or dismissed), in this
 * page's localStorage, so one the agent deleted or declined is never offered again. Not on the
 * library record: an export or backup carries only the agent's replies, and the worker has no room.
 */
export const SEEN_KEY = 'kf-starter-added-seen';

const readSeen = () => readIds(SEEN_KEY);
const remember = (ids: readonly string[]) => rememberIds(SEEN_KEY, ids);

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
  const starter = useShippedStarter();
  const [seen, setSeen] = useState(readSeen);
  const [busy, setBusy] = useState(false);
  // A later reply the library holds has been seen here: deleted afterwards, it is not offered again.
  useEffect(() => {
    const later = new Set(STARTER_ADDED.flat());
    const held = props.lib.templates.filter((x) => later.has(x.id)).map((x) => x.id);
    if (held.some((id) => !seen.includes(id))) setSeen(remember(held));
  }, [props.lib]);
  if (!starter || !props.show) return null;
  const offered = starterAdditions(props.lib, starter, seen);
  if (!offered.length) return null;
  const ids = offered.map((x) => x.id);

  const add = async () => {
    setBusy(true);
    let count = 0;
    // Applied to whichever library the save ends up on (the newer one after a conflict).
    const change = (l: TemplateLibrary) => {
      const r = addStarterReplies(l, starter, ids);
      count = r.added.length;
      return r.library;
    };
    await props.persist(change, () => t('starterAdded.added', { n: count }));
    setBusy(false);
  };
  const dismiss = () => setSeen(remember(ids));

  return (
    <div class="kf-notice" data-kf="starter-added">
      <p class="kf-warn-text">{t('starterAdded.notice', { n: offered.length, titles: offered.map((x) => x.title).join('、') })}</p>
      <NoticeButtons
        busy={busy}
        act={{ kf: 'starter-added-add', label: t('starterAdded.add'), onClick: () => void add() }}
        dismiss={{ kf: 'starter-added-dismiss', label: t('starterAdded.dismiss'), onClick: dismiss }}
      />
    </div>
  );
}
