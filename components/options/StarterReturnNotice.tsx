import { useEffect, useState } from 'preact/hooks';
import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { addStarterReplies } from '@/lib/domain/templates/starter-additions';
import { LEFT_KINDS, lostWithKind } from '@/lib/domain/templates/starter-kinds';
import { readIds, rememberIds, useShippedStarter } from './starter-notices';
import { SEEN_KEY } from './StarterAddedNotice';
import { NoticeButtons } from './NoticeButtons';
import { registerMessages, t } from '@/lib/i18n';
import { starterKindMessages } from '@/lib/i18n/messages/starter-kinds';

registerMessages(starterKindMessages);

/**
 * The welcomes offered back here and answered (added, declined, or held in the library on this
 * machine), in this page's localStorage beside the other starter notices' records: each is offered
 * once, and one the shop deletes afterwards stays deleted.
 */
export const RETURN_KEY = 'kf-starter-return-seen';

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
  const starter = useShippedStarter();
  const [answered, setAnswered] = useState(() => readIds(RETURN_KEY));
  const [busy, setBusy] = useState(false);
  // A welcome the library holds counts as answered: deleted from now on, it is not offered again.
  useEffect(() => {
    const left = new Set(Object.values(LEFT_KINDS).flat());
    const held = props.lib.templates.filter((x) => left.has(x.id)).map((x) => x.id);
    if (held.some((id) => !answered.includes(id))) setAnswered(rememberIds(RETURN_KEY, held));
  }, [props.lib]);
  if (!starter || !props.show) return null;
  const ids = lostWithKind(props.lib, readIds(SEEN_KEY), answered);
  const offered = starter.templates.filter((x) => ids.includes(x.id));
  if (!offered.length) return null;

  const add = async () => {
    setBusy(true);
    let count = 0;
    // Applied to whichever library the save ends up on (the newer one after a conflict).
    const change = (l: TemplateLibrary) => {
      const r = addStarterReplies(l, starter, ids);
      count = r.added.length;
      return r.library;
    };
    if (await props.persist(change, () => t('starterReturn.added', { n: count }))) setAnswered(rememberIds(RETURN_KEY, ids));
    setBusy(false);
  };
  const dismiss = () => setAnswered(rememberIds(RETURN_KEY, ids));

  return (
    <div class="kf-notice" data-kf="starter-return">
      <p class="kf-warn-text">{t('starterReturn.notice', { n: offered.length, titles: offered.map((x) => x.title).join('、') })}</p>
      <NoticeButtons
        busy={busy}
        act={{ kf: 'starter-return-add', label: t('starterReturn.add'), onClick: () => void add() }}
        dismiss={{ kf: 'starter-return-dismiss', label: t('starterReturn.dismiss'), onClick: dismiss }}
      />
    </div>
  );
}
