import { t } from '../i18n';
import type { TeamStatus } from './config';

/** The status line the popup and the options page show (已同步 / 离线, with (n 条待同步) when something waits / the error). */
export function teamStatusText(s: TeamStatus): string {
  const text = statusText(s);
  // Said beside the state, never instead of it: everything else did sync.
  return s.unreadable ? `${text}${t('team.status.unreadable', { n: s.unreadable })}` : text;
}

function statusText(s: TeamStatus): string {
  const n = s.pending;
  // Never 已同步 while something the user wrote was refused: it reached nobody.
  if (s.refused?.length && s.state !== 'removed') return t('team.status.refused', { n: s.refused.length, what: s.refused.map(refusedName).join('、') });
  if (s.role && s.state === 'synced') return t('team.status.role', { role: t(`team.role.${s.role}`), n });
  switch (s.state) {
    case 'off':
      return t('team.status.off');
    case 'synced':
      return n ? t('team.status.pending', { n }) : t('team.status.synced');
    case 'syncing':
      return t('team.status.syncing');
    case 'leaving':
      return t('team.status.leaving');
    case 'offline':
      return n ? t('team.status.offline', { n }) : t('team.status.offlineNone');
    case 'auth':
      return t('team.status.auth', { n });
    case 'removed':
      return t('team.status.removed', { n, shop: s.message ?? '' });
    default:
      if (s.redirect !== undefined) return s.redirect ? t('team.status.redirectTo', { to: s.redirect, n }) : t('team.status.redirect', { n });
      return s.message === 'unsupported' ? t('team.status.unsupported') : t('team.status.error', { message: s.message ?? '', n });
  }
}

/** A refused document in words: a reply by its title, else what kind of record it is. */
export function refusedName(r: { id: string; title?: string }): string {
  if (r.id.startsWith('tpl:')) return t('team.refused.template', { title: r.title ?? r.id.slice(4) });
  if (r.id === 'rules') return t('team.refused.rules');
  if (r.id === 'groups') return t('team.refused.groups');
  if (r.id.startsWith('site:')) return t('team.refused.site', { origin: r.id.slice(5) });
  return t('team.refused.other', { id: r.id });
}
