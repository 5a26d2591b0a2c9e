import { useEffect, useState } from 'preact/hooks';
import { registerMessages, t } from '@/lib/i18n';
import { team } from '@/lib/i18n/messages/team';
import type { DoneOver } from '@/lib/team/config';
import { followupTitle } from '@/lib/domain/followups/text';
import { usePopupApi } from './PopupContext';
import { formatDue } from './format';

registerMessages(team);

/**
 * Team mode: the follow-ups this agent snoozed that a colleague marked done meanwhile (done wins over
 * snoozed, lib/team/README.md). Said once, at the top of the list where the agent looks for the item,
 * until 知道了: otherwise they would wait for it to come back at the snooze time.
 */
export function DoneOverNotice(props: { now: number; zone: number | null }) {
  const api = usePopupApi();
  const [items, setItems] = useState<DoneOver[]>([]);
  useEffect(() => {
    const load = () =>
      void api.call('teamStatus').then(
        // A round in progress says 同步中 without the list: the last list stays until the round's status.
        (r) => r?.status?.state !== 'syncing' && setItems(r?.status?.state === 'off' ? [] : (r?.status?.doneOver ?? [])),
        () => undefined,
      );
    load();
    return api.onChanged(['team'], load);
  }, []);
  if (!items.length) return null;
  const dismiss = () => {
    setItems([]);
    void api.call('teamDismissRefused', { doneOver: true }).catch(() => undefined);
  };
  return (
    <div class="kf-notice" role="status" data-kf="done-over">
      <ul>
        {items.map((d) => (
          <li data-id={d.id}>
            {d.by ? t('team.doneOver.by', { title: followupTitle(d, t), by: d.by }) : t('team.doneOver.colleague', { title: followupTitle(d, t) })}
            {d.until !== undefined && ` ${t('team.doneOver.until', { time: formatDue(d.until, props.now, props.zone) })}`}
          </li>
        ))}
      </ul>
      <button data-kf="done-over-ok" onClick={dismiss}>
        {t('team.refused.ok')}
      </button>
    </div>
  );
}
