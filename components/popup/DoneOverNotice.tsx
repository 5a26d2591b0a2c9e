import { useEffect, useRef, useState } from 'preact/hooks';
import { registerMessages, t } from '@/lib/i18n';
import { team } from '@/lib/i18n/messages/team';
import type { DoneOver, ReopenedOver } from '@/lib/team/config';
import { followupTitle } from '@/lib/domain/followups/text';
import { usePopupApi } from './PopupContext';
import { formatDue } from './format';

registerMessages(team);

/** What team mode has to tell this agent about their follow-ups (this machine's only). */
export interface TeamNotices {
  /** Items they snoozed that a colleague marked done. */
  doneOver: DoneOver[];
  /** Items they marked done that a colleague reopened after: said on the item's row. */
  reopened: ReopenedOver[];
}

const NONE: TeamNotices = { doneOver: [], reopened: [] };

/**
 * The team status's notices for the follow-up list: null until the status has answered with them
 * (a round in progress says 同步中 without them: the last ones stay until the round's status), so the
 * list can say when what it shows is complete (FollowupList's `data-loaded`). Outside team mode, or
 * when the worker cannot answer, there is nothing to tell.
 */
export function useTeamNotices(): { notices: TeamNotices | null; dismissDoneOver(): void; seenReopened(n: ReopenedOver, tell?: boolean): void } {
  const api = usePopupApi();
  const [notices, setNotices] = useState<TeamNotices | null>(null);
  // Reopens acted on in this popup: a status read before the team page dropped one does not bring it back.
  const seen = useRef(new Set<string>());
  const key = (n: ReopenedOver) => `${n.at} ${n.id}`;
  useEffect(() => {
    const load = () =>
      void api.call('teamStatus').then(
        (r) => {
          const s = r?.status;
          if (s?.state === 'syncing') return;
          const on = !!s && s.state !== 'off';
          setNotices({ doneOver: on ? (s.doneOver ?? []) : [], reopened: on ? (s.reopened ?? []).filter((n) => !seen.current.has(key(n))) : [] });
        },
        () => setNotices((n) => n ?? NONE),
      );
    load();
    return api.onChanged(['team'], load);
  }, []);
  return {
    notices,
    dismissDoneOver() {
      setNotices((n) => n && { ...n, doneOver: [] });
      void api.call('teamDismissRefused', { doneOver: true }).catch(() => undefined);
    },
    /** `tell` false: a verb that writes the item follows, and the worker drops it then (followupActedOn). */
    seenReopened(n, tell = true) {
      seen.current.add(key(n));
      setNotices((all) => all && { ...all, reopened: all.reopened.filter((x) => x !== n) });
      if (tell) void api.call('teamDismissRefused', { reopened: n.id }).catch(() => undefined);
    },
  };
}

/**
 * Team mode: the follow-ups this agent snoozed that a colleague marked done meanwhile (done wins over
 * snoozed, lib/team/README.md). Said once, at the top of the list where the agent looks for the item,
 * until 知道了: otherwise they would wait for it to come back at the snooze time.
 */
export function DoneOverNotice(props: { items: readonly DoneOver[]; onDismiss(): void; now: number; zone: number | null }) {
  const { items } = props;
  if (!items.length) return null;
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
      <button data-kf="done-over-ok" onClick={props.onDismiss}>
        {t('team.refused.ok')}
      </button>
    </div>
  );
}
