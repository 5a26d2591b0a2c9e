import { useState } from 'preact/hooks';
import type { TemplateLibrary } from '@/lib/domain/templates/types';
import { applyStarterConditions, starterConditionCandidates } from '@/lib/domain/templates/starter-conditions';
import { readIds, rememberIds, useShippedStarter } from './starter-notices';
import { NoticeButtons } from './NoticeButtons';
import { registerMessages, t } from '@/lib/i18n';
import { starterOrdersMessages } from '@/lib/i18n/messages/starter-orders';

registerMessages(starterOrdersMessages);

/**
 * The agent's "don't ask again", kept in this page's localStorage (the extension's origin): the
 * ids it was said for, so a condition a later starter adds is offered once more. Not in the
 * settings, because every settings field is normalised in the worker, whose bundle has no room.
 */
export const DISMISSED_KEY = 'kf-starter-orders-dismissed';

const readDismissed = () => readIds(DISMISSED_KEY);

/**
 * Offers the starter library's order conditions (适用订单状态) to the starter replies of a library
 * saved before they had them. The change goes through the editor's own save (`persist`), so the
 * conflict check against another tab and team replication behave as for any edit. `show` is false
 * for an agent in team mode, whose library follows the shop's and cannot take the edit (and until
 * that is known), as for StarterAddedNotice.
 */
export function StarterOrdersNotice(props: {
  lib: TemplateLibrary;
  show: boolean;
  persist: (change: (l: TemplateLibrary) => TemplateLibrary, okText: () => string) => Promise<boolean>;
}) {
  const starter = useShippedStarter();
  const [dismissed, setDismissed] = useState(readDismissed);
  const [busy, setBusy] = useState(false);
  if (!starter || !props.show) return null;
  const candidates = starterConditionCandidates(props.lib, starter);
  if (!candidates.some((x) => !dismissed.includes(x.id))) return null;

  const apply = async () => {
    setBusy(true);
    let count = 0;
    // Applied to whichever library the save ends up on (the newer one after a conflict).
    const change = (l: TemplateLibrary) => {
      const r = applyStarterConditions(l, starter);
      count = r.count;
      return r.library;
    };
    await props.persist(change, () => t('starterOrders.applied', { n: count }));
    setBusy(false);
  };
  const dismiss = () => setDismissed(rememberIds(DISMISSED_KEY, candidates.map((x) => x.id)));

  return (
    <div class="kf-notice" data-kf="starter-orders">
      <p class="kf-warn-text">{t('starterOrders.notice', { n: candidates.length })}</p>
      <details>
        <summary class="kf-help">{t('starterOrders.which')}</summary>
        <p class="kf-help">{candidates.map((x) => x.title).join('、')}</p>
      </details>
      <NoticeButtons
        busy={busy}
        act={{ kf: 'starter-orders-apply', label: t('starterOrders.apply'), onClick: () => void apply() }}
        dismiss={{ kf: 'starter-orders-dismiss', label: t('starterOrders.dismiss'), onClick: dismiss }}
      />
    </div>
  );
}
