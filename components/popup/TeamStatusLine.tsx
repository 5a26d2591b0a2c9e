import { useEffect, useState } from 'preact/hooks';
import { registerMessages } from '@/lib/i18n';
import { team } from '@/lib/i18n/messages/team';
import { teamStatusText } from '@/lib/team/status-text';
import type { TeamStatus } from '@/lib/team/config';
import { usePopupApi } from './PopupContext';

registerMessages(team);

/** One line under the popup's header in team mode: 已同步 / 离线 (n 条待同步) / the error. Nothing otherwise. */
export function TeamStatusLine() {
  const api = usePopupApi();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  useEffect(() => {
    const load = () => void api.call('teamStatus').then((r) => setStatus(r?.status ?? null), () => setStatus(null));
    load();
    return api.onChanged(['team'], load);
  }, []);
  if (!status || status.state === 'off') return null;
  return (
    <p class="kf-status" role="status" data-kf="team-status">
      {teamStatusText(status)}
    </p>
  );
}
