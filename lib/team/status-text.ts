import { t } from '../i18n';
import type { TeamStatus } from './config';

/** The status line the popup and the options page show (已同步 / 离线 (n 条待同步) / the error). */
export function teamStatusText(s: TeamStatus): string {
  const n = s.pending;
  switch (s.state) {
    case 'off':
      return t('team.status.off');
    case 'synced':
      return n ? t('team.status.pending', { n }) : t('team.status.synced');
    case 'syncing':
      return t('team.status.syncing');
    case 'offline':
      return t('team.status.offline', { n });
    case 'auth':
      return t('team.status.auth', { n });
    default:
      return s.message === 'unsupported' ? t('team.status.unsupported') : t('team.status.error', { message: s.message ?? '', n });
  }
}
